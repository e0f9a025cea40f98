"""engine.fit and the library naming: predict (labels/values), predict_proba, predict_scores, linear_layers."""
import re
from pathlib import Path

import numpy as np
import pytest

import engine
from engine.data import make_dataset
from engine.errors import DataError

ROOT = Path(__file__).resolve().parent.parent


def spiral(n=600, seed=0):
    return make_dataset("spiral", n=n, noise=0.1, n_classes=3, rng=np.random.default_rng(seed))


def test_fit_learns_the_spiral():
    ds = spiral()
    recipe = {"hidden": [{"units": 32, "activation": "relu"}] * 2, "optimizer": "adam", "lr": 0.01, "batch_size": 32}
    pipe = engine.fit(recipe, ds.X, ds.y, epochs=200, seed=0)
    assert isinstance(pipe, engine.Pipeline)
    assert pipe.features == ("x1", "x2") and pipe.task == "classification" and pipe.n_classes == 3
    acc = engine.accuracy(pipe.predict(ds.X), ds.y)
    assert acc >= 0.97, acc
    assert pipe.meta["epochs"] == 200 and len(pipe.meta["history"]) == 200
    # the scaling learned on X is part of the Pipeline: raw inputs in, the same answers after a save/load
    assert np.allclose(pipe.mean, np.mean(ds.X, axis=0))


def test_fit_is_reproducible_from_its_seed_and_saves(tmp_path):
    ds = spiral(200)
    a = engine.fit(None, ds.X, ds.y, epochs=3, seed=5)
    b = engine.fit(None, ds.X, ds.y, epochs=3, rng=np.random.default_rng(5))
    np.testing.assert_array_equal(a.predict_proba(ds.X), b.predict_proba(ds.X))
    a.save(tmp_path / "m.npz")
    np.testing.assert_array_equal(engine.load_model(tmp_path / "m.npz").predict(ds.X), a.predict(ds.X))


def test_fit_progress_callback_sees_every_epoch_and_can_stop():
    ds = spiral(200)
    seen = []
    pipe = engine.fit(None, ds.X, ds.y, epochs=50, progress=lambda r: seen.append(r.epoch) or r.epoch < 4)
    assert seen == [1, 2, 3, 4] and pipe.meta["epochs"] == 4


def test_fit_regression_from_float_targets_and_a_built_module():
    rng = np.random.default_rng(0)
    X = rng.uniform(-2, 2, (400, 1))
    y = np.sin(2 * X[:, 0])
    net = engine.mlp([1, 32, 1], "tanh", rng=np.random.default_rng(1))
    pipe = engine.fit(net, X, y, epochs=150, optimizer="adam", lr=0.01, batch_size=32)
    assert pipe.task == "regression" and pipe.model is net and pipe.features is None
    values = engine.predict(pipe, X)
    assert values.shape == (400,) and engine.r2_score(values, y) > 0.95
    with pytest.raises(ValueError, match="regression"):
        pipe.predict_proba(X)


def test_fit_scale_options_and_bad_input():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 256, (300, 16)).astype(np.float64)
    y = (X[:, 0] > 127).astype(int)
    pipe = engine.fit({"hidden": [{"units": 8, "activation": "relu"}]}, X, y, epochs=2, scale=255)
    assert pipe.features is None and np.all(pipe.std == 255) and np.all(pipe.mean == 0)
    raw = engine.fit({"hidden": []}, X, y, epochs=1, scale=None)
    assert raw.mean is None and raw.std is None
    with pytest.raises(ValueError, match="scale"):
        engine.fit(None, X, y, scale="minmax")
    with pytest.raises(DataError, match="rows"):
        engine.fit(None, X, y[:10])
    with pytest.raises(ValueError, match="epochs"):
        engine.fit(None, X, y, epochs=0)
    with pytest.raises(ValueError, match="loss"):
        engine.fit({"loss": "mse"}, X, y, task="classification")


def test_predict_names_mean_the_same_for_a_pipeline_and_a_module():
    ds = spiral(200)
    pipe = engine.fit(None, ds.X, ds.y, epochs=2)
    Xn = pipe.transform(ds.X)
    scores = engine.predict_scores(pipe, ds.X)
    np.testing.assert_array_equal(scores, engine.predict_scores(pipe.model, Xn))
    np.testing.assert_array_equal(engine.predict(pipe, ds.X), scores.argmax(axis=1))
    np.testing.assert_array_equal(engine.predict(pipe.model, Xn), scores.argmax(axis=1))
    assert engine.predict(pipe, ds.X).dtype.kind == "i"
    np.testing.assert_allclose(engine.predict_proba(pipe.model, Xn), pipe.predict_proba(ds.X))
    np.testing.assert_allclose(engine.predict_proba(pipe, ds.X).sum(axis=1), 1, rtol=1e-5)
    np.testing.assert_array_equal(engine.predict(pipe.model, Xn, task="regression"), scores[:, 0])


def test_linear_layers_by_position_whatever_dropout_does():
    rng = np.random.default_rng(0)
    plain = engine.mlp([2, 5, 4, 3], "relu", rng=rng)
    dropped = engine.mlp([2, 5, 4, 3], "relu", rng=rng, dropout=0.3)
    assert len(dropped) > len(plain)  # the Sequential indices differ ...
    for net in (plain, dropped):       # ... the named access does not
        layers = engine.linear_layers(net)
        assert [(lin.in_features, lin.out_features) for lin in layers] == [(2, 5), (5, 4), (4, 3)]
        assert net.linear_layers() == layers
    pipe = engine.Pipeline(dropped)
    engine.linear_layers(pipe)[1].weight.data[:] = 0.5   # setting weights through it reaches the network
    assert np.all(dropped[3].weight.data == 0.5) and isinstance(dropped[2], engine.Dropout)


def test_pixel_scaling_has_one_definition_that_matches_the_pipeline():
    pixels = np.arange(256, dtype=np.uint8).reshape(1, 16, 16)
    net = engine.mlp([256, 3], rng=np.random.default_rng(0))
    pipe = engine.image_pipeline(net, ["a", "b", "c"])
    X = engine.pixels_to_inputs(pixels)
    assert X.dtype == np.float32 and X.shape == (1, 256) and X[0, 255] == 1 and X[0, 0] == 0
    np.testing.assert_array_equal(X, pipe.transform(pixels.reshape(1, -1)))   # bit for bit
    assert engine.PIXEL_SCALE == 255
    with pytest.raises(ValueError, match="uint8"):
        engine.pixels_to_inputs(pixels.astype(np.float32))


def test_the_readme_engine_example_runs(tmp_path, monkeypatch, capsys):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Use the engine from Python"):]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code, "README: no python block in 'Use the engine from Python'"
    monkeypatch.chdir(tmp_path)
    exec(compile(code.group(1), "README.md", "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out
    acc = float(re.search(r"train accuracy: ([0-9.]+)", out).group(1))
    assert acc >= 0.97
    assert engine.load_model(tmp_path / "spiral.npz").n_classes == 3
