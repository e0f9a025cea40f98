"""MnistLabMode: the lesson's lab — train the project's own framework on MNIST, evaluate it, draw digits.

Side panel: data, the network builder, training controls. Tabs: sample images, learning curves,
evaluation, drawing. Loading, training and evaluating run on gui.worker.Worker threads; their
snapshots are handled here (methods of this GUI-thread QObject only).
"""
from __future__ import annotations

import math
from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QGroupBox, QHBoxLayout, QMessageBox, QScrollArea, QTabWidget,
                               QVBoxLayout, QWidget)

from engine import ModelFileError, Pipeline
from engine.presets import MNIST_PRESET, MNIST_PRESETS, mnist_preset
from engine.recipe import validate_recipe
from engine.resources import shipped_model_path
from gui.mnist.data_panel import DataPanel
from gui.mnist.draw_panel import DrawPanel
from gui.mnist.evaluation_view import EvaluationView
from gui.mnist.jobs import (DataReady, EpochDone, EvaluationReady, LoadProgress, TrainingSession, TrainProgress,
                            evaluation_job, load_job, session_key)
from gui.mnist.sample_browser import SampleBrowser
from gui.mnist.training_panel import CUSTOM, TrainingPanel
from gui.mnist.text import count
from gui.mnist.training_plots import TrainingPlots
from gui.widgets.network_builder import NetworkBuilder
from gui.worker import Worker

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_MODEL = shipped_model_path()  # engine/resources.py: package data in a wheel, resources/ in a clone
MODEL_FILTER = "MLP Studio model (*.npz);;All files (*)"
STATE_VERSION = 1
TAB_SAMPLES, TAB_TRAINING, TAB_EVALUATION, TAB_DRAW = range(4)


