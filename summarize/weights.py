"""Small learned models' weights: reading and writing the JSON files they ship (the caveat
filter's conclusion ranker and learned detector: plain numbers, never pickle), and fitting a ranker.

A ranker is a conditional logit (one softmax over a group's candidates, McFadden 1974) on a few
named, interpretable features: ``w = fit_ranker(groups, n, l2)``, then a candidate's score
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


def fit_ranker(groups: list[tuple[Sequence[Sequence[float]], int]], n_features: int, l2: float = 1.0):
    """Maximise log softmax(score)[gold] over the groups (one group's candidates, the gold one at
    index ``gold``), with an L2 penalty. Returns the weights (a numpy array, in feature order)."""
    import numpy as np
    from scipy.optimize import minimize

    mats = [(np.asarray(x, dtype=float), g) for x, g in groups if len(x)]

    def loss(w):
        total, grad = l2 * w @ w, 2 * l2 * w
        for x, g in mats:
            s = x @ w
            s = s - s.max()
            p = np.exp(s) / np.exp(s).sum()
            total -= math.log(max(p[g], 1e-300))
            grad = grad - (x[g] - p @ x)
        return total, grad

    return minimize(loss, np.zeros(n_features), jac=True, method="L-BFGS-B").x
