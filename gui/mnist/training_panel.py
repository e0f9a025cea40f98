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
from gui.engine_text import translated
from gui.i18n import QT_TR_NOOP, fill, integer, on_language_change, tr
from gui.mnist.state import CUSTOM
from gui.mnist.text import Texts
from gui.widgets.forms import button

# training time of each preset on two cores (engine/presets.py's descriptions; the robust one from
# resources/models/README.md: 1,255 s), shown in the list so nobody starts a 20-minute run by surprise
PRESET_TIMES = {"standard": QT_TR_NOOP("~10 s"), "accurate": QT_TR_NOOP("~30 s"), "robust": QT_TR_NOOP("~20 min"),
                "quick": QT_TR_NOOP("~2 s"), "tiny": QT_TR_NOOP("~1 s")}


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
        super().__init__(parent)
        t = self._texts = Texts(self)
        t.add(self.setTitle, QT_TR_NOOP("Training"))
        self._state = "idle"
        lay = QVBoxLayout(self)
        grid = QGridLayout()
        label = QLabel()
        t.add(label.setText, QT_TR_NOOP("Preset:"))
        grid.addWidget(label, 0, 0)
        self.preset = QComboBox()
        for name in MNIST_PRESETS:
            self.preset.addItem(name, name)
        self.preset.addItem("", CUSTOM)
        t.add(self.preset.setToolTip,
              QT_TR_NOOP("Ready-made networks and settings (hover over each for its accuracy and time). "
                         "'Standard' reaches about 98.2% in 10 epochs, 'Accurate' about 98.5% in about half "
                         "a minute, 'Robust' trains on augmented images for the shipped model (many "
                         "minutes); 'Quick' and 'Tiny' train in seconds. Editing the network makes it "
                         "'Custom'."))
        self.preset.activated.connect(lambda _i: self.preset_chosen.emit(self.preset.currentData()))
        grid.addWidget(self.preset, 0, 1)
        label = QLabel()
        t.add(label.setText, QT_TR_NOOP("Epochs:"))
        grid.addWidget(label, 1, 0)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 200)
        self.epochs.setValue(10)
        t.add(self.epochs.setToolTip,
              QT_TR_NOOP("An epoch is one pass over all training images, in random minibatches. More epochs "
                         "fit the training set better; when test accuracy stops rising while training "
                         "accuracy keeps going up, the network is overfitting."))
        self.epochs.valueChanged.connect(self.epochs_changed)
        grid.addWidget(self.epochs, 1, 1)
        lay.addLayout(grid)
        aug = QHBoxLayout()
        self.augment = button("", self.augment_toggled, "", QCheckBox)
        t.add(self.augment.setText, QT_TR_NOOP("Augment images"))
        t.add(self.augment.setToolTip,
              QT_TR_NOOP("Augmentation: every epoch, each training image is changed anew at random (rotation, "
                         "scale, slant, shift, stroke width, elastic distortion) with the same label. The network "
                         "learns digits from more hands; an epoch takes longer. Test images are never changed."))
        self.augment_samples = button("", self.augment_preview_clicked, "")
        t.add(self.augment_samples.setText, QT_TR_NOOP("Show samples…"))
        t.add(self.augment_samples.setToolTip,
              QT_TR_NOOP("A grid of training images next to random augmented variants of each."))
        aug.addWidget(self.augment)
        aug.addWidget(self.augment_samples)
        aug.addStretch(1)
        lay.addLayout(aug)
        row = QHBoxLayout()
        self.train_button = button("", self.train_clicked, "")
        t.add(self.train_button.setToolTip,
              QT_TR_NOOP("Start training (Space). After Pause or Stop it continues from the current weights, "
                         "unless the network or data changed."))
        self.pause_button = button("", self.pause_clicked, "")
        t.add(self.pause_button.setText, QT_TR_NOOP("Pause"))
        t.add(self.pause_button.setToolTip,
              QT_TR_NOOP("Pause training between two minibatches (Space). The weights are kept."))
        self.stop_button = button("", self.stop_clicked, "")
        t.add(self.stop_button.setText, QT_TR_NOOP("Stop"))
        t.add(self.stop_button.setToolTip,
              QT_TR_NOOP("End this run now, even in the middle of an epoch, and evaluate the network as it is."))
        self.reset_button = button("", self.reset_clicked, "")
        t.add(self.reset_button.setText, QT_TR_NOOP("Reset"))
        t.add(self.reset_button.setToolTip,
              QT_TR_NOOP("Forget the trained weights and the curves: the next run starts from new random "
                         "weights W⁽⁰⁾, b⁽⁰⁾ (R)."))
        for b in (self.train_button, self.pause_button, self.stop_button, self.reset_button):
            row.addWidget(b)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Not trained yet"))
        t.add(self.progress.setToolTip, QT_TR_NOOP("Epoch and minibatch of this run, and the estimated time left."))
        lay.addWidget(self.progress)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        # a fixed height: a new text must not re-layout (and repaint) the whole side panel every epoch
        self.summary.setFixedHeight(2 * self.summary.fontMetrics().lineSpacing() + 4)
        t.add(self.summary.setToolTip,
              QT_TR_NOOP("Accuracy on the 10,000 test images, which the network never trains on: it measures "
                         "how well it generalises to new handwriting."))
        lay.addWidget(self.summary)
        self._progress_text = ""
        on_language_change(self, self._retranslate)
        self.set_state("idle")

    def _retranslate(self) -> None:
        """The texts that depend on the state or on the engine's presets (the fixed ones: `_texts`)."""
        for i, (name, p) in enumerate(MNIST_PRESETS.items()):
            time = PRESET_TIMES.get(name)
            shown = translated(name.capitalize())
            self.preset.setItemText(i, fill(tr("%1 (%2)"), shown, tr(time)) if time else shown)
            self.preset.setItemData(i, translated(p["description"]), 3)  # Qt.ToolTipRole
        self.preset.setItemText(self.preset.findData(CUSTOM), tr("Custom"))
        self._progress_text = tr("Epoch %1/%2 · batch %3/%4 · %5 left")
        self.train_button.setText(tr("Resume") if self._state == "paused" else tr("Train"))

    def set_state(self, state: str) -> None:
        """'idle', 'running', 'paused', or 'nodata'."""
        self._state = state
        self.train_button.setEnabled(state in ("idle", "paused"))
        self.train_button.setText(tr("Resume") if state == "paused" else tr("Train"))
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
        self.progress.setFormat(fill(self._progress_text, integer(epoch), integer(target), integer(batch),
                                     integer(n_batches), format_seconds(seconds_left)))
        self.progress.setUpdatesEnabled(True)

    def show_message(self, text: str, fraction: float | None = None) -> None:
        if fraction is not None:
            self.progress.setValue(int(1000 * fraction))
        self.progress.setFormat(text)
