"""Turning a drawing, a photo or any array of a digit into an MNIST-style 28×28 input (NumPy + SciPy).

MNIST was made like this: the ink's bounding box was scaled to fit a 20×20 box keeping its aspect
ratio, with anti-aliasing (so edges become grey), and the result was placed in a 28×28 field so that
its centre of mass sits at the centre. `to_mnist` does that geometric step.

`prepare` is the one preprocessing every source goes through (the Draw tab's canvas, a loaded image
file, an array from a script or a test): grey → ink bright on a dark background (`ink_on_dark`) →
the ink found (Otsu threshold with hysteresis, specks removed) → cropped and scaled so its longer side is
WORK pixels → strokes made about MNIST's typical width (`normalize_stroke`, from a distance transform,
STROKE_TARGET) → optional deskew by image moments → `to_mnist`. A blank image, or one that is all ink,
raises DataError with a message.
"""
from __future__ import annotations

import numpy as np
from scipy import ndimage as ndi

from .errors import DataError

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


def _antialias_sigma(scale: float) -> float:
    """σ (input pixels) of the Gaussian to apply before shrinking by `scale` < 1: a box filter one output
    pixel wide has σ ≈ 0.29 output pixels = 0.29 / scale input pixels; bilinear sampling already
    averages over about one input pixel, hence the √(1/scale² − 1)."""
    return 0.29 * float(np.sqrt(max(1 / scale ** 2 - 1, 0.0)))


def to_mnist(image, *, threshold: float = 0.05, normalize: bool = True) -> np.ndarray:
    """An MNIST-style (28, 28) uint8 image from a grey image with bright ink on a dark background.

    Bounding box (pixels above threshold × max) → scaled to fit 20×20 keeping the aspect ratio → placed
    in 28×28 with its centre of mass at the centre (to a fraction of a pixel, so the result does not jump
    by a whole pixel as a drawing grows). One `scipy.ndimage.affine_transform` (bilinear) does the
    scaling and placing; when shrinking, a Gaussian first smooths the crop (anti-aliasing, close to
    averaging the pixels each output pixel covers, see `_antialias_sigma`). With `normalize` the
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
    m = 1   # a blank margin, so smoothing and interpolation at the box's edges lose no ink
    if scale < 1:
        sigma = _antialias_sigma(scale)
        m = int(np.ceil(3 * sigma)) + 1
        crop = ndi.gaussian_filter(np.pad(crop, m), sigma, mode="constant", truncate=3.0)
    else:
        crop = np.pad(crop, m)
    cy, cx = center_of_mass(crop)
    cy, cx = cy - m, cx - m
    # Crop pixel j (centre j + 0.5 in edge coordinates) lands at off + scale·(j + 0.5) of the 28-pixel
    # field, with `off` chosen so that the centre of mass lands on CENTER's centre, the box kept inside.
    off_r = min(max(CENTER + 0.5 - scale * (cy + 0.5), 0.0), SIZE - scale * h)
    off_c = min(max(CENTER + 0.5 - scale * (cx + 0.5), 0.0), SIZE - scale * w)
    # affine_transform maps output index o to input index (o + 0.5 − off) / scale − 0.5 (+ m: the margin)
    out = ndi.affine_transform(crop, [1 / scale, 1 / scale],
                               offset=[(0.5 - off_r) / scale - 0.5 + m, (0.5 - off_c) / scale - 0.5 + m],
                               output_shape=(SIZE, SIZE), order=1, mode="grid-constant", cval=0.0)
    out = np.clip(out, 0, None)
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


# ------------------------------------------------------------------------------------------------
# One preprocessing for every source
WORK = 80  # the digit's longer side, in pixels, while its strokes are measured and redrawn (4 × BOX)

# MNIST's typical stroke width at WORK resolution, measured with `stroke_width` on MNIST itself: each
# training image's bounding box was enlarged (bilinear) so that its longer side is WORK pixels, like
# `prepare` does, and measured. Median over the first 10,000 training images: 10.3 pixels at WORK = 80
# (quartiles 8.6 and 12.3), i.e. about 2.6 pixels in the 20×20 box — MNIST's "2–3 pixel" strokes.
# Re-measure with `python -c "from engine.digits import measure_mnist_stroke as m; print(m())"`.
MNIST_STROKE = 10.3
# The width `prepare` redraws strokes with: MNIST's median nudged toward its upper quartile. Redrawn at
# 11.5 instead of 10.3, MNIST's own test digits read through `prepare` score as well or a little better
# (99.18% against 99.11% with the shipped model) and digits drawn with a heavy pen, whose filled loops and
# corners make the measured width (a mean) too large, are not left thinner than MNIST's.
STROKE_TARGET = 11.5


def otsu_threshold(values) -> float:
    """Otsu's threshold of values in [0, 1] (256 bins): the level that best splits them into two groups."""
    v = np.asarray(values, np.float64).ravel()
    hist = np.bincount(np.clip(v * 256, 0, 255).astype(np.intp), minlength=256)   # 256 bins over [0, 1]
    p = hist / max(hist.sum(), 1)
    centres = (np.arange(256) + 0.5) / 256
    w0 = np.cumsum(p)
    m = np.cumsum(p * centres)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (m[-1] * w0 - m) ** 2 / (w0 * (1 - w0))
    between[~np.isfinite(between)] = -1
    return float((int(np.argmax(between)) + 1) / 256)


