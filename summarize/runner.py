"""The batch run behind ``summarize run``: plan the outputs, summarize each draft, write atomically.

    find drafts -> plan outputs (collision-free names, never over a file summarize did not
    write, no drafts inside --out) -> per draft: read, --resume check, summarize under a time
    limit, write the JSON then the text -> one outcome per draft

The local engine (``run_local``) and the Ray engine (``summarize.ray_engine``) both call
``process_batch`` on the same windows of drafts, so they write the same files. Nothing here prints: outcomes go
to a callback, and errors that end the whole run are raised as ``UsageError`` (exit 2).

Each ``<name>.json`` records the draft's hash, the options that decide the output and the hash
of ``<name>.txt``; ``--resume`` skips a draft only when all three match, so a different
``--model``, a changed draft, or a 0-byte or half-written text output is redone. The JSON is
deterministic apart from its ``seconds`` field.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from summarize.batching import windows  # the drafts summarized together (their model calls share batches)
from summarize.models.loading import DEFAULT_BATCH_SIZE, DEFAULT_BEAMS
from summarize.deadline import DraftTimeout, time_limit  # noqa: F401  (time_limit: also the tests')
from summarize.io import (DraftFile, InputError, display, find_drafts, read_draft, real, sha256, stale_temp_files,
                          write_atomic)

FORMAT_SUFFIX = {"house": ".txt", "markdown": ".md", "json": None}
VOLATILE_JSON_FIELDS = ("seconds",)  # the only fields that differ between two runs of the same draft
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class UsageError(Exception):
    """The run cannot start or go on at all (bad --out, unloadable model, bad policy): exit 2."""


@dataclass(frozen=True)
class RunOptions:
    model: str | None = None
    device: str = "cpu"
    strategy: str = "rewrite"
    max_words: int = 130
    beams: int = DEFAULT_BEAMS
    batch_size: int = DEFAULT_BATCH_SIZE
    quantize: str | None = None  # "int8": dynamic int8 Linear layers (CPU)
    dtype: str | None = None  # compute type; None: float32
    policy: str | None = None
    no_caveats: bool = False
    headings: str = "model"
    fmt: str = "house"
    max_bytes: int = 2_000_000
    timeout: float = 0.0  # seconds per draft; 0: no limit
    resume: bool = False

    def record(self) -> dict[str, Any]:
        """What decides a draft's output; stored in its JSON and compared by --resume."""
        return {
            "model": model_name(self.model),
            "strategy": self.strategy,
            "max_words": self.max_words,
            "beams": self.beams,
            "quantize": self.quantize,
            "dtype": self.dtype,
            "headings": self.headings,
            "caveat_policy_sha256": None if self.no_caveats else policy_sha256(self.policy),
            "format": self.fmt,
        }


def model_name(model: str | None) -> str:
    from summarize.models.loading import default_model_path

    return str(model if model is not None else default_model_path())


