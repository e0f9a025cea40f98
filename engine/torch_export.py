"""Export a trained Pipeline to PyTorch: a self-contained .py file plus its weights in a .npz beside it.

The script builds the same network as a `torch.nn.Sequential` — input features, standardisation,
then the engine's layers at the same positions — and loads every weight, bias, mean and std from
the .npz with `numpy.load(allow_pickle=False)` (plain arrays, no pickle). Started as a program it
prints the network and a few predictions. PyTorch is needed only to run the exported file: this
module writes text and arrays and never imports torch.
"""
from __future__ import annotations

import datetime as _dt
import io
from pathlib import Path

import numpy as np

from .fileio import atomic_write_bytes
from .layers import Activation
from .model import describe
from .pipeline import Pipeline

# feature name -> torch expression in a (= x1) and b (= x2), in engine.data.FEATURES order
_FEATURE_EXPR = {"x1": "a", "x2": "b", "x1^2": "a * a", "x2^2": "b * b", "x1*x2": "a * b",
                 "sin x1": "torch.sin(a)", "sin x2": "torch.sin(b)"}


def _layer_code(layer) -> str:
    """The torch.nn constructor for one engine layer (same position, same parameter names)."""
    kind = type(layer).__name__
    cfg = layer.get_config()
    if kind == "Linear":
        return f"nn.Linear({cfg['in_features']}, {cfg['out_features']}, bias={bool(cfg.get('bias', True))})"
    if kind == "Dropout":
        return f"nn.Dropout({float(cfg.get('p', 0.5))!r})"  # identity in eval mode
    if kind == "Softmax":
        return "nn.Softmax(dim=1)"
    if isinstance(layer, Activation):          # the activation registry (engine/layers.py) knows its line
        return layer.torch_code.format(**{k: v for k, v in cfg.items() if k != "type"})
    raise ValueError(f"torch export: cannot export a {kind} layer")


def weights_arrays(pipeline: Pipeline) -> dict[str, np.ndarray]:
    """The arrays the script loads, under the names of its torch state_dict."""
    dtype = np.dtype(pipeline.dtype)
    arrays = {f"net.{k}": np.ascontiguousarray(v, dtype) for k, v in pipeline.model.state_dict().items()}
    if pipeline.mean is not None:
        arrays["scale.mean"] = np.asarray(pipeline.mean, np.float64)
    if pipeline.std is not None:
        arrays["scale.std"] = np.asarray(pipeline.std, np.float64)
    return arrays


