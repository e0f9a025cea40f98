"""Diagnoses of a training run in plain words: what went wrong and what to try.

Two kinds of evidence:
- the loss history (per epoch: training loss, test loss when there is a test set), for a learning
  rate that is too high, a stalled run and overfitting;
- the hidden units on the training set (`unit_health`), for saturated tanh/sigmoid units (their
  gradient α'(z) is almost 0) and dead ReLUs (output 0 on every training point: no gradient flows).

`diagnose(...)` returns a tuple of frozen `Diagnosis` objects, most urgent first; an empty tuple
means nothing looks wrong. Each is a pure function of its inputs, so a caller can run it on every
snapshot and show exactly the diagnoses that hold now (a message goes away when its cause does).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .layers import LeakyReLU, Linear, ReLU, Sigmoid, Tanh

WINDOW = 20                # epochs looked at for trends
SATURATION_Z = {Tanh: 3.0, Sigmoid: 6.0}   # |z| beyond this: α'(z) < 0.01 (tanh) / < 0.0025 (sigmoid)
SATURATED_SHARE = 0.9      # a unit is saturated when |z| is that large on this share of the points
LAYER_SHARE = 0.5          # a layer is reported when at least this share of its units is dead/saturated
STALL_GAIN = 0.01          # less than 1% better over the window: stalled
OVERFIT_RATIO = 2.0        # test loss this many times the training loss ...
OVERFIT_GAP = 0.02         # ... and at least this much above it
OVERFIT_RISE_RATIO = 1.2   # a rising test loss counts once it is this many times the training loss


@dataclass(frozen=True)
class Diagnosis:
    kind: str      # "diverged", "lr_too_high", "dead_relu", "saturated", "stalled", "overfitting"
    text: str      # what is wrong, in plain words
    advice: str    # what to try
    units: tuple = ()   # per hidden layer: indices of the units concerned (dead / saturated)


@dataclass(frozen=True)
class UnitHealth:
    """Per hidden activation layer (input to output): which units are dead or saturated."""

    kinds: tuple          # activation class name per hidden layer ("ReLU", "Tanh", ...)
    dead: tuple           # per layer: bool array, True where the unit's output is 0 on every point
    saturated: tuple      # per layer: bool array, True where |z| is beyond the saturation point on most points
    saturated_share: tuple  # per layer: share of (point, unit) pairs in saturation

    @property
    def any_dead(self) -> bool:
        return any(d.any() for d in self.dead)


def unit_health(model, X: np.ndarray, max_points: int = 2000) -> UnitHealth:
    """Look at every hidden unit on (at most `max_points` of) the training inputs `X` (already as the
    network sees them: features, scaled). Runs the model in eval mode and restores its mode."""
    X = np.asarray(X)[:max_points]
    was_training = model.training
    model.eval()
    try:
        outs = model.forward_all(X.astype(model[0].weight.data.dtype, copy=False))
    finally:
        model.train(was_training)
    kinds, dead, sat, share = [], [], [], []
    z = None
    for layer, out in zip(model, outs, strict=True):
        if isinstance(layer, Linear):
            z = out
            continue
        if z is None or layer is model[len(model) - 1]:
            continue
        kinds.append(type(layer).__name__)
        if isinstance(layer, ReLU) and not isinstance(layer, LeakyReLU):
            dead.append(np.all(out <= 0, axis=0))
        else:
            dead.append(np.zeros(z.shape[1], bool))
        limit = SATURATION_Z.get(type(layer))
        if limit is None:
            sat.append(np.zeros(z.shape[1], bool))
            share.append(0.0)
        else:
            big = np.abs(z) > limit
            sat.append(big.mean(axis=0) >= SATURATED_SHARE)
            share.append(float(big.mean()))
        z = None
    return UnitHealth(tuple(kinds), tuple(dead), tuple(sat), tuple(share))


def _first_bad_layer(masks) -> int | None:
    """The first hidden layer with at least LAYER_SHARE of its units flagged in `masks` (one bool array a layer)."""
    return next((i for i, m in enumerate(masks) if len(m) and m.mean() >= LAYER_SHARE), None)


def _trend(values: np.ndarray) -> float:
    """Least-squares slope per epoch, relative to the mean level (0 for fewer than 3 values)."""
    v = values[np.isfinite(values)]
    if len(v) < 3:
        return 0.0
    t = np.arange(len(v), dtype=float)
    slope = np.polyfit(t, v, 1)[0]
    return float(slope / max(abs(v.mean()), 1e-12))


def guess_loss(kind: str, n_classes: int = 0, y_var: float | None = None, loss: str = "cross_entropy"):
    """The loss of a network that knows nothing (predicts the class shares or the mean): the level a
    trained network must beat. None when unknown."""
    if kind == "classification" and n_classes >= 2:
        return math.log(n_classes) if loss == "cross_entropy" else math.log(2)
    if kind == "regression" and y_var is not None:
        return float(y_var) if loss == "mse" else float(np.sqrt(y_var) * 0.8)   # E|y-mean| ≈ 0.8σ (Gaussian)
    return None


def diagnose(train_loss, test_loss=None, *, guess: float | None = None, metric=None,
             health: UnitHealth | None = None, window: int = WINDOW) -> tuple[Diagnosis, ...]:
    """Diagnoses from per-epoch losses (oldest first) and, optionally, the units' health.

    `guess` is the loss of a network that knows nothing (see `guess_loss`); `metric` the latest
    training accuracy or R² (a run at 100% is not "stalled")."""
    tr = np.asarray(train_loss, dtype=float)
    te = None if test_loss is None else np.asarray(test_loss, dtype=float)
    out: list[Diagnosis] = []
    if len(tr) and not np.isfinite(tr[-1]):
        return (Diagnosis("diverged", "Training diverged: the loss became infinite or not a number.",
                          "Lower the learning rate (try ten times smaller) and reset the weights."),)
    recent = tr[-window:]
    high = guess is not None and len(recent) >= 3 and float(np.median(recent)) > 1.5 * guess
    if len(recent) >= 5:
        d = np.diff(recent)
        swings = np.mean(np.sign(d[1:]) != np.sign(d[:-1])) if len(d) > 1 else 0.0
        wobble = float(np.mean(np.abs(d)) / max(float(np.mean(recent)), 1e-12))
        rising = _trend(recent) > 0.01
        if high or (guess is not None and float(np.median(recent)) > 0.5 * guess
                    and (rising or (swings > 0.5 and wobble > 0.1))):
            out.append(Diagnosis(
                "lr_too_high",
                "The learning rate looks too high: the loss is " + ("worse than a network that only guesses"
                                                                    if high else "rising or jumping up and down")
                + ".",
                "Lower the learning rate (try a third or a tenth of it), then press Reset."))
    if health is not None:
        i = _first_bad_layer(health.dead)
        if i is not None:
            dead = health.dead[i]
            out.append(Diagnosis(
                "dead_relu",
                f"{int(dead.sum())} of {len(dead)} ReLU neurons in hidden layer {i + 1} are dead: they output 0 "
                "on every training point, so no gradient reaches their weights.",
                "Lower the learning rate and press Reset, or use LeakyReLU or tanh.",
                tuple(np.flatnonzero(d) for d in health.dead)))
        i = _first_bad_layer(health.saturated)
        if i is not None:
            sat = health.saturated[i]
            out.append(Diagnosis(
                "saturated",
                f"{int(sat.sum())} of {len(sat)} {health.kinds[i].lower()} neurons in hidden layer {i + 1} are "
                "saturated: |z| is so large that α′(z) ≈ 0 and their weights barely learn.",
                "Lower the learning rate and press Reset (or use ReLU).",
                tuple(np.flatnonzero(s) for s in health.saturated)))
    # a stall or a train/test gap is only a symptom when the learning rate or dead/saturated units are the cause
    caused = any(d.kind in ("lr_too_high", "dead_relu", "saturated") for d in out)
    if len(tr) >= window and not caused:
        first, last = recent[: window // 2].mean(), recent[window // 2:].mean()
        gain = (first - last) / max(abs(first), 1e-12)
        solved = (metric is not None and metric >= 0.99) or (guess is not None and last < 0.05 * guess)
        if gain < STALL_GAIN and not solved:
            out.append(Diagnosis(
                "stalled", "Training has stalled: the loss has hardly changed over the last "
                f"{window} epochs.",
                "Try a larger learning rate or Adam, more neurons or layers, or other input features."))
    learned = guess is None or (len(recent) and recent[-1] < guess)    # better than guessing on the training set
    too_high = any(d.kind == "lr_too_high" for d in out)
    if te is not None and len(te) >= window and np.isfinite(te[-window:]).all() and not too_high and learned:
        te_recent = te[-window:]
        gap_big = te_recent[-1] > OVERFIT_RATIO * recent[-1] and te_recent[-1] - recent[-1] > OVERFIT_GAP
        # rising: the test loss climbs (beyond its noise) while the training loss falls, and it is already
        # clearly above the training loss (a noisy test loss below the training loss is not overfitting)
        half = window // 2
        rising = (_trend(te_recent) > 0.002 and _trend(recent) < 0
                  and te_recent[half:].mean() > 1.02 * te_recent[:half].mean()
                  and te_recent[-1] > OVERFIT_RISE_RATIO * recent[-1])
        if rising or gap_big:
            out.append(Diagnosis(
                "overfitting",
                f"The network is overfitting: test loss {te_recent[-1]:.3g} "
                + ("is rising while the training loss falls" if rising else
                   f"is {te_recent[-1] / max(recent[-1], 1e-12):.1f}× the training loss {recent[-1]:.3g}") + ".",
                "Stop here, or use fewer neurons, L2 or dropout, or more training points."))
    return tuple(out)
