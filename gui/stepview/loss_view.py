"""LossView: the lesson's four losses against the prediction for one sample, the current value marked.

Classification: the losses as functions of p_y, the probability given to the true class (the other
classes share the rest equally); regression: as functions of ŷ around the target y."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.i18n import QT_TR_NOOP, on_language_change, tr

PENS = {"absolute": "#0072B2", "squared": "#E69F00", "zero_one": "#999999", "logistic": "#D55E00"}
NAMES = {"absolute": QT_TR_NOOP("absolute"), "squared": QT_TR_NOOP("squared"), "zero_one": "0-1",
         "logistic": QT_TR_NOOP("logistic")}


def loss_curves(classification: bool, target: float, k: int = 2, n: int = 200):
    """x values and each loss over them (for classification x is p_y in (0, 1])."""
    if classification:
        p = np.linspace(0.005, 1.0, n)
        rest = (1 - p) / max(k - 1, 1)
        return p, {"absolute": (1 - p) + (k - 1) * rest, "squared": (1 - p) ** 2 + (k - 1) * rest ** 2,
                   "zero_one": (p < 1.0 / k).astype(float), "logistic": -np.log(p)}
    y = np.linspace(target - 2, target + 2, n)
    return y, {"absolute": np.abs(y - target), "squared": (y - target) ** 2}


class LossView(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("step.loss_view")
        self.setMinimumHeight(110)
        self.setMinimumWidth(160)
        self.legend = self.addLegend(offset=(-10, 10), labelTextSize="8pt")
        self.curves = {name: self.plot([], [], pen=pg.mkPen(c, width=2)) for name, c in PENS.items()}
        self.marks = pg.ScatterPlotItem(size=9, pen=pg.mkPen("k"), brush=pg.mkBrush("w"))
        self.addItem(self.marks)
        self.setYRange(0, 3)
        self._classification = True
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """The legend and the axis labels in the current language."""
        self.legend.clear()
        for name, item in self.curves.items():
            self.legend.addItem(item, tr(NAMES[name]))
        self.setLabel("bottom", tr("probability of the true class p_y") if self._classification
                      else tr("prediction ŷ"))
        self.setLabel("left", tr("loss"))

    def show_sample(self, classification: bool, target, output: np.ndarray, probabilities=None) -> None:
        k = len(output) if classification else 1
        x, losses = loss_curves(classification, float(target) if not classification else 0.0, k)
        now = float(probabilities[int(target)]) if classification else float(output[0])
        spots = []
        for name, item in self.curves.items():
            if name in losses:
                item.setData(x, losses[name])
                spots.append((now, float(np.interp(now, x, losses[name]))))
            else:
                item.setData([], [])
        self.marks.setData([p[0] for p in spots], [p[1] for p in spots])
        self._classification = bool(classification)
        self._retranslate()
