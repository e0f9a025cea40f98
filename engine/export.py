"""Export a trained Pipeline as a short, runnable Python script that needs only NumPy.

The script holds the weights (literal numbers for small networks, base64 of the raw little-endian
floats for big ones) and the whole forward pass: input features → standardisation → the layers →
softmax / sigmoid. It defines `predict(X)` (and `predict_proba(X)` for classifiers) and runs a
small demo when started as a program, so a user can take the network anywhere.
"""
from __future__ import annotations

import base64
import datetime as _dt

import numpy as np

from .layers import Linear
from .model import describe
from .pipeline import Pipeline

LITERAL_LIMIT = 400  # up to this many numbers per array, weights are written as readable lists

# feature name -> expression in a (= x1) and b (= x2), in engine.data.FEATURES order
_FEATURE_EXPR = {"x1": "a", "x2": "b", "x1^2": "a * a", "x2^2": "b * b", "x1*x2": "a * b",
                 "sin x1": "np.sin(a)", "sin x2": "np.sin(b)"}



def activation_code(layer) -> tuple[str, str, dict]:
    """(name, function source, config) of a parameter-free layer in the exported script: a function
    `name(x, **config)` returning the layer's `numpy_code` (every registered activation, and Softmax)."""
    code = getattr(type(layer), "numpy_code", "")
    name = getattr(type(layer), "name", "")
    if not code or not name:
        raise ValueError(f"numpy_script: cannot export a {type(layer).__name__} layer")
    config = {k: v for k, v in layer.get_config().items() if k != "type"}
    args = "".join(f", {k}" for k in config)
    return name, f"def {name}(x{args}):\n    return {code}", config


def _shortest(arr: np.ndarray):
    """Nested lists of Python floats with the shortest decimals that give back `arr`'s values."""
    if arr.ndim == 0:
        return float(str(arr[()]))
    return [_shortest(a) for a in arr]


def _array_code(arr: np.ndarray, dtype: str, indent: str = "    ") -> str:
    arr = np.asarray(arr)
    if arr.size <= LITERAL_LIMIT:
        short = arr.astype(dtype)  # shortest text that reads back to exactly these numbers in `dtype`
        values = _shortest(short)
        if arr.ndim == 2 and arr.shape[0] > 1:  # one matrix row per line
            rows = f",\n{indent}    ".join(repr(r) for r in values)
            return f"np.array([\n{indent}    {rows}], dtype=np.{dtype})"
        return f"np.array({values!r}, dtype=np.{dtype})"
    raw = np.ascontiguousarray(arr, dtype=np.dtype(dtype).newbyteorder("<")).tobytes()
    b64 = base64.b64encode(raw).decode("ascii")
    return f'_unpack("{b64}", {tuple(arr.shape)!r}, np.{dtype})'


