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
is resampled (bilinear) at once: the images are laid into one array with a blank border around each
one, so no image reads its neighbour's pixels. Everything is float32, and the smoothed random field is
drawn directly in its few low-frequency components (see `Augmenter._grid`), so augmenting a batch
costs about as much as one training step of a small network.

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
        self._P = np.hstack([elastic_basis(self.side, self.elastic_sigma),      # see _grid
                             np.arange(self.side, dtype=np.float32)[:, None], np.ones((self.side, 1), np.float32)])

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
        out = _sample_bilinear(img, rows, cols)
        return np.clip(out, 0.0, 1.0, out=out).reshape(n, s * s).astype(X.dtype, copy=False)

    # -- the parts (each usable on its own, for tests and the GUI's sample grid) --------------------
    def _thickness(self, img, rng):
        t = self.thickness
        if t <= 0:
            return img
        amount = rng.uniform(-t, t, len(img)).astype(np.float32)
        # dilation where amount > 0, erosion where < 0, in one pass: erosion(x) = −dilation(−x)
        sign = np.where(amount < 0, np.float32(-1), np.float32(1))[:, None, None]
        target = _cross_extreme(img * sign, np.maximum)
        target *= sign
        target -= img
        target *= np.abs(amount)[:, None, None]
        target += img
        return target

    def _grid(self, n, rng):
        """Source (row, column) of every output pixel, float32 (n, side, side): inverse affine map plus
        the elastic field.

        Simard's field is G·N·Gᵀ (G: the Gaussian filter as a side×side matrix, N: uniform(−1, 1) noise).
        With G = U·S·Vᵀ, Vᵀ·N·V has uncorrelated entries of variance 1/3 (and nearly normal ones: each is a
        sum of side² uniforms), and only the first k singular directions carry weight (σ = 5 px on 28:
        k = 6). So the field is B·Z·Bᵀ with B = U_k·S_k and Z k×k normal noise of variance 1/3: the same
        covariance as the full field (tests/test_augment.py compares them), from 2·k² random numbers per
        image instead of 2·side², and no filtering. The affine part is added in the same two products.
        """
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
        # source = M⁻¹ (p − c − shift) + c: rows = i11·r + i10·q + t_row, cols = i01·r + i00·q + t_col
        # at output row r, column q
        x0, y0 = c + shift[:, 0], c + shift[:, 1]
        t_col, t_row = c - i00 * x0 - i01 * y0, c - i10 * x0 - i11 * y0
        # Each of rows, cols is P·Q·Pᵀ for P = [B | r | 1] (side × k+2; B: the elastic basis), with the
        # elastic noise in Q's top-left k×k block and the affine coefficients in its last two rows/columns.
        P = self._P
        k = P.shape[1] - 2
        Q = np.zeros((n, 2, k + 2, k + 2), np.float32)
        if self.elastic_alpha > 0:
            Q[:, :, :k, :k] = rng.standard_normal((n, 2, k, k), dtype=np.float32)
            Q[:, :, :k, :k] *= np.float32(self.elastic_alpha / math.sqrt(3.0))
        # (Q holds the transposes: the two products below give P·Qᵀ·Pᵀ)
        Q[:, 0, k + 1, k], Q[:, 0, k, k + 1], Q[:, 0, k + 1, k + 1] = i11, i10, t_row
        Q[:, 1, k + 1, k], Q[:, 1, k, k + 1], Q[:, 1, k + 1, k + 1] = i01, i00, t_col
        Y = (Q.reshape(-1, k + 2) @ P.T).reshape(2 * n, k + 2, s).transpose(0, 2, 1)   # (P·Qᵀ) per map
        grid = (Y.reshape(2 * n * s, k + 2) @ P.T).reshape(n, 2, s, s)
        return grid[:, 0], grid[:, 1]


def elastic_basis(side: int, sigma: float, rel_energy: float = 1e-4) -> np.ndarray:
    """B = U_k·S_k (side×k, float32) of the Gaussian filter matrix G (σ px, zero outside, truncated at
    3σ, as `scipy.ndimage.gaussian_filter1d`): the fewest columns that keep all but `rel_energy` of
    G's squared singular values."""
    G = ndi.gaussian_filter1d(np.eye(side), sigma, axis=0, mode="constant", truncate=3.0)
    U, S, _ = np.linalg.svd(G)
    lost = 1.0 - np.cumsum(S ** 2) / np.sum(S ** 2)
    k = int(np.argmax(lost <= rel_energy)) + 1 if np.any(lost <= rel_energy) else side
    return (U[:, :k] * S[:k]).astype(np.float32)


def _cross_extreme(img: np.ndarray, op) -> np.ndarray:
    """Grey dilation (op = np.maximum) or erosion (np.minimum) of (n, h, w) images with the 3×3 plus-shaped
    footprint, outside pixels ignored: equal to `ndi.grey_dilation/erosion(img, footprint=cross)`."""
    out = img.copy()
    op(out[:, 1:], img[:, :-1], out=out[:, 1:])
    op(out[:, :-1], img[:, 1:], out=out[:, :-1])
    op(out[:, :, 1:], img[:, :, :-1], out=out[:, :, 1:])
    op(out[:, :, :-1], img[:, :, 1:], out=out[:, :, :-1])
    return out


def _sample_bilinear(img: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Bilinear samples of each image i at (rows[i], cols[i]), zero outside the image (as
    `scipy.ndimage.map_coordinates(order=1, mode="grid-constant")`), for the whole batch at once.

    The n images are laid into one zero array with a border around each one; coordinates are clipped
    into that border, so a sample outside image i reads zeros, never image i±1. The four neighbours are
    gathered with one `take` each (three times faster than map_coordinates here).
    """
    n, s, _ = img.shape
    p = s + 3                               # one zero row/column before, two after each image
    tall = np.zeros((n, p, p), np.float32)
    tall[:, 1:s + 1, 1:s + 1] = img
    r = np.clip(rows, -1.0, s, dtype=np.float32)
    r += 1
    c = np.clip(cols, -1.0, s, dtype=np.float32)
    c += 1
    r0, c0 = np.floor(r), np.floor(c)
    fr, fc = r - r0, c - c0
    r0 *= p
    r0 += c0                                 # offset inside the image's block: < p², exact in float32
    itype = np.int32 if n * p * p < 2 ** 31 else np.int64
    idx = r0.astype(itype)
    idx += (np.arange(n, dtype=itype) * (p * p))[:, None, None]
    flat = tall.ravel()
    v00, v01 = flat.take(idx), flat[1:].take(idx)       # the right and lower neighbours: shifted views
    v10, v11 = flat[p:].take(idx), flat[p + 1:].take(idx)
    v01 -= v00
    v01 *= fc
    v00 += v01                               # top row, interpolated along the columns
    v11 -= v10
    v11 *= fc
    v10 += v11                               # bottom row
    v10 -= v00
    v10 *= fr
    v00 += v10
    return v00
