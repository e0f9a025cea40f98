"""MnistLabMode: the lesson's lab — train the project's own framework on MNIST, evaluate it, draw digits.

Side panel: data, the network builder, training controls. Tabs: sample images, learning curves,
evaluation, drawing. This widget only lays them out, shows its MnistSession (`self.session`, the
lab's whole state and its runs) and forwards what the user asks for to it.
"""
from __future__ import annotations

from functools import partial

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine import ModelFileError, Pipeline
from engine.presets import MNIST_PRESETS
from engine.resources import shipped_model_path
from gui.mnist.data_panel import DataPanel
from gui.mnist.draw_canvas import CANVAS
from gui.mnist.draw_panel import DrawPanel
from gui.mnist.evaluation_view import EvaluationView
from gui.mnist.sample_browser import SampleBrowser
from gui.mnist.session import MnistSession
from gui.mnist.state import IMAGES, SHIPPED, STATE_VERSION, MnistState  # noqa: F401  (STATE_VERSION: for importers)
from gui.mnist.text import count
from gui.mnist.training_panel import TrainingPanel
from gui.mnist.training_plots import TrainingPlots
from gui.runs.lab_sweep import LAB_EPOCHS
from gui.runs.mnist_runs import parse_runs
from gui.runs.runs_tab import RunsTab
from gui.widgets.network_builder import NetworkBuilder

