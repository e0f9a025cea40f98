"""A *recipe*: the plain dict that says which network to build and how to train it.

The GUI's network builder edits one, projects save one, and the CLI makes one from its options:

    {"hidden": [{"units": 8, "activation": "tanh"}, ...],   # hidden layers, input to output
     "features": ["x1", "x2"],        # input features (2D data only; None = raw inputs)
     "loss": "cross_entropy",         # or "bce" (2 classes, 1 logit), "mse", "l1" (regression)
     "optimizer": "sgd",              # "sgd", "momentum" (SGD, momentum 0.9) or "adam"
     "lr": 0.03, "momentum": 0.9, "batch_size": 10,
     "l1": 0.0, "l2": 0.0, "dropout": 0.0, "dtype": "float32"}
"""
from __future__ import annotations

import copy
import math

import numpy as np

from .layers import ACTIVATIONS
from .losses import LOSSES
from .model import mlp
from .optim import SGD, Adam
from .tasks import CLASSIFICATION_LOSSES, FEATURES, MAX_LAYERS, MAX_UNITS, REGRESSION_LOSSES, kind_of_loss

__all__ = ["MAX_UNITS", "MAX_LAYERS", "LOSSES", "CLASSIFICATION_LOSSES", "REGRESSION_LOSSES", "OPTIMIZER_NAMES",
           "DEFAULT_RECIPE", "default_recipe", "validate_recipe", "task_of", "n_inputs_of", "build_model_from_recipe",
           "build_loss", "build_optimizer_from_recipe", "count_parameters"]
OPTIMIZER_NAMES = ("sgd", "momentum", "adam")

DEFAULT_RECIPE = {
    "hidden": [{"units": 8, "activation": "tanh"}, {"units": 8, "activation": "tanh"}],
    "features": ["x1", "x2"],
    "loss": "cross_entropy",
    "optimizer": "sgd",
    "lr": 0.03,
    "momentum": 0.9,
    "batch_size": 10,
    "l1": 0.0,
    "l2": 0.0,
    "dropout": 0.0,
    "dtype": "float32",
    "augment": None,    # image augmentation during training: None, True or a dict (engine/augment.py)
}


def default_recipe(**overrides) -> dict:
    r = copy.deepcopy(DEFAULT_RECIPE)
    r.update(copy.deepcopy(overrides))
    return validate_recipe(r)


def _number(name, value, low, high, *, integer=False, low_open=False):
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    ok = ok and math.isfinite(value) and (low < value if low_open else low <= value) and value <= high
    if integer:
        ok = ok and float(value) == int(value)
    if not ok:
        kind = "an integer" if integer else "a number"
        raise ValueError(f"recipe: {name} must be {kind} in {'(' if low_open else '['}{low}, {high}], got {value!r}")
    return int(value) if integer else float(value)


