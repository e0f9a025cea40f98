"""Tests for engine.data: generators, features, scaling, splitting, bounds and CSV files."""
import json
import math

import numpy as np
import pytest

from engine.data import (
    CLASSIFICATION_PRESETS,
    FEATURES,
    REGRESSION_PRESETS,
    Dataset,
    Standardizer,
    expand_features,
    grid_bounds,
    load_points_csv,
    make_circle,
    make_curve1d,
    make_dataset,
    make_plane,
    make_xor,
    save_points_csv,
    train_test_split,
)
from engine.errors import DataError, EngineError

CLS = sorted(CLASSIFICATION_PRESETS)
REG = sorted(REGRESSION_PRESETS)


# --------------------------------------------------------------------------- generators

@pytest.mark.parametrize("name", CLS)
@pytest.mark.parametrize("k", range(2, 9))
def test_classification_generators(name, k):
    n = 403  # not a multiple of k: balance means counts differ by at most one
    d = make_dataset(name, n=n, noise=0.1, n_classes=k, rng=np.random.default_rng(k))
    assert d.task == "classification" and d.n_classes == k and d.name == name
    assert d.X.shape == (n, 2) and d.X.dtype == np.float64
    assert d.y.shape == (n,) and d.y.dtype == np.int64
    counts = np.bincount(d.y, minlength=k)
    assert len(counts) == k and counts.max() - counts.min() <= 1
    assert np.all(np.isfinite(d.X))
    assert np.all(np.abs(d.X) <= 6.0)
    assert np.all(np.abs(d.X) <= 5.0 + 5 * 0.1)  # shapes within [-5, 5]², jitter of std 0.1


@pytest.mark.parametrize("name", CLS)
def test_noise_free_shapes_within_5(name):
    for k in (2, 5, 8):
        d = make_dataset(name, n=300, noise=0.0, n_classes=k, rng=0)
        assert np.all(np.abs(d.X) <= 5.0)


@pytest.mark.parametrize("name", CLS)
def test_large_noise_is_clipped(name):
    d = make_dataset(name, n=300, noise=3.0, n_classes=3, rng=0)
    assert np.all(np.abs(d.X) <= 6.0) and np.abs(d.X).max() == 6.0


@pytest.mark.parametrize("name", CLS + REG)
def test_seeded_runs_repeat_and_seeds_differ(name):
    a = make_dataset(name, n=100, noise=0.2, n_classes=3, rng=np.random.default_rng(42))
    b = make_dataset(name, n=100, noise=0.2, n_classes=3, rng=np.random.default_rng(42))
    c = make_dataset(name, n=100, noise=0.2, n_classes=3, rng=np.random.default_rng(43))
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)


def test_generators_leave_global_random_state_alone():
    np.random.seed(123)
    before = np.random.get_state()[1].copy()
    for name in CLS + REG:
        make_dataset(name, n=50, rng=1)
    np.testing.assert_array_equal(np.random.get_state()[1], before)


def test_xor_two_classes_is_quadrant_sign_product():
    d = make_xor(n=400, noise=0.0, rng=5)
    prod = d.X[:, 0] * d.X[:, 1]
    np.testing.assert_array_equal(d.y, (prod < 0).astype(np.int64))
    assert np.all(np.minimum(np.abs(d.X[:, 0]), np.abs(d.X[:, 1])) > 0.3)


def test_circle_two_classes_disc_inside_ring():
    d = make_circle(n=400, noise=0.0, rng=5)
    r = np.hypot(d.X[:, 0], d.X[:, 1])
    assert r[d.y == 0].max() < r[d.y == 1].min()


def test_single_point_works():
    for name in CLS + REG:
        assert make_dataset(name, n=1, rng=0).X.shape[0] == 1


@pytest.mark.parametrize("kwargs, word", [
    (dict(n_classes=1), "n_classes"), (dict(n_classes=9), "n_classes"), (dict(n_classes=2.5), "n_classes"),
    (dict(n=0), "n"), (dict(n=-5), "n"), (dict(n=10.5), "n"),
    (dict(noise=-0.1), "noise"), (dict(noise=float("nan")), "noise"), (dict(noise="a"), "noise"),
])
@pytest.mark.parametrize("name", CLS)
def test_invalid_arguments(name, kwargs, word):
    with pytest.raises(ValueError, match=word):
        CLASSIFICATION_PRESETS[name](**kwargs)


