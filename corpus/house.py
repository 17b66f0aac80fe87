"""Compose house-format articles from structured documents (for evaluation on unseen articles).

``python -m corpus.house --from medquad --out DIR --limit 50`` writes NIH health pages from the
shared MedQuAD data (questions as headings) as house-format articles: lead, intro, outline,
sections, closing. They are articles the parser was never tuned on; ``summarize eval --data DIR``
and the outline check below measure the pipeline on them. Output goes outside the repository.
"""
from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

from summarize.corpus.render import outline_lines
from summarize.corpus.article import OutlineEntry


def compose_house(lead: str, intro: str, sections: list[tuple[str, int, list[str]]], closing: str | None) -> str:
    """One paragraph per line, as the house format prints it."""
    outline = [OutlineEntry(h, level) for h, level, _ in sections]
    lines = [lead, intro, *outline_lines(outline)]
    for heading, level, paragraphs in sections:
        lines.append(("– " * (level - 1)) + heading)
        lines.extend(paragraphs)
    if closing:
        lines.append(closing)
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def from_document(doc, max_sections: int = 6) -> str | None:
    from summarize.corpus.sources import medquad_paragraphs, sentences

    secs = []
    for s in doc.sections[:max_sections]:
        paragraphs = [_one_line(p) for p in medquad_paragraphs(s.text)] if doc.dataset == "medquad" else \
            [_one_line(p) for p in s.text.split("\n") if p.strip()]
        # House paragraphs are sentences; the pages' own sub-headings and list fragments
        # (short lines without final punctuation) would be headings in the house format.
        paragraphs = [p for p in paragraphs if len(p.split()) >= 4 and p.rstrip("\"'”’)").endswith((".", "!", "?"))]
        heading = _one_line(s.heading)
        if paragraphs and heading:
            secs.append((heading, 1, paragraphs))
    if len(secs) < 2:
        return None
    body = " ".join(p for _, _, ps in secs for p in ps)
    sents = sentences(body)
    if len(sents) < 4:
        return None
    lead = " ".join(sents[:2])
    title = doc.title or doc.meta.get("focus") or "this topic"
    intro = f"This article brings together what is known about {title}."
    closing = None
    last = secs[-1][2]
    if len(last) >= 3:  # keep at least two paragraphs in the last section
        closing = last.pop()
    return compose_house(lead, intro, secs, closing)


def write_house_articles(source: str, out: Path, limit: int = 50, shared=None) -> int:
    """Compose up to ``limit`` house-format articles from MedQuAD or ScisummNet into ``out``."""
    from summarize.corpus import sources

    reader = sources.read_medquad if source == "medquad" else sources.read_scisummnet
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for doc in itertools.islice(reader(shared), 20 * limit):
        text = from_document(doc)
        if text is None:
            continue
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", doc.doc_id)[:80]
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        written += 1
        if written >= limit:
            break
    return written
