"""Turning a drawing or a photo of a digit into an MNIST-style 28×28 input (pure NumPy).

MNIST was made like this: the ink's bounding box was scaled to fit a 20×20 box keeping its aspect
ratio, with anti-aliasing (so edges become grey), and the result was placed in a 28×28 field so that
its centre of mass sits at the centre. `to_mnist` does the same to any grey image whose ink is bright
on a dark background; `ink_on_dark` first turns a dark-on-light photo or scan around.
"""
from __future__ import annotations

import numpy as np

SIZE = 28          # MNIST images are 28×28
BOX = 20           # the digit's bounding box is scaled to fit 20×20
CENTER = 14.0      # where MNIST puts the centre of mass (row and column, pixel indices; measured on the data)


def _axis_weights(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) resampling matrix along one axis.

    Shrinking averages the input pixels each output pixel covers, weighted by the covered area
    (a box filter: anti-aliased, no pixel skipped). Enlarging interpolates linearly between pixel
    centres (bilinear).
    """
    if n_out == n_in:
        return np.eye(n_in)
    w = np.zeros((n_out, n_in))
    if n_out < n_in:
        s = n_in / n_out
        edges = np.arange(n_out + 1) * s
        for i in range(n_out):
            lo, hi = edges[i], edges[i + 1]
            j0, j1 = int(np.floor(lo)), min(int(np.ceil(hi)), n_in)
            j = np.arange(j0, j1)
            w[i, j0:j1] = (np.minimum(j + 1, hi) - np.maximum(j, lo)) / s
    else:
        src = (np.arange(n_out) + 0.5) * (n_in / n_out) - 0.5
        src = np.clip(src, 0, n_in - 1)
        j0 = np.floor(src).astype(int)
        j1 = np.minimum(j0 + 1, n_in - 1)
        f = src - j0
        rows = np.arange(n_out)
        np.add.at(w, (rows, j0), 1 - f)
        np.add.at(w, (rows, j1), f)
    return w


def _place_weights(n_in: int, scale: float, offset: float) -> np.ndarray:
    """(SIZE, n_in) matrix: output pixel i gets input pixel j weighted by how much of [i, i+1) the
    interval [offset + j·scale, offset + (j+1)·scale) covers — area averaging with a sub-pixel shift."""
    starts = offset + np.arange(n_in) * scale
    i = np.arange(SIZE)[:, None]
    return np.clip(np.minimum(i + 1, starts + scale) - np.maximum(i, starts), 0.0, None)


def resize(image, out_h: int, out_w: int) -> np.ndarray:
    """Resample a 2-D image to (out_h, out_w): area averaging when shrinking, bilinear when enlarging."""
    img = np.asarray(image, dtype=np.float64)
    if img.ndim != 2 or img.size == 0:
        raise ValueError(f"resize: need a non-empty 2-D image, got shape {img.shape}")
    out_h, out_w = int(out_h), int(out_w)
    if out_h < 1 or out_w < 1:
        raise ValueError(f"resize: output size must be positive, got {out_h}×{out_w}")
    return _axis_weights(img.shape[0], out_h) @ img @ _axis_weights(img.shape[1], out_w).T


def bounding_box(image, threshold: float = 0.05):
    """(top, bottom, left, right) of the pixels brighter than threshold × the brightest, ends exclusive;
    None for an empty (all-dark) image."""
    img = np.asarray(image, dtype=np.float64)
    peak = float(img.max()) if img.size else 0.0
    if peak <= 0:
        return None
    ink = img > threshold * peak
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def center_of_mass(image) -> tuple[float, float]:
    """(row, column) of the brightness-weighted centre, in pixel indices."""
    img = np.asarray(image, dtype=np.float64)
    total = img.sum()
    if total <= 0:
        return (img.shape[0] - 1) / 2, (img.shape[1] - 1) / 2
    r = np.arange(img.shape[0]) @ img.sum(axis=1) / total
    c = np.arange(img.shape[1]) @ img.sum(axis=0) / total
    return float(r), float(c)


def to_mnist(image, *, threshold: float = 0.05, normalize: bool = True) -> np.ndarray:
    """An MNIST-style (28, 28) uint8 image from a grey image with bright ink on a dark background.

    Bounding box (pixels above threshold × max) → scaled to fit 20×20 keeping the aspect ratio
    (area-averaged) → placed in 28×28 with its centre of mass at the centre (to a fraction of a
    pixel, so the result does not jump by a whole pixel as a drawing grows). With `normalize` the
    brightest pixel becomes 255 (MNIST's strokes are saturated). An empty image gives all zeros.
    """
    img = np.asarray(image, dtype=np.float64)
    if img.ndim == 3:
        img = to_grayscale(img)
    if img.ndim != 2:
        raise ValueError(f"to_mnist: need a 2-D grey image, got shape {img.shape}")
    img = np.where(np.isfinite(img), img, 0.0).clip(min=0)
    box = bounding_box(img, threshold)
    if box is None:
        return np.zeros((SIZE, SIZE), np.uint8)
    top, bottom, left, right = box
    crop = img[top:bottom, left:right]
    h, w = crop.shape
    scale = BOX / max(h, w)
    cy, cx = center_of_mass(crop)
    # The crop's pixel j covers [off + j·scale, off + (j+1)·scale) of the 28-pixel field, with `off`
    # chosen so that the centre of mass (pixel j's centre is j + 0.5) lands on CENTER's centre.
    off_r = min(max(CENTER + 0.5 - scale * (cy + 0.5), 0.0), SIZE - scale * h)
    off_c = min(max(CENTER + 0.5 - scale * (cx + 0.5), 0.0), SIZE - scale * w)
    out = _place_weights(h, scale, off_r) @ crop @ _place_weights(w, scale, off_c).T
    if normalize:
        peak = out.max()
        if peak > 0:
            out *= 255.0 / peak
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


def to_grayscale(rgb) -> np.ndarray:
    """Luma of an (h, w, 3|4) RGB(A) array (alpha, if any, is ignored); 2-D arrays pass through."""
    a = np.asarray(rgb, dtype=np.float64)
    if a.ndim == 2:
        return a
    if a.ndim != 3 or a.shape[2] not in (3, 4):
        raise ValueError(f"to_grayscale: need (h, w), (h, w, 3) or (h, w, 4), got {a.shape}")
    return a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114


def ink_on_dark(gray, max_value: float = 255.0) -> np.ndarray:
    """Make the ink bright and the background black, as in MNIST.

    A light background (the border's median above half of max_value) is inverted; then the
    background level (the border's median) is subtracted so paper grey becomes 0.
    """
    g = np.asarray(gray, dtype=np.float64)
    if g.ndim != 2 or g.size == 0:
        raise ValueError(f"ink_on_dark: need a non-empty 2-D image, got shape {g.shape}")
    border = np.concatenate([g[0], g[-1], g[:, 0], g[:, -1]])
    if np.median(border) > max_value / 2:
        g = max_value - g
        border = max_value - border
    return np.clip(g - np.median(border), 0, None)


def place_digit(digit, canvas_size: int, height: int, top_left: tuple[int, int]) -> np.ndarray:
    """A (canvas_size, canvas_size) uint8 canvas with `digit` (e.g. a 28×28 MNIST image) enlarged to
    `height`×`height` pixels and pasted with its top-left corner at `top_left` (clipped to the canvas).
    Used to test the preprocessing on digits of any size and position."""
    d = resize(np.asarray(digit, np.float64), height, height)
    canvas = np.zeros((canvas_size, canvas_size))
    r, c = top_left
    r0, c0 = max(r, 0), max(c, 0)
    r1, c1 = min(r + height, canvas_size), min(c + height, canvas_size)
    if r1 > r0 and c1 > c0:
        canvas[r0:r1, c0:c1] = d[r0 - r:r1 - r, c0 - c:c1 - c]
    return np.clip(np.rint(canvas), 0, 255).astype(np.uint8)
