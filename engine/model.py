"""Building networks: `mlp(...)` from layer sizes, `build_model(config)` from a plain dict."""
from __future__ import annotations

import numpy as np

from .layers import ACTIVATIONS, LAYER_TYPES, Dropout, Linear, init_for
from .module import Module, Sequential, as_dtype
from .tasks import MAX_UNITS

__all__ = ["LAYER_TYPES", "MAX_UNITS", "init_for", "mlp", "build_model", "describe"]


def mlp(sizes, activation="relu", *, rng: np.random.Generator, dtype="float32", dropout: float = 0.0) -> Sequential:
    """A multi-layer perceptron: Linear(sizes[0], sizes[1]), act, ..., Linear(sizes[-2], sizes[-1]).

    `activation` is one name for every hidden layer or a list with one name per hidden layer.
    The last layer has no activation: the loss (softmax + cross-entropy, or squared error) follows it.
    Hidden layers hold 1 to MAX_UNITS neurons (the one limit of engine/tasks.py); the input and output
    sizes are the data's (e.g. 784 pixels), any positive integer.
    """
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"mlp: sizes needs at least an input and an output size, got {sizes!r}")
    for i, s in enumerate(sizes):
        top = MAX_UNITS if 0 < i < len(sizes) - 1 else None
        if isinstance(s, bool) or not isinstance(s, (int, np.integer)) or s < 1 or (top and s > top):
            raise ValueError(f"mlp: sizes[{i}] must be an integer from 1 to {top or 'any size'}, got {s!r}")
    n_hidden = len(sizes) - 2
    acts = [activation] * n_hidden if isinstance(activation, str) else list(activation)
    if len(acts) != n_hidden:
        raise ValueError(f"mlp: {n_hidden} hidden layers need {n_hidden} activations, got {len(acts)}")
    for a in acts:
        if a not in ACTIVATIONS:
            raise ValueError(f"mlp: activation must be one of {sorted(ACTIVATIONS)}, got {a!r}")
    if not 0 <= dropout < 1:
        raise ValueError(f"mlp: dropout must be in [0, 1), got {dropout!r}")
    dtype = as_dtype(dtype)
    layers: list[Module] = []
    for i in range(len(sizes) - 1):
        act = acts[i] if i < n_hidden else "identity"
        layers.append(Linear(sizes[i], sizes[i + 1], rng=rng, init=init_for(act), dtype=dtype))
        if i < n_hidden:
            layers.append(ACTIVATIONS[act]())
            if dropout:
                layers.append(Dropout(dropout, rng=rng))
    return Sequential(*layers)


def build_model(config: dict, rng: np.random.Generator | None = None) -> Sequential:
    """Rebuild a model from `model.get_config()` (fresh weights; load a state_dict for trained ones)."""
    if not isinstance(config, dict) or config.get("type") != "Sequential" or not isinstance(config.get("layers"), list):
        raise ValueError("model config must be {'type': 'Sequential', 'layers': [...]}")
    rng = rng if rng is not None else np.random.default_rng()
    layers = []
    for i, spec in enumerate(config["layers"]):
        if not isinstance(spec, dict) or spec.get("type") not in LAYER_TYPES:
            kind = spec.get("type") if isinstance(spec, dict) else spec
            raise ValueError(f"model config: layer {i} has unknown type {kind!r}")
        kwargs = {k: v for k, v in spec.items() if k != "type"}
        cls = LAYER_TYPES[spec["type"]]
        if cls in (Linear, Dropout):
            kwargs["rng"] = rng
        try:
            layers.append(cls(**kwargs))
        except TypeError as exc:
            raise ValueError(f"model config: layer {i} ({spec['type']}): {exc}") from None
    if not layers:
        raise ValueError("model config has no layers")
    return Sequential(*layers)


def describe(model: Sequential) -> str:
    """'2-8-8-2 tanh' style summary."""
    linears = [layer for layer in model if isinstance(layer, Linear)]
    sizes = [lin.in_features for lin in linears[:1]] + [lin.out_features for lin in linears]
    acts = sorted({type(layer).__name__.lower() for layer in model if not isinstance(layer, (Linear, Dropout))})
    return "-".join(map(str, sizes)) + (" " + "/".join(acts) if acts else "")
