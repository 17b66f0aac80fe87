"""The faithfulness gate: a generated sentence is kept only if its source supports it.

Checks what small models get wrong and what matters most in health writing: numbers, names
and rare terms, and negations (added ones, and dropped ones that flip a claim). A rejected
sentence is replaced by its extracted source sentence, so the failure is harmless and visible.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from wordfreq import zipf_frequency

from summarize.corpus.text import STOPWORDS, WORD

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "half", "quarter", "twice", "double", "triple",
    "percent", "majority", "minority", "most", "all", "none", "few",
}
NEGATIONS = {
    "no", "not", "never", "without", "none", "neither", "nor", "cannot", "can't", "won't",
    "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "lack",
    "lacks", "lacking", "absence", "absent", "free", "unsafe", "ineffective", "nothing", "nobody",
}
# Garbled output ("it is important to important to help the kratom may be approached") makes
# word pairs its source never has; compressions and light paraphrases mostly reuse the source's.
MIN_BIGRAM_PRECISION = 0.65
_REPEATED_WORD = re.compile(r"\b(\w+)\s+\1\b", re.I)
_DANGLING_HYPHEN = re.compile(r"\w-\s|\s-\s|\s-[.,;:]?$|\s-\w")
# A novel word at least this common in English is a paraphrase, not a new fact.
COMMON_ZIPF = 4.0
MAX_NOVEL_COMMON = 3


def _letter_words(text: str) -> list[str]:
    # Numbers are checked on their own (_NUMBER); the word checks look at words only.
    return [w for w in WORD.findall(text) if w[0].isalpha()]


@dataclass
class GateResult:
    ok: bool
    reasons: list[str] = field(default_factory=list)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'").strip("'-")


@lru_cache(maxsize=8)
def _vocabulary(document: str) -> frozenset[str]:
    # Every sentence of a lead is checked against the same draft: build its vocabulary once.
    return frozenset(_norm(w) for w in _letter_words(document))


@lru_cache(maxsize=50_000)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def _stem(word: str) -> str:
    # Light suffix stripping: "studies"/"study", "effects"/"effect" count as supported.
    for suffix in ("ies", "es", "s", "ing", "ed", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _negation_scopes(words: list[str]) -> list[tuple[str, str]]:
    """(negation, first content word after it within three words)."""
    out = []
    for i, w in enumerate(words):
        if w in NEGATIONS or w.endswith("n't"):
            for nxt in words[i + 1 : i + 4]:
                if nxt not in STOPWORDS:
                    out.append((w, nxt))
                    break
    return out


def check(generated: str, support: str, document: str | None = None) -> GateResult:
    """Is ``generated`` supported by ``support`` (its source sentences)?

    ``document`` (the whole draft) widens the vocabulary for names and rare words only.
    """
    reasons: list[str] = []
    gen_words = [_norm(w) for w in _letter_words(generated)]
    sup_words = [_norm(w) for w in _letter_words(support)]
    sup_set = set(sup_words)
    sup_stems = {_stem(w) for w in sup_words}
    doc_set = _vocabulary(document) if document else sup_set

    if len(gen_words) < 4:
        reasons.append("too short")

    support_numbers = set(_NUMBER.findall(support))
    for number in _NUMBER.findall(generated):
        if number not in support_numbers:
            reasons.append(f"number {number!r} not in source")
    for w in gen_words:
        if w in NUMBER_WORDS and w not in sup_set:
            reasons.append(f"quantity {w!r} not in source")

    gen_set = set(gen_words)
    for w in gen_set:
        if (w in NEGATIONS or w.endswith("n't")) and w not in sup_set:
            reasons.append(f"negation {w!r} not in source")
    for neg, scope in _negation_scopes(sup_words):
        if scope in gen_set and neg not in gen_set and not any(
            g in NEGATIONS or g.endswith("n't") for g in gen_words
        ):
            reasons.append(f"dropped negation {neg!r} before {scope!r}")

    novel_common = 0
    for w in gen_set:
        if w in STOPWORDS or w in sup_set or _stem(w) in sup_stems:
            continue
        if w in doc_set and _zipf(w) < COMMON_ZIPF:
            continue  # a term of the draft, used elsewhere in it
        if _zipf(w) >= COMMON_ZIPF:
            novel_common += 1
        else:
            reasons.append(f"unsupported term {w!r}")
    if novel_common > MAX_NOVEL_COMMON:
        reasons.append(f"{novel_common} words not in source")

    for name in _names(generated):
        if _norm(name) not in doc_set:
            reasons.append(f"name {name!r} not in source")

    reasons.extend(fluency_problems(generated, gen_words, sup_words))
    return GateResult(not reasons, reasons)


def fluency_problems(generated: str, gen_words: list[str], sup_words: list[str]) -> list[str]:
    """Signs of a garbled sentence: stutters, broken hyphenation, word order not the source's."""
    out = []
    m = _REPEATED_WORD.search(generated)
    if m and m.group(1).lower() not in ("that", "had"):
        out.append(f"repeated word {m.group(1)!r}")
    bigrams = list(zip(gen_words, gen_words[1:]))
    if len(bigrams) != len(set(bigrams)):
        out.append("repeated phrase")
    if _DANGLING_HYPHEN.search(generated):
        out.append("broken hyphenation")
    if bigrams:
        source_bigrams = set(zip(sup_words, sup_words[1:]))
        precision = sum(b in source_bigrams for b in bigrams) / len(bigrams)
        if precision < MIN_BIGRAM_PRECISION:
            out.append(f"word order unlike the source (bigram precision {precision:.2f})")
    return out


def _names(text: str) -> list[str]:
    """Capitalised words not at the start of the sentence (cased output only)."""
    words = _letter_words(text)
    return [w for w in words[1:] if w[:1].isupper()]
