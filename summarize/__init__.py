"""summarize: turn health-writing drafts into finished articles (lead abstract + outline)."""
__version__ = "0.1.0"


def __getattr__(name):
    # Lazy: `import summarize` stays cheap (no torch) for the CLI's --help and the parsers.
    if name in ("Summarizer", "Result"):
        from summarize import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
