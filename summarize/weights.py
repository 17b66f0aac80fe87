"""Small learned models' weights: reading and writing the JSON files they ship (the caveat
filter's conclusion ranker and learned detector, the lead planner's opening ranker: plain
numbers, never pickle), and fitting a ranker.

A ranker is a conditional logit (one softmax over a group's candidates, McFadden 1974) on a few
named, interpretable features: ``w = fit_ranker(groups, n, l2, prior)``, then a candidate's score
is ``w @ vector`` (higher: more likely the pick)."""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

T = TypeVar("T")


def load_weights(path: Path, what: str, error: type[ValueError], parse: Callable[[dict], T]) -> T:
    """``parse`` the JSON at ``path``; any failure is one ``error`` naming the file and ``what`` it should be."""
    try:
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except OSError as exc:
        raise error(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, error):
            raise
        raise error(f"{path}: not a {what} file ({exc})") from None


def save_weights(path: str | Path, data: dict[str, Any]) -> None:
    from summarize.io import write_atomic

    write_atomic(Path(path), json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def fit_ranker(groups: list[Group], n_features: int, l2: float = 1.0, prior: Sequence[float] | None = None):
    """Maximise the log-probability of each group's gold candidates under a softmax over its
    candidates, with an L2 penalty pulling the weights towards ``prior`` (zeros by default: a
    prior of hand-set weights keeps what the data does not speak to). A group's gold is one
    index, or several equally good ones (their probabilities are summed). Returns the weights
    (a numpy array, in feature order)."""
    import numpy as np
    from scipy.optimize import minimize

    centre = np.zeros(n_features) if prior is None else np.asarray(prior, dtype=float)
    mats = []
    for x, gold in groups:
        x = np.asarray(x, dtype=float).reshape(-1, n_features)
        golds = [gold] if isinstance(gold, int) else list(gold)
        if len(x) and golds:
            mats.append((x, np.asarray(golds, dtype=int)))

    def loss(w):
        d = w - centre
        total, grad = l2 * d @ d, 2 * l2 * d
        for x, g in mats:
            s = x @ w
            s = s - s.max()
            p = np.exp(s) / np.exp(s).sum()
            pg = p[g].sum()
            total -= math.log(max(pg, 1e-300))
            grad = grad - (p[g] @ x[g] / max(pg, 1e-300) - p @ x)
        return total, grad

    return minimize(loss, centre.copy(), jac=True, method="L-BFGS-B").x
