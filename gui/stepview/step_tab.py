"""StepTab: the playground's "Step" tab — pick one training point and walk one SGD step on it.

Picking: "Pick a point" armed, the next click on the canvas chooses the nearest training point
(instead of adding one); or the point's number in the spin box. Training is paused first; the
numbers come from `engine.explain.explain_step` on a copy of the latest weights (never the live
model of a running worker). Each stage highlights its layer on the network diagram."""
from __future__ import annotations

import numpy as np
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
        self.pick_btn = QPushButton("Pick a point")
        self.pick_btn.setObjectName("step.pick")
        self.pick_btn.setCheckable(True)
        self.pick_btn.setToolTip("Then click a training point on the canvas to walk one training step on it")
        self.index = QSpinBox()
        self.index.setObjectName("step.sample")
        self.index.setPrefix("training point #")
        self.index.setToolTip("The training point the step is computed for")
        self.index.setKeyboardTracking(False)
        self.index.valueChanged.connect(self.show_sample)
        self.note = QLabel()
        self.note.setObjectName("step.note")
        self.note.setWordWrap(True)
        self.view = StepView()
        self.view.highlight.connect(self.overlay.set_highlight)
        self.pop_btn = QPushButton("Own window")
        self.pop_btn.setObjectName("step.window")
        self.pop_btn.setCheckable(True)
        self.pop_btn.setToolTip("Show the step in a window of its own (room for the numbers); close it to bring "
                                "it back here")
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
            self.note.setText("There are no training points to pick.")
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
            self.note.setText("There are no training points.")
            return False
        i = int(np.clip(i, 0, len(Xtr) - 1))
        if s.running:
            s.play_pause()                    # pause: the step is computed on weights that stand still
        weights = s.weights                   # a copy of the latest weights
        if weights is None:
            self.note.setText("The network is not built yet: press Train or Step once.")
            return False
        recipe, task = s.recipe(), task_of(s.task)
        k = s.n_outputs if task.is_classification else 0
        try:
            pipe = playground_pipeline(recipe, task.name, k, weights, s.bounds, {})
            x = pipe.transform(Xtr[i:i + 1])[0]
            loss = build_loss(recipe)
            if recipe["loss"] not in ("cross_entropy", "mse", "l1"):
                raise ValueError(f"the step view explains cross-entropy, squared and absolute losses, "
                                 f"not {recipe['loss']!r}")
            self.numbers = explain_step(pipe.model, loss, x, ytr[i], float(recipe["lr"]))
        except ValueError as exc:
            self.note.setText(f"No step view for this network: {exc}")
            return False
        self.sample = i
        self.index.blockSignals(True)
        self.index.setRange(0, len(Xtr) - 1)
        self.index.setValue(i)
        self.index.blockSignals(False)
        xy = ", ".join(f"{v:.3g}" for v in Xtr[i])
        self.note.setText(f"Training point #{i} at ({xy}), target {ytr[i]:.4g}: one SGD step of batch size 1 "
                          f"with learning rate {recipe['lr']:g} (the network itself does not change).")
        self.view.show_step(self.numbers, task.is_classification, recipe["loss"])
        return True

    def _stale(self) -> None:
        """Another network or other points: the shown numbers no longer belong to it."""
        if self.numbers is not None:
            self.note.setText("The network or the points changed: pick a point again for the new numbers.")
        self.overlay.clear()


class _StepWindow(QDialog):
    """The step view's own window (not modal: the diagram and canvas stay usable)."""

    def __init__(self, tab: StepTab):
        super().__init__(tab.window() if tab.window() is not tab else None)
        self.tab = tab
        self.setWindowTitle("Backpropagation, step by step")
        self.setModal(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)

    def closeEvent(self, event) -> None:
        if self.tab.popup is self:
            self.tab.set_windowed(False)
        super().closeEvent(event)
