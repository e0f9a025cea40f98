"""What the training job hands the GUI: frozen, self-contained copies (never live model arrays)."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True, eq=False)
class History:
    """New history since the previous snapshot."""
    epoch: np.ndarray            # epoch numbers
    train_loss: np.ndarray
    test_loss: np.ndarray        # NaN without test points
    train_metric: np.ndarray     # accuracy or R²
    test_metric: np.ndarray
    batch_step: np.ndarray       # optimizer step of each (bucketed) minibatch loss
    batch_loss: np.ndarray


@dataclass(frozen=True, eq=False)
class Snapshot:
    seq: int
    epoch: int
    step: int
    running: bool
    event: str | None            # None, "paused", "stepped", "max_epochs", "target_loss", "diverged", "error",
                                 #   "loss_jump" (the loss rose sharply: learning rate too high?)
    message: str                 # for the status bar when event is set
    lr: float
    metric_name: str             # "accuracy" or "R²"
    history: History
    one_d: bool
    bounds: tuple                # (xmin, xmax, ymin, ymax) of the map
    image: np.ndarray | None     # (n, n, 4) uint8 decision map / value map (2-D tasks), row 0 = lowest y
    curve: tuple | None          # (xs, ys) fitted curve (1-D regression)
    sizes: tuple                 # layer sizes, input to output (inputs = features)
    shown: tuple                 # neurons drawn per column
    thumbs: object               # 2-D: (Σ shown, m, m, 4) uint8, column by column, each top row first;
                                 # 1-D: per column a (k, m) float array in [-1, 1]
    weights: tuple               # per Linear: (shown_out, shown_in) float32 copy
    focus: tuple | None          # (column, neuron) of the large view, or None
    focus_image: np.ndarray | None   # (n, n, 4) uint8 (2-D) or (xs, ys) tuple (1-D)
    state: dict | None = field(default=None)   # full state_dict copy (not in every snapshot of a big net)
    # The gradient view (only while it is on): per Linear, ∂L/∂W of the shown part (shown_out, shown_in)
    # and ∂L/∂b = the mean error signal δ = ∂L/∂z of each shown output neuron; per Linear the largest
    # |∂L/∂W| of the whole matrix; and what the gradient was averaged over.
    grads: tuple | None = field(default=None)
    deltas: tuple | None = field(default=None)
    grad_max: tuple | None = field(default=None)
    grad_source: str = ""
    # engine/diagnose.py Diagnosis objects that hold now (most urgent first); empty when nothing looks wrong
    diagnoses: tuple = ()
