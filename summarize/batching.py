"""Batching model calls across drafts without changing the per-draft code.

``Summarizer.pipe`` runs several drafts at once in a small thread pool, each through the
ordinary ``Summarizer.summarize``, but with the model replaced by a ``CoalescingModel``: a
draft's ``generate`` call is queued, and once every draft in flight is waiting on the model,
the queued calls that share (task, settings, constraint, context) are merged into one
length-sorted batch, generated, and handed back to their drafts. Parsing, extraction and the
caveat filter are plain Python; only the merged ``generate`` runs at a time, and torch
releases the GIL inside its kernels.

Generation is per row (attention masks hide the padding, the source-vocabulary constraint
reads each row's own input), so outputs match one-at-a-time outputs, except where a different
batch shape changes the last bits of a float and with them a near-tie between two words. What
is guaranteed: the same window of drafts gives the same bytes on every run, on any thread
timing, and in both engines (the merged batches depend only on the drafts and their order).
"""
from __future__ import annotations

import copy
import itertools
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import astuple, dataclass, field
from typing import Any, Iterable, Iterator

from summarize.deadline import paused, time_limit
from summarize.models.loading import DEFAULT_BATCH_SIZE


@dataclass
class _Call:
    texts: list[str]
    key: tuple
    kwargs: dict[str, Any]
    done: threading.Event = field(default_factory=threading.Event)
    result: list[str] | None = None
    error: BaseException | None = None
    draft: int = 0  # the draft's place in its window: merged rows are ordered by it, not by timing


class CoalescingModel:
    """Stands in for a ``Seq2SeqModel``; ``generate`` calls from drafts in flight are merged.

    The merged calls run on the proxy's own model thread, never on a draft's thread, so a time
    limit that stops one draft (``summarize.deadline``) cannot interrupt work that other drafts
    are waiting on. Call ``close`` when done."""

    def __init__(self, model, batch_size: int = DEFAULT_BATCH_SIZE):
        self._model = model
        self._batch_size = batch_size
        self._cond = threading.Condition()
        self._pending: list[_Call] = []
        self._in_flight = 0  # drafts started and not finished
        self._closed = False
        self.merged_calls = 0  # model.generate calls made (for tests and the bench)
        self._local = threading.local()  # .draft: the window place of the draft this thread runs
        self._thread = threading.Thread(target=self._serve, name="summarize-model", daemon=True)
        self._thread.start()

    def __getattr__(self, name: str):
        return getattr(self._model, name)

    # -- draft bookkeeping -----------------------------------------------------------
    def draft_started(self) -> None:
        with self._cond:
            self._in_flight += 1

    def running(self, place: int) -> None:
        """Called on a draft's thread: this thread now runs the draft at ``place`` in its window."""
        self._local.draft = place

    def draft_finished(self) -> None:
        with self._cond:
            self._in_flight -= 1
            self._cond.notify()

    def close(self) -> None:
        """Run what is queued, then stop the model thread."""
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join()

    # -- generation ------------------------------------------------------------------
    def generate(self, texts: list[str], task: str = "summarization", settings=None, batch_size: int = 16,
                 constrain_to_source: bool = False, max_source_tokens: int | None = None) -> list[str]:
        if not texts:
            return []
        from summarize.models.loading import GenerationSettings

        settings = settings or GenerationSettings()
        key = (task, astuple(settings), constrain_to_source, max_source_tokens)
        call = _Call(list(texts), key, dict(task=task, settings=settings, constrain_to_source=constrain_to_source,
                                            max_source_tokens=max_source_tokens))
        call.draft = getattr(self._local, "draft", 0)
        with self._cond:
            if self._closed:
                raise RuntimeError("the batching proxy is closed")
            self._pending.append(call)
            self._cond.notify()
        with paused():  # waiting for other drafts is not this draft's time (--timeout)
            call.done.wait()
        if call.error is not None:
            raise call.error
        return call.result

    def _serve(self) -> None:
        """The model thread: run the queued calls once every draft in flight waits on the
        model (a draft that is still parsing or planning may add to the batch)."""
        while True:
            with self._cond:
                while not (self._pending and (len(self._pending) >= self._in_flight or self._closed)):
                    if self._closed and not self._pending:
                        return
                    self._cond.wait()
                pending, self._pending = self._pending, []
            # Which thread queued first is timing; the window order is not. Ordered by it, a
            # merged batch is the same on every run, so outputs are too (see ray_engine).
            self._run(sorted(pending, key=lambda c: c.draft))

    def _run(self, calls: list[_Call]) -> None:
        groups: dict[tuple, list[_Call]] = {}
        for call in calls:
            groups.setdefault(call.key, []).append(call)
        for group in groups.values():
            rows = [(c, i, t) for c in group for i, t in enumerate(c.texts)]
            # Length-sorted, so each model batch pads little.
            order = sorted(range(len(rows)), key=lambda k: len(rows[k][2]))
            try:
                self.merged_calls += 1
                outputs = self._model.generate([rows[k][2] for k in order], batch_size=self._batch_size,
                                               **group[0].kwargs)
            except BaseException as exc:  # handed to every waiting draft, which re-raises it
                for c in group:
                    c.error = exc
                    c.done.set()
                continue
            for c in group:
                c.result = [""] * len(c.texts)
            for k, out in zip(order, outputs):
                c, i, _ = rows[k]
                c.result[i] = out
            for c in group:
                c.done.set()


# Drafts in flight at once, whose model calls merge. More drafts make bigger batches, but each
# holds memory while it waits (peak RSS 1.1-1.3 GB with 16 on the bench drafts, and no clear
# gain in time over 8) and all wait on the slowest.
DRAFTS_AT_ONCE = 8


def windows(items: Iterable, size: int = DRAFTS_AT_ONCE) -> Iterator[list]:
    """``items`` in consecutive lists of ``size`` (the last may be shorter): the drafts that
    are summarized together. Every engine cuts its drafts here, so the same drafts share
    model batches everywhere."""
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def pipe_batched(summarizer, texts: Iterable[str], drafts_at_once: int = DRAFTS_AT_ONCE,
                 return_exceptions: bool = False, timeout: float = 0.0) -> Iterator:
    """``summarizer.summarize`` over ``texts`` in order, ``drafts_at_once`` drafts sharing
    each model batch; ``timeout``: seconds per draft (0: none), a draft past it gives
    ``DraftTimeout``."""

    proxy = CoalescingModel(summarizer.model, summarizer.batch_size)
    worker = copy.copy(summarizer)
    worker.model = proxy

    def one(text: str, place: int):
        proxy.running(place)
        try:
            with time_limit(timeout):
                return worker.summarize(text), None
        except Exception as exc:  # noqa: BLE001  returned to the caller in order, or re-raised there
            return None, exc
        finally:
            proxy.draft_finished()

    def run_window(pool, window: list[str]):
        # All of the window counted in flight before any runs, so no merged call leaves out a
        # draft that merely started late: the batches depend on the drafts, not on timing.
        for _ in window:
            proxy.draft_started()
        futures = [pool.submit(one, text, place) for place, text in enumerate(window)]
        yield from _drain(futures, return_exceptions)

    try:
        with ThreadPoolExecutor(max_workers=drafts_at_once, thread_name_prefix="summarize-draft") as pool:
            for window in windows(texts, drafts_at_once):
                yield from run_window(pool, window)
    finally:
        proxy.close()


def _drain(window, return_exceptions: bool) -> Iterator:
    for fut in window:
        result, exc = fut.result()
        if exc is not None and not return_exceptions:
            raise exc
        yield exc if exc is not None else result
