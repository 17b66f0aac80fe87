"""A time limit for one draft's work, on the main thread or any other.

On the main thread a SIGALRM interval timer raises ``DraftTimeout``; elsewhere (``Summarizer.pipe``
runs drafts on worker threads, a Ray Data actor runs its batches on one) a timer thread raises
it asynchronously in the running thread. Either way Python raises it between bytecodes, so a
stuck loop is stopped and a model call finishes its current step first.

On a worker thread the clock can be paused (``paused``): a draft waiting for a model batch it
shares with other drafts is not spending its own time, and must not be failed because another
draft of its batch is slow.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import time
from contextlib import contextmanager
from typing import Iterator


class DraftTimeout(Exception):
    """A draft ran past its time limit (``--timeout``)."""


class _ThreadLimit:
    """The running limit of one worker thread: a timer for what is left of its budget."""

    def __init__(self, seconds: float):
        self.target = threading.get_ident()
        self.left = seconds
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        self.since = 0.0

    def start(self) -> None:
        with self.lock:
            self.since = time.monotonic()
            self.timer = threading.Timer(max(self.left, 0.0), self._expire)
            self.timer.daemon = True
            self.timer.start()

    def stop(self) -> None:
        with self.lock:  # once stopped, an expiry already on its way raises nothing
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
                self.left -= time.monotonic() - self.since

    def _expire(self) -> None:
        with self.lock:
            if self.timer is not None:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.target), ctypes.py_object(DraftTimeout))


_limits: dict[int, _ThreadLimit] = {}  # worker thread -> its running limit


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DraftTimeout in the running code after ``seconds`` (0: no limit)."""
    if not seconds:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def expire(signum, frame):
            raise DraftTimeout()

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    limit = _ThreadLimit(seconds)
    _limits[limit.target] = limit
    limit.start()
    try:
        yield
    finally:
        limit.stop()
        _limits.pop(limit.target, None)


@contextmanager
def paused() -> Iterator[None]:
    """Stop this worker thread's clock inside the block (no-op without a limit)."""
    limit = _limits.get(threading.get_ident())
    if limit is None:
        yield
        return
    limit.stop()
    try:
        yield
    finally:
        limit.start()