def policy_sha256(policy: str | None) -> str:
    from summarize.caveats.policy import DEFAULT_POLICY_PATH

    try:
        return sha256(Path(policy or DEFAULT_POLICY_PATH).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{display(policy or DEFAULT_POLICY_PATH)}: cannot read the policy ({exc})") from None


def check_policy(opts: RunOptions) -> None:
    """A bad --policy is one usage error before any work, not a failure per draft."""
    if opts.no_caveats or opts.policy is None:
        return
    from summarize.caveats import PolicyError, load_policy

    try:
        load_policy(opts.policy)
    except PolicyError as exc:
        raise UsageError(str(exc)) from None


def load_summarizer(opts: RunOptions):
    """The Summarizer for these options; any failure to load it ends the run (exit 2)."""
    from safetensors import SafetensorError

    from summarize.caveats import PolicyError
    from summarize.models.loading import ModelLoadError
    from summarize.pipeline import Summarizer

    try:
        return Summarizer(model=opts.model, device=opts.device, strategy=opts.strategy, max_words=opts.max_words,
                          beams=opts.beams, batch_size=opts.batch_size, quantize=opts.quantize, dtype=opts.dtype,
                          caveat_policy=False if opts.no_caveats else opts.policy, headings=opts.headings)
    except ModelLoadError as exc:
        raise UsageError(str(exc)) from None
    except SafetensorError as exc:  # a truncated or corrupt model.safetensors
        raise UsageError(f"{display(model_name(opts.model))}: cannot load the model weights ({exc})") from None
    except (PolicyError, ValueError) as exc:  # ValueError: options the model cannot take (int8 on a GPU)
        raise UsageError(str(exc)) from None


# --------------------------------------------------------------------------- plan
@dataclass(frozen=True)
class Job:
    draft: str  # the draft's path, as found
    json: str  # OUT/<name>.json
    txt: str = ""  # OUT/<name>.txt (or .md); "" with --format json


@dataclass
class Plan:
    jobs: list[Job] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each, file named
    notes: list[str] = field(default_factory=list)


def plan(paths: list[str], out_dir: Path, fmt: str = "house") -> Plan:
    """Find the drafts and give each a pair of output paths no other draft shares.

    Raises UsageError when --out is an input folder or holds one: the outputs would be read
    back as drafts, and could land on them.
    """
    out_real = real(out_dir)
    for raw in paths:
        if Path(raw).is_dir() and _inside(real(raw), out_real):
            raise UsageError(f"--out {display(out_dir)} is the input folder {display(raw)} or holds it; outputs "
                             "would mix with the drafts: choose a separate output folder")
    found = find_drafts(paths, exclude=out_dir)
    result = Plan(errors=[str(e) for e in found.errors])
    if found.inside_out:
        result.notes.append(f"note: {len(found.inside_out)} file(s) inside --out {display(out_dir)} were not read as "
                            f"drafts (e.g. {display(found.inside_out[0])})")
    suffix = FORMAT_SUFFIX[fmt]
    for draft, rel in zip(found.drafts, unique_names(found.drafts)):
        named = DraftFile(draft.path, rel, draft.root)
        result.jobs.append(Job(str(draft.path), str(named.output(out_dir, ".json")),
                               str(named.output(out_dir, suffix)) if suffix else ""))
    removed = clean_stale_temp_files(result.jobs)
    if removed:
        result.notes.append(f"note: removed {removed} temp file(s) left by an interrupted run")
    return result


def unique_names(drafts: list[DraftFile]) -> list[Path]:
    """Output names (relative, no suffix) that no two drafts share, case-insensitively.

    Drafts from different input folders with the same relative path are told apart by the
    folder's name ("d1/x", "d2/x"); what still collides gets "-2", "-3", ... in input order.
    """
    def key(p: Path) -> str:
        return str(p).casefold()

    rels = [d.rel for d in drafts]
    counts: dict[str, int] = {}
    for r in rels:
        counts[key(r)] = counts.get(key(r), 0) + 1
    rels = [Path(real(d.root).name or "root") / r if counts[key(r)] > 1 and d.root else r
            for d, r in zip(drafts, rels)]
    taken: set[str] = set()
    out = []
    for r in rels:
        name, n = r, 1
        while key(name) in taken:
            n += 1
            name = r.parent / f"{r.name}-{n}"
        taken.add(key(name))
        out.append(name)
    return out


def clean_stale_temp_files(jobs: list[Job]) -> int:
    removed = 0
    for job in jobs:
        for target in (job.json, job.txt):
            if not target:
                continue
            for tmp in stale_temp_files(Path(target)):
                try:
                    tmp.unlink()
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed


def _inside(path: Path, folder: Path) -> bool:
    """Is ``folder`` equal to ``path`` or an ancestor of it?"""
    return path == folder or folder in path.parents


def prepare_out(out_dir: Path) -> None:
    """Create --out and prove a file can be written there, before any model work."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".summarize-probe.", suffix=".tmp", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise UsageError(f"--out {display(out_dir)}: cannot write there ({exc.strerror or exc})") from None


# --------------------------------------------------------------------------- one draft
@dataclass
class Outcome:
    draft: str
    status: str  # written | skipped | failed
    message: str = ""  # why it failed
    warnings: list[str] = field(default_factory=list)
    write_error: bool = False  # failed while writing (disk full, read-only folder)
    detail: str = ""  # a log line for a written draft
    seconds: float = 0.0  # the draft's own summarizing time (written drafts)

    def line(self) -> str:
        return f"error: {display(self.draft)}: {self.message}"


@dataclass
class _Ready:
    """A draft read and checked, waiting for the model."""
    job: Job
    text: str
    digest: str


def _prepare(job: Job, opts: RunOptions) -> Outcome | _Ready:
    """Read one draft and decide whether it needs summarizing (foreign outputs, --resume)."""
    try:
        text = read_draft(job.draft, opts.max_bytes)
    except InputError as exc:
        return Outcome(job.draft, "failed", exc.reason)
    digest = sha256(text)
    foreign = foreign_output(job)
    if foreign and real(foreign) == real(job.draft):
        return Outcome(job.draft, "failed", f"its output {display(foreign)} would overwrite the draft itself; "
                                            "choose another --out")
    if foreign:
        return Outcome(job.draft, "failed", f"{display(foreign)} exists and was not written by summarize "
                                            "(a draft?); it is left alone: choose another --out")
    if opts.resume and up_to_date(job, digest, opts.record()):
        return Outcome(job.draft, "skipped")
    return _Ready(job, text, digest)


def _finish(ready: _Ready, result: Any, opts: RunOptions) -> Outcome:
    """Write one summarized draft (or report why it failed). Exceptions other than a bad
    draft or a timeout are re-raised: a model error is not the draft's fault."""
    from summarize.corpus.parse import DraftError
    from summarize.corpus.render import render_json

    job = ready.job
    if isinstance(result, DraftError):
        return Outcome(job.draft, "failed", str(result))
    if isinstance(result, DraftTimeout):
        return Outcome(job.draft, "failed", f"timed out after {opts.timeout:g} s (see --timeout)")
    if isinstance(result, BaseException):
        raise result
    payload = result.to_dict()
    body = result.render(opts.fmt) if job.txt else None
    payload.update(draft=job.draft, draft_sha256=ready.digest, options=opts.record(),
                   output_sha256=sha256(body) if body is not None else None)
    # The JSON first: the text is complete only when its hash matches the JSON's, so a run
    # killed between the two writes is redone by --resume, and never half-trusted.
    target = job.json
    try:
        write_atomic(job.json, render_json(payload))
        if body is not None:
            target = job.txt
            write_atomic(job.txt, body)
    except OSError as exc:
        return Outcome(job.draft, "failed", f"cannot write {display(target)} ({exc.strerror or exc})",
                       write_error=True)
    sources = [s.source for s in result.lead_sentences]
    detail = (f"{display(job.draft)} -> {display(job.txt or job.json)} ({len(result.lead.split())} words; "
              f"{sources.count('model')}/{len(sources)} sentences by the model; "
              f"{len(result.caveats.get('added', []))} caveat(s) added"
              + (f", {', '.join(omitted)} left out (over the policy's optional_words)"
                 if (omitted := result.caveats.get('omitted')) else "")
              + f"; {result.seconds:.1f}s)")
    return Outcome(job.draft, "written", warnings=list(result.warnings), detail=detail, seconds=result.seconds)


def process_batch(jobs: list[Job], get_summarizer: Callable[[], Any], opts: RunOptions) -> Iterator[Outcome]:
    """Read, check --resume, summarize and write a few drafts; one outcome per job, in order.

    The drafts that need the model go through ``Summarizer.pipe`` together, so their model
    calls share batches. Never raises for a bad draft; raises UsageError when the model
    cannot be loaded."""
    prepared = [_prepare(job, opts) for job in jobs]
    ready = [p for p in prepared if isinstance(p, _Ready)]
    results: Iterator[Any] = iter(())
    if ready:
        results = get_summarizer().pipe((r.text for r in ready), batch_size=len(ready), return_exceptions=True,
                                        timeout=opts.timeout)
    for item in prepared:
        yield item if isinstance(item, Outcome) else _finish(item, next(results), opts)


def _our_json(path: str) -> dict | None:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "draft_sha256" in data else None


def foreign_output(job: Job) -> str | None:
    """An output path that holds a file summarize did not write (e.g. another draft)."""
    ours = _our_json(job.json) is not None
    for target in (job.json, job.txt):
        if target and os.path.lexists(target) and (not ours or real(target) == real(job.draft)):
            return target
    return None


def up_to_date(job: Job, digest: str, record: dict) -> bool:
    """The outputs were made from this draft with these options, and are whole."""
    data = _our_json(job.json)
    if data is None or data.get("draft_sha256") != digest or data.get("options") != record:
        return False
    if not job.txt:
        return True
    try:
        text = Path(job.txt).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return bool(text) and data.get("output_sha256") == sha256(text)


# --------------------------------------------------------------------------- the batch
@dataclass
class Tally:
    written: int = 0
    skipped: int = 0
    failed: int = 0
    write_failed: int = 0
    interrupted: bool = False

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "written":
            self.written += 1
        elif outcome.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            self.write_failed += outcome.write_error

    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.write_failed and not self.written:
            return EXIT_USAGE  # nothing could be written at all
        return EXIT_SOME_FAILED if self.failed else EXIT_OK

    def summary(self, seconds: float, out_dir: Path) -> str:
        head = "interrupted: " if self.interrupted else ""
        return (f"{head}{self.written} written, {self.skipped} skipped (up to date), {self.failed} failed "
                f"in {seconds:.1f}s -> {display(out_dir)}")


class LazySummarizer:
    """Loads the model on the first draft that needs it (a --resume run may need none)."""

    def __init__(self, opts: RunOptions):
        self.opts, self.summarizer = opts, None

    def __call__(self):
        if self.summarizer is None:
            self.summarizer = load_summarizer(self.opts)
        return self.summarizer


def run_local(jobs: list[Job], opts: RunOptions, on_outcome: Callable[[Outcome], None], tally: Tally,
              progress: Callable[[list[Job]], Any] = iter) -> Tally:
    """Process the jobs in this process, a window of drafts at a time. Ctrl-C stops the batch
    (the drafts in flight finish first) and marks the tally interrupted; a UsageError
    (unloadable model) propagates."""
    get = LazySummarizer(opts)
    try:
        for window in windows(progress(jobs)):
            for outcome in process_batch(window, get, opts):
                tally.add(outcome)
                on_outcome(outcome)
    except KeyboardInterrupt:
        tally.interrupted = True
    return tally


def outcome_fields(outcome: Outcome) -> dict[str, Any]:
    return asdict(outcome)
