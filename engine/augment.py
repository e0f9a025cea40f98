"""Data augmentation for digit images: new random variants of the training images every epoch.

An `Augmenter` is called on a batch of flattened images (n, h·w) with values in [0, 1] and a
np.random.Generator, and returns a new batch of the same shape, dtype and range, each image
changed by its own random draw:

- stroke thickness: each image is blended toward its grey dilation (thicker) or grey erosion
  (thinner) by a random amount in [-thickness, +thickness];
- affine: rotation (± rotate degrees), scale (1 ± scale), shear (± shear, horizontal), shift
  (± shift pixels), all about the image centre;
- elastic distortion (Simard, Steinkraus and Platt, ICDAR 2003): a random displacement field, uniform
  in [-1, 1] per pixel and direction, smoothed by a Gaussian of standard deviation `elastic_sigma`
  pixels and scaled by `elastic_alpha`.

The affine map and the displacement field are combined into one sampling grid, and the whole batch
is resampled (bilinear) by one `scipy.ndimage.map_coordinates` call: the images are stacked into one
tall picture with a blank border around each one, so no image reads its neighbour's pixels.

The labels are not touched; the caller (engine.train.Trainer) applies this to training batches only.
"""
from __future__ import annotations

import math

import numpy as np
from scipy import ndimage as ndi

# Defaults, and the largest values allowed (beyond these digits stop looking like digits).
AUGMENT_DEFAULTS = {
    "rotate": 10.0,        # degrees, uniform in ±rotate
    "scale": 0.1,          # relative, uniform in 1 ± scale
    "shear": 0.25,         # horizontal shear x += shear·y, uniform in ±shear (handwriting slant)
    "shift": 2.0,          # pixels, uniform in ±shift per axis
    "thickness": 0.5,      # blend toward dilation (+) or erosion (−), uniform in ±thickness
    "elastic_alpha": 30.0,  # Simard et al. used α = 34, σ = 4 on 29×29 images; on 28×28 MNIST that bends
    "elastic_sigma": 5.0,   # some digits out of shape, so the field here is a little weaker and smoother
}
AUGMENT_LIMITS = {"rotate": 45.0, "scale": 0.5, "shear": 1.0, "shift": 8.0, "thickness": 1.0,
                  "elastic_alpha": 80.0, "elastic_sigma": 10.0}


def validate_augment(value) -> dict | None:
    """None/False: no augmentation. True: the defaults. A dict: the defaults updated by it (each value a
    number in [0, limit]; elastic_sigma > 0). Raises ValueError naming the setting otherwise."""
    if value is None or value is False:
        return None
    if value is True:
        return dict(AUGMENT_DEFAULTS)
    if not isinstance(value, dict):
        raise ValueError(f"recipe: augment must be None, True or a dict of {sorted(AUGMENT_DEFAULTS)}, got {value!r}")
    unknown = set(value) - set(AUGMENT_DEFAULTS)
    if unknown:
        raise ValueError(f"recipe: unknown augment settings {sorted(unknown)} (known: {sorted(AUGMENT_DEFAULTS)})")
    out = dict(AUGMENT_DEFAULTS)
    for key, v in value.items():
        ok = isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and math.isfinite(v)
        if not ok or not 0 <= v <= AUGMENT_LIMITS[key] or (key == "elastic_sigma" and v <= 0):
            raise ValueError(f"recipe: augment {key} must be a number in [0, {AUGMENT_LIMITS[key]:g}]"
                             f"{' (above 0)' if key == 'elastic_sigma' else ''}, got {v!r}")
        out[key] = float(v)
    return out