def stroke_width(ink, inside=None) -> float:
    """Mean stroke width (pixels) of a boolean ink mask, from its Euclidean distance transform (`inside`,
    if already computed).

    Across a straight stroke w pixels wide, the distances to the background are 1, 2, …, 2, 1, whose
    mean is about (w + 2) / 4; so w ≈ 4·mean − 2 over all ink pixels (exact for widths 2–6). Where a
    heavy pen has filled a loop the blob raises the mean, so such a digit is thinned a little more."""
    ink = np.asarray(ink, bool)
    if not ink.any():
        return 0.0
    if inside is None:
        inside = ndi.distance_transform_edt(ink)
    return float(4 * inside[ink].mean() - 2)


def normalize_stroke(ink, width: float = None) -> np.ndarray:
    """Redraw a boolean ink mask with strokes `width` pixels wide (default STROKE_TARGET), as a float
    image in [0, 1]: each pixel's signed distance to the ink's edge, moved by half the needed change
    (thinner or thicker), gives a soft anti-aliased edge. The ink's ridge (its middle line) is kept, so a
    thin part of a bold drawing is thinned to a line, never erased."""
    ink = np.asarray(ink, bool)
    width = STROKE_TARGET if width is None else float(width)
    if not ink.any():
        return np.zeros(ink.shape)
    inside = ndi.distance_transform_edt(ink)
    grow = (width - stroke_width(ink, inside)) / 2
    if grow < 0:        # thinning: only the ink's own distances matter
        out = np.clip(inside + grow, 0.0, 1.0)
        ridge = ink & (inside >= ndi.maximum_filter(inside, size=3))
        return np.maximum(out, ridge)
    outside = ndi.distance_transform_edt(~ink)
    signed = np.where(ink, inside - 0.5, 0.5 - outside)   # > 0 in the ink, < 0 outside, edge at 0
    return np.clip(signed + grow + 0.5, 0.0, 1.0)


def deskew(image) -> np.ndarray:
    """Undo the slant of a digit with its image moments (the classic MNIST step): shear rows so the
    ink's principal direction is vertical, x' = x − (μ11 / μ02)·(y − ȳ)."""
    img = np.asarray(image, np.float64)
    total = img.sum()
    if total <= 0:
        return img.copy()
    rows, cols = np.indices(img.shape)
    cy, cx = (rows * img).sum() / total, (cols * img).sum() / total
    mu02 = ((rows - cy) ** 2 * img).sum() / total
    mu11 = ((rows - cy) * (cols - cx) * img).sum() / total
    if mu02 <= 1e-9:
        return img.copy()
    skew = mu11 / mu02
    # output (r, c) reads input (r, c + skew·(r − cy)), widened so nothing is cut off
    pad = int(np.ceil(abs(skew) * img.shape[0] / 2)) + 1
    wide = np.pad(img, ((0, 0), (pad, pad)))
    return ndi.affine_transform(wide, [[1, 0], [skew, 1]], offset=[0, -skew * cy], order=1, mode="grid-constant")


def _as_grey_0_255(image) -> np.ndarray:
    a = np.asarray(image)
    if a.dtype == bool:
        a = a.astype(np.float64)
    if a.ndim == 3:
        a = to_grayscale(a)
    if a.ndim != 2 or a.size == 0:
        raise DataError(f"This is not a picture of a digit (an array of shape {np.shape(image)}); "
                        "a grey or colour image is needed.")
    g = np.where(np.isfinite(a), a.astype(np.float64), 0.0)
    if a.dtype.kind == "f" and g.max() <= 1.0 and g.min() >= 0.0:
        g = g * 255.0      # floats in [0, 1]
    return np.clip(g, 0, 255)


