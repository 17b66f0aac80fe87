"""Property-based tests of the caveat filter (hypothesis): idempotent, byte-exact when the
summary passes, and it never loses a summary sentence it does not report.

Summaries are built from short sentences written for these tests, joined in random order
with random whitespace and with or without final punctuation.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarize.caveats import CaveatFilter

DRAFT = (
    "Kratom and Pain\n"
    "Kratom is a tree from Southeast Asia whose leaves are sold as a powder. "
    "People use kratom for pain and low mood.\n"
    "What the Research Says\n"
    "Evidence for kratom comes mostly from surveys of users, and more research is needed before firm conclusions can be drawn.\n"
    "Risks\n"
    "Regular kratom use can lead to dependence, and stopping suddenly can cause withdrawal symptoms. "
    "Kratom can interact with other medicines and alcohol.\n"
    "Kratom is sold online in many countries."
)

PIECES = [
    "Kratom is a tree from Southeast Asia",
    "People use it for pain",
    "Kratom can lead to dependence",
    "More research is needed",
    "Kratom is completely safe",
    "It is a natural remedy without addiction risks",
    "Talk to a doctor before using it",
    "Kratom powder is sold online",
    "Some users take it with tea",
    "Use it properly to get the benefits without the risk of dependency",
]
ENDS = ["", ".", "!", "?"]
GAPS = ["", " ", "  ", "\n", "\n\n", "\u00a0"]


@st.composite
def summaries(draw) -> str:
    n = draw(st.integers(min_value=0, max_value=5))
    parts = []
    for k in range(n):
        text = draw(st.sampled_from(PIECES))
        end = draw(st.sampled_from(ENDS)) if k == n - 1 else draw(st.sampled_from(ENDS[1:]))
        gap = draw(st.sampled_from(GAPS)) if k else ""
        parts.append(gap + text + end)
    return draw(st.sampled_from(["", " ", "\n"])) + "".join(parts) + draw(st.sampled_from(["", "\n"]))


@pytest.fixture(scope="module")
def f() -> CaveatFilter:
    return CaveatFilter()


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(summary=summaries())
def test_second_run_changes_nothing(f, summary):
    once = f(DRAFT, summary)
    twice = f(DRAFT, once.summary)
    assert twice.summary == once.summary
    assert twice.passed


@SETTINGS
@given(summary=summaries())
def test_passing_summary_comes_back_byte_for_byte(f, summary):
    res = f(DRAFT, summary)
    if res.passed:
        assert res.summary == summary
    else:
        assert res.report.added or res.report.removed or res.report.rewritten


@SETTINGS
@given(sentences=st.lists(st.sampled_from([p + "." for p in PIECES]), max_size=5))
def test_never_loses_a_sentence_it_does_not_report(f, sentences):
    res = f(DRAFT, sentences)
    kept = {o.index for o in res.sentences if o.status in ("kept", "rewritten")}
    removed = {r["index"] for r in res.report.removed}
    assert kept | removed == set(range(len(sentences)))
    assert not kept & removed
    for o in res.sentences:
        if o.status == "kept":
            assert o.text == sentences[o.index]
        if o.status == "added":
            assert o.source_sentence is not None and DRAFT[o.start:o.end] == o.source_sentence
    # the list form and the string form agree
    assert res.summary == [o.text for o in res.sentences]
    assert len(res.report.added) == sum(o.status == "added" for o in res.sentences)
