"""Pipeline: features + standardisation + network; grids; saving, loading and refusing bad files."""
import io
import json
import os
import zipfile

import numpy as np
import pytest

import engine
from engine import ModelFileError, Pipeline
from engine.data import Standardizer, expand_features, make_dataset

FEATURES = ("x1", "x2", "x1^2", "x1*x2", "sin x2")


def trained_pipeline(dtype="float32", task="classification", seed=0):
    rng = np.random.default_rng(seed)
    if task == "classification":
        d = make_dataset("spiral", n=200, noise=0.1, n_classes=3, rng=rng)
        loss, n_out = engine.CrossEntropyLoss(), 3
    else:
        d = make_dataset("gaussians", n=200, noise=0.05, rng=rng)
        loss, n_out = engine.MSELoss(), 1
    F = expand_features(d.X, FEATURES)
    std = Standardizer().fit(F)
    model = engine.mlp([len(FEATURES), 12, 8, n_out], ["tanh", "relu"], rng=rng, dtype=dtype)
    trainer = engine.Trainer(model, loss, engine.Adam(model.parameters(), lr=0.01), std.transform(F), d.y,
                             batch_size=16, rng=rng)
    for _ in trainer.run(5):
        pass
    names = ("red", "green", "blue") if task == "classification" else ()
    pipe = Pipeline(model, task, n_out if task == "classification" else 0, FEATURES, std.mean, std.scale, names,
                    {"data": d.name, "epochs": 5})
    return pipe, d


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("task", ["classification", "regression"])
def test_save_then_load_predicts_identically(tmp_path, dtype, task):
    pipe, d = trained_pipeline(dtype, task)
    path = tmp_path / "model.npz"
    pipe.save(path)
    back = Pipeline.load(path)
    assert back.dtype == np.dtype(dtype)
    assert (back.task, back.n_classes, back.features, back.class_names) == \
           (pipe.task, pipe.n_classes, pipe.features, pipe.class_names)
    assert back.meta == {"data": d.name, "epochs": 5}
    np.testing.assert_array_equal(back.mean, pipe.mean)
    np.testing.assert_array_equal(back.std, pipe.std)
    X = np.random.default_rng(9).uniform(-6, 6, (300, 2))
    np.testing.assert_array_equal(back.predict(X), pipe.predict(X))
    bounds = (-6, 6, -5, 5)
    np.testing.assert_array_equal(back.decision_grid(bounds, 30), pipe.decision_grid(bounds, 30))
    if task == "classification":
        np.testing.assert_array_equal(back.predict_proba(X), pipe.predict_proba(X))
    for k, v in pipe.model.state_dict().items():
        np.testing.assert_array_equal(back.model.state_dict()[k], v)
        assert back.model.state_dict()[k].dtype == v.dtype


def test_bytes_round_trip_and_the_transform():
    pipe, d = trained_pipeline()
    back = Pipeline.from_bytes(pipe.to_bytes())
    np.testing.assert_array_equal(back.predict(d.X), pipe.predict(d.X))
    expected = (expand_features(d.X, FEATURES) - pipe.mean) / pipe.std
    np.testing.assert_allclose(pipe.transform(d.X), expected.astype(np.float32), rtol=1e-6)
    assert pipe.predict(d.X).dtype.kind == "i"
    assert engine.accuracy(pipe.predict(d.X), d.y) > 0.5


def test_raw_input_pipeline_without_features(tmp_path, rng):
    model = engine.mlp([4, 3, 2], "relu", rng=rng)
    pipe = Pipeline(model, "classification", 2, None, np.zeros(4), np.full(4, 255.0))
    pipe.save(tmp_path / "m.npz")
    X = rng.integers(0, 256, (10, 4))
    np.testing.assert_array_equal(Pipeline.load(tmp_path / "m.npz").predict_proba(X), pipe.predict_proba(X))
    np.testing.assert_allclose(pipe.transform(X), X / 255.0, rtol=1e-6)


