"""MnistSession: the MNIST lab's whole state and the life cycle of its runs — no widgets.

It holds the data set and its loading state, the recipe, epochs and training subset, the network in
use and where it came from (shipped / trained here / restored from the project / loaded from a
file), its learning curves (a TrainingHistory), its evaluation, the current training run, and the
message line (text and severity). Loading, training and evaluating run on workers through a
gui.training_controller.RunController, which drops the results of runs that are no longer current.

Invariant: every number the lab shows belongs to the network in use. Replacing the network (New,
Open, Reset, a model file, a new run) replaces its curves, evaluation and summary with it.
The MnistLabMode only shows this object and forwards the user's intent to it.
"""
from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from engine import Pipeline
from engine.presets import MNIST_PRESET, MNIST_PRESETS, mnist_preset
from engine.recipe import validate_recipe
from gui.i18n import QT_TR_NOOP
from gui.messages import Message, Severity
from gui.mnist.data_source import MnistData
from gui.mnist.evaluator import Evaluator
from gui.mnist.history import TrainingHistory
from gui.mnist.jobs import TrainingSession, TrainProgress
from gui.mnist.session_model import ModelInUse
from gui.mnist.session_runs import RunLifecycle
from gui.mnist.state import (
    CUSTOM,
    IMAGES,
    MAX_EPOCHS,
    NONE,
    SHIPPED,
    MnistState,
    counted,
    engine_text,
    model_caption,
    preset_of,
    run_line,
    source_text,
    summary_text,
)
from gui.runs.mnist_runs import MnistRuns
from gui.training_controller import RunController

DEFAULT_SUBSET = 60000
INFO, ERROR = "info", "error"


