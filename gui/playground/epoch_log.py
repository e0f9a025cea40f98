"""What the training job records between snapshots (worker thread, never touches Qt): the per-epoch curves,
the minibatch losses handed over once per snapshot, and the plain-word diagnoses (engine/diagnose.py)."""
from __future__ import annotations

import numpy as np

from engine import EngineError
from engine.diagnose import WINDOW as DIAG_WINDOW
from engine.diagnose import diagnose, guess_loss, unit_health
from gui.playground.snapshot import History

BATCH_POINTS = 96          # at most this many minibatch-loss points per snapshot
DIAGNOSE_S = 0.5           # diagnoses are refreshed at most this often while training
_CURVES = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric")
_RECENT = ("train_loss", "test_loss", "train_metric")


class EpochLog:
    def __init__(self):
        self._hist = {k: [] for k in _CURVES}
        self._recent = {k: [] for k in _RECENT}   # the last epochs, for the diagnoses
        self.batch_steps: list[int] = []            # the hot loop appends to these two
        self.batch_losses: list[float] = []
        self._diagnoses = ()
        self._diag_t = -1e18
        self.forget_diagnoses()

    def forget_diagnoses(self) -> None:
        """The network or its data changed: the next diagnose() call recomputes."""
        self._diag_key = None

    def add_epoch(self, rep) -> None:
        h = self._hist
        for k, v in zip(_CURVES, (rep.epoch, rep.train_loss, rep.val_loss, rep.train_metric, rep.val_metric),
                        strict=True):
            h[k].append(v)
        r = self._recent
        for k, v in zip(_RECENT, (rep.train_loss, rep.val_loss, rep.train_metric), strict=True):
            r[k].append(v)
            if len(r[k]) > 2 * DIAG_WINDOW:
                del r[k][:DIAG_WINDOW]

    def take_history(self) -> History:
        """The curves gathered since the last call, handed over once."""
        h, self._hist = self._hist, {k: [] for k in _CURVES}
        steps, losses = self.batch_steps, self.batch_losses
        self.batch_steps, self.batch_losses = [], []
        s = np.asarray(steps, np.int64)
        lv = np.asarray(losses, np.float64)
        if len(s) > BATCH_POINTS:   # bucket means keep the curve's shape, not its 10k points a second
            edges = np.linspace(0, len(s), BATCH_POINTS + 1).astype(int)
            lv = np.add.reduceat(lv, edges[:-1]) / np.diff(edges)
            s = s[edges[1:] - 1]
        arr = {k: np.asarray(v, np.int64 if k == "epoch" else np.float64) for k, v in h.items()}
        return History(arr["epoch"], arr["train_loss"], arr["test_loss"], arr["train_metric"],
                       arr["test_metric"], s, lv)

    def diagnose(self, job, now: float) -> tuple:
        """The diagnoses of the job's network on its training inputs, refreshed at most every DIAGNOSE_S
        while training and whenever the network changed while paused."""
        key = (job.step, job.epoch, job.optimizer.lr)
        if key == self._diag_key or (job.running and now - self._diag_t < DIAGNOSE_S):
            return self._diagnoses
        self._diag_key, self._diag_t = key, now
        r = self._recent
        try:
            with np.errstate(all="ignore"):
                Xt = job.pipe.transform(job.X_train)
                health = unit_health(job.model, Xt) if len(Xt) else None
                if job.classify:
                    guess = guess_loss("classification", max(job.n_classes, 2), loss=job.recipe["loss"])
                else:
                    var = float(np.var(job.y_train)) if len(job.y_train) else None
                    guess = guess_loss("regression", y_var=var, loss=job.recipe["loss"])
                test = r["test_loss"] if len(job.X_test) else None
                metric = r["train_metric"][-1] if r["train_metric"] else None
                self._diagnoses = diagnose(r["train_loss"], test, guess=guess, metric=metric, health=health)
        except (ValueError, EngineError, FloatingPointError):
            self._diagnoses = ()
        return self._diagnoses
