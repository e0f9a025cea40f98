"""Runs and sweeps: every training run recorded, compared and restored (no Qt here).

A `Run` is a frozen record of one training run: the recipe and seed, the data it saw, per-epoch
curves, wall time, parameter count, final figures and (optionally) its trained weights. `RunLog`
keeps them in order, says what differs between runs, exports a table as CSV and round-trips
through plain dicts for project files, keeping weights for at most `max_weights` runs (the newest).

`sweep(base, setting, values, second=None)` makes the recipes of a one-setting comparison
("compare the number of hidden layers: 0, 1, 2, 3"), optionally crossed with a second setting;
each recipe differs from `base` only in the swept settings.
"""
from __future__ import annotations

import copy
import csv
import io
from dataclasses import dataclass, field, replace

import numpy as np

from .layers import ACTIVATIONS
from .recipe import validate_recipe

CURVES = ("train_loss", "test_loss", "train_metric", "test_metric", "seconds")
MAX_WEIGHTS = 20                 # runs whose weights a project keeps by default
SWEEPABLE = ("layers", "activation", "lr", "batch_size", "optimizer", "width")


@dataclass(frozen=True)
class Run:
    name: str
    recipe: dict
    seed: int | None
    data: dict                       # e.g. {"preset": "circle", "n_train": 240, "n_test": 60, "noise": 0.2}
    curves: dict                     # name -> float array, one value per epoch (see CURVES)
    n_parameters: int
    seconds: float                   # wall time
    steps: int
    weights: dict | None = field(default=None, repr=False)   # state_dict, or None when not kept

    @property
    def epochs(self) -> int:
        return len(self.curves.get("train_loss", ()))

    @property
    def steps_per_second(self) -> float:
        return self.steps / self.seconds if self.seconds > 0 else float("nan")

    def final(self, curve: str) -> float:
        v = self.curves.get(curve)
        return float(v[-1]) if v is not None and len(v) else float("nan")

    def to_dict(self, keep_weights: bool = True) -> dict:
        return {"name": self.name, "recipe": copy.deepcopy(self.recipe), "seed": self.seed,
                "data": copy.deepcopy(self.data), "n_parameters": self.n_parameters, "seconds": self.seconds,
                "steps": self.steps, "curves": {k: np.asarray(v, float).tolist() for k, v in self.curves.items()},
                "weights": ({k: np.array(v) for k, v in self.weights.items()}
                            if keep_weights and self.weights is not None else None)}

    @classmethod
    def from_dict(cls, d: dict) -> Run:
        try:
            curves = {str(k): np.asarray(v, float) for k, v in d["curves"].items()}
            if len({len(v) for v in curves.values()}) > 1:
                raise ValueError("curves of different lengths")
            weights = d.get("weights")
            return cls(str(d["name"]), validate_recipe(d["recipe"]), None if d["seed"] is None else int(d["seed"]),
                       dict(d["data"]), curves, int(d["n_parameters"]), float(d["seconds"]), int(d["steps"]),
                       None if weights is None else {str(k): np.array(v) for k, v in weights.items()})
        except (KeyError, TypeError, AttributeError, ValueError) as e:
            raise ValueError(f"a stored run is damaged: {e}") from None


def flat_settings(recipe: dict) -> dict:
    """A recipe as flat settings a person compares: layers, width, activation, the rest as they are."""
    r = dict(recipe)
    hidden = r.pop("hidden")
    r["layers"] = len(hidden)
    if hidden:                       # (a network without hidden layers has no width or activation)
        units = [h["units"] for h in hidden]
        r["width"] = units[0] if len(set(units)) == 1 else "-".join(map(str, units))
        r["activation"] = "/".join(sorted({h["activation"] for h in hidden}))
    if r.get("features") is not None:
        r["features"] = ", ".join(r["features"])
    return r


def run_settings(run: Run | dict) -> dict:
    """A run's (or a bare recipe's) settings and data, flat, as a person compares them."""
    if isinstance(run, Run):
        return {**flat_settings(run.recipe), "seed": run.seed, **run.data}
    return flat_settings(run)


def differences(a: Run | dict, b: Run | dict) -> dict:
    """Settings (and data) that differ from run `a` to run `b`: name -> (value in a, value in b)."""
    fa, fb = run_settings(a), run_settings(b)
    return {k: (fa[k], fb[k]) for k in sorted(set(fa) & set(fb)) if fa[k] != fb[k]} | \
        {k: (fa.get(k), fb.get(k)) for k in sorted(set(fa) ^ set(fb)) if k not in ("width", "activation")}


