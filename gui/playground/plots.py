"""CurvesPlot: training and test loss per epoch (optionally per minibatch) and accuracy or R².

Snapshots arrive ~20 times a second; the curves are redrawn at most every REDRAW_S (the data is
kept in growable NumPy arrays, and the last change is always drawn). The legend is the summary line
above the plots, so it never covers a curve and only names the curves that are drawn.
"""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.i18n import fill, num, on_language_change, percent, sig, tr
from gui.playground.loss_history import LossHistory
from gui.widgets.palette import FollowsPalette

TRAIN_PEN = ("#0072B2", 2)
TEST_PEN = ("#D55E00", 2)
BATCH_PEN = ("#999999", 1)
REDRAW_S = 0.2             # redraw the curves at most this often while training
RECENT_EPOCHS = 100        # the "recent" view: about this many of the latest epochs
MAX_SHOWN = 400            # points drawn per curve (the data is thinned to this; the plots are ~600 px wide)


class CurvesPlot(FollowsPalette, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.history = LossHistory()      # what is drawn: the session's history (see show)
        self._metric_label = "accuracy"
        self.n_batches_per_epoch = 1.0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.RichText)
        # a long summary is cut off in a narrow window rather than holding the window wide (word wrap
        # would make the panel's height depend on its width, which squeezes the map above it)
        self.summary.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.summary.setFixedHeight(2 * self.summary.fontMetrics().lineSpacing() + 2)   # two lines (_summary)
        head.addWidget(self.summary, 1)
        self.per_batch = QCheckBox()
        self.per_batch.toggled.connect(self._redraw)
        head.addWidget(self.per_batch)
        self.log_y = QCheckBox()
        self.log_y.setChecked(True)
        self.log_y.toggled.connect(self._set_log)
        head.addWidget(self.log_y)
        self.recent = QCheckBox()
        self.recent.toggled.connect(self._redraw)
        head.addWidget(self.recent)
        lay.addLayout(head)
        self.loss_plot = pg.PlotWidget()
        self.metric_plot = pg.PlotWidget()
        for p in (self.loss_plot, self.metric_plot):
            pi = p.getPlotItem()
            pi.setMenuEnabled(False)
            pi.hideButtons()
            p.setMouseEnabled(x=False, y=False)
            left = pi.getAxis("left")
            left.enableAutoSIPrefix(False)
            left.setStyle(maxTextLevel=0)     # log axis: label the decades only, no crowded minor labels
            left.setWidth(44)
            lay.addWidget(p, 1)
        self.loss_plot.setLogMode(y=True)
        self.batch_curve = self.loss_plot.plot(pen=pg.mkPen(BATCH_PEN[0], width=BATCH_PEN[1]))
        self.train_curve = self.loss_plot.plot(pen=pg.mkPen(TRAIN_PEN[0], width=TRAIN_PEN[1]))
        self.test_curve = self.loss_plot.plot(pen=pg.mkPen(TEST_PEN[0], width=TEST_PEN[1], style=Qt.DashLine))
        self.train_metric_curve = self.metric_plot.plot(pen=pg.mkPen(TRAIN_PEN[0], width=TRAIN_PEN[1]))
        self.test_metric_curve = self.metric_plot.plot(pen=pg.mkPen(TEST_PEN[0], width=TEST_PEN[1],
                                                                     style=Qt.DashLine))
        for p in (self.loss_plot, self.metric_plot):
            p.getPlotItem().disableAutoRange()
        self._ranges = None
        self._ticks = None
        self._last_redraw = -1e18
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.timeout.connect(self._redraw)
        self._ready = True
        self.apply_palette()
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """Fixed texts, axis labels and the summary's words in the current language; then a redraw."""
        self.summary.setToolTip(tr("The latest epoch's loss and accuracy (or R²) on the training points (solid "
                                   "blue curves) and the test points (dashed red curves)."))
        self.per_batch.setText(tr("per batch"))
        self.per_batch.setToolTip(tr("Also draw the loss of each minibatch (grey): noisy, because each step sees "
                                     "only a few points — that noise is the 'stochastic' in SGD."))
        self.log_y.setText(tr("log"))
        self.log_y.setToolTip(tr("Logarithmic loss axis: shows the late, slow part of training clearly."))
        self.recent.setText(tr("recent"))
        self.recent.setToolTip(fill(tr("Show only about the last %1 epochs, so a long run's latest part "
                                       "stays readable (off: the whole run from epoch 0)."), RECENT_EPOCHS))
        self.loss_plot.getPlotItem().setLabel("left", tr("loss"))
        self.metric_plot.getPlotItem().setLabel("bottom", tr("epoch"))
        self.loss_plot.setToolTip(tr("Loss per epoch: blue on the training points, red on the test points. "
                                     "When the red curve rises while the blue one falls, the network overfits."))
        self.metric_plot.setToolTip(tr("Accuracy (classification) or R² (regression) per epoch, training in "
                                       "blue, test in red."))
        # the summary's words, translated once here (not at every redraw)
        self._words = {"train": tr("train", "curve legend"), "test": tr("test", "curve legend"),
                       "figures": tr(" loss %1 · %2 %3"), "no test": tr(" (no test points)"),
                       "batch": tr("batch", "curve legend"), "none": tr("No training yet."),
                       "accuracy": tr("accuracy")}
        self._metric_label = None          # the metric axis label and the log ticks are set again
        self._ticks = None
        self._redraw()

    def _metric_text(self, metric: str) -> str:
        """The metric's name as shown ("accuracy" translated; "R²" is a symbol)."""
        return self._words["accuracy"] if metric == "accuracy" else metric

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
        if not self.log_y.isChecked():
            if self._ticks is not None:
                self._ticks = None
                axis.setTicks(None)
            return
        if not len(v):                   # an empty plot shows 0.01–1 (see _set_ranges): label its decades
            v = np.array([0.01, 1.0])
        lo, hi = float(v.min()), float(v.max())
        decades = range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1)
        ticks = [m * 10.0 ** e for e in decades for m in (1, 2, 5)]
        inside = [t for t in ticks if lo / 1.5 <= t <= hi * 1.5]
        if len(inside) > 6:
            inside = [t for t in inside if str(t).lstrip("0.").startswith("1")] or inside[::3]
        ticks = [[(float(np.log10(t)), sig(t, 6)) for t in inside], []]
        if ticks != self._ticks:         # a new tick list re-lays the axis out: only when it changes
            self._ticks = ticks
            axis.setTicks(ticks)

    @property
    def metric_name(self) -> str:
        return self.history.metric_name

    def show(self, history: LossHistory) -> None:
        """Draw `history` (the session's; kept by reference) now."""
        self.history = history
        self._redraw()

    def changed(self) -> None:
        """The history grew: redraw now when due (inside the snapshot's handling, so the training job is
        waiting then); otherwise a trailing redraw once the snapshots stop (restarted by every snapshot)."""
        if time.perf_counter() - self._last_redraw >= REDRAW_S:
            self._redraw()
        else:
            self._redraw_timer.start(int(REDRAW_S * 1000))

    def _redraw(self) -> None:
        """Draw the series, thinned to at most MAX_SHOWN points a curve, in axis ranges that grow in
        steps (a new range re-lays the axes out, the costly part of a redraw)."""
        self._redraw_timer.stop()
        self._last_redraw = time.perf_counter()
        if self.metric_name != self._metric_label:
            self._metric_label = self.metric_name
            self.metric_plot.getPlotItem().setLabel("left", self._metric_text(self.metric_name))
        s = self.history.columns()
        x_lo = None
        if self.recent.isChecked() and len(s["epoch"]) and s["epoch"][-1] > RECENT_EPOCHS:
            x_lo = _recent_start(float(s["epoch"][-1]))
            keep = s["epoch"] >= x_lo
            s = {k: (v[keep] if k in EPOCH_KEYS else v) for k, v in s.items()}
        ep = s["epoch"].astype(np.float64)
        test, tm = s["test_loss"], s["test_metric"]
        have_test = bool(len(test) and np.isfinite(test).any())
        self.train_curve.setData(*_thin(ep, _positive(s["train_loss"])))
        self.test_curve.setData(*(_thin(ep, _positive(test)) if have_test else ([], [])))
        self.train_metric_curve.setData(*_thin(ep, s["train_metric"]))
        self.test_metric_curve.setData(*(_thin(ep, tm) if have_test else ([], [])))
        losses = [s["train_loss"], test]
        if self.per_batch.isChecked() and len(s["batch_step"]) and len(ep):
            # minibatch steps → fractional epochs, so both share the epoch axis
            steps = s["batch_step"].astype(np.float64)
            per_epoch = max(steps[-1] / max(ep[-1], 1.0), 1.0)
            bx, bl = steps / per_epoch, s["batch_loss"]
            if x_lo is not None:
                bx, bl = bx[bx >= x_lo], bl[bx >= x_lo]
            self.batch_curve.setData(*_thin(bx, _positive(bl), peaks=True))
            losses.append(bl)
        else:
            self.batch_curve.setData([], [])
        loss_values = np.concatenate(losses)
        self._log_ticks(loss_values)
        self._set_ranges(ep, loss_values, s["train_metric"], tm, x_lo)
        self.summary.setText(self._summary(s, have_test))

    def _set_ranges(self, ep, losses, train_metric, test_metric, x_lo=None) -> None:
        if x_lo is None:
            x_range = (0.0, _nice_ceiling(ep[-1] if len(ep) else 10.0))
        else:
            x_range = (x_lo, x_lo + 1.25 * RECENT_EPOCHS)
        v = losses[np.isfinite(losses) & (losses > 0)]
        if self.log_y.isChecked():          # whole half-decades, in the view's log10 units
            lo, hi = (np.log10(v.min()), np.log10(v.max())) if len(v) else (-2.0, 0.0)
            loss_range = (float(np.floor(lo * 2) / 2), float(max(np.ceil(hi * 2) / 2, np.floor(lo * 2) / 2 + 0.5)))
        else:
            loss_range = (0.0, _nice_ceiling(v.max() if len(v) else 1.0))
        metric_range = (0.0, 1.0)
        if self.metric_name != "accuracy" and len(train_metric):
            both = np.concatenate([train_metric, test_metric[np.isfinite(test_metric)]])
            lo = np.nanmin(both) if np.isfinite(both).any() else 0.0
            metric_range = (float(max(np.floor(min(lo, 0.0) * 4) / 4, -1.0)), 1.0)
        ranges = (x_range, loss_range, metric_range)
        if ranges == self._ranges:
            return
        self._ranges = ranges
        self.loss_plot.setRange(xRange=x_range, yRange=loss_range, padding=0.02)
        self.metric_plot.setRange(xRange=x_range, yRange=metric_range, padding=0.02)

    def _summary(self, s, have_test: bool) -> str:
        """The legend and the latest figures: '━ train loss … · accuracy …   ╍ test …   ─ batch'."""
        m = self.metric_name
        words, shown = self._words, self._metric_text(m)
        train = f"<span style='color:{TRAIN_PEN[0]}'><b>━━</b> {words['train']}</span>"
        test = f"<span style='color:{TEST_PEN[0]}'><b>╍╍</b> {words['test']}</span>"
        ep = s["epoch"]
        if len(ep):
            train += fill(words["figures"], num(s["train_loss"][-1], 4), shown, _fmt(s["train_metric"][-1], m))
            tl, tm = s["test_loss"], s["test_metric"]
            if have_test and np.isfinite(tl[-1]):
                test += fill(words["figures"], num(tl[-1], 4), shown, _fmt(tm[-1], m))
            else:
                test += words["no test"]
        parts = [train, test]
        if self.per_batch.isChecked():
            parts.append(f"<span style='color:{BATCH_PEN[0]}'>── {words['batch']}</span>")
        # two lines (train / test), so the legend is never cut off in a narrow window
        text = parts[0] + "<br>" + "&nbsp;&nbsp;&nbsp;".join(parts[1:])
        return text if len(ep) else text + "&nbsp;&nbsp;&nbsp;" + words["none"]


