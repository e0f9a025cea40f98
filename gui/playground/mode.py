"""PlaygroundMode: the main window's first mode — draw 2-D data, build a network, watch it learn.

It wires the widgets together and implements the mode interface (see gui/main_window.py):
title, status, changed, shutdown, play_pause, step, reset, undo, redo, get_state, set_state, busy.
Training runs in a TrainingJob on a worker thread (via TrainingController); this class only
forwards intent and draws the snapshots it gets back.
"""
from __future__ import annotations

import copy
import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget)

from engine import EngineError, Pipeline
from engine.data import load_points_csv, make_dataset, save_points_csv
from engine.recipe import build_model_from_recipe, default_recipe, validate_recipe
from gui.playground.canvas import BOUNDS_1D, BOUNDS_2D, ERASE_RADIUS, PointsCanvas
from gui.playground.controller import TrainingController
from gui.playground.data_panel import DataPanel
from gui.playground.diagram_panel import DiagramPanel
from gui.playground.history import POINTS, NetState, UndoHistory
from gui.playground.job import TrainingJob
from gui.playground import model_io
from gui.playground.plots import FIELDS, CurvesPlot
from gui.playground.points import TASKS, PointsModel
from gui.playground.train_bar import TrainBar
from gui.widgets.colors import CLASS_NAMES
from gui.widgets.network_builder import ACTIVATION_LABELS, NetworkBuilder

STATE_VERSION = 1
MODEL_KEYS = ("hidden", "features", "loss", "dropout", "dtype")   # changing these needs new weights
ONE_D_FEATURES = ("x1", "x1^2", "sin x1")
SNAPSHOT_INTERVAL = 0.05     # ~20 snapshots a second while training
HIDDEN_INTERVAL = 0.5
COALESCE_SECONDS = 1.0       # network edits this close together on an untrained net are one undo step


def _default_recipes() -> dict:
    return {"classification": default_recipe(),
            "regression": default_recipe(loss="mse", lr=0.01),
            "regression1d": default_recipe(loss="mse", lr=0.01, features=["x1"],
                                           hidden=[{"units": 8, "activation": "tanh"}] * 2)}


