"""Salient-sentence extraction: what the lead should cover, picked from the draft.

House leads walk the article: the intro's main claim, one point per section, the closing
advice. Each part contributes its most central sentence (TF-IDF similarity to the whole
draft); leftover budget goes to the next most central sentences, kept in document order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from summarize.corpus.article import Article, Paragraph
from summarize.corpus.text import headline_as_sentence, headlinese, split_sentences, word_count, words
from summarize.corpus.tfidf import tfidf_matrix

# Sentences that talk about the article rather than the subject make poor lead material.
_META = re.compile(
    r"\b(this (article|post|guide|piece)|in this (article|post|guide)|we(’|')ll|we will|join us|"
    r"read on|let(’|')s|below)\b",
    re.I,
)


_CONNECTIVE = re.compile(r"^(additionally|moreover|furthermore|however|also|instead|thus|therefore|"
                         r"in addition|as a result|by doing so|beyond (this|that|its [a-z ]+)),?\s", re.I)
REDUNDANT = 0.6  # word-overlap share above which two sentences say the same thing


def _overlap(a: str, b: str) -> float:
    wa, wb = set(words(a)), set(words(b))
    return len(wa & wb) / max(1, min(len(wa), len(wb)))


@dataclass
class Extract:
    text: str
    part: str  # "intro", "section N" (1-based, top-level), "closing"
    start: int  # offsets of the sentence in Article.text
    end: int
    score: float = 0.0
    restated: bool = False  # a headline-ese dek written as the sentence it stands for


def article_units(article: Article) -> list[tuple[str, list[Paragraph]]]:
    units: list[tuple[str, list[Paragraph]]] = []
    if article.intro:
        units.append(("intro", list(article.intro)))
    for i, section in enumerate(article.sections, 1):
        if section.paragraphs:
            units.append((f"section {i}", list(section.paragraphs)))
        for j, sub in enumerate(section.subsections, 1):
            paragraphs = [p for s in sub.walk() for p in s.paragraphs]
            if paragraphs:
                units.append((f"section {i}.{j}", paragraphs))
    if article.closing is not None:
        units.append(("closing", [article.closing]))
    return units


def candidate_sentences(article: Article, with_dek: bool = False) -> list[Extract]:
    """The draft's content sentences; ``with_dek``: the dek under a pasted page's headline too
    (set aside as furniture, but it states the news when the story opens on an anecdote)."""
    out: list[Extract] = []
    for part, paragraphs in article_units(article):
        for p in paragraphs:
            # page furniture set aside by the cleaning step
            if p.boilerplate is not None and not (with_dek and p.boilerplate == "dek"):
                continue
            # a dek in headline-ese states the news, but not as a lead's sentence (one written
            # in sentences, full stop and all, is prose)
            # (one that lacks only its article is that sentence: "Survey of 640 adults finds …")
            if p.boilerplate == "dek" and headlinese(p.text) and not p.text.rstrip().endswith("."):
                sentence = headline_as_sentence(p.text)
                if sentence is not None:
                    out.append(Extract(sentence, part, p.start, p.end, restated=True))
                continue
            # Hard-wrapped lines are one paragraph: split it as prose (same length, offsets hold).
            raw = article.readable[p.start : p.end].replace("\r", " ").replace("\n", " ")
            for s in split_sentences(raw):
                out.append(Extract(" ".join(s.text.split()), part, p.start + s.start, p.start + s.end))
    return out


def score_sentences(sentences: list[Extract]):
    """Score each sentence by its TF-IDF similarity to the draft's centroid; returns the
    (sparse, row-normalised) TF-IDF matrix (``corpus.tfidf``), or None when the draft has only stop words, so the
    planner measures redundancy on the same vectors instead of fitting them again."""
    texts = [s.text for s in sentences]
    if not texts:
        return None
    try:
        matrix = tfidf_matrix(texts)
    except ValueError:  # only stop words
        for s in sentences:
            s.score = 0.0
        return None
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    sims = (matrix @ centroid) / norm
    seen_parts: set[str] = set()
    for s, sim in zip(sentences, np.asarray(sims).ravel()):
        n = word_count(s.text)
        score = float(sim)
        if n < 6 or s.text.rstrip().endswith("?"):
            score *= 0.3
        elif n > 45:
            score *= 0.7
        if _META.search(s.text) or s.text.rstrip().endswith(":"):
            score *= 0.3
        if _CONNECTIVE.match(s.text):  # "Additionally, …" dangles at the start of a lead
            score *= 0.8
        if s.part not in seen_parts:  # authors state a part's point early
            score *= 1.15
            seen_parts.add(s.part)
        s.score = score
    return matrix


def select(article: Article, max_words: int = 160) -> list[Extract]:
    """The sentences a lead of at most ``max_words`` words should be written from."""
    sentences = candidate_sentences(article)
    score_sentences(sentences)
    by_part: dict[str, list[Extract]] = {}
    for s in sentences:
        by_part.setdefault(s.part, []).append(s)
    chosen: list[Extract] = []
    used = 0
    # Pass 1: each part's best sentence, parts in order of importance (intro, closing, sections).
    order = sorted(by_part, key=lambda p: (p != "intro", p != "closing"))
    def fits(s: Extract) -> bool:
        return used + word_count(s.text) <= max_words and not any(_overlap(s.text, c.text) >= REDUNDANT for c in chosen)

    for part in order:
        for best in sorted(by_part[part], key=lambda s: -s.score):
            if not chosen or fits(best):
                chosen.append(best)
                used += word_count(best.text)
                break
    # Pass 2: fill the budget with the next most central sentences that add something new.
    for s in sorted((s for s in sentences if s not in chosen), key=lambda s: -s.score):
        if s.score > 0 and fits(s):
            chosen.append(s)
            used += word_count(s.text)
    return sorted(chosen, key=lambda s: s.start)
