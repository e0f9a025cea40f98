"""TrainingController: the GUI-thread owner of a training run on a worker thread.

It starts a job on a Worker (one run per network: new weights, new network, loaded state), forwards
commands to it with `Worker.call` (play, pause, step and the live settings — one path for every
setting), and re-emits only the current run's snapshots (each run has an id; stale ones are dropped).
Worker signals connect to this QObject's methods, so they are queued to the GUI thread.

It knows nothing of the playground: a job is any iterable the Worker runs that has the methods
called here (`play`, `pause`, `step_epoch`, `update_recipe`, …); what a stopped run ended with is read
by the `final` function given to the constructor, after the job's thread has ended.
"""
from __future__ import annotations

import threading
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

from engine.tasks import task_of
from gui.worker import Worker


def playground_final(job) -> dict:
    """A stopped playground TrainingJob's weights, counters and the history no snapshot carried yet."""
    return {"state": job.model.state_dict(), "epoch": job.epoch, "step": job.step, "history": job.take_history(),
            "metric_name": task_of(job.task).metric_label}


class TrainingController(QObject):
    snapshot = Signal(object)      # a Snapshot of the current session
    failed = Signal(str)           # the worker stopped with an error (the session is gone)

    def __init__(self, parent=None, *, final=playground_final):
        super().__init__(parent)
        self._final = final
        self._worker: Worker | None = None
        self._job = None
        self.running = False       # what the GUI last asked for / the job last reported
        # Cleared while the GUI handles a snapshot (until the event loop has drawn it): the job then
        # waits instead of holding the GIL, so every GIL hand-over in drawing is not a 1 ms wait.
        self.gui_idle = threading.Event()
        self.gui_idle.set()

    # -- sessions --------------------------------------------------------------------------------
    def start(self, job) -> None:
        """Replace the current session (its worker is stopped and waited for) with `job`."""
        self.stop(flush=False)
        self._job = job
        job.gui_idle = self.gui_idle
        self.gui_idle.set()
        w = Worker(job)
        w.snapshot.connect(self._on_snapshot)
        w.done.connect(self._on_finished)
        w.failed.connect(self._on_failed)
        self._worker = w
        self.running = job.running
        w.start()

    def stop(self, *, flush: bool = True) -> dict | None:
        """End the session; returns the job's final weights (read after its thread ended). With `flush`
        the snapshots it sent before it ended are emitted first; without, they are dropped."""
        w, job = self._worker, self._job
        self.running = False
        if w is None:
            self._job = None
            return None
        ended = w.stop(10000)
        if ended and flush:
            # snapshots the worker sent before it ended are drawn now (their loss history is kept)
            QCoreApplication.sendPostedEvents(self, QEvent.MetaCall)
        self._worker = self._job = None
        self.running = False
        for sig in (w.snapshot, w.done, w.failed):
            try:
                sig.disconnect()
            except (RuntimeError, TypeError):
                pass
        w.deleteLater()
        if ended and job is not None:
            # the thread has ended: the job's weights and the history no snapshot carried yet are safe to read
            return self._final(job)
        return None

    @property
    def active(self) -> bool:
        return self._worker is not None

    @property
    def job(self):
        return self._job

    # -- commands -------------------------------------------------------------------------------
    def _call(self, name: str, *args) -> None:
        if self._worker is not None and self._job is not None:
            self._worker.call(partial(getattr(self._job, name), *args))

    def play(self) -> None:
        self.running = True
        self._call("play")

    def pause(self) -> None:
        self.running = False
        self._call("pause")

    def step(self) -> None:
        self.running = True
        self._call("step_epoch")

    def step_batches(self, n: int = 1) -> None:
        self.running = True
        self._call("step_batches", int(n))

    def set_speed(self, speed) -> None:
        self._call("set_speed", speed)

    def set_shared_scale(self, on: bool) -> None:
        self._call("set_shared_scale", bool(on))

    def update_recipe(self, recipe: dict) -> None:
        self._call("update_recipe", dict(recipe))

    def set_data(self, X_train, y_train, X_test, y_test, vmax) -> None:
        self._call("set_data", X_train.copy(), y_train.copy(), X_test.copy(), y_test.copy(), float(vmax))

    def set_stop(self, max_epochs: int, target_loss: float) -> None:
        self._call("set_stop", int(max_epochs), float(target_loss))

    def set_discretize(self, on: bool) -> None:
        self._call("set_discretize", bool(on))

    def set_focus(self, focus) -> None:
        self._call("set_focus", focus)

    def set_grad_view(self, on: bool) -> None:
        self._call("set_grad_view", bool(on))

    def set_interval(self, seconds: float) -> None:
        self._call("set_interval", float(seconds))

    # -- worker signals (queued to the GUI thread) -----------------------------------------------
    @Slot(int, object)
    def _on_snapshot(self, run_id: int, snap) -> None:
        if self._worker is None or run_id != self._worker.run_id:
            return   # a stale snapshot of an earlier session
        self.running = snap.running
        self.gui_idle.clear()
        try:
            self.snapshot.emit(snap)
        finally:
            QTimer.singleShot(0, self._drawn_1)

    @Slot()
    def _drawn_1(self) -> None:   # two event-loop turns: the posted repaints have run by then
        QTimer.singleShot(0, self._drawn_2)

    @Slot()
    def _drawn_2(self) -> None:
        self.gui_idle.set()

    @Slot(int, str)
    def _on_finished(self, run_id: int, reason: str) -> None:
        if self._worker is not None and run_id == self._worker.run_id:
            self.running = False

    @Slot(int, str)
    def _on_failed(self, run_id: int, message: str) -> None:
        if self._worker is None or run_id != self._worker.run_id:
            return
        w = self._worker
        self._worker = self._job = None
        self.running = False
        w.wait(5000)
        w.deleteLater()
        self.failed.emit(message)