@pytest.mark.parametrize("name", REG)
def test_regression_generators(name):
    d = make_dataset(name, n=250, noise=0.1, rng=3)
    assert d.task == "regression" and d.n_classes == 0
    assert d.y.dtype == np.float64 and d.y.shape == (250,)
    assert d.X.shape == ((250, 1) if name == "curve1d" else (250, 2))
    assert np.all(np.abs(d.X) <= 5.0) and np.all(np.isfinite(d.y))
    assert d.y.std() > 0.1  # a real signal, not just noise
    with pytest.raises(ValueError, match="noise"):
        REGRESSION_PRESETS[name](n=10, noise=-1)


def test_regression_targets_follow_their_functions():
    d = make_plane(n=200, noise=0.0, rng=1)
    A = np.column_stack([d.X, np.ones(200)])
    coef, res, *_ = np.linalg.lstsq(A, d.y, rcond=None)
    assert np.allclose(A @ coef, d.y)  # exactly a plane
    c = make_curve1d(n=200, noise=0.0, rng=1)
    assert np.abs(np.diff(c.y[np.argsort(c.X[:, 0])])).max() < 0.5  # a smooth curve
    assert len(np.unique(np.sign(np.diff(c.y[np.argsort(c.X[:, 0])])))) == 2  # and not monotone
    noisy = make_plane(n=2000, noise=0.5, rng=1)
    resid = noisy.y - np.column_stack([noisy.X, np.ones(2000)]) @ coef
    assert 0.4 < resid.std() < 0.6


def test_make_dataset_unknown_name_lists_valid():
    with pytest.raises(DataError, match="unknown") as e:
        make_dataset("banana")
    for name in CLS + REG:
        assert name in str(e.value)


def test_dataset_validation():
    X = np.zeros((3, 2))
    Dataset(X, [0, 1, 1], "classification", 2, "ok")
    for args in [
        (X, [0, 1], "classification", 2),  # shape mismatch
        (X, [0, 1, 2], "classification", 2),  # label out of range
        (X, [0, -1, 1], "classification", 2),
        (X, [0, 0.5, 1], "classification", 2),
        (np.array([[0, 0], [np.nan, 0], [0, 0]]), [0, 1, 1], "classification", 2),
        (X, [0.0, np.inf, 1.0], "regression", 0),
        (X, [0.0, 1.0, 1.0], "regression", 2),
        (X, [0, 1, 1], "clustering", 2),
        (np.zeros(3), [0, 1, 1], "classification", 2),
    ]:
        with pytest.raises(DataError):
            Dataset(*args, "bad")
    with pytest.raises(DataError, match="class names"):
        Dataset(X, [0, 1, 1], "classification", 2, "x", ("a", "b", "c"))


# --------------------------------------------------------------------------- features

def test_expand_features_hand_example():
    X = np.array([[1.0, 2.0], [-0.5, 3.0]])
    out = expand_features(X, FEATURES)
    expected = np.array([
        [1.0, 2.0, 1.0, 4.0, 2.0, math.sin(1.0), math.sin(2.0)],
        [-0.5, 3.0, 0.25, 9.0, -1.5, math.sin(-0.5), math.sin(3.0)],
    ])
    np.testing.assert_allclose(out, expected)
    # columns come in FEATURES order whatever order they are asked for
    np.testing.assert_allclose(expand_features(X, ["x1*x2", "x1"]), expected[:, [0, 4]])
    np.testing.assert_allclose(expand_features(X, ["sin x2"]), expected[:, [6]])


def test_expand_features_one_column_and_errors():
    X1 = np.array([[2.0], [-1.0]])
    np.testing.assert_allclose(expand_features(X1, ["x1", "x1^2", "sin x1"]),
                               [[2.0, 4.0, math.sin(2.0)], [-1.0, 1.0, math.sin(-1.0)]])
    for bad in (["x2"], ["x1", "x1*x2"], ["x2^2"], ["sin x2"]):
        with pytest.raises(ValueError, match="x2"):
            expand_features(X1, bad)
    with pytest.raises(ValueError):
        expand_features(np.zeros((2, 2)), [])
    with pytest.raises(ValueError, match="x3"):
        expand_features(np.zeros((2, 2)), ["x3"])
    with pytest.raises(ValueError):
        expand_features(np.zeros((2, 3)), ["x1"])


