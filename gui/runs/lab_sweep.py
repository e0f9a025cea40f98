"""The MNIST lab's own sweeps (no Qt): the lesson's 1-, 2- and 3-layer perceptrons, and the
activation functions, on a subset of the training images so a sweep fits in about a minute.

A "k-layer perceptron" has k layers of weights: 1 layer is f(x) = Wx + b (no hidden layer)."""
from __future__ import annotations

import numpy as np

from engine.api import pixels_to_inputs
from engine.layers import ACTIVATIONS
from engine.recipe import build_model_from_recipe
from engine.runs import sweep
from gui.i18n import QT_TR_NOOP

LAB_SWEEPS = {"layers": QT_TR_NOOP("1-, 2- and 3-layer perceptrons"),     # (shown with tr())
              "activation": QT_TR_NOOP("activation functions (2-layer network)")}
LAB_WIDTH = 128
LAB_EPOCHS = 20
LAB_SUBSET = 10_000


def lab_base(recipe: dict) -> dict:
    """The lab's base network: `recipe`'s training settings, one hidden ReLU layer of LAB_WIDTH units."""
    r = dict(recipe)
    r["hidden"] = [{"units": LAB_WIDTH, "activation": "relu"}]
    r["dropout"] = 0.0
    r["augment"] = None
    return r


def lab_recipes(kind: str, recipe: dict) -> list[tuple[str, dict]]:
    """(name, recipe) of the lab's sweep `kind` ("layers" or "activation") from `recipe`'s settings."""
    base = lab_base(recipe)
    if kind == "layers":
        # (names stay English in the log and files; gui.runs.text.run_name shows them translated)
        return [(f"{k}-layer perceptron", r) for k, (_, r) in zip((1, 2, 3), sweep(base, "layers", [0, 1, 2]),
                                                                 strict=True)]
    if kind == "activation":
        return sweep(base, "activation", list(ACTIVATIONS))
    raise ValueError(f"the lab's sweeps are {sorted(LAB_SWEEPS)}, got {kind!r}")


def subset(images, labels, n: int, seed: int = 0):
    """The first `n` images of a fixed shuffle (all of them when n is 0 or too large)."""
    if not n or n >= len(images):
        return images, labels
    idx = np.sort(np.random.default_rng(seed).permutation(len(images))[:n])
    return images[idx], labels[idx]


def make_image_net(n_classes: int):
    """make_net for a SweepJob on raw 0-255 pixel images (n, h, w) or (n, h·w)."""
    def make_net(recipe, rng):
        return build_model_from_recipe(recipe, 784, n_classes, rng), _pixels

    return make_net


def _pixels(images):
    return pixels_to_inputs(images)
