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

from gui.i18n import QT_TR_NOOP, fill, integer, on_language_change, tr
from gui.mnist.text import Texts
from gui.widgets.forms import button

SUBSETS = (60000, 10000, 2000)


class DataPanel(QGroupBox):
    load_requested = Signal(object)   # folder (str) or None for the bundled MNIST
    subset_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        t = self._texts = Texts(self)
        t.add(self.setTitle, QT_TR_NOOP("Data"))
        lay = QVBoxLayout(self)
        row = QHBoxLayout()
        self.load_button = button("", lambda: self.load_requested.emit(None), "")
        t.add(self.load_button.setText, QT_TR_NOOP("Load MNIST"))
        t.add(self.load_button.setToolTip,
              QT_TR_NOOP("Load the bundled MNIST handwritten digits: 60,000 training and 10,000 test images of "
                         "28×28 grey pixels, labelled 0–9."))
        row.addWidget(self.load_button)
        self.folder_button = button("", self._choose_folder, "")
        t.add(self.folder_button.setText, QT_TR_NOOP("Open IDX folder…"))
        t.add(self.folder_button.setToolTip,
              QT_TR_NOOP("Load another data set in MNIST's IDX format (e.g. <code>Fashion-MNIST</code>): a folder "
                         "with <code>train-images-idx3-ubyte</code>, <code>train-labels-idx1-ubyte</code>, "
                         "<code>t10k-images-idx3-ubyte</code> and <code>t10k-labels-idx1-ubyte</code> (optionally "
                         "<code>.gz</code>), and optionally <code>classes.txt</code> with one class name per line."))
        row.addWidget(self.folder_button)
        lay.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        t.add(self.progress.setFormat, QT_TR_NOOP("Loading… %p%"))
        t.add(self.progress.setToolTip, QT_TR_NOOP("Reading and decompressing the image files (off the GUI thread)."))
        self.progress.hide()
        lay.addWidget(self.progress)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self._info = None       # the data's description (a function giving it in the current language), or None
        lay.addWidget(self.info)
        row = QHBoxLayout()
        label = QLabel()
        t.add(label.setText, QT_TR_NOOP("Train on:"))
        row.addWidget(label)
        self.subset = QComboBox()
        for n in SUBSETS:
            self.subset.addItem("", n)
        t.add(self.subset.setToolTip,
              QT_TR_NOOP("How many training images to learn from. A subset trains much faster (good for "
                         "quick experiments) but usually reaches a lower test accuracy and overfits sooner: "
                         "watch the gap between training and test accuracy grow."))
        self.subset.currentIndexChanged.connect(lambda _i: self.subset_changed.emit(self.subset_size()))
        row.addWidget(self.subset, 1)
        lay.addLayout(row)
        self._folder_dialog_dir = ""
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        for i, n in enumerate(SUBSETS):
            self.subset.setItemText(i, tr("all training images") if n == SUBSETS[0]
                                    else fill(tr("%1 images"), integer(n)))
        self.info.setText(self._info() if self._info is not None else tr("Not loaded yet."))

    def subset_size(self) -> int:
        return int(self.subset.currentData())

    def set_subset_size(self, n: int) -> None:
        """Select the entry for n training images (the nearest one offered)."""
        best = min(range(self.subset.count()), key=lambda i: abs(self.subset.itemData(i) - n))
        self.subset.blockSignals(True)
        self.subset.setCurrentIndex(best)
        self.subset.blockSignals(False)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Open a folder of IDX files"), self._folder_dialog_dir)
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

    def set_info(self, text) -> None:
        """The data's description: a text, or a function giving it in the current language (shown again after a
        language switch); None: not loaded yet."""
        self._info = text if callable(text) or text is None else (lambda: text)
        self.info.setText(self._info() if self._info is not None else tr("Not loaded yet."))
