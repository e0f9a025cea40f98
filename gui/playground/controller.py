"""TrainingController: the playground's side of the shared run controller (gui/training_controller.py).

Both modes run their jobs through one `RunController`: it starts a job on a Worker, forwards commands
with `Worker.call`, and is the one place that drops what a stale run sends. This adapter adds what the
playground's training needs on top: one run of kind "train" per network (new weights, new network,
loaded state), the typed commands (play, pause, step and the live settings — one path for every
setting), the drawing handshake (the job waits while the GUI draws a snapshot), and reading what a
stopped run ended with (`final`, after the job's thread has ended).
"""
from __future__ import annotations

import threading
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from engine.tasks import task_of
from gui.training_controller import RunController

TRAIN = "train"


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
        self.runs = RunController(self)
        self.runs.snapshot.connect(self._on_snapshot)
        self.runs.ended.connect(self._on_ended)
        self._job = None
        self.running = False       # what the GUI last asked for / the job last reported
        # Cleared while the GUI handles a snapshot (until the event loop has drawn it): the job then
        # waits instead of holding the GIL, so every GIL hand-over in drawing is not a 1 ms wait.
        self.gui_idle = threading.Event()
        self.gui_idle.set()

    # -- runs ------------------------------------------------------------------------------------
    def start(self, job) -> None:
        """Replace the current run (its worker is stopped and waited for) with `job`."""
        self.stop(flush=False)
        self._job = job
        job.gui_idle = self.gui_idle
        self.gui_idle.set()
        self.running = job.running
        self.runs.start(TRAIN, job)

    def stop(self, *, flush: bool = True) -> dict | None:
        """End the run; returns the job's final weights (read after its thread ended). With `flush`
        the snapshots it sent before it ended are emitted first; without, they are dropped."""
        job = self._job
        self.running = False
        ended = self.runs.finish(TRAIN, flush=flush)
        self._job = None
        self.running = False
        if ended and job is not None:
            # the thread has ended: the job's weights and the history no snapshot carried yet are safe to read
            return self._final(job)
        return None

    @property
    def active(self) -> bool:
        return self.runs.running(TRAIN)

    @property
    def worker(self):
        return self.runs.worker(TRAIN)

    @property
    def job(self):
        return self._job

    # -- commands -------------------------------------------------------------------------------
    def _call(self, name: str, *args) -> None:
        if self._job is not None:
            self.runs.call(TRAIN, partial(getattr(self._job, name), *args))

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

    # -- the current run's signals (the RunController has dropped stale ones) ----------------------
    @Slot(str, object)
    def _on_snapshot(self, kind: str, snap) -> None:
        if kind != TRAIN or self._job is None:
            return
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

    @Slot(str, str, str)
    def _on_ended(self, kind: str, reason: str, message: str) -> None:
        if kind != TRAIN:
            return
        self.running = False
        if reason == "failed":
            self._job = None
            self.failed.emit(message)
