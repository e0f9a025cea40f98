"""The NumPy script export: a standalone script that computes what the Pipeline computes."""
import runpy
import subprocess
import sys

import numpy as np
import pytest

import engine
from engine.export import LITERAL_LIMIT, numpy_script, save_numpy_script


def run_script(source: str) -> dict:
    namespace: dict = {"__name__": "exported"}
    exec(compile(source, "exported.py", "exec"), namespace)
    return namespace


def trained_pipeline(rng, sizes, acts, task, features, n_classes, dtype="float32"):
    model = engine.mlp(sizes, acts, rng=rng, dtype=dtype, dropout=0.1)
    for p in model.parameters():  # non-zero biases, so a forgotten bias shows
        p.data[...] = rng.normal(0, 0.7, p.data.shape).astype(p.data.dtype)
    n_in = sizes[0]
    return engine.Pipeline(model, task, n_classes, features, rng.normal(0, 1, n_in), rng.uniform(0.5, 2, n_in),
                           tuple(f"c{i}" for i in range(n_classes)))


CASES = [
    ([2, 6, 3], "tanh", "classification", ("x1", "x2"), 3),
    ([7, 8, 8, 2], ["relu", "sigmoid"], "classification", ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin x1", "sin x2"), 2),
    ([3, 5, 1], "leaky_relu", "classification", ("sin x2", "x1*x2", "x1"), 2),   # one logit (BCE)
    ([2, 40, 40, 1], "identity", "regression", ("x1", "x2"), 0),                   # big: base64 weights
    ([2, 4, 1], "tanh", "regression", ("x1", "x1^2"), 0),                          # 1-D inputs
]


@pytest.mark.parametrize("sizes, acts, task, feats, k", CASES)
def test_script_matches_pipeline(rng, sizes, acts, task, feats, k):
    pipe = trained_pipeline(rng, sizes, acts, task, feats, k)
    ns = run_script(numpy_script(pipe))
    n_raw = pipe._n_raw_inputs()
    X = rng.uniform(-6, 6, size=(300, n_raw))
    if task == "classification":
        np.testing.assert_allclose(ns["predict_proba"](X), pipe.predict_proba(X), rtol=1e-5, atol=1e-6)
        agree = np.mean(ns["predict"](X) == pipe.predict(X))
        assert agree >= 0.99  # ties at the decision boundary may round either way in the last bit
        assert ns["CLASS_NAMES"] == [f"c{i}" for i in range(k)]
    else:
        np.testing.assert_allclose(ns["predict"](X), pipe.predict(X), rtol=1e-5, atol=1e-5)
    assert "import torch" not in numpy_script(pipe)


def test_small_nets_have_readable_literal_weights_big_ones_base64(rng):
    small = numpy_script(trained_pipeline(rng, [2, 3, 2], "tanh", "classification", None, 2))
    assert "_unpack(\"" not in small and "\"W0\": np.array([" in small
    big = numpy_script(trained_pipeline(rng, [2, LITERAL_LIMIT, 2], "tanh", "classification", None, 2))
    assert "_unpack(\"" in big


def test_mnist_sized_float64_net_without_features(rng):
    model = engine.mlp([784, 32, 10], "relu", rng=rng, dtype="float64")
    pipe = engine.Pipeline(model, "classification", 10, None, None, None)
    ns = run_script(numpy_script(pipe))
    X = rng.uniform(0, 1, size=(20, 784))
    np.testing.assert_allclose(ns["forward"](X), engine.predict_scores(model, X), rtol=1e-12, atol=1e-12)
    assert ns["N_INPUTS"] == 784


def test_script_runs_as_a_program(tmp_path, rng):
    pipe = trained_pipeline(rng, [2, 6, 3], "tanh", "classification", ("x1", "x2"), 3)
    path = tmp_path / "net.py"
    save_numpy_script(path, pipe)
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 5 and all("->" in line and line.split("->")[1].strip() in ("c0", "c1", "c2")
                                   for line in lines)
    ns = runpy.run_path(str(path))  # importing does not run the demo, but the functions are there
    assert callable(ns["predict"])


def test_unexportable_layer_is_refused(rng):
    model = engine.Sequential(engine.Linear(2, 2, rng=rng), engine.Softmax())
    ns = run_script(numpy_script(engine.Pipeline(model, "classification", 2)))
    X = rng.normal(size=(4, 2))
    np.testing.assert_allclose(ns["forward"](X), engine.predict_scores(model, X.astype(np.float32)), rtol=1e-6)

    class Odd(engine.Module):
        def forward(self, x):
            return x
    with pytest.raises(ValueError, match="cannot export"):
        numpy_script(engine.Pipeline(engine.Sequential(engine.Linear(2, 2, rng=rng), Odd()), "classification", 2))


@pytest.mark.parametrize("name", list(engine.ACTIVATIONS))
def test_every_registered_activation_exports(rng, name):
    """A new activation class needs nothing else to export: the script holds its NumPy line."""
    pipe = trained_pipeline(rng, [2, 5, 4, 3], name, "classification", ("x1", "x2"), 3)
    source = numpy_script(pipe)
    assert engine.ACTIVATIONS[name].numpy_code in source
    X = rng.uniform(-6, 6, size=(200, 2))
    np.testing.assert_allclose(run_script(source)["predict_proba"](X), pipe.predict_proba(X), rtol=1e-5, atol=1e-6)
