"""The exported PyTorch file against the engine: the same outputs for every activation and task.

    python benchmarks/bench_torch_export.py      # needs torch (pip install torch==2.13.0)

For each hidden activation (relu, leaky_relu, tanh, sigmoid, identity) and each task (3-class
cross-entropy, binary BCE with one logit, regression with MSE), it trains a small float32 network
with every input feature, standardisation and dropout for a few epochs, exports it with
engine.torch_export, loads the written .py and its weights, and compares the outputs on 1,000 random
raw inputs: class probabilities (classification) or values (regression). Plus the shipped MNIST
model (784 raw pixels / 255). Target: max |torch − engine| ≤ 1e-5 everywhere. Exit code 1 if not.
"""
from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

import engine  # noqa: E402
from engine.data import FEATURES  # noqa: E402
from engine.layers import ACTIVATIONS  # noqa: E402
from engine.torch_export import export_torch  # noqa: E402

TARGET = 1e-5
N = 1000
TASKS = {"3-class cross-entropy": "cross_entropy", "binary BCE": "bce", "regression MSE": "mse"}


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compare(pipe, X, folder: Path, name: str) -> float:
    script, _ = export_torch(pipe, folder / f"{name}.py")
    m = load(script)
    model = m.load_model()
    if pipe.task == "classification":
        got, want = m.predict_proba(model, X).numpy(), pipe.predict_proba(X)
        labels_agree = np.mean(m.predict(model, X).numpy() == pipe.predict(X))
        if labels_agree < 1:
            print(f"  note: {name}: labels agree on {labels_agree:.1%} (ties at the boundary)")
    else:
        got, want = m.predict(model, X).numpy(), pipe.predict(X)
    assert got.shape == want.shape and got.dtype == np.float32, (got.shape, want.shape, got.dtype)
    return float(np.max(np.abs(got.astype(np.float64) - want)))


def main() -> int:
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: pip install torch==2.13.0")
        return 2
    torch.set_num_threads(1)
    print(f"torch {torch.__version__}, numpy {np.__version__}; {N:,} random inputs per network, float32")
    rng = np.random.default_rng(0)
    X_train = rng.uniform(-3, 3, (400, 2))
    targets = {"cross_entropy": (np.digitize(X_train[:, 0] * X_train[:, 1], [-1, 1])),
               "bce": (X_train[:, 0] ** 2 + X_train[:, 1] ** 2 < 4).astype(int),
               "mse": np.sin(X_train[:, 0]) * X_train[:, 1]}
    X_query = np.random.default_rng(1).normal(0, 2.5, (N, 2))
    worst = 0.0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{'activation':<12}" + "".join(f"{t:>24}" for t in TASKS))
        for act in ACTIVATIONS:
            row = []
            for loss in TASKS.values():
                recipe = {"hidden": [{"units": 16, "activation": act}] * 2, "features": list(FEATURES),
                          "loss": loss, "dropout": 0.1, "optimizer": "adam", "lr": 0.01, "dtype": "float32"}
                pipe = engine.fit(recipe, X_train, targets[loss], epochs=10, seed=3)
                d = compare(pipe, X_query, folder, f"{act}_{loss}")
                worst = max(worst, d)
                row.append(d)
            print(f"{act:<12}" + "".join(f"{d:>24.2e}" for d in row))
        shipped = engine.load_model(engine.shipped_model_path())
        pixels = np.random.default_rng(2).integers(0, 256, (N, shipped.model[0].in_features)).astype(np.float64)
        d = compare(shipped, pixels, folder, "mnist_shipped")
        worst = max(worst, d)
        print(f"shipped MNIST model ({engine.describe(shipped.model)}), raw pixels: {d:.2e}")
    ok = worst <= TARGET
    print(f"max |torch - engine| over all networks: {worst:.2e} (target <= {TARGET:g}) -> {'OK' if ok else 'FAIL'}"
          f"  [{time.perf_counter() - t0:.1f} s]")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
