"""PlaygroundState: everything a playground project (and a fresh playground) is, as one plain value.

A project stores `to_dict()`; `from_dict()` parses and validates a saved dict against each task
(recipes, weights that fit their network and class count, loss histories) and raises ValueError,
naming what is wrong, before anything changes. The session applies a state as one unit.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace

import numpy as np

from engine.data import make_dataset
from engine.recipe import build_model_from_recipe, default_recipe, validate_recipe
from engine.tasks import PLAYGROUND_TASKS, task_of
from gui.playground.history import NetState
from gui.playground.points import PointSet, PointsModel

STATE_VERSION = 1
FIELDS = ("epoch", "train_loss", "test_loss", "train_metric", "test_metric", "batch_step", "batch_loss")
DEFAULT_PRESETS = {"classification": ("circle", 300, 0.2), "regression": ("gaussians", 300, 0.05),
                   "regression1d": ("curve1d", 60, 0.15)}
DEFAULT_VIEW = {"show_test": True, "discretize": False, "per_batch": False, "log_loss": True, "eraser": False,
                "gradients": False}


def default_recipe_for(task: str) -> dict:
    """The network a fresh playground offers for `task` (with the task's default loss and learning rate)."""
    t = task_of(task)
    extra = {"hidden": [{"units": 8, "activation": "tanh"}] * 2} if t.one_d else {}
    return default_recipe(loss=t.default_loss, lr=t.default_lr, features=list(t.default_features), **extra)


def empty_history(metric_name: str = "accuracy") -> dict:
    return {k: np.zeros(0) for k in FIELDS} | {"metric_name": metric_name}


@dataclass(frozen=True, eq=False)
class PlaygroundState:
    """One playground, treated as immutable (make a new one with dataclasses.replace)."""

    task: str = "classification"
    test_fraction: float = 0.3
    sets: dict = field(default_factory=lambda: {t: PointSet.empty() for t in PLAYGROUND_TASKS})
    recipes: dict = field(default_factory=lambda: {t: default_recipe_for(t) for t in PLAYGROUND_TASKS})
    presets: dict = field(default_factory=lambda: dict(DEFAULT_PRESETS))
    selected_class: int = 0
    new_value: float = 1.0
    view: dict = field(default_factory=lambda: dict(DEFAULT_VIEW))
    stop: tuple = (0, 0.0)                   # (max_epochs, target_loss); 0 = no limit
    model: dict | None = None                # the shown task's network: weights, epoch, step, adopted
    history: dict = field(default_factory=empty_history)   # the shown task's loss history
    nets: dict = field(default_factory=lambda: {t: None for t in PLAYGROUND_TASKS})   # NetState per other task
    # Tasks whose preset is drawn when they are first shown: a project of an older version saved only
    # the points of the tasks it had visited (a state of this version holds every task's points).
    unfilled: tuple = ()

    @classmethod
    def fresh(cls, rng: np.random.Generator) -> PlaygroundState:
        """A new playground: every task's preset drawn (with `rng`), default networks, nothing trained."""
        base = cls()
        sets = {}
        for t in PLAYGROUND_TASKS:
            name, count, noise = base.presets[t]
            ds = make_dataset(name, count, noise, n_classes=2, rng=rng)
            sets[t] = PointsModel.point_set(t, ds.X, ds.y, ds.n_classes if t == "classification" else 2,
                                            rng.random(len(ds.X)))
        return replace(base, sets=sets)

    # -- saving ----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The project file's playground part (plain dicts, lists, numbers and NumPy arrays)."""
        model = None
        if self.model is not None:
            model = {"weights": {k: np.array(v) for k, v in self.model["weights"].items()},
                     "epoch": int(self.model["epoch"]), "step": int(self.model["step"]),
                     "adopted": bool(self.model["adopted"])}
        return {
            "version": STATE_VERSION,
            "all_points": True,                 # every task's points are saved (see `unfilled`)
            "points": {"task": self.task, "test_fraction": float(self.test_fraction),
                       "sets": {t: self.sets[t].to_state() for t in PLAYGROUND_TASKS}},
            "recipes": copy.deepcopy(self.recipes),
            "presets": {t: {"name": n, "count": int(c), "noise": float(z)} for t, (n, c, z) in self.presets.items()},
            "selected_class": int(self.selected_class),
            "new_value": float(self.new_value),
            "view": dict(self.view),
            "stop": {"max_epochs": int(self.stop[0]), "target_loss": float(self.stop[1])},
            "model": model,
            "history": {k: np.array(v) if k != "metric_name" else v for k, v in self.history.items()},
            "nets": {t: {"weights": {k: np.array(v) for k, v in n.weights.items()}, "epoch": int(n.counters[0]),
                         "step": int(n.counters[1]), "adopted": bool(n.adopted), "history": copy.deepcopy(n.history)}
                     for t, n in self.nets.items() if n is not None and n.weights is not None},
        }

    # -- loading ---------------------------------------------------------------------------------
    @classmethod
    def from_dict(cls, state) -> PlaygroundState:
        """Parse and validate a saved state; ValueError (with a clear message) if any part is bad."""
        if not isinstance(state, dict):
            raise ValueError("playground state must be a dict")
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"playground state version {state.get('version')!r} is not supported")
        points = PointsModel.check_state(state.get("points"))
        recipes = state.get("recipes")
        if not isinstance(recipes, dict) or set(recipes) != set(PLAYGROUND_TASKS):
            raise ValueError(f"playground state: 'recipes' must have one recipe for each of {list(PLAYGROUND_TASKS)}")
        recipes = {t: validate_recipe(r) for t, r in recipes.items()}
        for t, r in recipes.items():
            check_recipe(t, r, "playground state: ")
        presets = {}
        for t in PLAYGROUND_TASKS:
            p = (state.get("presets") or {}).get(t) or {}
            try:
                presets[t] = (str(p.get("name", DEFAULT_PRESETS[t][0])), int(p.get("count", DEFAULT_PRESETS[t][1])),
                              float(p.get("noise", DEFAULT_PRESETS[t][2])))
            except (TypeError, ValueError, AttributeError) as exc:
                raise ValueError(f"playground state: bad preset of {t} ({exc})") from None
        view = dict(DEFAULT_VIEW)
        view.update({k: bool(v) for k, v in (state.get("view") or {}).items() if k in view})
        stop = state.get("stop") or {}
        try:
            stop = (int(stop.get("max_epochs", 0)), float(stop.get("target_loss", 0.0)))
            new_value = float(state.get("new_value", 1.0))
            selected = int(state.get("selected_class", 0))
        except (TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"playground state: {exc}") from None
        task, sets = points["task"], points["sets"]
        model = state.get("model")
        if model is not None:
            model = parse_model(model, task, recipes[task], sets[task], "model entry")
        hist = parse_history(state.get("history"), "history")
        nets_in = state.get("nets") or {}
        if not isinstance(nets_in, dict) or any(t not in PLAYGROUND_TASKS for t in nets_in):
            raise ValueError(f"playground state: 'nets' must map tasks of {list(PLAYGROUND_TASKS)} to networks")
        nets = {t: None for t in PLAYGROUND_TASKS}
        for t, n in nets_in.items():
            if t == task or n is None:
                continue                     # the shown task's network is "model"
            if not isinstance(n, dict):
                raise ValueError(f"playground state: the network of {t} must be a dict")
            m = parse_model(n, t, recipes[t], sets[t], f"network of {t}")
            nets[t] = NetState(copy.deepcopy(recipes[t]), m["weights"], (m["epoch"], m["step"]),
                               parse_history(n.get("history"), f"history of {t}"), m["adopted"])
        unfilled = () if state.get("all_points") else tuple(t for t in PLAYGROUND_TASKS
                                                             if t != task and sets[t].n == 0 and nets[t] is None)
        return cls(task=task, test_fraction=points["test_fraction"], sets=dict(sets), recipes=recipes,
                   presets=presets, selected_class=selected, new_value=new_value, view=view, stop=stop,
                   model=model, history=hist, nets=nets, unfilled=unfilled)


