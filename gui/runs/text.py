"""How runs are named and described on screen, in the user's language (no widgets).

Runs keep their English names ("Run 3", "1-layer perceptron", "lr = 0.01, layers = 2") in the log, in
projects and in exported CSV/JSON: those stay the same in every language. `run_name(name)` is how a
name is shown; `changes_text(log, i)` is the table's "What changed" cell.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from gui.i18n import QT_TR_NOOP, fill, sig, tr
from gui.messages import Message

# a run's settings and data (engine.runs.run_settings keys) as a person reads them
SETTING_NAMES = {
    "layers": QT_TR_NOOP("layers"), "width": QT_TR_NOOP("width"), "activation": QT_TR_NOOP("activation"),
    "lr": QT_TR_NOOP("lr"), "batch_size": QT_TR_NOOP("batch size"), "optimizer": QT_TR_NOOP("optimizer"),
    "momentum": QT_TR_NOOP("momentum"), "loss": QT_TR_NOOP("loss"), "dropout": QT_TR_NOOP("dropout"),
    "features": QT_TR_NOOP("features"), "dtype": QT_TR_NOOP("precision"), "augment": QT_TR_NOOP("augmentation"),
    "seed": QT_TR_NOOP("seed"), "data": QT_TR_NOOP("data"), "n_train": QT_TR_NOOP("training images"),
    "n_test": QT_TR_NOOP("test images"), "task": QT_TR_NOOP("task"), "points": QT_TR_NOOP("points"),
    "classes": QT_TR_NOOP("classes"),
}
# the playground's runs count points, not images
POINT_NAMES = {"n_train": QT_TR_NOOP("training points"), "n_test": QT_TR_NOOP("test points")}

_RUN = re.compile(r"Run (\d+)((?: \(\d+\))?)")
_LAYERS = re.compile(r"(\d+)-layer perceptron((?: \(\d+\))?)")
_SWEPT = re.compile(r"\b([a-z_0-9]+) = ")
_NEXT = re.compile(r", (?=[a-z_0-9]+ = )")
_NUMBER = re.compile(r"(?<![\w.])-?\d+\.\d*(?:e[-+]?\d+)?(?![\w.])|(?<![\w.])-?\d+e[-+]?\d+(?![\w.])")


def setting_name(key: str, points: bool = False) -> str:
    """A setting's name as a person reads it; `points`: the run is the playground's (it counts points)."""
    if points and key in POINT_NAMES:
        return tr(POINT_NAMES[key])
    return tr(SETTING_NAMES[key]) if key in SETTING_NAMES else key


def of_points(run) -> bool:
    """True for a playground run (its data names a task and points), False for the lab's (images)."""
    data = getattr(run, "data", None)
    return isinstance(data, dict) and "points" in data


def run_name(name: str) -> str:
    """A run's stored (English) name as it is shown: "Run 3" → "Run 3" in the current language."""
    name = str(name)
    m = _RUN.fullmatch(name)
    if m:
        return fill(tr("Run %1"), int(m.group(1))) + m.group(2)
    m = _LAYERS.fullmatch(name)
    if m:
        return fill(tr("%1-layer perceptron"), int(m.group(1))) + m.group(2)
    if " = " in name:
        if QLocale().decimalPoint() == ",":                   # "η = 0,01; width = 8", not "η = 0,01, width = 8"
            name = _NEXT.sub("; ", name)
        name = _SWEPT.sub(lambda m: setting_name(m.group(1)) + " = ", name)
        return _NUMBER.sub(lambda m: sig(float(m.group(0)), 6), name)
    return name


def changes_text(log, index: int) -> str:
    """What differs from the previous run, in a few words ('lr 0.03 → 0.1'), in the current language."""
    from engine.runs import differences
    if index == 0:
        return tr("first run")
    diff = differences(log.runs[index - 1], log.runs[index])
    points = of_points(log.runs[index])
    return "; ".join(f"{setting_name(k, points)} {setting_value(a, k)} → {setting_value(b, k)}"
                     for k, (a, b) in diff.items()) or tr("same settings")


def setting_value(v, key: str | None = None) -> str:
    """A setting's value as a person reads it: numbers in the current locale ('0,01' in Bulgarian); the
    names of a task, loss, activation or point preset (setting `key`) as the app shows them elsewhere."""
    if v is None:
        return "—"
    if isinstance(v, float):
        return sig(v, 6)
    label = _label(key, v) if isinstance(v, str) else None
    return tr(label) if label else str(v)


def _label(key, value: str) -> str | None:
    """The English label (translated by the caller) of an engine key such as 'cross_entropy'."""
    if key == "task":
        from engine.tasks import TASKS
        return TASKS[value].label if value in TASKS else None
    if key == "loss":
        from engine.losses import LOSSES
        return getattr(LOSSES.get(value), "name", None)
    if key == "activation":
        from engine.layers import ACTIVATIONS
        return getattr(ACTIVATIONS.get(value), "label", None)
    if key == "points":
        from gui.playground.data_panel import PRESET_LABELS
        return PRESET_LABELS.get(value)
    return None


class RunName(Message):
    """A run's stored name inside a Message: shown through `run_name` when the Message is read."""

    def __init__(self, name: str):
        super().__init__(str(name))

    @property
    def text(self) -> str:
        return run_name(self.source)
