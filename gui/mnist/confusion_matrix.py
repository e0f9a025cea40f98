"""ConfusionMatrixView: a clickable heatmap of true class (rows) × predicted class (columns).

The diagonal (correct answers) is shaded green by the class's accuracy; off-diagonal cells
(mistakes) are shaded red by their count relative to the largest mistake count, so the few
errors of a good network still stand out. Each cell shows its count.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui.i18n import fill, integer, on_language_change, percent, tr
from gui.tooltips import wrap_tooltip

GOOD = QColor(0, 158, 115)   # Okabe–Ito bluish green
BAD = QColor(213, 94, 0)     # Okabe–Ito vermillion


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = float(min(max(t, 0.0), 1.0))
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


class ConfusionMatrixView(QWidget):
    cell_clicked = Signal(int, int)   # (true class, predicted class)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._cm: np.ndarray | None = None
        self._names: tuple = ()
        self._hover = (-1, -1)
        self._selected = (-1, -1)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 260)   # fits a 720-pixel screen
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setToolTip("")
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """The texts painted on the matrix (kept: paintEvent runs on every hover)."""
        self._predicted_text = tr("predicted class")
        self._true_text = tr("true class")
        self._empty_text = tr("The confusion matrix appears here once a network has been\n"
                              "trained or loaded and the test images are loaded.")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 460)

    def set_matrix(self, cm, class_names) -> None:
        self._cm = None if cm is None else np.asarray(cm, np.int64).copy()
        self._names = tuple(class_names)
        self._selected = (-1, -1)
        self.update()

    def matrix(self):
        return None if self._cm is None else self._cm.copy()

    def select(self, i: int, j: int) -> None:
        self._selected = (i, j)
        self.update()

    # -- geometry ----------------------------------------------------------------------------
    def _layout(self):
        fm = self.fontMetrics()
        n = len(self._names) or 10
        label_w = min(max((fm.horizontalAdvance(s) for s in self._names), default=10) + 8, 110)
        left = fm.height() + 6 + label_w
        top = 2 * fm.height() + 8
        side = max(10.0, min(self.width() - left - 6, self.height() - top - 6) / n)
        return left, top, side, n

    def cell_rect(self, i: int, j: int) -> QRectF:
        left, top, side, _ = self._layout()
        return QRectF(left + j * side, top + i * side, side, side)

    def cell_at(self, pos) -> tuple[int, int]:
        if self._cm is None:
            return -1, -1
        left, top, side, n = self._layout()
        j = int((pos.x() - left) // side)
        i = int((pos.y() - top) // side)
        return (i, j) if 0 <= i < n and 0 <= j < n and pos.x() >= left and pos.y() >= top else (-1, -1)

    # -- events ------------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:
        cell = self.cell_at(event.position())
        if cell != self._hover:
            self._hover = cell
            self.update()
            if cell[0] >= 0:
                QToolTip.showText(event.globalPosition().toPoint(), wrap_tooltip(self._tip(*cell)), self)
            else:
                QToolTip.hideText()

    def leaveEvent(self, event) -> None:
        self._hover = (-1, -1)
        self.update()

    def mousePressEvent(self, event) -> None:
        i, j = self.cell_at(event.position())
        if i >= 0 and event.button() == Qt.LeftButton:
            self._selected = (i, j)
            self.update()
            self.cell_clicked.emit(i, j)

    def _tip(self, i: int, j: int) -> str:
        cm = self._cm
        support = int(cm[i].sum())
        share = fill(tr(" (%1 of the %2 of “%3”)"), percent(cm[i, j] / support, 1),
                     tr("%Ln test image(s)", "", support), self._names[i]) if support else ""
        if i == j:
            return fill(tr("“%1” classified correctly: %2%3. Click to see them, least sure first."), self._names[i],
                        integer(cm[i, j]), share)
        return fill(tr("True “%1”, predicted “%2”: %3%4. Click to see them."), self._names[i], self._names[j],
                    tr("%Ln image(s)", "", int(cm[i, j])), share)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing, False)
        pal = self.palette()
        fg = pal.color(QPalette.WindowText)
        base = pal.color(QPalette.Base)
        if self._cm is None:
            p.setPen(pal.color(QPalette.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self._empty_text)
            return
        cm = self._cm
        left, top, side, n = self._layout()
        fm = self.fontMetrics()
        support = np.maximum(cm.sum(axis=1), 1)
        off = cm.copy()
        np.fill_diagonal(off, 0)
        max_off = max(int(off.max()), 1)
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, min(font.pointSizeF(), side / 3.2)))
        small = QFont(font)
        for i in range(n):
            for j in range(n):
                r = self.cell_rect(i, j)
                if i == j:
                    color = _mix(base, GOOD, 0.25 + 0.75 * cm[i, i] / support[i]) if cm[i].sum() else base
                else:
                    color = _mix(base, BAD, (cm[i, j] / max_off) ** 0.7) if cm[i, j] else base
                p.fillRect(r, color)
                p.setFont(small)
                if cm[i, j]:
                    text_color = QColor("white") if color.lightness() < 140 else QColor("black")
                    p.setPen(text_color)
                    p.drawText(r, Qt.AlignCenter, f"{cm[i, j]}")
        p.setPen(pal.color(QPalette.Mid))
        for k in range(n + 1):
            p.drawLine(QPointF(left, top + k * side), QPointF(left + n * side, top + k * side))
            p.drawLine(QPointF(left + k * side, top), QPointF(left + k * side, top + n * side))
        for cell, color, width in ((self._hover, pal.color(QPalette.Text), 1),
                                   (self._selected, pal.color(QPalette.Highlight), 3)):
            if cell[0] >= 0:
                pen = p.pen()
                pen.setColor(color)
                pen.setWidth(width)
                p.setPen(pen)
                p.drawRect(self.cell_rect(*cell).adjusted(1, 1, -1, -1))
        p.setPen(fg)
        p.setFont(self.font())
        for k, name in enumerate(self._names[:n]):
            p.drawText(QRectF(left + k * side, top - fm.height() - 4, side, fm.height()), Qt.AlignCenter,
                       fm.elidedText(name, Qt.ElideRight, int(side)))
            p.drawText(QRectF(fm.height() + 4, top + k * side, left - fm.height() - 10, side),
                       Qt.AlignRight | Qt.AlignVCenter, fm.elidedText(name, Qt.ElideRight, left - fm.height() - 10))
        p.drawText(QRectF(left, 0, n * side, fm.height() + 2), Qt.AlignCenter, self._predicted_text)
        p.save()
        p.translate(0, top + n * side / 2)
        p.rotate(-90)
        p.drawText(QRectF(-n * side / 2, 0, n * side, fm.height() + 2), Qt.AlignCenter, self._true_text)
        p.restore()