class MnistLabMode(QWidget):
    title = "MNIST lab"
    status = Signal(str)
    changed = Signal()
    # for tests, benchmarks and the main window
    data_loaded = Signal()
    training_finished = Signal(str)   # "done", "stopped" or "failed"
    evaluation_ready = Signal()
    epoch_done = Signal(int)

    def __init__(self, parent=None, *, load_shipped_model: bool = True, auto_load_data: bool = True):
        super().__init__(parent)
        self._data = None
        self._data_folder: str | None = None
        self._session: TrainingSession | None = None
        self._target_epoch = 0
        self._pipeline: Pipeline | None = None
        self._model_source = ""
        self._evaluation = None
        self._load_worker: Worker | None = None
        self._train_worker: Worker | None = None
        self._eval_worker: Worker | None = None
        self._start_after_load = False
        self._restoring_folder = None
        self._auto_load = auto_load_data
        self._model_dir = ""
        self.last_message_box: QMessageBox | None = None
        self._shipped: Pipeline | None = None   # read-only: drawing uses it until a network is trained
        self._build()
        self._actions = self._make_actions()
        if load_shipped_model and SHIPPED_MODEL.is_file():
            try:
                self._shipped = Pipeline.load(SHIPPED_MODEL)
            except ModelFileError as exc:
                self.status.emit(f"The shipped model could not be read: {exc}")
        if self._use_shipped_model():
            self.tabs.setCurrentIndex(TAB_DRAW)
        self._update_controls()

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        lay = QHBoxLayout(self)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(4, 4, 4, 4)
        self.data_panel = DataPanel()
        self.data_panel.load_requested.connect(self.load_data)
        self.data_panel.subset_changed.connect(self._on_subset)
        sl.addWidget(self.data_panel)
        box = QGroupBox("Network")
        bl = QVBoxLayout(box)
        self.builder = NetworkBuilder(box, task="classification", n_inputs=784, n_outputs=10)
        self.builder.set_features_visible(False)
        self.builder.set_input_count(784)
        bl.addWidget(self.builder)
        bl.addStretch(1)
        # as tall as the presets' largest network needs: choosing a preset does not move the panels below
        deepest = max(MNIST_PRESETS.values(), key=lambda p: len(p["recipe"]["hidden"]))
        self.builder.set_recipe(deepest["recipe"])
        box.setMinimumHeight(box.sizeHint().height())
        self.builder.set_recipe(MNIST_PRESET["recipe"])
        self.builder.recipe_changed.connect(self._on_recipe_changed)
        sl.addWidget(box)
        self.train_panel = TrainingPanel()
        self.train_panel.set_preset("standard")
        self.train_panel.set_epochs(MNIST_PRESET["epochs"])
        self.train_panel.preset_chosen.connect(self.apply_preset)
        self.train_panel.train_clicked.connect(self.play_pause)
        self.train_panel.pause_clicked.connect(self.pause)
        self.train_panel.stop_clicked.connect(self.stop_training)
        self.train_panel.reset_clicked.connect(self.reset)
        self.train_panel.epochs_changed.connect(self._on_epochs)
        sl.addWidget(self.train_panel)
        sl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(side)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(side.sizeHint().width() + 24)
        scroll.setMaximumWidth(max(380, side.sizeHint().width() + 24))
        lay.addWidget(scroll)
        self.tabs = QTabWidget()
        self.samples = SampleBrowser()
        self.plots = TrainingPlots()
        self.evaluation = EvaluationView()
        self.draw = DrawPanel()
        self.draw.message.connect(self._message)
        for w, name, tip in (
                (self.samples, "Samples", "The training images, by class."),
                (self.plots, "Training", "Loss and accuracy curves, live while training."),
                (self.evaluation, "Evaluation", "Test accuracy, per-class accuracy, confusion matrix, mistakes "
                                                "and first-layer weights."),
                (self.draw, "Draw", "Draw a digit and watch the network read it.")):
            self.tabs.addTab(w, name)
            self.tabs.setTabToolTip(self.tabs.count() - 1, tip)
        lay.addWidget(self.tabs, 1)

    def _make_actions(self) -> list[QAction]:
        save = QAction("Save model…", self)
        save.setShortcut(QKeySequence("Ctrl+Alt+S"))
        save.setToolTip("Save the MNIST lab's trained network as an .npz model file.")
        save.triggered.connect(self.save_model_dialog)
        load = QAction("Open model…", self)
        load.setShortcut(QKeySequence("Ctrl+Alt+O"))
        load.setToolTip("Load a network saved by MLP Studio (an .npz model file) into the MNIST lab.")
        load.triggered.connect(self.load_model_dialog)
        return [save, load]

    def model_actions(self) -> list[QAction]:
        """'Save model…' (Ctrl+Alt+S) and 'Open model…' (Ctrl+Alt+O), for the main window's File menu."""
        return list(self._actions)

    # -- the mode interface ----------------------------------------------------------------------
    def busy(self) -> bool:
        return self._train_worker is not None

    def shutdown(self) -> None:
        for w in (self._train_worker, self._eval_worker, self._load_worker):
            if w is not None:
                w.stop()
        self._train_worker = self._eval_worker = self._load_worker = None

    def play_pause(self) -> None:
        w = self._train_worker
        if w is None:
            self.start_training()
        elif w.paused:
            w.resume()
            self._update_controls()
        else:
            self.pause()

    def pause(self) -> None:
        if self._train_worker is not None and not self._train_worker.paused:
            self._train_worker.pause()
            self.status.emit("Training paused.")
            self._update_controls()

    def step(self) -> None:
        """Train one more epoch (from idle or paused); while running, pause after the current epoch."""
        w = self._train_worker
        if w is None:
            self.start_training(one_epoch=True)
        else:
            w.resume(until=_is_epoch_done)
            self._update_controls()

    def reset(self) -> None:
        """Forget the trained weights and the curves."""
        self._discard_training()
        self._session = None
        self._target_epoch = 0
        self.plots.clear()
        self._use_shipped_model()
        self.train_panel.show_message("Not trained yet", 0.0)
        self.train_panel.summary.setText("")
        self.status.emit("Weights forgotten: the next run starts from new random weights.")
        self._update_controls()
        self.changed.emit()

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass

    # -- data ------------------------------------------------------------------------------------
    def load_data(self, folder=None) -> None:
        """Load the bundled MNIST (folder None) or an IDX folder, on a worker."""
        if self.busy():
            self.status.emit("Stop training before loading other data.")
            return
        if self._load_worker is not None:
            self._load_worker.stop()
        w = Worker(load_job(None if folder is None else str(folder)), self)
        w.snapshot.connect(self._on_load_snapshot)
        w.done.connect(self._on_load_finished)
        w.failed.connect(self._on_load_failed)
        self._load_worker = w
        self.data_panel.set_loading(0.0)
        self.status.emit("Loading " + ("MNIST" if folder is None else str(folder)) + "…")
        self._update_controls()
        w.start()

    def data(self):
        return self._data

    def _on_load_snapshot(self, run_id: int, snap) -> None:
        if self._load_worker is None or run_id != self._load_worker.run_id:
            return
        if isinstance(snap, LoadProgress):
            self.data_panel.set_loading(snap.fraction)
        elif isinstance(snap, DataReady):
            self._set_data(snap.data, snap.folder)

    def _on_load_finished(self, run_id: int, reason: str) -> None:
        if self._load_worker is not None and run_id == self._load_worker.run_id:
            self._load_worker = None
            self.data_panel.set_loading(None)
            self._update_controls()
            if self._start_after_load and self._data is not None:
                self._start_after_load = False
                self.start_training()

    def _on_load_failed(self, run_id: int, message: str) -> None:
        if self._load_worker is None or run_id != self._load_worker.run_id:
            return
        self._load_worker = None
        self._start_after_load = False
        self.data_panel.set_loading(None)
        self._update_controls()
        self._message("Cannot load the data", message)

    def set_data(self, data, folder: str | None = None) -> None:
        """Use an already loaded engine.idx.ImageDataset (tests, scripts); `folder` None = bundled MNIST."""
        if self.busy():
            raise RuntimeError("set_data: stop training first")
        self._set_data(data, folder)

    def _set_data(self, data, folder) -> None:
        had, prev_folder = self._data is not None, self._data_folder
        self._data, self._data_folder = data, folder
        self._session = None
        h, w = data.image_shape
        counts = (f"{len(data.train_labels):,} training and {count(len(data.test_labels), 'test image')} of "
                  f"{h}×{w} pixels")
        self.data_panel.set_info(f"<b>{data.name}</b>: {counts}, {count(data.n_classes, 'class', 'classes')}.")
        self.samples.set_data(data)
        self.builder.set_input_count(h * w)
        self.builder.set_task("classification", data.n_classes)
        self.status.emit(f"Loaded {data.name}: {counts}.")
        self._evaluate_current()
        self.data_loaded.emit()
        restored, self._restoring_folder = self._restoring_folder, None
        if folder != restored and ((had and prev_folder != folder) or (not had and folder is not None)):
            self.changed.emit()

    def _on_subset(self, n: int) -> None:
        self.changed.emit()

    # -- presets and the recipe ------------------------------------------------------------------
    def apply_preset(self, name: str) -> None:
        if name == CUSTOM or name not in MNIST_PRESETS:
            return
        p = mnist_preset(name)
        self.builder.set_recipe(p["recipe"])
        self.train_panel.set_epochs(p["epochs"])
        self.train_panel.set_preset(name)
        self.status.emit(p["description"])
        self.changed.emit()

    def _matching_preset(self) -> str:
        r = self.builder.recipe()
        for name, p in MNIST_PRESETS.items():
            if validate_recipe(p["recipe"]) == r and p["epochs"] == self.train_panel.epochs.value():
                return name
        return CUSTOM

    def _on_recipe_changed(self) -> None:
        self.train_panel.set_preset(self._matching_preset())
        w, s = self._train_worker, self._session
        if w is not None and s is not None:
            r = self.builder.recipe()
            w.call(partial(s.set_live, r["lr"], r["l1"], r["l2"]))
        self.changed.emit()

    def _on_epochs(self, n: int) -> None:
        self.train_panel.set_preset(self._matching_preset())
        self.changed.emit()

    # -- training --------------------------------------------------------------------------------
    def start_training(self, *, one_epoch: bool = False) -> None:
        if self._train_worker is not None:
            return
        if self._data is None:
            self._start_after_load = True
            if self._load_worker is None:
                self.load_data(None)
            self.status.emit("Loading the data first; training starts when it is there.")
            return
        recipe = self.builder.recipe()
        n = self.data_panel.subset_size()
        target = self.train_panel.epochs.value()
        s = self._session
        same = s is not None and s.key == session_key(self._data, recipe, n)
        if same and (one_epoch or s.epoch < target):
            s.set_live(recipe["lr"], recipe["l1"], recipe["l2"])
            self.status.emit(f"Training continues from epoch {s.epoch}.")
        else:
            if s is not None and not same:
                self.status.emit("Settings changed: training starts from new random weights.")
            s = self._session = TrainingSession(self._data, recipe, n)
            self.plots.clear()
        epochs = 1 if one_epoch else target - s.epoch
        self._target_epoch = s.epoch + epochs
        self.plots.set_epoch_span(self._target_epoch)
        self.plots.set_layers(_layer_names(recipe, self._data))
        w = Worker(s.run(epochs), self)
        w.snapshot.connect(self._on_train_snapshot)
        w.done.connect(self._on_train_finished)
        w.failed.connect(self._on_train_failed)
        w.paused_changed.connect(self._on_paused_changed)
        self._train_worker = w
        if self._eval_worker is not None:
            self._eval_worker.stop()
            self._eval_worker = None
        self.train_panel.show_message("Preparing the data…", 0.0)
        if self.tabs.currentIndex() != TAB_DRAW:  # on the Draw tab, watch the drawing's reading improve
            self.tabs.setCurrentIndex(TAB_TRAINING)
        self._update_controls()
        w.start()
        self.changed.emit()

    def stop_training(self) -> None:
        """End the run now (mid-epoch is fine); the network keeps what it has learnt so far."""
        w = self._train_worker
        if w is None:
            return
        w.stop()
        self.status.emit("Training stopped.")

    def _discard_training(self) -> None:
        w = self._train_worker
        if w is not None:
            self._train_worker = None
            w.stop()
        if self._eval_worker is not None:
            self._eval_worker.stop()
            self._eval_worker = None

    def _on_paused_changed(self, run_id: int, paused: bool) -> None:
        if self._train_worker is not None and run_id == self._train_worker.run_id:
            self._update_controls()
            if paused:
                self.status.emit(f"Paused after epoch {self._session.epoch}." if self._session else "Paused.")

    def _on_train_snapshot(self, run_id: int, snap) -> None:
        if self._train_worker is None or run_id != self._train_worker.run_id:
            return
        if isinstance(snap, TrainProgress):
            self.plots.add_batches(snap.loss_x, snap.loss_y)
            self.plots.add_live(snap.live_x, snap.live_acc)
            self.plots.add_weights(snap.weights)
            self.train_panel.show_progress(snap.epoch, self._target_epoch, snap.batch, snap.n_batches, snap.done,
                                           snap.total, snap.seconds_left)
        elif isinstance(snap, EpochDone):
            self.plots.add_weights(snap.weights)
            self.plots.add_epoch(snap.epoch, snap.train_loss, snap.test_loss, snap.train_acc, snap.test_acc)
            self._set_pipeline(snap.pipeline, f"the network trained here (epoch {snap.epoch})", evaluate=False)
            self._show_evaluation(snap.evaluation)
            self.train_panel.summary.setText(
                f"Epoch {snap.epoch}: test accuracy <b>{100 * snap.test_acc:.2f}%</b> "
                f"(training {100 * snap.train_acc:.2f}%), {snap.seconds:.1f} s")
            self.status.emit(f"Epoch {snap.epoch}: test accuracy {100 * snap.test_acc:.2f}%, "
                             f"test loss {snap.test_loss:.4f}.")
            self.epoch_done.emit(snap.epoch)

    def _on_train_finished(self, run_id: int, reason: str) -> None:
        if self._train_worker is None or run_id != self._train_worker.run_id:
            return
        self._train_worker = None
        s = self._session
        if reason == "stopped" and s is not None and s.model is not None:
            # the worker has ended: the session's model is ours to copy now
            self._set_pipeline(s.pipeline(), f"the network trained here (stopped in epoch {s.epoch})")
            self.train_panel.show_message(f"Stopped in epoch {s.epoch}")
        elif reason == "done" and s is not None:
            self.train_panel.show_message(f"Done: {count(s.epoch, 'epoch')}", 1.0)
            self.status.emit(f"Training finished after {count(s.epoch, 'epoch')}.")
        self._update_controls()
        self.training_finished.emit(reason)

    def _on_train_failed(self, run_id: int, message: str) -> None:
        if self._train_worker is None or run_id != self._train_worker.run_id:
            return
        self._train_worker = None
        s = self._session
        if s is not None and s.model is not None:  # DivergenceError: the last good weights were restored
            self._set_pipeline(s.pipeline(), f"the network trained here (epoch {s.epoch}, last good weights)")
        self.train_panel.show_message("Training stopped: see the message")
        self._update_controls()
        self._message("Training stopped", message)
        self.training_finished.emit("failed")

    def _update_controls(self) -> None:
        w = self._train_worker
        if w is not None:
            state = "paused" if w.paused else "running"
        else:
            state = "idle"
        self.train_panel.set_state(state)
        self.builder.set_training(w is not None)
        self.data_panel.set_locked(w is not None or self._load_worker is not None)
        if self._load_worker is not None:
            self.data_panel.set_loading(self.data_panel.progress.value() / 1000)
        if getattr(self, "_actions", None):
            self._actions[1].setEnabled(w is None)

    # -- the current network ---------------------------------------------------------------------
    def pipeline(self) -> Pipeline | None:
        return self._pipeline

    def current_pipeline(self) -> Pipeline | None:
        """The network the File menu exports (model file, NumPy script)."""
        return self._pipeline

    def plot_widgets(self) -> dict:
        """Plots the File menu can export as PNG."""
        return {"Loss curve": self.plots.loss_plot, "Accuracy curve": self.plots.acc_plot,
                "Confusion matrix": self.evaluation.confusion, "First-layer weights": self.evaluation.weights}

    def _set_pipeline(self, pipeline, source: str, *, evaluate: bool = True, caption: str = "") -> None:
        self._pipeline = pipeline
        self._model_source = source
        if pipeline is None:
            self.draw.set_pipeline(None, "No network yet: train one, or load a model (Ctrl+Alt+O).")
            self._show_evaluation(None)
            return
        acc = _test_accuracy(pipeline)
        extra = f", test accuracy {100 * acc:.2f}%" if acc is not None else ""
        arch = "-".join(str(x) for x in _sizes(pipeline))
        self.draw.set_pipeline(pipeline, caption or f"Reading with {source}: {arch}{extra}.")
        if evaluate:
            self._evaluate_current()

    def _use_shipped_model(self) -> bool:
        """Draw (and evaluate) with the model shipped with MLP Studio until a network is trained here, as on a
        fresh start; if there is none, or it does not fit the loaded data, no network. True if it is used."""
        p = self._shipped
        if p is None or self._misfit(p, "The shipped model", self._data) is not None:
            self._set_pipeline(None, "")
            return False
        acc = _test_accuracy(p)
        share = f" ({100 * acc:.1f}%)" if acc is not None else ""
        arch = "-".join(str(x) for x in _sizes(p))
        self._set_pipeline(p, "the model shipped with MLP Studio",
                           caption=f"Reading with the shipped model{share} until you train one: {arch}.")
        return True

    @staticmethod
    def _misfit(p: Pipeline, name: str, data, *, check_size: bool = True) -> str | None:
        """Why network `p` (called `name` in the text) cannot work on `data` (an ImageDataset; None = the
        bundled MNIST), or None if it fits: a classifier of raw pixels, one input per pixel, one output per
        class. check_size False: only what does not depend on the data (its size is not known yet)."""
        if p.task != "classification":
            return f"{name} is a regression network (it predicts numbers); the MNIST lab needs a classifier."
        sizes = _sizes(p)
        if len(sizes) < 2:
            return f"{name} has no weight layer."
        (h, w), n_classes = (28, 28) if data is None else data.image_shape, 10 if data is None else data.n_classes
        where = "the MNIST lab" if data is None or data.name == "MNIST" else f"{data.name} in the MNIST lab"
        if check_size and sizes[0] != h * w:
            return (f"{name} takes {count(sizes[0], 'input')}; {where} needs {h * w:,} "
                    f"({h}×{w} pixels).")
        if p.features is not None:
            return (f"{name} was made in the playground: it computes input features "
                    f"({', '.join(p.features)}) from two coordinates. The MNIST lab feeds it raw pixels.")
        if check_size and (sizes[-1] != n_classes or p.n_classes != n_classes):
            data_name = "MNIST" if data is None else data.name
            return (f"{name} has {count(sizes[-1], 'output')} ({count(p.n_classes, 'class', 'classes')}); "
                    f"{data_name} has {count(n_classes, 'class', 'classes')}, and the network needs one "
                    f"output per class.")
        return None

    def _evaluate_current(self) -> None:
        p, d = self._pipeline, self._data
        if self._eval_worker is not None:
            self._eval_worker.stop()
            self._eval_worker = None
        if p is None or d is None or self.busy():
            if p is None:
                self._show_evaluation(None)
            return
        why = self._misfit(p, f"This network ({'-'.join(map(str, _sizes(p)))})", d)
        if why is not None:
            self._show_evaluation(None)
            self.status.emit(f"No evaluation on {d.name}: {why}")
            return
        private = Pipeline.from_bytes(p.to_bytes())  # the drawing panel keeps using `p` on this thread
        w = Worker(evaluation_job(private, d), self)
        w.snapshot.connect(self._on_eval_snapshot)
        w.done.connect(self._on_eval_finished)
        w.failed.connect(self._on_eval_failed)
        self._eval_worker = w
        w.start()

    def _on_eval_snapshot(self, run_id: int, snap) -> None:
        if self._eval_worker is None or run_id != self._eval_worker.run_id:
            return
        if isinstance(snap, EvaluationReady):
            self._show_evaluation(snap.evaluation)

    def _on_eval_finished(self, run_id: int, reason: str) -> None:
        if self._eval_worker is not None and run_id == self._eval_worker.run_id:
            self._eval_worker = None

    def _on_eval_failed(self, run_id: int, message: str) -> None:
        if self._eval_worker is not None and run_id == self._eval_worker.run_id:
            self._eval_worker = None
            self.status.emit(f"Evaluation failed: {message}")

    def _show_evaluation(self, evaluation) -> None:
        self._evaluation = evaluation
        title = self._model_source[:1].upper() + self._model_source[1:] if self._model_source else ""
        self.evaluation.set_evaluation(evaluation, self._data if evaluation is not None else None, title=title)
        if evaluation is not None:
            self.evaluation_ready.emit()

    def current_evaluation(self):
        return self._evaluation

    # -- model files -----------------------------------------------------------------------------
    def save_model(self, path) -> bool:
        """Save the current network as an .npz model file; False (with a message) if impossible."""
        p = self._pipeline
        if p is None:
            self._message("Nothing to save", "There is no trained network yet: train one first.")
            return False
        meta = dict(p.meta)
        if self._evaluation is not None:
            meta["test_accuracy"] = float(self._evaluation.accuracy)
        if self._data is not None:
            meta.setdefault("data", self._data.name)
        out = Pipeline(p.model, p.task, p.n_classes, p.features, p.mean, p.std, p.class_names, meta)
        try:
            out.save(path)
        except (OSError, ValueError, TypeError) as exc:
            self._message("Cannot save the model", f"{path}\n\n{exc}")
            return False
        self.status.emit(f"Model saved to {Path(path).name}.")
        return True

    def load_model(self, path) -> bool:
        """Load a model file for drawing and evaluation; on a bad file show why and change nothing."""
        if self.busy():
            self._message("Cannot load a model now", "Stop training before loading a model.")
            return False
        try:
            p = Pipeline.load(path)
        except ModelFileError as exc:
            self._message("Cannot open the model", str(exc))
            return False
        why = self._misfit(p, Path(path).name, self._data)
        if why is not None:
            self._message("Cannot use this model", why)
            return False
        recipe = p.meta.get("recipe")
        try:
            if isinstance(recipe, dict):
                recipe = validate_recipe(recipe)
                if recipe["features"] is None and recipe["loss"] == "cross_entropy":
                    self.builder.set_recipe(recipe)
                    self.train_panel.set_preset(self._matching_preset())
        except ValueError:
            pass
        self._discard_training()
        self._session = None
        self._set_pipeline(p, f"the model from {Path(path).name}")
        self.status.emit(f"Loaded {Path(path).name}: {'-'.join(map(str, _sizes(p)))}.")
        self.changed.emit()
        return True

    def save_model_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save the MNIST network", self._model_dir or "mnist_model.npz",
                                              MODEL_FILTER)
        if path:
            if not path.lower().endswith(".npz"):
                path += ".npz"
            self._model_dir = path
            self.save_model(path)

    def load_model_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a network for the MNIST lab", self._model_dir, MODEL_FILTER)
        if path:
            self._model_dir = path
            self.load_model(path)

    def _message(self, title: str, text: str) -> None:
        """A warning that does not block (the event loop, workers and tests keep running)."""
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModal)
        self.last_message_box = box
        box.destroyed.connect(self._forget_box)
        box.open()
        self.status.emit(f"{title}: {text.splitlines()[0] if text else ''}")

    def _forget_box(self, *_args) -> None:
        self.last_message_box = None

    # -- project state ---------------------------------------------------------------------------
    def get_state(self) -> dict:
        p = self._pipeline
        if self._train_worker is None and self._session is not None and self._session.model is not None \
                and p is None:
            p = self._session.pipeline()
        return {
            "version": STATE_VERSION,
            "recipe": self.builder.recipe(),
            "epochs": int(self.train_panel.epochs.value()),
            "subset": int(self.data_panel.subset_size()),
            "data_folder": self._data_folder,
            "model": None if p is None else np.frombuffer(p.to_bytes(), np.uint8).copy(),
            "model_source": self._model_source,
            "history": self.plots.history(),
        }

    def set_state(self, state: dict) -> None:
        """Restore get_state()'s dict; ValueError (and nothing changed) on a bad one."""
        if not isinstance(state, dict):
            raise ValueError(f"MNIST lab state must be a dict, got {type(state).__name__}")
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"MNIST lab state version {state.get('version')!r} is not supported")
        try:
            recipe = validate_recipe(state["recipe"])
            epochs = int(state["epochs"])
            subset = int(state["subset"])
        except (KeyError, TypeError) as exc:
            raise ValueError(f"MNIST lab state: missing or bad setting ({exc})") from None
        if recipe["features"] is not None or recipe["loss"] != "cross_entropy":
            raise ValueError("MNIST lab state: the recipe must use raw pixels and cross-entropy")
        if not 1 <= epochs <= self.train_panel.epochs.maximum() or subset < 1:
            raise ValueError(f"MNIST lab state: bad epochs ({epochs}) or subset ({subset})")
        folder = state.get("data_folder")
        if folder is not None and not isinstance(folder, str):
            raise ValueError("MNIST lab state: data_folder must be a path or None")
        model = state.get("model")
        pipeline = None
        if model is not None:
            try:
                raw = np.asarray(model, np.uint8).tobytes()
                pipeline = Pipeline.from_bytes(raw, "the project's MNIST model")
            except (ModelFileError, ValueError, TypeError) as exc:
                raise ValueError(f"MNIST lab state: {exc}") from None
            # the project's data: the bundled MNIST (None), the data loaded now, or a folder not read yet
            known = folder is None or (folder == self._data_folder and self._data is not None)
            why = self._misfit(pipeline, "the project's network", self._data if folder is not None else None,
                               check_size=known)
            if why is not None:
                raise ValueError(f"MNIST lab state: {why}")
        try:
            hist = TrainingPlots.validate_history(state.get("history") or {})
        except ValueError as exc:
            raise ValueError(f"MNIST lab state: {exc}") from None
        # valid: apply
        self._discard_training()
        self._session = None
        self._start_after_load = False
        self.builder.set_recipe(recipe)
        self.train_panel.set_epochs(epochs)
        self.train_panel.set_preset(self._matching_preset())
        self.data_panel.set_subset_size(subset)
        self.plots.set_history(hist)
        self._model_source = ""
        if pipeline is not None:
            self._set_pipeline(pipeline, str(state.get("model_source") or "the project's network"))
        else:
            self._use_shipped_model()
        self.train_panel.show_message("Restored from the project" if pipeline is not None else "Not trained yet",
                                      1.0 if pipeline is not None else 0.0)
        if folder != self._data_folder or (self._data is None and self._load_worker is None and folder is not None):
            if folder is not None and not Path(folder).is_dir():
                self.status.emit(f"The project's data folder {folder} is missing; keeping the current data.")
            elif self.isVisible() or self._data is not None or folder is not None:
                self._restoring_folder = folder
                self.load_data(folder)
        self._update_controls()

    # -- events ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._auto_load and self._data is None and self._load_worker is None:
            self.load_data(None)


def _is_epoch_done(snap) -> bool:
    return isinstance(snap, EpochDone)


def _layer_names(recipe: dict, data) -> tuple:
    """The names jobs.layer_names gives the linear layers of the network this recipe builds."""
    sizes = [int(np.prod(data.image_shape))] + [int(h["units"]) for h in recipe["hidden"]] + [data.n_classes]
    sub = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    return tuple(f"W{str(i + 1).translate(sub)} {a}→{b}" for i, (a, b) in enumerate(zip(sizes, sizes[1:])))


def _test_accuracy(pipeline: Pipeline) -> float | None:
    acc = pipeline.meta.get("test_accuracy")
    return float(acc) if isinstance(acc, (int, float)) and math.isfinite(acc) else None


def _sizes(pipeline: Pipeline) -> list[int]:
    from engine import Linear
    lin = [m for m in pipeline.model.layers if isinstance(m, Linear)]
    return [lin[0].in_features] + [m.out_features for m in lin] if lin else []
