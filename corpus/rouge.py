"""ROUGE, computed only with ``rouge-score`` (the reference implementation), in one place.

``scorer()`` scores strings (evaluation, training validation); ``rouge_l`` and ``rouge_1``
score already-tokenised text for the corpus builders' alignment, through the same package's
LCS and n-gram scorers so the numbers agree with ``scorer()`` on the same tokens.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from rouge_score import rouge_scorer as _rs

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


@lru_cache(maxsize=4)
def scorer(types: tuple[str, ...] = ROUGE_TYPES, stemmer: bool = True) -> _rs.RougeScorer:
    """The project's ROUGE scorer (Porter stemming on, as in the published ROUGE-1.5.5 setup)."""
    return _rs.RougeScorer(list(types), use_stemmer=stemmer)


def rouge_l(ref: list[str], cand: list[str]) -> float:
    """ROUGE-L F1 between two token lists."""
    if not ref or not cand:
        return 0.0
    return _rs._score_lcs(ref, cand).fmeasure  # rouge-score's own LCS scorer, on our tokens


def rouge_1(ref: Counter, cand: Counter) -> float:
    """ROUGE-1 F1 between two bags of words."""
    if not ref or not cand:
        return 0.0
    return _rs._score_ngrams(ref, cand).fmeasure