class MnistSession(RunLifecycle, ModelInUse, QObject):
    """The lab's state (this file), its run life cycle (session_runs.RunLifecycle) and its network in
    use with model files (session_model.ModelInUse)."""

    data_changed = Signal()          # another data set (or the first)
    data_loaded = Signal()
    loading_changed = Signal()       # loading, load_progress, load_error
    settings_changed = Signal()      # recipe, epochs or subset set from here (state, preset, model file)
    model_changed = Signal()         # pipeline / origin (and the evaluation with it)
    evaluation_changed = Signal()
    history_replaced = Signal()      # a new TrainingHistory object
    history_grew = Signal(object, float)   # parts ({"batch", "live", "epochs", "weights"}), live accuracy
    progress = Signal(object)        # a jobs.TrainProgress of the current run
    run_changed = Signal()           # idle / queued / running / paused
    epoch_finished = Signal(int)
    run_finished = Signal(str)       # "done", "stopped" or "failed"
    message_changed = Signal(str, str)   # text (in the current language), severity ("info" | "error")
    warning = Signal(str, str)       # title, text (in the current language): worth a dialog
    project_changed = Signal()       # what a project saves has changed

    def __init__(self, parent=None, *, shipped: Pipeline | None = None):
        super().__init__(parent)
        self.runs = RunController(self)
        self.runs.snapshot.connect(self._on_snapshot)
        self.runs.ended.connect(self._on_ended)
        self.runs.paused_changed.connect(self._on_paused)
        self.shipped = shipped           # read-only: used until a network is trained here
        self.images = MnistData(self)    # the data set and its loading
        self.images.changed.connect(self.loading_changed)
        self.images.ready.connect(self._on_data)
        self.images.failed.connect(self._on_load_failed)
        self.images.finished.connect(self._on_load_finished)
        self._queued = ""                # "train" or "step", asked for while the data loads
        self._recipe = validate_recipe(MNIST_PRESET["recipe"])
        self._epochs = int(MNIST_PRESET["epochs"])
        self._subset = DEFAULT_SUBSET
        self._pipeline: Pipeline | None = None
        self._origin, self._source = NONE, ""
        self._epoch = 0
        self._history = TrainingHistory()
        self.evals = Evaluator(self)      # the evaluation of the network in use
        self.evals.changed.connect(self.evaluation_changed)
        self._trainer: TrainingSession | None = None   # touched only while no worker runs it
        self._target = 0
        self._seconds: float | None = None
        self._outcome = ""                # how the last run ended: "done" | "stopped" | "failed" | ""
        self._last_progress: TrainProgress | None = None
        self._message = Message.info("")   # English source + values: translated when read
        self._use_shipped()
        self.run_records = MnistRuns(self)   # runs hook: every training run recorded (gui/runs)

    # -- reading the state ----------------------------------------------------------------------
    data = property(lambda self: self.images.data)
    data_folder = property(lambda self: self.images.folder)
    loading = property(lambda self: self.images.loading)
    loaded = property(lambda self: self.images.loaded)
    evaluating = property(lambda self: self.evals.running)
    load_progress = property(lambda self: self.images.progress)    # 0–1 while loading, else None
    load_error = property(lambda self: self.images.error)
    recipe = property(lambda self: dict(self._recipe))
    epochs = property(lambda self: self._epochs)
    subset = property(lambda self: self._subset)
    pipeline = property(lambda self: self._pipeline)
    origin = property(lambda self: self._origin)   # state.NONE / SHIPPED / TRAINED / PROJECT / FILE
    history = property(lambda self: self._history)
    evaluation = property(lambda self: self.evals.result)
    epoch = property(lambda self: self._epoch)     # the epoch the network's weights are from (0: none here)
    target_epoch = property(lambda self: self._target)
    message = property(lambda self: self._message.text)          # the message line, in the current language
    last_message = property(lambda self: self._message)          # the same as a gui.messages.Message
    severity = property(lambda self: ERROR if self._message.is_error else INFO)
    queued = property(lambda self: self._queued)
    outcome = property(lambda self: self._outcome)

    training = property(lambda self: self.runs.running("train"))
    paused = property(lambda self: self.runs.paused("train"))
    source = property(lambda self: source_text(self._source))   # the network's name in texts (current language)

    @property
    def run_state(self) -> str:
        """'running', 'paused', 'queued' (waits for the data) or 'idle'."""
        if self.training:
            return "paused" if self.paused else "running"
        return "queued" if self._queued else "idle"

    @property
    def steps(self) -> int:
        """Optimiser steps of the run's network (read while no worker runs it)."""
        t = self._trainer
        return 0 if t is None or t.trainer is None or self.training else int(t.trainer.step)

    @property
    def lr_decay(self) -> float:
        """The learning rate's factor per epoch: the preset's "lr_decay" when the settings are a preset, else 1."""
        name = self.preset
        return float(MNIST_PRESETS[name].get("lr_decay", 1.0)) if name in MNIST_PRESETS else 1.0

    augmenting = property(lambda self: bool(self._recipe.get("augment")))   # training images changed every epoch

    # the preset these settings are (or CUSTOM); the Draw tab's caption; the last epoch's scores ('' if none)
    preset = property(lambda self: preset_of(self._recipe, self._epochs))
    model_text = property(lambda self: model_caption(self._pipeline, self._origin, self._source))
    summary = property(lambda self: summary_text(self._history, self._origin, self._seconds))

    # the progress bar's text and fill (None: keep) when no progress snapshot is shown
    progress_line = property(lambda self: run_line(self.run_state, self._outcome, self._origin, self._source,
                                                   self._epoch))

    def last_progress(self) -> TrainProgress | None:
        return self._last_progress if self.training else None

    def state(self) -> MnistState:
        return MnistState(self.recipe, self._epochs, self._subset, self.data_folder, self._pipeline,
                          self._origin, self._source, self._history.last_epoch, self._history)

    # -- messages --------------------------------------------------------------------------------
    def say(self, text, severity: str = INFO) -> None:
        """Show `text` on the message line: a gui.messages.Message (translated when read), or a str (an
        engine text, or one already in the current language)."""
        if isinstance(text, Message):
            if severity == ERROR and not text.is_error:
                text = replace(text, severity=Severity.ERROR)
        else:
            text = engine_text(text, severity)
        self._message = text
        self.message_changed.emit(text.text, self.severity)

    def warn(self, title, text) -> None:
        """An error worth a dialog: `title` and `text` are Messages or engine texts (str)."""
        title = title if isinstance(title, Message) else engine_text(title)
        text = text if isinstance(text, Message) else engine_text(text)
        self.say(Message.error(QT_TR_NOOP("%1: %2"), title, _FirstLine(text.source, args=(text,))))
        self.warning.emit(title.text, text.text)

    # -- settings --------------------------------------------------------------------------------
    def set_recipe(self, recipe: dict) -> None:
        r = IMAGES.check_recipe(validate_recipe(recipe))
        if r == self._recipe:
            return
        self._recipe = r
        self.settings_changed.emit()
        t = self._trainer
        if self.training and t is not None:   # only the live settings can change while training
            self.runs.call("train", partial(t.set_live, r["lr"], r["l1"], r["l2"]))
        self.project_changed.emit()

    def set_augment(self, on: bool) -> None:
        """Train on randomly changed images (engine/augment.py, default strengths) or on the images as they are."""
        r = dict(self._recipe)
        if bool(r.get("augment")) == bool(on):
            return
        r["augment"] = True if on else None
        self.set_recipe(r)

    def set_epochs(self, n: int) -> None:
        n, self._epochs = self._epochs, max(1, min(MAX_EPOCHS, int(n)))
        if n != self._epochs:
            self.settings_changed.emit()
            self.project_changed.emit()

    def set_subset(self, n: int) -> None:
        n, self._subset = self._subset, int(n)
        if n != self._subset:
            self.settings_changed.emit()
            self.project_changed.emit()

    def apply_preset(self, name: str) -> None:
        if name == CUSTOM or name not in MNIST_PRESETS or self.training:   # (the panel offers none then)
            return
        p = mnist_preset(name)
        self._recipe = validate_recipe(p["recipe"])
        self._epochs = int(p["epochs"])
        self.settings_changed.emit()
        self.say(engine_text(p["description"]))
        self.project_changed.emit()

    # -- data ------------------------------------------------------------------------------------
    def load_data(self, folder=None, *, restoring: bool = False) -> bool:
        """Load the bundled MNIST (folder None) or an IDX folder, on a worker."""
        if self.training:
            self.say(Message.error(QT_TR_NOOP("Stop training before loading other data.")))
            return False
        self.images.load(folder, restoring=restoring)
        self.run_changed.emit()
        self.say(Message.info(QT_TR_NOOP("Loading %1…"), "MNIST" if folder is None else str(folder)))
        return True

    def set_data(self, data, folder: str | None = None) -> None:
        """Use an already loaded engine.idx.ImageDataset (tests, scripts); `folder` None = bundled MNIST."""
        if self.training:
            raise RuntimeError("set_data: stop training first")
        self.images.set(data, folder)

    def _on_data(self, user_change: bool) -> None:
        data = self.images.data
        self._trainer = None      # a run on other data starts from new weights
        h, w = data.image_shape
        self.data_changed.emit()
        self.say(Message.info(QT_TR_NOOP("Loaded %1: %2 training and %3 of %4×%5 pixels."), data.name,
                              len(data.train_labels), counted("test image", len(data.test_labels)), h, w))
        if self._origin == SHIPPED or (self._origin == NONE and self.shipped is not None):
            self._use_shipped()
        else:
            self._evaluate()
        self.data_loaded.emit()
        if user_change:
            self.project_changed.emit()

    def _on_load_failed(self, message: str) -> None:
        self._queued = ""
        self.warn(Message.info(QT_TR_NOOP("Cannot load the data")), message)

    def _on_load_finished(self) -> None:
        queued, self._queued = self._queued, ""
        self.run_changed.emit()
        if queued and self.loaded:
            self.start_training(one_epoch=queued == "step")

    # -- project state ---------------------------------------------------------------------------
    def get_state(self) -> dict:
        return self.state().to_dict()

    def set_state(self, state: dict, *, want_data: bool = False) -> None:
        """Replace the whole state by get_state()'s dict, as one unit; ValueError (and nothing changed)
        on a bad one. want_data: load the project's data now even if it is the bundled MNIST."""
        st = MnistState.from_dict(state, data=self.data, data_folder=self.data_folder)
        folder = st.data_folder
        # valid: apply
        self._discard_runs()
        self._trainer, self._outcome, self._seconds = None, "", None
        self._recipe, self._epochs, self._subset = st.recipe, st.epochs, st.subset
        self.settings_changed.emit()
        self._replace_history(st.history)
        if st.model is not None:
            self._epoch = st.epoch
            self._set_model(st.model, st.origin, st.source or "the project's network")   # (English: stored)
        else:
            self._use_shipped()
        self.say("")
        if folder != self.data_folder or (not self.loaded and not self.loading and folder is not None):
            if folder is not None and not Path(folder).is_dir():
                self.say(Message.error(QT_TR_NOOP("The project's data folder %1 is missing; keeping the current data."),
                                       folder))
            elif want_data or self.loaded or folder is not None:
                self.load_data(folder, restoring=True)
        self.run_changed.emit()

    def shutdown(self) -> None:
        self.run_records.shutdown()          # runs hook: a sweep's worker ends
        self.runs.discard_all()
        self.evals.cancel()
        self.images.cancel()
        self._queued = ""


class _FirstLine(Message):
    """The first line of a longer message (its argument), for the message line."""

    @property
    def text(self) -> str:
        lines = self.args[0].text.splitlines()
        return lines[0] if lines else ""
