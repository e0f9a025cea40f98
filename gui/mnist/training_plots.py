"""TrainingPlots: the loss curve (smoothed per batch; per epoch for train and test), accuracy, the
train − test gap, and how large the weights of each layer grow.

Cheap on the GUI thread while a network trains: items are created once and updated with setData
only when their data changed, at most every REDRAW_MS; the axes' ranges are set here (quantised, so
they rarely change) instead of by pyqtgraph's auto-range, which repaints every plot a second time
after each update; labels have fixed heights so new texts never re-layout the window.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from gui.i18n import QT_TR_NOOP, fill, integer, num, on_language_change, percent, sig, tr
from gui.mnist.history import GROUPS, HISTORY_KEYS, WEIGHT_KEYS, TrainingHistory, validate_history
from gui.widgets.colors import CLASS_HEX

BATCH, TRAIN, TEST, LIVE = CLASS_HEX[4], CLASS_HEX[0], CLASS_HEX[1], CLASS_HEX[2]
LAYER_COLORS = ("#D55E00", "#CC79A7", "#009E73", "#56B4E9", "#E69F00", "#0072B2", "#999999")
REDRAW_MS = 250      # the live curves are redrawn at most this often (each redraw costs the GUI thread)
MAX_SYMBOLS = 40     # per-epoch curves show a symbol per epoch up to this many epochs
GAP_WARN = 2.0       # train − test accuracy gap (percentage points) shown as a warning
NO_CURVES = QT_TR_NOOP("Train a network to see its learning curves here.")

GAP_HELP = QT_TR_NOOP(
    "The generalisation gap: accuracy on training images minus accuracy on test images, both measured "
    "after the epoch with the same weights (10,000 images each). A network that only memorises its "
    "training images scores much better on them than on new ones: when the gap keeps growing while "
    "the test loss turns up, it overfits. Remedies to try: fewer epochs, more training images, "
    "dropout, L2, or a smaller network.")
WEIGHTS_HELP = QT_TR_NOOP(
    "How large the weights of each layer are: the solid line is the largest |w| in the layer's "
    "weight matrix W, the dashed line the mean |w|, sampled a few times a second and after every "
    "epoch (0 = the random initial weights). Gradient descent keeps pushing some weights up to make "
    "the training loss smaller; steadily growing weights are a sign the network starts to fit "
    "noise in the training images. L2 (weight decay) holds them back; a too-high learning rate "
    "makes them jump. Compare activations: the same network with tanh or sigmoid grows its weights "
    "very differently than with ReLU.")


def _fixed_label(text: str = "", *, scale: float = 1.0, lines: int = 1) -> QLabel:
    """A label whose size never follows its text (a new text repaints it, but re-lays out nothing)."""
    label = QLabel(text)
    if scale != 1.0:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
    label.setFixedHeight(lines * label.fontMetrics().lineSpacing() + 6)
    label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
    label.setTextFormat(Qt.RichText)
    return label


class TrainingPlots(QWidget):
    """Draws a TrainingHistory (the session's, shared with `show_history`; its own one until then)."""
    HISTORY_KEYS, WEIGHT_KEYS, GROUPS = HISTORY_KEYS, WEIGHT_KEYS, GROUPS

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.headline = _fixed_label(tr(NO_CURVES), scale=1.25)
        top.addWidget(self.headline, 3)
        self.gap_label = _fixed_label("", scale=1.1)
        self.gap_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        top.addWidget(self.gap_label, 2)
        lay.addLayout(top)
        self.overfit_label = _fixed_label("")
        lay.addWidget(self.overfit_label)
        self.loss_plot = pg.PlotWidget()
        self.acc_plot = pg.PlotWidget()
        self.weights_plot = pg.PlotWidget()
        self.weights_caption = _fixed_label("")   # the weights plot's legend, as a line of text above it
        self._plots = (self.loss_plot, self.acc_plot, self.weights_plot)
        # (widget, English tooltip), (plot, English y label): set by _retranslate
        self._tips = (
            (self.headline, QT_TR_NOOP("Test accuracy: the share of the 10,000 test images (never used for "
                                       "training) that the network classifies correctly. 1 − accuracy is the "
                                       "0-1 loss.")),
            (self.gap_label, GAP_HELP), (self.overfit_label, GAP_HELP),
            (self.loss_plot, QT_TR_NOOP(
                "Cross-entropy loss L, the quantity gradient descent makes small. Thin line: the loss of each "
                "minibatch, smoothed. Dots: the mean loss after each epoch on 10,000 training images and on the "
                "10,000 test images. When the test loss turns up while the training loss keeps falling, the "
                "network overfits.")),
            (self.acc_plot, QT_TR_NOOP(
                "Accuracy on training images and on the test images, both measured after each epoch with the same "
                "weights: the vertical distance between the two is the generalisation gap. The thin line is a live "
                "estimate on 1,000 test images, measured about three times a second while training.")),
            (self.weights_plot, WEIGHTS_HELP), (self.weights_caption, WEIGHTS_HELP))
        self._ylabels = ((self.loss_plot, QT_TR_NOOP("loss")), (self.acc_plot, QT_TR_NOOP("accuracy (%)")),
                         (self.weights_plot, QT_TR_NOOP("|weight|")))
        for plot, stretch in ((self.loss_plot, 3), (self.acc_plot, 3), (self.weights_plot, 2)):
            if plot is self.weights_plot:
                lay.addWidget(self.weights_caption)
            # no grid: pyqtgraph's grid lines make each repaint 3–5 times slower (measured)
            plot.setMouseEnabled(x=False, y=False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.getAxis("left").setWidth(56)   # the three plots' x axes line up
            lay.addWidget(plot, stretch)
        self.loss_plot.addLegend(offset=(-10, 10))
        self.acc_plot.addLegend(offset=(-10, -10))
        self.weights_plot.getAxis("left").enableAutoSIPrefix(False)
        self.acc_plot.setXLink(self.loss_plot)
        self.weights_plot.setXLink(self.loss_plot)
        self.loss_plot.setLogMode(y=True)
        for plot in self._plots:
            plot.plotItem.vb.disableAutoRange()
        train, test = QT_TR_NOOP("train (after each epoch)"), QT_TR_NOOP("test (after each epoch)")
        batch, live = QT_TR_NOOP("minibatch (smoothed)"), QT_TR_NOOP("test (live, 1,000 images)")
        self.curve_batch = self.loss_plot.plot([], [], pen=pg.mkPen(BATCH, width=1), name=tr(batch))
        self.curve_batch.setDownsampling(auto=True, method="peak")
        self.curve_train_loss = self._epoch_curve(self.loss_plot, TRAIN, "o", tr(train))
        self.curve_test_loss = self._epoch_curve(self.loss_plot, TEST, "s", tr(test))
        self.curve_live = self.acc_plot.plot([], [], pen=pg.mkPen(LIVE, width=1), name=tr(live))
        self.curve_train_acc = self._epoch_curve(self.acc_plot, TRAIN, "o", tr(train))
        self.curve_test_acc = self._epoch_curve(self.acc_plot, TEST, "s", tr(test))
        self._legend_names = ((self.curve_batch, batch), (self.curve_train_loss, train), (self.curve_test_loss, test),
                              (self.curve_live, live), (self.curve_train_acc, train), (self.curve_test_acc, test))
        self._live_text = ""
        self._epoch_curves = (self.curve_train_loss, self.curve_test_loss, self.curve_train_acc, self.curve_test_acc)
        self._weight_curves: list[tuple] = []   # (largest, mean) per layer
        self._layers: tuple = ()
        self._show_weights_caption()
        self._ranges: dict = {}
        self._span = 1.0
        self._dirty: set = set()
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw_batches)
        self._apply_palette()
        self.clear()
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """Titles, axis labels, legends, tooltips and the texts about the shown history, in the current language."""
        for widget, tip in self._tips:
            widget.setToolTip(tr(tip))
        for plot, ylabel in self._ylabels:
            plot.setLabel("bottom", tr("epoch"))
            plot.setLabel("left", tr(ylabel))
        fg = self.palette().color(QPalette.Text)
        for curve, name in self._legend_names:
            curve.opts["name"] = tr(name)
        for plot in (self.loss_plot, self.acc_plot):
            legend = plot.plotItem.legend
            for sample, label in legend.items:
                source = next((n for c, n in self._legend_names if c is getattr(sample, "item", None)), None)
                if source is not None:
                    label.setText(tr(source), color=fg)
        self._live_text = tr("Test accuracy (live estimate, 1,000 images): %1")
        rng = self._ranges.get("loss")
        if rng is not None:
            self.loss_plot.getAxis("left").setTicks([_log_ticks(*rng)])
        self._show_weights_caption()
        if self.h["test_acc"].n:
            self._show_epoch_texts()
        elif not self.h["epoch"].n and self.h["live_acc"].n:
            self.headline.setText(fill(self._live_text, percent(self.h["live_acc"].values[-1] / 100, 1)))
        else:
            self.headline.setText(tr(NO_CURVES))

    @staticmethod
    def _epoch_curve(plot, color, symbol, name):
        return plot.plot([], [], pen=pg.mkPen(color, width=2), symbol=symbol, symbolSize=7, symbolBrush=color,
                         symbolPen=None, name=name)

    # -- data --------------------------------------------------------------------------------
    @property
    def h(self) -> dict:
        return self.hist.h

    def clear(self) -> None:
        """Start an empty history of its own."""
        self.show_history(TrainingHistory())

    def show_history(self, hist: TrainingHistory) -> None:
        """Draw `hist` from now on (the object is shared: call `refresh` after it grew)."""
        self.hist = hist
        self._set_layers(hist.layers)
        self._ranges = {}
        self._span = 1.0
        self._redraw_all()
        if hist.h["test_acc"].n:
            self._show_epoch_texts()
        else:
            self.headline.setText(tr(NO_CURVES))
            self.gap_label.setText("")
            self.overfit_label.setText("")

    def refresh(self, parts, live_acc: float = math.nan) -> None:
        """The shown history grew: `parts` of "batch", "live", "epochs", "weights" to redraw (soon)."""
        parts = set(parts)
        if "weights" in parts and self.hist.layers != self._layers:
            self._set_layers(self.hist.layers)
        self._dirty |= parts
        if parts:
            self._schedule()
        if "epochs" in parts:
            self._show_epoch_texts()
        elif "live" in parts and not self.h["epoch"].n and math.isfinite(live_acc):
            self.headline.setText(fill(self._live_text, percent(live_acc, 1)))

    def set_epoch_span(self, epochs: float) -> None:
        """Show epochs 0 … `epochs` on the x axis (the whole run, so the curves grow to the right)."""
        span = max(1.0, float(epochs))
        if span != self._span:
            self._span = span
            self._fit_x()

    def add_batches(self, x, loss) -> None:
        if self.hist.add_batches(x, loss):
            self.refresh({"batch"})

    def add_live(self, x: float, acc: float) -> None:
        if self.hist.add_live(x, acc):
            self.refresh({"live"}, acc)

    def add_weights(self, stats) -> None:
        """Append a gui.mnist.jobs.WeightStats (rows of largest and mean |w| per layer)."""
        if self.hist.add_weights(stats):
            self.refresh({"weights"})

    def _schedule(self) -> None:
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def _redraw_batches(self) -> None:
        if not self.isVisible():   # drawn when shown again
            return
        dirty, self._dirty = self._dirty, set()
        if "batch" in dirty:
            self.curve_batch.setData(self.h["batch_x"].values, self.h["batch_loss"].values)
        if "live" in dirty:
            self.curve_live.setData(self.h["live_x"].values, self.h["live_acc"].values)
        if "weights" in dirty:
            self._draw_weights()
        if "epochs" in dirty:
            self._redraw_epochs()
        if dirty:
            self._fit_ranges()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._redraw_batches()

    def add_epoch(self, epoch, train_loss, test_loss, train_acc, test_acc) -> None:
        self.hist.add_epoch(epoch, train_loss, test_loss, train_acc, test_acc)
        self.refresh({"epochs"})   # drawn with the next redraw of the live curves: one paint, not two

    def _show_epoch_texts(self) -> None:
        h = self.h
        if not h["epoch"].n:
            self.gap_label.setText("")
            self.overfit_label.setText("")
            return
        epoch = int(h["epoch"].values[-1])
        train, test = h["train_acc"].values[-1], h["test_acc"].values[-1]
        self.headline.setText(fill(tr("Test accuracy after epoch %1: <b>%2</b>&nbsp;&nbsp; (training images: %3)"),
                                   integer(epoch), percent(test / 100, 2), percent(train / 100, 2)))
        gap = train - test
        warn = gap >= GAP_WARN
        color = "#D55E00" if warn else self.palette().color(QPalette.WindowText).name()
        shown = ("-" if gap < 0 else "+") + num(abs(gap), 2)
        self.gap_label.setText(fill(tr("gap: train − test = %1 points"),
                                    f"<span style='color:{color}'><b>{shown}</b></span>"))
        self.overfit_label.setText(self._overfit_text())

    def _overfit_text(self) -> str:
        """A plain-words diagnosis from the per-epoch curves."""
        tl, vl = self.h["train_loss"].values, self.h["test_loss"].values
        ep = self.h["epoch"].values
        if len(vl) < 2 or not np.all(np.isfinite(vl)):
            return ""
        best = int(np.argmin(vl))
        if best < len(vl) - 1 and vl[-1] > vl[best] * 1.02 and tl[-1] < tl[best]:
            return ("<span style='color:#D55E00'>"
                    + fill(tr("Overfitting: the test loss has risen since epoch %1 while the training loss keeps "
                              "falling."), integer(ep[best])) + "</span>")
        gap = self.h["train_acc"].values[-1] - self.h["test_acc"].values[-1]
        if gap >= GAP_WARN:
            return tr("The network does clearly better on its training images than on new ones.")
        return tr("No sign of overfitting yet: the test loss is still at its lowest.")

    def _redraw_epochs(self) -> None:
        e = self.h["epoch"].values
        symbols = len(e) <= MAX_SYMBOLS
        for curve, key in zip(self._epoch_curves, ("train_loss", "test_loss", "train_acc", "test_acc"), strict=True):
            if symbols != (curve.opts["symbol"] is not None):
                curve.setSymbol(("o" if "train" in key else "s") if symbols else None)
            curve.setData(e, self.h[key].values)

    def _draw_weights(self) -> None:
        x = self.hist.wx.values
        big = np.array(self.hist.wmax).reshape(len(x), -1) if len(x) else np.zeros((0, len(self._layers)))
        mean = np.array(self.hist.wmean).reshape(len(x), -1) if len(x) else np.zeros((0, len(self._layers)))
        for i, (c_max, c_mean) in enumerate(self._weight_curves):
            if i < big.shape[1]:
                c_max.setData(x, big[:, i])
                c_mean.setData(x, mean[:, i])

    def set_layers(self, layers) -> None:
        """Prepare the weight curves for a network whose linear layers are named `layers` (call before
        training starts: creating plot items takes the GUI thread a while)."""
        self.hist.set_layers(layers)
        self._set_layers(self.hist.layers)

    @property
    def weight_curves(self) -> tuple:
        """(largest |w|, mean |w|) curve items per layer."""
        return tuple(self._weight_curves)

    def _set_layers(self, layers: tuple) -> None:
        """One pair of curves (largest |w| solid, mean |w| dashed) per linear layer."""
        if layers == self._layers and self._weight_curves:
            return
        plot = self.weights_plot
        for c_max, c_mean in self._weight_curves:
            plot.removeItem(c_max)
            plot.removeItem(c_mean)
        self._weight_curves = []
        self._layers = tuple(layers)
        for i in range(len(self._layers)):
            color = LAYER_COLORS[i % len(LAYER_COLORS)]
            c_max = plot.plot([], [], pen=pg.mkPen(color, width=2))
            c_mean = plot.plot([], [], pen=pg.mkPen(color, width=1, style=Qt.DashLine))
            self._weight_curves.append((c_max, c_mean))
        self._show_weights_caption()

    def _show_weights_caption(self) -> None:
        if not self._layers:
            self.weights_caption.setText(tr("Size of the weights of each layer (after training starts)"))
            return
        keys = "&nbsp;&nbsp;".join(f"<span style='color:{LAYER_COLORS[i % len(LAYER_COLORS)]}'>&#9473;&#9473;</span>"
                                   f"&nbsp;{name}" for i, name in enumerate(self._layers))
        self.weights_caption.setText(
            fill(tr("Size of the weights — solid: largest |w|, dashed: mean |w| —&nbsp;&nbsp;%1"), keys))

    def _redraw_all(self) -> None:
        self.curve_batch.setData(self.h["batch_x"].values, self.h["batch_loss"].values)
        self.curve_live.setData(self.h["live_x"].values, self.h["live_acc"].values)
        self._redraw_epochs()
        self._draw_weights()
        self._dirty = set()
        self._fit_ranges()

    def flush(self) -> None:
        """Draw everything now (tests, screenshots)."""
        self._redraw_timer.stop()
        self._redraw_all()

    # -- ranges ------------------------------------------------------------------------------
    def _fit_x(self) -> None:
        end = max(self._span, *(float(v[-1]) for v in (self.h["batch_x"].values, self.h["epoch"].values,
                                                       self.hist.wx.values) if len(v)), 0.0)
        self._span = max(self._span, end)
        self._set_range("x", self.loss_plot, (0.0, self._span), axis="x")

    def _fit_ranges(self) -> None:
        self._fit_x()
        h = self.h
        losses = [v for v in (h["batch_loss"].values, h["train_loss"].values, h["test_loss"].values) if len(v)]
        self._set_range("loss", self.loss_plot, _log_range(np.concatenate(losses) if losses else np.zeros(0)))
        accs = [v for v in (h["live_acc"].values, h["train_acc"].values, h["test_acc"].values) if len(v)]
        acc = np.concatenate(accs) if accs else np.zeros(0)
        acc = acc[np.isfinite(acc)]
        # chosen from the data, but changed only when a value falls below it (new runs start afresh)
        lo = self._ranges.get("acc_lo")
        if len(acc) and (lo is None or acc.min() < lo):
            lo = self._ranges["acc_lo"] = _acc_floor(float(acc.min()))
        self._set_range("acc", self.acc_plot, (0.0 if lo is None else lo, 100.5))
        w = [np.ravel(a) for a in (self.hist.wmax, self.hist.wmean) if len(a)]
        self._set_range("w", self.weights_plot, _linear_range(np.concatenate(w) if w else np.zeros(0)))

    def _set_range(self, key, plot, rng, axis="y") -> None:
        if self._ranges.get(key) == rng:
            return
        self._ranges[key] = rng
        if axis == "x":
            plot.setXRange(rng[0], rng[1], padding=0.01)
        else:
            plot.setYRange(rng[0], rng[1], padding=0.03)   # room for the top and bottom tick labels
            if key == "loss":   # pyqtgraph's own log ticks label every minor tick and overlap
                plot.getAxis("left").setTicks([_log_ticks(*rng)])

    # -- state -------------------------------------------------------------------------------
    def history(self) -> dict:
        """The shown history as saved data."""
        return self.hist.to_dict()

    @staticmethod
    def validate_history(history) -> dict:
        return validate_history(history)

    def set_history(self, hist: dict) -> None:
        """Show a saved history (ValueError if bad)."""
        self.show_history(TrainingHistory.from_dict(hist))

    # -- look --------------------------------------------------------------------------------
    def _apply_palette(self) -> None:
        pal = self.palette()
        bg = pal.color(QPalette.Base)
        fg = pal.color(QPalette.Text)
        for plot in self._plots:
            plot.setBackground(bg)
            for name in ("left", "bottom"):
                ax = plot.getAxis(name)
                ax.setPen(fg)
                ax.setTextPen(fg)
            legend = plot.plotItem.legend
            if legend is not None:
                legend.setLabelTextColor(fg)
                legend.setBrush(pg.mkBrush(bg.red(), bg.green(), bg.blue(), 200))
                for _sample, label in legend.items:  # existing labels keep their colour otherwise
                    label.setText(label.text, color=fg)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._apply_palette()
            if hasattr(self, "h") and self.h["epoch"].n:
                self._show_epoch_texts()


def _acc_floor(lowest: float) -> float:
    """The accuracy axis' lower end (percent) for a lowest value shown: a little below it, rounded down to
    5 points (10 below 50%), never above 90 (so a good network still shows 90–100%)."""
    step = 5 if lowest >= 50 else 10
    return float(min(90, max(0, step * math.floor((lowest - 0.5) / step))))


def _linear_range(values: np.ndarray) -> tuple:
    """(0, a round number above the largest value): 1, 1.5, 2, 3, 4, 5, 7 times a power of ten."""
    v = values[np.isfinite(values)]
    top = float(np.abs(v).max()) if len(v) else 1.0
    if top <= 0:
        return (0.0, 1.0)
    p = 10.0 ** math.floor(math.log10(top))
    for m in (1, 1.5, 2, 3, 4, 5, 7, 10):
        if top * 1.12 <= m * p:
            return (0.0, m * p)
    return (0.0, 10 * p)


def _log_ticks(lo: float, hi: float) -> list:
    """[(log10 v, label)] for round values v between 10**lo and 10**hi: 1, 2, 5 per decade; only the
    decades over a wide range; more steps over a narrow one."""
    def values(mults):
        vals = [m * 10.0 ** k for k in range(math.floor(lo) - 1, math.ceil(hi) + 1) for m in mults]
        return [v for v in vals if lo - 1e-9 <= math.log10(v) <= hi + 1e-9]
    vals = values((1, 2, 5))
    if len(vals) > 9:
        vals = values((1,))
    elif len(vals) < 3:
        vals = values((1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9))
    return [(math.log10(v), sig(v, 6)) for v in vals]


def _log_range(values: np.ndarray, step: float = 0.25) -> tuple:
    """A log10 y range around the positive values, rounded out to `step` decades (so it rarely changes)."""
    v = values[np.isfinite(values) & (values > 0)]
    if not len(v):
        return (-1.0, 0.5)
    lo, hi = math.log10(v.min()), math.log10(v.max())
    lo, hi = step * math.floor(lo / step), step * math.ceil(hi / step)
    if hi - lo < step:
        hi = lo + step
    return (lo, hi)
