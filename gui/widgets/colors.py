"""Colours that read on light and dark palettes and for colour-blind eyes (Okabe–Ito based).

Class colours: the eight Okabe–Ito hues, with black replaced by a mid grey so it shows on a dark
background too. Orange and blue come first, so a two-class problem looks like TensorFlow Playground.
Signed quantities (weights, activations, regression values) use blue for negative and orange for
positive.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from gui.i18n import QT_TR_NOOP, tr

CLASS_HEX = ("#E69F00", "#0072B2", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")
CLASS_NAMES = ("orange", "blue", "green", "red", "sky blue", "purple", "yellow", "grey")   # in files: English
# The same names as a person reads them: English sources for lupdate, shown with class_name(i) / tr(name).
CLASS_NAMES_SHOWN = (QT_TR_NOOP("orange"), QT_TR_NOOP("blue"), QT_TR_NOOP("green"), QT_TR_NOOP("red"),
                     QT_TR_NOOP("sky blue"), QT_TR_NOOP("purple"), QT_TR_NOOP("yellow"), QT_TR_NOOP("grey"))
CLASS_RGB = np.array([[int(h[i:i + 2], 16) for i in (1, 3, 5)] for h in CLASS_HEX], dtype=np.uint8)

NEGATIVE_RGB = np.array([0, 114, 178], dtype=np.uint8)    # blue
POSITIVE_RGB = np.array([230, 159, 0], dtype=np.uint8)    # orange
NEGATIVE = QColor(0, 114, 178)
POSITIVE = QColor(230, 159, 0)


def class_name(i: int) -> str:
    """The name of class `i`'s colour in the current language (e.g. "orange" / "оранжев")."""
    return tr(CLASS_NAMES_SHOWN[i % len(CLASS_NAMES_SHOWN)])


def class_color(i: int) -> QColor:
    return QColor(CLASS_HEX[i % len(CLASS_HEX)])


def is_dark(palette: QPalette | None = None) -> bool:
    if palette is None:
        app = QApplication.instance()
        palette = app.palette() if app is not None else QPalette()
    return palette.color(QPalette.Window).lightness() < 128


def signed_rgba(v: np.ndarray, scale: float, max_alpha: float = 1.0) -> np.ndarray:
    """Values → RGBA uint8: hue from the sign (blue −, orange +), opacity from |v| / scale.

    Transparent at 0, so the picture reads on whatever background it is drawn over.
    """
    v = np.asarray(v, dtype=np.float32)
    t = np.clip(v / max(float(scale), 1e-12), -1.0, 1.0)
    out = np.empty(v.shape + (4,), dtype=np.uint8)
    pos = t >= 0
    out[..., :3] = np.where(pos[..., None], POSITIVE_RGB, NEGATIVE_RGB)
    out[..., 3] = (np.abs(t) * (255 * max_alpha)).astype(np.uint8)
    return out


def diverging_rgb(v: np.ndarray, scale: float, mid=(235, 235, 235)) -> np.ndarray:
    """Opaque colours for regression targets: blue (−scale) → light grey (0) → orange (+scale)."""
    t = np.clip(np.asarray(v, dtype=np.float64) / max(float(scale), 1e-12), -1.0, 1.0)[:, None]
    mid = np.asarray(mid, dtype=np.float64)
    pos = mid + (POSITIVE_RGB - mid) * np.clip(t, 0, 1)
    neg = mid + (NEGATIVE_RGB - mid) * np.clip(-t, 0, 1)
    return np.where(t >= 0, pos, neg).astype(np.uint8)
