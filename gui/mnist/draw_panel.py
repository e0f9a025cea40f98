"""DrawPanel: draw a digit (or load a picture) and watch the network read it.

Every stroke segment: canvas → engine.digits.prepare (ink found, strokes made MNIST's width, bounding
box into 20×20, centre of mass into 28×28; the same steps for a loaded image) → the current network →
class probabilities as bars. Preparing and reading one image takes a few milliseconds, so this runs on
the GUI thread, on a private copy of the network.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from engine import digits
from engine.errors import DataError
from gui.engine_text import translated
from gui.i18n import QT_TR_NOOP, fill, on_language_change, percent, tr
from gui.mnist.bars import BarList
from gui.mnist.draw_canvas import CANVAS, DrawCanvas
from gui.mnist.fit_label import FitLabel
from gui.mnist.image_grid import ImageGrid
from gui.mnist.text import Texts

MAX_CANVAS = 560   # the canvas grows with the window up to this many pixels (a multiple of 28)
IMAGE_FILTER = QT_TR_NOOP("Images (*.png *.jpg *.jpeg *.bmp *.gif *.pbm *.pgm *.ppm *.webp);;All files (*)")


def image_file_to_canvas(path: str, size: int = CANVAS) -> np.ndarray:
    """Read a picture, make it grey with bright ink on black, and fit it into a size×size canvas
    (keeping its aspect ratio, with a margin). Raises ValueError with a message if it cannot be read."""
    img = QImage()
    if not img.load(path):
        raise ValueError(tr("This file could not be read as an image (supported: PNG, JPEG, BMP, GIF, PGM, …)."))
    if img.isNull() or img.width() < 1 or img.height() < 1:
        raise ValueError(tr("The image is empty."))
    if img.hasAlphaChannel():  # transparent background: paint it onto white first
        flat = QImage(img.size(), QImage.Format_RGB32)
        flat.fill(Qt.white)
        from PySide6.QtGui import QPainter
        p = QPainter(flat)
        p.drawImage(0, 0, img)
        p.end()
        img = flat
    inner = int(size * 0.8)
    img = img.scaled(inner, inner, Qt.KeepAspectRatio, Qt.SmoothTransformation)
    gray = img.convertToFormat(QImage.Format_Grayscale8)
    h, w = gray.height(), gray.width()
    a = np.frombuffer(gray.constBits(), np.uint8, count=gray.bytesPerLine() * h).reshape(h, gray.bytesPerLine())[:, :w]
    ink = digits.ink_on_dark(a)
    if ink.max() > 0:
        ink = ink * (255.0 / ink.max())
    canvas = np.zeros((size, size))
    top, left = (size - h) // 2, (size - w) // 2
    canvas[top:top + h, left:left + w] = ink
    return canvas.astype(np.uint8)


class DrawPanel(QWidget):
    predicted = Signal()   # probabilities updated (tests and benchmarks listen)
    message = Signal(str, str)   # (title, text) of a problem to show the user without blocking (the lab does)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pipeline = None
        self._class_names: tuple = tuple(str(i) for i in range(10))
        self.last_probabilities: np.ndarray | None = None
        self.last_input: np.ndarray = np.zeros((28, 28), np.uint8)
        self.last_latency = 0.0
        self._file_dir = ""
        self._stale = False
        t = self._texts = Texts(self)
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.canvas = DrawCanvas()
        self.canvas.stroke.connect(self.refresh)
        left.addWidget(self.canvas, 0, Qt.AlignLeft | Qt.AlignTop)
        row = QHBoxLayout()
        self.clear_button = QPushButton()
        t.add(self.clear_button.setText, QT_TR_NOOP("Clear"))
        t.add(self.clear_button.setToolTip, QT_TR_NOOP("Wipe the canvas (or right-click on it)."))
        self.clear_button.clicked.connect(self.canvas.clear)
        row.addWidget(self.clear_button)
        self.load_button = QPushButton()
        t.add(self.load_button.setText, QT_TR_NOOP("Load image…"))
        t.add(self.load_button.setToolTip,
              QT_TR_NOOP("Classify a picture of a digit: a photo or scan works if the digit is dark on "
                         "light paper (it is inverted) or light on dark. It is prepared the same way as "
                         "a drawing."))
        self.load_button.clicked.connect(self.choose_image)
        row.addWidget(self.load_button)
        row.addStretch(1)
        left.addLayout(row)
        self.model_label = QLabel("")
        self.model_label.setWordWrap(True)
        t.add(self.model_label.setToolTip,
              QT_TR_NOOP("The network that reads your drawing: the one trained here (updated after "
                         "every epoch, even while training runs), a loaded model file, or the model "
                         "shipped with MLP Studio."))
        left.addWidget(self.model_label)
        left.addStretch(1)
        lay.addLayout(left)
        lay.addSpacing(12)

        right = QVBoxLayout()
        # a fixed height (a new answer must not re-lay out the panel on every stroke); a long text wraps
        self.answer = FitLabel(scale=1.8, bold=True, lines=2)
        t.add(self.answer.setToolTip, QT_TR_NOOP("The class with the highest probability: the network's answer."))
        right.addWidget(self.answer)
        self.bars = BarList(bar_height=16, empty_text="")   # short enough for a 720-pixel screen
        t.add(self.bars.setToolTip,
              QT_TR_NOOP("The network's output after softmax: one probability per class, summing to 100%. "
                         "They update while you draw."))
        right.addWidget(self.bars)
        right.addSpacing(6)
        cap = QLabel()
        t.add(cap.setText, QT_TR_NOOP("What the network sees (28×28)"))
        self.preview = ImageGrid(cell=140)
        for widget in (cap, self.preview):
            t.add(widget.setToolTip,
                  QT_TR_NOOP("Your drawing prepared the way MNIST was made: the ink's bounding box scaled into "
                             "20×20 keeping its shape (anti-aliased, so edges turn grey), then placed in a 28×28 "
                             "field with its centre of mass in the middle. These 784 grey values are the network's "
                             "input x. (The strokes are first redrawn as wide as MNIST's, about 2.6 of the 20 "
                             "pixels, so a small, bold or thin drawing becomes the same digit.)"))
        right.addWidget(cap)
        self.preview.set_images(self.last_input[None])
        self.preview.setFixedSize(148, 148)
        right.addWidget(self.preview)
        right.addStretch(1)
        lay.addLayout(right, 1)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self._reads = tr("It reads: %1  (%2)")
        self.refresh()   # the answer in the new language

    def resizeEvent(self, event) -> None:
        """Give the canvas the largest square that fits (58% of the width at most, leaving room below for
        the buttons and the model's name), between CANVAS and MAX_CANVAS pixels, in steps of 28."""
        super().resizeEvent(event)
        m = self.layout().contentsMargins()
        below = self.clear_button.sizeHint().height() + 3 * self.model_label.fontMetrics().lineSpacing() + 24
        room = min(self.height() - m.top() - m.bottom() - below, int(0.58 * (self.width() - m.left() - m.right())))
        side = max(CANVAS, min(MAX_CANVAS, 28 * (room // 28)))
        if self.canvas.sizeHint().width() != side:
            # a size hint, not a fixed size: the panel's minimum stays small, so the window can shrink again
            self.canvas.set_display_size(side)
            self.model_label.setMaximumWidth(side)

    # -- the network -------------------------------------------------------------------------
    def set_pipeline(self, pipeline, description: str = "") -> None:
        """The network to read drawings with (a private copy the worker never touches), or None."""
        self._pipeline = pipeline
        if pipeline is not None and pipeline.class_names:
            self._class_names = tuple(pipeline.class_names)
        self.model_label.setText(description)
        if self.isVisible():
            self.refresh()
        else:               # nobody looking (e.g. a new network every epoch while training): when shown
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def pipeline(self):
        return self._pipeline

    def _unusable_reason(self) -> str:
        """'' if the network can read 28×28 drawings, else a short heading saying why not."""
        p = self._pipeline
        if p is None:
            return tr("No network yet")
        if p.task != "classification":
            return tr("This network predicts numbers, not classes")
        n = p.model.layers[0].in_features
        if n != 28 * 28:
            side = int(round(n ** 0.5))
            if side * side == n:
                return fill(tr("This network reads %1×%2 images; drawings are 28×28"), side, side)
            return tr("This network reads %Ln input(s); drawings are 28×28", "", n)
        return ""

    # -- reading the canvas ------------------------------------------------------------------
    def refresh(self) -> None:
        t0 = time.perf_counter()
        self._stale = False
        empty = self.canvas.is_empty()
        problem = ""
        try:
            self.last_input = self.canvas.model_image() if not empty else np.zeros((28, 28), np.uint8)
        except DataError as exc:   # e.g. a picture that is all ink
            self.last_input, problem = np.zeros((28, 28), np.uint8), translated(str(exc))
        self.preview.set_images(self.last_input[None])
        names = self._class_names
        why = self._unusable_reason() or problem
        if why:
            self.last_probabilities = None
            self.bars.set_values(names, np.full(len(names), np.nan), ["–"] * len(names))
            self.answer.setText(why)
        elif empty:
            self.last_probabilities = None
            self.bars.set_values(names, np.full(len(names), np.nan), ["–"] * len(names))
            self.answer.setText(tr("Draw a digit"))
        else:
            p = self._pipeline.predict_proba(self.last_input.reshape(1, -1).astype(np.float64))[0]
            self.last_probabilities = p
            k = int(p.argmax())
            shown = [names[i] if i < len(names) else str(i) for i in range(len(p))]
            self.bars.set_values(shown, p, highlight=[k])
            self.answer.setText(fill(self._reads, shown[k], percent(p[k], 1)))
        self.last_latency = time.perf_counter() - t0
        self.predicted.emit()

    def put_digit(self, image28, height: int, top_left) -> None:
        """Put a 28×28 image onto the canvas enlarged to height×height at top_left (tests, demos)."""
        self.canvas.set_array(digits.place_digit(image28, CANVAS, height, top_left))

    # -- files -------------------------------------------------------------------------------
    def choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Classify an image"), self._file_dir, tr(IMAGE_FILTER))
        if path:
            self._file_dir = path
            self.load_image(path)

    def load_image(self, path: str) -> bool:
        """Put a picture on the canvas; on a bad file emit `message` (shown without blocking) and keep the
        drawing and the probabilities as they are."""
        try:
            canvas = image_file_to_canvas(path)
            digits.prepare(canvas)   # a blank or all-ink picture: say so, keep the drawing
        except (ValueError, MemoryError, OSError) as exc:
            self.message.emit(tr("Cannot classify this image"), f"{path}\n\n{translated(str(exc))}")
            return False
        self.canvas.set_array(canvas)
        return True


