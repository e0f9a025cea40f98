"""SampleBrowser: look at the training images, all classes or one class at a time."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from gui.mnist.image_grid import ImageGrid
from gui.mnist.text import count
from gui.widgets.forms import scrolled

PER_CLASS_ALL = 16   # images per class in the "all classes" view
PER_CLASS_ONE = 120  # images in the one-class view


class SampleBrowser(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._data = None
        self._seed = 0
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("Class:"))
        self.class_box = QComboBox()
        self.class_box.setToolTip("Show training images of one class, or a few of every class. Looking at the "
                                  "data first tells you how hard the task is and which classes look alike.")
        self.class_box.currentIndexChanged.connect(self._refresh)
        top.addWidget(self.class_box)
        self.shuffle_button = QPushButton("Shuffle")
        self.shuffle_button.setToolTip("Show a different random selection of training images.")
        self.shuffle_button.clicked.connect(self.shuffle)
        top.addWidget(self.shuffle_button)
        self.info = QLabel()
        self.info.setTextInteractionFlags(Qt.TextSelectableByMouse)
        top.addWidget(self.info, 1)
        lay.addLayout(top)
        self.grid = ImageGrid(cell=42)
        self.grid.set_empty_text("No data loaded yet. Load MNIST (or another IDX folder) in the side panel.")
        lay.addWidget(scrolled(self.grid), 1)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        self.class_box.setEnabled(on)
        self.shuffle_button.setEnabled(on)

    def set_data(self, data) -> None:
        """An engine.idx.ImageDataset, or None to clear."""
        self._data = data
        self.class_box.blockSignals(True)
        self.class_box.clear()
        if data is not None:
            self.class_box.addItem("All classes", -1)
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
            counts = np.bincount(labels, minlength=len(d.class_names))
            self.info.setText(f"{d.name}: {len(labels):,} training and {count(len(d.test_labels), 'test image')}, "
                              f"{count(len(d.class_names), 'class', 'classes')} "
                              f"({counts.min():,}–{counts.max():,} per class)")
        else:
            idx = np.flatnonzero(labels == cls)
            picks.extend(rng.choice(idx, size=min(PER_CLASS_ONE, len(idx)), replace=False) if len(idx) else [])
            self.info.setText(f"{count(len(idx), 'training image')} of class “{d.class_names[cls]}”")
        picks = np.asarray(picks, dtype=np.int64)
        names = d.class_names
        self.grid.set_images(d.train_images[picks], [names[labels[i]] for i in picks],
                             [f"Training image #{i}: {names[labels[i]]}" for i in picks], row_starts=starts)
