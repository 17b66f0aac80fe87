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
             cues: list[tuple[int, int, str]]) -> list[Segment]:
    cuts = {lo, hi}
    for a, b, _ in sources + cues:
        cuts.update(x for x in (a, b) if lo < x < hi)
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        out.append(Segment(text[a:b], sorted({i for s, e, i in sources if s <= a and b <= e}),
                           sorted({k for s, e, k in cues if s <= a and b <= e})))
    return out


def draft_parts(article: Article, data: dict[str, Any] | None) -> tuple[list[Segment], list[Segment]]:
    """The draft around the outline block: (intro segments, body segments)."""
    sources, cues = [], []
    if data is not None:
        for i, s in enumerate(data.get("lead_sentences", [])):
            if s.get("start") is not None and s.get("end") is not None:
                sources.append((s["start"], s["end"], i))
        cues = caveat_spans(data.get("caveats") or {})
    text, at = article.text, article.outline_at
    return segments(text, 0, at, sources, cues), segments(text, at, len(text), sources, cues)


def caveat_kinds(data: dict[str, Any] | None) -> list[str]:
    if not data:
        return []
    return list((data.get("caveats") or {}).get("source_kinds", {}))
