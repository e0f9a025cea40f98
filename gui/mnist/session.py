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

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from engine import Pipeline
from engine.presets import MNIST_PRESET, MNIST_PRESETS, mnist_preset
from engine.recipe import validate_recipe
from gui.mnist.data_source import MnistData
from gui.mnist.evaluator import Evaluator
from gui.mnist.history import TrainingHistory
from gui.mnist.jobs import EpochDone, TrainingSession, TrainProgress, planned_layer_names, session_key
from gui.mnist.model_files import Refused, read_model, write_model
from gui.mnist.state import (
    CUSTOM,
    FILE,
    IMAGES,
    MAX_EPOCHS,
    NONE,
    PROJECT,
    SHIPPED,
    TRAINED,
    MnistState,
    architecture,
    misfit,
    model_caption,
    preset_of,
    run_line,
    summary_text,
)
from gui.mnist.text import count
from gui.runs.mnist_runs import MnistRuns
from gui.training_controller import RunController

DEFAULT_SUBSET = 60000
INFO, ERROR = "info", "error"


def _is_epoch_done(snap) -> bool:
    return isinstance(snap, EpochDone)


class MnistSession(QObject):
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
    message_changed = Signal(str, str)   # text, severity ("info" | "error")
    warning = Signal(str, str)       # title, text: worth a dialog
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
        self._message, self._severity = "", INFO
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
    message = property(lambda self: self._message)
    severity = property(lambda self: self._severity)
    queued = property(lambda self: self._queued)
    outcome = property(lambda self: self._outcome)

    training = property(lambda self: self.runs.running("train"))
    paused = property(lambda self: self.runs.paused("train"))
    source = property(lambda self: self._source)   # the network's name in texts

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
    def say(self, text: str, severity: str = INFO) -> None:
        self._message, self._severity = text, severity
        self.message_changed.emit(text, severity)

    def warn(self, title: str, text: str) -> None:
        self.say(f"{title}: {text.splitlines()[0] if text else ''}", ERROR)
        self.warning.emit(title, text)

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
        self.say(p["description"])
        self.project_changed.emit()

    # -- data ------------------------------------------------------------------------------------
    def load_data(self, folder=None, *, restoring: bool = False) -> bool:
        """Load the bundled MNIST (folder None) or an IDX folder, on a worker."""
        if self.training:
            self.say("Stop training before loading other data.", ERROR)
            return False
        self.images.load(folder, restoring=restoring)
        self.run_changed.emit()
        self.say("Loading " + ("MNIST" if folder is None else str(folder)) + "…")
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
        self.say(f"Loaded {data.name}: {len(data.train_labels):,} training and "
                 f"{count(len(data.test_labels), 'test image')} of {h}×{w} pixels.")
        if self._origin == SHIPPED or (self._origin == NONE and self.shipped is not None):
            self._use_shipped()
        else:
            self._evaluate()
        self.data_loaded.emit()
        if user_change:
            self.project_changed.emit()

    def _on_load_failed(self, message: str) -> None:
        self._queued = ""
        self.warn("Cannot load the data", message)

    def _on_load_finished(self) -> None:
        queued, self._queued = self._queued, ""
        self.run_changed.emit()
        if queued and self.loaded:
            self.start_training(one_epoch=queued == "step")

    # -- training --------------------------------------------------------------------------------
    def play_pause(self) -> None:
        if not self.training:
            self.start_training()
        elif self.paused:
            self.runs.resume("train")
        else:
            self.pause()

    def pause(self) -> None:
        if self.training and not self.paused:
            self.runs.pause("train")

    def step(self) -> None:
        """Train one more epoch (from idle or paused); while running, pause after the current epoch.
        While the data loads, the epoch waits for it (one epoch, not the whole run)."""
        if self.training:
            self.runs.resume("train", until=_is_epoch_done)
        else:
            self.start_training(one_epoch=True)

    def start_training(self, *, one_epoch: bool = False) -> None:
        if self.training:
            return
        if not self.loaded:
            self._queued = "step" if one_epoch else "train"
            if not self.loading:
                self.load_data(None)
            what = "one epoch" if one_epoch else "training"
            self.say(f"Loading the data first; {what} starts when it is there.")
            self.run_changed.emit()
            return
        self._queued = ""
        recipe, data = self.recipe, self.data
        s = self._trainer
        if self._continues(one_epoch):
            s.set_live(recipe["lr"], recipe["l1"], recipe["l2"])
            self.say(f"Training continues from epoch {s.epoch}.")
        else:
            if s is not None and self._origin == TRAINED:
                self.say("Settings changed: training starts from new random weights.")
            else:
                self.say("Training starts from new random weights.")
            s = self._trainer = TrainingSession(data, recipe, self._subset, lr_decay=self.lr_decay)
            history = TrainingHistory()
            history.set_layers(planned_layer_names(recipe, data))   # the plots make their curves now, not mid-run
            self._replace_history(history)
        epochs = 1 if one_epoch else self._epochs - s.epoch
        self._target = s.epoch + epochs
        self._outcome, self._last_progress, self._seconds = "", None, None
        self.evals.cancel()
        self.runs.start("train", s.run(epochs))
        self.run_changed.emit()

    def _continues(self, one_epoch: bool) -> bool:
        """Would a run now continue the network trained here (rather than start from new weights)?"""
        s = self._trainer
        same = (s is not None and self._origin == TRAINED and self.loaded
                and s.key == session_key(self.data, self.recipe, self._subset))
        return same and (one_epoch or s.epoch < self._epochs)

    def would_discard_model(self, *, one_epoch: bool = False) -> bool:
        """True when starting a run now would throw away a network trained here (or restored from the
        project) for new random weights: the lab asks first."""
        return (not self.training and self._pipeline is not None and self._origin in (TRAINED, PROJECT)
                and not self._continues(one_epoch))

    def stop_training(self) -> None:
        """End the run now (mid-epoch is fine); the network keeps what it has learnt so far."""
        if self.training:
            self.runs.stop("train")
            self._queued = ""

    def reset(self) -> None:
        """Forget the trained weights and the curves."""
        self._discard_runs()
        self._trainer, self._outcome, self._epoch = None, "", 0
        self._replace_history(TrainingHistory())
        self._use_shipped()
        self.say("Weights forgotten: the next run starts from new random weights.")
        self.run_changed.emit()
        self.project_changed.emit()

    def _discard_runs(self) -> None:
        self.runs.discard("train")
        self.evals.cancel()
        self._queued = ""

    def _replace_history(self, history: TrainingHistory) -> None:
        self._history = history
        self.history_replaced.emit()

    # -- the network in use ----------------------------------------------------------------------
    def _set_model(self, pipeline, origin: str, source: str, *, evaluation=None, evaluate: bool = True) -> None:
        self._pipeline, self._origin, self._source = pipeline, origin, source
        if origin not in (TRAINED, PROJECT):
            self._epoch = 0
        self.model_changed.emit()
        self.evals.set(evaluation)        # an evaluation of the previous network is stale
        if evaluate and evaluation is None:
            self._evaluate()

    def _use_shipped(self) -> bool:
        """The shipped model until a network is trained here; none if there is none or it does not fit."""
        p = self.shipped
        if p is None or misfit(p, "The shipped model", self.data) is not None:
            self._set_model(None, NONE, "")
            return False
        self._set_model(p, SHIPPED, "the model shipped with MLP Studio")
        return True

    def _evaluate(self) -> None:
        if not self.training:
            why = self.evals.start(self._pipeline, self.data)
            if why:
                self.say(f"No evaluation on {self.data.name}: {why}", ERROR)

    # -- results of the runs (only current runs reach here) --------------------------------------
    def _on_snapshot(self, kind: str, snap) -> None:
        if isinstance(snap, TrainProgress):
            self._last_progress = snap
            self.history_grew.emit(self._history.add_progress(snap), snap.live_acc)
            self.progress.emit(snap)
        elif isinstance(snap, EpochDone):
            self._history.add_epoch_done(snap)
            self._epoch, self._seconds = snap.epoch, snap.seconds
            self._set_model(snap.pipeline, TRAINED, f"the network trained here (epoch {snap.epoch})",
                            evaluation=snap.evaluation, evaluate=False)
            self.history_grew.emit({"weights", "epochs"}, float("nan"))
            self.say(f"Epoch {snap.epoch}: test accuracy {100 * snap.test_acc:.2f}%, "
                     f"test loss {snap.test_loss:.4f}.")
            self.epoch_finished.emit(snap.epoch)
            self.project_changed.emit()      # new trained weights are work (marked unsaved, autosaved)

    def _on_paused(self, kind: str, paused: bool) -> None:
        self.run_changed.emit()
        if paused:
            p = self._last_progress
            self.say(f"Paused in epoch {p.epoch}." if p is not None and p.epoch > self._epoch
                     else f"Paused after epoch {self._epoch}.")

    def _on_ended(self, kind: str, reason: str, message: str) -> None:
        s = self._trainer
        self._outcome = reason
        if reason in ("stopped", "failed") and s is not None and s.model is not None:
            # the worker has ended: the run's network is ours to copy now
            self._epoch = s.epoch
            how = f"stopped in epoch {s.epoch}" if reason == "stopped" else f"epoch {s.epoch}, last good weights"
            self._set_model(s.pipeline(), TRAINED, f"the network trained here ({how})")
            self.project_changed.emit()
        if reason == "done":
            self.say(f"Training finished after {count(self._epoch, 'epoch')}.")
            if self.evaluation is None:
                self._evaluate()
        elif reason == "stopped":
            self.say("Training stopped.")
        self.run_changed.emit()
        if reason == "failed":
            self.warn("Training stopped", message)
        self.run_finished.emit(reason)

    # -- model files -----------------------------------------------------------------------------
    def save_model(self, path) -> bool:
        """Save the network in use as an .npz model file; False (with a message) if impossible."""
        if self._pipeline is None:
            self.warn("Nothing to save", "There is no trained network yet: train one first.")
            return False
        ev, d = self.evaluation, self.data
        try:
            write_model(self._pipeline, path, accuracy=None if ev is None else ev.accuracy,
                        data_name=None if d is None else d.name)
        except Refused as why:
            self.warn(why.title, why.text)
            return False
        self.say(f"Model saved to {Path(path).name}.")
        return True

    def load_model(self, path) -> bool:
        """Use a model file for drawing and evaluation; on a bad file say why and change nothing."""
        if self.training:
            self.warn("Cannot load a model now", "Stop training before loading a model.")
            return False
        try:
            p, recipe = read_model(path, self.data)
        except Refused as why:
            self.warn(why.title, why.text)
            return False
        if recipe is not None:     # show the recipe it was trained with
            self._recipe = recipe
            self.settings_changed.emit()
        self._discard_runs()
        self._trainer, self._outcome = None, ""
        self._replace_history(TrainingHistory())     # its curves are not here: none shown
        name = Path(path).name
        self._set_model(p, FILE, f"the model from {name}")
        self.say(f"Loaded {name}: {architecture(p)}.")
        self.run_changed.emit()
        self.project_changed.emit()
        return True

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
            self._set_model(st.model, st.origin, st.source or "the project's network")
        else:
            self._use_shipped()
        self.say("")
        if folder != self.data_folder or (not self.loaded and not self.loading and folder is not None):
            if folder is not None and not Path(folder).is_dir():
                self.say(f"The project's data folder {folder} is missing; keeping the current data.", ERROR)
            elif want_data or self.loaded or folder is not None:
                self.load_data(folder, restoring=True)
        self.run_changed.emit()

    def shutdown(self) -> None:
        self.run_records.shutdown()          # runs hook: a sweep's worker ends
        self.runs.discard_all()
        self.evals.cancel()
        self.images.cancel()
        self._queued = ""