def test_decision_grid_rows_are_y_and_columns_are_x():
    pipe, _ = trained_pipeline()
    bounds, n = (-4.0, 6.0, -3.0, 5.0), 7
    grid = pipe.decision_grid(bounds, n)
    assert grid.shape == (n, n, 3)
    np.testing.assert_allclose(grid.sum(axis=2), 1, rtol=1e-5)
    xs, ys = np.linspace(-4, 6, n), np.linspace(-3, 5, n)
    for i, j in [(0, 0), (1, 5), (6, 2), (3, 3)]:
        np.testing.assert_allclose(grid[i, j], pipe.predict_proba([[xs[j], ys[i]]])[0], rtol=1e-5)
    pts = engine.make_grid(bounds, n)
    assert pts.shape == (n * n, 2)
    np.testing.assert_allclose(pts[n + 2], [xs[2], ys[1]])
    reg, _ = trained_pipeline(task="regression")
    g = reg.decision_grid(bounds, n)
    assert g.shape == (n, n)
    np.testing.assert_allclose(g[2, 4], reg.predict([[xs[4], ys[2]]])[0], rtol=1e-5)


def test_decision_grid_follows_weight_changes_and_new_bounds():
    pipe, _ = trained_pipeline()
    a = pipe.decision_grid((-5, 5, -5, 5), 10).copy()
    pipe.model[0].weight.data *= 0.5
    assert not np.allclose(pipe.decision_grid((-5, 5, -5, 5), 10), a)
    assert not np.allclose(pipe.decision_grid((-1, 1, -1, 1), 10), pipe.decision_grid((-5, 5, -5, 5), 10))


def test_invalid_arguments():
    model = engine.mlp([2, 2], rng=np.random.default_rng(0))
    with pytest.raises(ValueError, match="task"):
        Pipeline(model, "clustering")
    with pytest.raises(ValueError):
        engine.make_grid((1, 0, 0, 1), 5)
    with pytest.raises(ValueError, match="regression"):
        Pipeline(engine.mlp([2, 1], rng=np.random.default_rng(0)), "regression", 0).predict_proba([[0, 0]])


# ------------------------------------------------------------------------------------- bad files
def _npz(**arrays):
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return buf.getvalue()


def _with_header(good: bytes, change) -> bytes:
    with np.load(io.BytesIO(good)) as z:
        files = {k: z[k] for k in z.files}
    header = json.loads(str(files["header"][()]))
    change(header, files)
    files["header"] = np.array(json.dumps(header))
    return _npz(**files)


