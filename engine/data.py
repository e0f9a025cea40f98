"""Toy data sets for the playground: generators, feature expansion, scaling, splitting and CSV files.

Every random function takes an explicit `rng` (an ``np.random.Generator``, an int seed, or None for
fresh OS entropy); nothing here touches NumPy's global random state.

Geometry: the noise-free shapes lie within [-5, 5]²; ``noise`` is the standard deviation of Gaussian
jitter in the same data units, and classification points are finally clipped to
``PLAYGROUND_BOUNDS`` = [-6, 6]², so the GUI can draw every preset with fixed axes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import DataError
from .fileio import atomic_write_text
from .tasks import FEATURES, KINDS, MAX_CLASSES, MIN_CLASSES, ONE_D_FEATURES  # noqa: F401  (FEATURES re-exported)

TASKS = KINDS  # a Dataset's task is a kind: "classification" or "regression"
SHAPE_RADIUS = 5.0  # noise-free shapes lie within [-SHAPE_RADIUS, SHAPE_RADIUS]²
CLIP = 6.0  # classification points are clipped to [-CLIP, CLIP]² after adding noise
PLAYGROUND_BOUNDS = (-CLIP, CLIP, -CLIP, CLIP)


# --------------------------------------------------------------------------- Dataset

@dataclass(frozen=True, eq=False)
class Dataset:
    """A table of points: ``X`` (n, d) float64 and ``y`` (n,) — int64 labels or float64 targets.

    ``n_classes`` is 0 for regression; for classification labels lie in 0..n_classes-1.
    """

    X: np.ndarray
    y: np.ndarray
    task: str
    n_classes: int
    name: str
    class_names: tuple = ()

    @property
    def is_classification(self) -> bool:
        return self.task == "classification"

    def __post_init__(self):
        X = np.asarray(self.X, dtype=np.float64)
        y = np.asarray(self.y)
        if X.ndim != 2 or X.shape[0] < 1 or X.shape[1] < 1:
            raise DataError(f"data set {self.name!r}: X must have shape (n, d) with n, d >= 1, got {X.shape}")
        if y.shape != (X.shape[0],):
            raise DataError(f"data set {self.name!r}: y must have shape ({X.shape[0]},), got {y.shape}")
        if not np.all(np.isfinite(X)):
            raise DataError(f"data set {self.name!r}: X contains NaN or infinite values")
        if not np.issubdtype(y.dtype, np.number) or np.issubdtype(y.dtype, np.complexfloating):
            raise DataError(f"data set {self.name!r}: y must be numeric, got dtype {y.dtype}")
        if not np.all(np.isfinite(y)):
            raise DataError(f"data set {self.name!r}: y contains NaN or infinite values")
        if self.task not in TASKS:
            raise DataError(f"data set {self.name!r}: task must be one of {TASKS}, got {self.task!r}")
        k = self.n_classes
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
            raise DataError(f"data set {self.name!r}: n_classes must be an int, got {k!r}")
        if not self.is_classification:
            if k != 0:
                raise DataError(f"data set {self.name!r}: regression needs n_classes=0, got {k}")
            y = y.astype(np.float64)
        else:
            if k < 1:
                raise DataError(f"data set {self.name!r}: classification needs n_classes >= 1, got {k}")
            if not np.all(y == np.round(y)):
                raise DataError(f"data set {self.name!r}: class labels must be integers")
            y = y.astype(np.int64)
            if y.min() < 0 or y.max() >= k:
                raise DataError(f"data set {self.name!r}: labels must lie in 0..{k - 1}, "
                                f"found {y.min()}..{y.max()}")
        names = tuple(str(s) for s in self.class_names)
        if names and len(names) != k:
            raise DataError(f"data set {self.name!r}: {len(names)} class names for {k} classes")
        object.__setattr__(self, "X", X)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "n_classes", int(k))
        object.__setattr__(self, "class_names", names)

    @property
    def n(self) -> int:
        """Number of points."""
        return self.X.shape[0]

    @property
    def n_features(self) -> int:
        """Number of input columns (1 or 2 for the presets)."""
        return self.X.shape[1]


# --------------------------------------------------------------------------- argument checks

def _check_n_noise(n, noise) -> float:
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise DataError(f"n must be an integer >= 1, got {n!r}")
    try:
        noise = float(noise)
    except (TypeError, ValueError):
        raise DataError(f"noise must be a number >= 0, got {noise!r}") from None
    if not math.isfinite(noise) or noise < 0:
        raise DataError(f"noise must be a finite number >= 0, got {noise!r}")
    return noise


def _check_classes(n_classes, lo=MIN_CLASSES, hi=MAX_CLASSES) -> int:
    if isinstance(n_classes, bool) or not isinstance(n_classes, (int, np.integer)) or not lo <= n_classes <= hi:
        raise DataError(f"n_classes must be an integer from {lo} to {hi}, got {n_classes!r}")
    return int(n_classes)


def _setup(n, noise, n_classes, rng):
    """Validate, then return (noise, k, rng, balanced shuffled labels)."""
    noise = _check_n_noise(n, noise)
    k = _check_classes(n_classes)
    rng = np.random.default_rng(rng)
    y = rng.permutation(np.arange(n, dtype=np.int64) % k)
    return noise, k, rng, y


def _finish(xy, y, noise, rng, name, k) -> Dataset:
    """Add Gaussian jitter of std `noise`, clip to the playground square, wrap up."""
    if noise > 0:
        xy = xy + rng.normal(0.0, noise, size=xy.shape)
    return Dataset(np.clip(xy, -CLIP, CLIP), y, "classification", k, name)


def _polar(r, angle):
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


# --------------------------------------------------------------------------- classification

def make_circle(n=500, noise=0.1, n_classes=2, rng=None) -> Dataset:
    """Concentric rings, one per class: class 0 is a central disc, class c the c-th ring outwards.

    The radius 0..5 is cut into k equal bands; each class fills its band minus a 20 % gap on each
    side (2 classes: a disc of radius 2 inside a ring 3..4.5, as in TensorFlow Playground).
    """
    noise, k, rng, y = _setup(n, noise, n_classes, rng)
    w = SHAPE_RADIUS / k
    lo = np.where(y == 0, 0.0, (y + 0.2) * w)
    hi = (y + 0.8) * w
    r = lo + (hi - lo) * rng.random(n)
    return _finish(_polar(r, rng.uniform(0, 2 * np.pi, n)), y, noise, rng, "circle", k)


def make_xor(n=500, noise=0.1, n_classes=2, rng=None) -> Dataset:
    """XOR: points uniform in [-5, 5]², labelled by angular sector around the origin.

    The plane is cut into 2k equal sectors starting at the positive x1 axis, labelled
    0, 1, …, k-1, 0, 1, …, k-1 counter-clockwise.  For k = 2 these are the four quadrants and the
    label is 0 where x1·x2 > 0, 1 where x1·x2 < 0 (classic XOR).  Points closer than 0.3 to a
    sector boundary are rejected, leaving a small margin as in TensorFlow Playground.
    """
    noise, k, rng, y = _setup(n, noise, n_classes, rng)
    width, pad = np.pi / k, 0.3
    need = np.bincount(y, minlength=k)
    pools = [[] for _ in range(k)]
    have = np.zeros(k, dtype=np.int64)
    while np.any(have < need):
        p = rng.uniform(-SHAPE_RADIUS, SHAPE_RADIUS, size=(max(64, 2 * k * int((need - have).max())), 2))
        theta = np.arctan2(p[:, 1], p[:, 0]) % (2 * np.pi)
        sector = np.minimum((theta // width).astype(np.int64), 2 * k - 1)
        delta = np.minimum(theta - sector * width, (sector + 1) * width - theta)
        ok = np.hypot(p[:, 0], p[:, 1]) * np.sin(delta) > pad
        for c in range(k):
            pts = p[ok & (sector % k == c)]
            pools[c].append(pts)
            have[c] += len(pts)
    xy = np.empty((n, 2))
    for c in range(k):
        xy[y == c] = np.concatenate(pools[c])[: need[c]]
    return _finish(xy, y, noise, rng, "xor", k)


def make_blobs(n=500, noise=0.1, n_classes=2, rng=None) -> Dataset:
    """Gaussian blobs, one per class, with centres evenly spaced on a circle of radius 3.

    The intrinsic spread (std ≤ 0.6, shrunk for many classes so neighbours stay apart) is truncated
    at 3 std, so noise-free points stay inside radius 5; ``noise`` adds extra jitter.
    """
    noise, k, rng, y = _setup(n, noise, n_classes, rng)
    centre_r = 3.0
    spread = min(0.6, 2 * centre_r * math.sin(math.pi / k) / 5)
    off = rng.normal(0.0, spread, size=(n, 2))
    norm = np.hypot(off[:, 0], off[:, 1])
    off *= np.minimum(1.0, 3 * spread / np.maximum(norm, 1e-300))[:, None]
    centres = _polar(np.full(k, centre_r), np.pi / 4 + 2 * np.pi * np.arange(k) / k)
    return _finish(centres[y] + off, y, noise, rng, "blobs", k)


def make_spiral(n=500, noise=0.1, n_classes=2, rng=None) -> Dataset:
    """k interleaved spiral arms: arm c has radius 4.5·t and angle 3.5π·t + 2πc/k for t in [0, 1]."""
    noise, k, rng, y = _setup(n, noise, n_classes, rng)
    t = rng.random(n)
    return _finish(_polar(4.5 * t, 3.5 * np.pi * t + 2 * np.pi * y / k), y, noise, rng, "spiral", k)


def make_moons(n=500, noise=0.1, n_classes=2, rng=None) -> Dataset:
    """Interlocking half-moons (the scikit-learn two moons, generalised to a chain of k moons).

    Moon c is a unit half-circle centred at (c, 0) opening downwards for even c, and centred at
    (c, 0.5) opening upwards for odd c, so each moon hooks into its neighbours.  The chain is then
    centred and scaled to fit in [-4, 4]²: x1 by min(2.5, 8/(k+1)), x2 by 2.5 (so for k = 2 the
    scaling is uniform and for more moons they get narrower rather than flatter).
    """
    noise, k, rng, y = _setup(n, noise, n_classes, rng)
    t = rng.uniform(0, np.pi, n)
    odd = (y % 2).astype(np.float64)
    x1 = y + np.cos(t)
    x2 = np.where(odd == 1, 0.5 - np.sin(t), np.sin(t))
    xy = np.column_stack([(x1 - (k - 1) / 2) * min(2.5, 8.0 / (k + 1)), (x2 - 0.25) * 2.5])
    return _finish(xy, y, noise, rng, "moons", k)


# --------------------------------------------------------------------------- regression

PLANE_COEFFS = (0.5, -0.3, 1.0)  # y = a·x1 + b·x2 + c
GAUSSIAN_BUMPS = ((-2.5, -2.5, 1.0), (2.5, 2.5, 1.0), (-2.5, 2.5, -1.0), (2.5, -2.5, -1.0), (0.0, 0.0, 0.5))
BUMP_WIDTH = 1.5


def _regression(X, target, noise, rng, name) -> Dataset:
    if noise > 0:
        target = target + rng.normal(0.0, noise, size=target.shape)
    return Dataset(X, target, "regression", 0, name)


def make_plane(n=500, noise=0.1, rng=None) -> Dataset:
    """X uniform in [-5, 5]²; y = 0.5·x1 − 0.3·x2 + 1 (see PLANE_COEFFS) plus Gaussian noise."""
    noise = _check_n_noise(n, noise)
    rng = np.random.default_rng(rng)
    X = rng.uniform(-SHAPE_RADIUS, SHAPE_RADIUS, size=(n, 2))
    a, b, c = PLANE_COEFFS
    return _regression(X, a * X[:, 0] + b * X[:, 1] + c, noise, rng, "plane")


def make_gaussians(n=500, noise=0.1, rng=None) -> Dataset:
    """X uniform in [-5, 5]²; y = Σ h·exp(−|x − centre|² / (2·1.5²)) over GAUSSIAN_BUMPS, plus noise."""
    noise = _check_n_noise(n, noise)
    rng = np.random.default_rng(rng)
    X = rng.uniform(-SHAPE_RADIUS, SHAPE_RADIUS, size=(n, 2))
    y = np.zeros(n)
    for cx, cy, h in GAUSSIAN_BUMPS:
        y += h * np.exp(-((X[:, 0] - cx) ** 2 + (X[:, 1] - cy) ** 2) / (2 * BUMP_WIDTH ** 2))
    return _regression(X, y, noise, rng, "gaussians")


def make_curve1d(n=500, noise=0.1, rng=None) -> Dataset:
    """1-D regression: x uniform in [-5, 5] (X shape (n, 1)); y = sin(x) + 0.2·x plus noise."""
    noise = _check_n_noise(n, noise)
    rng = np.random.default_rng(rng)
    X = rng.uniform(-SHAPE_RADIUS, SHAPE_RADIUS, size=(n, 1))
    return _regression(X, np.sin(X[:, 0]) + 0.2 * X[:, 0], noise, rng, "curve1d")


CLASSIFICATION_PRESETS = {
    "circle": make_circle, "xor": make_xor, "blobs": make_blobs, "spiral": make_spiral, "moons": make_moons,
}
REGRESSION_PRESETS = {"plane": make_plane, "gaussians": make_gaussians, "curve1d": make_curve1d}


def make_dataset(name, n=500, noise=0.1, n_classes=2, rng=None) -> Dataset:
    """Build the preset called `name`; `n_classes` is ignored for regression presets."""
    if name in CLASSIFICATION_PRESETS:
        return CLASSIFICATION_PRESETS[name](n=n, noise=noise, n_classes=n_classes, rng=rng)
    if name in REGRESSION_PRESETS:
        return REGRESSION_PRESETS[name](n=n, noise=noise, rng=rng)
    valid = ", ".join([*CLASSIFICATION_PRESETS, *REGRESSION_PRESETS])
    raise DataError(f"unknown data set {name!r}; valid names: {valid}")


# --------------------------------------------------------------------------- features

_FEATURE_FUNCS = {
    "x1": lambda a, b: a, "x2": lambda a, b: b, "x1^2": lambda a, b: a * a, "x2^2": lambda a, b: b * b,
    "x1*x2": lambda a, b: a * b, "sin x1": lambda a, b: np.sin(a), "sin x2": lambda a, b: np.sin(b),
}


def expand_features(X, features) -> np.ndarray:
    """Map raw inputs (n, 2) — or (n, 1), where only features without x2 are allowed — to the chosen
    feature columns.  Columns always come in FEATURES order, whatever the order of `features`."""
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] not in (1, 2):
        raise DataError(f"expand_features needs an (n, 1) or (n, 2) array, got shape {X.shape}")
    chosen = set(features)
    unknown = sorted(chosen - set(FEATURES))
    if unknown:
        raise DataError(f"unknown feature(s) {unknown}; valid: {', '.join(FEATURES)}")
    if not chosen:
        raise DataError("select at least one input feature")
    if X.shape[1] == 1:
        bad = [f for f in FEATURES if f in chosen and "x2" in f]
        if bad:
            raise DataError(f"feature(s) {bad} need a second input column, but the data has only x1")
    a = X[:, 0]
    b = X[:, 1] if X.shape[1] == 2 else None
    return np.column_stack([_FEATURE_FUNCS[f](a, b) for f in FEATURES if f in chosen])


# --------------------------------------------------------------------------- scaling

class Standardizer:
    """Per-column z-scoring: (X − mean) / std, with a std of 0 treated as 1.  Works on (n, d) or (n,)."""

    def __init__(self, mean=None, scale=None):
        self.mean = None if mean is None else np.atleast_1d(np.asarray(mean, dtype=np.float64))
        self.scale = None if scale is None else np.atleast_1d(np.asarray(scale, dtype=np.float64))

    def fit(self, X) -> Standardizer:
        """Learn mean and std from `X`; returns self."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim not in (1, 2) or X.shape[0] < 1:
            raise DataError(f"cannot fit a Standardizer on an array of shape {X.shape}")
        if not np.all(np.isfinite(X)):
            raise DataError("cannot fit a Standardizer on data with NaN or infinite values")
        std = X.std(axis=0)
        self.mean = np.atleast_1d(X.mean(axis=0))
        self.scale = np.atleast_1d(np.where(std > 0, std, 1.0))
        return self

    def _check(self, X):
        if self.mean is None:
            raise RuntimeError("Standardizer is not fitted; call fit(X) first")
        X = np.asarray(X, dtype=np.float64)
        d = X.shape[-1] if X.ndim == 2 else 1
        if X.ndim not in (1, 2) or d != len(self.mean):
            raise DataError(f"Standardizer was fitted on {len(self.mean)} column(s), got shape {X.shape}")
        return X

    def transform(self, X) -> np.ndarray:
        X = self._check(X)
        return (X - self.mean) / self.scale

    def inverse_transform(self, Z) -> np.ndarray:
        Z = self._check(Z)
        return Z * self.scale + self.mean

    def fit_transform(self, X) -> np.ndarray:
        return self.fit(X).transform(X)

    def to_dict(self) -> dict:
        """Plain-list form for JSON."""
        if self.mean is None:
            raise RuntimeError("Standardizer is not fitted; call fit(X) first")
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist()}

    @classmethod
    def from_dict(cls, d) -> Standardizer:
        try:
            mean = np.atleast_1d(np.asarray(d["mean"], dtype=np.float64))
            scale = np.atleast_1d(np.asarray(d["scale"], dtype=np.float64))
        except (KeyError, TypeError, ValueError) as e:
            raise DataError(f"invalid Standardizer data: {e}") from None
        if mean.ndim != 1 or mean.shape != scale.shape or len(mean) == 0:
            raise DataError(f"invalid Standardizer data: mean {mean.shape} and scale {scale.shape} differ")
        if not (np.all(np.isfinite(mean)) and np.all(np.isfinite(scale)) and np.all(scale > 0)):
            raise DataError("invalid Standardizer data: values must be finite and scales positive")
        return cls(mean, scale)