def torch_script(pipeline: Pipeline, weights_name: str, *, title: str = "") -> str:
    """Python source building the network in PyTorch; it reads `weights_name` from its own folder."""
    model = pipeline.model
    dtype = np.dtype(pipeline.dtype).name
    task = pipeline.task
    feats = None if pipeline.features is None else list(pipeline.features)
    n_raw = pipeline._n_raw_inputs()
    classes = list(pipeline.class_names) or ([str(i) for i in range(max(pipeline.n_classes, 2))]
                                             if pipeline.is_classification else [])
    layers = ",\n        ".join(_layer_code(layer) for layer in model)
    if feats is None:
        features_code = "        return x"
    else:
        cols = ", ".join(_FEATURE_EXPR[f] for f in feats)
        features_code = ("        a = x[:, 0]\n"
                         + ("        b = x[:, 1]\n" if n_raw == 2 else "")
                         + f"        return torch.stack([{cols}], dim=1)")
    has_mean, has_std = pipeline.mean is not None, pipeline.std is not None
    linears = [m for m in model if type(m).__name__ == "Linear"]
    n_net_in = linears[0].in_features
    outputs = ("predict(X) gives class indices (see CLASS_NAMES), predict_proba(X) class probabilities."
               if pipeline.is_classification else "predict(X) gives the predicted values, shape (n,).")
    single_logit = pipeline.is_classification and linears[-1].out_features == 1
    proba_code = ("p = torch.sigmoid(s)\n    return torch.cat([1 - p, p], dim=1)" if single_logit
                  else "return torch.softmax(s, dim=1)")
    when = _dt.date.today().isoformat()
    head = title or "A network exported from MLP Studio"
    demo_x = ("torch.rand(5, N_INPUTS, dtype=torch.float64) * 255" if feats is None and has_std
              and float(np.max(pipeline.std)) == 255.0 else "torch.randn(5, N_INPUTS, dtype=torch.float64)")
    return f'''"""{head} — as a PyTorch model.

Network: {describe(model)} ({task}), exported {when}.
Raw inputs: {n_raw} column(s){'' if feats is None else ', expanded to the features ' + ', '.join(feats)}
{'' if not (has_mean or has_std) else 'then standardised (mean and std stored with the weights)'}.
{outputs}
The weights are read from {weights_name} next to this file (numpy.load, no pickle).
Needs: torch and numpy. Run `python {{this file}}` for a small demo.
"""
from pathlib import Path

import numpy as np
import torch
from torch import nn

TASK = {task!r}
CLASS_NAMES = {classes!r}
FEATURES = {feats!r}
N_INPUTS = {n_raw}
DTYPE = torch.{dtype}
WEIGHTS_FILE = Path(__file__).with_name({weights_name!r})


class Features(nn.Module):
    """Raw inputs (n, N_INPUTS) -> the input features the network was trained on (float64)."""

    def forward(self, x):
{features_code}


class Standardize(nn.Module):
    """(x - mean) / std per column in float64, then the network's dtype (as MLP Studio computes it)."""

    def __init__(self, n):
        super().__init__()
        self.register_buffer("mean", torch.zeros(n, dtype=torch.float64))
        self.register_buffer("std", torch.ones(n, dtype=torch.float64))

    def forward(self, x):
        return ((x - self.mean) / self.std).to(DTYPE)


def build_model():
    """The same layers as in MLP Studio (fresh weights): features -> scaling -> network."""
    return nn.Sequential(OrderedDict(
        features=Features(),
        scale=Standardize({n_net_in}),
        net=nn.Sequential(
        {layers},
        ).to(DTYPE),
    ))


def load_model(path=WEIGHTS_FILE):
    """build_model() with the trained weights from `path`, in eval mode."""
    model = build_model()
    with np.load(path, allow_pickle=False) as z:
        state = {{name: torch.from_numpy(z[name].copy()) for name in z.files}}
    state.setdefault("scale.mean", model.scale.mean)
    state.setdefault("scale.std", model.scale.std)
    model.load_state_dict(state)
    return model.eval()


def predict_scores(model, X):
    """Raw network outputs for raw inputs X (anything torch.as_tensor takes, shape (n, N_INPUTS))."""
    x = torch.as_tensor(np.asarray(X, dtype=np.float64)).reshape(-1, N_INPUTS)
    with torch.no_grad():
        return model(x)


def predict_proba(model, X):
    """Class probabilities (n, classes)."""
    s = predict_scores(model, X)
    {proba_code}


def predict(model, X):
    """Class indices (classification) or values (regression)."""
    s = predict_scores(model, X)
    if TASK == "regression":
        return s[:, 0]
    return s.argmax(dim=1) if s.shape[1] > 1 else (s[:, 0] > 0).long()


if __name__ == "__main__":
    model = load_model()
    print(model)
    X = {demo_x}
    if TASK == "classification":
        for x, p in zip(X, predict_proba(model, X)):
            k = int(p.argmax())
            shown = f"{{[round(v, 3) for v in x.tolist()[:4]]}}{{' ...' if N_INPUTS > 4 else ''}}"
            print(f"input {{shown}} -> {{CLASS_NAMES[k]}} ({{float(p[k]):.1%}})")
    else:
        for x, v in zip(X, predict(model, X)):
            print(f"input {{x.tolist()}} -> {{float(v):.4f}}")
'''.replace("from pathlib import Path\n", "from collections import OrderedDict\nfrom pathlib import Path\n", 1)


def export_torch(pipeline: Pipeline, path, *, title: str = "") -> tuple[Path, Path]:
    """Write `path` (.py) and its weights `<stem>_weights.npz` beside it; return both paths."""
    path = Path(path)
    if path.suffix != ".py":
        path = path.with_suffix(".py")
    weights = path.with_name(path.stem + "_weights.npz")
    buf = io.BytesIO()
    np.savez(buf, **weights_arrays(pipeline))
    atomic_write_bytes(weights, buf.getvalue())
    atomic_write_bytes(path, torch_script(pipeline, weights.name, title=title).encode("utf-8"))
    return path, weights
