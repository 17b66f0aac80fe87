"""Sentence splitting and small text utilities shared by the pipeline and the caveat filter.

Sentences keep their character offsets into the paragraph they came from, so every
component can point back at the exact source text (the report, provenance, the gate).
"""
from __future__ import annotations

import html
import re
import threading
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import pysbd


@dataclass(frozen=True)
class Sentence:
    text: str  # stripped sentence text, byte-for-byte from the source
    start: int  # offset of text in the string it was split from
    end: int


# Terminal escapes (colour codes, an OSC "set the window title" sequence) and control characters
# in a pasted or hostile draft: a reader never sees them, and a lead or a log must not print them.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # other escapes
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"  # C0/C1 controls, bidi overrides
)
# A quoted block's markers ("> ", "> > " in Markdown and e-mail) are no part of its sentences
# (not a "> 50%" that means "more than")
_QUOTE_MARKS = re.compile(r"(?m)^[ \t]*(?:>[ \t]*)+(?=[^\s\d>])")
# Inline HTML in a Markdown or pasted draft ("<em>", "<br>", a footnote's "<sup>1</sup>" whole, not a
# unit's "m<sup>2</sup>"; comments and scripts go whole in _blank_elements): markup, not words. (A
# block that opens with a tag, "<div …>", is set aside whole as "html".)
_INLINE_TAG = re.compile(r"</?(?:script|style)\b[^<>]{0,300}>"
                         r"|(?<!\bm)(?<!\bcm)<sup\b[^<>]{0,100}>[\s\d,\[\]*†‡–-]{1,20}</sup>"
                         r"|</?(?:a|abbr|b|br|cite|del|em|font|i|ins|mark|q|s|small|span|strong|sub|sup|u|wbr)\b[^<>]{0,300}>",
                         re.I | re.S)
# An entity between words ("US states &amp; banned in some"); one inside a word is left as written
_SPACED_ENTITY = re.compile(r"(?:(?<=\s)|^)&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});(?=\s|$)", re.M)


def _spaces(text: str) -> str:
    """``text`` blanked out: a space for each character, its line ends kept."""
    return re.sub(r"[^\r\n]", " ", text)


def _blank(m: re.Match) -> str:
    return _spaces(m.group())


def _entity(m: re.Match) -> str:
    raw = m.group()
    char = html.unescape(raw)
    return char.ljust(len(raw)) if char != raw and len(char) < len(raw) else raw


_OPENER = re.compile(r"<!--|<(script|style)\b[^<>]{0,300}>", re.I)


def _blank_elements(text: str) -> str:
    """Comments and script or style elements blanked out, what they hold included. Each kind's
    end is looked for from where the last search stopped: linear in the text, however many
    unclosed openers a hostile draft has."""
    lower = text.lower()
    out, pos, unclosed = [], 0, set()
    for m in _OPENER.finditer(text):
        kind = (m.group(1) or "!--").lower()
        if m.start() < pos or kind in unclosed:
            continue
        end = lower.find("-->" if kind == "!--" else f"</{kind}", m.end())
        if end < 0:
            unclosed.add(kind)  # and so is every later one: their tags alone are blanked (_INLINE_TAG)
            continue
        close = text.find(">", end)
        stop = len(text) if close < 0 else close + 1
        out += [text[pos:m.start()], _spaces(text[m.start():stop])]
        pos = stop
    return "".join(out) + text[pos:]


def reading_view(text: str) -> str:
    """``text`` as every reader of the draft reads it, offset for offset: terminal escapes and
    control characters (tab and line ends kept), quote markers and inline HTML blanked out, an
    entity between words written as its character. Each is blanked out character for character,
    so offsets into the draft still hold."""
    # (a control sequence is blanked whole, a line end inside an OSC title too)
    view = _CONTROLS.sub(lambda m: " " * len(m.group()), text) if _CONTROLS.search(text) else text
    view = _QUOTE_MARKS.sub(_blank, view)
    if "<" in view:
        view = _INLINE_TAG.sub(_blank, _blank_elements(view))
    return _SPACED_ENTITY.sub(_entity, view) if "&" in view else view


_local = threading.local()


