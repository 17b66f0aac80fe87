"""Reading and writing the small JSON weight files the caveat models ship (the conclusion ranker,
the learned detector): plain numbers, never pickle."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, TypeVar

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
