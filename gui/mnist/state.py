"""MnistState: what a project stores of the MNIST lab, as plain data (no Qt), and the checks a
network must pass to be used in the lab.

`MnistState.from_dict` validates everything that does not depend on the loaded data and raises
ValueError (naming the setting); `misfit` checks a network against a data set (the session calls
both before anything changes). Old project files (without "origin" and "epoch") open: both are
derived from what they hold.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from engine import Linear, ModelFileError, Pipeline
from engine.presets import MNIST_PRESETS
from engine.recipe import validate_recipe
from engine.tasks import task_of
from gui.i18n import QT_TR_NOOP, fill, num, percent, tr
from gui.messages import EngineText, Message
from gui.mnist.history import TrainingHistory
from gui.runs.text import run_name

STATE_VERSION = 1
CUSTOM = "custom"   # settings that are no preset
MAX_EPOCHS = 200
IMAGES = task_of("images")

# where the lab's network came from
NONE, SHIPPED, TRAINED, PROJECT, FILE = "none", "shipped", "trained", "project", "file"
ORIGINS = (NONE, SHIPPED, TRAINED, PROJECT, FILE)


@dataclass
class MnistState:
    recipe: dict
    epochs: int                       # the run's target
    subset: int                       # training images used
    data_folder: str | None = None    # None: the bundled MNIST
    model: Pipeline | None = None     # None: the shipped model (if it fits), or none
    origin: str = SHIPPED
    source: str = ""                  # the model's name in texts (a file name for FILE)
    epoch: int = 0                    # completed epochs of `model` in `history` (TRAINED/PROJECT)
    history: TrainingHistory = field(default_factory=TrainingHistory)

    def to_dict(self) -> dict:
        keep = self.model is not None and self.origin != SHIPPED   # the shipped model is no project work
        return {
            "version": STATE_VERSION,
            "recipe": dict(self.recipe),
            "epochs": int(self.epochs),
            "subset": int(self.subset),
            "data_folder": self.data_folder,
            "model": np.frombuffer(self.model.to_bytes(), np.uint8).copy() if keep else None,
            "model_source": self.source,
            "origin": self.origin if keep else SHIPPED,
            "epoch": int(self.epoch) if keep else 0,
            "history": self.history.to_dict() if keep else TrainingHistory().to_dict(),
        }

    @classmethod
    def from_dict(cls, state, *, data=None, data_folder: str | None = None) -> MnistState:
        """A checked MnistState; ValueError (with the reason) for anything wrong. `data` (from
        `data_folder`) is the data set loaded now: the network must fit the project's data."""
        if not isinstance(state, dict):
            raise ValueError(f"MNIST lab state must be a dict, got {type(state).__name__}")
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"MNIST lab state version {state.get('version')!r} is not supported")
        try:
            recipe = validate_recipe(state["recipe"])
            epochs = int(state["epochs"])
            subset = int(state["subset"])
        except (KeyError, TypeError) as exc:
            raise ValueError(f"MNIST lab state: missing or bad setting ({exc})") from None
        try:
            IMAGES.check_recipe(recipe)
        except ValueError as exc:
            raise ValueError(f"MNIST lab state: {exc}") from None
        if not 1 <= epochs <= MAX_EPOCHS or subset < 1:
            raise ValueError(f"MNIST lab state: bad epochs ({epochs}) or subset ({subset})")
        folder = state.get("data_folder")
        if folder is not None and not isinstance(folder, str):
            raise ValueError("MNIST lab state: data_folder must be a path or None")
        source = state.get("model_source") or ""
        if not isinstance(source, str):
            raise ValueError("MNIST lab state: model_source must be a text")
        try:
            history = TrainingHistory.from_dict(state.get("history") or {})
        except ValueError as exc:
            raise ValueError(f"MNIST lab state: {exc}") from None
        model = None
        if state.get("model") is not None:
            try:
                raw = np.asarray(state["model"], np.uint8).tobytes()
                model = Pipeline.from_bytes(raw, "the project's MNIST model")
            except (ModelFileError, ValueError, TypeError) as exc:
                raise ValueError(f"MNIST lab state: {exc}") from None
        if model is not None:
            # the project's data: the bundled MNIST (None), the data loaded now, or a folder not read yet
            known = folder is None or (folder == data_folder and data is not None)
            why = misfit(model, Message.info(QT_TR_NOOP("the project's network")),
                         data if folder is not None else None, check_size=known)
            if why is not None:
                raise ValueError(fill(tr("MNIST lab state: %1"), why.text))   # (a network that does not fit)
        origin = state.get("origin")
        if origin is None:   # files from before "origin": read it from the text
            origin = SHIPPED if model is None or source.startswith("the model shipped") else PROJECT
        if origin not in ORIGINS:
            raise ValueError(f"MNIST lab state: unknown model origin {origin!r}")
        if model is None:
            origin, source, history = SHIPPED, "", TrainingHistory()   # no curves without their network
        elif origin == TRAINED:
            origin = PROJECT     # a network trained here, now opened from the project
        epoch = state.get("epoch", history.last_epoch)
        if not isinstance(epoch, (int, np.integer)) or epoch != history.last_epoch:
            epoch = history.last_epoch   # the summary names only an epoch the curves have
        return cls(recipe, epochs, subset, folder, model, origin, source, int(epoch), history)


