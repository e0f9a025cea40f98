"""TrainingPanel: preset, epochs, train / pause / stop / reset, and the progress bar."""
from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
)

from engine.presets import MNIST_PRESETS
from gui.mnist.state import CUSTOM
from gui.widgets.forms import button

# training time of each preset on two cores (engine/presets.py's descriptions; the robust one from
# resources/models/README.md: 1,255 s), shown in the list so nobody starts a 20-minute run by surprise
PRESET_TIMES = {"standard": "~10 s", "accurate": "~30 s", "robust": "~20 min", "quick": "~2 s", "tiny": "~1 s"}


def format_seconds(s: float) -> str:
    if not math.isfinite(s):
        return "–"
    s = int(round(s))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class TrainingPanel(QGroupBox):
    preset_chosen = Signal(str)
    train_clicked = Signal()
    pause_clicked = Signal()
    stop_clicked = Signal()
    reset_clicked = Signal()
    epochs_changed = Signal(int)
    augment_toggled = Signal(bool)
    augment_preview_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__("Training", parent)
        lay = QVBoxLayout(self)
        grid = QGridLayout()
        grid.addWidget(QLabel("Preset:"), 0, 0)
        self.preset = QComboBox()
        for name, p in MNIST_PRESETS.items():
            time = PRESET_TIMES.get(name)
            self.preset.addItem(name.capitalize() + (f" ({time})" if time else ""), name)
            self.preset.setItemData(self.preset.count() - 1, p["description"], 3)  # Qt.ToolTipRole
        self.preset.addItem("Custom", CUSTOM)
        self.preset.setToolTip("Ready-made networks and settings (hover over each for its accuracy and time). "
                               "'Standard' reaches about 98.2% in 10 epochs, 'Accurate' about 98.5% in about half "
                               "a minute, 'Robust' trains on augmented images for the shipped model (many "
                               "minutes); 'Quick' and 'Tiny' train in seconds. Editing the network makes it "
                               "'Custom'.")
        self.preset.activated.connect(lambda _i: self.preset_chosen.emit(self.preset.currentData()))
        grid.addWidget(self.preset, 0, 1)
        grid.addWidget(QLabel("Epochs:"), 1, 0)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 200)
        self.epochs.setValue(10)
        self.epochs.setToolTip("An epoch is one pass over all training images, in random minibatches. More epochs "
                               "fit the training set better; when test accuracy stops rising while training "
                               "accuracy keeps going up, the network is overfitting.")
        self.epochs.valueChanged.connect(self.epochs_changed)
        grid.addWidget(self.epochs, 1, 1)
        lay.addLayout(grid)
        aug = QHBoxLayout()
        self.augment = button("Augment images", self.augment_toggled,
                              "Augmentation: every epoch, each training image is changed anew at random (rotation, "
                              "scale, slant, shift, stroke width, elastic distortion) with the same label. The network "
                              "learns digits from more hands; an epoch takes longer. Test images are never changed.",
                              QCheckBox)
        self.augment_samples = button("Show samples…", self.augment_preview_clicked,
                                      "A grid of training images next to random augmented variants of each.")
        aug.addWidget(self.augment)
        aug.addWidget(self.augment_samples)
        aug.addStretch(1)
        lay.addLayout(aug)
        row = QHBoxLayout()
        self.train_button = button("Train", self.train_clicked,
                                   "Start training (Space). After Pause or Stop it continues from the current weights, "
                                   "unless the network or data changed.")
        self.pause_button = button("Pause", self.pause_clicked,
                                   "Pause training between two minibatches (Space). The weights are kept.")
        self.stop_button = button("Stop", self.stop_clicked,
                                  "End this run now, even in the middle of an epoch, and evaluate the network "
                                  "as it is.")
        self.reset_button = button("Reset", self.reset_clicked,
                                   "Forget the trained weights and the curves: the next run starts from new random "
                                   "weights W⁽⁰⁾, b⁽⁰⁾ (R).")
        for b in (self.train_button, self.pause_button, self.stop_button, self.reset_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat("Not trained yet")
        self.progress.setToolTip("Epoch and minibatch of this run, and the estimated time left.")
        lay.addWidget(self.progress)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        # a fixed height: a new text must not re-layout (and repaint) the whole side panel every epoch
        self.summary.setFixedHeight(2 * self.summary.fontMetrics().lineSpacing() + 4)
        self.summary.setToolTip("Accuracy on the 10,000 test images, which the network never trains on: it measures "
                                "how well it generalises to new handwriting.")
        lay.addWidget(self.summary)
        self.set_state("idle")

    def set_state(self, state: str) -> None:
        """'idle', 'running', 'paused', or 'nodata'."""
        self.train_button.setEnabled(state in ("idle", "paused"))
        self.train_button.setText("Resume" if state == "paused" else "Train")
        self.pause_button.setEnabled(state == "running")
        self.stop_button.setEnabled(state in ("running", "paused"))
        self.reset_button.setEnabled(state != "nodata")
        self.preset.setEnabled(state in ("idle", "nodata"))
        self.augment.setEnabled(state in ("idle", "nodata"))
        self.epochs.setEnabled(True)

    def set_preset(self, name: str) -> None:
        i = self.preset.findData(name)
        self.preset.setCurrentIndex(i if i >= 0 else self.preset.findData(CUSTOM))

    def set_augment(self, on: bool) -> None:
        self.augment.blockSignals(True)
        self.augment.setChecked(bool(on))
        self.augment.blockSignals(False)

    def set_epochs(self, n: int) -> None:
        self.epochs.blockSignals(True)
        self.epochs.setValue(int(n))
        self.epochs.blockSignals(False)

    def show_progress(self, epoch: int, target: int, batch: int, n_batches: int, done: int, total: int,
                      seconds_left: float) -> None:
        # QProgressBar.setValue repaints at once and setFormat schedules another paint (of the bar and the
        # panels behind it): with updates off in between, one paint shows both
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(int(1000 * done / max(total, 1)))
        self.progress.setFormat(f"Epoch {epoch}/{target} · batch {batch}/{n_batches} · "
                                f"{format_seconds(seconds_left)} left")
        self.progress.setUpdatesEnabled(True)

    def show_message(self, text: str, fraction: float | None = None) -> None:
        if fraction is not None:
            self.progress.setValue(int(1000 * fraction))
        self.progress.setFormat(text)
