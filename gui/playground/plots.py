"""CurvesPlot: training and test loss per epoch (optionally per minibatch) and accuracy or R²."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

TRAIN_PEN = ("#0072B2", 2)
TEST_PEN = ("#D55E00", 2)
BATCH_PEN = ("#999999", 1)


class _Series:
    """A growable float array (amortised appends, no Python lists of thousands of floats)."""

    def __init__(self, dtype=np.float64):
        self.a = np.empty(256, dtype)
        self.n = 0

    def extend(self, v) -> None:
        v = np.asarray(v)
        need = self.n + len(v)
        if need > len(self.a):
            self.a = np.resize(self.a, max(need, 2 * len(self.a)))
        self.a[self.n:need] = v
        self.n = need

    def get(self) -> np.ndarray:
        return self.a[:self.n]

    def _set_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self._redraw()

    def _log_ticks(self, values: np.ndarray) -> None:
        """Readable labels on the log loss axis: 1-2-5 steps (or decades) inside the data's range."""
        axis = self.loss_plot.getPlotItem().getAxis("left")
        v = values[np.isfinite(values) & (values > 0)]
        if not self.log_y.isChecked() or not len(v):
            axis.setTicks(None)
            return
        lo, hi = float(v.min()), float(v.max())
        decades = range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1)
        ticks = [m * 10.0 ** e for e in decades for m in (1, 2, 5)]
        inside = [t for t in ticks if lo / 1.5 <= t <= hi * 1.5]
        if len(inside) > 6:
            inside = [t for t in inside if str(t).lstrip("0.").startswith("1")] or inside[::3]
        axis.setTicks([[(float(np.log10(t)), f"{t:g}") for t in inside], []])

    def clear(self) -> None:
        self.n = 0


FIELDS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric", "batch_step", "batch_loss")


