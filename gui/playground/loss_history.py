"""LossHistory: the loss and metric per epoch (and per minibatch) of the network the session shows.

The session owns it (projects and undo store `to_state()`); CurvesPlot only draws it. The columns
are growable NumPy arrays; memory stays bounded for hours of training: the per-epoch history is
complete up to EPOCH_CAP rows, then every other older row goes (the epoch column keeps the true epoch
numbers); the per-minibatch losses are kept to BATCH_CAP points by merging older ones in groups of four
into their minimum and maximum (the noise band the per-batch curve draws survives). The newest
KEEP_RECENT rows are never thinned.
"""
from __future__ import annotations

import numpy as np

from gui.playground.state import FIELDS

EPOCH_CAP = 100_000
BATCH_CAP = 20_000
KEEP_RECENT = 2_000


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

    def clear(self) -> None:
        self.n = 0

    def keep(self, index: np.ndarray) -> None:
        """Keep only the rows at `index` (sorted), in place."""
        kept = self.a[:self.n][index]
        self.n = len(kept)
        self.a[:self.n] = kept


def thin_epochs(n: int, cap: int = EPOCH_CAP, recent: int = KEEP_RECENT) -> np.ndarray | None:
    """Rows to keep of an n-row epoch history (None: all): every other older row once n exceeds cap."""
    if n <= cap:
        return None
    old = n - recent
    return np.concatenate([np.arange(0, old, 2), np.arange(old, n)])


def thin_batches(y: np.ndarray, cap: int = BATCH_CAP, recent: int = KEEP_RECENT) -> np.ndarray | None:
    """Rows to keep of the minibatch losses `y` (None: all): older rows in groups of four keep their
    minimum and their maximum (in time order), halving them, once there are more than cap."""
    n = len(y)
    if n <= cap:
        return None
    old = (n - recent) // 4 * 4
    g = y[:old].reshape(-1, 4)
    base = np.arange(0, old, 4)
    lo, hi = base + g.argmin(axis=1), base + g.argmax(axis=1)
    first, second = np.minimum(lo, hi), np.maximum(lo, hi)
    pairs = np.column_stack([first, second]).ravel()
    same = np.r_[False, pairs[1:] == pairs[:-1]]            # a flat group: lo == hi, keep it once
    return np.concatenate([pairs[~same], np.arange(old, n)])


class LossHistory:
    """The columns of FIELDS (epoch rows and minibatch rows) and the metric's name."""

    def __init__(self):
        self.series = {k: _Series() for k in FIELDS}
        self.metric_name = "accuracy"

    def __len__(self) -> int:
        return self.series["epoch"].n

    def columns(self) -> dict:
        """Views of the columns (valid until the next change)."""
        return {k: v.get() for k, v in self.series.items()}

    def clear(self) -> None:
        for s in self.series.values():
            s.clear()

    def add(self, history, metric_name: str) -> None:
        """Append a snapshot's new rows (a History with the FIELDS as attributes)."""
        for k in FIELDS:
            v = getattr(history, k)
            if len(v):
                self.series[k].extend(v)
        self.metric_name = metric_name
        self._cap()

    def _cap(self) -> None:
        keep = thin_epochs(self.series["epoch"].n)
        if keep is not None:
            for k in FIELDS[:5]:
                self.series[k].keep(keep)
        keep = thin_batches(self.series["batch_loss"].get())
        if keep is not None:
            for k in FIELDS[5:]:
                self.series[k].keep(keep)

    def latest(self) -> dict:
        """The last value of each column (NaN when empty)."""
        return {k: (float(v.get()[-1]) if v.n else float("nan")) for k, v in self.series.items()}

    def to_state(self) -> dict:
        return {k: np.array(v.get()) for k, v in self.series.items()} | {"metric_name": self.metric_name}

    def set_state(self, d: dict) -> None:
        self.clear()
        for k in FIELDS:
            self.series[k].extend(np.asarray(d.get(k, []), dtype=np.float64))
        self._cap()
        self.metric_name = str(d.get("metric_name", "accuracy"))
