"""Parsers: the house format (lead + intro + outline + sections + closing) and drafts.

A draft is the house format without lead and outline, plain text (blank-line paragraphs,
possibly hard-wrapped) or Markdown (``#`` headings). Headings are detected the way the house
articles print them: short lines without final punctuation that open a section; lines starting
with "– " are sub-headings (they may end with a period); a heading printed twice in a row is
one heading. Offsets always point into the verbatim text, so nothing is re-typed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from summarize.corpus.article import Article, OutlineEntry, Paragraph, Section

MAX_HEADING_WORDS = 20
MAX_SUBHEADING_WORDS = 45
SUBHEADING_MARKERS = ("– ", "— ")  # en dash / em dash + space, as the house format prints them
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_LIST_ITEM = re.compile(r"^([-*•+]|\d+[.)])\s")
_FINAL_PUNCT = tuple(".!:;,…")
_CLOSERS = "\"'”’)]»"


class DraftError(ValueError):
    """The text cannot be read as a draft (empty, no sentences, ...)."""


@dataclass
class _Line:
    text: str  # without the line ending
    start: int
    end: int  # end of text, line ending excluded


@dataclass
class _Block:
    lines: list[_Line]
    kind: str = "paragraph"  # paragraph | heading
    level: int = 1
    heading: str | None = None

    @property
    def first(self) -> str:
        return self.lines[0].text.strip()

    def paragraph(self) -> Paragraph:
        text = " ".join(line.text.strip() for line in self.lines)
        start = self.lines[0].start + (len(self.lines[0].text) - len(self.lines[0].text.lstrip()))
        return Paragraph(text, start, self.lines[-1].start + len(self.lines[-1].text.rstrip()))


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(_Line(body, pos, pos + len(body)))
        pos += len(raw)
    return out


def _ends_with_punct(s: str) -> bool:
    s = s.rstrip(_CLOSERS + " ")
    return s.endswith(_FINAL_PUNCT)


def heading_like(line: str) -> bool:
    """A short line without final punctuation (a question mark is allowed on short lines)."""
    s = line.strip()
    if not s or len(s) > 160 or _LIST_ITEM.match(s):
        return False
    n_words = len(s.split())
    if n_words > MAX_HEADING_WORDS:
        return False
    if s.rstrip(_CLOSERS).endswith("?"):
        # Question headings ("What Is Kratom?", "how much should you take?") are common in
        # health writing; a one-line question paragraph that short is rare.
        return n_words <= 16
    if _ends_with_punct(s):
        return False
    first = s.lstrip("\"'“‘(")
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def subheading_text(line: str) -> str | None:
    s = line.strip()
    for marker in SUBHEADING_MARKERS:
        if s.startswith(marker) and len(s.split()) <= MAX_SUBHEADING_WORDS:
            return s[len(marker):].strip()
    return None


def _title_case_share(line: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", line) if len(w) > 3]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _heads_block(first: str, second: str) -> bool:
    if subheading_text(first):
        return True
    if not heading_like(first):
        return False
    return len(first.strip()) < 0.7 * len(second.strip()) or _title_case_share(first) >= 0.6


def _blocks(text: str, markdown: bool, blank_style: bool) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[_Line] = []

    def flush():
        if current:
            blocks.append(_Block(list(current)))
            current.clear()

    for line in _lines(text):
        stripped = line.text.strip()
        if not stripped:
            flush()
            continue
        md = markdown and _MD_HEADING.match(stripped)
        if md or not blank_style:
            flush()
            current.append(line)
            flush()
            continue
        # A heading line directly above its paragraph (no blank line between) is its own block;
        # a hard-wrapped paragraph line is not (it is about as long as the next line).
        if len(current) == 1 and not markdown and _heads_block(current[0].text, line.text):
            flush()
        current.append(line)
    flush()
    return blocks


def _classify(blocks: list[_Block], markdown: bool) -> None:
    for i, block in enumerate(blocks):
        if len(block.lines) != 1:
            continue
        line = block.first
        if markdown:
            m = _MD_HEADING.match(line)
            if m:
                block.kind, block.level, block.heading = "heading", len(m.group(1)), m.group(2)
            continue
        # A heading must open a section: something follows it.
        if i == len(blocks) - 1:
            continue
        sub = subheading_text(line)
        if sub is not None:
            block.kind, block.level, block.heading = "heading", 2, sub
        elif heading_like(line):
            block.kind, block.level, block.heading = "heading", 1, line


def _normalise_markdown_levels(blocks: list[_Block]) -> None:
    depths = sorted({b.level for b in blocks if b.kind == "heading"})
    rank = {d: i + 1 for i, d in enumerate(depths)}
    for b in blocks:
        if b.kind == "heading":
            b.level = rank[b.level]


def parse_draft(text: str) -> Article:
    """Parse a draft: house format without lead and outline, plain text, or Markdown."""
    if not text.strip():
        raise DraftError("the draft is empty")
    newline = "\r\n" if "\r\n" in text else "\n"
    markdown = any(_MD_HEADING.match(line.strip()) for line in text.splitlines())
    blank_style = bool(re.search(r"\S[ \t]*\r?\n[ \t]*\r?\n[ \t]*\S", text))
    blocks = _blocks(text, markdown, blank_style)
    _classify(blocks, markdown)

    article = Article(
        text=text,
        format="markdown" if markdown else ("plain" if blank_style else "house"),
        newline=newline,
        blank_line_paragraphs=blank_style,
    )

    # A title: a Markdown "# " heading on top, or a heading-like first line of a plain draft.
    if blocks and blocks[0].kind == "heading":
        is_md_title = markdown and blocks[0].level == 1 and sum(
            1 for b in blocks if b.kind == "heading" and b.level == 1
        ) == 1
        if is_md_title or (not markdown and blank_style and blocks[0].level == 1):
            article.title = blocks[0].paragraph()
            blocks = blocks[1:]
    if markdown:
        _normalise_markdown_levels(blocks)

    heading_blocks = [b for b in blocks if b.kind == "heading"]
    if not heading_blocks:
        _segment_headless(article, [b.paragraph() for b in blocks])
        _check_has_text(article)
        return article

    top: Section | None = None
    previous: _Block | None = None
    first_heading_at: int | None = None
    for block in blocks:
        if block.kind == "heading":
            if previous is not None and previous.kind == "heading" and previous.first == block.first:
                # The same heading printed twice in a row is one heading.
                (top.subsections[-1] if top and top.subsections and block.level > 1 else top).repeated = True
                previous = block
                continue
            section = Section(heading=block.heading, level=block.level, heading_line=block.first)
            if block.level > 1 and top is not None:
                top.subsections.append(section)
            else:
                article.sections.append(section)
                top = section
            if first_heading_at is None:
                first_heading_at = block.lines[0].start
        elif top is None:
            article.intro.append(block.paragraph())
        else:
            (top.subsections[-1] if top.subsections else top).paragraphs.append(block.paragraph())
        previous = block
    article.outline_at = first_heading_at or 0
    _split_closing(article)
    _check_has_text(article)
    return article


def _split_closing(article: Article) -> None:
    """The closing paragraph has no heading: it is the last paragraph of the last section,
    when that section has more than one (a one-paragraph section keeps its paragraph)."""
    sections = list(article.walk())
    if not sections:
        return
    last = sections[-1]
    if len(last.paragraphs) >= 2:
        article.closing = last.paragraphs.pop()


def _segment_headless(article: Article, paragraphs: list[Paragraph]) -> None:
    """A draft with no headings: first paragraph is the intro, last the closing, the middle is
    grouped into sections of two or three paragraphs whose headings are generated later."""
    if not paragraphs:
        return
    article.intro = paragraphs[:1]
    rest = paragraphs[1:]
    if len(rest) >= 2:
        article.closing = rest.pop()
    if rest:
        n_sections = max(1, math.ceil(len(rest) / 3))
        size = math.ceil(len(rest) / n_sections)
        for i in range(0, len(rest), size):
            article.sections.append(Section(heading=None, paragraphs=rest[i : i + size]))
    first = article.intro[0]
    # The outline goes after the intro paragraph (and its line ending / blank line).
    after = article.text.find("\n", first.end)
    article.outline_at = len(article.text) if after < 0 else after + 1
    if article.blank_line_paragraphs:
        while article.text[article.outline_at : article.outline_at + 1] in ("\n", "\r"):
            article.outline_at += 1
        article.outline_at = min(article.outline_at, len(article.text))


def _check_has_text(article: Article) -> None:
    if not any(re.search(r"[A-Za-z]{2,}", p.text) for p in article.paragraphs()):
        raise DraftError("the draft has no sentences (only headings or symbols)")


def parse_article(text: str) -> Article:
    """Parse a file that may be a finished house-format article or a draft.

    A finished article has its lead on line 1 and, after the intro, an outline block of
    ``- `` lines that names the body's headings; then ``lead`` and ``outline`` are read from it
    and ``text`` holds the draft (intro + body) exactly. Anything else is parsed as a draft.
    """
    lines = _lines(text)
    idx = _outline_block(lines)
    if idx is not None:
        first, last = idx
        cut_start = lines[first].start
        cut_end = lines[last + 1].start if last + 1 < len(lines) else len(text)
        lead_end = lines[0].end
        after_lead = lines[1].start if len(lines) > 1 else len(text)
        draft = text[after_lead:cut_start] + text[cut_end:]
        try:
            article = parse_draft(draft)
        except DraftError:
            article = None
        declared = [_outline_entry(lines[i].text) for i in range(first, last + 1)]
        if article is not None and _same_outline(declared, article.headings_outline()):
            article.lead = text[: lead_end]
            article.outline = declared
            article.outline_at = cut_start - after_lead
            return article
    return parse_draft(text)


def _outline_entry(line: str) -> OutlineEntry:
    s = line.strip()[2:]
    level = 1
    while True:
        for marker in SUBHEADING_MARKERS:
            if s.startswith(marker):
                s, level = s[len(marker):], level + 1
                break
        else:
            break
    return OutlineEntry(s.strip(), level)


def _same_outline(a: list[OutlineEntry], b: list[OutlineEntry]) -> bool:
    return [(e.heading, e.level) for e in a] == [(e.heading, e.level) for e in b]


def _outline_block(lines: list[_Line]) -> tuple[int, int] | None:
    """Index range of the first run of ``- `` lines after line 1, if the file has a lead."""
    if len(lines) < 3 or lines[0].text.startswith("- ") or not lines[0].text.strip():
        return None
    for i in range(1, len(lines)):
        if lines[i].text.startswith("- "):
            j = i
            while j + 1 < len(lines) and lines[j + 1].text.startswith("- "):
                j += 1
            return i, j
    return None
