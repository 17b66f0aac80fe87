"""Which of a draft's caveats is its conclusion-level one: a small learned ranker.

A draft states its research or dependency caveat several times: one trial's limit, the
study's design, and once as the verdict readers need ("the evidence is far too thin to back
the promises", "regular use can lead to tolerance and a cycle of dependence"). Fixed rules
ranked these poorly on drafts they were not written for, so the filter orders a kind's
candidates by a conditional-logit model (one softmax over each draft's candidates of a kind)
on a few interpretable features: where the sentence sits, whether it is in the draft's
conclusion section, whether it states a verdict in the policy's words, whether it is about
one number or outcome.

    ranker = ConclusionRanker.load()             # the shipped weights
    vectors = features(sentences, article_text, topic, policy, verdict, is_advice)
    scores = {i: ranker.score(v) for i, v in vectors.items()}

Weights live in a small JSON file (``conclusion_ranker.json``: feature names, weights, what
they were trained on); ``summarize caveats-train-ranker`` refits them on labelled folders.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .detect import MAIN, Detection
from .nlp import normalize
from summarize.weights import fit_ranker, load_weights, save_weights

DEFAULT_RANKER_PATH = Path(__file__).resolve().parent / "conclusion_ranker.json"
KINDS = ("research", "dependency")

_OPENER = re.compile(
    r"^\W*(for\s+now|overall|in\s+short|(the\s+)?bottom\s+line|in\s+conclusion|ultimately|until\b|so\s+far|"
    r"taken\s+together|in\s+sum|all\s+told|still|even\s+so|at\s+the\s+moment|for\s+the\s+moment|the\s+upshot|"
    r"in\s+the\s+end|in\s+general|on\s+balance|the\s+honest|the\s+takeaway|the\s+verdict)\b", re.I)
_CONTRAST = re.compile(r"\b(but|however|although|though|while|yet)\b", re.I)
_EVIDENCE = re.compile(r"\b(evidence|research|studies|study|trials?|data|science|proof|know|known|unknown|"
                       r"certainty|unclear|uncertain)\b", re.I)
_DIGIT = re.compile(r"\d")
_SPEECH = re.compile(r"[\"“”‘’']|\b(said|says|added|told)\b")
_WE = re.compile(r"\b(we|our)\b", re.I)
_MODAL = re.compile(r"\b(should|need|needed|must)\b", re.I)
_CALL = re.compile(r"\b(trials?|stud(y|ies)|research)\b[^.;]{0,120}\b(are|is)\s+(still\s+)?(needed|required|warranted)\b|"
                   r"\bneed(s|ed)?\s+(more|larger|longer|bigger|better|proper)\b", re.I)
_WORD = re.compile(r"[a-z]+")
# A limit of how the study was done, the verdict on a story about one study ("it cannot show
# that snuff caused …", "a self-selected online survey", "this was 48 people for six weeks").
# (The shipped weights predate these features and give them none: a refit on 30 folders picked
# the labelled conclusion more often across folders, 240 vs 233 of 348, but its picks cost two
# dependency caveats in dev leads. ``summarize caveats-train-ranker`` fits them.)
_DESIGN = re.compile(
    r"\b(observational|cross[- ]sectional|snapshot|single\s+point\s+in\s+time|self[- ](reported|selected)|"
    r"(can\s*not|can't|could\s*not|couldn't|does\s*n[o']t|did\s*n[o']t|unable\s+to)\s+(show|prove|tell|establish|say|determine)|"
    r"not\s+(designed|powered|large\s+enough)\s+to|single\s+(hospital|clinic|centre|center|site|practice|school|region)|"
    r"small\s+(pilot\s+)?(trial|study|sample|group)|only\s+\d[\d,]*\s+(people|participants|patients|volunteers|adults)|"
    r"(this|it)\s+was\s+(only\s+)?(a\s+)?(small|\d)|confound\w*|association|correlation|"
    r"relied\s+on\s+(people|participants|patients|users|respondents)|may\s+not\s+(apply|reflect|be\s+representative)|"
    r"(rate|figure|number)s?\s+[^.;]{0,40}\bcould\s+be\s+(lower|higher))", re.I)
# the draft reports a study: its opening names one ("…, study finds", "a survey of 9,000 …")
_STUDY = re.compile(r"\b(study|studies|survey|trial|research(ers)?|review|analysis|scientists|data)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(I|I'm|I’m|I've|I’ve|I'd|I’d|me|my)\b")

# The features, in the order the weights file lists them.
FEATURES = (
    "pos", "late", "last_in_paragraph", "concluding", "opener", "contrast", "evidence", "number",
    "brackets", "speech", "we", "topic", "length", "main", "both_kinds", "explicit", "conclusion_pattern",
    "verdict", "cues", "modal", "call", "advice", "subject_early", "research", "dependency",
    "last_candidate", "last_verdict", "last_explicit", "last_conclusion_pattern",
    "design", "design_story", "first_person", "first_candidate", "first_main", "first_explicit",
)


class RankerError(ValueError):
    """A weights file that cannot be used; the message names the file."""


def candidates(sentences: Sequence) -> list[int]:
    """Indices of the sentences stating a mandated kind (research, dependency) as a caveat."""
    return [i for i, s in enumerate(sentences) if any(d.is_caveat and d.kind in KINDS for d in s.detections)]


def features(sentences: Sequence, text: str, topic: frozenset[str], policy,
             verdict: Callable[[str, list[Detection], str], bool], is_advice: Callable[[str], bool]) -> dict[int, list[float]]:
    """Feature vectors of the candidate sentences (``AnalyzedSentence``s, offsets into ``text``)."""
    idx = candidates(sentences)
    n = len(sentences)
    story = float(bool(_STUDY.search(" ".join(s.text for s in sentences[:3]))))
    rows: dict[int, dict[str, float]] = {}
    for i in idx:
        s = sentences[i]
        t = s.text
        norm = normalize(t)
        dets = [d for d in s.detections if d.is_caveat and d.kind in KINDS]
        kinds = {d.kind for d in dets}
        words = t.split()
        toks = set(_WORD.findall(t.lower()))
        gap = text[s.end:sentences[i + 1].start] if i + 1 < n else "\n"
        rows[i] = {
            "pos": i / max(1, n - 1),
            "late": float(i >= 2 / 3 * n),
            "last_in_paragraph": float("\n" in gap),
            "concluding": float(s.concluding),
            "opener": float(bool(_OPENER.match(t))),
            "contrast": float(bool(_CONTRAST.search(t))),
            "evidence": min(3, len(_EVIDENCE.findall(t))) / 3,
            "number": float(bool(_DIGIT.search(t))),
            "brackets": float("(" in t),
            "speech": float(bool(_SPEECH.search(t))),
            "we": float(bool(_WE.search(t))),
            "topic": float(bool(toks & topic)),
            "length": min(60, len(words)) / 60,
            "main": float(any(d.strength == MAIN for d in dets)),
            "both_kinds": float(len(kinds) == 2),
            "explicit": float(any(p.search(norm) for k in KINDS for p in policy.kinds[k].main)),
            "conclusion_pattern": float(any(p.search(norm) for k in KINDS for p in policy.kinds[k].conclusion)),
            "verdict": float(any(verdict(t, s.detections, k) for k in KINDS)),
            "cues": min(3, len(dets)) / 3,
            "modal": float(bool(_MODAL.search(t))),
            "call": float(bool(_CALL.search(t))),
            "advice": float(is_advice(t)),
            "subject_early": float(bool(set(_WORD.findall(" ".join(words[:6]).lower())) & topic)),
            "research": float("research" in kinds),
            "dependency": float("dependency" in kinds),
            "design": float(bool(_DESIGN.search(t))),
            "first_person": float(bool(_FIRST_PERSON.search(t))),
        }
        rows[i]["design_story"] = rows[i]["design"] * story
    # what comes after a candidate: the last of them, and the last to state a verdict (one pass
    # from the end: whether any later candidate has each flag)
    seen_later = {"verdict": False, "explicit": False, "conclusion_pattern": False}
    for j, i in enumerate(reversed(idx)):
        r = rows[i]
        r["last_candidate"] = float(j == 0)
        for name in seen_later:
            r["last_" + name] = float(bool(r[name]) and not seen_later[name])
        for name in seen_later:
            seen_later[name] = seen_later[name] or bool(r[name])
    seen = {"candidate": False, "main": False, "explicit": False}
    for i in idx:
        r = rows[i]
        for name in seen:
            flag = True if name == "candidate" else bool(r[name])
            r["first_" + name] = float(flag and not seen[name])
            seen[name] = seen[name] or flag
    return {i: [r[f] for f in FEATURES] for i, r in rows.items()}


@dataclass
class ConclusionRanker:
    """Scores candidates: higher is more likely the draft's conclusion-level caveat."""
    weights: dict[str, float]
    trained_on: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> "ConclusionRanker":
        p = Path(path) if path is not None else DEFAULT_RANKER_PATH

        def parse(data: dict) -> "ConclusionRanker":
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            unknown = sorted(set(weights) - set(FEATURES))
            if unknown:
                raise RankerError(f"{p}: unknown feature(s) {', '.join(unknown)}")
            return cls(weights, str(data.get("trained_on", "")))

        return load_weights(p, "ranker weights", RankerError, parse)

    def score(self, vector: Sequence[float]) -> float:
        return sum(self.weights.get(f, 0.0) * x for f, x in zip(FEATURES, vector))

    def save(self, path: str | Path, meta: dict | None = None) -> None:
        save_weights(path, {"model": "conditional logit over a draft's candidates of one caveat kind",
                            "trained_on": self.trained_on, **(meta or {}),
                            "weights": {f: round(self.weights.get(f, 0.0), 4) for f in FEATURES}})


def fit(groups: list[tuple[list[list[float]], int]], l2: float = 1.0) -> dict[str, float]:
    """Conditional logit: maximise log softmax(score)[gold] over groups (one draft's candidates of
    one kind, the gold one at index ``gold``), with an L2 penalty. Returns feature -> weight."""
    w = fit_ranker(groups, len(FEATURES), l2)
    return {f: float(v) for f, v in zip(FEATURES, w)}