def sizes(pipeline: Pipeline) -> list[int]:
    """Inputs, then the outputs of each linear layer."""
    lin = [m for m in pipeline.model.layers if isinstance(m, Linear)]
    return [lin[0].in_features] + [m.out_features for m in lin] if lin else []


def architecture(pipeline: Pipeline) -> str:
    return "-".join(map(str, sizes(pipeline)))


def saved_accuracy(pipeline: Pipeline) -> float | None:
    acc = pipeline.meta.get("test_accuracy")
    return float(acc) if isinstance(acc, (int, float)) and math.isfinite(acc) else None


def misfit(p: Pipeline, name, data, *, check_size: bool = True) -> Message | None:
    """Why network `p` (called `name` in the text: a str or a Message) cannot work on `data` (an ImageDataset;
    None = the bundled MNIST), or None if it fits: a classifier of raw pixels, one input per pixel, one output
    per class. check_size False: only what does not depend on the data (its size is not known yet). The reason
    is a Message (translated when read; `str()` of it is its text)."""
    if p.task != IMAGES.kind:
        return Message.info(QT_TR_NOOP("%1 is a regression network (it predicts numbers); the MNIST lab needs a "
                                       "classifier."), name)
    s = sizes(p)
    if len(s) < 2:
        return Message.info(QT_TR_NOOP("%1 has no weight layer."), name)
    (h, w), n_classes = (28, 28) if data is None else data.image_shape, 10 if data is None else data.n_classes
    where = Message.info(QT_TR_NOOP("the MNIST lab")) if data is None or data.name == "MNIST" else \
        Message.info(QT_TR_NOOP("%1 in the MNIST lab"), data.name)
    if check_size and s[0] != h * w:
        return Message.info(QT_TR_NOOP("%1 takes %2; %3 needs %4 (%5×%6 pixels)."), name,
                            counted("input", s[0]), where, h * w, h, w)
    if p.features is not None:
        return Message.info(QT_TR_NOOP("%1 was made in the playground: it computes input features (%2) from two "
                                       "coordinates. The MNIST lab feeds it raw pixels."), name, ", ".join(p.features))
    if check_size and (s[-1] != n_classes or p.n_classes != n_classes):
        data_name = "MNIST" if data is None else data.name
        return Message.info(QT_TR_NOOP("%1 has %2 (%3); %4 has %5, and the network needs one output per class."),
                            name, counted("output", s[-1]),
                            counted("class", p.n_classes), data_name,
                            counted("class", n_classes))
    return None


class _Count(Message):
    """A count with its noun inside a Message ('10 outputs'), translated when the Message is read."""

    @property
    def text(self) -> str:
        return count_text(self.source, self.args[0])


def engine_text(text, severity: str = "info") -> Message:
    from gui.messages import Severity
    return EngineText(str(text or ""), Severity.ERROR if severity == "error" else Severity.INFO)


class Num(Message):
    """A float inside a Message, written with `decimals` places in the locale of the moment it is read."""

    def __init__(self, value: float, decimals: int = 2):
        super().__init__("", args=(float(value), int(decimals)))

    @property
    def text(self) -> str:
        return num(self.args[0], self.args[1])


def counted(noun: str, n: int) -> Message:
    """`count_text(noun, n)` kept for later: a Message argument that is translated when read."""
    return _Count(noun, args=(int(n),))


