"""Export to PyTorch: the written .py rebuilds the same network and gives the engine's outputs.

The comparison tests need PyTorch and are skipped (with the reason shown by `pytest -ra`) without it;
the file-writing tests run everywhere, and show that exporting never imports torch.
"""
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
from engine.data import make_dataset
from engine.layers import ACTIVATIONS
from engine.torch_export import export_torch, torch_script, weights_arrays

ROOT = Path(__file__).resolve().parent.parent


def spiral_pipeline(**recipe):
    ds = make_dataset("spiral", n=200, noise=0.1, n_classes=3, rng=np.random.default_rng(0))
    return engine.fit({"hidden": [{"units": 12, "activation": "tanh"}] * 2, **recipe}, ds.X, ds.y, epochs=3), ds


def load_script(path):
    spec = importlib.util.spec_from_file_location(f"exported_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_export_writes_a_script_and_plain_arrays_without_importing_torch(tmp_path):
    pipe, _ = spiral_pipeline(features=["x1", "x2", "x1*x2", "sin x1"], dropout=0.2)
    script, weights = export_torch(pipe, tmp_path / "net.py")
    assert script.name == "net.py" and weights.name == "net_weights.npz"
    with np.load(weights, allow_pickle=False) as z:   # plain arrays: readable without pickle
        names = set(z.files)
        np.testing.assert_array_equal(z["net.0.weight"], pipe.model[0].weight.data)
    assert names == set(weights_arrays(pipe)) and {"scale.mean", "scale.std"} <= names
    text = script.read_text()
    compile(text, str(script), "exec")
    assert "torch.sin(a)" in text and "a * b" in text and "nn.Dropout(0.2)" in text and "pickle" in text
    probe = (f"import sys, json; sys.path.insert(0, {str(ROOT)!r}); import engine, engine.torch_export, engine.cli; "
             "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'torch')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert json.loads(out.stdout) == []


def test_export_refuses_a_layer_torch_code_cannot_express():
    class Odd(engine.Module):
        def forward(self, x):
            return x

        def get_config(self):
            return {"type": "Odd"}

    pipe = engine.Pipeline(engine.Sequential(engine.Linear(2, 2, rng=np.random.default_rng(0)), Odd()))
    with pytest.raises(ValueError, match="Odd"):
        torch_script(pipe, "w.npz")


def test_cli_export_torch_and_numpy(tmp_path):
    from engine.cli import export_main
    pipe, _ = spiral_pipeline()
    pipe.save(tmp_path / "m.npz")
    assert export_main(["--torch", str(tmp_path / "m.npz")]) == 0
    assert (tmp_path / "m_torch.py").is_file() and (tmp_path / "m_torch_weights.npz").is_file()
    assert export_main(["--numpy", str(tmp_path / "m.npz"), "-o", str(tmp_path / "np.py")]) == 0
    assert (tmp_path / "np.py").is_file()
    assert export_main(["--torch", str(tmp_path / "missing.npz")]) == 1
    assert export_main([str(tmp_path / "m.npz")]) == 2          # --torch or --numpy is required


# -- with PyTorch --------------------------------------------------------------------------------
def need_torch(what):
    try:
        import torch  # noqa: F401
    except ImportError:
        pytest.skip(f"PyTorch is not installed (pip install torch), so {what}")


CASES = [
    ("cross_entropy", "relu", ["x1", "x2", "x1^2", "x2^2"]),
    ("bce", "sigmoid", ["x1", "x2", "x1*x2"]),
    ("cross_entropy", "leaky_relu", ["x1", "sin x2"]),
    ("mse", "tanh", ["x1", "x2", "sin x1"]),
    ("l1", "identity", ["x1", "x2"]),
]
# every activation of the registry is exported and compared, whichever loss it is paired with
_LOSSES = ("cross_entropy", "mse", "bce", "l1")
CASES += [(_LOSSES[i % 4], name, ["x1", "x2"]) for i, name in enumerate(ACTIVATIONS)
          if name not in {c[1] for c in CASES}]


@pytest.mark.parametrize("loss, activation, features", CASES)
def test_the_exported_network_matches_the_engine(tmp_path, loss, activation, features):
    need_torch("the export is not compared")
    rng = np.random.default_rng(1)
    X = rng.uniform(-2, 2, (300, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int) if loss in ("cross_entropy", "bce") else np.sin(X[:, 0]) + X[:, 1]
    recipe = {"hidden": [{"units": 10, "activation": activation}] * 2, "features": features, "loss": loss,
              "dropout": 0.1, "optimizer": "adam", "lr": 0.01}
    pipe = engine.fit(recipe, X, y, epochs=5)
    script, _ = export_torch(pipe, tmp_path / f"{loss}_{activation}.py")
    m = load_script(script)
    model = m.load_model()
    Xq = np.random.default_rng(2).normal(0, 2, (1000, 2))
    if pipe.task == "classification":
        got, want = m.predict_proba(model, Xq).numpy(), pipe.predict_proba(Xq)
    else:
        got, want = m.predict(model, Xq).numpy(), pipe.predict(Xq)
    assert got.dtype == np.float32
    assert np.max(np.abs(got - want)) <= 1e-5
    if pipe.task == "classification":
        np.testing.assert_array_equal(m.predict(model, Xq).numpy(), pipe.predict(Xq))


def test_the_exported_file_runs_as_a_program(tmp_path):
    need_torch("the exported demo cannot run")
    pipe = engine.load_model(engine.shipped_model_path())          # the shipped MNIST model: pixels / 255
    script, _ = export_torch(pipe, tmp_path / "mnist_torch.py")
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "Linear(in_features=784" in r.stdout and r.stdout.count(" -> ") == 5
    m = load_script(script)
    images = np.random.default_rng(0).integers(0, 256, (50, 784)).astype(np.float64)
    np.testing.assert_allclose(m.predict_proba(m.load_model(), images).numpy(), pipe.predict_proba(images), atol=1e-5)
