"""The desk's state: the drafts under DIR, their status, and one background worker.

Drafts are known by name (their path under DIR without suffix, as ``summarize run`` names its
outputs). A request names a draft; it is looked up in the listing, never opened as a path.
"""
from __future__ import annotations

import json
import logging
import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.io import DraftFile, InputError, collect_drafts, read_draft, sha256
from summarize.corpus.text import word_count

from . import review

log = logging.getLogger(__name__)
STATUSES = ("new", "queued", "summarized", "accepted", "failed")


@dataclass
class Entry:
    draft: DraftFile
    status: str = "new"
    reason: str = ""  # why it failed
    data: dict[str, Any] | None = None  # the summarizer's result (or the accepted JSON)
    words: int | None = None


@dataclass
class Progress:
    total: int = 0
    done: int = 0
    current: str | None = None


class UnknownDraft(KeyError):
    pass


class NotSummarized(LookupError):
    pass


class Desk:
    def __init__(self, draft_dir: Path, out_dir: Path, summarizer: review.SummarizeFn):
        self.draft_dir = draft_dir.resolve()
        self.out_dir = out_dir.resolve()
        self._summarize = summarizer
        self._entries: dict[str, Entry] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.progress = Progress()
        self._worker = threading.Thread(target=self._work, name="summarize-worker", daemon=True)
        self._worker.start()
        self.checker = review.LeadChecker()
        self.refresh()

    # ------------------------------------------------------------------ files
    def refresh(self) -> None:
        """Re-read the listing (new files appear, removed ones go); statuses are kept."""
        drafts, _ = collect_drafts([self.draft_dir], exclude=self.out_dir)
        found: dict[str, Entry] = {}
        with self._lock:
            for d in drafts:
                name = d.rel.as_posix()
                if not self._inside(d.path, self.draft_dir):
                    continue  # a link pointing out of DIR: never read
                found[name] = self._entries.get(name) or Entry(d)
            self._entries = found
        for name, entry in found.items():
            if entry.status == "new":
                self._load_accepted(name, entry)

    @staticmethod
    def _inside(path: Path, folder: Path) -> bool:
        return path.resolve().is_relative_to(folder)

    def outputs(self, name: str) -> tuple[Path, Path]:
        entry = self.entry(name)
        txt, js = entry.draft.output(self.out_dir, ".txt"), entry.draft.output(self.out_dir, ".json")
        for p in (txt, js):
            if not p.resolve().is_relative_to(self.out_dir):
                raise UnknownDraft(name)
        return txt, js

    def text(self, name: str) -> str:
        entry = self.entry(name)
        if not self._inside(entry.draft.path, self.draft_dir):
            raise UnknownDraft(name)
        return read_draft(entry.draft.path)

    def _load_accepted(self, name: str, entry: Entry) -> None:
        """A draft accepted earlier (its JSON in OUT made from this very text) shows as accepted."""
        _, js = self.outputs(name)
        if not js.is_file():
            return
        try:
            data = json.loads(js.read_text(encoding="utf-8"))
            current = sha256(self.text(name))
        except (OSError, ValueError, InputError):
            return
        if data.get("accepted") and data.get("draft_sha256") == current:
            entry.data, entry.status = data, "accepted"

    # ------------------------------------------------------------------ queries
    def entry(self, name: str) -> Entry:
        with self._lock:
            try:
                return self._entries[name]
            except KeyError:
                raise UnknownDraft(name) from None

    def current(self, name: str) -> tuple[Entry, str]:
        """The entry and the draft's text now. A draft edited on disk since it was summarized
        is new again: its lead and offsets belong to the old text."""
        entry, text = self.entry(name), self.text(name)
        with self._lock:
            if entry.data is not None and entry.data.get("draft_sha256") != sha256(text):
                entry.data, entry.status, entry.reason, entry.words = None, "new", "", None
        return entry, text

    def entries(self) -> list[tuple[str, Entry]]:
        with self._lock:
            items = list(self._entries.items())
        for name, e in items:
            if e.words is None:
                try:
                    e.words = word_count(self.text(name))
                except InputError as exc:
                    e.status, e.reason, e.words = "failed", exc.reason, 0
        return items

    def status(self) -> dict[str, Any]:
        with self._lock:
            p = self.progress
            return {"total": p.total, "done": p.done, "current": p.current, "busy": p.done < p.total,
                    "drafts": {n: {"status": e.status, "reason": e.reason} for n, e in self._entries.items()}}

    # ------------------------------------------------------------------ work
    def enqueue(self, names: list[str]) -> int:
        with self._lock:
            todo = [n for n in names if n in self._entries and self._entries[n].status in ("new", "failed")]
            if self.progress.done >= self.progress.total:
                self.progress = Progress()  # a fresh run: the bar starts at zero
            for n in todo:
                self._entries[n].status, self._entries[n].reason = "queued", ""
            self.progress.total += len(todo)
        for n in todo:
            self._queue.put(n)
        return len(todo)

    def enqueue_new(self) -> int:
        return self.enqueue([n for n, e in self.entries() if e.status == "new"])

    def _work(self) -> None:
        while True:
            name = self._queue.get()
            if name is None:
                return
            with self._lock:
                self.progress.current = name
                entry = self._entries.get(name)
            if entry is not None:
                self._run(name, entry)
            with self._lock:
                self.progress.done += 1
                self.progress.current = None

    def _run(self, name: str, entry: Entry) -> None:
        try:
            text = self.text(name)
            data = review.summarize(self._summarize, text)
        except (InputError, UnknownDraft) as exc:
            status, reason, data = "failed", getattr(exc, "reason", "draft no longer listed"), None
        except ValueError as exc:  # DraftError and friends: the text is not a usable draft
            status, reason, data = "failed", str(exc), None
        else:
            data["draft_sha256"] = sha256(text)
            status, reason = "summarized", ""
            log.info("summarized %s", name)
        with self._lock:
            entry.status, entry.reason, entry.data = status, reason, data

    def wait(self, timeout: float | None = None) -> None:
        """Block until the queue is empty (tests and scripts)."""
        import time

        end = None if timeout is None else time.monotonic() + timeout
        while self.status()["busy"]:
            if end is not None and time.monotonic() > end:
                raise TimeoutError("the worker is still busy")
            time.sleep(0.02)

    def stop(self) -> None:
        self._queue.put(None)

    # ------------------------------------------------------------------ accept
    def accept(self, name: str, lead: str) -> review.Accepted:
        entry, text = self.current(name)
        if entry.data is None:
            raise NotSummarized(name)
        check = self.checker(review.parse(text).text, lead)
        txt, js = self.outputs(name)
        done = review.accept(text, entry.data, lead, check, str(entry.draft.path), txt, js)
        entry.data = json.loads(js.read_text(encoding="utf-8"))
        entry.status = "accepted"
        return done
