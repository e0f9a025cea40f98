"""The MNIST lab's network in use: where it comes from (shipped, trained here, the project, a file),
its evaluation, and model files.

A mixin of MnistSession (gui/mnist/session.py), which owns the state these methods read and write
and the signals they emit.
"""
from __future__ import annotations

from pathlib import Path

from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.mnist.history import TrainingHistory
from gui.mnist.model_files import Refused, read_model, write_model
from gui.mnist.state import FILE, NONE, PROJECT, SHIPPED, TRAINED, architecture, misfit


class ModelInUse:
    """Replaces the network in use together with its evaluation, and reads and writes model files."""

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
        if p is None or misfit(p, Message.info(QT_TR_NOOP("The shipped model")), self.data) is not None:
            self._set_model(None, NONE, "")
            return False
        self._set_model(p, SHIPPED, "the model shipped with MLP Studio")   # (English: stored; shown translated)
        return True

    def _evaluate(self) -> None:
        if not self.training:
            why = self.evals.start(self._pipeline, self.data)
            if why:
                self.say(Message.error(QT_TR_NOOP("No evaluation on %1: %2"), self.data.name, why))

    # -- model files -----------------------------------------------------------------------------
    def save_model(self, path) -> bool:
        """Save the network in use as an .npz model file; False (with a message) if impossible."""
        if self._pipeline is None:
            self.warn(Message.info(QT_TR_NOOP("Nothing to save")),
                      Message.info(QT_TR_NOOP("There is no trained network yet: train one first.")))
            return False
        ev, d = self.evaluation, self.data
        try:
            write_model(self._pipeline, path, accuracy=None if ev is None else ev.accuracy,
                        data_name=None if d is None else d.name)
        except Refused as why:
            self.warn(why.title, why.text)
            return False
        self.say(Message.info(QT_TR_NOOP("Model saved to %1."), Path(path).name))
        return True

    def load_model(self, path) -> bool:
        """Use a model file for drawing and evaluation; on a bad file say why and change nothing."""
        if self.training:
            self.warn(Message.info(QT_TR_NOOP("Cannot load a model now")),
                      Message.info(QT_TR_NOOP("Stop training before loading a model.")))
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
        self.say(Message.info(QT_TR_NOOP("Loaded %1: %2."), name, architecture(p)))
        self.run_changed.emit()
        self.project_changed.emit()
        return True
