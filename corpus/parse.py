"""Parsers: the house format (lead + intro + outline + sections + closing) and drafts.

A draft is the house format without lead and outline, plain text (blank-line paragraphs,
possibly hard-wrapped) or Markdown (``#`` headings). Headings are detected the way the house
articles print them: short lines without final punctuation that open a section; lines starting
with "– " are sub-headings (they may end with a period); a heading printed twice in a row is
one heading. Offsets always point into the verbatim text, so nothing is re-typed.

Some paragraphs are not prose: web-page furniture (bylines, captions, "Advertisement", ...,
see ``corpus.boilerplate``), code fences, lists, tables and HTML markup. They stay in the body
byte for byte but carry ``Paragraph.boilerplate`` (the reason), so they are never headings,
outline entries, lead material or caveat sources.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from summarize.corpus.article import Article, OutlineEntry, Paragraph, Section
from summarize.corpus.boilerplate import (
    MAX_LIST_ENTRY_WORDS,
    MAX_WORD_CHARS,
    dateline_prefix,
    furniture_reason,
    is_caption_widget,
    is_credit_only,
    is_price,
    is_list_entry,
    is_list_label,
    is_person_name,
    is_player_widget,
    neighbour_caption,
)
from summarize.corpus.render import render_house
from summarize.corpus.text import STOPWORDS, lexicon_pos, reading_view, split_sentences
from summarize.corpus.text import words as word_list
from summarize.corpus.tfidf import tfidf_matrix

MAX_HEADING_WORDS = 20
MAX_HEADING_CHARS = 160
MAX_QUESTION_HEADING_WORDS = 16
MAX_SUBHEADING_WORDS = 45
SUBHEADING_MARKERS = ("– ", "— ")  # en dash / em dash + space, as the house format prints them
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_LIST_ITEM = re.compile(r"^([-*•+]|\d+[.)])\s")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# (possessive: a line of 400,000 spaces, what a hostile draft's blanked tags leave, is read once,
# not once for each way of sharing its spaces between the adjacent "\s*")
_TABLE_ROW = re.compile(r"^\s*+\|.*\|\s*$|^\s*+\|?\s*+:?-{3,}:?\s*+(\|\s*+:?-{3,}:?\s*+)+\|?\s*$")
# (a comment is bounded: an unclosed "<!--" must not send the search to the end of the text, once
# for each of them; closed ones are blanked out of the reading view before this reads it)
_HTML_TAG = re.compile(r"<(?:/?[A-Za-z][\w-]*(?:\s[^<>]*)?/?|!--[^<>]{0,300}?--)>", re.S)
_NEWLINE = re.compile(r"\r\n|\r|\n")
_NL = r"(?:\r\n|\r(?!\n)|\n)"  # one line ending (never half of a CRLF)
_BLANK_LINE = re.compile(rf"\S[ \t]*{_NL}[ \t]*{_NL}[ \t]*\S")
_FINAL_PUNCT = tuple(".!:;,…")
_CLOSERS = "\"'”’)]»"
# A paragraph that is mostly markup is HTML, not prose.
HTML_MARKUP_SHARE = 0.3
# A dateline ("LONDON (Reuters) - ") opens one of the first paragraphs of a story, not a later one.
DATELINE_PARAGRAPHS = 3
# Headless drafts: one section per this many words of body, each section at least
# MIN_SECTION_PARAGRAPHS long where the draft has the paragraphs, and at most MAX_HEADLESS_SECTIONS.
WORDS_PER_SECTION = 250
MIN_SECTION_PARAGRAPHS = 2
MAX_HEADLESS_SECTIONS = 8
MAX_HEADLINE_WORDS = 40
_UNDER_A_HEADLINE = ("byline", "timestamp", "dateline")


def _under_a_headline(block: "_Block") -> bool:
    """A byline, a date or a dateline alone, or a story paragraph opening on its dateline (a press
    release's "BALTIMORE, April 2, 2026 — …", which prints no byline): what a headline stands over."""
    return block.furniture in _UNDER_A_HEADLINE or (
        block.furniture is None and block.kind == "paragraph" and dateline_prefix(block.text) > 0)
# Topic-shift windows: paragraphs compared on either side of a candidate cut.
TOPIC_WINDOW = 2
# Finished articles: how many runs of "- " lines are tried as the outline.
MAX_OUTLINE_CANDIDATES = 8


class DraftError(ValueError):
    """The text cannot be read as a draft (empty, no sentences, ...)."""


@dataclass
class _Line:
    text: str  # without the line ending
    start: int
    end: int  # end of text, line ending excluded
    stop: int  # after the line ending


@dataclass
class _Block:
    lines: list[_Line]
    kind: str = "paragraph"  # paragraph | heading | code
    level: int = 1
    heading: str | None = None
    furniture: str | None = None  # why it is not prose (boilerplate reason), or None

    @property
    def first(self) -> str:
        return self.lines[0].text.strip()

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)

    def paragraph(self) -> Paragraph:
        first = self.lines[0]
        start = first.start + (len(first.text) - len(first.text.lstrip()))
        end = self.lines[-1].start + len(self.lines[-1].text.rstrip())
        return Paragraph(self.text.strip(), start, end, self.furniture)

    def paragraphs(self, dateline: bool, news: bool = False) -> list[Paragraph]:
        """The block's paragraph; a dateline opening it becomes a set-aside paragraph of its own
        (``news``: the page has a byline or a date, so "Johannesburg - …" is one too)."""
        p = self.paragraph()
        cut = dateline_prefix(p.text, news) if dateline and p.boilerplate is None else 0
        if not cut:
            return [p]
        head = p.text[:cut].rstrip()
        rest = p.text[cut:]
        return [Paragraph(head, p.start, p.start + len(head), "dateline"),
                Paragraph(rest, p.start + cut, p.end)]


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for m in _NEWLINE.finditer(text):
        out.append(_Line(text[pos : m.start()], pos, m.start(), m.end()))
        pos = m.end()
    if pos < len(text):
        out.append(_Line(text[pos:], pos, len(text), len(text)))
    return out


def draft_newline(text: str) -> str:
    """The draft's own line ending: the most frequent one ("\\n" when there is none)."""
    crlf = text.count("\r\n")
    counts = {"\n": text.count("\n") - crlf, "\r\n": crlf, "\r": text.count("\r") - crlf}
    return max(counts, key=lambda nl: (counts[nl], nl == "\n"))


def _ends_with_punct(s: str) -> bool:
    s = s.rstrip(_CLOSERS + " ")
    return s.endswith(_FINAL_PUNCT)


_CARRIES_ON = re.compile(r"^[\"'“‘]?(?:so|but|and|yet|or|then)\b", re.I)