class Augmenter:
    """Random thickness, affine and elastic changes of (n, side·side) image batches; see the module doc."""

    def __init__(self, side: int = 28, **settings):
        self.side = int(side)
        self.settings = validate_augment(settings or True)
        for k, v in self.settings.items():
            setattr(self, k, v)
        s = self.side
        self._yy, self._xx = np.meshgrid(np.arange(s, dtype=np.float64), np.arange(s, dtype=np.float64),
                                         indexing="ij")
        self._cross = ndi.generate_binary_structure(2, 1)[None]   # 3×3 plus-shaped footprint, per image

    def __call__(self, X, rng: np.random.Generator) -> np.ndarray:
        if not isinstance(rng, np.random.Generator):
            raise ValueError(f"Augmenter: rng must be a numpy Generator, got {rng!r}")
        X = np.asarray(X)
        s = self.side
        if X.ndim != 2 or X.shape[1] != s * s:
            raise ValueError(f"Augmenter: need a batch of shape (n, {s * s}), got {X.shape}")
        n = len(X)
        if n == 0:
            return X.copy()
        img = X.reshape(n, s, s).astype(np.float32, copy=False)
        img = self._thickness(img, rng)
        rows, cols = self._grid(n, rng)
        out = _sample_stacked(img, rows, cols)
        return np.clip(out, 0.0, 1.0, out=out).reshape(n, s * s).astype(X.dtype, copy=False)

    # -- the parts (each usable on its own, for tests and the GUI's sample grid) --------------------
    def _thickness(self, img, rng):
        t = self.thickness
        if t <= 0:
            return img
        amount = rng.uniform(-t, t, len(img)).astype(np.float32)
        out = img.copy()
        thick, thin = np.flatnonzero(amount > 0), np.flatnonzero(amount < 0)
        if len(thick):
            d = ndi.grey_dilation(img[thick], footprint=self._cross)
            out[thick] += amount[thick, None, None] * (d - img[thick])
        if len(thin):
            e = ndi.grey_erosion(img[thin], footprint=self._cross)
            out[thin] += -amount[thin, None, None] * (e - img[thin])
        return out

    def _grid(self, n, rng):
        """Source (row, column) of every output pixel: inverse affine map plus the elastic field."""
        s = self.side
        c = (s - 1) / 2
        ang = np.deg2rad(rng.uniform(-self.rotate, self.rotate, n))
        zoom = 1.0 + rng.uniform(-self.scale, self.scale, n)
        shear = rng.uniform(-self.shear, self.shear, n)
        shift = rng.uniform(-self.shift, self.shift, (n, 2))
        # forward map of (x, y) about the centre: p' = zoom · R(ang) · Shear · p + shift; we need its inverse
        cos, sin = np.cos(ang), np.sin(ang)
        # M = zoom · [[cos, -sin], [sin, cos]] @ [[1, shear], [0, 1]]  (x = column, y = row)
        m00, m01 = zoom * cos, zoom * (cos * shear - sin)
        m10, m11 = zoom * sin, zoom * (sin * shear + cos)
        det = m00 * m11 - m01 * m10
        i00, i01, i10, i11 = m11 / det, -m01 / det, -m10 / det, m00 / det
        X = self._xx[None] - c - shift[:, 0, None, None]
        Y = self._yy[None] - c - shift[:, 1, None, None]
        cols = i00[:, None, None] * X + i01[:, None, None] * Y + c
        rows = i10[:, None, None] * X + i11[:, None, None] * Y + c
        if self.elastic_alpha > 0:
            field = rng.random((n, 2, s, s), dtype=np.float32) * 2 - 1
            field = ndi.gaussian_filter(field, (0, 0, self.elastic_sigma, self.elastic_sigma), mode="constant",
                                        truncate=3.0)
            rows += self.elastic_alpha * field[:, 0]
            cols += self.elastic_alpha * field[:, 1]
        return rows, cols


def _sample_stacked(img: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Bilinear samples of each image i at (rows[i], cols[i]), zero outside the image, in one call.

    The n images are stacked into one (n·(s+2), s+2) picture, each with a one-pixel zero border;
    coordinates are clipped into that border, so a sample outside image i reads zeros, never image i±1.
    """
    n, s, _ = img.shape
    p = s + 2
    tall = np.zeros((n, p, p), np.float32)
    tall[:, 1:-1, 1:-1] = img
    r = np.clip(rows, -1.0, s) + 1 + (np.arange(n) * p)[:, None, None]
    c = np.clip(cols, -1.0, s) + 1
    out = ndi.map_coordinates(tall.reshape(n * p, p), np.stack([r, c]), order=1, mode="constant", cval=0.0,
                              prefilter=False, output=np.float32)
    return out
