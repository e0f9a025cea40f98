"""Training speed: how many minibatches each frame (~20 a second) trains, from one SGD step per frame
to "as fast as it goes", and SpeedControl, the slider on the training bar that picks one.

At every speed but the last, the job trains a frame's minibatches and then hands out one snapshot, so
the map, the curves, the diagram and the counters all show the same step (see job.py).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from gui.i18n import QT_TR_NOOP, on_language_change, tr

# (label, unit, count): `count` minibatches ("batch") or epochs ("epoch") per frame; unit None: no limit.
# The labels are English sources, shown through tr().
SPEEDS = (
    (QT_TR_NOOP("1 step/frame"), "batch", 1),
    (QT_TR_NOOP("3 steps/frame"), "batch", 3),
    (QT_TR_NOOP("10 steps/frame"), "batch", 10),
    (QT_TR_NOOP("1 epoch/frame"), "epoch", 1),
    (QT_TR_NOOP("5 epochs/frame"), "epoch", 5),
    (QT_TR_NOOP("25 epochs/frame"), "epoch", 25),
    (QT_TR_NOOP("Full speed"), None, 0),
)
DEFAULT_SPEED = 2          # the circle preset's boundary moves for ~5 s before it settles
FULL_SPEED = len(SPEEDS) - 1


def clamp_speed(level) -> int:
    try:
        return min(FULL_SPEED, max(0, int(level)))
    except (TypeError, ValueError):
        return DEFAULT_SPEED


def speed_spec(level: int):
    """What the training job takes (TrainingJob.set_speed): None, or (unit, count) per frame."""
    _, unit, count = SPEEDS[clamp_speed(level)]
    return None if unit is None else (unit, count)


class SpeedControl(QWidget):
    """A slider over SPEEDS with the chosen speed's name next to it."""

    speed_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setObjectName("speed")
        self.slider.setRange(0, FULL_SPEED)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TicksBelow)
        self.slider.setFixedWidth(52)
        self.label = QLabel()
        self.label.setObjectName("speed_label")
        lay.addWidget(self.slider)
        lay.addWidget(self.label)
        self.slider.valueChanged.connect(self._changed)
        self.set_speed(DEFAULT_SPEED)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.slider.setToolTip(tr("How much training each frame of the picture shows: from one minibatch step "
                                  "(one SGD update) per frame, through one epoch per frame, to full speed."))
        self.label.setToolTip(self.slider.toolTip())
        fm = self.label.fontMetrics()     # as wide as the widest speed's name: the bar never re-lays out
        self.label.setFixedWidth(max(fm.horizontalAdvance(tr(name)) for name, _, _ in SPEEDS) + 4)
        self.label.setText(tr(SPEEDS[self.slider.value()][0]))

    def speed(self) -> int:
        return self.slider.value()

    def set_speed(self, level: int) -> None:
        """Show `level` without emitting speed_changed."""
        level = clamp_speed(level)
        self.slider.blockSignals(True)
        self.slider.setValue(level)
        self.slider.blockSignals(False)
        self.label.setText(tr(SPEEDS[level][0]))

    def _changed(self, level: int) -> None:
        self.label.setText(tr(SPEEDS[level][0]))
        self.speed_changed.emit(level)