def heading_like(line: str) -> bool:
    """A short line without final punctuation (a question mark is allowed on short lines)."""
    s = line.strip()
    if not s or len(s) > MAX_HEADING_CHARS or _LIST_ITEM.match(s):
        return False
    n_words = len(s.split())
    if n_words > MAX_HEADING_WORDS:
        return False
    if re.search(r"[:,]\s*[\"“‘']\S", s) and s[:1] not in "\"“‘'":
        return False  # a quote introduced ('One viral video asks: "Is it even …?"') is prose
    if s.rstrip(_CLOSERS).endswith("?"):
        # Question headings ("What Is Kratom?", "how much should you take?") are common in
        # health writing; a one-line question paragraph that short is rare, unless it carries the
        # story on from the paragraph before ("So why is it still being prescribed?").
        return n_words <= MAX_QUESTION_HEADING_WORDS and not _CARRIES_ON.match(s)
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
    if len(first.strip()) < 0.7 * len(second.strip()):
        return True
    # About as long as the next line, it is a heading only in Title Case, and whole: a hard-wrapped
    # line full of names ("Dr Alan Mercer, a GP in Sheffield and prescribing lead at the Primary")
    # or cut before its noun ("… Regulatory Agency said the") is not.
    last = first.strip().split()[-1].lower()
    return _title_case_share(first) >= TITLE_CASE_SHARE and last not in _TRAILING_FUNCTION_WORDS


TITLE_CASE_SHARE = 0.75
_TRAILING_FUNCTION_WORDS = frozenset("a an the of at to and or for with in on by from as that said".split())


def _is_list(line: str) -> bool:
    return bool(_LIST_ITEM.match(line.strip()))


_ITEM_MARK = re.compile(r"(?:^|\s)(?:[-*•+]|\d+[.)])\s+")


def list_sentences(text: str) -> list[tuple[str, int]]:
    """The items of a list paragraph ("- Don't combine it with alcohol. - Check with …") that are
    whole sentences, without their markers, each with its offset in ``text``. A list of links or
    headlines has none."""
    marks = list(_ITEM_MARK.finditer(text))
    out = []
    for m, nxt in zip(marks, marks[1:] + [None]):
        item = text[m.end(): nxt.start() if nxt else len(text)].strip()
        if len(item.split()) >= 4 and item[-1:] in ".!?" and item[:1].isupper():
            out.append((item, m.end()))
    return out


# A hard-wrapped paragraph's lines all run to about the wrap width but its last; a pasted page's
# header (menu items, headline, byline, caption, first paragraph) has no blank lines between its
# lines either, but most of them are short.
WRAP_SHORT_LINE = 0.6
MIN_SEPARATE_LINES = 3


# No one hard-wraps prose this wide: a longer line (not the block's last) is a paragraph of its own,
# pasted one per line ("Have a question? Email …" / "Jane Doe, PharmD, is …" / "Copyright …").
MAX_WRAP_WIDTH = 100


def _separate_lines(texts: list[str]) -> bool:
    """Are these lines of one blank-line block separate paragraphs, not one hard-wrapped one?"""
    if (len(texts) >= 2 and any(len(t.strip()) > MAX_WRAP_WIDTH for t in texts[:-1])
            and not any(_is_list(t) for t in texts)):  # list items have their own rules
        return True
    if len(texts) < MIN_SEPARATE_LINES:
        return False
    lengths = [len(t.strip()) for t in texts]
    width = max(lengths)
    short = sum(n < WRAP_SHORT_LINE * width for n in lengths[:-1])
    return short >= 2 and short > len(lengths[:-1]) / 4


def _runs_on(line: str, nxt: str) -> bool:
    """Does the sentence on ``line`` go on to ``nxt`` (no full stop, and the next line opens in
    lower case or on a number)?"""
    word = (nxt.split() or [""])[0]
    first = word[:1]
    # ("Authors' conclusions" / "rTMS may reduce …": a name in small letters is no running sentence)
    if any(c.isupper() for c in word):
        return False
    ended = line.rstrip(_CLOSERS + " ").endswith((".", "!", "?", "…"))
    # (a headline over its date, "9 March 2026", runs on to nothing)
    return (not ended and (first.islower() or first.isdigit()) and not _is_list(nxt)
            and furniture_reason(nxt.strip()) is None and furniture_reason(line.strip()) is None)


_LABELLED_FURNITURE = re.compile(r"^[A-Z][A-Za-z]+(?: [A-Za-z]+){0,2}:\s")


def _blocks(lines: list[_Line], markdown: bool, blank_style: bool) -> list[_Block]:
    blocks: list[_Block] = []
    current: list[_Line] = []

    def flush():
        if current:
            if blank_style and not markdown and _separate_lines([x.text for x in current]):
                # one paragraph a line, except where a sentence runs on to the next line ("One
                # review looked at" / "18 reported cases …"): that line is no heading
                groups: list[list[_Line]] = []
                for x in current:
                    if groups and _runs_on(groups[-1][-1].text, x.text):
                        groups[-1].append(x)
                    else:
                        groups.append([x])
                blocks.extend(_Block(g) for g in groups)
            else:
                blocks.append(_Block(list(current)))
            current.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.text.strip()
        fence = _FENCE.match(line.text)
        if fence:
            # Everything up to the closing fence (or the end: an unclosed fence) is one code block.
            flush()
            marker = fence.group(1)
            j = i + 1
            while j < len(lines) and not re.match(
                rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}\s*$", lines[j].text
            ):
                j += 1
            blocks.append(_Block(lines[i : j + 1], kind="code", furniture="code"))
            i = j + 1
            continue
        i += 1
        if not stripped:
            flush()
            continue
        md = markdown and _MD_HEADING.match(stripped)
        if md or not blank_style:
            flush()
            current.append(line)
            flush()
            continue
        if current:
            prev = current[-1].text
            # A list starts or ends inside a blank-line block: its items are a block of their own
            # (an indented line continues the item above it).
            starts_list = _is_list(stripped) and not _is_list(prev) and not prev[:1].isspace()
            ends_list = (_is_list(prev) or prev[:1].isspace()) and not _is_list(stripped) and not line.text[:1].isspace()
            if starts_list or (ends_list and any(_is_list(x.text) for x in current)):
                flush()
            elif len(current) == 1 and (
                furniture_reason(current[0].text)
                # a headline over a labelled line of the page ("Release date: March 3, 2026")
                or (_LABELLED_FURNITURE.match(stripped) and not _ends_with_punct(current[0].text)
                    and furniture_reason(stripped))
                # A heading line directly above its paragraph (no blank line between) is its own
                # block; a hard-wrapped paragraph line is not (it is about as long as the next line).
                or (not markdown and _heads_block(current[0].text, line.text))
                # a heading printed twice on two lines is two heading lines, not one wrapped line
                or current[0].text.strip() == stripped
                or (blocks and _headline_under_furniture(blocks[-1], current[0], stripped))
            ):
                flush()
        current.append(line)
    flush()
    return blocks


def _headline_under_furniture(above: _Block, line: _Line, nxt: str) -> bool:
    """Under a page's furniture lines ("FOR IMMEDIATE RELEASE"), a headline's worth of words that
    does not run on to ``nxt`` is a line of its own: the headline over its dek. A menu's items,
    a label over its line and a list's entries under its label stay together."""
    text = line.text
    return (above.lines[-1].stop == line.start and len(text.split()) >= MIN_PAGE_HEADLINE_WORDS
            and not re.search(r"\s[|·•]\s", text) and not text.rstrip().endswith(":")
            and furniture_reason(above.text.strip()) is not None and not is_list_label(above.text)
            and not _runs_on(text, nxt))


