"""Ready-made MNIST training recipes (used by the MNIST lab, the CLI and the benchmark).

Each entry is {"recipe": <recipe dict, see engine/recipe.py>, "epochs": n, "description": text} and may
have "lr_decay": the learning rate is multiplied by it after every epoch (the CLI and the benchmark do
this; a GUI that trains a preset should too).
Inputs are pixel values scaled to [0, 1] (divided by 255); the network's output has 10 units.
`MNIST_PRESET` (seed 0) reaches at least 98% test accuracy; see benchmarks/bench_engine.py.
"""
from __future__ import annotations

import copy

from .recipe import validate_recipe


def _mnist_recipe(hidden, *, lr=1e-3, batch_size=128, optimizer="adam", dropout=0.0, l2=0.0, augment=None) -> dict:
    return validate_recipe({
        "hidden": [{"units": u, "activation": "relu"} for u in hidden],
        "features": None, "loss": "cross_entropy", "optimizer": optimizer, "lr": lr, "momentum": 0.9,
        "batch_size": batch_size, "l1": 0.0, "l2": l2, "dropout": dropout, "dtype": "float32",
        "augment": augment,
    })


MNIST_PRESETS: dict[str, dict] = {
    "standard": {
        "recipe": _mnist_recipe([256, 128], dropout=0.2),
        "epochs": 10,
        "description": "784-256-128-10 ReLU, dropout 0.2, Adam 0.001, batch 128, 10 epochs: about 98.2% "
                       "test accuracy in about 7 s.",
    },
    "accurate": {
        "recipe": _mnist_recipe([512, 256], lr=2e-3, dropout=0.3),
        "epochs": 12,
        "lr_decay": 0.75,
        "description": "784-512-256-10 ReLU, dropout 0.3, Adam 0.002 (×0.75 per epoch), batch 128, 12 epochs: "
                       "about 98.5% test accuracy in about 30 s.",
    },
    "robust": {
        "recipe": _mnist_recipe([512, 256], dropout=0.1, augment=True),
        "epochs": 60,
        "lr_decay": 0.95,
        "description": "784-512-256-10 ReLU, dropout 0.1, Adam 0.001 (×0.95 per epoch), batch 128, 60 epochs on "
                       "training images changed anew every epoch (rotation, scale, slant, shift, stroke width, "
                       "elastic distortion; engine/augment.py). The shipped model is this recipe trained on the "
                       "training images plus one copy of each redrawn with another pen "
                       "(resources/models/train_other_pens.py).",
    },
    "quick": {
        "recipe": _mnist_recipe([128]),
        "epochs": 2,
        "description": "784-128-10 ReLU, Adam 0.001, batch 128, 2 epochs: about 96% in about a second.",
    },
    "tiny": {
        "recipe": _mnist_recipe([32]),
        "epochs": 1,
        "description": "784-32-10 ReLU, Adam 0.001, batch 128, 1 epoch: about 92%, almost instant.",
    },
}

MNIST_PRESET: dict = MNIST_PRESETS["standard"]

# Seed for the presets: the documented accuracies are for seed 0.
MNIST_SEED = 0


def mnist_preset(name: str = "standard") -> dict:
    """A deep copy of a preset (so callers may edit it freely)."""
    if name not in MNIST_PRESETS:
        raise ValueError(f"MNIST preset must be one of {sorted(MNIST_PRESETS)}, got {name!r}")
    return copy.deepcopy(MNIST_PRESETS[name])