def bad_files(good: bytes) -> dict:
    def set_key(key, value):
        return lambda h, f: h.__setitem__(key, value)

    def wrong_shape(h, f):
        f["param/0.weight"] = np.zeros((3, 3), np.float32)

    def nan_weight(h, f):
        f["param/0.bias"] = f["param/0.bias"] * np.nan

    def drop_param(h, f):
        del f["param/2.weight"]

    def huge_layer(h, f):
        h["model"]["layers"][0]["in_features"] = 10 ** 7

    def wrong_features(h, f):
        h["features"] = ["x3"]

    odd_zip = io.BytesIO()
    with zipfile.ZipFile(odd_zip, "w") as z:
        z.writestr("hello.txt", "not a model")
    return {
        "empty": b"",
        "text": b"this is just some text\n",
        "random": np.random.default_rng(0).bytes(3000),
        "truncated": good[: len(good) // 2],
        "truncated_end": good[:-20],
        "flipped": good[:200] + bytes(b ^ 0xFF for b in good[200:260]) + good[260:],
        "foreign_npz": _npz(a=np.arange(3), b=np.ones(2)),
        "foreign_zip": odd_zip.getvalue(),
        "pickled": _npz(header=np.array([{"format": "mlp-studio-model"}], dtype=object)),
        "header_not_json": _npz(header=np.array("{not json")),
        "header_list": _npz(header=np.array("[1, 2]")),
        "wrong_format": _with_header(good, set_key("format", "keras")),
        "future_version": _with_header(good, set_key("version", 99)),
        "bad_task": _with_header(good, set_key("task", "dreaming")),
        "bad_model": _with_header(good, set_key("model", {"type": "Sequential", "layers": [{"type": "Conv2d"}]})),
        "wrong_shape": _with_header(good, wrong_shape),
        "nan_weight": _with_header(good, nan_weight),
        "missing_param": _with_header(good, drop_param),
        "huge_layer": _with_header(good, huge_layer),
        "wrong_features": _with_header(good, wrong_features),
    }


BAD_KINDS = ("empty", "text", "random", "truncated", "truncated_end", "flipped", "foreign_npz", "foreign_zip",
             "pickled", "header_not_json", "header_list", "wrong_format", "future_version", "bad_task", "bad_model",
             "wrong_shape", "nan_weight", "missing_param", "huge_layer", "wrong_features")


@pytest.fixture(scope="module")
def good_bytes():
    pipe, _ = trained_pipeline()
    return pipe.to_bytes()


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_bad_model_file_raises_model_file_error_and_changes_nothing(tmp_path, good_bytes, kind):
    files = bad_files(good_bytes)
    assert set(files) == set(BAD_KINDS)
    data = files[kind]
    path = tmp_path / "broken.npz"
    path.write_bytes(data)
    with pytest.raises(ModelFileError) as info:
        Pipeline.load(path)
    assert "broken.npz" in str(info.value)
    assert path.read_bytes() == data                      # reading never writes
    assert sorted(os.listdir(tmp_path)) == ["broken.npz"]
    with pytest.raises(ModelFileError):
        Pipeline.from_bytes(data)


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x93NUMPY\x01\x00v\x00{'descr': '<f8'}", b"hello"])
def test_non_npz_file_gets_a_plain_message(tmp_path, data):
    """Random bytes, an .npy or a text file: a plain sentence, not numpy's advice about pickles."""
    path = tmp_path / "random.npz"
    path.write_bytes(data)
    with pytest.raises(ModelFileError) as info:
        Pipeline.load(path)
    msg = str(info.value)
    assert "random.npz" in msg and "not a .npz archive" in msg
    assert "pickle" not in msg.lower() and "allow_" not in msg


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ModelFileError, match="nope.npz"):
        Pipeline.load(tmp_path / "nope.npz")
    with pytest.raises(ModelFileError):
        Pipeline.load(tmp_path)


def test_failed_load_leaves_the_existing_pipeline_alone(tmp_path, good_bytes):
    pipe, d = trained_pipeline()
    before = pipe.predict_proba(d.X)
    (tmp_path / "bad.npz").write_bytes(good_bytes[:100])
    with pytest.raises(ModelFileError):
        pipe = Pipeline.load(tmp_path / "bad.npz")
    np.testing.assert_array_equal(pipe.predict_proba(d.X), before)


def test_save_is_atomic(tmp_path, monkeypatch):
    """A crash while writing leaves the old file intact and no temporary file behind."""
    path = tmp_path / "model.npz"
    old, _ = trained_pipeline(seed=0)
    old.save(path)
    old_bytes = path.read_bytes()
    new, _ = trained_pipeline(seed=1)

    def crash(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError):
        new.save(path)
    assert path.read_bytes() == old_bytes
    assert sorted(os.listdir(tmp_path)) == ["model.npz"]
    monkeypatch.undo()
    new.save(path)
    assert path.read_bytes() == new.to_bytes()
    assert sorted(os.listdir(tmp_path)) == ["model.npz"]
    Pipeline.load(path)


def test_engine_helpers_save_and_load(tmp_path):
    pipe, d = trained_pipeline()
    engine.save_model(tmp_path / "m.npz", pipe)
    np.testing.assert_array_equal(engine.load_model(tmp_path / "m.npz").predict(d.X), pipe.predict(d.X))


def test_atomic_write_gives_normal_permissions_and_keeps_existing_ones(tmp_path):
    """A saved file is readable like any other new file, and an overwrite keeps the file's mode."""
    import os
    import stat

    from engine.fileio import atomic_write_bytes
    plain = tmp_path / "plain.bin"
    plain.write_bytes(b"made the ordinary way")
    new = tmp_path / "new.bin"
    atomic_write_bytes(new, b"abc")
    assert stat.S_IMODE(new.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
    shared = tmp_path / "shared.bin"
    shared.write_bytes(b"old")
    os.chmod(shared, 0o640)
    atomic_write_bytes(shared, b"new")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640 and shared.read_bytes() == b"new"
