"""A learned second opinion for the mandated kinds: does this sentence state a research or
dependency caveat, in words the policy's patterns do not know?

The patterns were written from the drafts the project had seen, and on new drafts they miss
much of how news and consumer-health writing says it ("the jury is still out", "nobody has
followed users for long enough", "they can't get through the week without it"). A logistic
regression on word unigrams and bigrams (the article's subject words replaced by ``<subj>``,
numbers by ``<num>``), fitted on the project's labelled drafts, catches part of the rest. It
only adds: a sentence where the patterns found the kind at all (a caveat, a no-risk claim, a
mention about another substance) is left to them.

    clf = SentenceClassifier.load()              # the shipped weights (caveat_classifier.json)
    clf.probability("research", sentence, topic)

``summarize caveats-train-classifier FOLDER… --out FILE`` refits it and picks each kind's
threshold by leave-one-folder-out F1 of patterns plus classifier.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from summarize.weights import load_weights, save_weights

DEFAULT_CLASSIFIER_PATH = Path(__file__).resolve().parent / "caveat_classifier.json"
KINDS = ("research", "dependency")
# Weights smaller than this are not shipped: the file stays small and scores move by a few hundredths.
PRUNE = 0.02
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


# A research caveat states a limit of what is known; a sentence with none of these words
# ("Research suggests it may help") is the evidence speaking for the subject, whatever the
# classifier makes of the word "research".
_LIMIT = re.compile(
    r"\b(not|no|n't|never|nobody|nothing|none|few|fewer|little|small|short|only|limited|lack\w*|unknown|unclear|"
    r"uncertain\w*|unproven|untested|need|needs|needed|more|larger|longer|bigger|yet|thin|weak|early|preliminary|"
    r"mice|mouse|rats?|animals?|doubt\w*|observational|surveys?|self-report\w*|single|pilot|bias\w*|confound\w*|"
    r"caution\w*|too|hard|difficult|whether|jury|patchwork|cannot|can't|couldn't|scant|sparse|mixed|conflicting|"
    r"inconsistent|low|poor|questionable|anecdot\w*|case\s+reports?|open\s+question|remains?)\b", re.I)
GATES = {"research": _LIMIT}


def allowed(kind: str, text: str) -> bool:
    gate = GATES.get(kind)
    return gate is None or bool(gate.search(text.translate(_QUOTES)))


class ClassifierError(ValueError):
    """A weights file that cannot be used; the message names the file."""


def tokens(text: str, topic: frozenset[str]) -> list[tuple[str, int, int]]:
    """(token, start, end): lower-cased words, the subject's words as ``<subj>``, numbers as ``<num>``."""
    low = text.translate(_QUOTES).lower()
    out = []
    for m in _TOKEN.finditer(low):
        w = m.group(0)
        out.append(("<subj>" if w in topic else "<num>" if w.isdigit() else w, m.start(), m.end()))
    return out


def features(toks: list[tuple[str, int, int]]) -> set[str]:
    words = [t for t, _, _ in toks]
    return set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}


@dataclass
class KindModel:
    bias: float
    threshold: float
    weights: dict[str, float] = field(default_factory=dict)

    def probability(self, feats: set[str]) -> float:
        # in sorted order: a float sum over a set would depend on the hash seed
        z = self.bias + sum(self.weights.get(f, 0.0) for f in sorted(feats))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class SentenceClassifier:
    kinds: dict[str, KindModel]
    trained_on: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> "SentenceClassifier":
        def parse(data: dict) -> "SentenceClassifier":
            kinds = {k: KindModel(float(v["bias"]), float(v["threshold"]),
                                  {str(f): float(w) for f, w in v["weights"].items()})
                     for k, v in data["kinds"].items()}
            return cls(kinds, str(data.get("trained_on", "")))

        p = Path(path) if path is not None else DEFAULT_CLASSIFIER_PATH
        return load_weights(p, "caveat classifier weights", ClassifierError, parse)

    def save(self, path: str | Path, meta: dict | None = None) -> None:
        save_weights(path, {"model": "logistic regression on word unigrams and bigrams, one per kind",
                            "trained_on": self.trained_on, **(meta or {}),
                            "kinds": {k: {"bias": round(m.bias, 4), "threshold": m.threshold,
                                          "weights": {f: round(w, 3) for f, w in sorted(m.weights.items())
                                                      if abs(w) >= PRUNE}}
                                      for k, m in self.kinds.items()}})

    def probability(self, kind: str, text: str, topic: frozenset[str]) -> float:
        return self.kinds[kind].probability(features(tokens(text, topic)))

    def cues(self, text: str, topic: frozenset[str]) -> list[tuple[str, int, int]]:
        """(kind, start, end) for each kind the sentence states by the classifier; the span is
        the word that weighs most for it (what a compression of the sentence must keep)."""
        toks = tokens(text, topic)
        feats = features(toks)
        out = []
        for kind, m in self.kinds.items():
            if m.probability(feats) < m.threshold or not allowed(kind, text):
                continue
            best = max(toks, key=lambda t: m.weights.get(t[0], 0.0), default=None)
            out.append((kind, best[1], best[2]) if best else (kind, 0, len(text)))
        return out


def fit_kind(samples: list[set[str]], labels: list[bool], l2: float = 1.0, min_df: int = 2) -> KindModel:
    """L2-regularised logistic regression on binary features, classes weighted to balance."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    df: dict[str, int] = {}
    for s in samples:
        for f in s:
            df[f] = df.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= min_df))}
    rows, cols = [], []
    for r, s in enumerate(samples):
        for f in s:
            if f in vocab:
                rows.append(r)
                cols.append(vocab[f])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(samples), len(vocab)))
    y = np.asarray(labels, dtype=float)
    pos = max(1.0, y.sum())
    neg = max(1.0, len(y) - y.sum())
    sw = np.where(y > 0, len(y) / (2 * pos), len(y) / (2 * neg))

    def loss(w):
        z = x @ w[1:] + w[0]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        eps = 1e-12
        total = -(sw * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))).sum() + l2 * (w[1:] @ w[1:])
        g = sw * (p - y)
        return total, np.concatenate([[g.sum()], x.T @ g + 2 * l2 * w[1:]])

    w = minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B").x
    inv = {i: f for f, i in vocab.items()}
    return KindModel(float(w[0]), 0.5, {inv[i]: float(v) for i, v in enumerate(w[1:])})