# A structured abstract's section labels run into their paragraphs ("BACKGROUND: Depression is
# …", "Main results: We included …"). With two or more in a draft, each label is the heading of
# the paragraph it opens, as the abstract prints it (the body is not changed).
_RUN_IN_LABEL = re.compile(
    r"^(?:authors'?\s+)?(?:background|introduction|context|importance|purpose|aims?|objectives?|design|settings?|"
    r"participants|patients|interventions?|exposures?|measurements|main\s+outcomes?(?:\s+and\s+measures?)?|"
    r"main\s+outcome\s+measures?|methods?|materials\s+and\s+methods|search\s+(?:methods|strategy)|"
    r"selection\s+criteria|data\s+(?:sources|collection\s+and\s+analysis|extraction|synthesis)|study\s+selection|"
    r"results?|main\s+results|findings|limitations|conclusions?(?:\s+and\s+relevance)?|interpretation|"
    r"implications|discussion|funding|(?:trial\s+)?registration)(?=\s*:\s*\S)", re.I)
MIN_RUN_IN_LABELS = 2


def _split_run_in_labels(blocks: list[_Block]) -> list[_Block]:
    found = [(b, m) for b in blocks if b.kind == "paragraph" and (m := _RUN_IN_LABEL.match(b.lines[0].text.lstrip()))
             and m.group(0)[0].isupper()]
    if len({m.group(0).lower() for _, m in found}) < MIN_RUN_IN_LABELS:
        return blocks
    at = {id(b): m for b, m in found}
    out: list[_Block] = []
    for b in blocks:
        m = at.get(id(b))
        if m is None:
            out.append(b)
            continue
        first = b.lines[0]
        indent = len(first.text) - len(first.text.lstrip())
        label_start = first.start + indent
        rest = first.text[indent:]
        body_at = len(rest) - len(rest[m.end():].lstrip(" \t:"))  # past the colon and spaces
        out.append(_Block([_Line(m.group(0), label_start, label_start + m.end(), label_start + body_at)],
                          kind="heading", heading=m.group(0)))
        out.append(_Block([_Line(rest[body_at:], label_start + body_at, first.end, first.stop), *b.lines[1:]]))
    return out


def _block_furniture(block: _Block) -> str | None:
    if block.kind == "code":
        return "code"
    texts = [line.text for line in block.lines if line.text.strip()]
    if all(_is_list(t) or (t[:1].isspace() and _is_list(texts[0])) for t in texts):
        return "list"
    if all(_TABLE_ROW.match(t) for t in texts):
        return "table"
    joined = block.text.strip()
    markup = sum(len(m.group(0)) for m in _HTML_TAG.finditer(joined))
    if markup and (joined.startswith("<") and _HTML_TAG.match(joined) or markup >= HTML_MARKUP_SHARE * len(joined)):
        return "html"
    reason = furniture_reason(joined)
    if reason is None and len(texts) > 1:
        reasons = [furniture_reason(t) for t in texts]
        if all(reasons):
            reason = reasons[0]
        # a strip of page chrome ("May 2025 issue" / "12 min read" / "Save" / "Share"): short lines
        # without a full stop, most of them furniture
        elif (all(len(t.split()) <= MAX_CHROME_WORDS and not _ends_with_punct(t) for t in texts)
              and sum(map(bool, reasons)) * 2 > len(texts)):
            reason = next(r for r in reasons if r)
    return reason


MAX_CHROME_WORDS = 6


_END_MARK = re.compile(r"^\s*(?:#\s*#\s*#|-\s*30\s*-)\s*$")


def _classify(blocks: list[_Block], markdown: bool) -> None:
    for block in blocks:
        if block.kind in ("code", "heading"):  # a run-in label is a heading already
            continue
        m = _MD_HEADING.match(block.first) if markdown and len(block.lines) == 1 else None
        block.furniture = furniture_reason(m.group(2)) if m else _block_furniture(block)
    # A press release ends at its end mark ("###", "-30-"): what follows (the institution's
    # boilerplate, contacts, related news) is the page's, not the story's.
    end = next((i for i, b in enumerate(blocks) if _END_MARK.match(b.text)
                and any(p.furniture is None and p.kind == "paragraph" for p in blocks[:i])), None)
    if end is not None:
        for b in blocks[end + 1:]:
            b.kind, b.heading = "paragraph", None
            b.furniture = b.furniture or "disclosure"
    _furniture_in_context([b for b in blocks if b.kind == "paragraph"
                           and not (markdown and _MD_HEADING.match(b.first))])
    # A heading must open a section: prose follows it somewhere.
    prose_after = False
    for block in reversed(blocks):
        if block.furniture is None and len(block.lines) == 1:
            line = block.first
            m = _MD_HEADING.match(line) if markdown else None
            if m:
                block.kind, block.level, block.heading = "heading", len(m.group(1)), m.group(2)
            elif not markdown and prose_after:
                sub = subheading_text(line)
                if sub is not None:
                    block.kind, block.level, block.heading = "heading", 2, sub
                elif heading_like(line):
                    block.kind, block.level, block.heading = "heading", 1, line
        if block.kind != "heading" and block.furniture is None:
            prose_after = True
    if not markdown:
        _runs_of_headings_are_lists(blocks)


# Lines at the end of a page after its last prose paragraph, this short and without a full
# stop, are the page's topic tags ("Nutrition / Diet"), not a heading or the closing.
MAX_TAG_WORDS = 8


# A place's name alone: one to three capitalised words the lexicon does not know ("Ottawa",
# "BENGALURU", "Wagga Wagga"); "Background" or "Methods" are words, and headings.
_PLACE_ALONE = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")


def _place_alone(text: str) -> bool:
    return bool(_PLACE_ALONE.match(text)) and not any(lexicon_pos(w.lower()) or w.lower() in STOPWORDS
                                                     for w in text.split())


# (PubMed's lists of papers; a news page's "Related articles" lists headlines, and prose may follow it)
_PAPER_LIST = re.compile(r"^(?:similar\s+articles|cited\s+by|references|related\s+citations)\s*:?\s*$", re.I)


