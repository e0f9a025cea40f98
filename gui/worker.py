"""Runs engine work (training, grid prediction, data loading) off the GUI thread.

A *job* is an iterator: each `next()` does a small piece of work (one minibatch, one chunk of a
file) and returns None or a frozen snapshot to hand to the GUI. The worker pulls the job in a
QThread, checks for stop/pause between pieces, applies queued commands (e.g. a new learning
rate) there, keeps the GUI responsive by yielding the GIL, and emits snapshots tagged with its
run id so the GUI can drop stale ones. Connect its signals only to methods of GUI-thread QObjects.
"""
from __future__ import annotations

import queue
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator

from PySide6.QtCore import QThread, Signal

from engine import EngineError
from gui.i18n import fill, tr

GIL_YIELD_S = 0.001  # hand the GIL to the GUI thread at least this often (see notes: GIL starvation)


class Worker(QThread):
    """One run of one job. `snapshot(run_id, obj)`, then exactly one of `done(run_id, reason)`
    (reason: 'done' or 'stopped') or `failed(run_id, message)`. (Not named `finished`: that would
    shadow QThread's own argument-less signal.)"""

    snapshot = Signal(int, object)
    done = Signal(int, str)
    failed = Signal(int, str)
    paused_changed = Signal(int, bool)

    _next_id = 0

    def __init__(self, job: Iterator, parent=None, *, start_paused: bool = False):
        super().__init__(parent)
        Worker._next_id += 1
        self.run_id = Worker._next_id
        self._job = job
        self._stop = threading.Event()
        self._running = threading.Event()
        if not start_paused:
            self._running.set()
        self._commands: queue.SimpleQueue[Callable[[], object]] = queue.SimpleQueue()
        self._pause_when: Callable[[object], bool] | None = None

    # -- called from the GUI thread ---------------------------------------------------------
    def stop(self, wait_ms: int = 5000) -> bool:
        """Ask the job to stop between pieces and wait for the thread; True if it ended."""
        self._stop.set()
        self._running.set()
        if self.isRunning() and QThread.currentThread() is not self:
            return self.wait(wait_ms)
        return True

    def pause(self) -> None:
        self._running.clear()
        self.paused_changed.emit(self.run_id, True)

    def resume(self, until: Callable[[object], bool] | None = None) -> None:
        """Continue; with `until`, pause again after the first snapshot for which until(snapshot) is true."""
        self._pause_when = until
        self._running.set()
        self.paused_changed.emit(self.run_id, False)

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def call(self, fn: Callable[[], object]) -> None:
        """Run `fn()` on the worker thread between two pieces of work (e.g. change the learning rate)."""
        self._commands.put(fn)

    # -- the worker thread --------------------------------------------------------------------
    def run(self) -> None:
        reason = "done"
        try:
            last_yield = time.perf_counter()
            for item in self._job:
                while not self._commands.empty():
                    self._commands.get_nowait()()
                if item is not None:
                    self.snapshot.emit(self.run_id, item)
                    if self._pause_when is not None and self._pause_when(item):
                        self._pause_when = None
                        self._running.clear()
                        self.paused_changed.emit(self.run_id, True)
                if not self._running.is_set():
                    while not self._running.wait(0.05):
                        while not self._commands.empty():
                            self._commands.get_nowait()()
                if self._stop.is_set():
                    reason = "stopped"
                    break
                now = time.perf_counter()
                if now - last_yield > GIL_YIELD_S:
                    time.sleep(0)
                    last_yield = time.perf_counter()
        except EngineError as exc:
            self.failed.emit(self.run_id, str(exc))
            return
        except MemoryError:
            self.failed.emit(self.run_id, tr("Out of memory: try a smaller network, batch or data set."))
            return
        except Exception as exc:  # a bug: tell the user plainly, keep the details on stderr
            traceback.print_exc(file=sys.stderr)
            self.failed.emit(self.run_id, fill(tr("Unexpected error in the worker: %1: %2"), type(exc).__name__,
                                               str(exc)))
            return
        finally:
            close = getattr(self._job, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:
                    traceback.print_exc(file=sys.stderr)
        self.done.emit(self.run_id, reason)


class Throttle:
    """True at most every `interval` seconds (the first call is True)."""

    def __init__(self, interval: float):
        self.interval = interval
        self._last = -1e18

    def __call__(self, force: bool = False) -> bool:
        now = time.perf_counter()
        if force or now - self._last >= self.interval:
            self._last = now
            return True
        return False
