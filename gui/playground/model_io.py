"""Conversions between the playground and the engine's files (no Qt): points ↔ Dataset (CSV) and
trained weights ↔ Pipeline (model file).

The playground standardises its inputs with a fixed scaling over the whole plane (job.fixed_scaling);
an exported Pipeline carries it as mean/std, so `Pipeline.predict` on raw points gives what the app
shows. A loaded Pipeline may use any scaling (feature columns always come in FEATURES order): it is folded
into the first Linear layer (W' = W·diag(s_g/s_p), b' = b + W·(m_g − m_p)/s_p), an exact rewrite of the same function.
"""
from __future__ import annotations

import numpy as np

from engine import Linear, Pipeline
from engine.data import FEATURES, Dataset
from engine.layers import ACTIVATIONS, Dropout, LeakyReLU
from engine.recipe import MAX_LAYERS, build_model_from_recipe, validate_recipe
from gui.playground.job import fixed_scaling
from gui.playground.points import MAX_POINTS, PointSet
from gui.widgets.colors import CLASS_NAMES

ONE_D_FEATURES = ("x1", "x1^2", "sin x1")
MAX_CLASSES = 8


# -- points -----------------------------------------------------------------------------------------
def task_for_dataset(ds: Dataset, bounds_2d, bounds_1d) -> tuple[str, np.ndarray, np.ndarray, int]:
    """(playground task, X, y, n_classes) for a loaded points file; ValueError if it cannot be shown."""
    d = ds.X.shape[1]
    if ds.task == "classification":
        if d != 2:
            raise ValueError(f"{ds.name}: class points need two coordinates (x1,x2,label), this file has {d}.")
        k = int(ds.n_classes)
        if k > MAX_CLASSES or (len(ds.y) and (ds.y.min() < 0 or ds.y.max() >= MAX_CLASSES)):
            raise ValueError(f"{ds.name}: the playground shows at most {MAX_CLASSES} classes (labels 0–7); "
                             f"this file has labels up to {int(ds.y.max())}.")
        task, k = "classification", max(2, k)
    elif d == 2:
        task, k = "regression", 0
    elif d == 1:
        task, k = "regression1d", 0
    else:
        raise ValueError(f"{ds.name}: the playground takes 1 or 2 input columns, this file has {d}.")
    if len(ds.X) > MAX_POINTS:
        raise ValueError(f"{ds.name}: {len(ds.X):,} points; the playground holds at most {MAX_POINTS:,}.")
    xmin, xmax, ymin, ymax = bounds_1d if task == "regression1d" else bounds_2d
    X = np.asarray(ds.X, np.float64)
    y = np.asarray(ds.y)
    inside = (X[:, 0] >= xmin) & (X[:, 0] <= xmax)
    if task == "regression1d":
        inside &= (y >= ymin) & (y <= ymax)
        where = f"x in [{xmin:g}, {xmax:g}] and targets in [{ymin:g}, {ymax:g}]"
    else:
        inside &= (X[:, 1] >= ymin) & (X[:, 1] <= ymax)
        where = f"x1 and x2 in [{xmin:g}, {xmax:g}]"
    if not inside.all():
        i = int(np.flatnonzero(~inside)[0])
        raise ValueError(f"{ds.name}: {int((~inside).sum()):,} point(s) lie outside the playground, e.g. "
                         f"point {i + 1} {tuple(round(float(v), 4) for v in X[i])}; it shows {where} — "
                         "rescale the data first.")
    return task, X, y, k


def dataset_from_points(ps: PointSet, task: str, name: str = "points") -> Dataset:
    """The current task's points as an engine Dataset (ValueError if there are none)."""
    if ps.n == 0:
        raise ValueError("There are no points to export: add some first.")
    if task == "classification":
        return Dataset(np.array(ps.xy), np.array(ps.label), "classification", int(ps.n_classes), name,
                       tuple(CLASS_NAMES[:ps.n_classes]))
    if task == "regression":
        return Dataset(np.array(ps.xy), np.array(ps.target), "regression", 0, name)
    return Dataset(np.array(ps.xy[:, :1]), np.array(ps.xy[:, 1]), "regression", 0, name)


