"""Batching model calls across drafts without changing the per-draft code.

``Summarizer.pipe`` runs several drafts at once in a small thread pool, each through the
ordinary ``Summarizer.summarize``, but with the model replaced by a ``CoalescingModel``: a
draft's ``generate`` call is queued, and once every draft in flight is waiting on the model,
the queued calls that share (task, settings, constraint, context) are merged into one
length-sorted batch, generated, and handed back to their drafts. Parsing, extraction and the
caveat filter are plain Python; only the merged ``generate`` runs at a time, and torch
releases the GIL inside its kernels.

Outputs equal one-at-a-time outputs: generation is per row (attention masks hide the
padding, the source-vocabulary constraint reads each row's own input), so only which rows
share a batch changes.
"""
from __future__ import annotations

import copy
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import astuple, dataclass, field
from typing import Any, Iterable, Iterator


@dataclass
class _Call:
    texts: list[str]
    key: tuple
    kwargs: dict[str, Any]
    done: threading.Event = field(default_factory=threading.Event)
    result: list[str] | None = None
    error: BaseException | None = None


class CoalescingModel:
    """Stands in for a ``Seq2SeqModel``; ``generate`` calls from drafts in flight are merged."""

    def __init__(self, model, batch_size: int = 16):
        self._model = model
        self._batch_size = batch_size
        self._lock = threading.Lock()
        self._pending: list[_Call] = []
        self._in_flight = 0  # drafts started and not finished
        self._flushing = False
        self.merged_calls = 0  # model.generate calls made (for tests and the bench)

    def __getattr__(self, name: str):
        return getattr(self._model, name)

    # -- draft bookkeeping -----------------------------------------------------------
    def draft_started(self) -> None:
        with self._lock:
            self._in_flight += 1

    def draft_finished(self) -> None:
        with self._lock:
            self._in_flight -= 1
        self._maybe_flush()

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
        with self._lock:
            self._pending.append(call)
        self._maybe_flush()
        call.done.wait()
        if call.error is not None:
            raise call.error
        return call.result

    def _maybe_flush(self) -> None:
        """Run the queued calls once every draft in flight waits on the model (repeat while
        that holds: drafts woken by one flush may queue again before others finish)."""
        while True:
            with self._lock:
                if self._flushing or not self._pending or len(self._pending) < self._in_flight:
                    return
                self._flushing = True
                pending, self._pending = self._pending, []
            try:
                self._run(pending)
            finally:
                with self._lock:
                    self._flushing = False

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


def pipe_batched(summarizer, texts: Iterable[str], drafts_at_once: int = 8,
                 return_exceptions: bool = False) -> Iterator:
    """``summarizer.summarize`` over ``texts`` in order, ``drafts_at_once`` drafts sharing
    each model batch."""
    proxy = CoalescingModel(summarizer.model, summarizer.batch_size)
    worker = copy.copy(summarizer)
    worker.model = proxy

    def one(text: str):
        try:
            return worker.summarize(text), None
        except Exception as exc:  # noqa: BLE001  returned to the caller in order, or re-raised there
            return None, exc
        finally:
            proxy.draft_finished()

    iterator = iter(texts)
    with ThreadPoolExecutor(max_workers=drafts_at_once) as pool:
        window = []
        for text in iterator:
            proxy.draft_started()  # counted before it runs, so no call flushes without it
            window.append(pool.submit(one, text))
            if len(window) >= drafts_at_once:
                yield from _drain(window, return_exceptions)
                window = []
        yield from _drain(window, return_exceptions)


def _drain(window, return_exceptions: bool) -> Iterator:
    for fut in window:
        result, exc = fut.result()
        if exc is not None and not return_exceptions:
            raise exc
        yield exc if exc is not None else result
