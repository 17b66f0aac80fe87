"""Sentence splitting and small text utilities shared by the pipeline and the caveat filter.

Sentences keep their character offsets into the paragraph they came from, so every
component can point back at the exact source text (the report, provenance, the gate).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd


@dataclass(frozen=True)
class Sentence:
    text: str  # stripped sentence text, byte-for-byte from the source
    start: int  # offset of text in the string it was split from
    end: int


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    # pysbd is rule-based (no model download) and handles abbreviations, decimals and
    # "e.g." well, which a regex splitter gets wrong in health writing.
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets; whitespace-only pieces are dropped."""
    out: list[Sentence] = []
    if not text.strip():
        return out
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


_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters/digits, inner apostrophes and hyphens kept)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
