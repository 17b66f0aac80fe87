"""Required literals (summarize/caveats/literals.py): the sets are read off the pattern, and a
search they skip would never have matched: on hand-written patterns with random texts
(hypothesis) and on every pattern of the shipped policy with the labelled caveat sentences."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.caveats.literals import may_match, present, required_literals
from summarize.caveats.nlp import normalize
from summarize.caveats.policy import load_policy

LABELLED = Path(__file__).resolve().parents[1] / "summarize" / "evaluation" / "labelled"


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(get|gets|getting)\s+(\w+ly\s+)?hooked\b(?!\s+up)", {"hooked"}),
    (r"\bstud(y|ies)\b", {"study", "studies"}),
    (r"\b(a\s+)?(tolerance|dependence)\b", {"tolerance", "dependence"}),
    (r"(?<!no\s)risk[sy]?", {"risk"}),  # a lookbehind only narrows a match; fewer strings win
    (r"Habit-Forming", {"habit-forming"}),  # compared lower-cased
    (r"withdraw(al)?", {"withdraw"}),
    (r"(un)?safe", {"safe"}),
])
def test_the_set_is_what_every_match_needs(pattern, expected):
    assert required_literals(re.compile(pattern, re.I)) == expected


@pytest.mark.parametrize("pattern", [
    r"\b\w+\s+\d+",  # nothing literal
    r"(\w+) \1",  # a back-reference
    r"\b(a|an|of)\b",  # too short to pay
    r"é+tude",  # "tude" is needed, but é is left alone: it is searched
])
def test_no_useful_set_means_always_searched(pattern):
    lits = required_literals(re.compile(pattern, re.I))
    if lits is not None:
        assert all(len(x) >= 3 for x in lits)
    assert may_match(None, frozenset())


@pytest.mark.parametrize("text", ["SKIN", "\u017fkin", "sk\u0130n", "sk\u0131n", "s\u212ain"])
def test_the_fold_matches_what_ignorecase_matches(text):
    p = re.compile(r"\bs[ck]in\b", re.I)
    assert p.search(text)
    assert may_match(required_literals(p), present({"skin", "scin"}, text))


PATTERNS = [re.compile(p, f) for p, f in [
    (r"\b(get|gets)\s+(\w+ly\s+)?hooked\b(?!\s+up)", re.I),
    (r"\bstud(y|ies)\s+(is|are)\s+(small|limited)", re.I),
    (r"(?<!not\s)\b(kinda|sk[iy]n)\s*-?\s*(deep|thick)", re.I),
    (r"[sz]{2}ik", re.I),
    (r"(ab){2}use|mis+use", 0),
    (r"\b(tol|dep)[a-z]*ance\b", re.I),
    (r"\bs[ck]in\b", re.I),  # IGNORECASE matches "ſkin" and "skİn": the fold must too
]]
ALPHABET = ["hooked", "get ", "gets ", "really ", "study ", "studies ", "is ", "are ", "small", "limited", "kinda",
            "skin", "sky", "deep", "thick", "-", " ", "ss", "zz", "ik", "ab", "abab", "use", "mis", "miss",
            "tol", "dep", "er", "ance", "not ", "İ", "ı", "ſ", "\u212a", "HOOKED", "Study", "kin", "tudies ", "sk", "n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=12).map("".join))
def test_a_skipped_search_never_matches(text):
    for p in PATTERNS:
        lits = required_literals(p)
        if p.search(text):
            assert may_match(lits, present(lits or (), text)), (p.pattern, text)


def _labelled_sentences(limit_folders: int = 4) -> list[str]:
    out = []
    for key in sorted(LABELLED.glob("news*/KEY.md"))[:limit_folders]:
        out += [m.group(1) for m in re.finditer(r"^C: \[[^\]]*\] (.*)$", key.read_text(encoding="utf-8"), re.M)]
    return out


def test_the_shipped_policy_loses_no_match():
    policy = load_policy()
    patterns = [p for kind in policy.kinds.values() for p in (*kind.patterns, *kind.paraphrases, *kind.exclude)]
    sentences = [normalize(s) for s in _labelled_sentences()]
    assert len(patterns) > 300 and len(sentences) > 300
    gated = [(p, required_literals(p)) for p in patterns]
    assert sum(lits is not None for _, lits in gated) > 0.9 * len(gated)  # the point: most are gated
    universe = frozenset().union(*(lits for _, lits in gated if lits))
    for s in sentences:
        found = present(universe, s)
        for p, lits in gated:
            if not may_match(lits, found):
                assert not p.search(s), (p.pattern, s)
