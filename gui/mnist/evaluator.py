"""Evaluator: the evaluation of the MNIST lab's network in use (test accuracy, confusion matrix…),
computed on a worker; a result for a network that is no longer in use never arrives (no widgets)."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from engine import Pipeline
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.mnist.jobs import EvaluationReady, evaluation_job
from gui.mnist.state import architecture, misfit
from gui.training_controller import RunController


class Evaluator(QObject):
    changed = Signal()     # `result` changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs = RunController(self)
        self.runs.snapshot.connect(self._on_snapshot)
        self.result = None   # a jobs.Evaluation of the network in use, or None

    @property
    def running(self) -> bool:
        return self.runs.running("eval")

    def set(self, result) -> None:
        """The evaluation of a new network in use (None: not known yet); a run under way is dropped."""
        self.runs.discard_all()
        self.result = result
        self.changed.emit()

    def start(self, pipeline: Pipeline | None, data) -> Message | str:
        """Evaluate `pipeline` on `data` on a worker; '' or why it cannot be evaluated there (a Message)."""
        self.runs.discard_all()
        if pipeline is None or data is None:
            return ""
        why = misfit(pipeline, Message.info(QT_TR_NOOP("This network (%1)"), architecture(pipeline)), data)
        if why is not None:
            if self.result is not None:
                self.set(None)
            return why
        private = Pipeline.from_bytes(pipeline.to_bytes())  # the drawing panel keeps using `pipeline` here
        self.runs.start("eval", evaluation_job(private, data))
        return ""

    def cancel(self) -> None:
        self.runs.discard_all()

    def _on_snapshot(self, _kind: str, snap) -> None:
        if isinstance(snap, EvaluationReady):
            self.result = snap.evaluation
            self.changed.emit()