def _furniture_in_context(blocks: list[_Block]) -> None:
    """Furniture by position (boilerplate's in-context rules): the entries under a list label,
    a name beside a byline, a caption beside its credit line, the tags after the last prose."""
    under_label = papers = False  # (under a label that lists papers: "Similar articles", "Cited by")
    prose_seen = False
    authors = {name.strip() for b in blocks if b.furniture == "byline" and b.text.strip().lower().startswith("by ")
               for name in re.split(r"\s+and\s+|\s*&\s*", b.text.strip()[3:].split(",")[0])}
    authors |= {b.text.strip() for b in blocks if b.furniture is None and is_person_name(b.text.strip())}
    for i, b in enumerate(blocks):
        text = b.text.strip()
        prev = blocks[i - 1] if i else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if b.furniture is not None:
            under_label = is_list_label(text) or (under_label and b.furniture != "related")
            papers = bool(_PAPER_LIST.match(text)) or (papers and under_label)
            continue
        if is_list_label(text):  # "Latest news", "Related coverage": a list's label
            b.furniture, under_label = "related", True
            papers = bool(_PAPER_LIST.match(text))
            continue
        # an entry of the list, or a linked title over its citation ("… : a meta-analysis." / "Smith J,
        # et al. Nutrients. 2023. PMID: …")
        lines = [x.text for x in b.lines if x.text.strip()]
        if under_label and (is_list_entry(text) or (nxt is not None and nxt.furniture == "citation"
                                                     and len(text.split()) <= MAX_HEADLINE_WORDS)
                            # a paper's title, full stop and all ("Tramadol for chronic pain in adults.")
                            or (papers and len(text.split()) <= MAX_HEADLINE_WORDS and len(lines) == 1
                                and not re.search(r"[\"“”‘’]|\b(?:said|says)\b", text))
                            # the list pasted without blank lines: one headline a line
                            or (len(lines) > 1 and all(len(x.split()) <= MAX_LIST_ENTRY_WORDS for x in lines))):
            b.furniture = "related"
            # "Related story" links one story: what follows is the article again
            if prev is not None and re.match(r"(?i)related\s+(?:story|article|link)\s*:?\s*$", prev.text.strip()):
                under_label = False
            continue
        # a paper's title over its authors and its citation, under a label or not ("Similar
        # articles", a reference list): "… : a randomized trial." / "Tanaka K, Moreau L." / "J. 2023;7:212."
        after = blocks[i + 2] if i + 2 < len(blocks) else None
        if (nxt is not None and after is not None and nxt.furniture == "byline" and after.furniture == "citation"
                and len(text.split()) <= MAX_HEADLINE_WORDS):
            b.furniture = "related"
            continue
        under_label = False
        if is_person_name(text) and ((prev and prev.furniture) or (nxt and nxt.furniture)):
            b.furniture = "byline"
        elif _place_alone(text) and any(x is not None and x.furniture in _UNDER_A_HEADLINE for x in (prev, nxt)):
            b.furniture = "dateline"  # "Ottawa" on its own line between the byline and the date
        elif (prev is not None and is_player_widget(prev.text) and len(text.split()) <= MAX_HEADLINE_WORDS
              and not _ends_with_punct(text)):
            b.furniture = "caption"  # the clip's title under its player ("WKVZ 4 News at 6: …")
        elif (nxt is not None and is_price(nxt.text) and len(text.split()) <= MAX_HEADLINE_WORDS
              and not _ends_with_punct(text)):
            b.furniture = "widget"  # a shopping box's product over its price ("… Cacao Paste, 1 lb" / "$34 at Amazon")
        elif nxt is not None and nxt.furniture == "caption" and _alt_text(text):
            b.furniture = "caption"  # the image's alt text above its caption
        elif (prev and nxt and prev.furniture == "widget" and nxt.furniture == "widget"
              and len(text.split()) <= MAX_HEADLINE_WORDS and not _ends_with_punct(text)):
            b.furniture = "widget"  # a newsletter box's pitch between its sign-up lines
        elif any(text.startswith(a) and re.match(r"(?:,\s*[A-Z][\w.]{1,8},)?\s+(?:is|was|covers|writes|reports|has)\b", text[len(a):])
                 for a in authors if len(a.split()) >= 2):
            b.furniture = "byline"  # the author's note: "Jane Doe is a pharmacologist whose …"
        elif prev is not None and prev.furniture == "disclosure" and re.match(
                r"(?i:disclosure|conflicts?\s+of\s+interest|competing\s+interests?|funding|primary\s+source|"
                r"secondary\s+source)|(?i:about)\s+[^:]*$", prev.text.strip()):
            # the statement under its label, or a release's "About Westbrook University" and the
            # institution's description under it
            b.furniture = "disclosure"
        elif (prose_seen and neighbour_caption(text) and nxt is not None and is_credit_only(nxt.text)
              and not is_caption_widget(nxt.text) and not _caption_below(b, nxt, after)
              and not (after is not None and after.furniture == "caption")):  # its caption is below it
            b.furniture = "caption"  # the caption above its credit line
        elif (prev is not None and neighbour_caption(text) and is_credit_only(prev.text)
              and not is_caption_widget(prev.text) and _caption_below(blocks[i - 2] if i >= 2 else None, prev, b)):
            b.furniture = "caption"  # "Image source: Getty Images" with its caption on the next line
        elif (prev is not None and nxt is not None and neighbour_caption(text) and is_caption_widget(prev.text)
              and (is_caption_widget(nxt.text) or is_credit_only(nxt.text))):
            b.furniture = "caption"  # "Enlarge this image", the caption, then "toggle caption" or its credit
        elif (i >= 2 and neighbour_caption(text) and is_credit_only(prev.text)
              and is_caption_widget(blocks[i - 2].text)
              and not (i >= 3 and blocks[i - 3].furniture == "caption")):  # that widget's caption is above it
            b.furniture = "caption"  # "toggle caption", the credit, then the caption
        else:
            prose_seen = True
    last_prose = max((i for i, b in enumerate(blocks) if b.furniture is None and (
        len(b.text.split()) > MAX_TAG_WORDS or _ends_with_punct(b.text))), default=None)
    if last_prose is not None:
        for b in blocks[last_prose + 1:]:
            if b.furniture is None:
                b.furniture = "related"


def _glued(a: _Block, b: _Block) -> bool:
    """``b`` starts on the line after ``a`` ends: one paragraph of the page, no blank line between."""
    return b.lines[0].start == a.lines[-1].stop


def _caption_below(before: _Block | None, credit: _Block, below: _Block | None) -> bool:
    """A credit line glued to the line below it and set off from the one above: the caption is
    below it, as on pages that print "Image source, Getty Images" over the caption."""
    return below is not None and _glued(credit, below) and (before is None or not _glued(before, credit))


# Short lines one after another with no prose between them are a list pasted without its
# bullets (the symptoms of a condition, the names on a panel), not a chain of empty sections:
# a heading and a sub-heading, or three levels, are the most a draft stacks.
LIST_RUN = 4


# An image's alt text: a short description above the caption, without a full stop or opening
# "A …"/"An …" ("A cup of chamomile tea on a bedside table next to a lamp.").
MAX_ALT_TEXT_WORDS = 20


def _alt_text(text: str) -> bool:
    return len(text.split()) <= MAX_ALT_TEXT_WORDS and (not _ends_with_punct(text) or bool(re.match(r"(?:A|An)\s", text)))


def _runs_of_headings_are_lists(blocks: list[_Block]) -> None:
    run: list[int] = []
    for i, block in enumerate(blocks + [None]):
        if block is not None and block.kind == "heading":
            run.append(i)
            continue
        if block is not None and block.furniture is not None and run:
            continue  # a set-aside line inside the run does not end it
        # the run's last line, apart from the menus above it and straight over prose, opens a
        # section ("BACKGROUND" under a page's menus and author affiliations)
        keep_last = block is not None and len(run) > 1 and run[-1] == i - 1 and run[-1] - run[-2] > 1
        items = run[:-1] if keep_last else run
        if len(items) >= LIST_RUN:
            for j in items:
                b = blocks[j]
                b.kind, b.heading, b.furniture = "paragraph", None, "list"
        run = []


def _normalise_markdown_levels(blocks: list[_Block]) -> None:
    depths = sorted({b.level for b in blocks if b.kind == "heading"})
    rank = {d: i + 1 for i, d in enumerate(depths)}
    for b in blocks:
        if b.kind == "heading":
            b.level = rank[b.level]


def _block_paragraphs(blocks: list[_Block]) -> list[list[Paragraph]]:
    out, prose_seen = [], 0
    news = any(b.furniture in _UNDER_A_HEADLINE for b in blocks)
    for b in blocks:
        out.append(b.paragraphs(dateline=prose_seen < DATELINE_PARAGRAPHS, news=news))
        prose_seen += b.kind == "paragraph" and b.furniture is None
    return out


