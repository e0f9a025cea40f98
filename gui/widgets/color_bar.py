"""ColorBar: the key of the playground's map — what its colours mean, and which marks are which points.

Two scales: a value scale (2D regression: blue −vmax … 0 … orange +vmax, as the map colours the
prediction) and a certainty scale (classification: per class, from 1/k, a pale "unsure", to 100%).
Below it, a legend: a filled dot is a training point, a ring a test point. It paints itself with the
same colours and opacities as the map (gui/playground/render.py), over the palette's Base colour.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.i18n import fill, on_language_change, percent, sig, tr
from gui.widgets.colors import CLASS_HEX, NEGATIVE, POSITIVE

MAP_ALPHA = 200 / 255      # as render.MAP_ALPHA: a fully certain class cell
VALUE_ALPHA = 0.85         # as render.VALUE_LUT
STEPS = 48


def _over(color: QColor, base: QColor, alpha: float) -> QColor:
    a = max(0.0, min(1.0, alpha))
    return QColor(round(base.red() + (color.red() - base.red()) * a),
                  round(base.green() + (color.green() - base.green()) * a),
                  round(base.blue() + (color.blue() - base.blue()) * a))


def _fmt(v: float) -> str:
    """A value of the scale, as a person reads it (3 significant digits, in the current locale)."""
    return sig(v, 3)


class ColorBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("color_bar")
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Expanding)
        self.kind = "classes"
        self.vmax = 1.0
        self.n_classes = 2
        self.show_test = True
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self._update_tip()
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        legend = max(fm.horizontalAdvance(self._legend_text(False)), fm.horizontalAdvance(self._legend_text(True)))
        return QSize(max(fm.horizontalAdvance("−0.000") + 30, legend + 16), 200)

    @staticmethod
    def _legend_text(test: bool) -> str:
        if test:
            return tr("test", "colour bar legend: a test point")
        return tr("train", "colour bar legend: a training point")

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), 120)

    def set_values(self, vmax: float) -> None:
        """A value scale from −vmax to +vmax (2D regression)."""
        self.kind, self.vmax = "values", float(vmax)
        self._update_tip()
        self.update()

    def set_classes(self, k: int) -> None:
        """A certainty scale for `k` classes."""
        self.kind, self.n_classes = "classes", max(2, int(k))
        self._update_tip()
        self.update()

    def set_curve(self) -> None:
        """1D regression: no map, only the point legend."""
        self.kind = "curve"
        self._update_tip()
        self.update()

    def set_show_test(self, on: bool) -> None:
        self.show_test = bool(on)
        self.update()

    def labels(self) -> tuple[str, str]:
        """(top, bottom) labels of the scale."""
        if self.kind == "values":
            return _fmt(self.vmax), _fmt(-self.vmax)
        if self.kind == "classes":
            return percent(1.0, 0), percent(1.0 / self.n_classes, 0)
        return "", ""

    def _update_tip(self) -> None:
        if self.kind == "values":
            tip = fill(tr("The map's colour is the network's prediction ŷ: orange positive, blue negative, pale near "
                          "0; full colour at |ŷ| ≥ %1 (the largest |target| of the points)."), _fmt(self.vmax))
        elif self.kind == "classes":
            tip = fill(tr("The map shows the likeliest class in its colour; the stronger the colour, the surer the "
                          "network (from %1, a guess among %2 classes, to %3)."),
                       percent(1.0 / self.n_classes, 0), self.n_classes, percent(1.0, 0))
        else:
            tip = tr("The line is the network's prediction ŷ(x).")
        self.setToolTip(tip + " " + tr("A filled dot is a training point; a ring is a test point the network never "
                                       "trains on."))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        base, text = pal.color(QPalette.Base), pal.color(QPalette.WindowText)
        fm = self.fontMetrics()
        lh = fm.height()
        legend_h = 2 * lh + 8
        top, bottom = lh // 2 + 2, self.height() - legend_h - lh // 2 - 4
        x0, bw = 4, 14
        if self.kind != "curve" and bottom - top > 20:
            h = (bottom - top) / STEPS
            k = self.n_classes if self.kind == "classes" else 1
            col_w = bw / k if self.kind == "classes" else bw
            for i in range(STEPS):
                t = 1.0 - (i + 0.5) / STEPS          # 1 at the top
                y = top + i * h
                if self.kind == "values":
                    v = 2 * t - 1
                    c = _over(POSITIVE if v >= 0 else NEGATIVE, base, abs(v) * VALUE_ALPHA)
                    p.fillRect(QRectF(x0, y, bw, h + 1), c)
                else:
                    q = 1 / k + (1 - 1 / k) * t     # certainty
                    for j in range(k):
                        c = _over(QColor(CLASS_HEX[j % len(CLASS_HEX)]), base, q ** 0.8 * MAP_ALPHA)
                        p.fillRect(QRectF(x0 + j * col_w, y, col_w + 0.5, h + 1), c)
            p.setPen(QPen(pal.color(QPalette.Mid), 1))
            p.drawRect(QRectF(x0, top, bw, bottom - top))
            p.setPen(text)
            hi, lo = self.labels()
            tx = x0 + bw + 3
            p.drawText(QRectF(tx, top - lh / 2, self.width() - tx, lh), Qt.AlignLeft | Qt.AlignVCenter, hi)
            p.drawText(QRectF(tx, bottom - lh / 2, self.width() - tx, lh), Qt.AlignLeft | Qt.AlignVCenter, lo)
            if self.kind == "values":
                mid = (top + bottom) / 2
                p.drawText(QRectF(tx, mid - lh / 2, self.width() - tx, lh), Qt.AlignLeft | Qt.AlignVCenter, "0")
        # the legend: a filled dot (training) and a ring (test)
        y = self.height() - legend_h
        p.setRenderHint(QPainter.Antialiasing, True)
        p.setPen(QPen(text, 1))
        p.setBrush(QColor(CLASS_HEX[0]))
        p.drawEllipse(QPointF(x0 + 5, y + lh / 2), 4, 4)
        p.setBrush(Qt.NoBrush)
        p.drawText(QRectF(x0 + 12, y, self.width(), lh), Qt.AlignLeft | Qt.AlignVCenter,
                   self._legend_text(False))
        if self.show_test:
            p.setPen(QPen(QColor(CLASS_HEX[0]), 2))
            p.drawEllipse(QPointF(x0 + 5, y + lh * 1.5 + 4), 4.5, 4.5)
            p.setPen(text)
            p.drawText(QRectF(x0 + 12, y + lh + 4, self.width(), lh), Qt.AlignLeft | Qt.AlignVCenter,
                       self._legend_text(True))
