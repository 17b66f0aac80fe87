"""Reading drafts safely and writing outputs atomically.

Every problem with an input becomes an ``InputError`` whose message names the file and what
is wrong, so a batch can report it on one line and go on with the other files.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

DRAFT_SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 2_000_000  # ~300k words: far beyond an article, and a sign of the wrong file


class InputError(ValueError):
    def __init__(self, path: str | os.PathLike, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


def decode_draft(data: bytes, name: str | os.PathLike, max_bytes: int = MAX_BYTES) -> str:
    if not data.strip():
        raise InputError(name, "empty file")
    if len(data) > max_bytes:
        raise InputError(name, f"file too large ({len(data):,} bytes; limit {max_bytes:,}, see --max-bytes)")
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text (undecodable byte at offset {exc.start})") from None


def read_draft(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> str:
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a folder, not a file")
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise InputError(p, f"file too large ({size:,} bytes; limit {max_bytes:,}, see --max-bytes)")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read ({exc.strerror or exc})") from None
    return decode_draft(data, p, max_bytes)


@dataclass(frozen=True)
class DraftFile:
    path: Path  # the draft
    rel: Path  # where its outputs go, relative to --out, without suffix

    def output(self, out_dir: Path, suffix: str) -> Path:
        # Not Path.with_suffix: "notes.v2" must become "notes.v2.json", not "notes.json".
        return out_dir / self.rel.parent / (self.rel.name + suffix)


def collect_drafts(paths: list[str | os.PathLike], exclude: Path | None = None) -> tuple[list[DraftFile], list[InputError]]:
    """Files as given, folders searched recursively for *.txt / *.md (hidden files skipped)."""
    found: list[DraftFile] = []
    errors: list[InputError] = []
    exclude = exclude.resolve() if exclude else None
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(_walk(p)):
                if exclude and _inside(f.resolve(), exclude):
                    continue  # never read our own outputs back in as drafts
                found.append(DraftFile(f, f.relative_to(p).with_suffix("")))
        elif p.exists():
            found.append(DraftFile(p, Path(p.stem)))
        else:
            errors.append(InputError(p, "no such file or folder"))
    # Two drafts that would share outputs ("a.txt" and "a.md") keep their suffix in the name.
    seen: dict[Path, int] = {}
    for d in found:
        seen[d.rel] = seen.get(d.rel, 0) + 1
    found = [DraftFile(d.path, d.rel.parent / d.path.name) if seen[d.rel] > 1 else d for d in found]
    return found, errors


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(DRAFT_SUFFIXES):
                yield Path(dirpath) / name


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write to a temp file in the same folder, fsync, then rename over the target."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outputs_complete(txt: Path, js: Path, draft_hash: str) -> bool:
    """Both outputs exist, the JSON parses, and it was made from this very draft."""
    if not (txt.is_file() and js.is_file()):
        return False
    try:
        data = json.loads(js.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return data.get("draft_sha256") == draft_hash and "lead" in data