def parse_draft(text: str) -> Article:
    """Parse a draft: house format without lead and outline, plain text, or Markdown."""
    if not text.strip():
        raise DraftError("the draft is empty")
    # Everything below reads the draft's reading view (same offsets); the body is still rendered
    # from ``text`` as written.
    readable = reading_view(text)
    if not readable.strip():
        raise DraftError("the draft holds only markup, control characters or terminal escapes, no text")
    lines = _lines(readable)
    blank_style = bool(_BLANK_LINE.search(readable))
    outside_fences = [b for b in _blocks(lines, False, blank_style) if b.kind != "code"]
    markdown = any(_MD_HEADING.match(line.text.strip()) for b in outside_fences for line in b.lines)
    blocks = _split_run_in_labels(_blocks(lines, markdown, blank_style))
    _classify(blocks, markdown)

    article = Article(
        text=text,
        readable=readable,
        format="markdown" if markdown else ("plain" if blank_style else "house"),
        newline=draft_newline(text),
        blank_line_paragraphs=blank_style,
    )

    # A whole pasted page: the site's masthead and menus above the headline are furniture.
    page_headline = None if markdown else _page_headline(blocks)
    if page_headline is not None:
        for b in blocks[:page_headline]:
            if b.furniture is None or b.kind == "heading":
                b.kind, b.heading, b.furniture = "paragraph", None, b.furniture or "navigation"
        article.title = blocks[page_headline].paragraph()
        # the dek under the headline (above the byline) is a line of prose, not a section heading
        for b in blocks[page_headline + 1:]:
            if b.furniture is not None:
                break
            if b.kind == "heading":
                b.kind, b.heading = "paragraph", None
        blocks = blocks[:page_headline] + blocks[page_headline + 1:]
    # A title: a Markdown "# " heading on top, or a heading-like first line of a plain draft.
    elif blocks and blocks[0].kind == "heading":
        is_md_title = markdown and blocks[0].level == 1 and sum(
            1 for b in blocks if b.kind == "heading" and b.level == 1
        ) == 1
        # A one-paragraph-per-line draft has a title too when its first line is the only
        # heading or stands over a byline/date (a pasted news story's headline), never a
        # section heading printed in the outline.
        # So is a first line straight over another heading (an abstract's title over "Background"):
        # a section with no text is no section.
        headline = not markdown and blocks[0].level == 1 and len(blocks) > 1 and (
            blocks[1].furniture is not None or not any(b.kind == "heading" for b in blocks[1:])
            or (blocks[1].kind == "heading" and blocks[1].level == 1 and blocks[1].first != blocks[0].first))
        if is_md_title or (not markdown and blank_style and blocks[0].level == 1) or headline:
            article.title = blocks[0].paragraph()
            blocks = blocks[1:]
    elif (not markdown and len(blocks) > 1 and blocks[0].kind == "paragraph" and blocks[0].furniture is None
          and blocks[1].furniture in _UNDER_A_HEADLINE and len(blocks[0].text.split()) <= MAX_HEADLINE_WORDS
          and not blocks[0].text.rstrip(_CLOSERS).endswith(".")):
        # A long headline, or one of two sentences ("… online. Doctors warn of risks"), over its
        # byline or date: too long for a heading, but the page's title all the same.
        article.title = blocks[0].paragraph()
        blocks = blocks[1:]
    if article.title is not None and not markdown:
        _set_aside_dek(blocks, page_headline)
    _set_aside_repeats(blocks, article.title)
    if markdown:
        _normalise_markdown_levels(blocks)

    paragraphs = _block_paragraphs(blocks)
    if not any(b.kind == "heading" for b in blocks):
        _segment_headless(article, [p for ps in paragraphs for p in ps], lines)
        _check_has_text(article)
        return article

    top: Section | None = None
    previous: _Block | None = None
    first_heading_at: int | None = None
    for block, block_paragraphs in zip(blocks, paragraphs):
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
            article.intro.extend(block_paragraphs)
        else:
            (top.subsections[-1] if top.subsections else top).paragraphs.extend(block_paragraphs)
        previous = block
    article.outline_at = first_heading_at or 0
    last = list(article.walk())[-1]
    article.trailer = _trailing_furniture(last.paragraphs)
    _split_closing(article)
    _check_has_text(article)
    return article


# A pasted page's headline stands over its byline or date, under the site's masthead and menus
# (short lines: "Sections", "Well+Being", "Sign in"): a line of some words, mostly letters,
# without a full stop, above the first prose paragraph, with no prose above it. Of those lines
# it is the first that is about the story (most of its words recur in the story's opening
# paragraphs): a masthead tagline ("Exclusive news, data and analytics …") is not, and a
# two-word menu entry that looks like a name ("Wellness Library") is no byline to stop at.
MAX_MASTHEAD_BLOCKS = 40
MAX_PROSE_OVER_BYLINE = 3  # a dek may be a paragraph or two of whole sentences; the story is more
MIN_PAGE_HEADLINE_WORDS = 5
HEADLINE_OVERLAP = 0.4
HEADLINE_BODY_PARAGRAPHS = 6
MIN_PROSE_WORDS = 12
HEADLINE_SUBJECT_PARAGRAPHS = 3  # a subject word recurs in this many of the opening paragraphs


HEADLINE_TO_BYLINE = 3  # blocks from a two-sentence headline to its byline or date (the dek between)


def _two_sentence_headline(text: str) -> bool:
    """"Low-T clinics are booming. Doctors worry about the men who can't get off testosterone.":
    two short sentences, each in a headline's few words."""
    # (the sentence splitter knows "3 a.m." and "U.S." end no sentence)
    parts = [p.text for p in split_sentences(text.strip())]
    return len(parts) == 2 and all(3 <= len(p.split()) <= 16 for p in parts)


def _headline_over_byline(blocks: list[_Block], i: int) -> bool:
    text = blocks[i].text
    return (len(text.split()) <= MAX_HEADLINE_WORDS and _two_sentence_headline(text)
            and any(x.furniture in _UNDER_A_HEADLINE for x in blocks[i + 1:i + 1 + HEADLINE_TO_BYLINE]))


MIN_DEK_WORDS = 20  # a magazine's dek of two sentences runs longer than any two-sentence headline


def _short_title_over_dek(blocks: list[_Block], i: int) -> bool:
    """A magazine's short title ("The Long Taper") straight above the two sentences of its dek
    ("After a decade of warnings …. For some, the way it was done became a danger of its own"),
    which stand over the byline: the title is the headline; the sentences are the dek."""
    text = blocks[i].text.strip()
    if (i < 1 or len(text.split()) < MIN_DEK_WORDS or len(split_sentences(text)) < 2
            or not any(x.furniture in _UNDER_A_HEADLINE for x in blocks[i + 1:i + 1 + HEADLINE_TO_BYLINE])):
        return False
    above = blocks[i - 1]
    words = above.text.split()
    if not (above.furniture in (None, "list") and len(above.lines) == 1 and 2 <= len(words) <= 6
            and not above.text.isupper() and not _ends_with_punct(above.text)
            and _title_case_share(above.text) >= TITLE_CASE_SHARE and words[0][:1].isupper()):
        return False
    # the title names something the story is about, which a section's label over a two-sentence
    # headline does not ("Healthcare & Pharmaceuticals")
    title = _content_words(above.text)
    return any(title & _content_words(b.text) for b in blocks[i + 1:] if b.kind == "paragraph" and b.furniture is None)


