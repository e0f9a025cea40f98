"""Minibatch training as a generator the caller can pause (stop pulling) or stop (close) between batches."""
from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np

from .errors import DataError, DivergenceError
from .layers import softmax_
from .losses import BCEWithLogitsLoss, CrossEntropyLoss, Loss
from .metrics import r2_score
from .module import Module, Sequential, flat_views
from .optim import Optimizer

GATHER_PER_EPOCH_BYTES = 8 << 20  # below this, permute the whole set once per epoch; above, gather per batch


@dataclass(frozen=True, slots=True)
class BatchReport:
    epoch: int          # 1-based epoch this batch belongs to
    batch: int          # 1-based batch index within the epoch
    n_batches: int      # batches per epoch
    step: int           # optimizer steps so far, over the whole run
    loss: float         # loss on this minibatch, before the update


@dataclass(frozen=True, slots=True)
class EpochReport:
    epoch: int
    step: int
    train_loss: float
    train_metric: float  # accuracy (classification) or R² (regression)
    val_loss: float      # NaN when there is no validation set
    val_metric: float
    metric_name: str     # "accuracy" or "R²"
    seconds: float       # wall time of this epoch's training batches
    lr: float


def _task_of(loss_fn: Loss) -> str:
    return "classification" if isinstance(loss_fn, (CrossEntropyLoss, BCEWithLogitsLoss)) else "regression"