def _segmenter() -> pysbd.Segmenter:
    # pysbd is rule-based (no model download) and handles abbreviations, decimals and
    # "e.g." well, which a regex splitter gets wrong in health writing. A Segmenter keeps the
    # text it is splitting on itself, so each thread (Summarizer.pipe) gets its own.
    seg = getattr(_local, "segmenter", None)
    if seg is None:
        seg = _local.segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return seg


# pysbd costs milliseconds per call and per sentence, and the same paragraphs are split by the
# extractor, the casing model, the gate and the caveat filter: results are cached by text, a
# text that is plainly one sentence skips pysbd, and a long text is split at the blank lines
# that follow a sentence end (a sentence never runs across them), so the cache can serve each
# paragraph on its own.
# (enough for every paragraph of a draft at the default size limit: the pipeline splits each
# paragraph several times, and a cache smaller than the draft serves none of them)
_SPLIT_CACHE_SIZE = 32768
_SENTENCE_END = re.compile(r"[.!?…]")
_PARAGRAPH_BREAK = re.compile(r"(?<=[.!?…])[ \t]*(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*")
_LONG_TEXT = 2000  # characters; below this a text goes to pysbd whole


def split_sentences(text: str, unglue: bool = True) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; whitespace-only pieces are dropped.
    ``unglue=False`` is the splitter the evaluation labels were made with (sentence indices in
    ``summarize/evaluation/*.tsv``): pysbd alone, before glued sentences were split."""
    return list(_split_cached(text, unglue))


@lru_cache(maxsize=_SPLIT_CACHE_SIZE)
def _split_cached(text: str, unglue: bool = True) -> tuple[Sentence, ...]:
    breaks = list(_PARAGRAPH_BREAK.finditer(text)) if len(text) > _LONG_TEXT else []
    if not breaks:
        return tuple(_split_one(text, unglue))
    out: list[Sentence] = []
    start = 0
    for brk in breaks:
        out.extend(_shifted(_split_cached(text[start : brk.start()], unglue), start))
        start = brk.end()
    out.extend(_shifted(_split_cached(text[start:], unglue), start))
    return tuple(out)


def _shifted(sentences, offset: int) -> list[Sentence]:
    return [Sentence(s.text, s.start + offset, s.end + offset) for s in sentences]


# Two sentences glued by a lost space ("… in children.Common reasons were …"), which pysbd
# keeps as one: a lower-case word of 3+ letters, an end mark, then a capitalised word.
_GLUED = re.compile(r"(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]+\b)")


def _split_one(text: str, unglue: bool = True) -> list[Sentence]:
    if not unglue:
        return _split_pysbd(text)
    return [piece for s in _closing_quotes_kept(text, _split_pysbd(text)) for piece in _unglue(s)]


# Closing marks alone: pysbd cuts a quote that ends a line after its period ("… really is.'"
# then a line break) into the sentence and a sentence of its own, "'".
_CLOSERS_ONLY = re.compile(r"[\"'”’)\]]+")


# A speaker's tag alone after a quote that ends on "?" or "!" ("… 'It's just air, right?'"
# then "Brandvold-Nakamura said."): pysbd cuts it off the quote it tags.
_TAG_ONLY = re.compile(r"(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}\s+"
                       r"(?:said|says|added|asked|explained|wrote|recalled)\.")
_QUOTE_END = re.compile(r"[?!][\"'”’]+$")
# A given name abbreviated after a title ("lead author Dr Ma. Cristina Aquino."): pysbd cuts
# after it, and the rest of the name is left as a "sentence" with no verb.
_TITLE_ABBREVIATION = re.compile(r"\b(?:Dr|Prof|Mr|Mrs|Ms|Atty|Engr|Fr|Sr)\.?\s+[A-Z][a-z]{0,2}\.$")
_NAME_ONLY = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:de|del|dela|de\s+la|van|von|[A-Z][\w'’.-]*)){0,3}[.!?]?[\"'”’]*")


# Markdown emphasis closed after a sentence's stop ("**The short answer: not much yet.** There
# are no trials …"): pysbd cuts after the stop, so the closing marks open the next sentence.
_CLOSING_EMPHASIS = re.compile(r"(\*\*|__)\s+(?=\S)")


def _closing_quotes_kept(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """A piece of closing marks alone, right after the sentence before it, belongs to it; so
    does a speaker's tag alone after a quote ending on a question or an exclamation, and the
    closing marks of Markdown emphasis the sentence before it opened, and the rest of a name
    cut after a title's abbreviated given name ("Dr Ma." "Cristina Aquino.")."""
    out: list[Sentence] = []
    for s in sentences:
        emphasis = _CLOSING_EMPHASIS.match(s.text)
        if emphasis and out and out[-1].text.count(emphasis.group(1)) % 2 == 1:
            prev, cut = out[-1], s.start + emphasis.end()
            out[-1] = Sentence(text[prev.start:s.start + len(emphasis.group(1))], prev.start,
                               s.start + len(emphasis.group(1)))
            s = Sentence(text[cut:s.end], cut, s.end)
        closes = out and _CLOSERS_ONLY.fullmatch(s.text) and s.start == out[-1].end
        tags = out and _TAG_ONLY.fullmatch(s.text) and _QUOTE_END.search(out[-1].text) \
            and not text[out[-1].end:s.start].strip()
        name = out and _NAME_ONLY.fullmatch(s.text) and _TITLE_ABBREVIATION.search(out[-1].text) \
            and text[out[-1].end:s.start] in (" ", "")
        if closes or tags or name:
            prev = out[-1]
            out[-1] = Sentence(text[prev.start:s.end], prev.start, s.end)
        else:
            out.append(s)
    return out


# Two sentences pysbd keeps together across a space: after "U.S."/"U.K." when a sentence
# opener follows ("… in the U.S. Most studies …"), and between a quote that ends a sentence
# and one that opens the next ("… as \"special K.\" \"Some of my patients …").
# (any capitalised function word opens a sentence there: "… in the U.S. Until a large trial …";
# a name goes on: "the U.S. Food and Drug Administration")
_SPACED = re.compile(r"(?<=\b(?:U\.S|U\.K|E\.U|U\.N|D\.C)\.)\s+(?=(?P<next>[A-Z][a-z]*)\b)|(?<=[.!?][\"”])\s+(?=[\"“][A-Z])")
_SPACED_OPENERS = frozenset("""most many however still yet only few other one two three four five six seven eight nine
ten experts researchers doctors officials""".split())


def _opener_follows(m: re.Match) -> bool:
    """Is an ``_SPACED`` cut a sentence end: a quote's (no word captured), or an abbreviation's
    before a function word or a usual sentence opener?"""
    word = m.group("next")
    return word is None or word.lower() in STOPWORDS or word.lower() in _SPACED_OPENERS


def _unglue(s: Sentence) -> list[Sentence]:
    cuts = sorted([(m.start(), m.start()) for m in _GLUED.finditer(s.text)]
                  + [(m.start(), m.end()) for m in _SPACED.finditer(s.text) if _opener_follows(m)])
    if not cuts:
        return [s]
    # each piece ends where its cut starts and the next begins after the cut's spaces
    starts = [0, *(b for _, b in cuts)]
    ends = [*(a for a, _ in cuts), len(s.text)]
    return [Sentence(s.text[a:b], s.start + a, s.start + b) for a, b in zip(starts, ends)]


# pysbd's time grows with the square of a paragraph's length on repetitive text (100,000
# ". " took minutes): a very long paragraph is split in pieces at sentence ends first.
PYSBD_MAX_CHARS = 20_000
# a sentence end: a word of four small letters or a number, its stop, then a capital ("Dr." no)
_PIECE_END = re.compile(r"(?:(?<![A-Za-z])[a-z]{4,}|(?<![\w.])\d+)[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])")


def _split_pysbd(text: str) -> list[Sentence]:
    if len(text) <= PYSBD_MAX_CHARS:
        return _split_pysbd_piece(text)
    out: list[Sentence] = []
    at = 0
    while at < len(text):
        end = min(len(text), at + PYSBD_MAX_CHARS // 2)
        if end < len(text):
            window = text[at + PYSBD_MAX_CHARS // 4:end]
            cuts = [m.end() for m in _PIECE_END.finditer(window)] or [m.end() for m in re.finditer(r"\s+", window)]
            if cuts:
                end = at + PYSBD_MAX_CHARS // 4 + cuts[-1]
        out += [Sentence(s.text, s.start + at, s.end + at) for s in _split_pysbd_piece(text[at:end])]
        at = end
    return out


def _split_pysbd_piece(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    if not text.strip():
        return out
    stripped = text.strip()
    ends = _SENTENCE_END.findall(stripped)
    if "\n" not in stripped and "\r" not in stripped and (not ends or (len(ends) == 1 and stripped[-1] in ".!?…")):
        start = text.find(stripped)
        return [Sentence(stripped, start, start + len(stripped))]
    for span in _segmenter().segment(text):
        raw = span.sent
        stripped = raw.strip()
        if not stripped:
            continue
        start = span.start + (len(raw) - len(raw.lstrip()))
        # pysbd offsets can drift on repeated substrings; re-anchor on the real text.
        if text[start : start + len(stripped)] != stripped:
            found = text.find(stripped, out[-1].end if out else 0)
            if found < 0:
                found = text.find(stripped)
            start = max(found, 0)
        out.append(Sentence(stripped, start, start + len(stripped)))
    return out


# The one word rule: letters and digits, with inner apostrophes and hyphens ("kratom's",
# "7-hydroxymitragynine"); a trailing apostrophe or hyphen is not part of the word.
WORD = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9'’\-]*[A-Za-z0-9])?")

# The one stop-word list (function words, auxiliaries, pronouns, common adverbs), used for
# content-word checks by the gate, the outline's keyphrases and the caveat filter.
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from into onto as is are was were be been being
    am do does did has have had having it its it's this that these those there their they them he she his
    her him we our us you your i me my not no nor so yet than then too very can could may might will would
    shall should must also just only such which who whom whose what when where why how all any both each
    few more most less other some own same s t don't n't about above after again against before below
    between among during further here once out over under up down off through until while because since
    though although whether either neither still even ever often well much many lot lots per via upon
    within without""".split()
)


# Character-class ranges for the letters of names, accented ones too ("Villaseñor", "Zoë"):
# capitals (Latin-1), and lower case (Latin-1 and Latin Extended-A).
# A person's title before their name ("Dr", "Prof.", "Ms"), and one closing a text ("… said Dr ").
TITLE = r"(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx)\.?"
TITLE_BEFORE = re.compile(rf"\b{TITLE}\s+$")
UPPER_LETTERS = "A-ZÀ-ÖØ-Þ"
LOWER_LETTERS = "a-zß-öø-ÿĀ-ž"


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters/digits, inner apostrophes and hyphens kept)."""
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


# Headline-ese drops the articles and determiners prose needs ("Sales of cherry juice up 70% after
# trend goes viral"); a dek written as a sentence has them ("A small study hints at why …").
_DETERMINER = re.compile(r"\b(a|an|the|this|these|that|those|its|their|his|her|our|my|your)\s", re.I)  # not "A&E"
HEADLINESE_MIN_WORDS = 5
# "170 beats a minute" is a rate, not an article
_RATE = re.compile(r"\b(a|an)\s+(second|minute|hour|day|night|week|month|year|dose|pill|can|cup|glass)\b", re.I)


# Headline-ese also opens on a bare count noun, a few modifiers before it ("Small, open-label study
# of 30 patients is the first to …", "Pharmacist-led plan could help …", "Mum-of-three says …"),
# where a sentence would say "A small study"; the noun heads its phrase ("Drug users say …" is
# the plural "users").
_BARE_COUNT_NOUN = re.compile(
    r"^((?:[\w'’-]+,?\s+){0,3}?)(?:study|survey|trial|review|analysis|report|audit|plan|scheme|programme|program|"
    r"mum|dad|mother|father|woman|man|girl|boy|teenager|teen|student|patient|doctor|nurse|trainer|expert|scientist|"
    r"researcher|regulator|watchdog|charity|company|firm|brand|drug|pill|product|app|device|jab|vaccine|test)"
    r"(?:-of-\w+)?(?:,|\s+(\w+))", re.I)
_HEADS_A_CLAUSE = frozenset({"of", "for", "in", "on", "from", "with", "at"})
# the verbs of headline-ese, which read as plural nouns too
_HEADLINE_VERBS = frozenset("says finds shows suggests warns reveals links claims tells urges reports challenges".split())
_QUANTIFIER = re.compile(r"\b(?:each|every|no|any|one|another|some|either|neither)\s", re.I)


def _plural_subject(words: list[str]) -> bool:
    """Do ``words`` (a phrase's first words) end on a plural noun, the subject of a verb that
    follows: "Emergency doctors" before "report …"?"""
    last = words[-1].lower() if words else ""
    return (looks_plural(last) and "NOUN" in lexicon_pos(last)) or last in PLURAL_NO_S


def _opens_on_bare_noun(text: str) -> bool:
    m = _BARE_COUNT_NOUN.match(text)
    if not m or _DETERMINER.search(m.group(1) + " ") or _QUANTIFIER.search(m.group(1)):
        return False
    # "Emergency doctors report panic attacks …": the count noun is the verb of a plural subject
    if _plural_subject(m.group(1).replace(",", " ").split()):
        return False
    after = (m.group(2) or "").lower()
    pos = lexicon_pos(after).keys()
    # a comma ("Personal trainer, 24, tells …"), a preposition, or a verb after the noun; not a
    # plural noun the noun modifies ("Test results took …", though "Study finds" reads the same)
    return (not after or after in _HEADS_A_CLAUSE or after in _HEADLINE_VERBS
            or (bool({"VERB", "AUX"} & pos) and not ("NOUN" in pos and looks_plural(after))))


def headline_as_sentence(text: str) -> str | None:
    """A dek in headline-ese only for its bare noun ("Survey of 640 adults finds one in four drinks
    the tonic daily") as the sentence it stands for ("A survey of 640 adults finds …."); None for
    any other line, or one whose first word is a name ("Harvard study finds …")."""
    text = text.strip()
    first = text.split(" ", 1)[0].strip(",")
    if (not _opens_on_bare_noun(text) or not _DETERMINER.search(_RATE.sub(" ", text)) or len(split_sentences(text)) > 1
            or not lexicon_pos(first.lower()) or first.isupper() or not first[:1].isupper()):
        return None
    article = "An" if first[:1].lower() in "aeio" else "A"
    return f"{article} {first[:1].lower()}{text[1:]}" + ("" if text[-1:] in ".!?" else ".")


# A passive with its "are" dropped: "Parents told never to put a weighted blanket on a baby"
# (the active verbs take an object first: "Parents told reporters …")
_HEADLINE_PASSIVE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}\s+(?:told|urged|warned|advised|ordered|forced|allowed)"
                               r"\s+(?:not\s+|never\s+)?to\b|^[A-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2}\s+told\s+never\b")


# A singular source with no article closing the line: "…, Calgary-led study finds" ("…, a
# Calgary-led study finds." in a sentence; "…, doctors say" is a sentence too)
_HEADLINE_SOURCE = re.compile(r",\s+(?!(?:a|an|the|this|that|one|its|their)\b)(?:[\w'’-]+\s+){0,3}(?:study|survey|report|review|"
                              r"analysis|poll|trial|audit|clinic|agency|regulator|watchdog)\s+(?:finds|says|shows|suggests|"
                              r"warns|reveals|claims)\s*$", re.I)


def headlinese(text: str) -> bool:
    """Is this line written in headline-ese, not as a sentence (no article or determiner in a
    line of five words or more, a bare count noun opening it, a passive without its "are", or a
    source without its article closing it)?"""
    return word_count(text) >= HEADLINESE_MIN_WORDS and (
        not _DETERMINER.search(_RATE.sub(" ", text)) or _opens_on_bare_noun(text.strip())
        or bool(_HEADLINE_PASSIVE.match(text.strip())) or bool(_HEADLINE_SOURCE.search(text.strip())))


def word_count(text: str) -> int:
    return len(WORD.findall(text))


# Plural nouns without an "-s" (lemminflect gives most of these their own lemma, so a lexicon
# test alone misses them).
PLURAL_NO_S = frozenset("data children men women mice criteria bacteria phenomena teeth feet police cattle people".split())


# Days and months: when, never who or what ("The agency on Thursday warned …", "By February …").
CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december""".split())


def upper_first(text: str) -> str:
    """``text`` with its first letter in capitals (a sentence's start), the rest as it is."""
    return text[:1].upper() + text[1:]


def looks_plural(word: str) -> bool:
    """A lower-case word's plural "-s" ("studies", "herbs"; not "stress", "virus", "analysis")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


@lru_cache(maxsize=50_000)
def lexicon_pos(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's parts of speech of ``word``, each with its lemmas ({} for a word it does not
    know, such as most names). Cached: the same words are looked up for every sentence."""
    from lemminflect import getAllLemmas

    return getAllLemmas(word)


def bracket_groups(text: str, pairs: str = "()") -> tuple[list[tuple[int, int]], bool]:
    """Spans (start, end) of the top-level bracketed groups of ``text``, and whether every
    opener was closed. ``pairs``: opener, closer, opener, closer, ... A closer that does not close
    the innermost open bracket is ignored."""
    closers = dict(zip(pairs[::2], pairs[1::2]))
    groups: list[tuple[int, int]] = []
    stack: list[str] = []
    start = 0
    for i, c in enumerate(text):
        if c in closers:
            if not stack:
                start = i
            stack.append(closers[c])
        elif stack and c == stack[-1]:
            stack.pop()
            if not stack:
                groups.append((start, i + 1))
    return groups, not stack


# --------------------------------------------------------------------------- casing
# Uncased WordPiece models emit "kratom ’ s 7 - hydroxymitragynine"; the pipeline and the
# training metrics re-attach pieces the way the source writes them and restore casing from it.
_TOKEN = re.compile(r"\S+")
_NO_SPACE_BEFORE = set(",.;:!?)]%”’")
_NO_SPACE_AFTER = set("([“‘$")


HEAD_WEIGHT = 0.5  # a heading's word, against 1 for a sentence-initial capital and 3 inside a sentence
HEAD_WORD_ZIPF = 3.0  # "question" is above it; "kratom" and most names below


class SourceCasing:
    """How the source writes each word: surface forms by lower-cased key.

    ``source`` is one text or its paragraphs. Give paragraphs where you have them: each is
    split into sentences on its own (and from the split cache), where one long text of
    newline-joined paragraphs would go to the sentence splitter whole, whose cost grows
    faster than the text."""

    def __init__(self, source: str | Iterable[str], heads: Iterable[str] = ()):
        paragraphs = [source] if isinstance(source, str) else list(source)
        heads = list(heads)
        joined = "\n".join(heads + paragraphs)
        self.lower = joined.lower()
        self.keyed = casing_key(joined)  # for substring checks while re-joining pieces
        counts: dict[str, Counter] = {}
        inside: set[str] = set()  # keys seen after a sentence's first word
        # A title or heading in title case ("What Is Medication-Overuse Headache?") says little
        # about a word's own casing: its words count for less than a sentence-initial capital.
        for head in heads:
            for m in WORD.finditer(head):
                counts.setdefault(casing_key(m.group(0)), Counter())[m.group(0)] += HEAD_WEIGHT
        for sent in (s for para in paragraphs for s in split_sentences(para)):
            for i, m in enumerate(WORD.finditer(sent.text)):
                form = m.group(0)
                key = casing_key(form)
                if i:
                    inside.add(key)
                # Sentence-initial capitals say nothing about a word's own casing.
                weight = 1 if i == 0 and form[:1].isupper() else 3
                counts.setdefault(key, Counter())[form] += weight
        self.forms = {k: c.most_common(1)[0][0] for k, c in counts.items()}
        # Common words the source only writes sentence-initially ("Two of the studies ...") are
        # lower-case inside a sentence; rare ones (names, "Kratom") keep their capital.
        self.initial_only = {k for k, c in counts.items() if k not in inside and len(c) == 1
                             and _titlecase(next(iter(c))) and _common(k)}
        # so are English words only a title-case heading has ("The GABA Question"); a name stays
        in_prose = {casing_key(m.group(0)) for p in paragraphs for m in WORD.finditer(p)}
        self.initial_only |= {k for k, c in counts.items() if k not in in_prose and len(c) == 1
                              and _titlecase(next(iter(c))) and zipf(k) >= HEAD_WORD_ZIPF}

    def surface(self, word: str) -> str:
        return self.forms.get(casing_key(word), word)


def casing_key(word: str) -> str:
    """How casing is looked up: lower case, curly apostrophes straight."""
    return word.lower().replace("’", "'")


def _titlecase(form: str) -> bool:
    return form[:1].isupper() and form[1:].islower()


COMMON_ZIPF = 5.5  # "two", "these", "most" are above it; names such as "Europe" or "John" below


def _common(key: str) -> bool:
    return zipf(key) >= COMMON_ZIPF


_ZIPF_LOAD = threading.Lock()


# Drug, plant and supplement names are rare words (oxycodone 2.6, kratom, caffeine 3.7); "the body" is not.
RARE_NAME_ZIPF = 3.7


@lru_cache(maxsize=100_000)
def zipf(word: str) -> float:
    """How common an English word is: wordfreq's Zipf frequency (0 if unknown, ~7 for "the").

    Every caller shares this cache. wordfreq loads its 320,000-word table on first use, and
    drafts summarised together call this at once from their threads: the lock makes that one
    load, not one per thread."""
    from wordfreq import zipf_frequency

    with _ZIPF_LOAD:
        return zipf_frequency(word, "en")


def detokenize(raw: str, casing: SourceCasing) -> str:
    """Join tokenizer pieces ("2. 5", "isn ' t") the way the source writes them."""
    pieces = _TOKEN.findall(raw)
    if not pieces:
        return ""
    out = [pieces[0]]
    opening = pieces[0] == '"'  # the last piece was an opening quote the source writes against its word
    # straight double quotes so far: a lone one opens a quotation when even, closes it when odd
    quotes = pieces[0].count('"')
    for i, piece in enumerate(pieces[1:], 1):
        prev = out[-1]
        joined = prev + piece
        punct_boundary = not prev[-1].isalnum() or not piece[0].isalnum()
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        if piece == '"' and not opening:
            if quotes % 2:
                out[-1] = joined  # ('… for that , "' → '… for that,"')
            else:
                out.append(piece)
                opening = True
            quotes += 1
            continue
        quotes += piece.count('"')
        if opening:
            out[-1], opening = joined, False
        elif (piece in ("'", "’") and nxt and casing_key(joined) not in casing.keyed
              and casing_key(f" {piece}{nxt}") in casing.keyed):
            out.append(piece)  # "so-called ' Z-drug '": the source opens a quote, "so-called 'Z-drug'"
            opening = True
        elif punct_boundary and casing_key(joined) in casing.keyed and casing_key(piece) not in ("(",):
            out[-1] = joined
        elif piece[0] in _NO_SPACE_BEFORE or prev[-1] in _NO_SPACE_AFTER:
            out[-1] = joined
        elif piece in ("'", "’") or (prev.endswith(("'", "’")) and piece in ("s", "t", "ll", "re", "ve", "d", "m")):
            out[-1] = joined
        else:
            out.append(piece)
    return " ".join(out)


def restore_casing(text: str, casing: SourceCasing) -> str:
    found = list(WORD.finditer(text))
    # a casing that knows a word's neighbours (the source sentence's) may use them
    beside = getattr(casing, "surface_beside", None)
    out, last = [], 0
    for i, m in enumerate(found):
        word = m.group(0)
        out.append(text[last:m.start()])
        last = m.end()
        if word != word.lower():  # the model already cased it (a cased checkpoint)
            out.append(word)
        elif casing_key(word) in casing.initial_only and not _opens_sentence(text, m.start()):
            out.append(word)
        elif beside is not None:
            out.append(beside(word, found[i - 1].group(0) if i else None,
                              found[i + 1].group(0) if i + 1 < len(found) else None))
        else:
            out.append(casing.surface(word))
    out.append(text[last:])
    return "".join(out)


def _opens_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n"