def _whole_sentences(block: _Block) -> bool:
    """A paragraph of the story's prose: long enough, ending on a stop, not furniture."""
    return (block.kind == "paragraph" and block.furniture is None and len(block.text.split()) >= MIN_PROSE_WORDS
            and _ends_with_punct(block.text))


def _page_headline(blocks: list[_Block]) -> int | None:
    window = blocks[:MAX_MASTHEAD_BLOCKS]
    first = next((i for i, b in enumerate(window) if _under_a_headline(b)), None)
    if first is None:
        return None
    # a date under paragraphs of the story (a leaflet's "Next review due: March 2028" at its foot)
    # is no byline a headline stands over
    if sum(1 for b in blocks[:first] if _whole_sentences(b)) >= MAX_PROSE_OVER_BYLINE:
        return None
    prose = next((i for i, b in enumerate(window) if _whole_sentences(b) and not _headline_over_byline(blocks, i)),
                 len(window))
    candidates = []
    for i, b in enumerate(blocks[:max(first, prose)]):
        if b.furniture not in (None, "list", "byline", "related") or len(b.lines) > 1:
            continue
        text = b.text.strip()
        words = text.split()
        alpha = sum(1 for w in words if w[:1].isalpha())
        ends = text.rstrip(_CLOSERS).endswith((".", ";", ":"))
        if len(words) >= MIN_PAGE_HEADLINE_WORDS and ends and b.furniture is None:
            if not candidates:
                # a headline of two sentences ("Low-T clinics are booming. Doctors worry about …")
                # straight over its dek and byline; otherwise prose before any headline: not a
                # page with a masthead
                if _headline_over_byline(blocks, i):
                    candidates.append(i)
                    continue
                return None
            continue  # a dek under the headline
        # (a trade site's dek opens on a dash: "— Nearly half of patients needed ICU care")
        if (MIN_PAGE_HEADLINE_WORDS <= len(words) <= MAX_HEADLINE_WORDS and alpha >= 0.7 * len(words) and not ends
                and not (candidates and text[:1] in "—–")):
            candidates.append(i)
    # the headline has a byline or date somewhere under it
    candidates = [i for i in candidates if any(_under_a_headline(b) for b in window[i + 1:])]
    if not candidates:
        return None
    body: Counter = Counter()
    for b in [b for b in blocks[prose:] if b.kind == "paragraph" and b.furniture is None][:HEADLINE_BODY_PARAGRAPHS]:
        body.update(_content_words(b.text))
    # the headline names the story's subject (one of its most frequent words), which a
    # journal's or a site's name above it does not ("Cochrane Database of Systematic Reviews")
    # (every word tied with the third most frequent: a cut inside a tie would fall by the set's
    # iteration order, which changes from process to process)
    third = sorted(body.values(), reverse=True)[2] if len(body) >= 3 else 0
    subject = {w for w, n in body.items() if n >= max(third, HEADLINE_SUBJECT_PARAGRAPHS)}
    mine = {i: _content_words(blocks[i].text) for i in candidates}
    share = {i: len(mine[i] & body.keys()) / max(1, len(mine[i])) for i in candidates}
    about = [i for i in candidates if len(mine[i]) >= 2 and share[i] >= HEADLINE_OVERLAP]
    # a tabloid's long headline shares fewer of its words with the story than its deks do, but
    # names the subject
    named = [i for i in candidates if len(mine[i]) >= 2 and share[i] >= HEADLINE_OVERLAP / 2 and mine[i] & subject]
    if named or about:
        # (a video's title in a "Watch:" link is another story's headline, not this one's)
        found = ([i for i in named if blocks[i].furniture != "related"]
                 or [i for i in about if blocks[i].furniture != "related"] or named or about)[0]
        # the dek names the subject and the headline above it does not: the headline is the line
        # above it, the first line about the story
        if found - 1 in about and blocks[found - 1].furniture != "related":
            return found - 1
        # when the line above it is a two-sentence headline over it and the byline, that line is
        # the headline and this one its dek, whatever words each shares with the story
        if found - 1 in candidates and _headline_over_byline(blocks, found - 1):
            return found - 1
        # a headline straight over a longer dek: the dek restates the news in more of the story's
        # words ("… struggling to quit, study finds" over "Researchers say one in three …")
        if (found - 1 in candidates and blocks[found - 1].furniture != "related" and share[found - 1] >= HEADLINE_OVERLAP / 2
                and len(blocks[found].text.split()) > len(blocks[found - 1].text.split())):
            return found - 1
        if _short_title_over_dek(blocks, found):
            return found - 1
        return found
    earlier = [i for i in candidates if i < first]
    if earlier and _short_title_over_dek(blocks, earlier[0]):
        return earlier[0] - 1
    return earlier[0] if earlier else None


# A line of at least this many words printed again lower on the page is the page's, not the story's.
MIN_REPEAT_WORDS = 5


def _set_aside_repeats(blocks: list[_Block], title: Paragraph | None) -> None:
    """A line the page prints twice, such as its headline again in the share box under the story
    ("Share or comment on this article:" then the headline), is furniture the second time when the
    first was the title or furniture."""
    seen = {" ".join(title.text.split())} if title is not None else set()
    for b in blocks:
        if b.kind not in ("paragraph", "heading") or len(b.lines) != 1:
            continue
        key = " ".join(b.text.split())
        if len(key.split()) < MIN_REPEAT_WORDS:
            continue
        if b.furniture is not None:
            seen.add(key)
        elif key in seen:  # (read as a heading, it would head a section of the outline)
            b.kind, b.heading, b.furniture = "paragraph", None, "repeat"


# A tabloid's standfirst is three bullet lines under the headline; a dek is one or two.
MAX_DEK_LINES = 3


# A dek of whole sentences ("A mother found the cans hidden in her house. Doctors say calls like
# hers are rising.") is one line this short, straight under the headline and over its byline.
MAX_SENTENCE_DEK_WORDS = 30


MIN_LISTED_DEK_WORDS = 8  # a menu entry is shorter
NAME_LINES_UNDER_DEK = 2
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,4}")


