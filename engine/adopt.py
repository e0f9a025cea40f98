"""Fitting networks and data to a playground task (no GUI here): the fixed input scaling of the plane,
"can this train?", a model turned back into a recipe, and a loaded model or points file adopted by a task.

The playground standardises its inputs with a fixed scaling over the whole plane (`fixed_scaling`), so
adding points never shifts what the network sees; an exported Pipeline carries it as mean/std. A loaded
Pipeline may use any scaling: `fold_input_scaling` rewrites its first Linear layer so that the same
function reads the playground's scaling (W' = W·diag(s_g/s_p), b' = b + W·(m_g − m_p)/s_p), exactly.
"""
from __future__ import annotations

import numpy as np

from .data import expand_features
from .errors import DataError
from .layers import ACTIVATIONS, Dropout, LeakyReLU, Linear
from .pipeline import Pipeline
from .recipe import build_model_from_recipe, validate_recipe
from .tasks import FEATURES, LIVE_KEYS, MAX_CLASSES, MAX_LAYERS, MIN_CLASSES, ONE_D_FEATURES, task_of


# -- inputs ------------------------------------------------------------------------------------------
def fixed_scaling(features, one_d: bool, bounds) -> tuple[np.ndarray, np.ndarray]:
    """Mean and std of each feature over a uniform grid of the playground's rectangle `bounds`."""
    xmin, xmax, ymin, ymax = bounds
    g = np.linspace(xmin, xmax, 121)
    if one_d:
        X = g[:, None]
    else:
        gx, gy = np.meshgrid(g, np.linspace(ymin, ymax, 121))
        X = np.column_stack([gx.ravel(), gy.ravel()])
    F = expand_features(X, features)
    std = F.std(axis=0)
    return F.mean(axis=0), np.where(std > 1e-12, std, 1.0)


def fold_input_scaling(W, b, mean_from, std_from, mean_to, std_to) -> tuple[np.ndarray, np.ndarray]:
    """(W', b') of a first Linear layer that gives on (x − mean_to)/std_to what (W, b) gives on
    (x − mean_from)/std_from: W' = W·diag(std_to/std_from), b' = b + W·(mean_to − mean_from)/std_from."""
    W = np.asarray(W, np.float64)
    b = np.zeros(W.shape[0]) if b is None else np.asarray(b, np.float64)
    W1 = W * (np.asarray(std_to, np.float64) / std_from)[None, :]
    return W1, b + W @ ((np.asarray(mean_to, np.float64) - mean_from) / std_from)


# -- training ----------------------------------------------------------------------------------------
def check_trainable(task, X_train, y_train) -> None:
    """DataError with a clear message unless a network of `task` (a name or Task) can train on these points."""
    if len(X_train) == 0:
        raise DataError("There are no training points: add some points (or lower the test share).")
    if task_of(task).is_classification:
        if len(np.unique(np.asarray(y_train))) < 2:
            raise DataError("The training points have only one class: add points of another class "
                            "(the network has nothing to tell apart).")
    elif len(X_train) < 2:
        raise DataError("Regression needs at least two training points.")


# -- models ------------------------------------------------------------------------------------------
def playground_pipeline(recipe: dict, task, n_classes: int, weights: dict, bounds, meta: dict,
                        class_names=()) -> Pipeline:
    """A Pipeline of a playground network with these weights and the task's fixed input scaling."""
    t = task_of(task)
    feats = tuple(recipe["features"])
    k = t.n_outputs(n_classes) if t.is_classification else 0
    model = build_model_from_recipe(recipe, len(feats), k or 1, np.random.default_rng(0))
    model.load_state_dict(weights)
    mean, std = fixed_scaling(feats, t.one_d, bounds)
    return Pipeline(model, t.kind, k, feats, mean, std, tuple(class_names[:k]), dict(meta))