# --------------------------------------------------------------------------- splitting and bounds

def train_test_split(X, y, test_fraction, rng=None):
    """Shuffle and split into (X_train, y_train, X_test, y_test) with about `test_fraction` in test.

    For integer labels the split is stratified: each class contributes its share to the test set,
    but always keeps at least one point in train.  `test_fraction` must lie in [0, 0.9].
    """
    X, y = np.asarray(X), np.asarray(y)
    if len(X) != len(y):
        raise DataError(f"X has {len(X)} rows but y has {len(y)}")
    f = float(test_fraction)
    if not 0.0 <= f <= 0.9:
        raise DataError(f"test_fraction must be between 0 and 0.9, got {test_fraction!r}")
    rng = np.random.default_rng(rng)
    n = len(y)
    total = min(int(round(n * f)), max(n - 1, 0))
    if np.issubdtype(y.dtype, np.integer) and total > 0:
        classes, inv = np.unique(y, return_inverse=True)
        counts = np.bincount(inv)
        room = counts - 1  # keep one of each class in train
        share = counts * f
        k_test = np.minimum(np.floor(share).astype(np.int64), room)
        for i in np.argsort(-(share - np.floor(share)), kind="stable"):  # largest remainders first
            if k_test.sum() >= total:
                break
            if k_test[i] < room[i]:
                k_test[i] += 1
        test_idx = np.concatenate([rng.permutation(np.flatnonzero(inv == c))[: k_test[c]]
                                   for c in range(len(classes))])
    else:
        test_idx = rng.permutation(n)[:total]
    is_test = np.zeros(n, dtype=bool)
    is_test[test_idx] = True
    train_idx = rng.permutation(np.flatnonzero(~is_test))
    test_idx = rng.permutation(np.flatnonzero(is_test))
    return X[train_idx], y[train_idx], X[test_idx], y[test_idx]


