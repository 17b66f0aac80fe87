"""Output normalisation: turn raw model text into house-style sentences.

Uncased WordPiece models emit "kratom ’ s 7 - hydroxymitragynine"; we re-attach pieces the
way the source writes them and restore each word's casing (and curly quotes) from the source.
"""
from __future__ import annotations

import re
from collections import Counter

from summarize.corpus.text import WORD, SourceCasing, detokenize, restore_casing

__all__ = ["SourceCasing", "detokenize", "restore_casing", "normalise_generated", "dedupe", "fix_articles",
           "finish_sentence", "sentence_case", "title_case"]


def sentence_case(text: str) -> str:
    text = text.strip()
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            break
    return text


def finish_sentence(text: str) -> str:
    text = text.strip().rstrip(",;:-– ")
    if text and text[-1] not in ".!?":
        text += "."
    return text


_A_AN = re.compile(r"\b([Aa])\s+(?=[aeioAEIO][a-z])")
_AN_A = re.compile(r"\b([Aa])n\s+(?=[bcdfgjklmnpqrstvwxyzBCDFGJKLMNPQRSTVWXYZ][a-z])")


def fix_articles(text: str) -> str:
    """'a appealing' -> 'an appealing', 'an sedative' -> 'a sedative' (small models mix them up)."""
    text = _A_AN.sub(lambda m: m.group(1) + "n ", text)
    return _AN_A.sub(lambda m: m.group(1) + " ", text)


def normalise_generated(raw: str, casing: SourceCasing) -> str:
    """Detokenise, restore casing, fix a/an, sentence-case and terminate one generated sentence."""
    text = detokenize(raw, casing)
    text = fix_articles(restore_casing(text, casing))
    text = re.sub(r"\s+", " ", text)
    return finish_sentence(sentence_case(text))


def dedupe(sentences: list[str], threshold: float = 0.8) -> list[int]:
    """Indexes of sentences to keep: drops exact repeats and near-repeats (word overlap)."""
    keep: list[int] = []
    seen: list[set[str]] = []
    for i, s in enumerate(sentences):
        words = {w.lower() for w in WORD.findall(s)}
        if not words:
            continue
        if any(len(words & o) / max(1, min(len(words), len(o))) >= threshold for o in seen):
            continue
        keep.append(i)
        seen.append(words)
    return keep


def title_case(text: str) -> str:
    """House headings are Title Case; small words stay lower-case unless first."""
    small = {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "vs"}
    words = text.split()
    out = []
    for i, w in enumerate(words):
        if w != w.lower():  # keep source casing (names, acronyms)
            out.append(w)
        elif i > 0 and w in small:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)
