"""StepView: walks one sample through the network, one stage per click (Back / Next / Play).

It is given the engine's numbers (`show_step`) and shows the stage's title, the lesson's formula
and the actual numbers; `highlight` tells the network diagram which layer and pass to mark."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from gui.i18n import fill, on_language_change, tr
from gui.stepview.loss_view import LossView
from gui.stepview.stages import stages

PLAY_MS = 1200


class StepView(QWidget):
    highlight = Signal(object, str)     # Linear layer index (or None), "forward"/"backward"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.stages = []
        self.index = 0
        self.title = QLabel()
        self.title.setObjectName("step.title")
        self.formula = QLabel()
        self.formula.setObjectName("step.formula")
        self.formula.setWordWrap(True)
        self.numbers = QTextBrowser()
        self.numbers.setObjectName("step.numbers")
        self.counter = QLabel()
        self.back = QPushButton()
        self.back.setObjectName("step.back")
        self.next = QPushButton()
        self.next.setObjectName("step.next")
        self.play = QPushButton()
        self.play.setObjectName("step.play")
        self.play.setCheckable(True)
        self._shown = None                   # (numbers, classification, loss name) of the step shown
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(lambda: self.go(self.index + 1))
        self.play.toggled.connect(self._play)
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_MS)
        self.timer.timeout.connect(self._tick)
        self.loss_view = LossView()
        bar = QHBoxLayout()
        for w in (self.back, self.next, self.play):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.counter)
        self.numbers.setMinimumHeight(90)
        self.numbers.setWordWrapMode(QTextOption.NoWrap)     # a number is never split; a wide matrix scrolls
        body = QHBoxLayout()                 # the numbers and the loss view side by side: the tab is wide, not tall
        body.addWidget(self.numbers, 2)
        body.addWidget(self.loss_view, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.title)
        lay.addWidget(self.formula)
        lay.addLayout(body, 1)
        lay.addLayout(bar)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.back.setText(tr("◀ Back"))
        self.next.setText(tr("Next ▶"))
        self.play.setText(tr("Play"))
        self.back.setToolTip(tr("The previous stage of the step"))
        self.next.setToolTip(tr("The next stage of the step: forward, the loss, backward, the update"))
        self.play.setToolTip(tr("Walk through the stages by themselves, one every few seconds"))
        if self._shown is not None:          # the same stage, its texts in the new language
            self.stages = stages(*self._shown)
        self._update()

    def show_step(self, numbers, classification: bool, loss_name: str) -> None:
        """Show the stages of `numbers` (engine.explain.StepNumbers), starting at the input."""
        self._shown = (numbers, classification, loss_name)
        self.stages = stages(numbers, classification, loss_name)
        self.loss_view.show_sample(classification, numbers.target, numbers.output, numbers.probabilities)
        self.go(0)

    def go(self, i: int) -> None:
        if not self.stages:
            self._update()
            return
        self.index = max(0, min(int(i), len(self.stages) - 1))
        self._update()
        st = self.stages[self.index]
        self.highlight.emit(st.layer, st.direction)

    def _update(self) -> None:
        if not self.stages:
            self.title.setText("<b>" + tr("Backpropagation, step by step") + "</b>")
            self.formula.setText(tr("Click a training point, then walk through one SGD step on it."))
            self.numbers.setHtml("")
            self.counter.setText("")
        else:
            st = self.stages[self.index]
            self.title.setText(f"<b>{st.title}</b>")
            self.formula.setText(st.formula)
            self.numbers.setHtml(st.html)
            self.counter.setText(fill(tr("stage %1 of %2"), self.index + 1, len(self.stages)))
        self.back.setEnabled(self.index > 0)
        self.next.setEnabled(bool(self.stages) and self.index < len(self.stages) - 1)
        self.play.setEnabled(bool(self.stages))

    def _play(self, on: bool) -> None:
        if on:
            if self.index >= len(self.stages) - 1:
                self.go(0)
            self.timer.start()
        else:
            self.timer.stop()

    def _tick(self) -> None:
        if self.index >= len(self.stages) - 1:
            self.play.setChecked(False)
        else:
            self.go(self.index + 1)
