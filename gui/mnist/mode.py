"""MnistLabMode: the lesson's lab — train the project's own framework on MNIST, evaluate it, draw digits.

Side panel: data, the network builder, training controls. Tabs: sample images, learning curves,
evaluation, drawing. This widget only lays them out, shows its MnistSession (`self.session`, the
lab's whole state and its runs) and forwards what the user asks for to it. Its layout is built by
lab_layout.LabLayout, its questions and warnings asked by lab_dialogs.LabDialogs.
"""
from __future__ import annotations

import re
from functools import partial

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from engine import ModelFileError, Pipeline
from engine.resources import shipped_model_path
from gui.i18n import QT_TR_NOOP, fill, integer, on_language_change, tr
from gui.messages import Message
from gui.mnist.draw_canvas import CANVAS
from gui.mnist.lab_dialogs import LabDialogs
from gui.mnist.lab_layout import LabLayout
from gui.mnist.session import MnistSession
from gui.mnist.state import IMAGES, SHIPPED, STATE_VERSION, MnistState  # noqa: F401  (STATE_VERSION: for importers)
from gui.runs.mnist_runs import parse_runs

SHIPPED_MODEL = shipped_model_path()  # engine/resources.py: package data in a wheel, resources/ in a clone
TAB_SAMPLES, TAB_TRAINING, TAB_EVALUATION, TAB_DRAW = range(4)


# the names of the plots File → Export plot as PNG offers (keys stay English; shown with tr)
PLOT_NAMES = (QT_TR_NOOP("Loss curve"), QT_TR_NOOP("Accuracy curve"), QT_TR_NOOP("Confusion matrix"),
              QT_TR_NOOP("First-layer weights"))

# what the lab calls the network in use (the session's English `source`), in the current language
_SOURCES = ((re.compile(r"the model shipped with MLP Studio"), QT_TR_NOOP("the model shipped with MLP Studio")),
            (re.compile(r"the network trained here \(epoch (\d+)\)"),
             QT_TR_NOOP("the network trained here (epoch %1)")),
            (re.compile(r"the network trained here \(stopped in epoch (\d+)\)"),
             QT_TR_NOOP("the network trained here (stopped in epoch %1)")),
            (re.compile(r"the network trained here \(epoch (\d+), last good weights\)"),
             QT_TR_NOOP("the network trained here (epoch %1, last good weights)")),
            (re.compile(r"the model from (.+)"), QT_TR_NOOP("the model from %1")),
            (re.compile(r"the project's network"), QT_TR_NOOP("the project's network")))


def source_text(source: str) -> str:
    """The session's English name of the network in use (e.g. 'the model from m.npz') in the current language."""
    for pattern, template in _SOURCES:
        m = pattern.fullmatch(source)
        if m:
            return fill(tr(template), *m.groups())
    return tr(source) if source else ""


class MnistLabMode(LabLayout, LabDialogs, QWidget):
    status = Signal(object)   # a gui.messages.Message
    changed = Signal()
    # for tests, benchmarks and the main window
    data_loaded = Signal()
    training_finished = Signal(str)   # "done", "stopped" or "failed"
    evaluation_ready = Signal()
    epoch_done = Signal(int)

    @property
    def title(self) -> str:
        return tr("MNIST lab")

    def __init__(self, parent=None, *, load_shipped_model: bool = True, auto_load_data: bool = True):
        super().__init__(parent)
        shipped, problem = None, ""
        if load_shipped_model and SHIPPED_MODEL.is_file():
            try:
                shipped = Pipeline.load(SHIPPED_MODEL)
            except ModelFileError as exc:
                problem = fill(tr("The shipped model could not be read: %1"), str(exc))
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
        on_language_change(self, self._retranslate, now=False)

    def _retranslate(self) -> None:
        """What the lab shows from its session, again in the current language (the widgets retranslate their
        own fixed texts)."""
        s = self.session
        if s.data is not None:
            self._show_data_info()
        self._show_summary()
        self.draw.model_label.setText(s.model_text)
        self.evaluation.set_title(self._evaluation_title())
        if s.last_progress() is None or not s.training:
            self.train_panel.show_message(*s.progress_line)
        else:
            self._show_progress(s.last_progress())

    # -- construction ----------------------------------------------------------------------------

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
        return dict(zip(PLOT_NAMES, (self.plots.loss_plot, self.plots.acc_plot, self.evaluation.confusion,
                                     self.evaluation.weights), strict=True))

    def save_model(self, path) -> bool:
        """Save the current network as an .npz model file; False (with a message) if impossible."""
        return self.session.save_model(path)

    def load_model(self, path) -> bool:
        """Load a model file for drawing and evaluation; on a bad file show why and change nothing."""
        return self.session.load_model(path)

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
        self._show_data_info()
        self.samples.set_data(d)
        self.builder.set_input_count(h * w)
        self.builder.set_task(IMAGES.kind, d.n_classes)

    def _show_data_info(self) -> None:
        d = self.session.data
        h, w = d.image_shape
        n_test = len(d.test_labels)
        self.data_panel.set_info(fill(tr("<b>%1</b>: %2 training and %3 of %4×%5 pixels, %6."), d.name,
                                      integer(len(d.train_labels)), tr("%Ln test image(s)", "", n_test),
                                      str(h), str(w), tr("%Ln class(es)", "", d.n_classes)))

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
        self.evaluation.set_evaluation(ev, s.data if ev is not None else None, title=self._evaluation_title())
        if ev is not None:
            self.evaluation_ready.emit()

    def _evaluation_title(self) -> str:
        name = source_text(self.session.source)
        return name[:1].upper() + name[1:]

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

    def _show_message(self, text, severity: str = "info") -> None:
        """The session's message line, as a Message for the status bar: the session's own (it follows a language
        switch) when it keeps one, else the text as it is."""
        kept = getattr(self.session, "last_message", None)
        if isinstance(text, Message):
            message = text
        elif isinstance(kept, Message) and kept.text == text:
            message = kept
        else:
            message = Message.error(text) if severity == "error" else Message.info(text)
        self.status.emit(message)

    # -- events ----------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        s = self.session
        if self._auto_load and not s.loaded and not s.loading:
            s.load_data(None)
