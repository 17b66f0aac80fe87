"""The outline: the draft's headings where it has them, generated headings where it has none."""
from __future__ import annotations

import re
from collections import Counter

from summarize.corpus.article import Article, OutlineEntry, Section
from summarize.normalize import SourceCasing, detokenize, restore_casing, title_case
from summarize.corpus.text import STOPWORDS, WORD

MAX_HEADING_WORDS = 12


HEADING_METHODS = ("model", "keyphrase")


def build_outline(article: Article, model=None, settings=None, method: str = "model") -> list[OutlineEntry]:
    """Fill in headings for headless sections, then list the outline.

    ``model``: the model's ``heading`` task (source-constrained), keyphrase fallback when its
    heading fails the checks; ``keyphrase``: the section's most distinctive phrase only.
    """
    if method not in HEADING_METHODS:
        raise ValueError(f"unknown heading method {method!r} (choose from {', '.join(HEADING_METHODS)})")
    missing = [s for s in article.walk() if s.heading is None and s.paragraphs]
    if missing:
        texts = [" ".join(_first_words(s.text, 120)) for s in missing]
        use_model = model is not None and method == "model"
        raw = model.generate(texts, task="heading", settings=settings, constrain_to_source=True) if use_model else [""] * len(missing)
        others = [s.text for s in article.walk() if s.paragraphs]
        index = _PhraseIndex(others)  # phrases counted once per section, not once per pair
        for section, text in zip(missing, raw):
            section.heading = _clean_heading(text, section) or keyword_heading(section, others, index)
            section.generated = True
    return article.headings_outline()


def _first_words(text: str, n: int) -> list[str]:
    return text.split()[:n]


def _clean_heading(raw: str, section: Section) -> str | None:
    casing = SourceCasing(section.text)
    text = restore_casing(detokenize(raw, casing), casing).strip(" .:;,-–")
    words = text.split()
    if not (2 <= len(words) <= MAX_HEADING_WORDS):
        return None
    section_words = {w.lower() for w in (w for w in WORD.findall(section.text) if w[0].isalpha())}
    tokens = [w.lower() for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", text)]
    content = [w for w in tokens if w not in STOPWORDS]
    # A heading must be about this section (its content words come from it) and read as a
    # phrase: no word fragments, stutters, or a function word where a noun should be.
    if not content or any(w not in section_words for w in content):
        return None
    if any(len(w) == 1 and w not in ("a",) for w in tokens) or len(set(tokens)) < len(tokens):
        return None
    if tokens[0] in _BAD_START or tokens[-1] in STOPWORDS or _BAD_PAIR.search(" ".join(tokens)):
        return None
    return title_case(text)


_BAD_START = {"of", "and", "or", "but", "to", "with", "for", "by", "as", "is", "are", "it", "its"}
_BAD_PAIR = re.compile(r"\b(how|what|why|when) of\b|\bof (of|and|the of|a of)\b|\b(the|a|an) (of|and|to|is)\b")


def _phrases(text: str) -> Counter:
    counts: Counter = Counter()
    for chunk in re.split(r"[^A-Za-z'’\- ]+", text):  # punctuation ends a phrase
        run: list[str] = []
        for w in chunk.split() + [""]:
            lw = w.lower().strip("-")
            if lw and lw not in STOPWORDS and lw not in _EXTRA_STOP and len(lw) > 2 \
                    and "'" not in lw and "’" not in lw and not lw.endswith("ly"):
                run.append(lw)
                continue
            for n in (1, 2, 3):
                for i in range(len(run) - n + 1):
                    counts[" ".join(run[i : i + n])] += 1
            run = []
    return counts


class _PhraseIndex:
    """Each section's phrase counts and, per phrase, how many sections use it: built once per
    draft, so headings for S headless sections cost O(S), not O(S²)."""

    def __init__(self, texts: list[str]):
        self.texts = list(texts)
        self.counts: dict[str, Counter] = {}
        self.spread: Counter = Counter()  # phrase -> number of texts (with multiplicity) using it
        self.copies: Counter = Counter(self.texts)
        for text in self.texts:
            if text not in self.counts:
                self.counts[text] = _phrases(text)
        for text in self.texts:
            self.spread.update(self.counts[text].keys())

    def phrases(self, text: str) -> Counter:
        if text not in self.counts:
            self.counts[text] = _phrases(text)
        return self.counts[text]


def keyword_heading(section: Section, others: list[str] | None = None, index: _PhraseIndex | None = None) -> str:
    """Fallback: the section's most distinctive phrase (a run of one to three adjacent content
    words, e.g. "safe usage practices"), weighted against the draft's other sections
    (``others``; ``index``, when given, must have been built from the same ``others``)."""
    import math

    index = index or _PhraseIndex(others or [])
    mine = index.phrases(section.text)
    if not mine:
        return "Overview"
    # The other sections are those whose text differs from this one's; a phrase of this
    # section occurs in every copy of its own text, so those copies are subtracted.
    same = index.copies[section.text]
    n_rest = len(index.texts) - same
    def score(term: str) -> float:
        spread = index.spread[term] - same
        return mine[term] * math.log(1 + (n_rest + 1) / (1 + spread)) * (1 + 0.6 * term.count(" "))

    ranked = sorted(mine, key=lambda t: (-score(t), t))
    top = ranked[0]
    second = next((t for t in ranked[1:] if not set(t.split()) & set(top.split())), None)
    casing = SourceCasing(section.text)
    surface = lambda t: " ".join(casing.surface(w) for w in t.split())  # noqa: E731
    if second and score(second) >= 0.6 * score(top):
        return title_case(f"{surface(top)} and {surface(second)}")
    return title_case(surface(top))


_EXTRA_STOP = {"may", "can", "also", "like", "often", "one", "way", "ways", "help", "helps", "make", "makes",
               "use", "used", "using", "well", "including", "additionally", "however", "important", "known",
               "found", "shown", "seeking", "considering", "firstly", "secondly", "finally", "overall"}