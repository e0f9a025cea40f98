"""Pictures of a network over the input plane, computed cheaply on the worker thread (pure NumPy).

The numbers come from the engine's one inference path (`Sequential.infer`, its columns: the inputs,
each hidden layer's activations and the raw outputs, as the diagram draws them). This module only
colours them, through precomputed lookup tables: values → uint8 index → packed RGBA (one `np.take`),
so the GUI thread only uploads finished images.

Thumbnail scales are fixed by the activation when it states a `value_range` (tanh [-1, 1], sigmoid
[0, 1] with 0.5 neutral), so a unit that hardly varies looks faint instead of saturated; other units
(ReLU-like, linear) share the largest |value| of their layer, inputs each feature's largest |value|.
"""
from __future__ import annotations

import numpy as np

from engine.layers import ACTIVATIONS, Activation, Dropout, Linear
from gui.widgets.colors import CLASS_RGB, NEGATIVE_RGB, POSITIVE_RGB

MAP_ALPHA = 200            # opacity of a fully certain map cell
MAP_ALPHA_DISCRETE = 150   # opacity of every cell of a discretized map
OUT_ALPHA = 230            # opacity of a class-probability thumbnail at p = 1


# -- lookup tables (RGBA bytes packed as uint32, so a lookup is one np.take) -----------------------
def _pack(rgba: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(rgba, dtype=np.uint8).view(np.uint32).reshape(rgba.shape[:-1])


def _class_map_lut(discretize: bool) -> np.ndarray:
    """(8 · 256,) uint32: class c, certainty q/255 → the class colour with an opacity."""
    q = np.arange(256) / 255.0
    alpha = np.full(256, MAP_ALPHA_DISCRETE) if discretize else (q ** 0.8 * MAP_ALPHA)
    rgba = np.empty((len(CLASS_RGB), 256, 4), np.uint8)
    rgba[..., :3] = CLASS_RGB[:, None, :]
    rgba[..., 3] = alpha.astype(np.uint8)[None, :]
    return _pack(rgba).reshape(-1)


def _class_alpha_lut() -> np.ndarray:
    """(8 · 256,) uint32: class c, probability q/255 → the class colour, opacity ∝ probability."""
    rgba = np.empty((len(CLASS_RGB), 256, 4), np.uint8)
    rgba[..., :3] = CLASS_RGB[:, None, :]
    rgba[..., 3] = (np.arange(256) / 255.0 * OUT_ALPHA).astype(np.uint8)[None, :]
    return _pack(rgba).reshape(-1)


def _signed_lut(max_alpha: float = 1.0, levels: int = 0) -> np.ndarray:
    """(256,) uint32: index i ↔ t = i/127.5 − 1 in [-1, 1] → blue (t < 0) or orange (t > 0), opacity |t|.
    With `levels`, |t| is rounded to that many steps (the 'discretize' look)."""
    t = np.arange(256) / 127.5 - 1.0
    a = np.abs(t)
    if levels:
        a = np.round(a * levels) / levels
    rgba = np.empty((256, 4), np.uint8)
    rgba[:, :3] = np.where((t >= 0)[:, None], POSITIVE_RGB, NEGATIVE_RGB)
    rgba[:, 3] = (np.clip(a, 0, 1) * 255 * max_alpha).astype(np.uint8)
    return _pack(rgba)


CLASS_MAP_LUT = _class_map_lut(False)
CLASS_MAP_LUT_DISCRETE = _class_map_lut(True)
CLASS_ALPHA_LUT = _class_alpha_lut()
SIGNED_LUT = _signed_lut()
VALUE_LUT = _signed_lut(0.85)
VALUE_LUT_DISCRETE = _signed_lut(0.85, levels=4)


def _index(t: np.ndarray) -> np.ndarray:
    """t in [-1, 1] (clipped) → uint8 index into a signed LUT. Works in place on float32 `t`."""
    np.clip(t, -1.0, 1.0, out=t)
    t *= 127.5
    t += 127.5 + 0.5
    return t.astype(np.uint8)


def _unit_index(p: np.ndarray) -> np.ndarray:
    """p in [0, 1] → uint8 index 0..255 (p is not modified)."""
    q = np.clip(p, 0.0, 1.0) * 255.0
    q += 0.5
    return q.astype(np.uint8)


# -- the network's columns ------------------------------------------------------------------------
def column_kinds(model) -> list[str]:
    """What each column holds: 'input', each hidden layer's activation name (engine.ACTIVATIONS), 'output'."""
    kinds, act, seen = ["input"], "identity", 0
    for layer in model.layers:
        if isinstance(layer, Linear):
            seen += 1
            if seen > 1:
                kinds.append(act)
            act = "identity"
        elif isinstance(layer, Activation):
            act = layer.name
        elif not isinstance(layer, Dropout):
            act = "other"
    if seen:
        kinds.append("output")
    return kinds


# -- pictures ------------------------------------------------------------------------------------
def decision_rgba(logits: np.ndarray, n: int, discretize: bool) -> np.ndarray:
    """Logits (n·n, C) → (n, n, 4) uint8: colour of the likeliest class, opacity from its certainty
    (p_max − 1/C)·C/(C − 1), i.e. transparent where the classes are even."""
    C = logits.shape[1]
    if C == 1:                                      # a single logit: class 1 when it is positive
        d = logits[:, 0]
        cls = (d > 0).astype(np.intp)
        strength = np.abs(d) * 0.5
        np.tanh(strength, out=strength)
    elif C == 2:                                    # 2·p_max − 1 = tanh(|l1 − l0| / 2)
        d = logits[:, 1] - logits[:, 0]
        cls = (d > 0).astype(np.intp)
        strength = np.abs(d, out=d)
        strength *= 0.5
        np.tanh(strength, out=strength)
    else:
        cls = logits.argmax(axis=1)
        e = logits - logits.max(axis=1, keepdims=True)
        np.exp(e, out=e)
        s = e.sum(axis=1)                           # p_max = 1 / s
        strength = np.reciprocal(s, out=s)
        strength -= 1.0 / C
        strength *= C / (C - 1.0)
    idx = _unit_index(strength).astype(np.intp)
    idx += (cls % len(CLASS_RGB)) * 256
    lut = CLASS_MAP_LUT_DISCRETE if discretize else CLASS_MAP_LUT
    return np.take(lut, idx).view(np.uint8).reshape(n, n, 4)


def value_rgba(values: np.ndarray, n: int, vmax: float, discretize: bool) -> np.ndarray:
    """Regression values (n·n,) → (n, n, 4) uint8 on the blue–orange scale of ±vmax."""
    t = np.asarray(values, np.float32) * np.float32(1.0 / max(vmax, 1e-9))
    lut = VALUE_LUT_DISCRETE if discretize else VALUE_LUT
    return np.take(lut, _index(t)).view(np.uint8).reshape(n, n, 4)


def column_scale(values: np.ndarray, kind: str, per_unit: bool = False) -> tuple[float | np.ndarray, float]:
    """(scale, offset) so that (v − offset) / scale lies in [-1, 1] for a column of `kind`. With `per_unit`,
    a unit without a fixed range (ReLU, linear) is scaled by its own largest |v| (its own output range, not
    the layer's, which the plane's far edges set: its pattern shows; a dead one, 0 everywhere, stays blank).
    Units with a fixed range (tanh, sigmoid) keep it, so a unit that hardly varies looks faint."""
    act = ACTIVATIONS.get(kind)
    if act is not None and act.value_range is not None:     # a fixed range: tanh, sigmoid, ...
        lo, hi = act.value_range
        return (hi - lo) / 2, (hi + lo) / 2
    if kind == "input":                             # each feature its own range
        m = np.max(np.abs(values), axis=0)
        return np.where(m > 1e-9, m, 1.0).astype(np.float32), 0.0
    if per_unit and values.size:                    # ReLU, linear: each unit its own range ...
        m = np.max(np.abs(values), axis=0)
        return np.where(m > 1e-6, m, 1.0).astype(np.float32), 0.0
    m = float(np.max(np.abs(values))) if values.size else 1.0   # ... or one scale per layer
    return (m if m > 1e-9 else 1.0), 0.0


def signed_images(values: np.ndarray, scale, offset: float, side: int) -> np.ndarray:
    """(side·side, k) values → (k, side, side, 4) uint8 on the signed scale."""
    t = (values - np.float32(offset)) / np.asarray(scale, np.float32)
    t = np.ascontiguousarray(t.T, dtype=np.float32)
    return np.take(SIGNED_LUT, _index(t)).view(np.uint8).reshape(t.shape[0], side, side, 4)


def class_images(probs: np.ndarray, classes: np.ndarray, side: int) -> np.ndarray:
    """(side·side, k) probabilities of `classes` → (k, side, side, 4) uint8 in each class's colour."""
    idx = _unit_index(np.ascontiguousarray(probs.T)).astype(np.intp)
    idx += (np.asarray(classes) % len(CLASS_RGB))[:, None] * 256
    return np.take(CLASS_ALPHA_LUT, idx).view(np.uint8).reshape(len(classes), side, side, 4)