# -- models -----------------------------------------------------------------------------------------
def make_pipeline(recipe: dict, task: str, n_classes: int, weights: dict, bounds, meta: dict) -> Pipeline:
    """A Pipeline of the playground's network with these weights and its fixed input scaling."""
    feats = tuple(recipe["features"])
    one_d = task == "regression1d"
    n_out = n_classes if task == "classification" else 1
    model = build_model_from_recipe(recipe, len(feats), n_out, np.random.default_rng(0))
    model.load_state_dict(weights)
    mean, std = fixed_scaling(feats, one_d, bounds)
    return Pipeline(model, "classification" if task == "classification" else "regression",
                    n_classes if task == "classification" else 0, feats, mean, std,
                    tuple(CLASS_NAMES[:n_classes]) if task == "classification" else (), dict(meta))


def _hidden_of(model) -> tuple[list[dict], float, list[Linear]]:
    """The builder's hidden layers, the dropout and the Linear layers of `model`; ValueError otherwise."""
    layers = list(model.layers)
    names = {cls: name for name, cls in ACTIVATIONS.items()}
    hidden, linears, dropout = [], [], 0.0
    i = 0
    while i < len(layers):
        lin = layers[i]
        if not isinstance(lin, Linear):
            raise ValueError(f"layer {i} is a {type(lin).__name__} where the playground expects a Linear layer")
        linears.append(lin)
        i += 1
        act = None
        while i < len(layers) and not isinstance(layers[i], Linear):
            l = layers[i]
            if isinstance(l, Dropout):
                dropout = float(l.p)
            elif type(l) in names and act is None:
                if isinstance(l, LeakyReLU) and l.get_config() != LeakyReLU().get_config():
                    raise ValueError("a Leaky ReLU with a different slope than the builder's")
                act = names[type(l)]
            else:
                raise ValueError(f"layer {i} ({type(l).__name__}) is not one the network builder can show")
            i += 1
        if i < len(layers):
            hidden.append({"units": int(lin.out_features), "activation": act or "identity"})
        elif act not in (None, "identity"):
            raise ValueError(f"the output layer ends with {act}; the playground's outputs are linear "
                             "(softmax or squared error follow in the loss)")
    if len(hidden) > MAX_LAYERS:
        raise ValueError(f"{len(hidden)} hidden layers; the builder shows at most {MAX_LAYERS}")
    return hidden, dropout, linears


