"""What the training job hands the GUI: frozen, self-contained copies (never live model arrays).

Texts in a snapshot are made on the worker thread without Qt: a `Message` (English source and values,
translated when the GUI reads it) or an `EngineText` (gui/messages.py: an engine string, shown through
gui/engine_text.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gui.messages import EngineText, Message


def engine_message(text, severity: str = "error") -> Message:
    """A Message that is only an engine string (translated when read)."""
    arg = text if isinstance(text, EngineText) else EngineText(text)
    return Message.error("%1", arg) if severity == "error" else Message.info("%1", arg)


class Sig:
    """A float filled into a Message, written when the Message is read: `digits` significant digits in the
    user's locale (as Python's `g` format; decimal comma in Bulgarian)."""

    __slots__ = ("value", "digits")

    def __init__(self, value, digits: int = 3) -> None:
        self.value, self.digits = float(value), int(digits)

    def __str__(self) -> str:
        from gui.i18n import sig
        return sig(self.value, self.digits)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sig) and (other.value, other.digits) == (self.value, self.digits)

    def __hash__(self) -> int:
        return hash((self.value, self.digits))


class Phrase(str):
    """A text of the snapshot that reads as English (equal to, and searchable as, its English text) and shows
    itself in the user's language: `str()`, f-strings and `%1` fills give `message.text`."""

    message: Message

    def __new__(cls, english: str, message: Message):
        obj = super().__new__(cls, english)
        obj.message = message
        return obj

    def __str__(self) -> str:
        return self.message.text


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
    message: Message | str       # for the status bar when event is set (a Message, translated when read)
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
    grad_source: str = ""        # what the gradient was averaged over (a Phrase: English, shown translated)
    # engine/diagnose.py Diagnosis objects that hold now (most urgent first); empty when nothing looks wrong
    diagnoses: tuple = ()
