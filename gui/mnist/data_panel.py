"""DataPanel: which images to learn from — the bundled MNIST or any IDX folder — and how many."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
)

from gui.widgets.forms import button

SUBSETS = (60000, 10000, 2000)


class DataPanel(QGroupBox):
    load_requested = Signal(object)   # folder (str) or None for the bundled MNIST
    subset_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__("Data", parent)
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.load_button = button("Load MNIST", lambda: self.load_requested.emit(None),
                                  "Load the bundled MNIST handwritten digits: 60,000 training and 10,000 test images of"
                                  " 28×28 grey pixels, labelled 0–9.")
        row.addWidget(self.load_button)
        self.folder_button = button("Open IDX folder…", self._choose_folder,
                                    "Load another data set in MNIST's IDX format (e.g. Fashion-MNIST): a folder with "
                                    "train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                                    "t10k-labels-idx1-ubyte (optionally .gz), and optionally classes.txt with one class"
                                    " name per line.")
        row.addWidget(self.folder_button)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("Loading… %p%")
        self.progress.setToolTip("Reading and decompressing the image files (off the GUI thread).")
        self.progress.hide()
        lay.addWidget(self.progress)
        self.info = QLabel("Not loaded yet.")
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        row = QHBoxLayout()
        row.addWidget(QLabel("Train on:"))
        self.subset = QComboBox()
        for n in SUBSETS:
            self.subset.addItem(f"{n:,} images" if n != SUBSETS[0] else "all training images", n)
        self.subset.setToolTip("How many training images to learn from. A subset trains much faster (good for "
                               "quick experiments) but usually reaches a lower test accuracy and overfits sooner: "
                               "watch the gap between training and test accuracy grow.")
        self.subset.currentIndexChanged.connect(lambda _i: self.subset_changed.emit(self.subset_size()))
        row.addWidget(self.subset, 1)
        lay.addLayout(row)
        self._folder_dialog_dir = ""

    def subset_size(self) -> int:
        return int(self.subset.currentData())

    def set_subset_size(self, n: int) -> None:
        """Select the entry for n training images (the nearest one offered)."""
        best = min(range(self.subset.count()), key=lambda i: abs(self.subset.itemData(i) - n))
        self.subset.blockSignals(True)
        self.subset.setCurrentIndex(best)
        self.subset.blockSignals(False)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of IDX files", self._folder_dialog_dir)
        if folder:
            self._folder_dialog_dir = folder
            self.load_requested.emit(folder)

    # -- shown state -----------------------------------------------------------------------------
    def set_loading(self, fraction: float | None) -> None:
        """Show the progress bar at `fraction`, or hide it (None)."""
        busy = fraction is not None
        self.progress.setVisible(busy)
        self.load_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)
        if busy:
            self.progress.setValue(int(round(1000 * max(0.0, min(1.0, fraction)))))

    def set_locked(self, locked: bool) -> None:
        """While training: no other data."""
        self.load_button.setEnabled(not locked)
        self.folder_button.setEnabled(not locked)
        self.subset.setEnabled(not locked)

    def set_info(self, text: str) -> None:
        self.info.setText(text)
