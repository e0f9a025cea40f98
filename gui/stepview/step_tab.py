"""StepTab: the playground's "Step" tab — pick one training point and walk one SGD step on it.

Picking: "Pick a point" armed, the next click on the canvas chooses the nearest training point
(instead of adding one); or the point's number in the spin box. Training is paused first; the
numbers come from `engine.explain.explain_step` on a copy of the latest weights (never the live
model of a running worker). Each stage highlights its layer on the network diagram."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from engine.adopt import playground_pipeline
from engine.explain import explain_step
from engine.recipe import build_loss
from engine.tasks import task_of
from gui.i18n import QT_TR_NOOP, fill, on_language_change, sig, tr
from gui.messages import EngineText, Message
from gui.stepview.highlight_overlay import HighlightOverlay
from gui.stepview.step_view import StepView
from gui.widgets.scroll import fill_with_scroll


class StepTab(QWidget):
    def __init__(self, session, diagram, parent=None):
        super().__init__(parent)
        self.session = session
        self.numbers = None
        self.sample = None
        self.overlay = HighlightOverlay(diagram)
        self.pick_btn = QPushButton()
        self.pick_btn.setObjectName("step.pick")
        self.pick_btn.setCheckable(True)
        self.index = QSpinBox()
        self.index.setObjectName("step.sample")
        self.index.setKeyboardTracking(False)
        self.index.valueChanged.connect(self.show_sample)
        self.note = QLabel()
        self.note.setObjectName("step.note")
        self.note.setWordWrap(True)
        self._note = Message.info("")       # the note's English source and values: translated when shown
        self.view = StepView()
        self.view.highlight.connect(self.overlay.set_highlight)
        self.pop_btn = QPushButton()
        self.pop_btn.setObjectName("step.window")
        self.pop_btn.setCheckable(True)
        self.pop_btn.toggled.connect(self.set_windowed)
        self.popup = None
        row = QHBoxLayout()
        row.addWidget(self.pick_btn)
        row.addWidget(self.index)
        row.addStretch(1)
        row.addWidget(self.pop_btn)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.note)
        lay.addWidget(self.view, 1)
        self._body = lay
        fill_with_scroll(self, inner)        # a short window scrolls the tab instead of squeezing the canvas
        session.network_changed.connect(self._stale)
        session.points_changed.connect(self._stale)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.pick_btn.setText(tr("Pick a point"))
        self.pick_btn.setToolTip(tr("Then click a training point on the canvas to walk one training step on it"))
        self.index.setPrefix(tr("training point #"))
        self.index.setToolTip(tr("The training point the step is computed for"))
        self.pop_btn.setText(tr("Own window"))
        self.pop_btn.setToolTip(tr("Show the step in a window of its own (room for the numbers); close it to bring "
                                   "it back here"))
        self.note.setText(self._note.text)
        if self.popup is not None:
            self.popup.setWindowTitle(tr("Backpropagation, step by step"))

    def _say(self, source: str, *args) -> None:
        """The note under the buttons: `source` marked with QT_TR_NOOP, its values `args`."""
        self._note = Message.info(source, *args)
        self.note.setText(self._note.text)

    # -- its own window ----------------------------------------------------------------------------
    def set_windowed(self, on: bool) -> None:
        """Move the step view into a window of its own (on) or back into the tab."""
        if on and self.popup is None:
            self.popup = _StepWindow(self)
            self.popup.layout().addWidget(self.view)
            self.popup.resize(1100, 620)
            self.popup.show()
        elif not on and self.popup is not None:
            w, self.popup = self.popup, None
            self._body.addWidget(self.view, 1)
            w.close()
            w.deleteLater()
        if self.pop_btn.isChecked() != on:
            self.pop_btn.setChecked(on)

    # -- picking ---------------------------------------------------------------------------------
    def pick(self, x: float, y: float) -> bool:
        """A canvas click: when picking is armed, choose the nearest training point (True: handled)."""
        if not self.pick_btn.isChecked():
            return False
        self.pick_btn.setChecked(False)
        Xtr = self.session.points.arrays()[0]
        if not len(Xtr):
            self._say(QT_TR_NOOP("There are no training points to pick."))
            return True
        task = task_of(self.session.task)
        P = np.column_stack([Xtr[:, 0], self.session.points.arrays()[1]]) if task.one_d else Xtr[:, :2]
        i = int(np.argmin(((P - np.array([x, y])) ** 2).sum(axis=1)))
        self.show_sample(i)
        return True

    def show_sample(self, i: int) -> bool:
        """Compute and show one SGD step on training point `i` (training pauses first)."""
        s = self.session
        Xtr, ytr, _, _ = s.points.arrays()
        if not len(Xtr):
            self._say(QT_TR_NOOP("There are no training points."))
            return False
        i = int(np.clip(i, 0, len(Xtr) - 1))
        if s.running:
            s.play_pause()                    # pause: the step is computed on weights that stand still
        weights = s.weights                   # a copy of the latest weights
        if weights is None:
            self._say(QT_TR_NOOP("The network is not built yet: press Train or Step once."))
            return False
        recipe, task = s.recipe(), task_of(s.task)
        k = s.n_outputs if task.is_classification else 0
        try:
            pipe = playground_pipeline(recipe, task.name, k, weights, s.bounds, {})
            x = pipe.transform(Xtr[i:i + 1])[0]
            loss = build_loss(recipe)
            if recipe["loss"] not in ("cross_entropy", "mse", "l1"):
                raise ValueError(fill(tr("the step view explains cross-entropy, squared and absolute losses, not %1"),
                                      repr(recipe["loss"])))
            self.numbers = explain_step(pipe.model, loss, x, ytr[i], float(recipe["lr"]))
        except ValueError as exc:
            self._say(QT_TR_NOOP("No step view for this network: %1"), EngineText(exc))
            return False
        self.sample = i
        self.index.blockSignals(True)
        self.index.setRange(0, len(Xtr) - 1)
        self.index.setValue(i)
        self.index.blockSignals(False)
        self._say(QT_TR_NOOP("Training point #%1 at (%2), target %3: one SGD step of batch size 1 with learning rate "
                             "%4 (the network itself does not change)."), i, _Point(Xtr[i]), _Sig(ytr[i], 4),
                  _Sig(recipe["lr"], 6))
        self.view.show_step(self.numbers, task.is_classification, recipe["loss"])
        return True

    def _stale(self) -> None:
        """Another network or other points: the shown numbers no longer belong to it."""
        if self.numbers is not None:
            self._say(QT_TR_NOOP("The network or the points changed: pick a point again for the new numbers."))
        self.overlay.clear()


class _StepWindow(QDialog):
    """The step view's own window (not modal: the diagram and canvas stay usable)."""

    def __init__(self, tab: StepTab):
        super().__init__(tab.window() if tab.window() is not tab else None)
        self.tab = tab
        self.setWindowTitle(tr("Backpropagation, step by step"))
        self.setModal(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)

    def closeEvent(self, event) -> None:
        if self.tab.popup is self:
            self.tab.set_windowed(False)
        super().closeEvent(event)


class _Sig(Message):
    """A number inside the note, to `digits` significant digits in the locale of the moment it is read."""

    def __init__(self, value, digits: int):
        super().__init__("", args=(float(value), int(digits)))

    @property
    def text(self) -> str:
        return sig(*self.args)


class _Point(Message):
    """A point's coordinates ('0.5, -1.2') in the locale of the moment it is read."""

    def __init__(self, values):
        super().__init__("", args=tuple(float(v) for v in values))

    @property
    def text(self) -> str:
        sep = "; " if QLocale().decimalPoint() == "," else ", "
        return sep.join(sig(v, 3) for v in self.args)
