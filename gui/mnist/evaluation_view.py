"""EvaluationView: test accuracy, per-class accuracy, the confusion matrix (click a cell to see its
images), the gallery of mistakes, and the first-layer weights as pictures."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from gui.i18n import QT_TR_NOOP, fill, integer, num, on_language_change, percent, sig, tr
from gui.mnist.bars import BarList, zoomed_start
from gui.mnist.confusion_matrix import BAD, ConfusionMatrixView
from gui.mnist.image_grid import ImageGrid
from gui.mnist.text import Texts
from gui.widgets.forms import scrolled

MAX_GALLERY = 300
MAX_WEIGHTS = 256

WEIGHTS_HELP = QT_TR_NOOP(
    "Each picture is one neuron of the first hidden layer: its 784 weights W₁ laid out as the 28×28 "
    "image they multiply. Orange pixels have positive weights (ink there excites the neuron), blue "
    "ones negative (ink there inhibits it), grey ones hardly matter. Each picture is scaled to its "
    "own largest weight. Together they are the patterns the network looks for first.")


PER_CLASS_TITLE = QT_TR_NOOP("Accuracy per class (test images)")
NO_EVALUATION = QT_TR_NOOP("Train or load a network, and load the test images, to evaluate it here.")
NO_CHOSEN = QT_TR_NOOP("Click an image under Images to see all the network's probabilities for it.")


class EvaluationView(QWidget):
    image_chosen = Signal(int)        # a test image clicked in the gallery (its index in the test set)
    open_in_draw = Signal(int)        # "Open in Draw" for the chosen test image

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ev = None
        self._data = None
        self._pending = None
        self._title = ""
        self._gallery_view: tuple = ()   # what the gallery shows: ("mistakes",) or ("cell", i, j)
        self._chosen_probs = None
        t = self._texts = Texts(self)
        lay = QVBoxLayout(self)
        self.summary = QLabel(tr(NO_EVALUATION))
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
        t.add(self.confusion.setToolTip,
              QT_TR_NOOP("Confusion matrix on the test images: row = true class, column = the network's "
                         "answer. The diagonal counts correct answers; every other cell is a kind of "
                         "mistake. Click a cell to see its images."))
        self.confusion.cell_clicked.connect(self.show_cell)
        ll.addWidget(self.confusion, 4)
        cap = self.per_class_caption = QLabel(tr(PER_CLASS_TITLE))
        ll.addWidget(cap)
        self.per_class = BarList(bar_height=13, empty_text="")
        for widget in (cap, self.per_class):
            t.add(widget.setToolTip,
                  QT_TR_NOOP("The share of each class's test images that the network gets right (its recall). "
                             "The weakest classes are marked. The bars start where the caption says (not at 0%), "
                             "so that 97% and 99.5% look different."))
        ll.addWidget(self.per_class, 2)
        split.addWidget(left)
        self.tabs = QTabWidget()
        gallery_page = QWidget()
        gl = QVBoxLayout(gallery_page)
        row = QHBoxLayout()
        self.gallery_title = QLabel("")
        self.gallery_title.setWordWrap(True)
        row.addWidget(self.gallery_title, 1)
        self.all_button = QPushButton()
        t.add(self.all_button.setText, QT_TR_NOOP("All mistakes"))
        t.add(self.all_button.setToolTip,
              QT_TR_NOOP("Show every misclassified test image again, the most confident mistakes first."))
        self.all_button.clicked.connect(self.show_mistakes)
        row.addWidget(self.all_button)
        gl.addLayout(row)
        self.gallery = ImageGrid(cell=60, caption_lines=1)
        t.add(self.gallery.set_empty_text, QT_TR_NOOP("No images to show."))
        self.gallery.setToolTip("")
        self.gallery.clicked.connect(self._gallery_clicked)
        gl.addWidget(scrolled(self.gallery), 1)
        self.tabs.addTab(gallery_page, "")
        t.add(lambda text: self.tabs.setTabText(0, text), QT_TR_NOOP("Images"))
        t.add(lambda text: self.tabs.setTabToolTip(0, text),
              QT_TR_NOOP("Misclassified test images with their true label, the network's answer and "
                         "its confidence; or the images of the confusion-matrix cell you clicked."))
        weights_page = QWidget()
        wl = QVBoxLayout(weights_page)
        help_label = QLabel()
        t.add(help_label.setText, WEIGHTS_HELP)
        help_label.setWordWrap(True)
        wl.addWidget(help_label)
        self.weights = ImageGrid(cell=56)
        t.add(self.weights.set_empty_text, QT_TR_NOOP("No network yet."))
        wl.addWidget(scrolled(self.weights), 1)
        self.tabs.addTab(weights_page, "")
        t.add(lambda text: self.tabs.setTabText(1, text), QT_TR_NOOP("First-layer weights"))
        t.add(lambda text: self.tabs.setTabToolTip(1, text), WEIGHTS_HELP)
        self._build_chosen_page()
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 520])
        lay.addWidget(split, 1)
        self.set_evaluation(None, None)
        self.flush()
        on_language_change(self, self._retranslate, now=False)

    def _retranslate(self) -> None:
        """The texts about the shown evaluation, in the current language (the fixed ones: `_texts`)."""
        self._show_texts()
        if self._gallery_view:
            self._show_gallery_texts()
        if self._chosen >= 0 and self._chosen_probs is not None:
            self._show_chosen_title()
        else:
            self.chosen_title.setText(tr(NO_CHOSEN))
        w = np.asarray(self._ev.first_weights)[:MAX_WEIGHTS] if self._ev is not None else None
        if w is not None and w.ndim == 3 and self.weights.count() == len(w):
            self.weights.set_tips(self._weight_tips(w))

    def set_title(self, title: str) -> None:
        """The network's name before the summary (e.g. after a language switch)."""
        self._title = title
        if self._pending is None:
            self._show_texts()

    def _build_chosen_page(self) -> None:
        page = QWidget()
        pl = QVBoxLayout(page)
        t = self._texts
        self.chosen_title = QLabel(tr(NO_CHOSEN))
        self.chosen_title.setWordWrap(True)
        pl.addWidget(self.chosen_title)
        row = QHBoxLayout()
        self.chosen_image = ImageGrid(cell=112)
        self.chosen_image.setFixedSize(120, 120)
        row.addWidget(self.chosen_image, 0, Qt.AlignTop)
        self.chosen_bars = BarList(bar_height=14, empty_text="")
        t.add(self.chosen_bars.setToolTip,
              QT_TR_NOOP("The network's output after softmax for this image: one probability per class."))
        row.addWidget(self.chosen_bars, 1)
        pl.addLayout(row)
        self.open_draw_button = QPushButton()
        t.add(self.open_draw_button.setText, QT_TR_NOOP("Open in Draw"))
        t.add(self.open_draw_button.setToolTip,
              QT_TR_NOOP("Put this digit on the Draw tab's canvas: change it with the pen and "
                         "watch the answer change."))
        self.open_draw_button.setEnabled(False)
        self.open_draw_button.clicked.connect(lambda: self.open_in_draw.emit(self._chosen))
        pl.addWidget(self.open_draw_button, 0, Qt.AlignLeft)
        pl.addStretch(1)
        self._chosen = -1
        self.tabs.addTab(page, "")
        t.add(lambda text: self.tabs.setTabText(2, text), QT_TR_NOOP("Chosen image"))
        t.add(lambda text: self.tabs.setTabToolTip(2, text),
              QT_TR_NOOP("One test image, clicked under Images: every class's probability, and a button "
                         "that puts it on the Draw tab."))

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
        self._ev, self._data, self._title = evaluation, data, title
        ev = evaluation
        if ev is None or data is None:
            self._show_texts()
            self.confusion.set_matrix(None, ())
            self.per_class.clear()
            self.show_chosen(-1, None)
            self.gallery.set_images(np.zeros((0, 28, 28), np.uint8))
            self._gallery_view = ()
            self.gallery_title.setText("")
            self.all_button.setEnabled(False)
            if ev is None:
                self.weights.set_images(np.zeros((0, 28, 28)), signed=True)
            return
        names = ev.class_names
        self.confusion.set_matrix(ev.confusion, names)
        order = np.argsort(np.nan_to_num(ev.per_class, nan=2.0))
        worst = [int(i) for i in order[:2] if np.isfinite(ev.per_class[i])]
        start = zoomed_start(ev.per_class)
        self.per_class.set_values(names, ev.per_class, highlight=worst, highlight_color=BAD, start=start)
        self._show_texts()
        self.all_button.setEnabled(True)
        self.show_mistakes()
        self._show_weights(ev.first_weights)

    def _show_texts(self) -> None:
        """The summary line and the per-class caption for the shown evaluation."""
        ev, data = self._ev, self._data
        if ev is None or data is None:
            self.summary.setText(tr(NO_EVALUATION))
            self.per_class_caption.setText(tr(PER_CLASS_TITLE))
            return
        n_test = len(ev.predicted)
        wrong = int(np.count_nonzero(ev.predicted != data.test_labels))
        text = fill(tr("test accuracy %1 — %2 of %3 misclassified"), percent(ev.accuracy, 2), integer(wrong),
                    tr("%Ln test image(s)", "", n_test))
        self.summary.setText(fill(tr("%1: %2"), self._title, text) if self._title else text)
        start = self.per_class.start
        if start > 0:
            caption = fill(tr("%1 — bars from %2 to 100%"), tr(PER_CLASS_TITLE), sig(100 * start, 6) + "%")
        else:
            caption = fill(tr("%1 — bars from 0 to 100%"), tr(PER_CLASS_TITLE))
        self.per_class_caption.setText(caption)

    def _show_weights(self, w) -> None:
        w = np.asarray(w)[:MAX_WEIGHTS]
        if w.ndim != 3:
            self.weights.set_images(np.zeros((0, 28, 28)), signed=True)
            return
        self.weights.set_images(w, [f"{k + 1}" for k in range(len(w))], self._weight_tips(w), signed=True)

    @staticmethod
    def _weight_tips(w) -> list[str]:
        tip = tr("Neuron %1 of the first hidden layer: largest |weight| %2. Orange pixels have positive weights "
                 "(ink there excites the neuron), blue ones negative (ink there inhibits it), grey ones hardly "
                 "matter.")
        return [fill(tip, str(k + 1), num(np.abs(w[k]).max(), 3)) for k in range(len(w))]

    def show_mistakes(self) -> None:
        self._apply_pending()
        ev, d = self._ev, self._data
        if ev is None or d is None:
            return
        idx = np.flatnonzero(ev.predicted != d.test_labels)
        idx = idx[np.argsort(-ev.confidence[idx], kind="stable")]
        self.confusion.select(-1, -1)
        self._gallery_view = ("mistakes",)
        self._show_images(idx)

    def show_cell(self, i: int, j: int) -> None:
        self._apply_pending()
        ev, d = self._ev, self._data
        if ev is None or d is None:
            return
        idx = np.flatnonzero((d.test_labels == i) & (ev.predicted == j))
        if i == j:
            idx = idx[np.argsort(ev.confidence[idx], kind="stable")]
        else:
            idx = idx[np.argsort(-ev.confidence[idx], kind="stable")]
        self.confusion.select(i, j)
        self.tabs.setCurrentIndex(0)
        self._gallery_view = ("cell", i, j)
        self._show_images(idx)

    def _show_images(self, idx) -> None:
        ev, d = self._ev, self._data
        self._gallery_all = len(idx)
        idx = np.asarray(idx, np.int64)[:MAX_GALLERY]
        names = ev.class_names
        y, pred, conf = d.test_labels, ev.predicted, ev.confidence
        caps = [f"{names[y[k]]}→{names[pred[k]]} {percent(conf[k], 0)}" if y[k] != pred[k]
                else f"{names[y[k]]} {percent(conf[k], 0)}" for k in idx]
        colors = [QColor(BAD) if y[k] != pred[k] else None for k in idx]
        self.gallery.set_images(d.test_images[idx], caps, self._gallery_tips(idx), caption_colors=colors)
        self._gallery_idx = idx
        self._show_gallery_texts()

    def _gallery_tips(self, idx) -> list[str]:
        ev, d = self._ev, self._data
        names, y, pred, conf = ev.class_names, d.test_labels, ev.predicted, ev.confidence
        tip = tr("Test image #%1: true “%2”, predicted “%3” with probability %4")
        return [fill(tip, str(k), names[y[k]], names[pred[k]], percent(conf[k], 1)) for k in idx]

    def _show_gallery_texts(self) -> None:
        """The gallery's title (and its images' tooltips) for what it shows, in the current language."""
        if self._ev is None or self._data is None or not self._gallery_view:
            return
        n, names = self._gallery_all, self._ev.class_names
        if self._gallery_view[0] == "mistakes":
            text = tr("%Ln misclassified test image(s), the most confident mistakes first", "", n)
        else:
            _cell, i, j = self._gallery_view
            if i == j:
                text = fill(tr("%Ln test image(s) of “%1” classified correctly, the least confident first",
                               "", n), names[i])
            else:
                text = fill(tr("%Ln test image(s) of “%1” classified as “%2”", "", n), names[i], names[j])
        if n > MAX_GALLERY:
            text += fill(tr(" (showing %1)"), integer(MAX_GALLERY))
        text += "."
        if self._gallery_view[0] == "mistakes":
            text += " " + tr("Caption: true → predicted, confidence.")
        self.gallery_title.setText(text)
        self.gallery.set_tips(self._gallery_tips(self.shown_images()))

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
            self._chosen_probs = None
            self.chosen_image.set_images(np.zeros((0, 28, 28), np.uint8))
            self.chosen_bars.clear()
            self.chosen_title.setText(tr(NO_CHOSEN))
            self.open_draw_button.setEnabled(False)
            return
        names = ev.class_names
        p = self._chosen_probs = np.asarray(probabilities, float)
        guess = int(p.argmax())
        self.chosen_image.set_images(d.test_images[k][None])
        self.chosen_bars.set_values(names[:len(p)], p, highlight=[guess],
                                    highlight_color=QColor(BAD) if guess != d.test_labels[k] else None)
        self._show_chosen_title()
        self.open_draw_button.setEnabled(True)
        self.tabs.setCurrentIndex(2)

    def _show_chosen_title(self) -> None:
        d, ev, k, p = self._data, self._ev, self._chosen, self._chosen_probs
        names = ev.class_names
        guess = int(p.argmax())
        right = guess == d.test_labels[k]
        text = (tr("Test image #%1: true “%2”, the network says “%3” (%4) — right.") if right
                else tr("Test image #%1: true “%2”, the network says “%3” (%4) — wrong."))
        self.chosen_title.setText(fill(text, str(k), names[d.test_labels[k]], names[guess], percent(p[guess], 1)))

    def chosen(self) -> int:
        """The test image shown under "Chosen image" (-1: none)."""
        return self._chosen
