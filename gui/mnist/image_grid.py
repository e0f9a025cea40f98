"""ImageGrid: many small images (digits, weight pictures) in rows that wrap with the width, each
with an optional caption and tooltip; clicking one emits its index. Put it in a QScrollArea."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.tooltips import wrap_tooltip
from gui.widgets.colors import NEGATIVE_RGB, POSITIVE_RGB, is_dark


def gray_qimage(img: np.ndarray) -> QImage:
    """A (h, w) uint8 array as a QImage that owns its pixels."""
    a = np.ascontiguousarray(img, dtype=np.uint8)
    h, w = a.shape
    return QImage(a.data, w, h, w, QImage.Format_Grayscale8).copy()


def rgb_qimage(rgb: np.ndarray) -> QImage:
    a = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w, _ = a.shape
    return QImage(a.data, w, h, 3 * w, QImage.Format_RGB888).copy()


def signed_rgb(images: np.ndarray, dark: bool) -> np.ndarray:
    """Signed (n, h, w) arrays → (n, h, w, 3) RGB: blue negative, orange positive, a neutral grey
    at 0; each image scaled by its own largest |value|."""
    v = np.asarray(images, np.float32)
    peak = np.abs(v).reshape(len(v), -1).max(axis=1) if v.size else np.zeros(len(v), np.float32)
    t = np.clip(v / np.maximum(peak, 1e-12)[:, None, None], -1, 1)[..., None]
    mid = np.array([40.0, 40, 40]) if dark else np.array([240.0, 240, 240])
    pos = mid + (POSITIVE_RGB - mid) * np.clip(t, 0, 1)
    neg = mid + (NEGATIVE_RGB - mid) * np.clip(-t, 0, 1)
    return np.where(t >= 0, pos, neg).astype(np.uint8)


def draw_empty_text(p: QPainter, widget: QWidget, text: str, margin: int) -> None:
    """What an empty picture widget says (if anything), in the placeholder colour at its top left."""
    if text:
        p.setPen(widget.palette().color(QPalette.PlaceholderText))
        p.drawText(widget.rect().adjusted(margin, margin, -margin, -margin),
                   Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap, text)


class ImageGrid(QWidget):
    clicked = Signal(int)

    def __init__(self, parent=None, *, cell: int = 56, caption_lines: int = 1):
        super().__init__(parent)
        self._cell = cell
        self._caption_lines = caption_lines
        self._images: list[QImage] = []
        self._captions: list[str] = []
        self._tips: list[str] = []
        self._colors: list[QColor | None] = []
        self._signed: np.ndarray | None = None
        self._empty_text = ""
        self._selected = -1
        self._row_starts: frozenset = frozenset()
        self._layout_cache = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)

    # -- content -----------------------------------------------------------------------------
    def set_images(self, images, captions=None, tips=None, *, signed: bool = False, caption_colors=None,
                   row_starts=()) -> None:
        """`images` (n, h, w): uint8 grey, or any signed numbers with `signed=True` (each scaled by
        its own largest |value|; blue negative, orange positive). Images whose index is in
        `row_starts` begin a new row (e.g. one row per class)."""
        images = np.asarray(images)
        n = len(images)
        before = (len(self._images), self._caption_h(), self._row_starts)
        self._row_starts = frozenset(int(i) for i in row_starts)
        self._layout_cache = None
        self._signed = images.copy() if signed else None
        self._images = self._render(images)
        self._captions = list(captions) if captions is not None else [""] * n
        self._tips = list(tips) if tips is not None else [""] * n
        self._colors = list(caption_colors) if caption_colors is not None else [None] * n
        self._selected = -1
        if (n, self._caption_h(), self._row_starts) != before:   # e.g. not for each new preview while drawing
            self.updateGeometry()
        self.update()

    def _render(self, images) -> list[QImage]:
        if self._signed is not None:
            if len(images) == 0:
                return []
            rgb = signed_rgb(images, is_dark(self.palette()))
            return [rgb_qimage(im) for im in rgb]
        return [gray_qimage(im) for im in images]

    def set_tips(self, tips) -> None:
        """New tooltips for the images shown (e.g. in another language); the images stay."""
        tips = list(tips)
        if len(tips) == len(self._images):
            self._tips = tips

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def count(self) -> int:
        return len(self._images)

    def captions(self) -> list[str]:
        return list(self._captions)

    # -- geometry ----------------------------------------------------------------------------
    def _caption_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 0.85)
        return f

    def _caption_h(self) -> int:
        if not any(self._captions):
            return 0
        from PySide6.QtGui import QFontMetrics
        return QFontMetrics(self._caption_font()).height() * self._caption_lines + 2

    def _pitch(self) -> tuple[int, int]:
        return self._cell + 6, self._cell + 6 + self._caption_h()

    def _columns(self, width: int | None = None) -> int:
        return max(1, (width or self.width()) // self._pitch()[0])

    def hasHeightForWidth(self) -> bool:
        return True

    def _layout(self, width: int | None = None):
        """(positions [(row, col)] per image, rows) for this width."""
        width = width or self.width()
        cols = self._columns(width)
        key = (cols, len(self._images), self._caption_h())
        if self._layout_cache is not None and self._layout_cache[0] == key:
            return self._layout_cache[1]
        pos, row, col = [], 0, 0
        for i in range(len(self._images)):
            if col >= cols or (i in self._row_starts and col > 0):
                row, col = row + 1, 0
            pos.append((row, col))
            col += 1
        result = (pos, (row + 1) if pos else 1, {rc: i for i, rc in enumerate(pos)})
        self._layout_cache = (key, result)
        return result

    def heightForWidth(self, width: int) -> int:
        return self._layout(width)[1] * self._pitch()[1] + 4

    def sizeHint(self) -> QSize:
        return QSize(8 * self._pitch()[0], self.heightForWidth(8 * self._pitch()[0]))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._pitch()[0], self._pitch()[1])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        need = self.heightForWidth(self.width())
        if self.minimumHeight() != need:
            self.setMinimumHeight(need)

    def updateGeometry(self) -> None:
        need = self.heightForWidth(max(self.width(), self._pitch()[0]))
        if self.minimumHeight() != need:
            self.setMinimumHeight(need)
        super().updateGeometry()

    def index_at(self, pos) -> int:
        pw, ph = self._pitch()
        if pos.x() < 0 or pos.y() < 0:
            return -1
        return self._layout()[2].get((int(pos.y()) // ph, int(pos.x()) // pw), -1)

    def cell_rect(self, i: int) -> QRect:
        pw, ph = self._pitch()
        row, col = self._layout()[0][i]
        return QRect(col * pw + 3, row * ph + 3, self._cell, self._cell)

    # -- events ------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self._signed is not None:
            self._images = self._render(self._signed)
            self.update()

    def mousePressEvent(self, event) -> None:
        i = self.index_at(event.position())
        if i >= 0 and event.button() == Qt.LeftButton:
            self._selected = i
            self.update()
            self.clicked.emit(i)

    def event(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            i = self.index_at(event.pos())
            if i >= 0 and self._tips[i]:
                QToolTip.showText(event.globalPos(), wrap_tooltip(self._tips[i]), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        if not self._images:
            draw_empty_text(p, self, self._empty_text, 8)
            return
        p.setRenderHint(QPainter.SmoothPixmapTransform, False)
        p.setFont(self._caption_font())
        ch = self._caption_h()
        visible = event.rect()
        for i, img in enumerate(self._images):
            r = self.cell_rect(i)
            if not visible.intersects(r.adjusted(0, 0, 0, ch + 6)):
                continue
            p.drawImage(r, img)
            if i == self._selected:
                p.setPen(QPen(pal.color(QPalette.Highlight), 2))
                p.drawRect(r.adjusted(-2, -2, 1, 1))
            if ch and self._captions[i]:
                color = self._colors[i] or pal.color(QPalette.WindowText)
                p.setPen(color)
                text = p.fontMetrics().elidedText(self._captions[i], Qt.ElideRight, r.width() + 6)
                p.drawText(QRect(r.left() - 3, r.bottom() + 2, r.width() + 6, ch), Qt.AlignHCenter | Qt.AlignTop,
                           text)