def numpy_script(pipeline: Pipeline, *, title: str = "") -> str:
    """Python source (NumPy only) computing the same outputs as `pipeline` for raw inputs X."""
    model = pipeline.model
    dtype = np.dtype(pipeline.dtype).name  # "float32" or "float64"
    layers, weights, functions = [], [], {}
    for layer in model:
        if isinstance(layer, Linear):
            i = len(weights)
            weights.append((f"W{i}", layer.weight.data, f"b{i}", None if layer.bias is None else layer.bias.data))
            bias = "None" if layer.bias is None else f'"b{i}"'
            layers.append(f'("linear", "W{i}", {bias})')
        elif type(layer).__name__ == "Dropout":
            continue  # identity at prediction time
        else:
            name, source, config = activation_code(layer)
            functions.setdefault(name, source)
            layers.append(f'("{name}", {config!r})')
    task = pipeline.task
    feats = None if pipeline.features is None else list(pipeline.features)
    n_raw = pipeline._n_raw_inputs()
    classes = list(pipeline.class_names) or ([str(i) for i in range(max(pipeline.n_classes, 2))]
                                             if pipeline.is_classification else [])

    L = []
    add = L.append
    when = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    add('"""' + (title or "A network exported from MLP Studio") + ".")
    add("")
    add(f"Network: {describe(model)} ({model.num_parameters():,} parameters), {task}"
        + (f" with {len(classes)} classes" if pipeline.is_classification else "") + f"; exported {when}.")
    add(f"Needs only NumPy. Input: raw points X of shape (n, {n_raw}).")
    if pipeline.is_classification:
        add("predict(X) gives class indices (see CLASS_NAMES), predict_proba(X) class probabilities.")
    else:
        add("predict(X) gives the predicted values, shape (n,).")
    add('"""')
    add("import base64")
    add("")
    add("import numpy as np")
    add("")
    add(f"FEATURES = {feats!r}  # input features computed from the raw columns x1, x2 (None: raw inputs)")
    if pipeline.is_classification:
        add(f"CLASS_NAMES = {classes!r}")
    add(f"N_INPUTS = {n_raw}")
    add("")
    add("")
    add("def features(X):")
    add('    """Raw points (n, N_INPUTS) -> the network\'s input columns, standardised."""')
    add("    X = np.asarray(X, dtype=np.float64)")
    add("    if X.ndim == 1:")
    add("        X = X[:, None]")
    if feats is not None:
        add("    a = X[:, 0]")
        if n_raw > 1:
            add("    b = X[:, 1]")
        cols = [_FEATURE_EXPR[f] for f in _FEATURE_EXPR if f in set(feats)]
        add(f"    X = np.column_stack([{', '.join(cols)}])")
    if pipeline.mean is not None:
        add("    X = X - MEAN")
    if pipeline.std is not None:
        add("    X = X / STD")
    add(f"    return np.ascontiguousarray(X, dtype=np.{dtype})")
    add("")
    add("")
    for source in functions.values():     # the activations this network uses
        add(source)
        add("")
        add("")
    add(f"ACTIVATIONS = {{{', '.join(f'{n!r}: {n}' for n in functions)}}}")
    add("")
    add("")
    add("def forward(X):")
    add('    """The network\'s raw outputs (scores or values) for raw points X."""')
    add("    x = features(X)")
    add("    for layer in LAYERS:")
    add('        if layer[0] == "linear":')
    add("            x = x @ WEIGHTS[layer[1]].T")
    add("            if layer[2] is not None:")
    add("                x = x + WEIGHTS[layer[2]]")
    add("        else:")
    add("            x = ACTIVATIONS[layer[0]](x, **layer[1])")
    add("    return x")
    add("")
    add("")
    add("def _softmax(z):")
    add("    e = np.exp(z - z.max(axis=1, keepdims=True))")
    add("    return e / e.sum(axis=1, keepdims=True)")
    add("")
    add("")
    if pipeline.is_classification:
        add("def predict_proba(X):")
        add('    """Class probabilities, shape (n, classes)."""')
        add("    out = forward(X)")
        add("    if out.shape[1] == 1:  # one logit: sigmoid gives P(class 1)")
        add("        p = 0.5 * (1 + np.tanh(0.5 * out))")
        add("        return np.hstack([1 - p, p])")
        add("    return _softmax(out)")
        add("")
        add("")
        add("def predict(X):")
        add('    """Class indices, shape (n,)."""')
        add("    out = forward(X)")
        add("    if out.shape[1] == 1:")
        add("        return (out[:, 0] > 0).astype(np.int64)")
        add("    return out.argmax(axis=1)")
    else:
        add("def predict(X):")
        add('    """Predicted values, shape (n,)."""')
        add("    return forward(X)[:, 0]")
    add("")
    add("")
    add("def _unpack(text, shape, dtype):")
    add('    raw = np.frombuffer(base64.b64decode(text), dtype=np.dtype(dtype).newbyteorder("<"))')
    add("    return raw.astype(dtype).reshape(shape)")
    add("")
    add("")
    add("# ---- the trained parameters " + "-" * 60)
    if pipeline.mean is not None:
        add(f"MEAN = {_array_code(pipeline.mean, 'float64')}")
    if pipeline.std is not None:
        add(f"STD = {_array_code(pipeline.std, 'float64')}")
    add("LAYERS = [")
    for spec in layers:
        add(f"    {spec},")
    add("]")
    add("WEIGHTS = {")
    for wname, w, bname, b in weights:
        add(f'    "{wname}": {_array_code(w, dtype)},')
        if b is not None:
            add(f'    "{bname}": {_array_code(b, dtype)},')
    add("}")
    add("")
    add("")
    add('if __name__ == "__main__":')
    add("    rng = np.random.default_rng(0)")
    if n_raw <= 2:
        add("    X = rng.uniform(-5, 5, size=(5, N_INPUTS))")
    else:
        add("    X = rng.uniform(0, 255, size=(5, N_INPUTS))  # e.g. flattened images")
    add("    for x, y in zip(X, predict(X)):")
    if pipeline.is_classification:
        add("        print(np.round(x[:4], 3), '->', CLASS_NAMES[y] if y < len(CLASS_NAMES) else y)")
    else:
        add("        print(np.round(x[:4], 3), '->', round(float(y), 4))")
    add("")
    return "\n".join(L)


def save_numpy_script(path, pipeline: Pipeline, **kwargs) -> None:
    """Write numpy_script(pipeline) atomically (OSError on failure)."""
    from .fileio import atomic_write_text
    atomic_write_text(path, numpy_script(pipeline, **kwargs))