def hidden_layers_of(model) -> tuple[list[dict], float, list[Linear]]:
    """(the recipe's hidden layers, the dropout, the Linear layers) of a Sequential MLP, or ValueError
    naming the layer a recipe cannot describe."""
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
            layer = layers[i]
            if isinstance(layer, Dropout):
                dropout = float(layer.p)
            elif type(layer) in names and act is None:
                if isinstance(layer, LeakyReLU) and layer.get_config() != LeakyReLU().get_config():
                    raise ValueError("a Leaky ReLU with a different slope than the builder's")
                act = names[type(layer)]
            else:
                raise ValueError(f"layer {i} ({type(layer).__name__}) is not one the network builder can show")
            i += 1
        if i < len(layers):
            hidden.append({"units": int(lin.out_features), "activation": act or "identity"})
        elif act not in (None, "identity"):
            raise ValueError(f"the output layer ends with {act}; the playground's outputs are linear "
                             "(softmax or squared error follow in the loss)")
    if len(hidden) > MAX_LAYERS:
        raise ValueError(f"{len(hidden)} hidden layers; the builder shows at most {MAX_LAYERS}")
    return hidden, dropout, linears


def recipe_from_model(model, base: dict, *, features=None, loss: str | None = None) -> dict:
    """The recipe that builds `model`'s layers (hidden sizes, activations, dropout), with every other
    setting from `base` (and `features`/`loss` if given); ValueError if no recipe can describe it."""
    hidden, dropout, _ = hidden_layers_of(model)
    r = dict(base, hidden=hidden, dropout=dropout)
    if features is not None:
        r["features"] = [f for f in FEATURES if f in features]    # canonical order
    if loss is not None:
        r["loss"] = loss
    return validate_recipe(r)


def _task_of_pipeline(pipe: Pipeline) -> tuple[str, int, tuple]:
    """(playground task name, classes, features) a loaded Pipeline fits, or ValueError."""
    lin0 = next((layer for layer in pipe.model.layers if isinstance(layer, Linear)), None)
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
    if task_of(pipe.task).is_classification:
        if one_d:
            raise ValueError("This is a classifier of one input; the playground classifies points of the plane "
                             "(two inputs).")
        k = int(pipe.n_classes)
        if not MIN_CLASSES <= k <= MAX_CLASSES:
            raise ValueError(f"This classifier has {k} classes; the playground shows {MIN_CLASSES} to {MAX_CLASSES}.")
        return "classification", k, feats
    if one_d and any(f not in ONE_D_FEATURES for f in feats):
        raise ValueError(f"The curve task offers the features {', '.join(ONE_D_FEATURES)}, not {list(feats)}.")
    return ("regression1d" if one_d else "regression"), 0, feats