def adopt_pipeline(pipe: Pipeline, base_recipes: dict, bounds_2d, bounds_1d) -> tuple[str, dict, dict, int]:
    """(playground task, recipe, state_dict, n_classes) for a loaded Pipeline, or ValueError (clear
    message) if the playground cannot show it. `base_recipes[task]` gives the training settings."""
    model = pipe.model
    lin0 = next((l for l in model.layers if isinstance(l, Linear)), None)
    if lin0 is None:
        raise ValueError("This model has no Linear layer: the playground cannot show it.")
    feats = pipe.features
    if feats is None:
        n_raw = lin0.in_features
        if n_raw not in (1, 2):
            raise ValueError(f"This model takes {n_raw:,} inputs; the 2D playground takes 2 (x₁, x₂), or 1 (x) "
                             "for the curve task. Load it in the mode it was made for.")
        feats = ("x1", "x2") if n_raw == 2 else ("x1",)
    feats = tuple(feats)
    bad = [f for f in feats if f not in FEATURES]
    if bad or len(set(feats)) != len(feats) or not feats:
        raise ValueError(f"This model uses input features {list(feats)} the playground does not offer "
                         f"(it offers {', '.join(FEATURES)}).")
    one_d = all("x2" not in f for f in feats)
    if pipe.task == "classification":
        if one_d:
            raise ValueError("This is a classifier of one input; the playground classifies points of the plane "
                             "(two inputs).")
        task, k = "classification", int(pipe.n_classes)
        if not 2 <= k <= MAX_CLASSES:
            raise ValueError(f"This classifier has {k} classes; the playground shows 2 to {MAX_CLASSES}.")
    else:
        task, k = ("regression1d" if one_d else "regression"), 0
    if one_d and any(f not in ONE_D_FEATURES for f in feats):
        raise ValueError(f"The curve task offers the features {', '.join(ONE_D_FEATURES)}, not {list(feats)}.")
    try:
        hidden, dropout, linears = _hidden_of(model)
    except ValueError as exc:
        raise ValueError(f"The playground cannot show this network: {exc}.") from None
    if linears[0].in_features != len(feats):
        raise ValueError("This model's first layer does not match its features.")
    n_out = k if task == "classification" else 1
    if linears[-1].out_features != n_out:
        raise ValueError(f"This model has {linears[-1].out_features} outputs; the playground's {task} network "
                         f"needs {n_out}.")
    feats_sorted = [f for f in FEATURES if f in feats]   # expand_features' column order, whatever `feats` says
    order = np.arange(len(feats))
    base = dict(base_recipes[task])
    loss = base["loss"] if task != "classification" else "cross_entropy"
    meta_recipe = (pipe.meta or {}).get("recipe") if isinstance(pipe.meta, dict) else None
    if isinstance(meta_recipe, dict):       # our own export: its training settings come back too
        for key in ("optimizer", "lr", "momentum", "batch_size", "l1", "l2"):
            if key in meta_recipe:
                base[key] = meta_recipe[key]
        if task != "classification" and meta_recipe.get("loss") in ("mse", "l1"):
            loss = meta_recipe["loss"]
    base.update(hidden=hidden, features=feats_sorted, loss=loss, dropout=dropout)
    try:
        recipe = validate_recipe(base)
    except ValueError:
        base.update({k: base_recipes[task][k] for k in ("optimizer", "lr", "momentum", "batch_size", "l1", "l2")})
        recipe = validate_recipe(base)
    # the new model, with the pipeline's weights and its scaling folded into the first layer
    target = build_model_from_recipe(recipe, len(feats), n_out, np.random.default_rng(0))
    t_lin = [l for l in target.layers if isinstance(l, Linear)]
    if [(l.in_features, l.out_features) for l in t_lin] != [(l.in_features, l.out_features) for l in linears]:
        raise ValueError("The playground cannot rebuild this network's layers.")
    m_g, s_g = fixed_scaling(tuple(feats_sorted), one_d, bounds_1d if one_d else bounds_2d)
    m_p = np.zeros(len(feats)) if pipe.mean is None else np.asarray(pipe.mean, np.float64).reshape(-1)[order]
    s_p = np.ones(len(feats)) if pipe.std is None else np.asarray(pipe.std, np.float64).reshape(-1)[order]
    W = np.asarray(linears[0].weight.data, np.float64)[:, order]
    b = (np.zeros(W.shape[0]) if linears[0].bias is None else np.asarray(linears[0].bias.data, np.float64))
    W1 = W * (s_g / s_p)[None, :]
    b1 = b + W @ ((m_g - m_p) / s_p)
    for i, (src, dst) in enumerate(zip(linears, t_lin)):
        w = W1 if i == 0 else np.asarray(src.weight.data, np.float64)
        bb = b1 if i == 0 else (np.zeros(dst.out_features) if src.bias is None else src.bias.data)
        if not (np.all(np.isfinite(w)) and np.all(np.isfinite(bb))):
            raise ValueError("This model's weights are not finite numbers.")
        dst.weight.data[...] = w
        dst.bias.data[...] = bb
    return task, recipe, target.state_dict(), k