def validate_recipe(recipe: dict) -> dict:
    """Return a normalised copy; raise ValueError naming the setting and the value for anything impossible."""
    if not isinstance(recipe, dict):
        raise ValueError(f"recipe must be a dict, got {type(recipe).__name__}")
    r = copy.deepcopy(DEFAULT_RECIPE)
    unknown = set(recipe) - set(DEFAULT_RECIPE)
    if unknown:
        raise ValueError(f"recipe: unknown settings {sorted(unknown)}")
    r.update(copy.deepcopy(recipe))
    hidden = r["hidden"]
    if not isinstance(hidden, list) or len(hidden) > MAX_LAYERS:
        raise ValueError(f"recipe: hidden must be a list of at most {MAX_LAYERS} layers, got {hidden!r}")
    for i, layer in enumerate(hidden):
        if not isinstance(layer, dict) or set(layer) != {"units", "activation"}:
            raise ValueError(f"recipe: hidden[{i}] must be {{'units': n, 'activation': name}}, got {layer!r}")
        layer["units"] = _number(f"hidden[{i}].units", layer["units"], 1, MAX_UNITS, integer=True)
        if layer["activation"] not in ACTIVATIONS:
            raise ValueError(f"recipe: hidden[{i}].activation must be one of {sorted(ACTIVATIONS)}, "
                             f"got {layer['activation']!r}")
    if r["features"] is not None:
        feats = r["features"]
        if not isinstance(feats, (list, tuple)) or not feats or any(f not in FEATURES for f in feats):
            raise ValueError(f"recipe: features must be a non-empty list from {list(FEATURES)}, got {feats!r}")
        r["features"] = [f for f in FEATURES if f in feats]   # canonical order, no repeats
    if r["loss"] not in LOSSES:
        raise ValueError(f"recipe: loss must be one of {sorted(LOSSES)}, got {r['loss']!r}")
    if r["optimizer"] not in OPTIMIZER_NAMES:
        raise ValueError(f"recipe: optimizer must be one of {list(OPTIMIZER_NAMES)}, got {r['optimizer']!r}")
    r["lr"] = _number("lr", r["lr"], 0, 10, low_open=True)
    r["momentum"] = _number("momentum", r["momentum"], 0, 0.999)
    r["batch_size"] = _number("batch_size", r["batch_size"], 1, 65536, integer=True)
    r["l1"] = _number("l1", r["l1"], 0, 1)
    r["l2"] = _number("l2", r["l2"], 0, 1)
    r["dropout"] = _number("dropout", r["dropout"], 0, 0.9)
    if r["dtype"] not in ("float32", "float64"):
        raise ValueError(f"recipe: dtype must be 'float32' or 'float64', got {r['dtype']!r}")
    if r["augment"] is not None:
        from .augment import validate_augment
        r["augment"] = validate_augment(r["augment"])
    return r


def task_of(recipe: dict) -> str:
    """'classification' or 'regression': the kind of problem the recipe's loss is for."""
    return kind_of_loss(recipe["loss"])


def n_inputs_of(recipe: dict, raw_inputs: int) -> int:
    """Network inputs: the number of selected features, or the raw input size."""
    return raw_inputs if recipe["features"] is None else len(recipe["features"])


def build_model_from_recipe(recipe: dict, n_inputs: int, n_outputs: int, rng: np.random.Generator):
    """The Sequential for this recipe. For 'bce' the output is one logit whatever n_outputs says."""
    r = validate_recipe(recipe)
    if r["loss"] == "bce":
        n_outputs = 1
    sizes = [n_inputs] + [h["units"] for h in r["hidden"]] + [n_outputs]
    return mlp(sizes, [h["activation"] for h in r["hidden"]], rng=rng, dtype=r["dtype"], dropout=r["dropout"])


def build_transform_from_recipe(recipe: dict, n_inputs: int):
    """The training-batch transform (an engine.augment.Augmenter) the recipe asks for, or None."""
    aug = recipe.get("augment")
    if not aug:
        return None
    side = int(round(n_inputs ** 0.5))
    if side * side != n_inputs or recipe.get("features") is not None:
        raise ValueError(f"recipe: augment needs square images as inputs, not {n_inputs} inputs")
    from .augment import Augmenter
    return Augmenter(side, **aug)


def build_loss(recipe: dict):
    return LOSSES[recipe["loss"]]()


def build_optimizer_from_recipe(recipe: dict, params):
    r = recipe
    if r["optimizer"] == "adam":
        return Adam(params, lr=r["lr"], weight_decay=r["l2"], l1=r["l1"])
    momentum = r["momentum"] if r["optimizer"] == "momentum" else 0.0
    return SGD(params, lr=r["lr"], momentum=momentum, weight_decay=r["l2"], l1=r["l1"])


def count_parameters(recipe: dict, n_inputs: int, n_outputs: int) -> int:
    """Weights and biases of the network this recipe builds (without building it)."""
    r = validate_recipe(recipe)
    sizes = [n_inputs] + [h["units"] for h in r["hidden"]] + [1 if r["loss"] == "bce" else n_outputs]
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:], strict=False))
