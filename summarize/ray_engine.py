"""The Ray engine for ``summarize run --engine ray``: the same drafts, outputs and exit codes
as the local engine, on an actor pool that can span machines.

The planned jobs (draft path, output paths) are cut into the local engine's windows
(``batching.windows``), and each window becomes one row of a Ray Dataset;
``map_batches`` hands the rows to a fixed pool of actors, each loading the model once and
calling ``runner.process_batch`` on its window, as the local engine does. So names, atomic
writes, --resume and per-file errors are the local engine's, and so are the outputs, byte for
byte: the drafts that share a model batch are the same in both engines (which rows share a
batch can change the last bits of a float, and with them a near-tie between two words). Actors
read drafts and write outputs themselves: on a cluster the paths must be the same on every
node (shared storage). Outcomes stream back to the driver, which reports them.

Ray is an optional extra: ``pip install -e ".[ray]"``.
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict
from typing import Any, Callable

from summarize.batching import windows
from summarize.runner import Job, LazySummarizer, Outcome, RunOptions, Tally, UsageError, process_batch

OUTCOME_COLUMNS = ("draft", "status", "message", "warnings", "write_error", "detail", "seconds")
FATAL = "fatal"  # an outcome status: the actor could not load the model; the run ends (exit 2)
class DraftWorker:
    """One Ray actor: loads the model on its first draft and keeps it."""

    def __init__(self, options: dict[str, Any]):
        self.opts = RunOptions(**options)
        self.get_summarizer = LazySummarizer(self.opts)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        rows: dict[str, list] = {k: [] for k in OUTCOME_COLUMNS}
        outcomes = []
        for window in batch["window"]:
            jobs = [Job(**job) for job in json.loads(str(window))]
            try:
                outcomes += process_batch(jobs, self.get_summarizer, self.opts)
            except UsageError as exc:
                outcomes += [Outcome(job.draft, FATAL, str(exc)) for job in jobs]
        for outcome in outcomes:
            for key, value in asdict(outcome).items():
                # Warnings travel as one string per row: Arrow wants a fixed type per column.
                rows[key].append("\n".join(value) if key == "warnings" else value)
        return rows


def run_ray(jobs: list[Job], opts: RunOptions, on_outcome: Callable[[Outcome], None], tally: Tally,
            address: str | None = None, workers: int = 2) -> Tally:
    """Summarize ``jobs`` on a Ray actor pool of ``workers`` actors.

    Joins the cluster at ``address``, or starts Ray on this machine (``workers`` CPUs) when
    none is given and Ray is not running in this process yet. Raises UsageError when Ray is
    missing or an actor cannot load the model.
    """
    try:
        import ray
        import ray.data
    except ImportError:
        raise UsageError("--engine ray needs Ray: pip install 'summarize[ray]'") from None
    started = False
    if not ray.is_initialized():
        init: dict[str, Any] = {"address": address} if address else {"num_cpus": workers, "include_dashboard": False}
        ray.init(logging_level=logging.WARNING, log_to_driver=False, **init)
        started = True
    # Ray Data's per-dataset INFO lines would bury the one-line-per-failure report on stderr.
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    gpu = opts.device.startswith("cuda")
    # One row per window, as JSON: Arrow wants one fixed type per column.
    ds = ray.data.from_items([{"window": json.dumps([asdict(job) for job in w])} for w in windows(jobs)])
    results = ds.map_batches(
        DraftWorker,
        fn_constructor_kwargs={"options": asdict(opts)},
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=0 if gpu else 1,
        num_gpus=1 if gpu else 0,
    )
    fatal = None
    try:
        for row in results.iter_rows():
            outcome = Outcome(**{k: _plain(row[k]) for k in OUTCOME_COLUMNS})
            outcome.warnings = outcome.warnings.split("\n") if outcome.warnings else []
            if outcome.status == FATAL:
                fatal = outcome.message
                break
            tally.add(outcome)
            on_outcome(outcome)
    except KeyboardInterrupt:
        tally.interrupted = True
    finally:
        if started:
            ray.shutdown()
    if fatal:
        raise UsageError(fatal)
    return tally


def _plain(value: Any) -> Any:
    """numpy scalars from the batch back to Python values."""
    return value.item() if hasattr(value, "item") else value
