"""The MNIST lab's run life cycle: play / pause / step / stop / reset and the results of its runs.

A mixin of MnistSession (gui/mnist/session.py), which owns the state these methods read and write
(the trainer, the history, the target epoch, the outcome) and the signals they emit.
"""
from __future__ import annotations

from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.mnist.history import TrainingHistory
from gui.mnist.jobs import EpochDone, TrainingSession, TrainProgress, planned_layer_names, session_key
from gui.mnist.state import PROJECT, TRAINED, Num, counted


def _is_epoch_done(snap) -> bool:
    return isinstance(snap, EpochDone)


class RunLifecycle:
    """Starts, steers and ends the lab's training runs; takes in the snapshots of the current run."""

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
            self.say(Message.info(QT_TR_NOOP("Loading the data first; one epoch starts when it is there.")) if one_epoch
                     else Message.info(QT_TR_NOOP("Loading the data first; training starts when it is there.")))
            self.run_changed.emit()
            return
        self._queued = ""
        recipe, data = self.recipe, self.data
        s = self._trainer
        if self._continues(one_epoch):
            s.set_live(recipe["lr"], recipe["l1"], recipe["l2"])
            self.say(Message.info(QT_TR_NOOP("Training continues from epoch %1."), s.epoch))
        else:
            if s is not None and self._origin == TRAINED:
                self.say(Message.info(QT_TR_NOOP("Settings changed: training starts from new random weights.")))
            else:
                self.say(Message.info(QT_TR_NOOP("Training starts from new random weights.")))
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
        self.say(Message.info(QT_TR_NOOP("Weights forgotten: the next run starts from new random weights.")))
        self.run_changed.emit()
        self.project_changed.emit()

    def _discard_runs(self) -> None:
        self.runs.discard("train")
        self.evals.cancel()
        self._queued = ""

    def _replace_history(self, history: TrainingHistory) -> None:
        self._history = history
        self.history_replaced.emit()

    # -- results of the runs (only current runs reach here) --------------------------------------
    def _on_snapshot(self, kind: str, snap) -> None:
        if isinstance(snap, TrainProgress):
            self._last_progress = snap
            self.history_grew.emit(self._history.add_progress(snap), snap.live_acc)
            self.progress.emit(snap)
        elif isinstance(snap, EpochDone):
            self._history.add_epoch_done(snap)
            self._epoch, self._seconds = snap.epoch, snap.seconds
            self._set_model(snap.pipeline, TRAINED, f"the network trained here (epoch {snap.epoch})",   # (stored)
                            evaluation=snap.evaluation, evaluate=False)
            self.history_grew.emit({"weights", "epochs"}, float("nan"))
            self.say(Message.info(QT_TR_NOOP("Epoch %1: test accuracy %2%, test loss %3."), snap.epoch,
                                  Num(100 * snap.test_acc, 2), Num(snap.test_loss, 4)))
            self.epoch_finished.emit(snap.epoch)
            self.project_changed.emit()      # new trained weights are work (marked unsaved, autosaved)

    def _on_paused(self, kind: str, paused: bool) -> None:
        self.run_changed.emit()
        if paused:
            p = self._last_progress
            self.say(Message.info(QT_TR_NOOP("Paused in epoch %1."), p.epoch) if p is not None and p.epoch > self._epoch
                     else Message.info(QT_TR_NOOP("Paused after epoch %1."), self._epoch))

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
            self.say(Message.info(QT_TR_NOOP("Training finished after %1."), counted("epoch", self._epoch)))
            if self.evaluation is None:
                self._evaluate()
        elif reason == "stopped":
            self.say(Message.info(QT_TR_NOOP("Training stopped.")))
        self.run_changed.emit()
        if reason == "failed":
            self.warn(Message.info(QT_TR_NOOP("Training stopped")), message)
        self.run_finished.emit(reason)