def grid_bounds(X, margin=0.5):
    """(xmin, xmax, ymin, ymax) around the points plus `margin`, widened to a square.

    For one-column data the y range equals the x range.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] not in (1, 2):
        raise DataError(f"grid_bounds needs a non-empty (n, 1) or (n, 2) array, got shape {X.shape}")
    lo, hi = X[:, :2].min(axis=0) - margin, X[:, :2].max(axis=0) + margin
    if X.shape[1] == 1:
        lo, hi = np.repeat(lo, 2), np.repeat(hi, 2)
    centre = (lo + hi) / 2
    half = max(float((hi - lo).max()) / 2, 0.5)
    return (float(centre[0] - half), float(centre[0] + half), float(centre[1] - half), float(centre[1] + half))


# --------------------------------------------------------------------------- CSV

HEADERS = {
    ("x1", "x2", "label"): "classification",
    ("x1", "x2", "target"): "regression",
    ("x", "target"): "regression",
}


def save_points_csv(path, dataset: Dataset) -> None:
    """Write `dataset` atomically as CSV with header x1,x2,label / x1,x2,target / x,target."""
    d, task, classify = dataset.X.shape[1], dataset.task, dataset.is_classification
    if classify and d == 2:
        header = "x1,x2,label"
    elif not classify and d in (1, 2):
        header = "x1,x2,target" if d == 2 else "x,target"
    else:
        raise DataError(f"cannot save a {task} data set with {d} input column(s) as points CSV")
    lines = [header]
    for row, t in zip(dataset.X.tolist(), dataset.y.tolist(), strict=False):
        lines.append(",".join([*(repr(v) for v in row), str(t) if classify else repr(t)]))
    atomic_write_text(path, "\n".join(lines) + "\n")


def _parse_float(text):
    try:
        return float(text)
    except ValueError:
        return None


def load_points_csv(path) -> Dataset:
    """Read a points CSV (see save_points_csv).  Blank lines and ``#`` comments are skipped.

    Without a header the kind is inferred: 2 columns → x,target; 3 columns → x1,x2,label if every
    third value is an integer 0..7, else x1,x2,target.  Labels are kept as given (not remapped);
    n_classes = largest label + 1.  Any problem raises DataError naming the file (and line).
    """
    path = Path(path)
    fname = path.name
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DataError(f"{fname}: cannot read file: {e.strerror or e}") from None
    if b"\x00" in raw:
        raise DataError(f"{fname}: binary content, not a CSV text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataError(f"{fname}: not UTF-8 text (bad byte at offset {e.start})") from None

    columns, task, rows = None, None, []  # rows: (line number, values)
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [s.strip() for s in line.split(",")]
        values = [_parse_float(s) for s in fields]
        if columns is None and any(v is None for v in values):
            key = tuple(s.lower() for s in fields)
            if key not in HEADERS:
                known = " or ".join(",".join(h) for h in HEADERS)
                raise DataError(f"{fname}: line {lineno}: unrecognised header {line!r} (expected {known})")
            columns, task = len(key), HEADERS[key]
            continue
        if columns is None:
            columns = len(fields)
            if columns not in (2, 3):
                raise DataError(f"{fname}: line {lineno}: expected 2 or 3 columns, found {columns}")
        if len(fields) != columns:
            raise DataError(f"{fname}: line {lineno}: expected {columns} values, found {len(fields)}")
        for col, (s, v) in enumerate(zip(fields, values, strict=False), start=1):
            if v is None:
                raise DataError(f"{fname}: line {lineno}: column {col}: non-numeric value {s!r}")
            if not math.isfinite(v):
                raise DataError(f"{fname}: line {lineno}: column {col}: value {s!r} is not finite")
        rows.append((lineno, values))
    if not rows:
        raise DataError(f"{fname}: no data points (the file is empty or has only a header/comments)")

    data = np.array([v for _, v in rows], dtype=np.float64)
    last = data[:, -1]
    if task is None:  # no header: infer
        is_label = columns == 3 and np.all(last == np.round(last)) and np.all((last >= 0) & (last < MAX_CLASSES))
        task = "classification" if is_label else "regression"
    if task == "classification":
        for (lineno, _), v in zip(rows, last, strict=False):
            if v != round(v):
                raise DataError(f"{fname}: line {lineno}: label {v:g} is not an integer")
            if v < 0:
                raise DataError(f"{fname}: line {lineno}: label {v:g} is negative")
            if v >= MAX_CLASSES:
                raise DataError(f"{fname}: line {lineno}: label {v:g} is too large; at most "
                                f"{MAX_CLASSES} classes (labels 0..{MAX_CLASSES - 1}) are supported")
        y = last.astype(np.int64)
        return Dataset(data[:, :-1], y, task, int(y.max()) + 1, path.stem)
    return Dataset(data[:, :-1], last, task, 0, path.stem)
