"""Output normalisation: turn raw model text into house-style sentences.

Uncased WordPiece models emit "kratom ’ s 7 - hydroxymitragynine"; we re-attach pieces the
way the source writes them and restore each word's casing (and curly quotes) from the source.
"""
from __future__ import annotations

import re
from collections import Counter

from summarize.corpus.text import split_sentences

_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*[A-Za-z0-9]|[A-Za-z0-9]")
_NO_SPACE_BEFORE = set(",.;:!?)]%”’")
_NO_SPACE_AFTER = set("([“‘$")


class SourceCasing:
    """How the source writes each word: surface forms by lower-cased key."""

    def __init__(self, source: str):
        self.lower = source.lower()
        self.keyed = _key(source)  # for substring checks while re-joining pieces
        counts: dict[str, Counter] = {}
        for sent in split_sentences(source) or []:
            for i, m in enumerate(_WORD.finditer(sent.text)):
                form = m.group(0)
                key = _key(form)
                # Sentence-initial capitals say nothing about a word's own casing.
                weight = 1 if i == 0 and form[:1].isupper() else 3
                counts.setdefault(key, Counter())[form] += weight
        self.forms = {k: c.most_common(1)[0][0] for k, c in counts.items()}

    def surface(self, word: str) -> str:
        return self.forms.get(_key(word), word)


def _key(word: str) -> str:
    return word.lower().replace("’", "'")


def detokenize(raw: str, casing: SourceCasing) -> str:
    """Join tokenizer pieces ("2. 5", "isn ' t") the way the source writes them."""
    pieces = _TOKEN.findall(raw)
    if not pieces:
        return ""
    out = [pieces[0]]
    for piece in pieces[1:]:
        prev = out[-1]
        joined = prev + piece
        punct_boundary = not prev[-1].isalnum() or not piece[0].isalnum()
        if punct_boundary and _key(joined) in casing.keyed and _key(piece) not in ("(",):
            out[-1] = joined
        elif piece[0] in _NO_SPACE_BEFORE or prev[-1] in _NO_SPACE_AFTER:
            out[-1] = joined
        elif piece in ("'", "’") or (prev.endswith(("'", "’")) and piece in ("s", "t", "ll", "re", "ve", "d", "m")):
            out[-1] = joined
        else:
            out.append(piece)
    return " ".join(out)


def restore_casing(text: str, casing: SourceCasing) -> str:
    def fix(m: re.Match) -> str:
        word = m.group(0)
        if word != word.lower():  # the model already cased it (a cased checkpoint)
            return word
        return casing.surface(word)

    return _WORD.sub(fix, text)


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
        words = {w.lower() for w in _WORD.findall(s)}
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
