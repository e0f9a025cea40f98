"""BarList: one labelled horizontal bar per class, for values in [0, 1] (probabilities, accuracies)."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarList(QWidget):
    def __init__(self, parent=None, *, bar_height: int = 20, empty_text: str = ""):
        super().__init__(parent)
        self._labels: list[str] = []
        self._values = np.zeros(0)
        self._texts: list[str] = []
        self._highlight: set[int] = set()
        self._highlight_color: QColor | None = None
        self._bar_h = bar_height
        self._empty_text = empty_text
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)

    def set_values(self, labels, values, texts=None, highlight=(), highlight_color: QColor | None = None) -> None:
        """Bars for `values` (NaN: no bar); `texts` default to percentages; `highlight` indices get
        the highlight colour (default: the palette's)."""
        relayout = len(labels) != len(self._labels)
        self._labels = [str(s) for s in labels]
        self._values = np.asarray(values, float).copy()
        self._texts = list(texts) if texts is not None else [
            "–" if not math.isfinite(v) else f"{100 * v:.1f}%" for v in self._values]
        self._highlight = set(int(i) for i in highlight)
        self._highlight_color = highlight_color
        if relayout:   # only the number of bars changes the size (not every new value while drawing)
            self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_values([], [])

    def values(self) -> np.ndarray:
        return self._values.copy()

    def sizeHint(self) -> QSize:
        n = max(len(self._labels), 10)
        return QSize(260, n * (self._bar_h + 4) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, max(len(self._labels), 1) * (self._bar_h + 4) + 4)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        fm = self.fontMetrics()
        if not self._labels:
            if self._empty_text:
                p.setPen(pal.color(QPalette.PlaceholderText))
                p.drawText(self.rect().adjusted(4, 4, -4, -4), Qt.AlignLeft | Qt.AlignTop | Qt.TextWordWrap,
                           self._empty_text)
            return
        label_w = min(max(fm.horizontalAdvance(s) for s in self._labels) + 8, 120)
        text_w = fm.horizontalAdvance("100.0%") + 8
        x0 = label_w
        bar_w = max(10, self.width() - x0 - text_w - 4)
        pitch = self._bar_h + 4
        normal = QColor(pal.color(QPalette.WindowText))
        normal.setAlpha(110)
        strong = self._highlight_color or pal.color(QPalette.Highlight)
        track = pal.color(QPalette.AlternateBase)
        for i, (label, v) in enumerate(zip(self._labels, self._values, strict=False)):
            y = 2 + i * pitch
            p.setPen(pal.color(QPalette.WindowText))
            p.drawText(QRectF(0, y, label_w - 6, self._bar_h), Qt.AlignRight | Qt.AlignVCenter,
                       fm.elidedText(label, Qt.ElideRight, label_w - 6))
            p.fillRect(QRectF(x0, y, bar_w, self._bar_h), track)
            if math.isfinite(v):
                p.fillRect(QRectF(x0, y, bar_w * min(max(v, 0.0), 1.0), self._bar_h),
                           strong if i in self._highlight else normal)
            p.setPen(pal.color(QPalette.WindowText))
            p.drawText(QRectF(x0 + bar_w + 4, y, text_w, self._bar_h), Qt.AlignLeft | Qt.AlignVCenter,
                       self._texts[i])
