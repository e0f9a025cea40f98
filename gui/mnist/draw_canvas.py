"""DrawCanvas: draw a digit with the mouse — white anti-aliased ink on black, like MNIST.

The ink lives in a CANVAS×CANVAS image (what `array()` returns, whatever the widget's size); the widget
shows it scaled to its own (square) size, at least CANVAS pixels. `model_image()` is the 28×28 the
network reads, made by engine.digits.prepare (the one preprocessing for drawings, files and arrays).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from engine import digits
from gui.i18n import QT_TR_NOOP
from gui.mnist.text import Texts

CANVAS = 280   # pixels; MNIST's 28×28 times ten
PEN = 22       # stroke width on screen: about 2 MNIST pixels once a full-size digit is scaled into 20×20
PEN_SHARE = 0.12  # for the network, strokes are redrawn this thick relative to the drawing's size, so a
                  # digit drawn small is not a bold one; digits.prepare then evens the width out exactly


class DrawCanvas(QWidget):
    stroke = Signal()    # the ink changed (after every mouse-move segment, a clear or a new image)

    def __init__(self, parent=None, *, size: int = CANVAS, pen_width: int = PEN):
        super().__init__(parent)
        self._size = size
        self._pen_width = pen_width
        self._image = QImage(size, size, QImage.Format_Grayscale8)
        self._image.fill(0)
        self._last: QPointF | None = None
        self._strokes: list[list[QPointF]] = []   # the mouse strokes, for model_image()
        self._empty = True
        self._display = size
        self.setMinimumSize(size, size)
        # the panel asks for a square size (set_display_size); a smaller window may shrink it back to `size`
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        self.setCursor(Qt.CrossCursor)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        t = Texts(self)
        t.add(self.setToolTip, QT_TR_NOOP("Draw a digit here with the mouse (hold the left button). The network reads "
                                          "it after every stroke segment. Right-click or Clear to start again."))
        t.add(self._set_hint, QT_TR_NOOP("Draw a digit here"))

    def _set_hint(self, text: str) -> None:
        """What the empty canvas says (painted: kept, not translated on every paint)."""
        self._hint = text
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._display, self._display)

    def set_display_size(self, side: int) -> None:
        """Show the canvas as a side×side square (at least its ink size); it never needs more than that."""
        side = max(int(side), self._size)
        if side != self._display:
            self._display = side
            self.setMaximumSize(side, side)
            self.updateGeometry()

    def scale(self) -> float:
        """Screen pixels per ink pixel."""
        return max(min(self.width(), self.height()), 1) / self._size

    def to_ink(self, pos: QPointF) -> QPointF:
        """Widget coordinates → ink-image coordinates."""
        k = self.scale()
        return QPointF(pos.x() / k, pos.y() / k)

    # -- ink ---------------------------------------------------------------------------------
    def array(self) -> np.ndarray:
        """The drawing as a (size, size) uint8 array (a copy): ink 255, background 0."""
        img = self._image
        ptr = img.constBits()
        a = np.frombuffer(ptr, np.uint8, count=img.bytesPerLine() * img.height())
        return a.reshape(img.height(), img.bytesPerLine())[:, :img.width()].copy()

    def model_image(self) -> np.ndarray:
        """What the network reads: the (28, 28) uint8 input engine.digits.prepare makes (ink found,
        strokes made MNIST's width, scaled into 20×20, centred by mass) — the same steps as for any image —
        of `redrawn()`. Raises engine.errors.DataError for a blank canvas or one that is all ink."""
        return digits.prepare(self.redrawn())

    def redrawn(self) -> np.ndarray:
        """The mouse strokes redrawn along their exact paths with a pen whose width is a fixed share of the
        drawing's size (so small and large drawings give the same strokes after scaling); an image put on
        the canvas (set_array) as it is. A (size, size) uint8 array."""
        if not self._strokes:
            return self.array()
        pts = np.array([(q.x(), q.y()) for st in self._strokes for q in st])
        extent = float(max(np.ptp(pts[:, 0]), np.ptp(pts[:, 1])))
        width = PEN if extent < 2 else min(max(PEN_SHARE * extent, 2.0), 3.0 * PEN)
        img = QImage(self._size, self._size, QImage.Format_Grayscale8)
        img.fill(0)
        p = QPainter(img)
        p.setRenderHint(QPainter.Antialiasing, True)
        p.setPen(QPen(QColor(255, 255, 255), width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
        for st in self._strokes:
            if len(st) == 1:
                p.drawPoint(st[0])
            else:
                p.drawPolyline(st)
        p.end()
        a = np.frombuffer(img.constBits(), np.uint8, count=img.bytesPerLine() * img.height())
        return a.reshape(img.height(), img.bytesPerLine())[:, :img.width()].copy()

    def is_empty(self) -> bool:
        return self._empty

    def set_array(self, a) -> None:
        """Replace the drawing with a (size, size) array of 0–255 values (bright ink on black)."""
        a = np.ascontiguousarray(np.clip(np.asarray(a, float), 0, 255).astype(np.uint8))
        if a.shape != (self._size, self._size):
            raise ValueError(f"DrawCanvas.set_array: need shape {(self._size, self._size)}, got {a.shape}")
        self._image = QImage(a.data, self._size, self._size, self._size, QImage.Format_Grayscale8).copy()
        self._strokes = []
        self._empty = not a.any()
        self.update()
        self.stroke.emit()

    def clear(self) -> None:
        self._image.fill(0)
        self._last = None
        self._strokes = []
        self._empty = True
        self.update()
        self.stroke.emit()

    def draw_segment(self, a: QPointF, b: QPointF) -> None:
        """Ink from a to b (a == b: a dot). Starts a new stroke unless a is where the last one ended."""
        a, b = QPointF(a), QPointF(b)
        if not self._strokes or self._strokes[-1][-1] != a:
            self._strokes.append([a])
        if b != a:
            self._strokes[-1].append(b)
        p = QPainter(self._image)
        p.setRenderHint(QPainter.Antialiasing, True)
        p.setPen(QPen(QColor(255, 255, 255), self._pen_width, Qt.SolidLine, Qt.RoundCap, Qt.RoundJoin))
        if a == b:
            p.drawPoint(a)
        else:
            p.drawLine(a, b)
        p.end()
        if self._empty:
            self._empty = False
            self.update()
        r = self._pen_width / 2 + 2
        k = self.scale()
        box = QRectF(min(a.x(), b.x()) - r, min(a.y(), b.y()) - r, abs(a.x() - b.x()) + 2 * r,
                     abs(a.y() - b.y()) + 2 * r)
        self.update(QRectF(box.x() * k, box.y() * k, box.width() * k, box.height() * k).toAlignedRect()
                    .adjusted(-1, -1, 1, 1))
        self.stroke.emit()

    # -- mouse -------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self._last = self.to_ink(event.position())
            self.draw_segment(self._last, self._last)
        elif event.button() == Qt.RightButton:
            self.clear()

    def mouseMoveEvent(self, event) -> None:
        if self._last is not None and event.buttons() & Qt.LeftButton:
            pos = self.to_ink(event.position())
            self.draw_segment(self._last, pos)
            self._last = pos

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.LeftButton:
            self._last = None

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        k = self.scale()
        r = event.rect()
        if k == 1:
            p.drawImage(r, self._image, r)
        else:   # only the part to repaint, scaled smoothly
            p.setRenderHint(QPainter.SmoothPixmapTransform, True)
            p.drawImage(QRectF(r), self._image, QRectF(r.x() / k, r.y() / k, r.width() / k, r.height() / k))
        if self._empty:
            p.setPen(QColor(150, 150, 150))
            p.drawText(self.rect(), Qt.AlignCenter, self._hint)
        p.setPen(self.palette().color(QPalette.Mid))
        p.drawRect(0, 0, self.width() - 1, self.height() - 1)