def _set_aside_dek(blocks: list[_Block], after_title: int | None = None) -> None:
    """The dek under a headline ("Small study finds participants reported less pain after 12
    weeks"), above its byline or date: the editor's summary line, not a sentence of the story
    (no full stop), so it is set aside like the headline's other furniture. ``after_title``: the
    block under a page's headline, taken for a menu entry when the headline stood in a run of
    menu lines; straight over the byline it is the dek."""
    if after_title is not None and after_title + 1 < len(blocks):
        b, at = blocks[after_title], after_title + 1
        # (a writer's name alone on its line may stand between the dek and the role or date that
        # makes the byline: "Rachel Tan" over "Health Correspondent")
        if len(b.text.split()) >= MIN_LISTED_DEK_WORDS:
            while (at + 1 < len(blocks) and at - after_title <= NAME_LINES_UNDER_DEK and blocks[at].furniture == "list"
                   and _NAME_LINE.fullmatch(blocks[at].text.strip())):
                at += 1
        if (b.furniture in ("list", "related") and b.kind == "paragraph" and len(b.text.split()) <= MAX_HEADLINE_WORDS
                and blocks[at].furniture in _UNDER_A_HEADLINE):
            b.furniture = "dek"
            return
    start = next((i for i, b in enumerate(blocks) if b.furniture is None), None)
    if start is None:
        return
    end = start
    while (end < len(blocks) and end - start < MAX_DEK_LINES and blocks[end].furniture is None and blocks[end].kind == "paragraph"
           and len(blocks[end].text.split()) <= MAX_HEADLINE_WORDS and not _ends_with_punct(blocks[end].text)):
        end += 1
    def below(i: int) -> int:
        """The first block from ``i`` on that is not the lead photo's caption or a release's media
        contact (a page may print them between the dek and its byline or date)."""
        while i < len(blocks) and blocks[i].furniture in ("contact", "caption"):
            i += 1
        return i

    if (end == start and start + 1 < len(blocks) and blocks[start].kind == "paragraph"
            and len(blocks[start].text.split()) <= MAX_SENTENCE_DEK_WORDS and not dateline_prefix(blocks[start].text)
            and (i := below(start + 1)) < len(blocks) and blocks[i].furniture in _UNDER_A_HEADLINE):
        end = start + 1  # (no prose stands above it: ``start`` is the first block that is not furniture)
    under = below(end)
    if start < end and under < len(blocks) and _under_a_headline(blocks[under]):
        for b in blocks[start:end]:
            b.furniture = "byline" if _name_and_outlet(b.text, blocks) else "dek"


# "Callum Ostergaard, MetroLine": a name and the site's name, which the page prints elsewhere too
# (its masthead, its dateline "(MetroLine) —"): the byline, not a dek.
_NAME_AND_OUTLET = re.compile(r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2},\s+(?P<outlet>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,2})$")


def _name_and_outlet(text: str, blocks: list[_Block]) -> bool:
    m = _NAME_AND_OUTLET.match(text.strip())
    if not m:
        return False
    outlet = re.compile(rf"(?<![\w-]){re.escape(m.group('outlet'))}(?![\w-])")
    return any(outlet.search(b.text) for b in blocks if b.text.strip() != text.strip())


def _content_words(text: str) -> set[str]:
    """Lower-cased content words, plurals folded ("gummies" = "gummy", "labels" = "label")."""
    out = set()
    for w in word_list(text):
        w = w.lower()
        if len(w) > 2 and w not in STOPWORDS:
            out.add(w[:-3] + "y" if w.endswith("ies") else w.rstrip("s"))
    return out


