"""RunController: the runs of one mode's worker jobs (loading, training, evaluating…), by kind.

Mode-independent: a session starts a job under a kind ("load", "train", "eval"); at most one run
per kind is current. Every snapshot, end and pause of a worker comes through here tagged with its
run id, and this is the ONE place that drops those of runs that are no longer current (stopped,
replaced, discarded): the session sees only `snapshot(kind, obj)`, `ended(kind, reason, message)`
and `paused_changed(kind, paused)` of its current runs.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from gui.worker import Worker


class RunController(QObject):
    snapshot = Signal(str, object)        # kind, frozen snapshot
    ended = Signal(str, str, str)         # kind, reason ("done" | "stopped" | "failed"), message if failed
    paused_changed = Signal(str, bool)    # kind, paused

    def __init__(self, parent=None):
        super().__init__(parent)
        self._runs: dict[str, Worker] = {}

    # -- state -----------------------------------------------------------------------------------
    def running(self, kind: str) -> bool:
        return kind in self._runs

    def paused(self, kind: str) -> bool:
        w = self._runs.get(kind)
        return w is not None and w.paused

    def run_id(self, kind: str) -> int | None:
        w = self._runs.get(kind)
        return None if w is None else w.run_id

    # -- commands --------------------------------------------------------------------------------
    def start(self, kind: str, job: Iterator, *, start_paused: bool = False) -> int:
        """Run `job` on a worker as the current `kind` (a previous run of that kind is stopped first)."""
        self.discard(kind)
        w = Worker(job, self, start_paused=start_paused)
        w.snapshot.connect(self._on_snapshot)
        w.done.connect(self._on_done)
        w.failed.connect(self._on_failed)
        w.paused_changed.connect(self._on_paused)
        w.finished.connect(w.deleteLater)     # QThread's own end: the thread object goes too
        self._runs[kind] = w
        w.start()
        return w.run_id

    def worker(self, kind: str) -> Worker | None:
        """The worker thread of the current run of `kind` (for tests and shutdown checks)."""
        return self._runs.get(kind)

    def finish(self, kind: str, *, wait_ms: int = 10000, flush: bool = True) -> bool:
        """End the run of `kind` and wait for its thread; True if it ended (its job is then safe to read
        on this thread). With `flush` the snapshots it sent before it ended are delivered first (an
        `ended(kind, "stopped", "")` may follow them); without, they are dropped."""
        w = self._runs.get(kind)
        if w is None:
            return False
        ended = w.stop(wait_ms)
        if ended and flush:
            QCoreApplication.sendPostedEvents(self, QEvent.MetaCall)
        if self._runs.get(kind) is w:
            del self._runs[kind]
        return ended

    def discard(self, kind: str) -> None:
        """Stop the run of `kind` and forget it: nothing more of it arrives (no `ended` either)."""
        w = self._runs.pop(kind, None)
        if w is not None:
            w.stop()

    def discard_all(self) -> None:
        for kind in list(self._runs):
            self.discard(kind)

    def stop(self, kind: str) -> None:
        """Ask the run to end between two pieces of work; `ended(kind, "stopped", "")` follows."""
        w = self._runs.get(kind)
        if w is not None:
            w.stop()

    def pause(self, kind: str) -> None:
        w = self._runs.get(kind)
        if w is not None and not w.paused:
            w.pause()

    def resume(self, kind: str, until: Callable[[object], bool] | None = None) -> None:
        """Continue; with `until`, pause again after the first snapshot for which until(snapshot) holds."""
        w = self._runs.get(kind)
        if w is not None:
            w.resume(until)

    def call(self, kind: str, fn: Callable[[], object]) -> bool:
        """Run fn() on the worker of `kind` between two pieces of work; False if there is no such run."""
        w = self._runs.get(kind)
        if w is None:
            return False
        w.call(fn)
        return True

    # -- from the workers (queued to this GUI-thread object) -------------------------------------
    def _current(self, run_id: int) -> str | None:
        """The kind whose current run has this id, or None: a stale run, dropped."""
        for kind, w in self._runs.items():
            if w.run_id == run_id:
                return kind
        return None

    def _on_snapshot(self, run_id: int, snap) -> None:
        kind = self._current(run_id)
        if kind is not None:
            self.snapshot.emit(kind, snap)

    def _on_paused(self, run_id: int, paused: bool) -> None:
        kind = self._current(run_id)
        if kind is not None:
            self.paused_changed.emit(kind, paused)

    def _on_done(self, run_id: int, reason: str) -> None:
        kind = self._current(run_id)
        if kind is not None:
            del self._runs[kind]
            self.ended.emit(kind, reason, "")

    def _on_failed(self, run_id: int, message: str) -> None:
        kind = self._current(run_id)
        if kind is not None:
            del self._runs[kind]
            self.ended.emit(kind, "failed", message)
