"""Robustness sets: MNIST test digits as other hands, pens and cameras would give them.

Each builder takes (n, 28, 28) uint8 MNIST images and a Generator and returns a list of grey images
(bright ink on black, 0–255) of various sizes, which the tests and benchmarks/bench_digits.py pass
through the app's own preprocessing (engine.digits.prepare) before the network reads them.
Work is done at 4× resolution (112×112), where MNIST's strokes are about 10 pixels wide.
"""
from __future__ import annotations

import numpy as np
from scipy import ndimage as ndi

from engine import digits

UP = 4


def _up(img) -> np.ndarray:
    """A 28×28 digit enlarged 4× (bilinear), values 0–255."""
    return np.clip(ndi.zoom(img.astype(np.float64), UP, order=1, grid_mode=True, mode="grid-constant"), 0, 255)


def _pad(img, p=24) -> np.ndarray:
    return np.pad(img, p)


def _soft(mask) -> np.ndarray:
    return ndi.gaussian_filter(mask * 255.0, 0.7)


def thickened(images, rng, factor: float = 2.0):
    """Strokes about `factor` × as wide: the ink (above half) grown by (factor − 1)·10.3 / 2 pixels at 4×
    (MNIST's strokes are ~10.3 px there), via a distance transform, edges softened."""
    r = (factor - 1) * 10.3 / 2
    return [_soft(ndi.distance_transform_edt(_pad(_up(a)) <= 127) <= r) for a in images]


def thinned(images, rng):
    """Strokes about half as wide: the ink shrunk by 2.5 px at 4× (of ~10), edges softened."""
    return [_soft(ndi.distance_transform_edt(_up(a) > 127) > 2.5) for a in images]


def rotated(images, rng, degrees: float = 20.0):
    """Rotated by +degrees or −degrees (random sign)."""
    return [np.clip(ndi.rotate(_pad(_up(a)), float(rng.choice([-1, 1]) * degrees), reshape=False, order=1), 0, 255)
            for a in images]


def _sheared(img, k):
    """x' = x + k·(y − centre) (rows y, columns x)."""
    h = img.shape[0]
    c = (h - 1) / 2
    return np.clip(ndi.affine_transform(img, [[1, 0], [-k, 1]], offset=[0, k * c], order=1), 0, 255)


def sheared(images, rng, k: float = 0.3):
    """Sheared horizontally by +k or −k (random sign)."""
    return [_sheared(_pad(_up(a)), float(rng.choice([-1, 1]) * k)) for a in images]


def slanted(images, rng):
    """Leaning right like fast handwriting: shear 0.35–0.5 (the top moves right) and 5° rotated."""
    out = []
    for a in images:
        s = _sheared(_pad(_up(a)), -float(rng.uniform(0.35, 0.5)))
        out.append(np.clip(ndi.rotate(s, -5.0, reshape=False, order=1), 0, 255))
    return out


def redrawn(images, rng, radius: float):
    """The digit traced again with a round pen of constant width 2·radius (4× pixels): the ink's
    middle line (ridges of its distance transform) dilated by a disk."""
    out = []
    for a in images:
        ink = _up(a) > 127
        dist = ndi.distance_transform_edt(ink)
        ridge = ink & (dist >= ndi.maximum_filter(dist, size=3)) & (dist >= 1.5)
        out.append(_soft(ndi.distance_transform_edt(~_pad(ridge)) <= radius))
    return out


def on_canvas(images, rng, size: int = 280):
    """Pasted at a random size (50–270 px) and place on a size×size canvas, as the Draw tab gets them."""
    out = []
    for a in images:
        h = int(rng.integers(50, 271))
        r, c = (int(v) for v in rng.integers(0, size - h + 1, size=2))
        out.append(digits.place_digit(a, size, h, (r, c)))
    return out


SETS = {
    "thick x2": lambda im, rng: thickened(im, rng, 2.0),
    "thick x3": lambda im, rng: thickened(im, rng, 3.0),
    "thin": thinned,
    "rotated ±20°": rotated,
    "sheared ±0.3": sheared,
    "slanted": slanted,
    "pen thin": lambda im, rng: redrawn(im, rng, 2.0),
    "pen medium": lambda im, rng: redrawn(im, rng, 5.0),
    "pen bold": lambda im, rng: redrawn(im, rng, 12.0),
    "canvas 280": on_canvas,
}


def build(images, seed: int = 0) -> dict[str, list]:
    """All robustness sets from the same images (each from its own Generator, seeded from `seed`)."""
    rngs = np.random.default_rng(seed).spawn(len(SETS))
    return {name: make(images, r) for (name, make), r in zip(SETS.items(), rngs, strict=True)}


def accuracy(pipeline, imgs, labels) -> float:
    """Share of imgs the pipeline reads correctly after engine.digits.prepare."""
    X = np.stack([digits.prepare(a) for a in imgs]).reshape(len(imgs), -1).astype(np.float64)
    return float(np.mean(pipeline.predict_proba(X).argmax(axis=1) == np.asarray(labels)))
