"""The engine as a library: one call to train on arrays, and one naming for what a network outputs.

    pipe = engine.fit({"hidden": [{"units": 16, "activation": "relu"}]}, X, y, epochs=200)
    pipe.predict(X_new)         # class labels (classification) or values (regression)
    pipe.predict_proba(X_new)   # class probabilities
    engine.predict_scores(pipe, X_new)   # the raw network outputs (logits or values)

`fit` does what the app's Trainer loop does step by step (the GUI keeps using `Trainer`, which it
can pause between batches): input features, scaling, building the network from a recipe, the
minibatch loop, and wrapping it all in a `Pipeline` that reads raw inputs and saves as one file.

Also here: the MNIST pixel scaling (one definition for the command line and the MNIST lab).
"""
from __future__ import annotations

import copy
import math
from collections.abc import Callable

import numpy as np

from .module import Module
from .pipeline import Pipeline
from .train import EpochReport, Trainer
from .train import predict as _scores
from .train import predict_proba as _proba

# -- images ------------------------------------------------------------------------------------
PIXEL_SCALE = 255.0  # image inputs are pixel / 255; a saved image Pipeline divides raw 0-255 pixels by this
_PIXEL_LUT = (np.arange(256) / PIXEL_SCALE).astype(np.float32)  # exactly what Pipeline.transform computes


def pixels_to_inputs(images) -> np.ndarray:
    """(n, h, w) or (n, h·w) uint8 pixels → (n, h·w) float32 in [0, 1]: what an image network sees.

    The values are bit-for-bit those of `image_pipeline(...).transform(images)` (float64 division,
    then float32), without a float64 temporary of the whole set.
    """
    images = np.asarray(images)
    if images.dtype != np.uint8:
        raise ValueError(f"pixels_to_inputs: expected uint8 pixels 0-255, got {images.dtype}")
    return _PIXEL_LUT[images.reshape(len(images), -1)]


def image_pipeline(model: Module, class_names, meta: dict | None = None) -> Pipeline:
    """A classification Pipeline around `model` that reads raw 0-255 pixels (flattened, h·w columns)."""
    n_in = linear_layers(model)[0].in_features
    return Pipeline(model, "classification", len(class_names), None, np.zeros(n_in), np.full(n_in, PIXEL_SCALE),
                    tuple(map(str, class_names)), dict(meta or {}))


# -- outputs -----------------------------------------------------------------------------------
def _net_inputs(model, X):
    if isinstance(model, Pipeline):
        return model.model, model.transform(X)
    if isinstance(model, Module):
        params = model.parameters()
        dtype = params[0].data.dtype if params else np.float32
        return model, np.ascontiguousarray(X, dtype=dtype)  # a 1-D X is refused by train.predict (DataError)
    raise TypeError(f"expected an engine Module or Pipeline, got {type(model).__name__}")


def predict_scores(model, X, batch_size: int = 8192) -> np.ndarray:
    """The raw network outputs (n, outputs) in eval mode: logits for classifiers, values for regression.

    `model` is a Pipeline (X are raw inputs: features and scaling are applied) or a bare Module
    (X are the network's inputs)."""
    net, inputs = _net_inputs(model, X)
    return _scores(net, inputs, batch_size)


def predict(model, X, *, task: str | None = None) -> np.ndarray:
    """Class labels (classification) or values of shape (n,) (regression).

    A Pipeline knows its task; for a bare Module say `task="regression"` for values (default:
    classification — the arg-max of the scores, or score > 0 for a single logit)."""
    if isinstance(model, Pipeline):
        return model.predict(X)
    task = task or "classification"
    if task not in ("classification", "regression"):
        raise ValueError(f"predict: task must be 'classification' or 'regression', got {task!r}")
    out = predict_scores(model, X)
    if task == "regression":
        return out[:, 0]
    return out.argmax(axis=1) if out.shape[1] > 1 else (out[:, 0] > 0).astype(np.int64)


def predict_proba(model, X, batch_size: int = 8192) -> np.ndarray:
    """Class probabilities (n, classes): softmax of the scores (or sigmoid of one logit, as two columns)."""
    if isinstance(model, Pipeline):
        return model.predict_proba(X)
    net, inputs = _net_inputs(model, X)
    return _proba(net, inputs, batch_size)


# -- weights by name -----------------------------------------------------------------------------
def linear_layers(model) -> list:
    """The layers with weights, in order — `linear_layers(m)[0].weight.data` is the first layer's W,
    wherever Dropout or activation layers sit in the Sequential. Accepts a Module or a Pipeline."""
    net = model.model if isinstance(model, Pipeline) else model
    if hasattr(net, "linear_layers"):
        return net.linear_layers()
    return [layer for layer in getattr(net, "layers", [net]) if hasattr(layer, "weight")]


# -- training ------------------------------------------------------------------------------------
def _infer_task(y) -> str:
    y = np.asarray(y)
    if y.dtype.kind in "iub":
        return "classification"
    return "classification" if np.all(np.isfinite(y)) and np.all(np.mod(y, 1) == 0) else "regression"