class Trainer:
    """Trains `model` on (X, y) with `loss_fn` and `optimizer`, minibatches reshuffled every epoch by `rng`.

    Iterate `run(epochs)`: it yields a BatchReport after every step and an EpochReport after every
    epoch. Stop pulling to pause; `close()` the generator (or just drop it) to stop. If the loss
    becomes NaN/inf the last good weights are restored and DivergenceError is raised.
    """

    def __init__(self, model: Module, loss_fn: Loss, optimizer: Optimizer, X, y, *, batch_size: int = 32,
                 rng: np.random.Generator, X_val=None, y_val=None, full_train_eval: bool = False,
                 snapshot_every: int = 50, transform=None):
        if not isinstance(rng, np.random.Generator):
            raise ValueError(f"Trainer: rng must be a numpy Generator, got {rng!r} ({type(rng).__name__})")
        if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
            raise ValueError(f"Trainer: batch_size must be a positive integer, got {batch_size!r}")
        self.model, self.loss_fn, self.optimizer, self.rng = model, loss_fn, optimizer, rng
        self.task = _task_of(loss_fn)
        self.classify = self.task == "classification"
        params = model.parameters()
        self.dtype = params[0].data.dtype if params else np.dtype(np.float32)
        self.X, self.y = self._check_xy(X, y, "training")
        no_val = X_val is None or len(X_val) == 0
        self.X_val, self.y_val = (None, None) if no_val else self._check_xy(X_val, y_val, "validation")
        self.batch_size = int(batch_size)
        self.full_train_eval = full_train_eval
        self.snapshot_every = max(1, int(snapshot_every))
        # transform(xb, rng) -> new xb, applied to every training batch (augmentation); its own Generator,
        # spawned from rng, so turning it on does not change the shuffling
        self.transform = transform
        self.transform_rng = rng.spawn(1)[0] if transform is not None else None
        self.epoch = 0
        self.step = 0
        self._flat = flat_views(params)
        self._snapshot = self._weights_copy()
        self._snapshot_step = None     # None: the snapshot holds the weights training started from
        # Targets in the form the loss eats fastest: one-hot rows for cross-entropy.
        if isinstance(loss_fn, CrossEntropyLoss):
            n_out = self._n_outputs()
            self.T = (self.y[:, None] == np.arange(n_out)).astype(self.dtype)
        elif not self.classify:
            self.T = self.y.astype(self.dtype).reshape(len(self.y), -1)
        else:
            self.T = self.y.astype(self.dtype)

    # -- setup -----------------------------------------------------------------------------
    def _n_outputs(self, X=None) -> int:
        """Output width, from one eval-mode forward pass (no Dropout draws, no training state)."""
        return int(predict(self.model, self.X[:1] if X is None else X[:1]).shape[1])

    def _check_xy(self, X, y, what):
        X = np.asarray(X)
        y = np.asarray(y)
        if X.ndim != 2 or len(X) == 0:
            raise DataError(f"The {what} set is empty or not a table of points (shape {X.shape}).")
        if len(y) != len(X):
            raise DataError(f"The {what} set has {len(X)} inputs but {len(y)} targets.")
        if not np.all(np.isfinite(X)):
            raise DataError(f"The {what} inputs contain NaN or infinite values.")
        first = next((layer for layer in getattr(self.model, "layers", []) if hasattr(layer, "in_features")), None)
        if first is not None and X.shape[1] != first.in_features:
            raise DataError(f"The {what} inputs have {X.shape[1]} columns, but the network's first layer "
                            f"takes {first.in_features} inputs.")
        if self.classify:
            if y.dtype.kind not in "iu":
                if not np.all(np.mod(y, 1) == 0):
                    raise DataError(f"The {what} labels must be whole numbers.")
                y = y.astype(np.int64)
            n_out = self._n_outputs(np.ascontiguousarray(X[:1], self.dtype))
            n_classes = 2 if isinstance(self.loss_fn, BCEWithLogitsLoss) else n_out
            if y.min() < 0 or y.max() >= n_classes:
                raise DataError(f"The {what} labels run from {y.min()} to {y.max()}, "
                                f"but the network has outputs for classes 0 to {n_classes - 1}.")
        elif not np.all(np.isfinite(y)):
            raise DataError(f"The {what} targets contain NaN or infinite values.")
        return np.ascontiguousarray(X, dtype=self.dtype), y

    # -- weights snapshot (the 'last good weights') ----------------------------------------
    def _weights_copy(self):
        if self._flat is not None:
            return self._flat[0].copy()
        return [p.data.copy() for p in self.model.parameters()]

    def _take_snapshot(self):
        if self._flat is not None:
            np.copyto(self._snapshot, self._flat[0])
        else:
            for buf, p in zip(self._snapshot, self.model.parameters(), strict=False):
                np.copyto(buf, p.data)
        self._snapshot_step = self.step

    def _restore_snapshot(self):
        if self._flat is not None:
            np.copyto(self._flat[0], self._snapshot)
        else:
            for buf, p in zip(self._snapshot, self.model.parameters(), strict=False):
                np.copyto(p.data, buf)
        self.optimizer.reset_state()

    def _diverged(self, where: str, value: float):
        self._restore_snapshot()
        kept = ("the weights this run started from" if self._snapshot_step is None
                else f"the last good weights (from step {self._snapshot_step})")
        raise DivergenceError(
            f"Training diverged at epoch {self.epoch}, step {self.step}: the {where} became {value}. "
            f"The learning rate ({self.optimizer.lr:g}) is probably too high — try a smaller one. "
            f"{kept[0].upper()}{kept[1:]} were kept.")

    # -- the loop ------------------------------------------------------------------------------
    def run(self, epochs: int | None = None):
        """Yield BatchReport per step and EpochReport per epoch, for `epochs` more epochs (None: forever)."""
        model, loss_fn, opt = self.model, self.loss_fn, self.optimizer
        X, T, y = self.X, self.T, self.y
        n, bs = len(X), self.batch_size
        n_batches = -(-n // bs)
        per_epoch_gather = X.nbytes + T.nbytes <= GATHER_PER_EPOCH_BYTES
        classify = self.classify
        isfinite, snap_every = math.isfinite, self.snapshot_every
        end = None if epochs is None else self.epoch + int(epochs)
        while end is None or self.epoch < end:
            self.epoch += 1
            model.train()
            t0 = time.perf_counter()
            perm = self.rng.permutation(n)
            if per_epoch_gather:
                Xs, Ts, ys = X[perm], T[perm], y[perm]
            loss_sum, correct = 0.0, 0
            for b in range(n_batches):
                if per_epoch_gather:
                    xb, tb = Xs[b * bs:(b + 1) * bs], Ts[b * bs:(b + 1) * bs]
                else:
                    idx = perm[b * bs:(b + 1) * bs]
                    xb, tb = X.take(idx, axis=0), T.take(idx, axis=0)
                if self.transform is not None:
                    xb = self.transform(xb, self.transform_rng)
                out = model.forward(xb)
                loss = loss_fn.forward(out, tb)
                if not isfinite(loss):
                    self._diverged("loss", loss)
                self.step += 1
                if self.step % snap_every == 0:
                    self._take_snapshot()
                opt.zero_grad()
                model.backward(loss_fn.backward())
                opt.step()
                loss_sum += loss * len(xb)
                if classify and not self.full_train_eval:
                    yb = ys[b * bs:(b + 1) * bs] if per_epoch_gather else y.take(idx)
                    correct += int(np.count_nonzero(_labels_of(out) == yb))
                yield BatchReport(self.epoch, b + 1, n_batches, self.step, loss)
            seconds = time.perf_counter() - t0
            if self.full_train_eval:
                train_loss, train_metric = self.evaluate(X, y)
            else:
                train_loss = loss_sum / n
                train_metric = correct / n if classify else self._r2_on(X, y)
            val_loss, val_metric = ((math.nan, math.nan) if self.X_val is None
                                    else self.evaluate(self.X_val, self.y_val))
            for what, v in (("epoch's training loss", train_loss), ("validation loss", val_loss)):
                if not isfinite(v) and not (what == "validation loss" and self.X_val is None):
                    self._diverged(what, v)
            self._take_snapshot()
            yield EpochReport(self.epoch, self.step, train_loss, train_metric, val_loss, val_metric,
                              "accuracy" if classify else "R²", seconds, opt.lr)

    def full_gradient(self) -> list[np.ndarray]:
        """dL/dθ over the whole training set in eval mode (no dropout: the gradient of the network as it
        predicts), one float64 array per model parameter; the parameters' gradients are left zeroed."""
        model, loss_fn = self.model, self.loss_fn
        was_training = model.training
        model.eval()
        try:
            loss_fn.forward(model.forward(self.X), self.T)
            self.optimizer.zero_grad()
            model.backward(loss_fn.backward())                 # the chain rule, layer by layer
            return [np.array(p.grad, np.float64) for p in model.parameters()]
        finally:
            self.optimizer.zero_grad()                         # the next training step writes fresh gradients
            model.train(was_training)

    def _r2_on(self, X, y) -> float:
        return r2_score(predict(self.model, X), y)

    def evaluate(self, X, y, batch_size: int = 8192) -> tuple[float, float]:
        """(mean loss, accuracy or R²) on a data set, in eval mode."""
        X, y = np.asarray(X), np.asarray(y)
        if len(X) == 0:
            return math.nan, math.nan
        out = predict(self.model, np.ascontiguousarray(X, self.dtype), batch_size)
        if isinstance(self.loss_fn, CrossEntropyLoss):
            target = (y[:, None] == np.arange(out.shape[1])).astype(out.dtype)
        else:
            target = y.astype(out.dtype) if self.classify else y.astype(out.dtype).reshape(len(y), -1)
        with np.errstate(all="ignore"):
            loss = type(self.loss_fn)().forward(out, target)
        metric = float(np.mean(_labels_of(out) == y)) if self.classify else r2_score(out, y)
        return loss, metric


def _labels_of(out: np.ndarray) -> np.ndarray:
    return out.argmax(axis=1) if out.ndim == 2 and out.shape[1] > 1 else (out.reshape(-1) > 0)


def predict(model: Module, X, batch_size: int = 8192) -> np.ndarray:
    """Raw network outputs (scores/logits, or values) in eval mode, computed in chunks into one new array."""
    X = np.asarray(X)
    if X.ndim != 2:
        raise DataError(f"predict: inputs must be a 2-D array (points × features), got shape {X.shape}")
    if not isinstance(model, Sequential):                  # (any Module: its own forward, in eval mode)
        was_training = model.training
        model.eval()
        try:
            return np.array(model.forward(X), copy=True)
        finally:
            model.train(was_training)
    if len(X) <= batch_size:
        return model.infer(X).copy()
    first = model.infer(X[:batch_size])
    out = np.empty((len(X), first.shape[1]), first.dtype)
    out[:batch_size] = first
    for i in range(batch_size, len(X), batch_size):
        model.infer(X[i:i + batch_size], out=out[i:i + batch_size])
    return out


def probabilities_(out: np.ndarray) -> np.ndarray:
    """Network outputs → class probabilities, in place for several columns: softmax over the columns, or for a
    single logit z the two columns [1 − σ(z), σ(z)] (a new array)."""
    if out.shape[1] == 1:
        p = out * 0.5
        np.tanh(p, out=p)
        p += 1
        p *= 0.5                                           # σ(z) = (1 + tanh(z/2)) / 2, overflow-free
        return np.hstack([1 - p, p])
    return softmax_(out)


def predict_proba(model: Module, X, batch_size: int = 8192) -> np.ndarray:
    """Class probabilities: softmax of the scores (or sigmoid of a single logit, as two columns)."""
    return probabilities_(predict(model, X, batch_size))


def make_grid(bounds, n: int) -> np.ndarray:
    """(n·n, 2) points of an n×n grid over bounds (xmin, xmax, ymin, ymax), row-major with y as the row."""
    xmin, xmax, ymin, ymax = map(float, bounds)
    if not (xmin < xmax and ymin < ymax) or n < 2:
        raise ValueError(f"make_grid: need xmin < xmax, ymin < ymax and n >= 2, got {bounds!r}, n={n!r}")
    gx, gy = np.meshgrid(np.linspace(xmin, xmax, n), np.linspace(ymin, ymax, n))
    return np.column_stack([gx.ravel(), gy.ravel()])