class CurvesPlot(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.series = {k: _Series() for k in FIELDS}
        self.metric_name = "accuracy"
        self.n_batches_per_epoch = 1.0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setToolTip("The latest epoch's loss and accuracy (or R²) on the training and test points.")
        head.addWidget(self.summary, 1)
        self.per_batch = QCheckBox("per batch")
        self.per_batch.setToolTip("Also draw the loss of each minibatch (grey): noisy, because each step sees "
                                  "only a few points — that noise is the 'stochastic' in SGD.")
        self.per_batch.toggled.connect(self._redraw)
        head.addWidget(self.per_batch)
        self.log_y = QCheckBox("log")
        self.log_y.setChecked(True)
        self.log_y.setToolTip("Logarithmic loss axis: shows the late, slow part of training clearly.")
        self.log_y.toggled.connect(self._set_log)
        head.addWidget(self.log_y)
        lay.addLayout(head)
        self.loss_plot = pg.PlotWidget()
        self.metric_plot = pg.PlotWidget()
        for p, name in ((self.loss_plot, "loss"), (self.metric_plot, "accuracy")):
            pi = p.getPlotItem()
            pi.setMenuEnabled(False)
            pi.hideButtons()
            pi.setLabel("left", name)
            pi.setClipToView(True)
            pi.setDownsampling(auto=True, mode="peak")
            p.setMouseEnabled(x=False, y=False)
            left = pi.getAxis("left")
            left.enableAutoSIPrefix(False)
            left.setStyle(maxTextLevel=0)     # log axis: label the decades only, no crowded minor labels
            left.setWidth(44)
            lay.addWidget(p, 1)
        self.metric_plot.getPlotItem().setLabel("bottom", "epoch")
        self.loss_plot.setLogMode(y=True)
        self.loss_plot.setToolTip("Loss per epoch: blue on the training points, red on the test points. "
                                  "When the red curve rises while the blue one falls, the network overfits.")
        self.metric_plot.setToolTip("Accuracy (classification) or R² (regression) per epoch, training in blue, "
                                    "test in red.")
        self.loss_plot.getPlotItem().addLegend(offset=(-4, 4), labelTextSize="8pt")
        self.batch_curve = self.loss_plot.plot(pen=pg.mkPen(BATCH_PEN[0], width=BATCH_PEN[1]), name="batch")
        self.train_curve = self.loss_plot.plot(pen=pg.mkPen(TRAIN_PEN[0], width=TRAIN_PEN[1]), name="train")
        self.test_curve = self.loss_plot.plot(pen=pg.mkPen(TEST_PEN[0], width=TEST_PEN[1], style=Qt.DashLine),
                                              name="test")
        self.train_metric_curve = self.metric_plot.plot(pen=pg.mkPen(TRAIN_PEN[0], width=TRAIN_PEN[1]))
        self.test_metric_curve = self.metric_plot.plot(pen=pg.mkPen(TEST_PEN[0], width=TEST_PEN[1],
                                                                     style=Qt.DashLine))
        self.metric_plot.setYRange(0, 1, padding=0.02)
        self._ready = True
        self.apply_palette()
        self._redraw()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange and getattr(self, "_ready", False):
            self.apply_palette()

    def apply_palette(self) -> None:
        pal = self.palette()
        fg = pal.color(QPalette.Text)
        for p in (self.loss_plot, self.metric_plot):
            p.setBackground(pal.color(QPalette.Base))
            for name in ("left", "bottom"):
                ax = p.getPlotItem().getAxis(name)
                ax.setPen(pg.mkPen(fg))
                ax.setTextPen(pg.mkPen(fg))

    def _set_log(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self._redraw()

    def _log_ticks(self, values: np.ndarray) -> None:
        """Readable labels on the log loss axis: 1-2-5 steps (or decades) inside the data's range."""
        axis = self.loss_plot.getPlotItem().getAxis("left")
        v = values[np.isfinite(values) & (values > 0)]
        if not self.log_y.isChecked() or not len(v):
            axis.setTicks(None)
            return
        lo, hi = float(v.min()), float(v.max())
        decades = range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1)
        ticks = [m * 10.0 ** e for e in decades for m in (1, 2, 5)]
        inside = [t for t in ticks if lo / 1.5 <= t <= hi * 1.5]
        if len(inside) > 6:
            inside = [t for t in inside if str(t).lstrip("0.").startswith("1")] or inside[::3]
        axis.setTicks([[(float(np.log10(t)), f"{t:g}") for t in inside], []])

    def clear(self) -> None:
        for s in self.series.values():
            s.clear()
        self._redraw()

    def add(self, history, metric_name: str) -> None:
        for k in FIELDS:
            v = getattr(history, k)
            if len(v):
                self.series[k].extend(v)
        if metric_name != self.metric_name:
            self.metric_name = metric_name
            self.metric_plot.getPlotItem().setLabel("left", metric_name)
        self._redraw()

    def _redraw(self) -> None:
        s = {k: v.get() for k, v in self.series.items()}
        ep = s["epoch"].astype(np.float64)
        self.train_curve.setData(ep, _positive(s["train_loss"]))
        self._log_ticks(np.concatenate([s["train_loss"], s["test_loss"]]))
        test = s["test_loss"]
        have_test = len(test) and np.isfinite(test).any()
        self.test_curve.setData(ep if have_test else [], _positive(test) if have_test else [])
        self.train_metric_curve.setData(ep, s["train_metric"])
        tm = s["test_metric"]
        self.test_metric_curve.setData(ep if have_test else [], tm if have_test else [])
        if self.per_batch.isChecked() and len(s["batch_step"]) and len(ep):
            # minibatch steps → fractional epochs, so both share the epoch axis
            steps = s["batch_step"].astype(np.float64)
            last_step = steps[-1]
            per_epoch = max(last_step / max(ep[-1], 1.0), 1.0)
            self.batch_curve.setData(steps / per_epoch, _positive(s["batch_loss"]))
        else:
            self.batch_curve.setData([], [])
        if self.metric_name == "accuracy":
            self.metric_plot.setYRange(0, 1, padding=0.02)
        elif len(s["train_metric"]):
            lo = np.nanmin(np.concatenate([s["train_metric"], tm[np.isfinite(tm)]]))
            self.metric_plot.setYRange(max(min(lo, 0.0), -1.0), 1, padding=0.02)
        if len(ep):
            m = self.metric_name
            txt = f"loss {s['train_loss'][-1]:.4f} · {m} {_fmt(s['train_metric'][-1], m)}"
            if have_test and np.isfinite(test[-1]):
                txt += (f"  |  <span style='color:{TEST_PEN[0]}'>test loss {test[-1]:.4f} · "
                        f"{m} {_fmt(tm[-1], m)}</span>")
            self.summary.setText(txt)
        else:
            self.summary.setText("No training yet.")

    def latest(self) -> dict:
        s = {k: v.get() for k, v in self.series.items()}
        return {k: (float(s[k][-1]) if len(s[k]) else float("nan")) for k in FIELDS}

    def to_state(self) -> dict:
        return {k: np.array(v.get()) for k, v in self.series.items()} | {"metric_name": self.metric_name}

    def set_state(self, d: dict) -> None:
        self.clear()
        for k in FIELDS:
            self.series[k].extend(np.asarray(d.get(k, []), dtype=np.float64))
        self.metric_name = str(d.get("metric_name", "accuracy"))
        self.metric_plot.getPlotItem().setLabel("left", self.metric_name)
        self._redraw()


def _positive(v):
    v = np.asarray(v, dtype=np.float64)
    return np.maximum(v, 1e-12)


def _fmt(v, metric):
    if not np.isfinite(v):
        return "–"
    return f"{100 * v:.1f}%" if metric == "accuracy" else f"{v:.3f}"