def fit(model_or_recipe=None, X=None, y=None, *, epochs: int = 100, task: str | None = None,
        scale="standard", rng: np.random.Generator | None = None, seed: int | None = 0,
        progress: Callable[[EpochReport], object] | None = None, X_val=None, y_val=None,
        class_names=None, **settings) -> Pipeline:
    """Train a network on raw inputs X (n, d) and targets y; return the fitted Pipeline.

    model_or_recipe: a recipe dict (see engine/recipe.py: hidden layers, features, loss, optimizer,
        lr, batch_size, l1, l2, dropout, dtype — anything missing takes the playground's default),
        None for the default recipe, or an engine Module you built (its output width must match).
    settings: recipe settings given as keywords (`hidden=[...]`, `lr=0.01`, `optimizer="adam"`, ...);
        with a Module they set the loss, optimizer and minibatches, and `features` (default none).
    task: "classification" or "regression"; by default from the recipe's loss if given, else from y
        (whole numbers: classification).
    scale: "standard" (z-score each input column, fitted on X), None (inputs as they are), or a
        number to divide by (e.g. 255 for pixels).
    rng / seed: the Generator for weights, shuffling and dropout (default: default_rng(seed)).
    progress: called with each EpochReport; return False from it to stop early.
    Raises DataError for bad arrays, ValueError for bad settings, DivergenceError (with the last good
    weights restored) if the loss blows up.
    """
    from .data import Standardizer, expand_features
    from .errors import DataError
    from .model import describe
    from .recipe import (
        CLASSIFICATION_LOSSES,
        DEFAULT_RECIPE,
        build_loss,
        build_model_from_recipe,
        build_optimizer_from_recipe,
        validate_recipe,
    )
    if X is None or y is None:
        raise ValueError("fit: X and y are required")
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise ValueError(f"fit: epochs must be a positive integer, got {epochs!r}")
    if isinstance(model_or_recipe, Pipeline):
        raise TypeError("fit: pass a recipe dict or a Module (pipeline.model to continue training a Pipeline)")
    if rng is None:
        rng = np.random.default_rng(seed)
    X = np.asarray(X, dtype=np.float64)
    if X.ndim == 1:
        X = X[:, None]
    y = np.asarray(y)
    if X.ndim != 2 or len(X) == 0:
        raise DataError(f"fit: X must be a non-empty (n, d) table, got shape {X.shape}")
    if len(y) != len(X):
        raise DataError(f"fit: X has {len(X)} rows but y has {len(y)} targets")

    module = model_or_recipe if isinstance(model_or_recipe, Module) else None
    if module is None and model_or_recipe is not None and not isinstance(model_or_recipe, dict):
        raise TypeError(f"fit: expected a recipe dict or a Module, got {type(model_or_recipe).__name__}")
    given = {**((model_or_recipe or {}) if module is None else {}), **settings}
    if "loss" in given:
        wanted = "classification" if given["loss"] in CLASSIFICATION_LOSSES else "regression"
        if task is not None and task != wanted:
            raise ValueError(f"fit: loss {given['loss']!r} is for {wanted}, but task={task!r}")
        task = wanted
    task = task or _infer_task(y)
    if task not in ("classification", "regression"):
        raise ValueError(f"fit: task must be 'classification' or 'regression', got {task!r}")
    given.setdefault("loss", "cross_entropy" if task == "classification" else "mse")
    if "features" not in given:  # points get x1, x2 by default in a recipe; other tables their columns
        given["features"] = (["x1", "x2"] if X.shape[1] == 2 else ["x1"] if X.shape[1] == 1 else None) \
            if module is None else None
    if module is not None:
        given.setdefault("hidden", [])
        given.setdefault("dtype", str(module.parameters()[0].data.dtype) if module.parameters()
                         else DEFAULT_RECIPE["dtype"])
    recipe = validate_recipe(given)
    features = recipe["features"]

    # inputs: features, then scaling (both become part of the returned Pipeline)
    F = X if features is None else expand_features(X, features)
    if isinstance(scale, str) and scale == "standard":
        scaler = Standardizer().fit(F)
        mean, std = scaler.mean, scaler.scale
    elif scale is None:
        mean = std = None
    elif isinstance(scale, (int, float, np.integer, np.floating)) and not isinstance(scale, bool) \
            and math.isfinite(scale) and scale > 0:
        mean, std = np.zeros(F.shape[1]), np.full(F.shape[1], float(scale))
    else:
        raise ValueError(f"fit: scale must be 'standard', None or a positive number, got {scale!r}")

    if task == "classification":
        if y.dtype.kind not in "iub" and not (np.all(np.isfinite(y)) and np.all(np.mod(y, 1) == 0)):
            raise DataError("fit: classification labels must be whole numbers 0, 1, 2, ...")
        y = y.astype(np.int64)
        n_classes = max(2, int(y.max()) + 1)
        n_out = n_classes
    else:
        n_classes, n_out = 0, 1
    if module is None:
        model = build_model_from_recipe(recipe, F.shape[1], n_out, rng)
    else:
        model = module
        n_in = linear_layers(model)[0].in_features if linear_layers(model) else F.shape[1]
        if n_in != F.shape[1]:
            raise DataError(f"fit: the network takes {n_in} inputs but the data gives {F.shape[1]} "
                            f"({'features ' + ', '.join(features) if features else 'columns'})")
    pipe = Pipeline(model, task, n_classes, None if features is None else tuple(features), mean, std,
                    tuple(map(str, class_names)) if class_names is not None
                    else tuple(str(i) for i in range(n_classes)))
    Xn = pipe.transform(X)
    Xv = None if X_val is None else pipe.transform(X_val)
    yv = None if y_val is None else np.asarray(y_val)
    trainer = Trainer(model, build_loss(recipe), build_optimizer_from_recipe(recipe, model.parameters()), Xn, y,
                      batch_size=recipe["batch_size"], rng=rng, X_val=Xv, y_val=yv)
    history = []
    for report in trainer.run(epochs):
        if not isinstance(report, EpochReport):
            continue
        history.append({"epoch": report.epoch, "train_loss": float(report.train_loss),
                        "train_metric": float(report.train_metric)})
        if progress is not None and progress(report) is False:
            break
    pipe.meta = {"trained_with": "engine.fit", "network": describe(model), "epochs": trainer.epoch,
                 "steps": trainer.step, "recipe": copy.deepcopy(recipe) if module is None else None,
                 "history": history}
    return pipe