class PlaygroundMode(QWidget):
    title = "2D playground"
    status = Signal(str)
    changed = Signal()

    def __init__(self, parent=None, *, seed=None):
        super().__init__(parent)
        self._rng = np.random.default_rng(seed)
        self.points = PointsModel(self, seed=self._rng.integers(1 << 31))
        self.controller = TrainingController(self)
        self.history = UndoHistory(TASKS, self.points.forget_oldest)   # point and network edits, in order
        self._last_net_edit = -1e9
        self._recipes = _default_recipes()
        self._presets = {"classification": ("circle", 300, 0.2), "regression": ("gaussians", 300, 0.05),
                         "regression1d": ("curve1d", 60, 0.15)}
        self._weights: dict | None = None        # last known weights (from snapshots or a stopped run)
        self._adopted = False                    # the weights came from a loaded model (trained elsewhere)
        self._counters = (0, 0)
        self._nets: dict = {t: None for t in TASKS}   # the network each task not shown had (a NetState)
        self._session_key = None
        self._last_snap = None
        self._focus = None
        self._discretize = False
        self._running_ui = False
        self._build()
        self._connect()
        self._data_timer = QTimer(self)
        self._data_timer.setSingleShot(True)
        self._data_timer.setInterval(30)
        self._data_timer.timeout.connect(self._push_data)
        self.builder.set_recipe(self._recipes["classification"])
        self._generate(*self._presets["classification"], record=False)
        self._refresh_points()

    # -- construction ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.canvas = PointsCanvas()
        self.panel = DataPanel()
        self.builder = NetworkBuilder()
        self.train_bar = TrainBar()
        self.plots = CurvesPlot()
        self.diagram_panel = DiagramPanel()
        self.diagram = self.diagram_panel.diagram
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(6, 6, 6, 6)
        sl.addWidget(self.panel)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        line.setFrameShadow(QFrame.Sunken)
        sl.addWidget(line)
        sl.addWidget(QLabel("<b>Network</b>"))
        sl.addWidget(self.builder)
        sl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(320)
        scroll.setFrameShape(QFrame.NoFrame)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.canvas, 3)
        rl.addWidget(self.plots, 2)

        split = QSplitter(Qt.Horizontal)
        split.setObjectName("playground.splitter")     # the main window remembers its layout
        self.splitter = split
        split.addWidget(scroll)
        split.addWidget(self.diagram_panel)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 5)
        split.setSizes([330, 470, 600])
        split.setChildrenCollapsible(False)

        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)
        root.addWidget(self.train_bar)
        root.addWidget(self.message)
        root.addWidget(split, 1)
        # The message line always takes its room, so a message appearing or going never shifts the
        # controls under the mouse.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() + 2)

        for i in range(8):
            sc = QShortcut(QKeySequence(str(i + 1)), self)
            sc.setContext(Qt.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda i=i: self.select_class(i))

    def _connect(self) -> None:
        c, p = self.canvas, self.panel
        c.add_requested.connect(self._add_point)
        c.erase_requested.connect(self._erase_point)
        c.stroke_started.connect(self.points.begin_stroke)
        c.stroke_point.connect(self._stroke_point)
        c.stroke_finished.connect(self.points.end_stroke)
        self.points.recorded.connect(self._on_points_recorded)
        p.task_changed.connect(self.set_task)
        p.n_classes_changed.connect(self._set_n_classes)
        p.tool_changed.connect(self._set_eraser)
        p.generate_requested.connect(self._generate)
        p.clear_requested.connect(self._clear)
        p.undo_requested.connect(self.undo)
        p.redo_requested.connect(self.redo)
        p.split_changed.connect(self.points.set_test_fraction)
        p.show_test_changed.connect(self._set_show_test)
        p.discretize_changed.connect(self._set_discretize)
        self.points.changed.connect(self._on_points_changed)
        self.points.split_changed.connect(self._on_split_changed)
        self.builder.recipe_changed.connect(self._on_recipe_changed)
        tb = self.train_bar
        tb.play_clicked.connect(self.play_pause)
        tb.step_clicked.connect(self.step)
        tb.stop_clicked.connect(self.stop)
        tb.reset_clicked.connect(self.reset)
        tb.stop_conditions_changed.connect(self._on_stop_conditions)
        self.controller.snapshot.connect(self._on_snapshot)
        self.controller.failed.connect(self._on_failed)
        self.diagram.hovered.connect(self._on_hover)
        self.diagram.message.connect(self._on_line_hover)
        self.diagram_panel.view_changed.connect(self._set_diagram_view)
        self.plots.per_batch.toggled.connect(self._view_changed)
        self.plots.log_y.toggled.connect(self._view_changed)

    # -- the mode interface ------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.controller.running

    def play_pause(self) -> None:
        if self.controller.running:
            self.controller.pause()
            self._set_running_ui(False)
            return
        if not self._can_train():
            return
        self._ensure_session()
        self.controller.play()
        self._set_running_ui(True)
        self._say("")

    def step(self) -> None:
        if self.controller.running or not self._can_train():
            return
        self._ensure_session()
        self.controller.step()
        self._set_running_ui(True)

    def stop(self) -> None:
        """End the run; keep the weights (a fresh optimizer continues from them)."""
        final = self.controller.stop()
        self._take_final(final)
        self._set_running_ui(False)
        self._start_session(self._weights, self._counters, keep_history=True)
        self._say(f"Stopped at epoch {self._counters[0]:,}. The weights are kept; Train continues from them.")

    def _take_final(self, final: dict | None) -> None:
        """What a stopped session ended with: its weights, counters and the last of its loss history."""
        if final is not None:
            self._weights = final["state"]
            self._counters = (final["epoch"], final["step"])
            if len(final["history"].epoch) or len(final["history"].batch_step):
                self.plots.add(final["history"], final["metric_name"])

    def reset(self) -> None:
        before = self._capture_net()
        self._start_session(None, (0, 0), keep_history=False)
        if before.trained:
            self._push_net(before)
            self._say("New random weights. Ctrl+Z brings back the trained ones.")
        else:
            self._say("New random weights.")
        self.changed.emit()

    def undo(self) -> None:
        self._undo_redo(self.history.pop_undo, self.history.push_redo, self.points.undo, "Undone")

    def redo(self) -> None:
        self._undo_redo(self.history.pop_redo, self.history.push_undo, self.points.redo, "Redone")

    def _undo_redo(self, pop, push_back, points_step, done: str) -> None:
        """One step of the history: a point edit (PointsModel holds its data) or a network edit (the
        NetState is swapped with the network the user has now, so the step can be taken back)."""
        self.points.end_stroke()
        t = self.task
        entry = pop(t)
        if entry is None:
            self._say(f"Nothing to {done[:-2].lower()}.")
        elif entry == POINTS:
            points_step()
            push_back(t, POINTS)
            self._say(f"{done}.")
        elif self.controller.running:
            (self.history.push_undo if pop == self.history.pop_undo else self.history.push_redo)(t, entry)
            self._say("Pause training first: the network cannot change while it trains.")
        else:
            now = self._capture_net()
            if entry.with_points:            # a class-count change: its points step, then its network
                now = replace(now, with_points=True)
                self._session_key = None     # the points' change starts no fresh network of its own
                points_step()
            push_back(t, now)
            self._restore_net(entry)
            e = entry.counters[0]
            what = (f"the network trained for {e:,} epoch{'s' if e != 1 else ''} is back, with its weights and "
                    "loss curve" if entry.trained else "the network is back as it was")
            self._say(f"{done}: {what}.")
            self.changed.emit()
        self._update_history_buttons()

    def _capture_net(self, recipe: dict | None = None) -> NetState:
        """The network as the user has it now (the session ends: its exact weights are read)."""
        final = self.controller.stop()
        self._take_final(final)
        self._set_running_ui(False)
        weights = None if self._weights is None else {k: np.array(v) for k, v in self._weights.items()}
        return NetState(copy.deepcopy(recipe if recipe is not None else self.builder.recipe()), weights,
                        tuple(self._counters), self.plots.to_state(), self._adopted)

    def _restore_net(self, net: NetState) -> None:
        """Put a NetState back: its network in the builder (training settings such as the learning rate
        stay as they are now), its weights, counters and loss history."""
        recipe = self.builder.recipe()
        recipe.update({k: copy.deepcopy(net.recipe[k]) for k in MODEL_KEYS})
        self.builder.blockSignals(True)
        try:
            self.builder.set_recipe(recipe)
        finally:
            self.builder.blockSignals(False)
        self._recipes[self.task] = self.builder.recipe()
        self.plots.set_state(net.history)
        self._weights, self._adopted = net.weights, net.adopted
        if not self._start_session(net.weights, net.counters, keep_history=True):
            # the weights no longer fit (e.g. the class count changed since): a fresh network
            self._start_session(None, (0, 0), keep_history=False)

    def _push_net(self, before: NetState, *, coalesce: bool = False) -> None:
        """A network edit replaced `before`: put it on the undo history (point edits undone before it
        can no longer be redone). Quick edits of an untrained network (a spin box scrolled through
        several values) make one step."""
        t = self.task
        now = time.monotonic()
        top = self.history.top(t)
        if not (coalesce and isinstance(top, NetState) and not before.trained
                and now - self._last_net_edit < COALESCE_SECONDS):
            self.history.push(t, before)
            self.points.clear_redo(t)
        self._last_net_edit = now
        self._update_history_buttons()

    def _on_points_recorded(self) -> None:
        self.history.push(self.task, POINTS)
        self._last_net_edit = -1e9

    def _update_history_buttons(self) -> None:
        self.panel.set_history(self.history.can_undo(self.task), self.history.can_redo(self.task))

    def shutdown(self) -> None:
        self._data_timer.stop()
        final = self.controller.stop()
        self._take_final(final)
        self._set_running_ui(False)

    # -- tasks, classes, tools ---------------------------------------------------------------------
    @property
    def task(self) -> str:
        return self.points.task

    def set_task(self, task: str) -> None:
        if task not in TASKS or task == self.task:
            self.panel.set_task(self.task)
            return
        self._recipes[self.task] = self.builder.recipe()
        self._nets[self.task] = self._capture_net()   # stops training; the network waits for its task
        self._session_key = None
        self.points.set_task(task)      # each task keeps its own points; nothing is dropped
        self.panel.set_task(task)
        self._apply_task_to_widgets(task)
        self.builder.set_recipe(self._recipes[task])
        name, count, noise = self._presets[task]
        self.panel.set_preset(name, count, noise)
        if self.points.current().n == 0:
            self._generate(name, count, noise, record=False)
        self._refresh_points()
        saved, self._nets[task] = self._nets[task], None
        if saved is not None:
            self._restore_net(saved)    # the network this task had, exactly as it was left
        else:
            self._weights, self._counters = None, (0, 0)
            self._start_session(None, (0, 0), keep_history=False)
        if saved is not None and saved.trained:
            e = self._counters[0]
            self._say(f"Back to the network of this task, trained for {e:,} epoch{'s' if e != 1 else ''}.")
        else:
            self._say("")               # a message about the other task's training would be stale
        self.changed.emit()

    def _apply_task_to_widgets(self, task: str) -> None:
        one_d = task == "regression1d"
        self.canvas.set_one_d(one_d)
        self.builder.set_available_features(ONE_D_FEATURES if one_d else
                                            ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin x1", "sin x2"))
        self.builder.set_task("classification" if task == "classification" else "regression", self._n_outputs(task))

    def _n_outputs(self, task=None) -> int:
        task = task or self.task
        return self.points.current().n_classes if task == "classification" else 1

    def select_class(self, i: int) -> None:
        if self.task == "classification" and i < self.points.current().n_classes:
            self.panel.select_class(i)
            self._say(f"Drawing class {i + 1} ({CLASS_NAMES[i]}).")

    def _set_n_classes(self, k: int) -> None:
        """A new class count needs a new output layer: one undo step brings back the points and the
        network as they were."""
        if self.task != "classification" or int(k) == self.points.current().n_classes:
            return
        self.points.end_stroke()
        before = self._capture_net()
        dropped = self.points.set_n_classes(k)   # its `recorded` pushes a POINTS marker ...
        if self.points.current().n_classes != int(k) or self.history.top(self.task) != POINTS:
            return
        self.history.replace_top(self.task, replace(before, with_points=True))   # ... made one step with the net
        self._last_net_edit = -1e9
        self._update_history_buttons()
        if dropped:
            self._say(f"Removed {dropped} points of the dropped classes and started a new network — "
                      "Undo (Ctrl+Z) brings both back.")
        elif before.trained:
            self._say("New output layer: fresh random weights. Ctrl+Z brings back the trained network.")

    def _set_eraser(self, on: bool) -> None:
        self.canvas.eraser = on

    def _set_show_test(self, on: bool) -> None:
        self.canvas.show_test = on
        self._refresh_points()
        self._view_changed()

    def _set_discretize(self, on: bool) -> None:
        self._discretize = on
        self.controller.set_discretize(on)
        self._view_changed()

    def _view_changed(self, *args) -> None:
        self.changed.emit()

    # -- point edits -----------------------------------------------------------------------------
    def _add_point(self, x: float, y: float) -> None:
        if not self.points.add(x, y, self.panel.selected_class(), self.panel.value_spin.value()):
            self._say("The canvas is full (20,000 points): erase or clear some first.")

    def _erase_point(self, x: float, y: float) -> None:
        if not self.points.erase_near(x, y, ERASE_RADIUS * 2):
            self._say("No point near the click to remove.")

    def _stroke_point(self, x: float, y: float, erase: bool) -> None:
        if erase:
            self.points.erase_near(x, y, ERASE_RADIUS)
        else:
            self._add_point(x, y)

    def _clear(self) -> None:
        if self.points.clear():
            self._say("Cleared the points — Undo (Ctrl+Z) brings them back.")

    def _generate(self, name: str, count: int, noise: float, record: bool = True) -> None:
        try:
            ds = make_dataset(name, int(count), float(noise), n_classes=self.points.current().n_classes,
                              rng=self._rng)
        except EngineError as exc:
            self._say(str(exc))
            return
        self._presets[self.task] = (name, int(count), float(noise))
        self.panel.set_preset(name, count, noise)
        self.points.load(ds.X, ds.y, ds.n_classes if ds.task == "classification" else 2, record=record)

    # -- reacting to the points ------------------------------------------------------------------------
    def _vmax(self) -> float:
        ps = self.points.current()
        if self.task == "regression" and ps.n:
            return max(float(np.max(np.abs(ps.target))), 1e-6)
        return 1.0

    def _refresh_points(self) -> None:
        ps = self.points.current()
        test = self.points.is_test(ps)
        self.canvas.set_points(ps, test, self.task, self._vmax())
        self.panel.set_counts(int((~test).sum()), int(test.sum()))
        self._update_history_buttons()
        if self.task == "classification":
            self.panel.set_n_classes(ps.n_classes)
            self.builder.set_task("classification", ps.n_classes)

    def _on_points_changed(self) -> None:
        self._refresh_points()
        self.changed.emit()
        if self._session_key is not None and self._session_key != self._key():
            # the number of outputs changed: the old weights cannot fit
            self._start_session(None, (0, 0), keep_history=False)
        else:
            self._data_timer.start()

    def _on_split_changed(self) -> None:
        self.panel.set_split(self.points.test_fraction)
        self._refresh_points()
        self.changed.emit()
        self._data_timer.start()

    def _push_data(self) -> None:
        if self.controller.active:
            self.controller.set_data(*self.points.arrays(), self._vmax())

    def _can_train(self) -> bool:
        Xtr, ytr, _, _ = self.points.arrays()
        if len(Xtr) == 0:
            self._say("There are no training points: click on the plane to add some, pick a preset, "
                      "or lower the test share.")
            return False
        if self.task == "classification" and len(np.unique(ytr)) < 2:
            self._say("The training points have only one class: add points of another class "
                      "(keys 1–8 pick the class) — there is nothing to tell apart yet.")
            return False
        if self.task != "classification" and len(Xtr) < 2:
            self._say("Regression needs at least two training points.")
            return False
        return True

    # -- the recipe --------------------------------------------------------------------------------------
    def _on_recipe_changed(self) -> None:
        new = self.builder.recipe()
        old = self._recipes.get(self.task)
        self._recipes[self.task] = new
        self.changed.emit()
        if old is not None and all(old[k] == new[k] for k in MODEL_KEYS):
            self.controller.update_recipe(new)
            return
        before = self._capture_net(old)
        self._start_session(None, (0, 0), keep_history=False)
        self._push_net(before, coalesce=True)
        if before.trained:
            self._say("New network: fresh random weights. Ctrl+Z brings back the trained one.")
        else:
            self._say("The network changed: it starts from new random weights.")

    def _on_stop_conditions(self, max_epochs: int, target: float) -> None:
        self.controller.set_stop(max_epochs, target)
        self.changed.emit()

    # -- sessions ------------------------------------------------------------------------------------------
    def _key(self):
        return (self.task, self._n_outputs())

    def _ensure_session(self) -> None:
        if not self.controller.active:
            self._start_session(self._weights, self._counters, keep_history=True)

    def _start_session(self, weights, counters, *, keep_history: bool) -> bool:
        self._data_timer.stop()
        recipe = self._recipes[self.task] = self.builder.recipe()
        max_epochs, target = self.train_bar.stop_conditions()
        one_d = self.task == "regression1d"
        try:
            job = TrainingJob(recipe, self.task, self._n_outputs() if self.task == "classification" else 0,
                              self.points.arrays(), bounds=self.canvas.bounds, one_d=one_d, weights=weights,
                              counters=counters, seed=self._rng.integers(1 << 31), max_epochs=max_epochs,
                              target_loss=target, discretize=self._discretize,
                              interval=SNAPSHOT_INTERVAL if self.isVisible() else HIDDEN_INTERVAL,
                              vmax=self._vmax())
        except (ValueError, EngineError) as exc:
            self.controller.stop()
            self._say(f"Cannot build this network: {exc}")
            return False
        if not keep_history:
            self.plots.clear()
            self._weights = None
            self._adopted = False
        self._counters = tuple(counters)
        self._session_key = self._key()
        self._last_snap = None
        self.canvas.clear_model()
        hidden = [f"{h['units']} {ACTIVATION_LABELS[h['activation']]}" for h in recipe["hidden"]]
        outs = ([f"{i + 1}" for i in range(self._n_outputs())] if self.task == "classification" else ["ŷ"])
        self.diagram.set_structure(recipe["features"], hidden, outs)
        self.train_bar.set_counters(*self._counters)
        self.controller.start(job)
        if self._focus is not None:
            self.controller.set_focus(self._focus)
        if self.diagram.view == "gradients":
            self.controller.set_grad_view(True)
        self._set_running_ui(False)
        return True

    def _set_running_ui(self, running: bool) -> None:
        self._running_ui = running
        self.train_bar.set_running(running)
        self.builder.set_training(running)

    # -- snapshots -------------------------------------------------------------------------------------------
    def _on_snapshot(self, snap) -> None:
        self._last_snap = snap
        if snap.state is not None:
            self._weights = snap.state
        self._counters = (snap.epoch, snap.step)
        self.plots.add(snap.history, snap.metric_name)
        if snap.one_d:
            self.canvas.set_curve(*snap.curve)
        else:
            self.canvas.set_map(snap.image, snap.bounds)
        if self._focus is not None and snap.focus == self._focus:
            self.canvas.set_focus(snap.focus_image, snap.bounds)
        self.diagram.set_snapshot(snap)
        self.train_bar.set_counters(snap.epoch, snap.step)
        if snap.running != self._running_ui and (snap.event or not snap.running or self.controller.running):
            self._set_running_ui(snap.running and self.controller.running)
        if snap.event:
            self._say(snap.message, error=snap.event in ("diverged", "error", "loss_jump"))
            if snap.event in ("stepped", "max_epochs", "target_loss", "diverged", "error"):
                self.changed.emit()

    def _on_failed(self, message: str) -> None:
        self._set_running_ui(False)
        self._say(message, error=True)

    def _on_hover(self, column: int, neuron: int) -> None:
        self._focus = None if column < 0 else (column, neuron)
        self.controller.set_focus(self._focus)
        if self._focus is None:
            self.canvas.set_focus(None, self.canvas.bounds)
        elif self._last_snap is not None:
            self._say(self._describe_neuron(column, neuron))

    def _describe_neuron(self, column: int, neuron: int) -> str:
        snap = self._last_snap
        last = len(snap.sizes) - 1
        if column == 0:
            return f"Input {neuron + 1}: the feature as the network sees it over the plane."
        if column == last:
            what = f"probability of class {neuron + 1}" if self.task == "classification" else "predicted value"
            text = f"Output {neuron + 1}: the {what} over the plane."
        else:
            text = (f"Hidden layer {column}, neuron {neuron + 1}: its activation α(z) over the plane — "
                    "orange positive, blue negative.")
        if self.diagram.view == "gradients" and snap.deltas is not None and column - 1 < len(snap.deltas):
            d = snap.deltas[column - 1]
            if neuron < len(d):
                text += (f" Error signal δ = ∂L/∂z = {float(d[neuron]):+.3g} (mean over {snap.grad_source}); "
                         "backpropagation passes it on to the layer before through the weights.")
        return text

    def _on_line_hover(self, text: str) -> None:
        if text:
            self.status.emit(text)

    def _set_diagram_view(self, view: str) -> None:
        on = view == "gradients"
        self.controller.set_grad_view(on)
        if on:
            self._say("Gradient view: line width = |∂L/∂w|, colour = the direction of the update −η∂L/∂w; "
                      "the bar under each neuron is its error signal δ. Hover a line for its numbers.")
        self.changed.emit()

    def _say(self, text: str, error: bool = False) -> None:
        if text:
            self.status.emit(text)
        color = "#D55E00" if error else "palette(window-text)"
        self.message.setText(f"<span style='color:{color}'>{text}</span>" if text else "")

    # -- show / hide --------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.controller.active:
            self._ensure_session()
        self.controller.set_interval(SNAPSHOT_INTERVAL)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.controller.set_interval(HIDDEN_INTERVAL)   # fewer snapshots nobody sees

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- the File menu (gui/file_actions.py) -------------------------------------------------------------------
    def import_points_csv(self, path) -> None:
        """Load a points CSV into the task it fits (switching task if needed) as one undoable step;
        raises EngineError/ValueError with a clear message, changing nothing, on a bad file."""
        ds = load_points_csv(path)
        task, X, y, k = model_io.task_for_dataset(ds, BOUNDS_2D, BOUNDS_1D)
        if task != self.task:
            self.set_task(task)
        self.points.end_stroke()
        self.points.load(X, y, k if task == "classification" else 2)
        what = {"classification": f"{k} classes", "regression": "values over the plane",
                "regression1d": "a curve"}[task]
        self._say(f"Imported {len(X):,} points ({what}) from {ds.name} — Undo (Ctrl+Z) brings the old ones back.")

    def export_points_csv(self, path) -> None:
        """Write the current task's points as CSV (atomically)."""
        save_points_csv(path, model_io.dataset_from_points(self.points.current(), self.task))

    def plot_widgets(self) -> dict:
        return {"Decision map": self.canvas, "Loss curve": self.plots.loss_plot,
                "Accuracy curve": self.plots.metric_plot, "Network diagram": self.diagram}

    def current_pipeline(self) -> Pipeline | None:
        """The trained network with its features and the playground's fixed input scaling (a copy: the
        weights of the latest snapshot, taken between two minibatches), or None before any training."""
        weights = self._weights
        if weights is None or (self._counters[1] <= 0 and not self._adopted):
            return None
        task = self.task
        k = self._n_outputs() if task == "classification" else 0
        recipe = self._recipes[task] = self.builder.recipe()
        meta = {"source": "MLP Studio 2D playground", "task": task, "epoch": int(self._counters[0]),
                "step": int(self._counters[1]), "bounds": list(self.canvas.bounds),
                "recipe": copy.deepcopy(recipe)}
        try:
            return model_io.make_pipeline(recipe, task, k, weights, self.canvas.bounds, meta)
        except ValueError:
            return None     # the weights belong to a network the builder no longer shows

    def load_pipeline(self, pipeline: Pipeline) -> None:
        """Adopt a loaded model that fits the playground: its network goes into the builder and its
        weights into training. Raises ValueError with a clear message, changing nothing, otherwise."""
        task, recipe, weights, k = model_io.adopt_pipeline(pipeline, self._recipes, BOUNDS_2D, BOUNDS_1D)
        if task != self.task:
            self.set_task(task)             # the task left keeps its network; this task's comes back
        self.points.end_stroke()
        before = self._capture_net()        # Ctrl+Z brings it back
        dropped = 0
        new_k = task == "classification" and self.points.current().n_classes != k
        if new_k:
            self.points.blockSignals(True)
            try:
                dropped = self.points.set_n_classes(k)
            finally:
                self.points.blockSignals(False)
            # one undo step: the points (with their class count) and the network as they were
            self.history.push(task, replace(before, with_points=True))
            self._last_net_edit = -1e9
            self._refresh_points()
        self._recipes[task] = recipe
        self.builder.blockSignals(True)
        try:
            self.builder.set_recipe(recipe)
            self._apply_task_to_widgets(task)
        finally:
            self.builder.blockSignals(False)
        self._recipes[task] = self.builder.recipe()
        meta = pipeline.meta if isinstance(pipeline.meta, dict) else {}
        try:
            counters = (int(meta.get("epoch", 0)), int(meta.get("step", 0)))
        except (TypeError, ValueError):
            counters = (0, 0)
        self._start_session(weights, counters, keep_history=False)
        self._weights, self._adopted = weights, True
        if not new_k and before.trained:
            self._push_net(before)
        note = f" Removed {dropped} points of classes the model does not have (Undo brings them back)." if dropped else ""
        self._say("Loaded the model: its network is in the builder and Train continues from its weights." + note)
        self.changed.emit()

    # -- state -----------------------------------------------------------------------------------------------
    def get_state(self) -> dict:
        self._recipes[self.task] = self.builder.recipe()
        max_epochs, target = self.train_bar.stop_conditions()
        model = None
        if self._weights is not None:
            model = {"weights": {k: np.array(v) for k, v in self._weights.items()},
                     "epoch": int(self._counters[0]), "step": int(self._counters[1]), "adopted": self._adopted}
        return {
            "version": STATE_VERSION,
            "points": self.points.to_state(),
            "recipes": copy.deepcopy(self._recipes),
            "presets": {t: {"name": n, "count": c, "noise": z} for t, (n, c, z) in self._presets.items()},
            "selected_class": self.panel.selected_class(),
            "new_value": self.panel.value_spin.value(),
            "view": {"show_test": self.canvas.show_test, "discretize": self._discretize,
                     "per_batch": self.plots.per_batch.isChecked(), "log_loss": self.plots.log_y.isChecked(),
                     "eraser": self.canvas.eraser, "gradients": self.diagram.view == "gradients"},
            "stop": {"max_epochs": int(max_epochs), "target_loss": float(target)},
            "model": model,
            "history": self.plots.to_state(),
            # the networks of the tasks not shown (the shown one is "model" and "history")
            "nets": {t: {"weights": {k: np.array(v) for k, v in n.weights.items()}, "epoch": int(n.counters[0]),
                         "step": int(n.counters[1]), "adopted": bool(n.adopted), "history": copy.deepcopy(n.history)}
                     for t, n in self._nets.items() if n is not None and n.weights is not None},
        }

    def set_state(self, state: dict) -> None:
        """Restore a saved state exactly; raise ValueError (changing nothing) if it is bad."""
        parsed = self._parse_state(state)
        self.controller.stop()
        self._set_running_ui(False)
        self._recipes = parsed["recipes"]
        self._presets = parsed["presets"]
        self._nets = parsed["nets"]
        self.history.clear()                 # the undo history is not part of a project
        self.points.apply_state(parsed["points"])
        task = self.points.task
        self.panel.set_task(task)
        self._apply_task_to_widgets(task)
        self.builder.set_recipe(self._recipes[task])
        name, count, noise = self._presets[task]
        self.panel.set_preset(name, count, noise)
        self.panel.set_split(self.points.test_fraction)
        view = parsed["view"]
        for w, v in ((self.panel.show_test_check, view["show_test"]), (self.panel.discretize_check, view["discretize"]),
                     (self.plots.per_batch, view["per_batch"]), (self.plots.log_y, view["log_loss"]),
                     (self.panel.erase_tool, view["eraser"]), (self.panel.add_tool, not view["eraser"])):
            w.blockSignals(True)
            w.setChecked(v)
            w.blockSignals(False)
        self.canvas.show_test = view["show_test"]
        self.canvas.eraser = view["eraser"]
        self.diagram_panel.blockSignals(True)
        self.diagram_panel.set_view("gradients" if view["gradients"] else "weights")
        self.diagram_panel.blockSignals(False)
        self._discretize = view["discretize"]
        self.plots.loss_plot.setLogMode(y=view["log_loss"])
        self.panel.value_spin.setValue(parsed["new_value"])
        self.train_bar.blockSignals(True)
        self.train_bar.set_stop_conditions(*parsed["stop"])
        self.train_bar.blockSignals(False)
        self._refresh_points()
        self.panel.select_class(parsed["selected_class"])
        self.plots.set_state(parsed["history"])
        model = parsed["model"]
        self._weights = model["weights"] if model else None
        self._counters = (model["epoch"], model["step"]) if model else (0, 0)
        self._adopted = bool(model and model["adopted"])
        self._start_session(self._weights, self._counters, keep_history=True)
        self._say("")

    def _parse_state(self, state) -> dict:
        if not isinstance(state, dict):
            raise ValueError("playground state must be a dict")
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"playground state version {state.get('version')!r} is not supported")
        points = PointsModel.check_state(state.get("points"))
        recipes = state.get("recipes")
        if not isinstance(recipes, dict) or set(recipes) != set(TASKS):
            raise ValueError(f"playground state: 'recipes' must have one recipe for each of {list(TASKS)}")
        recipes = {t: validate_recipe(r) for t, r in recipes.items()}
        for t, r in recipes.items():
            if (r["loss"] == "cross_entropy") != (t == "classification") or r["loss"] == "bce":
                raise ValueError(f"playground state: the {t} recipe has the wrong loss {r['loss']!r}")
            if r["features"] is None or (t == "regression1d" and any(f not in ONE_D_FEATURES for f in r["features"])):
                raise ValueError(f"playground state: the {t} recipe has unusable features {r['features']!r}")
        presets = {}
        for t in TASKS:
            p = (state.get("presets") or {}).get(t) or {}
            presets[t] = (str(p.get("name", self._presets[t][0])), int(p.get("count", self._presets[t][1])),
                          float(p.get("noise", self._presets[t][2])))
        view = {"show_test": True, "discretize": False, "per_batch": False, "log_loss": True, "eraser": False,
                "gradients": False}
        view.update({k: bool(v) for k, v in (state.get("view") or {}).items() if k in view})
        stop = state.get("stop") or {}
        try:
            stop = (int(stop.get("max_epochs", 0)), float(stop.get("target_loss", 0.0)))
            new_value = float(state.get("new_value", 1.0))
            selected = int(state.get("selected_class", 0))
        except (TypeError, ValueError) as exc:
            raise ValueError(f"playground state: {exc}") from None
        task = points["task"]
        model = state.get("model")
        if model is not None:
            model = _parse_model(model, task, recipes, points, "model entry")
        hist = _parse_history(state.get("history"), "history")
        nets_in = state.get("nets") or {}
        if not isinstance(nets_in, dict) or any(t not in TASKS for t in nets_in):
            raise ValueError(f"playground state: 'nets' must map tasks of {list(TASKS)} to networks")
        nets = {t: None for t in TASKS}
        for t, n in nets_in.items():
            if t == task or n is None:
                continue                     # the shown task's network is "model"
            if not isinstance(n, dict):
                raise ValueError(f"playground state: the network of {t} must be a dict")
            m = _parse_model(n, t, recipes, points, f"network of {t}")
            nets[t] = NetState(copy.deepcopy(recipes[t]), m["weights"], (m["epoch"], m["step"]),
                               _parse_history(n.get("history"), f"history of {t}"), m["adopted"])
        return {"points": points, "recipes": recipes, "presets": presets, "view": view, "stop": stop,
                "new_value": new_value, "selected_class": selected, "model": model, "history": hist, "nets": nets}


