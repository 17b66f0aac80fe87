"""Renderers: the house format, Markdown and JSON.

The house format is line 1 the lead, then the intro, then the ``- `` outline lines (sub-headings
as ``- – …``), then the body exactly as in the draft. The draft's bytes are copied by slicing
``Article.text``, never rebuilt from parsed pieces.
"""
from __future__ import annotations

import json
from typing import Any

from summarize.corpus.article import Article, OutlineEntry

SUB_MARKER = "– "


def outline_lines(outline: list[OutlineEntry]) -> list[str]:
    return ["- " + SUB_MARKER * (e.level - 1) + e.heading for e in outline]


def render_house(article: Article) -> str:
    nl = article.newline
    sep = nl * 2 if article.blank_line_paragraphs else nl
    text = article.text
    intro, body = text[: article.outline_at], text[article.outline_at :]
    out = []
    if article.lead is not None:
        out.append(article.lead.strip() + sep)
    lines = outline_lines(article.outline)
    if lines:
        if intro and not intro.endswith(("\n", "\r")):
            intro += sep
        out.append(intro)
        out.append(nl.join(lines) + (sep if body else ""))
    else:
        out.append(intro)
    out.append(body)
    return "".join(out)


def render_markdown(article: Article) -> str:
    nl = article.newline
    text = article.text
    out: list[str] = []
    if article.title is not None:
        title = text[article.title.start : article.title.end]
        out.append(title if title.startswith("#") else "# " + title)
    if article.lead:
        out.append(article.lead.strip())
    if article.outline:
        out.append(nl.join("  " * (e.level - 1) + "- " + e.heading for e in article.outline))
    if article.format == "markdown":
        start = article.title.end if article.title is not None else 0
        rest = text[start:].strip("\r\n")
        if rest:
            out.append(rest)
    else:
        pieces = list(article.intro)
        for section in article.walk():
            if section.heading is not None and not section.generated:
                out.extend(_joined(text, pieces))
                pieces = []
                out.append("#" * (section.level + 1) + " " + section.heading)
            pieces.extend(section.paragraphs)
        if article.closing is not None:
            pieces.append(article.closing)
        out.extend(_joined(text, pieces + article.trailer))
    return (nl * 2).join(out) + nl


def _joined(text: str, paragraphs) -> list[str]:
    """The paragraphs as printed; a paragraph split off on the same line (a dateline) is
    printed with the rest of its line."""
    out: list[str] = []
    previous_end = None
    for p in paragraphs:
        if previous_end is not None and "\n" not in text[previous_end : p.start] and "\r" not in text[previous_end : p.start]:
            out[-1] = out[-1] + text[previous_end : p.end]
        else:
            out.append(text[p.start : p.end])
        previous_end = p.end
    return out


def article_dict(article: Article) -> dict[str, Any]:
    """The parsed structure (for scripts): title, intro, sections, closing."""

    def section_dict(s) -> dict[str, Any]:
        return {
            "heading": s.heading,
            "level": s.level,
            "generated": s.generated,
            "paragraphs": [p.text for p in s.paragraphs],
            "subsections": [section_dict(x) for x in s.subsections],
        }

    return {
        "format": article.format,
        "title": article.title.text if article.title else None,
        "intro": [p.text for p in article.intro],
        "sections": [section_dict(s) for s in article.sections],
        "closing": article.closing.text if article.closing else None,
        # Paragraphs the cleaning step set aside (kept in the body, read by nothing else).
        "set_aside": [{"text": p.text, "reason": p.boilerplate} for p in article.set_aside()],
    }


def render_json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
