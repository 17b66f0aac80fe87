"""summarize: turn health-writing drafts into finished articles (lead abstract + outline)."""
__version__ = "0.1.0"
