"""SampleBrowser: look at the training images, all classes or one class at a time."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.i18n import QT_TR_NOOP, fill, integer, on_language_change, tr
from gui.mnist.image_grid import ImageGrid
from gui.mnist.text import Texts
from gui.widgets.forms import scrolled

PER_CLASS_ALL = 16   # images per class in the "all classes" view
PER_CLASS_ONE = 120  # images in the one-class view


class SampleBrowser(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._data = None
        self._seed = 0
        t = self._texts = Texts(self)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel()
        t.add(label.setText, QT_TR_NOOP("Class:"))
        top.addWidget(label)
        self.class_box = QComboBox()
        t.add(self.class_box.setToolTip,
              QT_TR_NOOP("Show training images of one class, or a few of every class. Looking at the "
                         "data first tells you how hard the task is and which classes look alike."))
        self.class_box.currentIndexChanged.connect(self._refresh)
        top.addWidget(self.class_box)
        self.shuffle_button = QPushButton()
        t.add(self.shuffle_button.setText, QT_TR_NOOP("Shuffle"))
        t.add(self.shuffle_button.setToolTip, QT_TR_NOOP("Show a different random selection of training images."))
        self.shuffle_button.clicked.connect(self.shuffle)
        top.addWidget(self.shuffle_button)
        self.info = QLabel()
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        top.addWidget(self.info, 1)
        lay.addLayout(top)
        self.grid = ImageGrid(cell=42)
        t.add(self.grid.set_empty_text,
              QT_TR_NOOP("No data loaded yet. Load MNIST (or another IDX folder) in the side panel."))
        lay.addWidget(scrolled(self.grid), 1)
        self._set_enabled(False)
        on_language_change(self, self._retranslate, now=False)

    def _retranslate(self) -> None:
        if self._data is not None:
            self.class_box.setItemText(0, tr("All classes"))
            self._show_texts()

    def _set_enabled(self, on: bool) -> None:
        self.class_box.setEnabled(on)
        self.shuffle_button.setEnabled(on)

    def set_data(self, data) -> None:
        """An engine.idx.ImageDataset, or None to clear."""
        self._data = data
        self.class_box.blockSignals(True)
        self.class_box.clear()
        if data is not None:
            self.class_box.addItem(tr("All classes"), -1)
            for i, name in enumerate(data.class_names):
                self.class_box.addItem(f"{i}: {name}" if name != str(i) else name, i)
        self.class_box.blockSignals(False)
        self._set_enabled(data is not None)
        self._refresh()

    def shuffle(self) -> None:
        self._seed += 1
        self._refresh()

    def _refresh(self) -> None:
        d = self._data
        if d is None:
            self.grid.set_images(np.zeros((0, 28, 28), np.uint8))
            self.info.setText("")
            return
        cls = self.class_box.currentData()
        labels = d.train_labels
        rng = np.random.default_rng(self._seed)
        picks, starts = [], []
        if cls is None or cls < 0:
            for c in range(len(d.class_names)):
                idx = np.flatnonzero(labels == c)
                starts.append(len(picks))
                picks.extend(rng.choice(idx, size=min(PER_CLASS_ALL, len(idx)), replace=False))
        else:
            idx = np.flatnonzero(labels == cls)
            picks.extend(rng.choice(idx, size=min(PER_CLASS_ONE, len(idx)), replace=False) if len(idx) else [])
        picks = self._picks = np.asarray(picks, dtype=np.int64)
        names = d.class_names
        self.grid.set_images(d.train_images[picks], [names[labels[i]] for i in picks], self._tips(),
                             row_starts=starts)
        self._show_texts()

    def _tips(self) -> list[str]:
        names, labels = self._data.class_names, self._data.train_labels
        tip = tr("Training image #%1: %2")
        return [fill(tip, str(i), names[labels[i]]) for i in self._picks]

    def _show_texts(self) -> None:
        """The line about the data (or the class) shown, and the images' tooltips, in the current language."""
        d = self._data
        cls = self.class_box.currentData()
        labels = d.train_labels
        if cls is None or cls < 0:
            counts = np.bincount(labels, minlength=len(d.class_names))
            n_test, n_classes = len(d.test_labels), len(d.class_names)
            text = tr("%1: %2 training and %Ln test image(s), %3 (%4–%5 per class)", "", n_test)
            self.info.setText(fill(text, d.name, integer(len(labels)),
                                   tr("%Ln class(es)", "", n_classes),
                                   integer(counts.min()), integer(counts.max())))
        else:
            n = int(np.count_nonzero(labels == cls))
            self.info.setText(fill(tr("%Ln training image(s) of class “%1”", "", n), d.class_names[cls]))
        self.grid.set_tips(self._tips())