def _parse_model(model, task: str, recipes: dict, points: dict, what: str) -> dict:
    """A saved network of `task`: weights that fit its recipe and class count, and its counters."""
    try:
        weights = {str(k): np.array(v) for k, v in model["weights"].items()}
        epoch, step = int(model.get("epoch", 0)), int(model.get("step", 0))
    except (KeyError, AttributeError, TypeError, ValueError) as exc:
        raise ValueError(f"playground state: bad {what} ({exc})") from None
    r = recipes[task]
    n_out = points["sets"][task].n_classes if task == "classification" else 1
    probe = build_model_from_recipe(r, len(r["features"]), n_out, np.random.default_rng(0))
    try:
        probe.load_state_dict(weights)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"playground state: the {what} does not fit its network ({exc})") from None
    return {"weights": weights, "epoch": epoch, "step": step, "adopted": bool(model.get("adopted", False))}


def _parse_history(history, what: str) -> dict:
    """A saved loss history: columns of equal length."""
    history = history or {}
    if not isinstance(history, dict):
        raise ValueError(f"playground state: '{what}' must be a dict")
    hist = {}
    for k in FIELDS:
        try:
            hist[k] = np.asarray(history.get(k, []), dtype=np.float64).reshape(-1)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"playground state: {what} {k}: {exc}") from None
    n_ep = len(hist["epoch"])
    if any(len(hist[k]) != n_ep for k in FIELDS[:5]) or len(hist["batch_step"]) != len(hist["batch_loss"]):
        raise ValueError(f"playground state: the {what} columns have different lengths")
    hist["metric_name"] = str(history.get("metric_name", "accuracy"))
    return hist
