"""TrainingPlots: the loss curve (smoothed per batch; per epoch for train and test) and accuracy."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.widgets.colors import CLASS_HEX

BATCH, TRAIN, TEST, LIVE = CLASS_HEX[4], CLASS_HEX[0], CLASS_HEX[1], CLASS_HEX[2]
REDRAW_MS = 200  # the per-batch curves are redrawn at most this often (each redraw costs the GUI thread)


class _Growing:
    """An append-only float array with amortised growth."""

    def __init__(self):
        self.buf = np.empty(1024)
        self.n = 0

    def extend(self, values) -> None:
        values = np.asarray(values, float).ravel()
        need = self.n + len(values)
        if need > len(self.buf):
            new = np.empty(max(need, 2 * len(self.buf)))
            new[:self.n] = self.buf[:self.n]
            self.buf = new
        self.buf[self.n:need] = values
        self.n = need

    @property
    def values(self) -> np.ndarray:
        return self.buf[:self.n]


class TrainingPlots(QWidget):
    HISTORY_KEYS = ("batch_x", "batch_loss", "epoch", "train_loss", "test_loss", "train_acc", "test_acc",
                    "live_x", "live_acc")

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.headline = QLabel("Train a network to see its learning curves here.")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.headline.setFont(font)
        self.headline.setToolTip("Test accuracy: the share of the 10,000 test images (never used for training) "
                                 "that the network classifies correctly. 1 − accuracy is the 0-1 loss.")
        lay.addWidget(self.headline)
        self.loss_plot = pg.PlotWidget()
        self.loss_plot.setToolTip(
            "Cross-entropy loss L, the quantity gradient descent makes small. Thin line: the loss of each "
            "minibatch, smoothed. Dots: the mean loss over each epoch on the training images and on the test "
            "images. When the test loss turns up while the training loss keeps falling, the network overfits.")
        self.acc_plot = pg.PlotWidget()
        self.acc_plot.setToolTip(
            "Accuracy on the training images (during each epoch) and on the test images (after each epoch). "
            "The thin line is a live estimate on 1,000 test images, measured about three times a second while training.")
        for plot, ylabel in ((self.loss_plot, "loss"), (self.acc_plot, "accuracy (%)")):
            plot.setLabel("bottom", "epoch")
            plot.setLabel("left", ylabel)
            # no grid: pyqtgraph's grid lines make each repaint 3–5 times slower (measured)
            plot.setMouseEnabled(x=False, y=False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.addLegend(offset=(-10, 10) if plot is self.loss_plot else (-10, -10))
            lay.addWidget(plot, 1)
        self.acc_plot.setXLink(self.loss_plot)
        self.loss_plot.setLogMode(y=True)
        self.curve_batch = self.loss_plot.plot([], [], pen=pg.mkPen(BATCH, width=1), name="minibatch (smoothed)")
        self.curve_train_loss = self.loss_plot.plot([], [], pen=pg.mkPen(TRAIN, width=2), symbol="o", symbolSize=7,
                                                    symbolBrush=TRAIN, symbolPen=None, name="train (epoch)")
        self.curve_test_loss = self.loss_plot.plot([], [], pen=pg.mkPen(TEST, width=2), symbol="s", symbolSize=7,
                                                   symbolBrush=TEST, symbolPen=None, name="test (epoch)")
        self.curve_live = self.acc_plot.plot([], [], pen=pg.mkPen(LIVE, width=1), name="test (live, 1,000 images)")
        self.curve_train_acc = self.acc_plot.plot([], [], pen=pg.mkPen(TRAIN, width=2), symbol="o", symbolSize=7,
                                                  symbolBrush=TRAIN, symbolPen=None, name="train (epoch)")
        self.curve_test_acc = self.acc_plot.plot([], [], pen=pg.mkPen(TEST, width=2), symbol="s", symbolSize=7,
                                                 symbolBrush=TEST, symbolPen=None, name="test (epoch)")
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw_batches)
        self._apply_palette()
        self.clear()

    # -- data --------------------------------------------------------------------------------
    def clear(self) -> None:
        self.h = {k: _Growing() for k in self.HISTORY_KEYS}
        self._redraw_all()
        self.headline.setText("Train a network to see its learning curves here.")

    def add_batches(self, x, loss) -> None:
        self.h["batch_x"].extend(x)
        self.h["batch_loss"].extend(loss)
        self._schedule()

    def add_live(self, x: float, acc: float) -> None:
        if math.isfinite(acc):
            self.h["live_x"].extend([x])
            self.h["live_acc"].extend([100 * acc])
            self._schedule()
            self.headline.setText(f"Test accuracy (live estimate): {100 * acc:.1f}%")

    def _schedule(self) -> None:
        if not self._redraw_timer.isActive():
            self._redraw_timer.start()

    def _redraw_batches(self) -> None:
        if not self.isVisible():   # drawn when shown again
            return
        self.curve_batch.setData(self.h["batch_x"].values, self.h["batch_loss"].values)
        self.curve_live.setData(self.h["live_x"].values, self.h["live_acc"].values)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._redraw_batches()

    def add_epoch(self, epoch, train_loss, test_loss, train_acc, test_acc) -> None:
        for k, v in (("epoch", epoch), ("train_loss", train_loss), ("test_loss", test_loss),
                     ("train_acc", 100 * train_acc), ("test_acc", 100 * test_acc)):
            self.h[k].extend([v])
        self._redraw_epochs()
        self.headline.setText(f"Test accuracy after epoch {epoch}: {100 * test_acc:.2f}%   "
                              f"(training: {100 * train_acc:.2f}%)")

    def _redraw_epochs(self) -> None:
        e = self.h["epoch"].values
        self.curve_train_loss.setData(e, self.h["train_loss"].values)
        self.curve_test_loss.setData(e, self.h["test_loss"].values)
        self.curve_train_acc.setData(e, self.h["train_acc"].values)
        self.curve_test_acc.setData(e, self.h["test_acc"].values)

    def _redraw_all(self) -> None:
        self.curve_batch.setData(self.h["batch_x"].values, self.h["batch_loss"].values)
        self.curve_live.setData(self.h["live_x"].values, self.h["live_acc"].values)
        self._redraw_epochs()

    def flush(self) -> None:
        """Draw everything now (tests, screenshots)."""
        self._redraw_timer.stop()
        self._redraw_all()

    def history(self) -> dict:
        return {k: g.values.copy() for k, g in self.h.items()}

    def set_history(self, hist: dict) -> None:
        self.h = {k: _Growing() for k in self.HISTORY_KEYS}
        for k in self.HISTORY_KEYS:
            self.h[k].extend(np.asarray(hist.get(k, ()), float))
        self._redraw_all()
        if self.h["test_acc"].n:
            self.headline.setText(f"Test accuracy after epoch {int(self.h['epoch'].values[-1])}: "
                                  f"{self.h['test_acc'].values[-1]:.2f}%")
        else:
            self.headline.setText("Train a network to see its learning curves here.")

    # -- look --------------------------------------------------------------------------------
    def _apply_palette(self) -> None:
        pal = self.palette()
        bg = pal.color(QPalette.Base)
        fg = pal.color(QPalette.Text)
        for plot in (self.loss_plot, self.acc_plot):
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