SHIPPED_MODEL = shipped_model_path()  # engine/resources.py: package data in a wheel, resources/ in a clone
MODEL_FILTER = "MLP Studio model (*.npz);;All files (*)"
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
        shipped, problem = None, ""
        if load_shipped_model and SHIPPED_MODEL.is_file():
            try:
                shipped = Pipeline.load(SHIPPED_MODEL)
            except ModelFileError as exc:
                problem = f"The shipped model could not be read: {exc}"
        self.session = MnistSession(self, shipped=shipped)
        self._auto_load = auto_load_data
        self._model_dir = ""
        self._shown_run = "idle"
        self.last_message_box: QMessageBox | None = None
        self._build()
        self._actions = self._make_actions()
        self._connect()
        self._show_settings()
        self.plots.show_history(self.session.history)
        self._show_model()
        self._show_run()
        if self.session.origin == SHIPPED:
            self.tabs.setCurrentIndex(TAB_DRAW)
        if problem:
            self.session.say(problem, "error")

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        lay = QHBoxLayout(self)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(4, 4, 4, 4)
        self.data_panel = DataPanel()
        sl.addWidget(self.data_panel)
        box = QGroupBox("Network")
        bl = QVBoxLayout(box)
        self.builder = NetworkBuilder(box, task=IMAGES.kind, n_inputs=IMAGES.n_inputs, n_outputs=10)
        self.builder.set_features_visible(False)
        self.builder.set_input_count(IMAGES.n_inputs)
        bl.addWidget(self.builder)
        bl.addStretch(1)
        # as tall as the presets' largest network needs: choosing a preset does not move the panels below
        deepest = max(MNIST_PRESETS.values(), key=lambda p: len(p["recipe"]["hidden"]))
        self.builder.set_recipe(deepest["recipe"])
        box.setMinimumHeight(box.sizeHint().height())
        sl.addWidget(box)
        self.train_panel = TrainingPanel()
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
        for w, name, tip in (
                (self.samples, "Samples", "The training images, by class."),
                (self.plots, "Training", "Loss and accuracy curves, live while training."),
                (self.evaluation, "Evaluation", "Test accuracy, per-class accuracy, confusion matrix, mistakes "
                                                "and first-layer weights."),
                (self.draw, "Draw", "Draw a digit and watch the network read it.")):
            self.tabs.addTab(w, name)
            self.tabs.setTabToolTip(self.tabs.count() - 1, tip)
        self.runs_tab = RunsTab(self.session.run_records, epochs=LAB_EPOCHS)              # runs hook
        self.tabs.addTab(self.runs_tab, "Runs")                                            # runs hook
        lay.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        s = self.session
        # what the user asks for
        self.data_panel.load_requested.connect(self.load_data)
        self.data_panel.subset_changed.connect(s.set_subset)
        self.builder.recipe_changed.connect(self._on_recipe_edited)
        self.train_panel.preset_chosen.connect(self.apply_preset)
        self.train_panel.train_clicked.connect(self.play_pause)
        self.train_panel.pause_clicked.connect(self.pause)
        self.train_panel.stop_clicked.connect(self.stop_training)
        self.train_panel.reset_clicked.connect(self.reset)
        self.train_panel.epochs_changed.connect(self._on_epochs_edited)
        self.train_panel.augment_toggled.connect(s.set_augment)
        self.train_panel.augment_preview_clicked.connect(self.show_augmented_samples)
        self.draw.message.connect(s.warn)
        self.evaluation.image_chosen.connect(self.show_test_image)
        self.evaluation.open_in_draw.connect(self.open_in_draw)
        # what the session shows
        s.data_changed.connect(self._show_data)
        s.data_loaded.connect(self.data_loaded)
        s.loading_changed.connect(self._show_loading)
        s.settings_changed.connect(self._show_settings)
        s.model_changed.connect(self._show_model)
        s.evaluation_changed.connect(self._show_evaluation)
        s.history_replaced.connect(self._show_history)
        s.history_grew.connect(self.plots.refresh)
        s.progress.connect(self._show_progress)
        s.run_changed.connect(self._show_run)
        s.epoch_finished.connect(self._on_epoch)
        s.run_finished.connect(self._on_run_finished)
        s.message_changed.connect(self._show_message)
        s.warning.connect(self._message_box)
        s.project_changed.connect(self.changed)

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
        return self.session.training

    def shutdown(self) -> None:
        self.session.shutdown()

    def play_pause(self) -> None:
        if self._confirm_discard(self.session.play_pause):
            self.session.play_pause()

    def pause(self) -> None:
        self.session.pause()

    def step(self) -> None:
        """Train one more epoch (from idle or paused); while running, pause after the current epoch."""
        if self._confirm_discard(self.session.step, one_epoch=True):
            self.session.step()

    def start_training(self, *, one_epoch: bool = False) -> None:
        go = partial(self.session.start_training, one_epoch=one_epoch)
        if self._confirm_discard(go, one_epoch=one_epoch):
            go()

    def _confirm_discard(self, then, *, one_epoch: bool = False) -> bool:
        """True: go ahead now. False: a run now would throw away the network trained here, so ask first
        (a non-blocking question, `last_message_box`; its "Train a new network" button calls `then`)."""
        if not self.session.would_discard_model(one_epoch=one_epoch):
            return True
        if self.last_message_box is not None and self.last_message_box.property("discard"):
            return False            # already asking
        box = QMessageBox(QMessageBox.Question, "Train a new network?",
                          "Training now starts from new random weights and replaces the network trained here "
                          "(its curves and evaluation too). Save it first with File → Save model… "
                          "(Ctrl+Alt+S) to keep it.", QMessageBox.Cancel, self)
        box.setProperty("discard", True)
        new = box.addButton("Train a new network", QMessageBox.AcceptRole)
        box.setDefaultButton(QMessageBox.Cancel)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModal)
        new.clicked.connect(then)
        self.last_message_box = box
        box.destroyed.connect(self._forget_box)
        box.open()
        return False

    def show_augmented_samples(self):
        """A dialog with training images and random augmented variants of each; None without data."""
        if self.session.data is None:
            self.session.say("Load the data first: the samples are training images.", "error")
            return None
        from gui.mnist.augment_preview import AugmentPreview
        dialog = AugmentPreview(self.session.data, self.session.recipe.get("augment"), self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def stop_training(self) -> None:
        self.session.stop_training()

    def reset(self) -> None:
        """Forget the trained weights and the curves."""
        self.session.reset()

    def undo(self) -> None:
        pass

    def redo(self) -> None:
        pass

    def get_state(self) -> dict:
        return self.session.get_state() | {"runs": self.session.run_records.to_dict()}   # runs hook

    def set_state(self, state: dict) -> None:
        """Restore get_state()'s dict as one unit; ValueError (and nothing changed) on a bad one."""
        runs = parse_runs(state)                                                       # runs hook
        self.session.set_state(state, want_data=self.isVisible())
        self.session.run_records.load(runs)                                            # runs hook

    def validate_state(self, state: dict) -> None:
        """ValueError, as set_state would raise it, changing nothing."""
        MnistState.from_dict(state, data=self.session.data, data_folder=self.session.data_folder)
        parse_runs(state)                                                              # runs hook

    def can_undo(self) -> bool:
        return False        # the lab has no edit history (Edit → Undo is disabled here)

    def can_redo(self) -> bool:
        return False

    def progress(self) -> tuple[int, int]:
        """(epochs finished, steps): when it moves on, the project has unsaved work."""
        return len(self.session.history.epochs), self.session.steps

    # -- data and settings -----------------------------------------------------------------------
    def load_data(self, folder=None) -> None:
        """Load the bundled MNIST (folder None) or an IDX folder, on a worker."""
        self.session.load_data(folder)

    def set_data(self, data, folder: str | None = None) -> None:
        """Use an already loaded engine.idx.ImageDataset (tests, scripts); `folder` None = bundled MNIST."""
        self.session.set_data(data, folder)

    def data(self):
        return self.session.data

    def apply_preset(self, name: str) -> None:
        self.session.apply_preset(name)

    def _on_recipe_edited(self) -> None:
        r = self.builder.recipe()
        r["augment"] = self.session.recipe.get("augment")   # the builder has no augmentation setting: keep it
        self.session.set_recipe(r)
        self.train_panel.set_preset(self.session.preset)

    def _on_epochs_edited(self, n: int) -> None:
        self.session.set_epochs(n)
        self.train_panel.set_preset(self.session.preset)

    # -- the current network ---------------------------------------------------------------------
    def pipeline(self) -> Pipeline | None:
        return self.session.pipeline

    def current_pipeline(self) -> Pipeline | None:
        """The network the File menu exports (model file, NumPy script)."""
        return self.session.pipeline

    def current_evaluation(self):
        return self.session.evaluation

    def plot_widgets(self) -> dict:
        """Plots the File menu can export as PNG."""
        return {"Loss curve": self.plots.loss_plot, "Accuracy curve": self.plots.acc_plot,
                "Confusion matrix": self.evaluation.confusion, "First-layer weights": self.evaluation.weights}

    def save_model(self, path) -> bool:
        """Save the current network as an .npz model file; False (with a message) if impossible."""
        return self.session.save_model(path)

    def load_model(self, path) -> bool:
        """Load a model file for drawing and evaluation; on a bad file show why and change nothing."""
        return self.session.load_model(path)

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

    def show_test_image(self, k: int) -> None:
        """Show test image k's probabilities under the network in use (Evaluation → Chosen image)."""
        p, d = self.session.pipeline, self.session.data
        if p is None or d is None or not 0 <= k < len(d.test_images):
            return
        probs = p.predict_proba(d.test_images[k].reshape(1, -1).astype(np.float64))[0]
        self.evaluation.show_chosen(k, probs)

    def open_in_draw(self, k: int) -> None:
        """Put test image k on the Draw tab's canvas (enlarged to fill it) and show that tab."""
        d = self.session.data
        if d is None or not 0 <= k < len(d.test_images):
            return
        self.draw.put_digit(d.test_images[k], CANVAS, (0, 0))
        self.tabs.setCurrentIndex(TAB_DRAW)

    # -- showing the session ---------------------------------------------------------------------
    def _show_data(self) -> None:
        d = self.session.data
        h, w = d.image_shape
        self.data_panel.set_info(f"<b>{d.name}</b>: {len(d.train_labels):,} training and "
                                 f"{count(len(d.test_labels), 'test image')} of {h}×{w} pixels, "
                                 f"{count(d.n_classes, 'class', 'classes')}.")
        self.samples.set_data(d)
        self.builder.set_input_count(h * w)
        self.builder.set_task(IMAGES.kind, d.n_classes)

    def _show_loading(self) -> None:
        self.data_panel.set_loading(self.session.load_progress if self.session.loading else None)
        self._lock_inputs()

    def _show_settings(self) -> None:
        s = self.session
        if {**self.builder.recipe(), "augment": s.recipe["augment"]} != s.recipe:
            self.builder.set_recipe(s.recipe)
        self.train_panel.set_epochs(s.epochs)
        self.train_panel.set_augment(s.augmenting)
        self.train_panel.set_preset(s.preset)
        self.data_panel.set_subset_size(s.subset)

    def _show_model(self) -> None:
        self.draw.set_pipeline(self.session.pipeline, self.session.model_text)
        self._show_summary()
        self._show_run_line()

    def _show_evaluation(self) -> None:
        s = self.session
        ev = s.evaluation
        title = s.source[:1].upper() + s.source[1:]
        self.evaluation.set_evaluation(ev, s.data if ev is not None else None, title=title)
        if ev is not None:
            self.evaluation_ready.emit()

    def _show_history(self) -> None:
        self.plots.show_history(self.session.history)
        self._show_summary()

    def _show_summary(self) -> None:
        self.train_panel.summary.setText(self.session.summary)

    def _show_progress(self, snap) -> None:
        self.train_panel.show_progress(snap.epoch, self.session.target_epoch, snap.batch, snap.n_batches, snap.done,
                                       snap.total, snap.seconds_left)

    def _show_run_line(self) -> None:
        if self.session.last_progress() is None or not self.session.training:
            self.train_panel.show_message(*self.session.progress_line)

    def _show_run(self) -> None:
        state = self.session.run_state
        if state == "running" and self._shown_run in ("idle", "queued"):
            # the x axis spans the whole run from its start: the curves grow to the right, the axes stay
            self.plots.set_epoch_span(self.session.target_epoch)
            if self.tabs.currentIndex() != TAB_DRAW:   # on the Draw tab, watch the drawing's reading improve
                self.tabs.setCurrentIndex(TAB_TRAINING)
        self._shown_run = state
        self.train_panel.set_state("idle" if state == "queued" else state)
        self.builder.set_training(self.session.training)
        self._lock_inputs()
        self._actions[1].setEnabled(not self.session.training)
        self._show_run_line()

    def _lock_inputs(self) -> None:
        self.data_panel.set_locked(self.session.training or self.session.loading)
        if self.session.loading:
            self.data_panel.set_loading(self.session.load_progress)

    def _on_epoch(self, epoch: int) -> None:
        self._show_summary()
        self.epoch_done.emit(epoch)

    def _on_run_finished(self, reason: str) -> None:
        self._show_summary()
        self._show_run_line()
        self.training_finished.emit(reason)

    def _show_message(self, text: str, severity: str) -> None:
        self.status.emit(text)

    def _message_box(self, title: str, text: str) -> None:
        """A warning that does not block (the event loop, workers and tests keep running)."""
        box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, self)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModal)
        self.last_message_box = box
        box.destroyed.connect(self._forget_box)
        box.open()

    def _forget_box(self, *_args) -> None:
        self.last_message_box = None

    # -- events ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        s = self.session
        if self._auto_load and not s.loaded and not s.loading:
            s.load_data(None)