def count_text(noun: str, n: int) -> str:
    """'1 epoch', '3 epochs', '10,000 test images' in the current language (noun: a key of this function)."""
    n = int(n)
    texts = {
        "input": lambda: tr("%Ln input(s)", "", n), "output": lambda: tr("%Ln output(s)", "", n),
        "class": lambda: tr("%Ln class(es)", "", n), "epoch": lambda: tr("%Ln epoch(s)", "", n),
        "test image": lambda: tr("%Ln test image(s)", "", n),
    }
    return texts[noun]()


# -- what the lab says about its state (texts derived from it, never stored) --------------------
def source_text(source: str) -> str:
    """The network's name as stored (English: "the network trained here (epoch 3)") in the current language."""
    source = str(source or "")
    fixed = {"the model shipped with MLP Studio": QT_TR_NOOP("the model shipped with MLP Studio"),
             "the project's network": QT_TR_NOOP("the project's network")}
    if source in fixed:
        return tr(fixed[source])
    for pattern, template in _SOURCES:
        m = pattern.fullmatch(source)
        if m:
            return fill(tr(template), *(int(g) if g.isdigit() else g for g in m.groups()))
    return run_name(source)


_SOURCES = (
    (re.compile(r"the network trained here \(epoch (\d+)\)"), QT_TR_NOOP("the network trained here (epoch %1)")),
    (re.compile(r"the network trained here \(stopped in epoch (\d+)\)"),
     QT_TR_NOOP("the network trained here (stopped in epoch %1)")),
    (re.compile(r"the network trained here \(epoch (\d+), last good weights\)"),
     QT_TR_NOOP("the network trained here (epoch %1, last good weights)")),
    (re.compile(r"the model from (.+)", re.S), QT_TR_NOOP("the model from %1")),
)


def model_caption(p: Pipeline | None, origin: str, source: str) -> str:
    """The network in use, as the Draw tab's caption names it (in the current language)."""
    if p is None:
        return tr("No network yet: train one, or load a model (Ctrl+Alt+O).")
    acc = saved_accuracy(p)
    if origin == SHIPPED:
        if acc is not None:
            return fill(tr("Reading with the shipped model (%1) until you train one: %2."), percent(acc, 1),
                        architecture(p))
        return fill(tr("Reading with the shipped model until you train one: %1."), architecture(p))
    if acc is not None:
        return fill(tr("Reading with %1: %2, test accuracy %3."), source_text(source), architecture(p),
                    percent(acc, 2))
    return fill(tr("Reading with %1: %2."), source_text(source), architecture(p))


def summary_text(history: TrainingHistory, origin: str, seconds: float | None) -> str:
    """The last epoch's scores of the network in use ('' if its curves have none), in the current language."""
    last = history.last()
    if last is None or origin not in (TRAINED, PROJECT):
        return ""
    text = fill(tr("Epoch %1: test accuracy <b>%2%</b> (training %3%)"), int(last["epoch"]),
                num(last["test_acc"], 2), num(last["train_acc"], 2))
    if seconds is not None and origin == TRAINED:
        text += fill(tr(", %1 s"), num(seconds, 1))
    return text


def run_line(run_state: str, outcome: str, origin: str, source: str, epoch: int) -> tuple[str, float | None]:
    """The progress bar's text and fill (None: keep it) when it shows no progress of a run."""
    if run_state in ("running", "paused"):
        return (tr("Paused") if run_state == "paused" else tr("Preparing the data…")), None
    if run_state == "queued":
        return tr("Waiting for the data…"), 0.0
    if outcome == "done":
        return fill(tr("Done: %1"), count_text("epoch", epoch)), 1.0
    if outcome == "stopped":
        return fill(tr("Stopped in epoch %1"), int(epoch)), None
    if outcome == "failed":
        return tr("Training stopped: see the message"), None
    if origin == PROJECT:
        return tr("Restored from the project"), 1.0
    if origin == FILE:
        return fill(tr("Loaded %1"), source.removeprefix("the model from ")), 1.0
    return tr("Not trained yet"), 0.0


def preset_of(recipe: dict, epochs: int) -> str:
    """The name of the preset with this (validated) recipe and epochs, or CUSTOM."""
    for name, p in MNIST_PRESETS.items():
        if validate_recipe(p["recipe"]) == recipe and p["epochs"] == epochs:
            return name
    return CUSTOM
