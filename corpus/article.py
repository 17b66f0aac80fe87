"""The article data model: a draft, its sections, and the parts the tool writes (lead, outline).

The draft text is kept verbatim in ``Article.text``; sections and paragraphs are views onto it
(with offsets), so rendering a finished article never re-types a byte of the author's text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Literal

# What a section is for, read from its heading: a structured abstract's "BACKGROUND" states the
# gap the study set out to fill, its "CONCLUSIONS" the main claim.
_ROLES = {
    "background": re.compile(r"^(background|introduction|context|importance|purpose|rationale|aims?|objectives?)\b", re.I),
    # how the study was done: sentences a lead does without
    "methods": re.compile(r"^(search\s+(methods|strategy)|selection\s+criteria|eligibility\s+criteria|"
                          r"data\s+collection(\s+and\s+analysis)?|data\s+sources|study\s+selection|"
                          r"data\s+extraction(\s+and\s+(synthesis|analysis))?|methods?|materials\s+and\s+methods|"
                          r"design(,\s+setting,?\s+and\s+participants)?|setting|participants|interventions?|"
                          r"main\s+outcome(s|\s+measures?)?)\s*:?$", re.I),
    "conclusion": re.compile(r"^(authors'?\s+)?(conclusions?|interpretation|implications(\s+for\s+practice)?|"
                             r"(the\s+)?bottom\s+line)\b", re.I),
}


def heading_role(heading: str | None) -> str | None:
    """``"background"``, ``"methods"``, ``"conclusion"`` or None for a section heading."""
    if heading:
        for role, pattern in _ROLES.items():
            if pattern.match(heading.strip()):
                return role
    return None

SourceFormat = Literal["house", "markdown", "plain"]


@dataclass
class Paragraph:
    text: str  # the paragraph as one string (hard-wrapped lines joined by a space)
    start: int  # offset of the paragraph's first character in Article.text
    end: int
    # Why the cleaning step set this paragraph aside (web-page furniture: "byline", "caption",
    # "advertisement", ...), or None. Set-aside paragraphs stay in the body byte for byte but
    # are not read for headings, the outline, the lead or the caveat filter.
    boilerplate: str | None = None


@dataclass
class Section:
    heading: str | None  # heading text without markers ("– ", "## "); None if the draft had none
    level: int = 1  # 1 = section, 2 = sub-section ("– " in the house format, "###" in Markdown)
    paragraphs: list[Paragraph] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    heading_line: str | None = None  # the heading line exactly as printed (markers included)
    repeated: bool = False  # the draft printed the heading twice in a row
    generated: bool = False  # heading written by the tool (the draft had none)

    def walk(self) -> Iterator["Section"]:
        yield self
        for sub in self.subsections:
            yield from sub.walk()

    @property
    def text(self) -> str:
        """The section's prose: paragraphs set aside as web-page furniture are left out."""
        return "\n".join(p.text for p in self.paragraphs if p.boilerplate is None)


@dataclass
class OutlineEntry:
    heading: str
    level: int = 1
    generated: bool = False
    method: str = "draft"  # who wrote the heading: "draft" (the author), "model" or "keyphrase"

    def to_dict(self) -> dict:
        return {"heading": self.heading, "level": self.level, "generated": self.generated, "method": self.method}


@dataclass
class Article:
    """A draft (and, once summarized, its lead and outline).

    ``text`` is the draft exactly as read: intro + body, without lead and outline.
    ``outline_at`` is the offset in ``text`` where the outline block goes (after the intro).
    """

    text: str
    format: SourceFormat = "plain"
    title: Paragraph | None = None  # a title line above the intro (Markdown "# " or a plain-text title)
    intro: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: Paragraph | None = None
    # Set-aside paragraphs after the closing (a copyright line, related links): kept in the body.
    trailer: list[Paragraph] = field(default_factory=list)
    outline_at: int = 0
    newline: str = "\n"
    blank_line_paragraphs: bool = False  # paragraphs separated by blank lines (plain text, Markdown)
    lead: str | None = None
    outline: list[OutlineEntry] = field(default_factory=list)
    # ``text`` as readers see it (corpus.text.reading_view: escapes, control characters and markup
    # blanked out, offset for offset): what every reader of the draft (sentences, caveats, the gate)
    # reads, so none of it reaches a lead
    readable: str = ""

    def __post_init__(self):
        if not self.readable:
            self.readable = self.text

    def walk(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def has_headings(self) -> bool:
        return any(s.heading and not s.generated for s in self.walk())

    def headings_outline(self) -> list[OutlineEntry]:
        """The outline as the draft's (or generated) headings give it, in order, with levels."""
        return [
            OutlineEntry(s.heading, s.level, s.generated) for s in self.walk() if s.heading is not None
        ]

    def paragraphs(self) -> list[Paragraph]:
        out = list(self.intro)
        for s in self.walk():
            out.extend(s.paragraphs)
        if self.closing is not None:
            out.append(self.closing)
        out.extend(self.trailer)
        return out

    def content_paragraphs(self) -> list[Paragraph]:
        """The paragraphs every reader of the draft uses (lead, caveats): boilerplate left out."""
        return [p for p in self.paragraphs() if p.boilerplate is None]

    def prose(self) -> str:
        """The content paragraphs' text, one paragraph a line: what topic terms, the lead planner
        and abbreviation definitions read."""
        return "\n".join(p.text for p in self.content_paragraphs())

    def set_aside(self) -> list[Paragraph]:
        """Paragraphs the cleaning step set aside as web-page furniture (kept in the body)."""
        return [p for p in self.paragraphs() if p.boilerplate is not None]
