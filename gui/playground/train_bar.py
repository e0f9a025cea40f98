"""TrainBar: play/pause, step, stop, reset, the counters and the stop conditions."""
from __future__ import annotations

import math
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from gui.i18n import fill, on_language_change, tr
from gui.playground.speed import SpeedControl
from gui.widgets.log_spin import LogSpinBox


class TrainBar(QWidget):
    play_clicked = Signal()
    step_clicked = Signal()
    step_batch_clicked = Signal()
    stop_clicked = Signal()
    reset_clicked = Signal()
    stop_conditions_changed = Signal(int, float)   # (max epochs or 0, target loss or 0)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._running = False
        self._counters = (0, 0)
        self._counter_text = "Epoch <b>%1</b> <br>step %2"
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.play_button = QPushButton()
        self.play_button.setObjectName("play")
        self.play_button.setMinimumWidth(96)
        self.play_button.clicked.connect(self.play_clicked)
        self.step_batch_button = QPushButton()
        self.step_batch_button.setObjectName("step_batch")
        self.step_batch_button.clicked.connect(self.step_batch_clicked)
        self.step_button = QPushButton()
        self.step_button.setObjectName("step")
        self.step_button.clicked.connect(self.step_clicked)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop")
        self.stop_button.clicked.connect(self.stop_clicked)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("reset")
        self.reset_button.clicked.connect(self.reset_clicked)
        for b in (self.play_button, self.step_batch_button, self.step_button, self.stop_button, self.reset_button):
            lay.addWidget(b)
        self.speed = SpeedControl()
        lay.addWidget(self.speed)
        self.counter = QLabel()
        self.counter.setObjectName("counter")
        lay.addWidget(self.counter)
        lay.addStretch(1)
        self.stop_label = QLabel()
        lay.addWidget(self.stop_label)
        self.max_epochs = QSpinBox()
        self.max_epochs.setRange(0, 10_000_000)
        self.max_epochs.setSingleStep(100)
        self.max_epochs.setKeyboardTracking(False)
        self.max_epochs.valueChanged.connect(self._emit_stop)
        lay.addWidget(self.max_epochs)
        self.loss_label = QLabel()
        lay.addWidget(self.loss_label)
        self.target_loss = LogSpinBox(1e-5, 10.0, 0.0, allow_zero=True)
        self.target_loss.valueChanged.connect(self._emit_stop)
        lay.addWidget(self.target_loss)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """The fixed texts, button widths and the counter's size for the current language."""
        self.play_button.setToolTip(tr("Start or pause training (Space). Each step takes a minibatch, computes the "
                                       "loss, backpropagates its gradient and moves every weight against it."))
        self.step_batch_button.setText(tr("Step"))
        self.step_batch_button.setToolTip(tr("One SGD step: one minibatch forward, its loss backpropagated, every "
                                             "weight moved by −η·∂L/∂w of that minibatch; then pause."))
        self.step_button.setText(tr("Step epoch"))
        self.step_button.setToolTip(tr("Train one epoch — one pass over all training points in minibatches — "
                                       "then pause, to watch the boundary move one pass at a time."))
        self.stop_button.setText(tr("■ Stop"))
        self.stop_button.setToolTip(tr("End this run: the weights stay, the optimizer's memory (momentum, Adam "
                                       "averages) is cleared. Train continues from these weights."))
        self.reset_button.setText(tr("⟲ Reset"))
        self.reset_button.setToolTip(tr("New random initial weights W⁽⁰⁾, b⁽⁰⁾ and an empty history. Different "
                                        "starting points can end in different solutions."))
        for b in (self.step_batch_button, self.step_button, self.stop_button, self.reset_button):
            # as narrow as their text: the bar fits a 1280-pixel window
            b.setFixedWidth(b.fontMetrics().horizontalAdvance(b.text()) + 22)
        self.set_running(self._running)
        # the counter: "Epoch <b>12</b> <br>step 345" (two short lines keep the bar narrow enough for a
        # 1280-pixel window). A fixed size: new text then never asks the window to re-lay out (it changes
        # ~20 times a second).
        self._counter_text = tr("Epoch <b>%1</b> <br>step %2")
        fm = self.counter.fontMetrics()
        lines = re.sub(r"<[^>]+>", "", self._counter_text.replace("<br>", "\n")).split("\n")
        width = max(fm.horizontalAdvance(fill(line, "00,000,000", "00,000,000").strip()) for line in lines)
        self.counter.setFixedSize(width + 10, 2 * fm.lineSpacing() + 2)
        self.counter.setToolTip(tr("Epochs (passes over the training set) and optimizer steps (minibatches) "
                                   "so far."))
        self.set_counters(*self._counters)
        self.stop_label.setText(tr("Stop at epoch"))
        self.max_epochs.setSpecialValueText(tr("never"))
        self.max_epochs.setToolTip(tr("Pause training when this many epochs are done in total ('never': "
                                      "no limit)."))
        self.loss_label.setText(tr("or loss ≤"))
        self.target_loss.setSpecialValueText(tr("off"))
        self.target_loss.setToolTip(tr("Pause when the training loss of an epoch falls to this value "
                                       "('off': never)."))
        for spin in (self.max_epochs, self.target_loss):
            spin.updateGeometry()          # a spin box does not ask for room for its new special text itself

    def _emit_stop(self) -> None:
        self.stop_conditions_changed.emit(self.max_epochs.value(), self.target_loss.value())

    def set_running(self, running: bool) -> None:
        self._running = bool(running)
        self.play_button.setText(tr("❚❚ Pause") if running else tr("▶ Train"))
        self.step_button.setEnabled(not running)
        self.step_batch_button.setEnabled(not running)

    def set_counters(self, epoch: int, step: int, train=None, test=None, metric: str = "accuracy") -> None:
        self._counters = (epoch, step)
        self.counter.setText(fill(self._counter_text, int(epoch), int(step)))

    def stop_conditions(self) -> tuple[int, float]:
        return self.max_epochs.value(), self.target_loss.value()

    def set_stop_conditions(self, max_epochs: int, target_loss: float) -> None:
        self.max_epochs.setValue(int(max_epochs))
        self.target_loss.setValue(float(target_loss) if math.isfinite(target_loss) else 0.0)