# --------------------------------------------------------------------------- Standardizer

def test_standardizer_round_trip_and_constant_column():
    rng = np.random.default_rng(0)
    X = np.column_stack([rng.normal(5, 3, 100), np.full(100, 7.0)])
    s = Standardizer().fit(X)
    Z = s.transform(X)
    np.testing.assert_allclose(Z[:, 0].mean(), 0, atol=1e-12)
    np.testing.assert_allclose(Z[:, 0].std(), 1)
    np.testing.assert_allclose(Z[:, 1], 0)  # std 0 treated as 1
    assert s.transform(np.array([[5.0, 9.0]]))[0, 1] == 2.0  # unit scale, only centred
    np.testing.assert_allclose(s.inverse_transform(Z), X)
    s2 = Standardizer.from_dict(json.loads(json.dumps(s.to_dict())))
    np.testing.assert_allclose(s2.transform(X), Z)
    with pytest.raises(DataError):
        s.transform(np.zeros((3, 3)))
    with pytest.raises(DataError):
        Standardizer.from_dict({"mean": [0.0], "scale": [0.0]})
    with pytest.raises(RuntimeError):
        Standardizer().transform(X)


def test_standardizer_on_targets():
    y = np.array([1.0, 2.0, 3.0, 6.0])
    s = Standardizer().fit(y)
    z = s.transform(y)
    assert z.shape == y.shape
    np.testing.assert_allclose(s.inverse_transform(z), y)
    np.testing.assert_allclose(Standardizer.from_dict(s.to_dict()).transform(y), z)


# --------------------------------------------------------------------------- split and bounds

@pytest.mark.parametrize("frac", [0.0, 0.1, 0.25, 0.5, 0.9])
def test_split_fractions_and_stratification(frac):
    d = make_dataset("blobs", n=600, n_classes=3, rng=0)
    Xtr, ytr, Xte, yte = train_test_split(d.X, d.y, frac, rng=np.random.default_rng(1))
    assert len(ytr) + len(yte) == 600 and len(yte) == round(600 * frac)
    assert set(ytr) == {0, 1, 2}
    if frac:
        np.testing.assert_array_equal(np.bincount(yte), [round(200 * frac)] * 3)
    # rows stay paired and nothing is lost or duplicated
    both = np.vstack([np.column_stack([Xtr, ytr]), np.column_stack([Xte, yte])])
    orig = np.column_stack([d.X, d.y])
    np.testing.assert_array_equal(both[np.lexsort(both.T)], orig[np.lexsort(orig.T)])


def test_split_keeps_every_class_in_train():
    y = np.array([0] * 20 + [1] * 2 + [2])
    X = np.arange(len(y), dtype=float)[:, None]
    _, ytr, _, yte = train_test_split(X, y, 0.9, rng=0)
    assert set(ytr) == {0, 1, 2}
    assert len(yte) > 0


def test_split_regression_and_errors():
    d = make_plane(n=100, rng=0)
    Xtr, ytr, Xte, yte = train_test_split(d.X, d.y, 0.3, rng=0)
    assert len(yte) == 30 and len(ytr) == 70
    a = train_test_split(d.X, d.y, 0.3, rng=5)
    b = train_test_split(d.X, d.y, 0.3, rng=5)
    for u, v in zip(a, b, strict=False):
        np.testing.assert_array_equal(u, v)
    for bad in (-0.1, 0.95, 1.0):
        with pytest.raises(ValueError, match="test_fraction"):
            train_test_split(d.X, d.y, bad, rng=0)


def test_grid_bounds():
    X = np.array([[0.0, 0.0], [4.0, 1.0]])
    xmin, xmax, ymin, ymax = grid_bounds(X, margin=0.5)
    assert xmin <= -0.5 and xmax >= 4.5 and ymin <= -0.5 and ymax >= 1.5
    assert math.isclose(xmax - xmin, ymax - ymin)
    assert math.isclose((xmin + xmax) / 2, 2.0) and math.isclose((ymin + ymax) / 2, 0.5)
    b = grid_bounds(np.array([[1.0, 1.0]]), margin=0.0)
    assert b[1] > b[0] and b[3] > b[2]


