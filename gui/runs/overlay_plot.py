"""OverlayPlot: the curves of several runs on one plot, each in its own colour, with a legend.

Items are created once per shown run slot and updated with setData; x is epochs or seconds."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from gui.i18n import QT_TR_NOOP, on_language_change, tr
from gui.runs.text import run_name
from gui.widgets.colors import CLASS_HEX

CURVE_LABELS = {"train_loss": QT_TR_NOOP("training loss"), "test_loss": QT_TR_NOOP("test loss"),
                "train_metric": QT_TR_NOOP("training metric"), "test_metric": QT_TR_NOOP("test metric")}


class OverlayPlot(pg.PlotWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("runs.overlay")
        self.setMinimumHeight(130)
        self.showGrid(x=True, y=True, alpha=0.2)
        for side in ("left", "bottom"):                      # (a log axis read "9·10² (x0.001)" for 0.9)
            self.getAxis(side).enableAutoSIPrefix(False)
        self.legend = self.addLegend(offset=(-10, 10), labelTextSize="8pt")
        self._items: list[pg.PlotDataItem] = []
        self.curve, self.x_axis = "test_loss", "epochs"
        self._runs = []
        on_language_change(self, self._retranslate, now=False)

    def _retranslate(self) -> None:
        """The legend's run names and the axis labels in the new language (the curves and the view stay)."""
        self.legend.clear()
        for item, run in zip(self._items, self._runs, strict=False):
            self.legend.addItem(item, run_name(run.name))
        self._label_axes()

    def _label_axes(self) -> None:
        self.setLabel("bottom", tr("seconds") if self.x_axis == "seconds" else tr("epoch"))
        self.setLabel("left", tr(CURVE_LABELS[self.curve]) if self.curve in CURVE_LABELS else self.curve)

    def show_runs(self, runs, curve: str | None = None, x_axis: str | None = None) -> None:
        """Draw `curve` of every run in `runs` against epochs or seconds."""
        self.curve = curve or self.curve
        self.x_axis = x_axis or self.x_axis
        runs = self._runs = list(runs)
        while len(self._items) < len(runs):
            item = self.plot([], [], pen=pg.mkPen(CLASS_HEX[len(self._items) % len(CLASS_HEX)], width=2))
            self._items.append(item)
        self.legend.clear()
        for i, item in enumerate(self._items):
            if i >= len(runs):
                item.setData([], [])
                item.hide()
                continue
            run = runs[i]
            y = np.asarray(run.curves.get(self.curve, ()), float)
            if self.x_axis == "seconds" and "seconds" in run.curves:
                x = np.asarray(run.curves["seconds"], float)[:len(y)]
            else:
                x = np.arange(1, len(y) + 1, dtype=float)
            ok = np.isfinite(y)
            item.setData(x[ok], y[ok])
            item.show()
            self.legend.addItem(item, run_name(run.name))
        self._label_axes()
        self.setLogMode(x=False, y=self.curve.endswith("loss"))
        self.enableAutoRange()

    def drawn(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """The data of the visible curves (for tests and exports)."""
        return [(item.xData, item.yData) for item in self._items if item.isVisible()]
