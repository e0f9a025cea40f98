"""Conversions between the playground and the engine's files (no Qt): points ↔ Dataset (CSV) and
trained weights ↔ Pipeline (model file). The model logic — the fixed input scaling, a model turned back
into a recipe, a loaded pipeline's scaling folded into its first layer — lives in engine/adopt.py; this
module adds the playground's limits (its planes, at most MAX_POINTS points, the class names).
"""
from __future__ import annotations

import numpy as np

from engine import Pipeline, adopt
from engine.data import Dataset
from engine.tasks import MAX_CLASSES, ONE_D_FEATURES, task_of  # noqa: F401  (MAX_CLASSES, ONE_D_FEATURES: kept importable)
from gui.i18n import tr
from gui.playground.points import MAX_POINTS, PointSet
from gui.widgets.colors import CLASS_NAMES


def _bounds_of(task: str) -> tuple:
    """The playground plane of a task (engine/tasks.py)."""
    return task_of(task).bounds


# -- points -----------------------------------------------------------------------------------------
def task_for_dataset(ds: Dataset) -> tuple[str, np.ndarray, np.ndarray, int]:
    """(playground task, X, y, n_classes) for a loaded points file; ValueError if it cannot be shown."""
    return adopt.adopt_dataset(ds, _bounds_of, MAX_POINTS)


def dataset_from_points(ps: PointSet, task: str, name: str = "points") -> Dataset:
    """The current task's points as an engine Dataset (ValueError if there are none)."""
    if ps.n == 0:
        raise ValueError(tr("There are no points to export: add some first."))
    t = task_of(task)
    if t.is_classification:
        return Dataset(np.array(ps.xy), np.array(ps.label), "classification", int(ps.n_classes), name,
                       tuple(CLASS_NAMES[:ps.n_classes]))
    if not t.one_d:
        return Dataset(np.array(ps.xy), np.array(ps.target), "regression", 0, name)
    return Dataset(np.array(ps.xy[:, :1]), np.array(ps.xy[:, 1]), "regression", 0, name)


# -- models -----------------------------------------------------------------------------------------
def make_pipeline(recipe: dict, task: str, n_classes: int, weights: dict, bounds, meta: dict) -> Pipeline:
    """A Pipeline of the playground's network with these weights and its fixed input scaling."""
    return adopt.playground_pipeline(recipe, task, n_classes, weights, bounds, meta, CLASS_NAMES)


def adopt_pipeline(pipe: Pipeline, base_recipes: dict) -> tuple[str, dict, dict, int]:
    """(playground task, recipe, state_dict, n_classes) for a loaded Pipeline, or ValueError (clear
    message) if the playground cannot show it. `base_recipes[task]` gives the training settings."""
    return adopt.adopt_pipeline(pipe, base_recipes, _bounds_of)
