"""engine/adopt.py: the playground's fixed scaling, "can this train?", models back to recipes, adopting files."""
import numpy as np
import pytest

import engine
from engine import DataError, Pipeline, adopt
from engine.data import Dataset
from engine.recipe import build_model_from_recipe, default_recipe
from engine.tasks import task_of

BOUNDS = {name: task_of(name).bounds for name in ("classification", "regression", "regression1d")}


def bounds_of(task):
    return BOUNDS[task]


def _random_pipeline(rng, sizes, acts, task, feats, k):
    model = engine.mlp(sizes, acts, rng=rng, dtype="float64")
    for p in model.parameters():
        p.data[...] = rng.normal(0, 0.8, p.data.shape)
    n = sizes[0]
    return Pipeline(model, task, k, feats, rng.normal(0, 2, n), rng.uniform(0.3, 3, n))


@pytest.mark.parametrize("task, sizes, acts, feats, k", [
    ("classification", [3, 6, 3], ["tanh"], ("x1", "x2", "x1^2"), 3),
    ("classification", [4, 5, 4, 2], ["relu", "sigmoid"], ("sin x2", "x1*x2", "x1", "x2"), 2),   # any order
    ("regression", [2, 7, 1], ["leaky_relu"], ("x1", "x2"), 0),
    ("regression1d", [2, 5, 1], ["identity"], ("x1", "sin x1"), 0),
])
def test_an_adopted_pipeline_computes_the_same_function(rng, task, sizes, acts, feats, k):
    pipe = _random_pipeline(rng, sizes, acts, task_of(task).kind, feats, k)
    base = {t: default_recipe(loss=task_of(t).default_loss) for t in BOUNDS}
    got_task, recipe, weights, got_k = adopt.adopt_pipeline(pipe, base, bounds_of)
    assert (got_task, got_k) == (task, k)
    assert [h["activation"] for h in recipe["hidden"]] == acts
    assert recipe["features"] == [f for f in engine.FEATURES if f in feats]
    assert recipe["loss"] == task_of(task).default_loss
    mine = adopt.playground_pipeline(recipe, task, k, weights, bounds_of(task), {})
    X = rng.uniform(-6, 6, (300, 1 if task == "regression1d" else 2))
    if k:
        np.testing.assert_allclose(mine.predict_proba(X), pipe.predict_proba(X), rtol=1e-5, atol=1e-6)
    else:
        np.testing.assert_allclose(mine.predict(X), pipe.predict(X), rtol=1e-5, atol=1e-5)
    m_g, s_g = adopt.fixed_scaling(tuple(recipe["features"]), task == "regression1d", bounds_of(task))
    np.testing.assert_allclose(mine.mean, m_g)
    np.testing.assert_allclose(mine.std, s_g)


def test_our_own_export_brings_its_training_settings_back(rng):
    pipe = _random_pipeline(rng, [2, 4, 1], ["tanh"], "regression", ("x1", "x2"), 0)
    pipe.meta["recipe"] = {"lr": 0.2, "optimizer": "adam", "batch_size": 7, "loss": "l1"}
    base = {t: default_recipe(loss=task_of(t).default_loss) for t in BOUNDS}
    _, recipe, _, _ = adopt.adopt_pipeline(pipe, base, bounds_of)
    assert (recipe["lr"], recipe["optimizer"], recipe["batch_size"], recipe["loss"]) == (0.2, "adam", 7, "l1")
    pipe.meta["recipe"] = {"lr": -5}                 # nonsense: the playground's own settings instead
    _, recipe, _, _ = adopt.adopt_pipeline(pipe, base, bounds_of)
    assert recipe["lr"] == base["regression"]["lr"]


@pytest.mark.parametrize("name", list(engine.ACTIVATIONS))
def test_recipe_from_model_gives_back_the_recipe(rng, name):
    recipe = default_recipe(hidden=[{"units": 5, "activation": name}, {"units": 3, "activation": "tanh"}],
                            dropout=0.2, lr=0.5)
    model = build_model_from_recipe(recipe, 2, 4, rng)
    assert adopt.recipe_from_model(model, default_recipe(lr=0.5)) == recipe