EPOCH_KEYS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric")


def _recent_start(last_epoch: float) -> float:
    """The first epoch of the recent view: moves in steps of a quarter window (an axis change is costly)."""
    step = RECENT_EPOCHS / 4
    return float(max(0.0, np.floor((last_epoch - RECENT_EPOCHS) / step) * step))


def _thin(x: np.ndarray, y: np.ndarray, n: int = 0, peaks: bool = False):
    """At most ~n points (MAX_SHOWN by default): bucket means, or each bucket's min and max with `peaks`
    (the noise band of the minibatch losses). The last point is always the latest value."""
    n = n or MAX_SHOWN
    if len(x) <= n:
        return x, y
    m = n // 2 if peaks else n
    edges = np.linspace(0, len(x), m + 1).astype(np.intp)[:-1]
    counts = np.diff(np.append(edges, len(x)))
    xs = np.add.reduceat(x, edges) / counts
    if peaks:
        lo, hi = np.minimum.reduceat(y, edges), np.maximum.reduceat(y, edges)
        xs = np.repeat(xs, 2)
        ys = np.column_stack([lo, hi]).ravel()
    else:
        ys = np.add.reduceat(y, edges) / counts
    return np.append(xs, x[-1]), np.append(ys, y[-1])


def _nice_ceiling(v: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is ≥ v (an axis end that changes rarely)."""
    v = max(float(v), 1e-12)
    k = np.floor(np.log10(v))
    for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * 10 ** k >= v * (1 - 1e-9):
            return float(m * 10 ** k)
    return float(10 ** (k + 1))


def _positive(v):
    v = np.asarray(v, dtype=np.float64)
    return np.maximum(v, 1e-12)


def _fmt(v, metric):
    if not np.isfinite(v):
        return "–"
    return percent(v, 1) if metric == "accuracy" else num(v, 3)