def adopt_pipeline(pipe: Pipeline, base_recipes: dict, bounds_of) -> tuple[str, dict, dict, int]:
    """(playground task, recipe, state_dict, n_classes) for a loaded Pipeline, or ValueError (a clear
    message) if no playground task can show it. `base_recipes[task]` gives the training settings (our
    own exports bring theirs back), `bounds_of(task)` the task's plane. The weights come back with the
    pipeline's input scaling folded into the first layer, so the network computes the same function."""
    task, k, feats = _task_of_pipeline(pipe)
    t = task_of(task)
    try:
        hidden, dropout, linears = hidden_layers_of(pipe.model)
    except ValueError as exc:
        raise ValueError(f"The playground cannot show this network: {exc}.") from None
    if linears[0].in_features != len(feats):
        raise ValueError("This model's first layer does not match its features.")
    n_out = t.n_outputs(k) if t.is_classification else 1
    if linears[-1].out_features != n_out:
        raise ValueError(f"This model has {linears[-1].out_features} outputs; the playground's {task} network "
                         f"needs {n_out}.")
    feats_sorted = [f for f in FEATURES if f in feats]   # expand_features' column order, whatever `feats` says
    base = dict(base_recipes[task])
    loss = t.default_loss if t.is_classification else base["loss"]
    meta_recipe = (pipe.meta or {}).get("recipe") if isinstance(pipe.meta, dict) else None
    train_keys = [key for key in LIVE_KEYS if key in base]
    if isinstance(meta_recipe, dict):       # our own export: its training settings come back too
        base.update({key: meta_recipe[key] for key in train_keys if key in meta_recipe})
        if not t.is_classification and meta_recipe.get("loss") in t.losses:
            loss = meta_recipe["loss"]
    try:
        recipe = recipe_from_model(pipe.model, base, features=feats_sorted, loss=loss)
    except ValueError:
        base.update({key: base_recipes[task][key] for key in train_keys})
        recipe = recipe_from_model(pipe.model, base, features=feats_sorted, loss=loss)
    # the new model, with the pipeline's weights and its scaling folded into the first layer
    target = build_model_from_recipe(recipe, len(feats), n_out, np.random.default_rng(0))
    t_lin = [layer for layer in target.layers if isinstance(layer, Linear)]
    if [(a.in_features, a.out_features) for a in t_lin] != [(a.in_features, a.out_features) for a in linears]:
        raise ValueError("The playground cannot rebuild this network's layers.")
    m_g, s_g = fixed_scaling(tuple(feats_sorted), t.one_d, bounds_of(task))
    m_p = np.zeros(len(feats)) if pipe.mean is None else np.asarray(pipe.mean, np.float64).reshape(-1)
    s_p = np.ones(len(feats)) if pipe.std is None else np.asarray(pipe.std, np.float64).reshape(-1)
    first = linears[0]
    W1, b1 = fold_input_scaling(first.weight.data, None if first.bias is None else first.bias.data, m_p, s_p, m_g, s_g)
    for i, (src, dst) in enumerate(zip(linears, t_lin, strict=True)):
        w = W1 if i == 0 else np.asarray(src.weight.data, np.float64)
        bb = b1 if i == 0 else (np.zeros(dst.out_features) if src.bias is None else src.bias.data)
        if not (np.all(np.isfinite(w)) and np.all(np.isfinite(bb))):
            raise ValueError("This model's weights are not finite numbers.")
        dst.weight.data[...] = w
        dst.bias.data[...] = bb
    return task, recipe, target.state_dict(), k


# -- points ------------------------------------------------------------------------------------------
def adopt_dataset(ds, bounds_of, max_points: int) -> tuple[str, np.ndarray, np.ndarray, int]:
    """(playground task, X, y, n_classes) for a loaded points file (engine.data.Dataset); ValueError
    (a clear message) if no playground task can show it. `bounds_of(task)` gives the task's plane."""
    d = ds.X.shape[1]
    if task_of(ds.task).is_classification:
        if d != 2:
            raise ValueError(f"{ds.name}: class points need two coordinates (x1,x2,label), this file has {d}.")
        k = int(ds.n_classes)
        if k > MAX_CLASSES or (len(ds.y) and (ds.y.min() < 0 or ds.y.max() >= MAX_CLASSES)):
            raise ValueError(f"{ds.name}: the playground shows at most {MAX_CLASSES} classes (labels 0–"
                             f"{MAX_CLASSES - 1}); this file has labels up to {int(ds.y.max())}.")
        task, k = "classification", max(MIN_CLASSES, k)
    elif d == 2:
        task, k = "regression", 0
    elif d == 1:
        task, k = "regression1d", 0
    else:
        raise ValueError(f"{ds.name}: the playground takes 1 or 2 input columns, this file has {d}.")
    if len(ds.X) > max_points:
        raise ValueError(f"{ds.name}: {len(ds.X):,} points; the playground holds at most {max_points:,}.")
    xmin, xmax, ymin, ymax = bounds_of(task)
    X = np.asarray(ds.X, np.float64)
    y = np.asarray(ds.y)
    inside = (X[:, 0] >= xmin) & (X[:, 0] <= xmax)
    if task_of(task).one_d:
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
