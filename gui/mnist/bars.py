"""BarList: one labelled horizontal bar per class, for values in [0, 1] (probabilities, accuracies).

A bar runs from the list's `start` value (0 unless set: `set_values(..., start=0.98)`) to 1, so values that
differ little (97% and 99.5%) can be told apart; `zoomed_start` picks such a start from the data."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.i18n import on_language_change, percent
from gui.mnist.image_grid import draw_empty_text

NICE_STEPS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5)


def zoomed_start(values) -> float:
    """Where bars of these values in [0, 1] should start so their differences show: a round value (a multiple of a
    1-2-5 step) a little below the smallest one, so the shortest bar is about a fifth of the longest; 0 when the
    values spread widely anyway."""
    v = np.asarray(values, float)
    v = v[np.isfinite(v)]
    if not len(v) or v.min() <= 0.5:
        return 0.0
    gap = 1.0 - float(v.min())
    room = max(1.25 * gap, 0.005)
    step = next((s for s in NICE_STEPS if s >= room / 4), 0.5)
    return round(max(0.0, math.floor((1.0 - room) / step + 1e-9) * step), 6)


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
        self._start = 0.0
        self._own_texts = True   # the texts are the values as percentages (written again in a new locale)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        on_language_change(self, self._locale_changed, now=False)

    def _percentages(self) -> list[str]:
        return ["–" if not math.isfinite(v) else percent(v, 1) for v in self._values]

    def _locale_changed(self) -> None:
        if self._own_texts and len(self._values):
            self._texts = self._percentages()
            self.update()

    def set_values(self, labels, values, texts=None, highlight=(), highlight_color: QColor | None = None,
                   start: float = 0.0) -> None:
        """Bars for `values` (NaN: no bar); `texts` default to percentages; `highlight` indices get
        the highlight colour (default: the palette's); bars start at value `start` (in [0, 1))."""
        self._start = min(max(float(start), 0.0), 0.999)
        relayout = len(labels) != len(self._labels)
        self._labels = [str(s) for s in labels]
        self._values = np.asarray(values, float).copy()
        self._own_texts = texts is None
        self._texts = list(texts) if texts is not None else self._percentages()
        self._highlight = set(int(i) for i in highlight)
        self._highlight_color = highlight_color
        if relayout:   # only the number of bars changes the size (not every new value while drawing)
            self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_values([], [])

    def values(self) -> np.ndarray:
        return self._values.copy()

    @property
    def start(self) -> float:
        """The value where every bar starts (0, or higher to show small differences)."""
        return self._start

    def bar_fraction(self, i: int) -> float:
        """How much of the full bar length bar i fills (0–1; NaN for no bar)."""
        v = float(self._values[i])
        return (min(max(v, self._start), 1.0) - self._start) / (1.0 - self._start) if math.isfinite(v) else math.nan

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
            draw_empty_text(p, self, self._empty_text, 4)
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
                p.fillRect(QRectF(x0, y, bar_w * self.bar_fraction(i), self._bar_h),
                           strong if i in self._highlight else normal)
            p.setPen(pal.color(QPalette.WindowText))
            p.drawText(QRectF(x0 + bar_w + 4, y, text_w, self._bar_h), Qt.AlignLeft | Qt.AlignVCenter,
                       self._texts[i])
