"""Required literals: a cheap test that a regular expression cannot match a text.

The caveat policy has some 500 patterns and nearly all of them match nothing in a given
sentence, yet each ``search`` walks the whole sentence. Almost every pattern needs one word
from a small set ("dependent", "hooked", "tolerance" …), and a substring test for those words
is some twenty times cheaper than the search. :func:`required_literals` reads the set off the
pattern's parse tree; :func:`present` finds which literals a text has, and :func:`may_match`
says whether a search is worth running.

The sets are sound, never guesses: every match of the pattern contains one of its literals
(lower-cased), so skipping a search when none is present never changes a result. A pattern with
no useful set (under three letters, or too many alternatives) is always searched.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from re import _constants as C  # noqa: N812  (the stdlib's own parser: the tree ``re`` compiles)
from re import _parser

_MAX_ALTERNATIVES = 64  # beyond this a set costs more to test than the search it would save
_MIN_LENGTH = 3
_ZERO_WIDTH = frozenset({""})
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_GROUPS = {C.SUBPATTERN, getattr(C, "ATOMIC_GROUP", C.SUBPATTERN)}
# The characters that IGNORECASE matches to an ASCII letter although ``lower()`` does not make
# them that letter (``re`` folds these; ``str.lower`` keeps them or changes their length).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """The text as literals are looked for in it: lower-cased, with IGNORECASE's extra letters."""
    return text.translate(_FOLD).lower()


def present(literals, text: str) -> frozenset[str]:
    """Which of ``literals`` occur in ``text`` (looked for once, however many patterns share one)."""
    folded = fold(text)
    return frozenset(lit for lit in literals if lit in folded)


def may_match(literals: frozenset[str] | None, found: frozenset[str]) -> bool:
    """False only when a pattern that needs one of ``literals`` cannot match a text in which
    just ``found`` (see :func:`present`) occur."""
    return literals is None or not literals.isdisjoint(found)


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which every match of ``pattern`` contains, or None
    when no useful set exists."""
    return _literals_of(pattern.pattern, pattern.flags)


@lru_cache(maxsize=None)  # a policy's patterns are read once per process, however many detectors
def _literals_of(source: str, flags: int) -> frozenset[str] | None:
    try:
        tree = _parser.parse(source, flags)
    except Exception:  # a parser detail changed between Python versions: just search
        return None
    found = _contains(list(tree))
    if not found or min(map(len, found)) < _MIN_LENGTH:
        return None
    return frozenset(found)


def _product(sets: list[set[str]]) -> set[str] | None:
    size = 1
    for s in sets:
        size *= len(s)
        if size > _MAX_ALTERNATIVES:
            return None
    return {"".join(parts) for parts in product(*sets)}


def _exact(items) -> set[str] | None:
    """Every string the sequence can match, when they are few and all literal."""
    sets = []
    for op, av in items:
        s = _exact_node(op, av)
        if s is None:
            return None
        sets.append(s)
    return _product(sets)


def _exact_node(op, av) -> set[str] | None:
    if op is C.LITERAL:
        ch = chr(av).lower()
        return {ch} if ch.isascii() else None
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: a lookaround only narrows a match
        return set(_ZERO_WIDTH)
    if op is C.IN:
        if not all(o is C.LITERAL for o, _ in av):  # NEGATE, ranges, categories
            return None
        chars = {chr(a).lower() for _, a in av}
        return chars if all(c.isascii() for c in chars) else None
    if op in _GROUPS:
        return _exact(_group_items(op, av))
    if op is C.BRANCH:
        return _union(av[1], _exact)
    if op in _REPEATS:
        lo, hi, body = av
        if hi == 0:
            return set(_ZERO_WIDTH)
        s = _exact(body)
        if s is None:
            return None
        if lo == 0 and hi == 1:
            return s | _ZERO_WIDTH
        if lo == hi:
            return _product([s] * lo)
    return None


def _contains(items) -> set[str] | None:
    """A set of strings one of which any match of the sequence contains (the most selective
    found: longer shortest string first, then fewer strings; the first of equals)."""
    best: set[str] | None = None
    best_key = None

    def consider(found: set[str] | None) -> None:
        nonlocal best, best_key
        if found:
            key = (min(map(len, found)), -len(found))
            if best is None or key > best_key:
                best, best_key = found, key

    exact = [_exact_node(op, av) for op, av in items]
    for i, s in enumerate(exact):
        if s is None:
            op, av = items[i]
            consider(_contains_node(op, av))
            continue
        # windows of consecutive literal items, as long as their product stays small (each
        # window extends the one before by one item, not rebuilt from its start)
        joined, size = {""}, 1
        for j in range(i, len(items)):
            if exact[j] is None:
                break
            size *= len(exact[j])
            if size > _MAX_ALTERNATIVES:
                break
            joined = {a + b for a in joined for b in exact[j]}
            consider(joined)
    return best


def _contains_node(op, av) -> set[str] | None:
    if op in _GROUPS:
        return _contains(_group_items(op, av))
    if op is C.BRANCH:
        return _union(av[1], _contains)
    if op in _REPEATS and av[0] >= 1:
        return _contains(av[2])
    return None


def _group_items(op, av):
    """The sequence inside a group: (group, add_flags, del_flags, items) or an atomic group's items."""
    return av[-1] if op is C.SUBPATTERN else av


def _union(alternatives, each) -> set[str] | None:
    """The alternatives' sets joined; None when one of them has none or they are too many."""
    out: set[str] = set()
    for alt in alternatives:
        found = each(alt)
        if found is None:
            return None
        out |= found
    return out if len(out) <= _MAX_ALTERNATIVES else None
