"""The review desk: a small local web app where an editor checks, edits and accepts leads.

    from summarize.serve import create_app
    app = create_app(draft_dir, out_dir, summarizer)   # summarizer: text -> Result

``summarize serve DIR`` runs it with waitress on 127.0.0.1.
"""
from .app import MAX_REQUEST_BYTES, create_app, serve

__all__ = ["MAX_REQUEST_BYTES", "create_app", "serve"]
