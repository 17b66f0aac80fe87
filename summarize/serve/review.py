"""The one place the review desk touches the pipeline: summarize, re-check, render, accept.

Everything else in ``summarize.serve`` works on the plain dicts these functions return (the
same shape ``summarize run`` writes as JSON), so a change in the pipeline's internals is
absorbed here.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from summarize.corpus.article import Article, OutlineEntry
from summarize.corpus.parse import parse_article
from summarize.corpus.render import render_house, render_json, render_markdown
from summarize.corpus.text import split_sentences
from summarize.io import sha256, write_atomic

# A summarizer as the desk sees it: draft text in, something with ``to_dict()`` out
# (``summarize.pipeline.Result``; tests inject a fake).
SummarizeFn = Callable[[str], Any]


def load_summarizer(model: str | None, device: str) -> SummarizeFn:
    from summarize.pipeline import Summarizer

    return Summarizer(model=model, device=device)


def summarize(fn: SummarizeFn, text: str) -> dict[str, Any]:
    """The result as a JSON-ready dict (lead, lead_sentences, outline, caveats, warnings...)."""
    data = fn(text).to_dict()
    data.pop("article", None)  # the desk re-parses the draft; no need to keep a second copy
    return data


def parse(text: str) -> Article:
    return parse_article(text)


def finished(article: Article, lead: str, outline: list[dict]) -> Article:
    article.lead = lead
    article.outline = [OutlineEntry(e["heading"], e.get("level", 1), e.get("generated", False)) for e in outline]
    return article


def house(article: Article) -> str:
    return render_house(article)


def markdown(article: Article) -> str:
    return render_markdown(article)


class LeadChecker:
    """The caveat filter run on an edited lead. One filter, shared by request threads."""

    def __init__(self) -> None:
        from summarize.caveats import CaveatFilter

        self._filter = CaveatFilter()
        self._lock = threading.Lock()  # the filter caches lazily; keep it to one caller at a time

    def __call__(self, source: str, lead: str) -> dict[str, Any]:
        with self._lock:
            res = self._filter(source, lead)
        report = res.report.to_dict()
        missing = sorted({k for a in report["added"] for k in a["kinds"]} | set(report["unresolved"]))
        overclaims = ([{"text": r["text"], "reason": r["reason"]} for r in report["removed"]]
                      + [{"text": r["before"], "reason": r["reason"]} for r in report["rewritten"]])
        return {"passed": res.passed, "missing": missing, "overclaims": overclaims,
                "suggested": res.summary, "report": report}


def lead_sentences(lead: str, proposed: list[dict]) -> list[dict]:
    """The sentences of a (possibly edited) lead, each keeping its provenance when the editor
    left it unchanged; new or changed sentences are the editor's."""
    by_text = {s["text"]: (i, s) for i, s in enumerate(proposed)}
    out = []
    for s in split_sentences(lead):
        i, orig = by_text.get(s.text, (None, None))
        out.append(dict(orig, index=i) if orig else {"text": s.text, "source": "editor", "index": None})
    return out


@dataclass(frozen=True)
class Accepted:
    txt: Path
    json: Path


def accept(draft_text: str, data: dict, lead: str, check: dict, draft_path: str,
           txt: Path, js: Path) -> Accepted:
    """Write the house file and the JSON (JSON last: its presence marks the draft accepted)."""
    article = finished(parse(draft_text), lead.strip(), data["outline"])
    payload = dict(data)
    payload.update(
        lead=lead.strip(),
        lead_sentences=[{k: v for k, v in s.items() if k != "index"}
                        for s in lead_sentences(lead.strip(), data["lead_sentences"])],
        edited=lead.strip() != data["lead"].strip(),
        proposed_lead=data["lead"],
        lead_check={k: check[k] for k in ("passed", "missing", "overclaims")},
        house=render_house(article),
        draft=draft_path,
        draft_sha256=sha256(draft_text),
        accepted=True,
    )
    write_atomic(txt, payload["house"])
    write_atomic(js, render_json(payload))
    return Accepted(txt, js)


def json_text(payload: dict) -> str:
    return render_json(payload)


def kind_labels() -> dict[str, str]:
    """Caveat kind -> its human label, in policy order (for the legend)."""
    from summarize.caveats import load_policy

    return {name: kind.label for name, kind in load_policy().kinds.items()}
