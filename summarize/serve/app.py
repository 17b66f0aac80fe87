"""Flask routes of the review desk. Pages are server-side Jinja (autoescaped); the little JS in
static/desk.js talks to the JSON endpoints under /api/.

Safety: drafts are addressed by their name in the listing (never opened from a URL path);
POSTs take JSON only (a cross-site form cannot send it); request bodies are capped; the Host
header must name this machine when bound to loopback (DNS rebinding); errors render a short
page or JSON, never a traceback.
"""
from __future__ import annotations

import ipaddress
import logging
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from summarize.io import InputError

from . import review, view
from .desk import STATUSES, Desk, NotSummarized, UnknownDraft

log = logging.getLogger(__name__)
MAX_REQUEST_BYTES = 256 * 1024  # an edited lead is a few hundred words; nothing sent here is large
MAX_LEAD_CHARS = 20_000
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]
SERVER_THREADS = 4


def create_app(draft_dir: str | Path, out_dir: str | Path, summarizer: review.SummarizeFn,
               trusted_hosts: list[str] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES, TRUSTED_HOSTS=trusted_hosts, DEBUG=False,
                      JSON_SORT_KEYS=False)
    desk = Desk(Path(draft_dir), Path(out_dir), summarizer)
    app.extensions["desk"] = desk
    labels = review.kind_labels()

    def entry_or_404(name: str):
        try:
            return desk.entry(name)
        except UnknownDraft:
            desk.refresh()  # a file added since the list was last read
        try:
            return desk.entry(name)
        except UnknownDraft:
            abort(404, description="No draft of that name in this folder.")

    def posted_lead() -> str:
        body = request.get_json(silent=False)  # 415 unless Content-Type is application/json
        lead = body.get("lead") if isinstance(body, dict) else None
        if not isinstance(lead, str) or len(lead) > MAX_LEAD_CHARS:
            abort(400, description=f"Send {{\"lead\": text}} of at most {MAX_LEAD_CHARS} characters.")
        return lead

    # ------------------------------------------------------------------ pages
    @app.get("/")
    def index():
        desk.refresh()
        wanted = request.args.get("status", "")
        if wanted and wanted not in STATUSES:
            abort(400, description=f"Unknown status; choose from {', '.join(STATUSES)}.")
        rows = [(n, e) for n, e in desk.entries() if not wanted or e.status == wanted]
        return render_template("list.html", rows=rows, statuses=STATUSES, wanted=wanted,
                               draft_dir=desk.draft_dir, out_dir=desk.out_dir, progress=desk.status())

    @app.get("/draft/<path:name>")
    def draft(name: str):
        entry_or_404(name)
        entry, text = desk.current(name)
        article = review.parse(text)
        data = entry.data
        intro, body = view.draft_parts(article, data)
        sentences = []
        if data is not None:
            sentences = [dict(s, index=i) for i, s in enumerate(data["lead_sentences"])]
        kinds = view.caveat_kinds(data)
        return render_template("draft.html", name=name, entry=entry, data=data, intro=intro, body=body,
                               sentences=sentences, legend=[(k, labels.get(k, k)) for k in kinds],
                               outline=(data or {}).get("outline", []), caveats=(data or {}).get("caveats") or {},
                               added=view.added_caveats(data),
                               out_files=desk.outputs(name))

    @app.get("/download/<fmt>/<path:name>")
    def download(fmt: str, name: str):
        entry_or_404(name)
        entry, _ = desk.current(name)
        if entry.data is None:
            abort(409, description="Summarize this draft first.")
        stem = Path(name).name
        if fmt == "json":
            body, mime, suffix = review.json_text(entry.data), "application/json", ".json"
        elif fmt == "md":
            article = review.finished(review.parse(desk.text(name)), entry.data["lead"], entry.data["outline"])
            body, mime, suffix = review.markdown(article), "text/markdown", ".md"
        else:
            abort(404, description="Downloads are md or json.")
        return Response(body, mimetype=mime,
                        headers={"Content-Disposition": f'attachment; filename="{stem}{suffix}"'})

    # ------------------------------------------------------------------ API
    @app.get("/api/status")
    def status():
        return jsonify(desk.status())

    @app.post("/api/summarize-new")
    def summarize_new():
        request.get_json(silent=False)
        return jsonify(queued=desk.enqueue_new(), **desk.status())

    @app.post("/api/summarize/<path:name>")
    def summarize_one(name: str):
        entry_or_404(name)
        request.get_json(silent=False)
        return jsonify(queued=desk.enqueue([name]), **desk.status())

    @app.post("/api/check/<path:name>")
    def check(name: str):
        entry = entry_or_404(name)
        lead = posted_lead()
        result = desk.checker(review.parse(desk.text(name)).text, lead)
        proposed = entry.data["lead_sentences"] if entry.data else []
        result["sentences"] = review.lead_sentences(lead, proposed)
        result["labels"] = {k: labels.get(k, k) for k in result["missing"]}
        return jsonify(result)

    @app.post("/api/accept/<path:name>")
    def accept(name: str):
        entry_or_404(name)
        lead = posted_lead()
        try:
            done = desk.accept(name, lead)
        except NotSummarized:
            abort(409, description="Summarize this draft first (or again: it changed on disk).")
        return jsonify(status="accepted", txt=str(done.txt), json=str(done.json))

    # ------------------------------------------------------------------ errors
    def error_response(code: int, title: str, message: str):
        if isinstance(request.routing_exception, SecurityError):
            # an untrusted Host header: no URLs can be built, and the caller is not a user's page
            return Response(f"{code} {title}: this server answers only to {', '.join(trusted_hosts or [])}\n",
                            status=code, mimetype="text/plain")
        if request.path.startswith("/api/"):
            return jsonify(error=title, message=message), code
        return render_template("error.html", code=code, title=title, message=message), code

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return error_response(exc.code or 500, exc.name, exc.description or "")

    @app.errorhandler(InputError)
    def input_error(exc: InputError):
        return error_response(422, "Unreadable draft", exc.reason)

    @app.errorhandler(InternalServerError)
    def server_error(exc: InternalServerError):
        log.error("internal error on %s", request.path, exc_info=exc.original_exception)
        return error_response(500, "Internal error", "Something went wrong; the details are in the server log.")

    @app.context_processor
    def helpers() -> dict[str, Any]:
        return {"draft_url": lambda n: url_for("draft", name=n)}

    return app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(app: Flask, host: str, port: int) -> None:
    """Serve with waitress (a production WSGI server); Ctrl-C stops it."""
    from waitress import serve as waitress_serve

    waitress_serve(app, host=host, port=port, threads=SERVER_THREADS,
                   max_request_body_size=MAX_REQUEST_BYTES, ident="summarize-desk")
