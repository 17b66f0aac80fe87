"""What the draft view shows, computed in Python so the templates only loop and escape.

The draft text is cut into segments at every boundary of a lead sentence's source and of a
caveat cue; each segment knows which lead sentences it supports and which caveat kinds it
states. Overlapping spans are therefore fine, and the text itself is never turned into HTML
here (the template escapes it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from summarize.corpus.article import Article


@dataclass
class Segment:
    text: str
    sources: list[int] = field(default_factory=list)  # indexes of the lead sentences it supports
    kinds: list[str] = field(default_factory=list)  # caveat kinds stated here
    heading: bool = False  # a heading line of the draft (text outside every paragraph)


def caveat_spans(report: dict[str, Any]) -> list[tuple[int, int, str]]:
    """The cue of every caveat the filter found in the draft, as (start, end, kind)."""
    spans = []
    for kind, mentions in report.get("source_kinds", {}).items():
        for m in mentions:
            sentence, cue = m.get("sentence", ""), m.get("cue") or ""
            at = sentence.lower().find(cue.lower()) if cue else -1
            if m.get("start") is None:
                continue
            if at >= 0:
                spans.append((m["start"] + at, m["start"] + at + len(cue), kind))
            else:  # a paraphrase found by the encoder: the whole sentence
                spans.append((m["start"], m["end"], kind))
    return spans


def segments(text: str, lo: int, hi: int, sources: list[tuple[int, int, int]],
             cues: list[tuple[int, int, str]], headings: list[tuple[int, int]] = ()) -> list[Segment]:
    cuts = {lo, hi}
    for a, b, *_ in list(sources) + list(cues) + list(headings):
        cuts.update(x for x in (a, b) if lo < x < hi)
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        out.append(Segment(text[a:b], sorted({i for s, e, i in sources if s <= a and b <= e}),
                           sorted({k for s, e, k in cues if s <= a and b <= e}),
                           any(s <= a and b <= e for s, e in headings)))
    return out


def heading_spans(article: Article) -> list[tuple[int, int]]:
    """Heading lines: the non-blank text between paragraphs (offsets come from the parser)."""
    spans, pos = [], 0
    paragraphs = sorted(article.paragraphs(), key=lambda p: p.start)
    if article.title is not None:
        paragraphs.insert(0, article.title)
    for p in paragraphs + [None]:
        end = p.start if p is not None else len(article.text)
        gap = article.text[pos:end]
        if gap.strip():
            lead = len(gap) - len(gap.lstrip())
            spans.append((pos + lead, pos + len(gap.rstrip())))
        if p is not None:
            pos = max(pos, p.end)
    return spans


def draft_parts(article: Article, data: dict[str, Any] | None) -> tuple[list[Segment], list[Segment]]:
    """The draft around the outline block: (intro segments, body segments)."""
    sources, cues = [], []
    if data is not None:
        for i, s in enumerate(data.get("lead_sentences", [])):
            if s.get("start") is not None and s.get("end") is not None:
                sources.append((s["start"], s["end"], i))
        cues = caveat_spans(data.get("caveats") or {})
    text, at = article.text, article.outline_at
    heads = heading_spans(article)
    return segments(text, 0, at, sources, cues, heads), segments(text, at, len(text), sources, cues, heads)


def caveat_kinds(data: dict[str, Any] | None) -> list[str]:
    if not data:
        return []
    return list((data.get("caveats") or {}).get("source_kinds", {}))


def added_caveats(data: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The sentences the caveat filter put into the lead, with their kinds.

    Read from the lead's provenance (source "caveat"), not only from the report's ``added``:
    when the pipeline trims a long lead it runs the filter again, and that last report sees
    the caveat sentences as already there.
    """
    if not data:
        return []
    report = data.get("caveats") or {}
    kinds_of: dict[str, list[str]] = {}
    for kind, mentions in report.get("summary_kinds", {}).items():
        for m in mentions:
            kinds_of.setdefault(m.get("sentence", ""), []).append(kind)
    by_text = {a["text"]: a for a in report.get("added", [])}
    out = []
    for s in data.get("lead_sentences", []):
        if s.get("source") != "caveat":
            continue
        a = by_text.get(s["text"], {})
        out.append({"text": s["text"], "kinds": a.get("kinds") or kinds_of.get(s["text"], []),
                    "default": a.get("default", False), "source_text": s.get("source_text")})
    return out
