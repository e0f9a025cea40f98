"""NetworkRun: the network the playground shows — its weights, counters and loss history — and the
training run (on a worker thread, through a TrainingController) that moves them.

Every number it holds belongs to one network: `start()` begins a run of a network from given weights
(None: random) and counters; snapshots of an earlier run are dropped by the controller. It has no
widgets; PlaygroundSession owns one and re-emits what the view needs.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine import EngineError
from engine.tasks import task_of
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.playground.controller import TrainingController
from gui.playground.job import TrainingJob
from gui.playground.loss_history import LossHistory
from gui.playground.snapshot import EngineText, engine_message

SNAPSHOT_INTERVAL = 0.05     # ~20 snapshots a second while the view is shown
HIDDEN_INTERVAL = 0.5
CHANGED_EVERY = 10.0         # while training, new weights count as a change at least this often (autosave)
END_EVENTS = ("paused", "stepped", "max_epochs", "target_loss", "diverged", "error")
ERROR_EVENTS = ("diverged", "error", "loss_jump")


class NetworkRun(QObject):
    snapshot = Signal(object)          # a Snapshot of the current run
    history_changed = Signal()         # the loss history grew
    counters_changed = Signal(int, int)
    running_changed = Signal(bool)
    said = Signal(object, str)         # a run's event or failure: (Message, "info" | "error")
    weights_changed = Signal()         # new weights worth saving: a run ended or paused, or every CHANGED_EVERY s

    def __init__(self, parent=None, *, rng: np.random.Generator):
        super().__init__(parent)
        self._rng = rng
        self.controller = TrainingController(self)
        self.history = LossHistory()
        self._weights: dict | None = None
        self._counters = (0, 0)
        self._adopted = False
        self._last_snap = None
        self._focus = None
        self._running = False
        self._interval = HIDDEN_INTERVAL
        self._speed = None            # None or ("batch" | "epoch", k) per frame (see speed.py)
        self._shared_scale = False    # neuron pictures: one colour scale per layer instead of per neuron
        self._changed_at = (0.0, 0)
        self.controller.snapshot.connect(self._on_snapshot)
        self.controller.failed.connect(self._on_failed)

    # -- reading ---------------------------------------------------------------------------------
    @property
    def counters(self) -> tuple[int, int]:
        return (int(self._counters[0]), int(self._counters[1]))

    @property
    def weights(self) -> dict | None:
        """A copy of the latest known weights (None before the network was built)."""
        return None if self._weights is None else {k: np.array(v) for k, v in self._weights.items()}

    @property
    def adopted(self) -> bool:
        """The weights came from a loaded model (trained elsewhere)."""
        return self._adopted

    @property
    def trained(self) -> bool:
        return self._counters[1] > 0 or self._adopted

    @property
    def last_snapshot(self):
        return self._last_snap

    @property
    def focus(self):
        return self._focus

    @property
    def running(self) -> bool:
        return self.controller.running

    @property
    def settled(self) -> bool:
        snap = self._last_snap
        return snap is not None and not snap.running and not self.controller.running

    # -- the network -------------------------------------------------------------------------------
    def set_network(self, weights: dict | None, counters=(0, 0), history: dict | None = None,
                    adopted: bool = False) -> None:
        """Hold another network (no run yet): its weights (None: random), counters and loss history."""
        self.end()
        self._weights = None if weights is None else {k: np.array(v) for k, v in weights.items()}
        self._counters = (int(counters[0]), int(counters[1]))
        self._adopted = bool(adopted)
        self._last_snap = None
        if history is None:
            self.history.clear()
        else:
            self.history.set_state(history)
        self.history_changed.emit()
        self.counters_changed.emit(*self._counters)

    def start(self, recipe: dict, task: str, n_outputs: int, data, vmax: float, *, stop=(0, 0.0),
              discretize: bool = False, gradients: bool = False) -> Message | None:
        """A new run of `recipe` from the held weights and counters. Returns None, or why the network
        cannot be built (a Message; there is no run then)."""
        t = task_of(task)
        try:
            job = TrainingJob(recipe, t.name, n_outputs if t.is_classification else 0, data, bounds=t.bounds,
                              one_d=t.one_d, weights=self._weights, counters=self._counters,
                              seed=self._rng.integers(1 << 31), max_epochs=stop[0], target_loss=stop[1],
                              discretize=discretize, interval=self._interval, vmax=vmax,
                              speed=self._speed, shared_scale=self._shared_scale)
        except (ValueError, EngineError) as exc:
            self.end(keep=False)
            return Message.error(QT_TR_NOOP("Cannot build this network: %1"), EngineText(exc))
        self._last_snap = None
        if not len(self.history):
            self.history.metric_name = t.metric_label
        self._changed_at = (time.monotonic(), self._counters[1])
        self.controller.start(job)
        if self._focus is not None:
            self.controller.set_focus(self._focus)
        if gradients:
            self.controller.set_grad_view(True)
        self._set_running(False)
        self.counters_changed.emit(*self._counters)
        return None

    def end(self, keep: bool = True) -> None:
        """End the run (if any); with `keep` its exact final weights, counters and history are taken."""
        final = self.controller.stop(flush=keep)
        if keep and final is not None:
            self._weights = final["state"]
            self._counters = (final["epoch"], final["step"])
            if len(final["history"].epoch) or len(final["history"].batch_step):
                self.history.add(final["history"], final["metric_name"])
                self.history_changed.emit()
        self._set_running(False)

    # -- commands ----------------------------------------------------------------------------------
    def play(self) -> None:
        self.controller.play()
        self._set_running(True)

    def pause(self) -> None:
        self.controller.pause()
        self._set_running(False)

    def step(self) -> None:
        self.controller.step()
        self._set_running(True)

    def step_batches(self, n: int = 1) -> None:
        self.controller.step_batches(n)
        self._set_running(True)

    def set_speed(self, speed) -> None:
        self._speed = speed
        self.controller.set_speed(speed)

    def set_shared_scale(self, on: bool) -> None:
        self._shared_scale = bool(on)
        self.controller.set_shared_scale(on)

    def set_visible(self, visible: bool) -> None:
        self._interval = SNAPSHOT_INTERVAL if visible else HIDDEN_INTERVAL
        self.controller.set_interval(self._interval)

    def set_focus(self, focus) -> None:
        self._focus = focus
        self.controller.set_focus(focus)

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.running_changed.emit(running)

    # -- the worker's reports ----------------------------------------------------------------------
    def _on_snapshot(self, snap) -> None:
        self._last_snap = snap
        if snap.state is not None:
            self._weights = snap.state
        self._counters = (snap.epoch, snap.step)
        self.history.add(snap.history, snap.metric_name)
        self.history_changed.emit()
        self.snapshot.emit(snap)
        self.counters_changed.emit(snap.epoch, snap.step)
        if snap.running != self._running and (snap.event or not snap.running or self.controller.running):
            self._set_running(snap.running and self.controller.running)
        if snap.event:
            self.said.emit(snap.message, "error" if snap.event in ERROR_EVENTS else "info")
        # Training is work: new weights count as a change when a run ends or pauses, and every
        # CHANGED_EVERY seconds while it trains (so the project is marked unsaved and autosaved).
        t0, s0 = self._changed_at
        now = time.monotonic()
        if snap.step != s0 and (snap.event in END_EVENTS or now - t0 >= CHANGED_EVERY):
            self._changed_at = (now, snap.step)
            self.weights_changed.emit()

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.said.emit(engine_message(message), "error")