def test_models_the_playground_cannot_show_are_refused_clearly(rng):
    base = {t: default_recipe(loss=task_of(t).default_loss) for t in BOUNDS}
    cases = [
        (Pipeline(engine.mlp([784, 8, 10], "relu", rng=rng), "classification", 10), "784 inputs"),
        (Pipeline(engine.mlp([2, 8, 9], "relu", rng=rng), "classification", 9, ("x1", "x2")), "9 classes"),
        (Pipeline(engine.mlp([1, 8, 2], "relu", rng=rng), "classification", 2, ("x1",)), "one input"),
        (Pipeline(engine.Sequential(engine.Linear(2, 3, rng=rng), engine.Softmax()), "classification", 3,
                  ("x1", "x2")), "Softmax"),
        (Pipeline(engine.Sequential(engine.Linear(2, 3, rng=rng), engine.Tanh()), "classification", 3,
                  ("x1", "x2")), "output layer ends with tanh"),
        (Pipeline(engine.mlp([2, 8, 2], "relu", rng=rng), "classification", 3, ("x1", "x2")), "2 outputs"),
    ]
    for pipe, message in cases:
        with pytest.raises(ValueError, match=message):
            adopt.adopt_pipeline(pipe, base, bounds_of)


def test_check_trainable_says_what_is_missing():
    with pytest.raises(DataError, match="no training points"):
        adopt.check_trainable("classification", np.zeros((0, 2)), np.zeros(0, int))
    with pytest.raises(DataError, match="only one class"):
        adopt.check_trainable("classification", np.zeros((5, 2)), np.ones(5, int))
    with pytest.raises(DataError, match="at least two"):
        adopt.check_trainable("regression1d", np.zeros((1, 1)), np.zeros(1))
    adopt.check_trainable("classification", np.zeros((2, 2)), np.array([0, 1]))
    adopt.check_trainable(task_of("regression"), np.zeros((2, 2)), np.zeros(2))


def test_adopt_dataset_picks_the_task_and_checks_the_plane():
    X2 = np.array([[0.0, 1.0], [2.0, -3.0]])
    assert adopt.adopt_dataset(Dataset(X2, np.array([0, 2]), "classification", 3, "d"), bounds_of, 100)[::3] == (
        "classification", 3)
    reg = Dataset(X2, np.array([0.5, 1.0]), "regression", 0, "d")
    assert adopt.adopt_dataset(reg, bounds_of, 100)[0] == "regression"
    assert adopt.adopt_dataset(Dataset(X2[:, :1], np.array([0.5, 1.0]), "regression", 0, "d"), bounds_of,
                               100)[0] == "regression1d"
    with pytest.raises(ValueError, match="outside the playground"):
        adopt.adopt_dataset(Dataset(X2 * 10, np.array([0, 1]), "classification", 2, "d"), bounds_of, 100)
    with pytest.raises(ValueError, match="at most 1"):
        adopt.adopt_dataset(Dataset(X2, np.array([0, 1]), "classification", 2, "d"), bounds_of, 1)
    with pytest.raises(ValueError, match="at most 8 classes"):
        adopt.adopt_dataset(Dataset(X2, np.array([0, 9]), "classification", 10, "d"), bounds_of, 100)


def test_fold_input_scaling_is_exact(rng):
    W, b = rng.standard_normal((4, 3)), rng.standard_normal(4)
    m1, s1, m2, s2 = rng.standard_normal(3), rng.uniform(0.5, 2, 3), rng.standard_normal(3), rng.uniform(0.5, 2, 3)
    W2, b2 = adopt.fold_input_scaling(W, b, m1, s1, m2, s2)
    x = rng.standard_normal((10, 3))
    np.testing.assert_allclose((x - m2) / s2 @ W2.T + b2, (x - m1) / s1 @ W.T + b, rtol=1e-12, atol=1e-12)
