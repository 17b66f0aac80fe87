"""The outline: the draft's headings where it has them, generated headings where it has none."""
from __future__ import annotations

import re
from collections import Counter

from corpus.article import Article, OutlineEntry, Section
from summarize.normalize import SourceCasing, detokenize, restore_casing, title_case
from summarize.faithfulness import STOPWORDS

MAX_HEADING_WORDS = 12
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")


def build_outline(article: Article, model=None, settings=None) -> list[OutlineEntry]:
    """Fill in headings for headless sections (model first, keyword fallback), then list them."""
    missing = [s for s in article.walk() if s.heading is None and s.paragraphs]
    if missing:
        texts = [" ".join(_first_words(s.text, 120)) for s in missing]
        raw = model.generate(texts, task="heading", settings=settings, constrain_to_source=True) if model else [""] * len(missing)
        for section, text in zip(missing, raw):
            section.heading = _clean_heading(text, section) or keyword_heading(section)
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
    section_words = {w.lower() for w in _WORD.findall(section.text)}
    content = [w.lower() for w in _WORD.findall(text) if w.lower() not in STOPWORDS]
    # A heading must be about this section: most of its content words come from it.
    if not content or sum(w in section_words for w in content) < 0.6 * len(content):
        return None
    return title_case(text)


def keyword_heading(section: Section) -> str:
    """Fallback: the section's most frequent content words, as the source writes them."""
    casing = SourceCasing(section.text)
    counts = Counter(w.lower() for w in _WORD.findall(section.text) if w.lower() not in STOPWORDS and len(w) > 3)
    top = [casing.surface(w) for w, _ in counts.most_common(3)]
    if not top:
        return "Section"
    if len(top) == 1:
        return title_case(top[0])
    return title_case(", ".join(top[:-1]) + " and " + top[-1])