# --------------------------------------------------------------------------- CSV

@pytest.mark.parametrize("name, header", [("spiral", "x1,x2,label"), ("gaussians", "x1,x2,target"),
                                          ("curve1d", "x,target")])
def test_csv_round_trip(tmp_path, name, header):
    d = make_dataset(name, n=57, noise=0.2, n_classes=4, rng=9)
    path = tmp_path / f"{name}.csv"
    save_points_csv(path, d)
    assert path.read_text(encoding="utf-8").splitlines()[0] == header
    back = load_points_csv(path)
    assert back.task == d.task and back.n_classes == d.n_classes and back.name == name
    np.testing.assert_array_equal(back.X, d.X)  # exact: floats are written with repr
    np.testing.assert_array_equal(back.y, d.y)
    assert back.y.dtype == d.y.dtype


def test_csv_comments_blank_lines_no_header(tmp_path):
    p = tmp_path / "pts.csv"
    p.write_text("# my points\n\n1,2,0\n  3, 4 ,2\n\n# end\n", encoding="utf-8")
    d = load_points_csv(p)
    assert d.task == "classification" and d.n_classes == 3
    np.testing.assert_array_equal(d.y, [0, 2])  # kept as given, not remapped
    p.write_text("1,2,0.5\n3,4,-2\n", encoding="utf-8")
    assert load_points_csv(p).task == "regression"
    p.write_text("1,0.5\n3,-2\n", encoding="utf-8")
    d = load_points_csv(p)
    assert d.task == "regression" and d.X.shape == (2, 1)
    p.write_text("x1,x2,label\n1,2,0\n3,4,0\n", encoding="utf-8")
    assert load_points_csv(p).n_classes == 1  # one class loads; the GUI warns


@pytest.mark.parametrize("content, pattern", [
    ("x1,x2,label\n1,2,0\n1,2\n", r"line 3.*expected 3 values, found 2"),
    ("x1,x2,label\n1,2,0\n\n1,2,0,4\n", r"line 4.*expected 3 values"),
    ("x1,x2,label\n1,2,0\n1,abc,1\n", r"line 3.*non-numeric.*abc"),
    ("x1,x2,target\n1,nan,0\n", r"line 2.*not finite"),
    ("# c\nx1,x2,label\n1,2,inf\n", r"line 3.*not finite"),
    ("x1,x2,label\n1,2,0\n1,2,-1\n", r"line 3.*negative"),
    ("x1,x2,label\n1,2,0.5\n", r"line 2.*not an integer"),
    ("x1,x2,label\n1,2,8\n", r"line 2.*8 classes"),
    ("", r"no data points"),
    ("# only a comment\n\n", r"no data points"),
    ("x1,x2,label\n", r"no data points"),
    ("a,b,c\n1,2,3\n", r"line 1.*header"),
    ("1,2,3,4\n", r"line 1.*columns"),
])
def test_bad_csv(tmp_path, content, pattern):
    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=pattern) as e:
        load_points_csv(p)
    assert "bad.csv" in str(e.value)


@pytest.mark.parametrize("blob", [bytes(range(256)) * 4, b"x1,x2,label\n1,2,\xff\xfe\n", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_binary_csv(tmp_path, blob):
    p = tmp_path / "garbage.csv"
    p.write_bytes(blob)
    with pytest.raises(DataError, match="garbage.csv"):
        load_points_csv(p)


def test_missing_csv(tmp_path):
    with pytest.raises(EngineError, match="nope.csv"):
        load_points_csv(tmp_path / "nope.csv")


def test_save_is_atomic_overwrite(tmp_path):
    p = tmp_path / "pts.csv"
    p.write_text("old", encoding="utf-8")
    save_points_csv(p, make_xor(n=10, rng=0))
    assert load_points_csv(p).n == 10
    assert [f.name for f in tmp_path.iterdir()] == ["pts.csv"]
