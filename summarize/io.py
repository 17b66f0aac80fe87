"""Reading drafts safely and writing outputs atomically.

Every problem with an input becomes an ``InputError`` whose message names the file and what
is wrong, so a batch can report it on one line and go on with the other files.
"""
from __future__ import annotations

import glob
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

DRAFT_SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 2_000_000  # ~300k words: far beyond an article, and a sign of the wrong file
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Share of NUL bytes at odd (or even) offsets above which NUL-laden data is UTF-16 without a BOM.
UTF16_NUL_SHARE = 0.4
FILE_MODE = 0o666  # what open() would create; the umask takes its share, as for any other file


def display(path: str | os.PathLike) -> str:
    """A file name fit for one line of a log: control characters (a newline in a name) escaped."""
    s = str(path)
    if s.isprintable():
        return s
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in s)


class InputError(ValueError):
    def __init__(self, path: str | os.PathLike, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{display(path)}: {reason}")


def decode_draft(data: bytes, name: str | os.PathLike, max_bytes: int = MAX_BYTES) -> str:
    if len(data) > max_bytes:
        raise InputError(name, f"file too large ({len(data):,} bytes; limit {max_bytes:,}, see --max-bytes)")
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(name, f"UTF-16 text with an undecodable byte at offset {exc.start}") from None
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(name, _nul_reason(data, nul))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(name, f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    if "\x00" in text:
        raise InputError(name, f"contains a NUL character at character {text.index(chr(0)):,} (binary data?)")
    if not text.strip():
        raise InputError(name, "empty file")
    return text


def _nul_reason(data: bytes, first_nul: int) -> str:
    head = data[:8192]
    nuls = head.count(b"\x00")
    odd = head[1::2].count(b"\x00")
    if nuls and len(head) > 1 and max(odd, nuls - odd) / (len(head) / 2) > UTF16_NUL_SHARE:
        return "UTF-16 text without a byte-order mark; convert it to UTF-8 (or save it with a BOM)"
    if first_nul < len(head):
        return "binary file, not text"
    return f"contains a NUL byte at offset {first_nul:,} (binary data in a text file?)"


def read_draft(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> str:
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except OSError as exc:  # ELOOP (a symlink loop), EACCES, ...
        raise InputError(p, f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(p, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        # Reading a FIFO or a device would block the batch or never end.
        raise InputError(p, f"not a regular file ({_file_kind(st.st_mode)})")
    if st.st_size > max_bytes:
        raise InputError(p, f"file too large ({st.st_size:,} bytes; limit {max_bytes:,}, see --max-bytes)")
    try:
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise InputError(p, f"cannot read ({exc.strerror or exc})") from None
    return decode_draft(data, p, max_bytes)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a plain file"


@dataclass(frozen=True)
class DraftFile:
    path: Path  # the draft
    rel: Path  # where its outputs go, relative to --out, without suffix
    root: Path | None = None  # the folder argument it was found in (None: named as a file)

    def output(self, out_dir: Path, suffix: str) -> Path:
        # Not Path.with_suffix: "notes.v2" must become "notes.v2.json", not "notes.json".
        return out_dir / self.rel.parent / (self.rel.name + suffix)


@dataclass
class Collected:
    drafts: list[DraftFile] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    inside_out: list[Path] = field(default_factory=list)  # draft-like files skipped because they lie in --out


def real(path: str | os.PathLike) -> Path:
    """The resolved path; never raises (a symlink loop resolves as far as it goes)."""
    return Path(os.path.realpath(path))


def find_drafts(paths: list[str | os.PathLike], exclude: Path | None = None) -> Collected:
    """Files as given, folders searched recursively for *.txt / *.md (hidden files skipped).

    Files inside ``exclude`` (the output folder) are not read back as drafts; they are listed
    in ``inside_out`` so the caller can say so.
    """
    out = Collected()
    excl = real(exclude) if exclude else None
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(_walk(p)):
                if excl and _inside(real(f), excl):
                    out.inside_out.append(f)
                    continue
                out.drafts.append(DraftFile(f, f.relative_to(p).with_suffix(""), p))
        elif p.exists() or p.is_symlink():  # a dangling link or a loop is reported when read
            out.drafts.append(DraftFile(p, Path(p.stem)))
        else:
            out.errors.append(InputError(p, "no such file or folder"))
    # Two drafts that would share outputs ("a.txt" and "a.md") keep their suffix in the name.
    seen: dict[tuple, int] = {}
    for d in out.drafts:
        seen[_key(d)] = seen.get(_key(d), 0) + 1
    out.drafts = [DraftFile(d.path, d.rel.parent / d.path.name, d.root) if seen[_key(d)] > 1 else d
                  for d in out.drafts]
    return out


def _key(d: DraftFile) -> tuple:
    # Same folder, same stem; case-folded because many file systems ignore case.
    return (str(real(d.path.parent)).casefold(), str(d.rel).casefold())


def collect_drafts(paths: list[str | os.PathLike], exclude: Path | None = None) -> tuple[list[DraftFile], list[InputError]]:
    found = find_drafts(paths, exclude)
    return found.drafts, found.errors


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and name.lower().endswith(DRAFT_SUFFIXES):
                yield Path(dirpath) / name


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _umask() -> int:
    # os.umask can only be read by setting it; put it straight back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write to a temp file in the same folder, fsync, then rename over the target.

    The file gets the mode a plain open() would give it (0666 less the umask), not
    mkstemp's 0600.
    """
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        os.fchmod(fd, FILE_MODE & ~_umask())
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


def stale_temp_files(path: Path) -> list[Path]:
    """Temp files write_atomic left for ``path`` when a process was killed mid-write."""
    return [Path(t) for t in glob.glob(os.path.join(glob.escape(str(path.parent)), f".{glob.escape(path.name)}.*.tmp"))]


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(path: str | os.PathLike) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