def differing_settings(runs) -> set:
    """The settings that are not the same across all `runs` (for highlighting)."""
    runs = list(runs)
    out = set()
    for r in runs[1:]:
        out |= set(differences(runs[0], r))
    return out


class RunLog:
    def __init__(self, max_weights: int = MAX_WEIGHTS):
        self.runs: list[Run] = []
        self.max_weights = int(max_weights)

    def __len__(self) -> int:
        return len(self.runs)

    def add(self, run: Run) -> Run:
        names = {r.name for r in self.runs}
        name, i = run.name, 2
        while name in names:
            name, i = f"{run.name} ({i})", i + 1
        run = replace(run, name=name)
        self.runs.append(run)
        self._cap()
        return run

    def _cap(self) -> None:
        kept = 0
        for i in range(len(self.runs) - 1, -1, -1):
            if self.runs[i].weights is not None:
                kept += 1
                if kept > self.max_weights:
                    self.runs[i] = replace(self.runs[i], weights=None)

    def rename(self, index: int, name: str) -> None:
        name = str(name).strip()
        if not name:
            raise ValueError("a run needs a name")
        self.runs[index] = replace(self.runs[index], name=name)

    def delete(self, indices) -> None:
        drop = set(indices)
        self.runs = [r for i, r in enumerate(self.runs) if i not in drop]

    def changes(self, index: int) -> str:
        """What differs from the previous run, in a few words ('lr 0.03 → 0.1')."""
        if index == 0:
            return "first run"
        diff = differences(self.runs[index - 1], self.runs[index])
        return "; ".join(f"{k} {a} → {b}" for k, (a, b) in diff.items()) or "same settings"

    def table(self) -> list[dict]:
        return [{"name": r.name, "changes": self.changes(i), "parameters": r.n_parameters, "epochs": r.epochs,
                 "seconds": round(r.seconds, 3), "train_loss": r.final("train_loss"),
                 "test_loss": r.final("test_loss"), "train_metric": r.final("train_metric"),
                 "test_metric": r.final("test_metric"), "weights_kept": r.weights is not None}
                for i, r in enumerate(self.runs)]

    def to_csv(self) -> str:
        rows = self.table()
        buf = io.StringIO()
        fields = list(rows[0]) if rows else ["name"]
        w = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for row in rows:
            w.writerow({k: (repr(v) if isinstance(v, float) else v) for k, v in row.items()})
        return buf.getvalue()

    def to_dict(self) -> dict:
        return {"max_weights": self.max_weights, "runs": [r.to_dict() for r in self.runs]}

    @classmethod
    def from_dict(cls, d: dict) -> RunLog:
        if not isinstance(d, dict) or not isinstance(d.get("runs"), list):
            raise ValueError("the stored runs are damaged")
        log = cls(int(d.get("max_weights", MAX_WEIGHTS)))
        log.runs = [Run.from_dict(r) for r in d["runs"]]
        log._cap()
        return log


def _apply(recipe: dict, setting: str, value) -> dict:
    r = copy.deepcopy(recipe)
    hidden = r["hidden"]
    template = hidden[0] if hidden else {"units": 8, "activation": "tanh"}
    if setting == "layers":
        r["hidden"] = [dict(hidden[i] if i < len(hidden) else template) for i in range(int(value))]
    elif setting == "activation":
        if value not in ACTIVATIONS:
            raise ValueError(f"sweep: activation must be one of {sorted(ACTIVATIONS)}, got {value!r}")
        r["hidden"] = [{**h, "activation": value} for h in hidden]
    elif setting == "width":
        r["hidden"] = [{**h, "units": int(value)} for h in hidden]
    elif setting in ("lr", "batch_size", "optimizer"):
        r[setting] = value
    else:
        raise ValueError(f"sweep: setting must be one of {list(SWEEPABLE)}, got {setting!r}")
    return validate_recipe(r)


def sweep(base: dict, setting: str, values, second: tuple | None = None) -> list[tuple[str, dict]]:
    """(name, recipe) per combination; each recipe differs from `base` only in the swept setting(s)."""
    values = list(values)
    if not values:
        raise ValueError("sweep: give at least one value")
    out = []
    for v in values:
        r = _apply(base, setting, v)
        if second is None:
            out.append((f"{setting} = {v}", r))
        else:
            s2, vals2 = second
            for v2 in vals2:
                out.append((f"{setting} = {v}, {s2} = {v2}", _apply(r, s2, v2)))
    return out