def check_recipe(task: str, recipe: dict, prefix: str = "") -> dict:
    """ValueError unless the (validated) recipe fits the playground's `task` (softmax for classes)."""
    t = task_of(task)
    if recipe["loss"] == "bce":
        raise ValueError(f"{prefix}the {task} recipe has the wrong loss 'bce' (the playground uses softmax)")
    try:
        t.check_recipe(recipe)
    except ValueError as exc:
        raise ValueError(f"{prefix}the {task} recipe does not fit: {exc}") from None
    return recipe


def n_outputs(task: str, ps: PointSet) -> int:
    return task_of(task).n_outputs(ps.n_classes)


def parse_model(model, task: str, recipe: dict, ps: PointSet, what: str) -> dict:
    """A saved network of `task`: weights that fit its recipe and class count, and its counters."""
    try:
        weights = {str(k): np.array(v) for k, v in model["weights"].items()}
        epoch, step = int(model.get("epoch", 0)), int(model.get("step", 0))
    except (KeyError, AttributeError, TypeError, ValueError) as exc:
        raise ValueError(f"playground state: bad {what} ({exc})") from None
    probe = build_model_from_recipe(recipe, len(recipe["features"]), n_outputs(task, ps), np.random.default_rng(0))
    try:
        probe.load_state_dict(weights)
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"playground state: the {what} does not fit its network ({exc})") from None
    return {"weights": weights, "epoch": epoch, "step": step, "adopted": bool(model.get("adopted", False))}


def fits(recipe: dict, task: str, ps: PointSet, weights: dict | None) -> bool:
    """Whether `weights` load into the network `recipe` builds for `task` with these points' class count."""
    if weights is None:
        return True
    probe = build_model_from_recipe(recipe, len(recipe["features"]), n_outputs(task, ps), np.random.default_rng(0))
    try:
        probe.load_state_dict(weights)
    except (ValueError, KeyError, TypeError):
        return False
    return True


def parse_history(history, what: str) -> dict:
    """A saved loss history: columns of equal length."""
    history = history or {}
    if not isinstance(history, dict):
        raise ValueError(f"playground state: '{what}' must be a dict")
    hist = {}
    for k in FIELDS:
        try:
            hist[k] = np.asarray(history.get(k, []), dtype=np.float64).reshape(-1)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"playground state: {what} {k}: {exc}") from None
    n_ep = len(hist["epoch"])
    if any(len(hist[k]) != n_ep for k in FIELDS[:5]) or len(hist["batch_step"]) != len(hist["batch_loss"]):
        raise ValueError(f"playground state: the {what} columns have different lengths")
    hist["metric_name"] = str(history.get("metric_name", "accuracy"))
    return hist