def _trailing_furniture(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Remove and return the set-aside paragraphs at the end of ``paragraphs``."""
    trailer: list[Paragraph] = []
    while paragraphs and paragraphs[-1].boilerplate is not None:
        trailer.insert(0, paragraphs.pop())
    return trailer


def _split_closing(article: Article) -> None:
    """The closing paragraph has no heading: it is the last paragraph of the last section,
    when that section has more than one prose paragraph (a one-paragraph section keeps it)."""
    sections = list(article.walk())
    if not sections:
        return
    last = sections[-1]
    if sum(p.boilerplate is None for p in last.paragraphs) >= 2:
        article.closing = last.paragraphs.pop()


def _segment_headless(article: Article, paragraphs: list[Paragraph], lines: list[_Line]) -> None:
    """A draft with no headings: the intro runs to the first prose paragraph, the closing is the
    last prose paragraph, and the middle is cut into sections where the topic shifts (their
    headings are generated later). Set-aside paragraphs stay where they are and are not counted."""
    first_prose = next((i for i, p in enumerate(paragraphs) if p.boilerplate is None), None)
    if first_prose is None:
        article.intro = paragraphs
        return
    article.intro = paragraphs[: first_prose + 1]
    rest = paragraphs[first_prose + 1 :]
    article.trailer = _trailing_furniture(rest)
    if sum(p.boilerplate is None for p in rest) >= 2:
        article.closing = rest.pop()
    if any(p.boilerplate is None for p in rest):
        for group in _topic_sections(rest):
            article.sections.append(Section(heading=None, paragraphs=group))
    else:
        article.intro.extend(rest)
    # The outline goes after the intro's prose paragraph (its line ending, and blank lines).
    end = paragraphs[first_prose].end
    at = next(i for i, line in enumerate(lines) if line.start <= end <= line.end)
    article.outline_at = lines[at].stop
    if article.blank_line_paragraphs:
        for line in lines[at + 1 :]:
            if line.text.strip():
                break
            article.outline_at = line.stop


def _topic_sections(paragraphs: list[Paragraph]) -> list[list[Paragraph]]:
    """Cut ``paragraphs`` into sections at the largest topic shifts (TF-IDF cosine between the
    paragraphs before and after each cut); the number of sections grows with the word count."""
    prose = [i for i, p in enumerate(paragraphs) if p.boilerplate is None]
    n_words = sum(len(paragraphs[i].text.split()) for i in prose)
    # at least two where the paragraphs allow (a short news story still has a shift of topic)
    n_sections = max(1, min(MAX_HEADLESS_SECTIONS, max(2, round(n_words / WORDS_PER_SECTION)),
                            len(prose) // MIN_SECTION_PARAGRAPHS))
    cuts = _topic_cuts([paragraphs[i].text for i in prose], n_sections) if n_sections > 1 else []
    # A cut before prose paragraph k starts a section there; set-aside paragraphs go with the
    # prose paragraph before them.
    starts = {prose[k] for k in cuts}
    groups: list[list[Paragraph]] = [[]]
    for i, p in enumerate(paragraphs):
        if i in starts:
            groups.append([])
        groups[-1].append(p)
    return [g for g in groups if g]


def _topic_cuts(texts: list[str], n_sections: int) -> list[int]:
    n = len(texts)
    try:
        vectors = tfidf_matrix(texts)
    except ValueError:  # no content words at all (only stop words or symbols): cut evenly
        return [round(n * k / n_sections) for k in range(1, n_sections)]
    gaps = np.arange(1, n)
    rows, cols_left, cols_right = [], [], []
    for g in gaps:
        for j in range(max(0, g - TOPIC_WINDOW), g):
            rows.append(g - 1), cols_left.append(j)
    left = sparse.csr_matrix((np.ones(len(rows)), (rows, cols_left)), shape=(n - 1, n)) @ vectors
    rows = []
    for g in gaps:
        for j in range(g, min(n, g + TOPIC_WINDOW)):
            rows.append(g - 1), cols_right.append(j)
    right = sparse.csr_matrix((np.ones(len(rows)), (rows, cols_right)), shape=(n - 1, n)) @ vectors
    dot = np.asarray(left.multiply(right).sum(axis=1)).ravel()
    norms = np.sqrt(np.asarray(left.multiply(left).sum(axis=1)).ravel()
                    * np.asarray(right.multiply(right).sum(axis=1)).ravel())
    similarity = np.divide(dot, norms, out=np.zeros_like(dot), where=norms > 0)
    depth = _depth_scores(similarity)
    # Deepest valley first (TextTiling); among equals, the cut nearest an even split.
    min_size = max(1, min(MIN_SECTION_PARAGRAPHS, n // n_sections))
    order = sorted(gaps, key=lambda g: (-depth[g - 1], min(abs(g - n * k / n_sections) for k in range(1, n_sections))))
    cuts: list[int] = []
    for g in order:
        bounds = sorted(cuts + [int(g)])
        edges = [0] + bounds + [n]
        if all(b - a >= min_size for a, b in zip(edges, edges[1:])):
            cuts = bounds
            if len(cuts) == n_sections - 1:
                break
    return cuts


def _depth_scores(similarity: np.ndarray) -> np.ndarray:
    """How deep each gap's similarity lies below the peaks on either side (TextTiling): a
    topic shift is a valley, not merely a low value in a draft that is dissimilar throughout.

    The peak on each side is where the climb from the gap stops (similarity no longer rising
    or level). Climbing from gap i reaches the same peak as climbing from its neighbour when
    the neighbour is at least as high, so one pass each way finds every peak: linear time,
    where walking from each gap took quadratic time on the long plateaus of a repetitive draft."""
    n = len(similarity)
    left, right = similarity.copy(), similarity.copy()
    for i in range(1, n):
        if similarity[i - 1] >= similarity[i]:
            left[i] = left[i - 1]
    for i in range(n - 2, -1, -1):
        if similarity[i + 1] >= similarity[i]:
            right[i] = right[i + 1]
    return (left - similarity) + (right - similarity)


_NOT_PROSE = {"list": "list items", "code": "code", "table": "a table", "html": "HTML markup",
              "blob": f"runs of over {MAX_WORD_CHARS:,} characters without a space (pasted data?)"}


def _check_has_text(article: Article) -> None:
    prose = article.content_paragraphs()
    if not prose:
        kinds = {p.boilerplate for p in article.set_aside()}
        furniture = sorted(k for k in kinds if k not in _NOT_PROSE)
        reasons = sorted(_NOT_PROSE[k] for k in kinds if k in _NOT_PROSE)
        if furniture:
            reasons.append(f"web-page furniture ({', '.join(furniture)})")
        raise DraftError(f"the draft has no sentences, only {' and '.join(reasons) or 'headings'}")
    worded = [p for p in prose if re.search(r"[A-Za-z]{2,}", p.text)]
    if not worded:
        if any(c.isalpha() for p in prose for c in p.text):  # Arabic, Cyrillic, Chinese …
            raise DraftError("the draft has no text in the Latin alphabet (the model reads and writes English)")
        raise DraftError("the draft has no sentences (only headings or symbols)")
    if all(heading_like(p.text) for p in worded) and not any(_reads_as_sentence(p.text) for p in worded):
        raise DraftError("the draft has no sentences, only headings")


def _reads_as_sentence(line: str) -> bool:
    """A line without an end mark that is a sentence, not a heading: four words or more, all
    after the first in lower case ("Ashwagandha helps you sleep", not "Side Effects and Risks")."""
    words = line.split()
    return len(words) >= 4 and all(w[0].islower() or not w[0].isalpha() for w in words[1:])


def parse_article(text: str) -> Article:
    """Parse a file that may be a finished house-format article or a draft.

    A finished article has its lead on line 1 and, after the intro, an outline block of
    ``- `` lines that names the body's headings (or, for a draft without headings, the
    generated headings of its sections); then ``lead`` and ``outline`` are read from it and
    ``text`` holds the draft (intro + body) exactly as it was. Anything else is parsed as a draft.
    """
    lines = _lines(text)
    for first, last in _outline_blocks(lines):
        article = _finished(text, lines, first, last)
        if article is not None:
            return article
    return parse_draft(text)


def _is_blank(line: _Line) -> bool:
    return not line.text.strip()


def _finished(text: str, lines: list[_Line], first: int, last: int) -> Article | None:
    """The article if lines[first..last] are its outline, else None.

    ``render_house`` writes one blank line after the lead and after the outline when the draft
    has blank-line paragraphs, none otherwise: the cut that renders back to exactly ``text``
    is the draft. A hand-edited article (other spacing) is read with all blank lines dropped
    around the lead and outline, when its outline names the draft's headings."""
    declared = [_outline_entry(lines[i].text) for i in range(first, last + 1)]
    lead = text[: lines[0].end]
    cuts = []
    blank_after_lead = _is_blank(lines[1]) and first >= 2
    blank_after_outline = last + 1 < len(lines) and _is_blank(lines[last + 1])
    if blank_after_lead and blank_after_outline:
        cuts.append((lines[2].start, lines[last + 1].stop))
    cuts.append((lines[1].start, lines[last].stop))
    for draft_start, body_start in cuts:
        article = _read_cut(text, lines, first, draft_start, body_start, declared)
        if article is not None:
            article.lead = lead
            if render_house(article) == text:
                return article
    # Hand-edited spacing: skip every blank line after the lead and after the outline.
    a = 1
    while a < first and _is_blank(lines[a]):
        a += 1
    b = last + 1
    while b < len(lines) and _is_blank(lines[b]):
        b += 1
    article = _read_cut(text, lines, first, lines[a].start, lines[b].start if b < len(lines) else len(text), declared)
    if article is not None and article.has_headings():
        article.lead = lead
        return article
    return None


def _read_cut(text: str, lines: list[_Line], first: int, draft_start: int, body_start: int,
              declared: list[OutlineEntry]) -> Article | None:
    draft = text[draft_start : lines[first].start] + text[body_start:]
    try:
        article = parse_draft(draft)
    except DraftError:
        return None
    if article.has_headings():
        if not _same_outline(declared, article.headings_outline()):
            return None
    else:
        # Generated headings: one per section, each a heading-like line.
        sections = list(article.walk())
        if len(sections) != len(declared) or not all(e.level == 1 and heading_like(e.heading) for e in declared):
            return None
        declared = [OutlineEntry(e.heading, e.level, generated=True) for e in declared]
    article.outline = declared
    article.outline_at = lines[first].start - draft_start
    return article


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


def _outline_blocks(lines: list[_Line]) -> list[tuple[int, int]]:
    """Index ranges that may be the outline, most likely first: each run of ``- `` lines after
    line 1 (the first few runs); where a list in the intro runs straight into the outline, the
    tail of a run whose first entry names a heading printed below it; and where a list in the
    body follows the outline directly, the run's heads (at most 2 * MAX_OUTLINE_CANDIDATES)."""
    if len(lines) < 3 or lines[0].text.startswith("- ") or not lines[0].text.strip():
        return []
    runs: list[tuple[int, int]] = []
    heads: list[tuple[int, int]] = []
    i = 1
    while i < len(lines) and len(runs) < MAX_OUTLINE_CANDIDATES:
        if lines[i].text.startswith("- "):
            j = i
            while j + 1 < len(lines) and lines[j + 1].text.startswith("- "):
                j += 1
            runs.append((i, j))
            below = {line.text.strip() for line in lines[j + 1 :]}
            below |= {m.group(2) for m in map(_MD_HEADING.match, below) if m}
            for k in range(i + 1, j + 1):
                entry = _outline_entry(lines[k].text)
                if entry.heading in below or any(m + entry.heading in below for m in SUBHEADING_MARKERS):
                    heads.append((k, j))
            heads.extend((i, k) for k in range(j - 1, i - 1, -1))
            i = j + 1
        else:
            i += 1
    return runs + heads[: 2 * MAX_OUTLINE_CANDIDATES]
