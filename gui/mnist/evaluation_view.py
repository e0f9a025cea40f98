"""EvaluationView: test accuracy, per-class accuracy, the confusion matrix (click a cell to see its
images), the gallery of mistakes, and the first-layer weights as pictures."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from gui.mnist.bars import BarList, zoomed_start
from gui.mnist.confusion_matrix import BAD, ConfusionMatrixView
from gui.mnist.image_grid import ImageGrid
from gui.mnist.text import count
from gui.widgets.forms import scrolled

MAX_GALLERY = 300
MAX_WEIGHTS = 256

WEIGHTS_HELP = ("Each picture is one neuron of the first hidden layer: its 784 weights W₁ laid out as the 28×28 "
                "image they multiply. Orange pixels have positive weights (ink there excites the neuron), blue "
                "ones negative (ink there inhibits it), grey ones hardly matter. Each picture is scaled to its "
                "own largest weight. Together they are the patterns the network looks for first.")


PER_CLASS_TITLE = "Accuracy per class (test images)"


class EvaluationView(QWidget):
    image_chosen = Signal(int)        # a test image clicked in the gallery (its index in the test set)
    open_in_draw = Signal(int)        # "Open in Draw" for the chosen test image

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ev = None
        self._data = None
        self._pending = None
        lay = QVBoxLayout(self)
        self.summary = QLabel("Train or load a network, and load the test images, to evaluate it here.")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.summary.setFont(font)
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        split = QSplitter(Qt.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.confusion = ConfusionMatrixView()
        self.confusion.setToolTip("Confusion matrix on the test images: row = true class, column = the network's "
                                  "answer. The diagonal counts correct answers; every other cell is a kind of "
                                  "mistake. Click a cell to see its images.")
        self.confusion.cell_clicked.connect(self.show_cell)
        ll.addWidget(self.confusion, 4)
        cap = self.per_class_caption = QLabel(PER_CLASS_TITLE)
        cap.setToolTip("The share of each class's test images that the network gets right (its recall). "
                       "The weakest classes are marked. The bars start where the caption says (not at 0%), so "
                       "that 97% and 99.5% look different.")
        ll.addWidget(cap)
        self.per_class = BarList(bar_height=13, empty_text="")
        self.per_class.setToolTip(cap.toolTip())
        ll.addWidget(self.per_class, 2)
        split.addWidget(left)
        self.tabs = QTabWidget()
        gallery_page = QWidget()
        gl = QVBoxLayout(gallery_page)
        row = QHBoxLayout()
        self.gallery_title = QLabel("")
        self.gallery_title.setWordWrap(True)
        row.addWidget(self.gallery_title, 1)
        self.all_button = QPushButton("All mistakes")
        self.all_button.setToolTip("Show every misclassified test image again, the most confident mistakes first.")
        self.all_button.clicked.connect(self.show_mistakes)
        row.addWidget(self.all_button)
        gl.addLayout(row)
        self.gallery = ImageGrid(cell=60, caption_lines=1)
        self.gallery.set_empty_text("No images to show.")
        self.gallery.setToolTip("")
        self.gallery.clicked.connect(self._gallery_clicked)
        gl.addWidget(scrolled(self.gallery), 1)
        self.tabs.addTab(gallery_page, "Images")
        self.tabs.setTabToolTip(0, "Misclassified test images with their true label, the network's answer and "
                                   "its confidence; or the images of the confusion-matrix cell you clicked.")
        weights_page = QWidget()
        wl = QVBoxLayout(weights_page)
        help_label = QLabel(WEIGHTS_HELP)
        help_label.setWordWrap(True)
        wl.addWidget(help_label)
        self.weights = ImageGrid(cell=56)
        self.weights.set_empty_text("No network yet.")
        wl.addWidget(scrolled(self.weights), 1)
        self.tabs.addTab(weights_page, "First-layer weights")
        self.tabs.setTabToolTip(1, WEIGHTS_HELP)
        self._build_chosen_page()
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 520])
        lay.addWidget(split, 1)
        self.set_evaluation(None, None)
        self.flush()

    def _build_chosen_page(self) -> None:
        page = QWidget()
        pl = QVBoxLayout(page)
        self.chosen_title = QLabel("Click an image under Images to see all the network's probabilities for it.")
        self.chosen_title.setWordWrap(True)
        pl.addWidget(self.chosen_title)
        row = QHBoxLayout()
        self.chosen_image = ImageGrid(cell=112)
        self.chosen_image.setFixedSize(120, 120)
        row.addWidget(self.chosen_image, 0, Qt.AlignTop)
        self.chosen_bars = BarList(bar_height=14, empty_text="")
        self.chosen_bars.setToolTip("The network's output after softmax for this image: one probability per class.")
        row.addWidget(self.chosen_bars, 1)
        pl.addLayout(row)
        self.open_draw_button = QPushButton("Open in Draw")
        self.open_draw_button.setToolTip("Put this digit on the Draw tab's canvas: change it with the pen and "
                                         "watch the answer change.")
        self.open_draw_button.setEnabled(False)
        self.open_draw_button.clicked.connect(lambda: self.open_in_draw.emit(self._chosen))
        pl.addWidget(self.open_draw_button, 0, Qt.AlignLeft)
        pl.addStretch(1)
        self._chosen = -1
        self.tabs.addTab(page, "Chosen image")
        self.tabs.setTabToolTip(2, "One test image, clicked under Images: every class's probability, and a button "
                                   "that puts it on the Draw tab.")

    # -- content -----------------------------------------------------------------------------
    def set_evaluation(self, evaluation, data, *, title: str = "") -> None:
        """Show an engine evaluation (gui.mnist.jobs.Evaluation) for the test set of `data`; None clears.
        While the view is hidden the work waits until it is shown (keeps training smooth)."""
        self._pending = (evaluation, data, title)
        if self.isVisible():
            self._apply_pending()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._apply_pending()

    def flush(self) -> None:
        """Apply a pending evaluation now, visible or not (tests, screenshots)."""
        self._apply_pending()

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        evaluation, data, title = self._pending
        self._pending = None
        self._ev, self._data = evaluation, data
        ev = evaluation
        if ev is None or data is None:
            self.summary.setText("Train or load a network, and load the test images, to evaluate it here.")
            self.confusion.set_matrix(None, ())
            self.per_class.clear()
            self.per_class_caption.setText(PER_CLASS_TITLE)
            self.show_chosen(-1, None)
            self.gallery.set_images(np.zeros((0, 28, 28), np.uint8))
            self.gallery_title.setText("")
            self.all_button.setEnabled(False)
            if ev is None:
                self.weights.set_images(np.zeros((0, 28, 28)), signed=True)
            return
        names = ev.class_names
        n_test = len(ev.predicted)
        wrong = int(np.count_nonzero(ev.predicted != data.test_labels))
        head = f"{title}: " if title else ""
        self.summary.setText(f"{head}test accuracy {100 * ev.accuracy:.2f}% — {wrong:,} of "
                             f"{count(n_test, 'test image')} misclassified")
        self.confusion.set_matrix(ev.confusion, names)
        order = np.argsort(np.nan_to_num(ev.per_class, nan=2.0))
        worst = [int(i) for i in order[:2] if np.isfinite(ev.per_class[i])]
        start = zoomed_start(ev.per_class)
        self.per_class.set_values(names, ev.per_class, highlight=worst, highlight_color=BAD, start=start)
        self.per_class_caption.setText(PER_CLASS_TITLE + (f" — bars from {100 * start:g}% to 100%" if start > 0
                                                          else " — bars from 0 to 100%"))
        self.all_button.setEnabled(True)
        self.show_mistakes()
        self._show_weights(ev.first_weights)

    def _show_weights(self, w) -> None:
        w = np.asarray(w)[:MAX_WEIGHTS]
        if w.ndim != 3:
            self.weights.set_images(np.zeros((0, 28, 28)), signed=True)
            return
        tips = [f"Neuron {k + 1} of the first hidden layer: largest |weight| {np.abs(w[k]).max():.3f}. "
                + WEIGHTS_HELP.split(". ")[1] + "." for k in range(len(w))]
        self.weights.set_images(w, [f"{k + 1}" for k in range(len(w))], tips, signed=True)

    def show_mistakes(self) -> None:
        self._apply_pending()
        ev, d = self._ev, self._data
        if ev is None or d is None:
            return
        idx = np.flatnonzero(ev.predicted != d.test_labels)
        idx = idx[np.argsort(-ev.confidence[idx], kind="stable")]
        self.confusion.select(-1, -1)
        self._show_images(idx, f"{count(len(idx), 'misclassified test image')}, the most confident mistakes first"
                          + (f" (showing {MAX_GALLERY})" if len(idx) > MAX_GALLERY else "")
                          + ". Caption: true → predicted, confidence.")

    def show_cell(self, i: int, j: int) -> None:
        self._apply_pending()
        ev, d = self._ev, self._data
        if ev is None or d is None:
            return
        idx = np.flatnonzero((d.test_labels == i) & (ev.predicted == j))
        names = ev.class_names
        if i == j:
            idx = idx[np.argsort(ev.confidence[idx], kind="stable")]
            text = (f"{count(len(idx), 'test image')} of “{names[i]}” classified correctly, "
                    "the least confident first")
        else:
            idx = idx[np.argsort(-ev.confidence[idx], kind="stable")]
            text = f"{count(len(idx), 'test image')} of “{names[i]}” classified as “{names[j]}”"
        if len(idx) > MAX_GALLERY:
            text += f" (showing {MAX_GALLERY})"
        self.confusion.select(i, j)
        self.tabs.setCurrentIndex(0)
        self._show_images(idx, text + ".")

    def _show_images(self, idx, title: str) -> None:
        ev, d = self._ev, self._data
        idx = np.asarray(idx, np.int64)[:MAX_GALLERY]
        names = ev.class_names
        y, pred, conf = d.test_labels, ev.predicted, ev.confidence
        caps = [f"{names[y[k]]}→{names[pred[k]]} {100 * conf[k]:.0f}%" if y[k] != pred[k]
                else f"{names[y[k]]} {100 * conf[k]:.0f}%" for k in idx]
        tips = [f"Test image #{k}: true “{names[y[k]]}”, predicted “{names[pred[k]]}” with probability "
                f"{100 * conf[k]:.1f}%" for k in idx]
        colors = [QColor(BAD) if y[k] != pred[k] else None for k in idx]
        self.gallery.set_images(d.test_images[idx], caps, tips, caption_colors=colors)
        self._gallery_idx = idx
        self.gallery_title.setText(title)

    # -- one chosen image ------------------------------------------------------------------------
    def shown_images(self) -> np.ndarray:
        """The test-set indices of the images the gallery shows, in order."""
        return np.asarray(getattr(self, "_gallery_idx", np.zeros(0, np.int64))).copy()

    def _gallery_clicked(self, i: int) -> None:
        idx = self.shown_images()
        if 0 <= i < len(idx):
            self.image_chosen.emit(int(idx[i]))

    def show_chosen(self, k: int, probabilities) -> None:
        """Show test image k with the network's probabilities for it (the lab computes them); -1 clears."""
        d, ev = self._data, self._ev
        self._chosen = int(k)
        if k < 0 or d is None or ev is None or probabilities is None:
            self._chosen = -1
            self.chosen_image.set_images(np.zeros((0, 28, 28), np.uint8))
            self.chosen_bars.clear()
            self.chosen_title.setText("Click an image under Images to see all the network's probabilities for it.")
            self.open_draw_button.setEnabled(False)
            return
        names = ev.class_names
        p = np.asarray(probabilities, float)
        guess = int(p.argmax())
        self.chosen_image.set_images(d.test_images[k][None])
        self.chosen_bars.set_values(names[:len(p)], p, highlight=[guess],
                                    highlight_color=QColor(BAD) if guess != d.test_labels[k] else None)
        verdict = "right" if guess == d.test_labels[k] else "wrong"
        self.chosen_title.setText(f"Test image #{k}: true “{names[d.test_labels[k]]}”, the network says "
                                  f"“{names[guess]}” ({100 * p[guess]:.1f}%) — {verdict}.")
        self.open_draw_button.setEnabled(True)
        self.tabs.setCurrentIndex(2)

    def chosen(self) -> int:
        """The test image shown under "Chosen image" (-1: none)."""
        return self._chosen