def find_ink(grey) -> np.ndarray:
    """Boolean mask of the ink in a bright-ink-on-dark grey image.

    Otsu's threshold (at least a fifth of the brightest) finds the sure ink; fainter pixels (above half
    that level) count too where they touch it (hysteresis), so a thin or faint stroke is not broken into
    pieces. Then specks (pieces smaller than 2% of the ink) are removed."""
    g = np.asarray(grey, np.float64)
    peak = g.max()
    if peak <= 0:
        return np.zeros(g.shape, bool)
    step = int(np.sqrt(g.size / 20_000)) + 1 if g.size > 40_000 else 1   # Otsu on a sample of a big picture
    level = max(otsu_threshold(g[::step, ::step] / peak), 0.2) * peak
    weak = g > 0.5 * level
    rows, cols = np.flatnonzero(weak.any(axis=1)), np.flatnonzero(weak.any(axis=0))
    box = np.s_[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]          # label only where there is ink
    labels, n = ndi.label(weak[box], structure=np.ones((3, 3)))
    sure = np.bincount(labels.ravel(), weights=(g[box] > level).ravel(), minlength=n + 1)
    sizes = np.bincount(labels.ravel(), minlength=n + 1).astype(np.float64)
    sizes[0] = 0
    sizes[sure == 0] = 0                               # faint pieces touching no sure ink
    keep = sizes >= max(0.02 * sizes.sum(), 2)
    ink = np.zeros(g.shape, bool)
    ink[box] = keep[labels]
    return ink


def prepare(image, *, stroke: bool = True, deskew_slant: bool = False) -> np.ndarray:
    """The (28, 28) uint8 MNIST-style input for any picture of one digit.

    `image`: a 2-D grey or (h, w, 3|4) colour array, values 0–255 (floats in [0, 1] are taken as 0–1),
    dark ink on light paper or bright ink on black (decided from the border). Steps: ink made bright on
    black with the paper level removed → ink found (`find_ink`: Otsu with hysteresis, specks dropped) →
    cropped and scaled (bilinear, Gaussian-smoothed first when shrinking) so its longer side is WORK
    pixels → with `stroke`, redrawn with strokes STROKE_TARGET wide → with `deskew_slant`, deskewed →
    `to_mnist`. Raises DataError with a plain sentence for a blank picture or one that is (almost) all ink."""
    g = ink_on_dark(_as_grey_0_255(image))
    peak = g.max()
    if peak < 8:
        raise DataError("The picture is blank: no ink was found. Draw a digit, or load a picture of a "
                        "digit written in a colour that differs from its background.")
    ink = find_ink(g)
    share = ink.mean()
    if share > 0.6:
        raise DataError(f"The picture is almost all ink ({100 * share:.0f}% of it): no digit stands out "
                        "from a background. Use a picture of one digit on plain paper or a plain background.")
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    top, bottom, left, right = rows[0], rows[-1] + 1, cols[0], cols[-1] + 1
    scale = WORK / max(bottom - top, right - left)     # the ink's longer side becomes WORK pixels
    pad = max(2, int(np.ceil(2 / scale)))              # a margin for thickening and smoothing
    top, left = max(top - pad, 0), max(left - pad, 0)
    bottom, right = min(bottom + pad, g.shape[0]), min(right + pad, g.shape[1])
    mask = ndi.maximum_filter(ink[top:bottom, left:right], size=5, mode="constant")   # the ink, 2 px wider
    crop = g[top:bottom, left:right] * mask / peak
    if scale < 1:
        crop = ndi.gaussian_filter(crop, _antialias_sigma(scale), mode="constant", truncate=3.0)
    work = np.clip(ndi.zoom(crop, scale, order=1, grid_mode=True, mode="grid-constant"), 0, None)
    if stroke:
        work = normalize_stroke(work > 0.5 * work.max())
    if deskew_slant:
        work = deskew(work)
    out = to_mnist(work * 255.0)
    if not out.any():
        raise DataError("The picture is blank: no ink was found.")
    return out


def measure_mnist_stroke(images=None, limit: int | None = None) -> tuple[float, float, float]:
    """(median, lower quartile, upper quartile) of MNIST's stroke width at WORK resolution, measured the
    way `prepare` measures a drawing (see MNIST_STROKE). Default: the bundled training images."""
    if images is None:
        from .idx import load_mnist
        images = load_mnist().train_images
    images = images[:limit] if limit else images
    widths = []
    for img in images:
        g = img.astype(np.float64) / 255.0
        r, c = np.flatnonzero(g.max(axis=1) > 0.05), np.flatnonzero(g.max(axis=0) > 0.05)
        crop = g[r[0]:r[-1] + 1, c[0]:c[-1] + 1]
        work = ndi.zoom(crop, WORK / max(crop.shape), order=1, grid_mode=True, mode="grid-constant")
        widths.append(stroke_width(work > 0.5 * work.max()))
    q1, med, q3 = np.percentile(widths, [25, 50, 75])
    return float(med), float(q1), float(q3)
