"""TrainingHistory: the MNIST lab's learning curves as data (no Qt).

The smoothed per-batch loss, the per-epoch train/test loss and accuracy, the live test-accuracy
estimate and the size of each layer's weights. The session owns one; the plots only draw it;
projects store `to_dict()` and read it back with `from_dict()` (which validates first).
"""
from __future__ import annotations

import numpy as np

HISTORY_KEYS = ("batch_x", "batch_loss", "epoch", "train_loss", "test_loss", "train_acc", "test_acc",
                "live_x", "live_acc")
WEIGHT_KEYS = ("weight_x", "weight_max", "weight_mean")
GROUPS = (("batch_x", "batch_loss"), ("epoch", "train_loss", "test_loss", "train_acc", "test_acc"),
          ("live_x", "live_acc"))


class Growing:
    """An append-only float array with amortised growth."""

    def __init__(self, values=()):
        self.buf = np.empty(1024)
        self.n = 0
        self.extend(values)

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


class TrainingHistory:
    """Curves of one network's training (accuracies in percent, x in epochs)."""

    def __init__(self):
        self.h = {k: Growing() for k in HISTORY_KEYS}
        self.wx = Growing()
        self.wmax: list[np.ndarray] = []
        self.wmean: list[np.ndarray] = []
        self.layers: tuple = ()

    # -- reading ---------------------------------------------------------------------------------
    @property
    def epochs(self) -> np.ndarray:
        """The epochs that have per-epoch results (a copy)."""
        return self.h["epoch"].values.astype(int)

    @property
    def last_epoch(self) -> int:
        e = self.h["epoch"]
        return int(e.values[-1]) if e.n else 0

    def last(self) -> dict | None:
        """The last epoch's results {epoch, train_loss, test_loss, train_acc, test_acc} (accuracies in %)."""
        if not self.h["epoch"].n:
            return None
        return {k: float(self.h[k].values[-1]) for k in GROUPS[1]} | {"epoch": self.last_epoch}

    def is_empty(self) -> bool:
        return all(g.n == 0 for g in self.h.values()) and self.wx.n == 0

    # -- growing ---------------------------------------------------------------------------------
    def add_batches(self, x, loss) -> bool:
        if not len(x):
            return False
        self.h["batch_x"].extend(x)
        self.h["batch_loss"].extend(loss)
        return True

    def add_live(self, x: float, acc: float) -> bool:
        """`acc` a fraction (NaN: not measured, nothing added)."""
        if not np.isfinite(acc):
            return False
        self.h["live_x"].extend([x])
        self.h["live_acc"].extend([100 * acc])
        return True

    def add_epoch(self, epoch, train_loss, test_loss, train_acc, test_acc) -> None:
        """Accuracies as fractions."""
        for k, v in (("epoch", epoch), ("train_loss", train_loss), ("test_loss", test_loss),
                     ("train_acc", 100 * train_acc), ("test_acc", 100 * test_acc)):
            self.h[k].extend([v])

    def add_progress(self, snap) -> set:
        """Add a jobs.TrainProgress; the parts that grew ("batch", "live", "weights")."""
        grew = (("batch", self.add_batches(snap.loss_x, snap.loss_y)),
                ("live", self.add_live(snap.live_x, snap.live_acc)), ("weights", self.add_weights(snap.weights)))
        return {part for part, g in grew if g}

    def add_epoch_done(self, snap) -> None:
        """Add a jobs.EpochDone: the epoch's scores and the weight sizes at its end."""
        self.add_weights(snap.weights)
        self.add_epoch(snap.epoch, snap.train_loss, snap.test_loss, snap.train_acc, snap.test_acc)

    def set_layers(self, layers) -> None:
        """Weight statistics for other layers: the old rows go."""
        layers = tuple(layers)
        if layers != self.layers:
            self.wx, self.wmax, self.wmean, self.layers = Growing(), [], [], layers

    def add_weights(self, stats) -> bool:
        """Append a gui.mnist.jobs.WeightStats (rows of largest and mean |w| per layer)."""
        if stats is None or not len(stats.x):
            return False
        self.set_layers(stats.layers)
        self.wx.extend(stats.x)
        self.wmax.extend(np.asarray(stats.largest, float))
        self.wmean.extend(np.asarray(stats.mean, float))
        return True

    # -- saving ----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        out = {k: g.values.copy() for k, g in self.h.items()}
        n = self.wx.n
        out["weight_x"] = self.wx.values.copy()
        out["weight_max"] = np.array(self.wmax, float).reshape(n, len(self.layers))
        out["weight_mean"] = np.array(self.wmean, float).reshape(n, len(self.layers))
        out["weight_layers"] = list(self.layers)
        return out

    @classmethod
    def from_dict(cls, history) -> TrainingHistory:
        """A history saved by `to_dict()`, validated; ValueError with a message if bad. Older saves
        without the weight statistics are fine."""
        d = validate_history(history)
        out = cls()
        for k in HISTORY_KEYS:
            out.h[k].extend(d[k])
        out.layers = d["weight_layers"]
        out.wx.extend(d["weight_x"])
        out.wmax = list(d["weight_max"])
        out.wmean = list(d["weight_mean"])
        return out


def validate_history(history) -> dict:
    """A saved history checked and converted to arrays; ValueError with a message if bad."""
    if not isinstance(history, dict):
        raise ValueError("history must be a dict of arrays")
    try:
        hist = {k: np.asarray(history.get(k, ()), float).ravel() for k in HISTORY_KEYS}
        wx = np.asarray(history.get("weight_x", ()), float).ravel()
        layers = tuple(str(s) for s in (history.get("weight_layers") or ()))
        wmax = np.asarray(history.get("weight_max", np.zeros((0, len(layers)))), float)
        wmean = np.asarray(history.get("weight_mean", np.zeros((0, len(layers)))), float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"bad history ({exc})") from None
    for g in GROUPS:
        if len({len(hist[k]) for k in g}) != 1:
            raise ValueError(f"history arrays {', '.join(g)} differ in length")
    e = hist["epoch"]
    if len(e) and (not np.all(np.isfinite(e)) or np.any(e < 1) or np.any(np.diff(e) <= 0)
                   or np.any(e != np.round(e))):
        raise ValueError("history epochs must be whole numbers from 1 up, increasing")
    for name, a in (("weight_max", wmax), ("weight_mean", wmean)):
        if a.size == 0:
            a = a.reshape(0, len(layers))
        if a.ndim != 2 or a.shape != (len(wx), len(layers)):
            raise ValueError(f"history {name} has shape {a.shape}, expected {(len(wx), len(layers))}")
    hist["weight_x"] = wx
    hist["weight_max"] = wmax.reshape(len(wx), len(layers))
    hist["weight_mean"] = wmean.reshape(len(wx), len(layers))
    hist["weight_layers"] = layers
    return hist
