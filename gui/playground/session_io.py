"""The playground session's files: points CSV import/export and trained models (Pipelines) in and out.

Functions over a PlaygroundSession's public API (the File menu reaches them through PlaygroundMode).
"""
from __future__ import annotations

import numpy as np

from engine import Pipeline
from engine.tasks import PLAYGROUND_TASKS, task_of
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.playground import model_io


def import_points(s, ds, name: str) -> None:
    """Load a data set into the task it fits (switching task if needed) as one undoable step;
    ValueError with a clear message, changing nothing, if it fits no task."""
    task, X, y, k = model_io.task_for_dataset(ds)
    if task != s.task:
        s.set_task(task)
    s.points.end_stroke()
    s.points.load(X, y, k if task_of(task).is_classification else 2)
    what = {"classification": Message.info(QT_TR_NOOP("%1 classes"), k),
            "regression": Message.info(QT_TR_NOOP("values over the plane")),
            "regression1d": Message.info(QT_TR_NOOP("a curve"))}[task]
    s.say(Message.info(QT_TR_NOOP("Imported %1 points (%2) from %3 — Undo (Ctrl+Z) brings the old ones back."),
                       len(X), what, str(name)))


def points_dataset(s):
    """The shown task's points as an engine Dataset."""
    return model_io.dataset_from_points(s.points.current(), s.task)


def current_pipeline(s) -> Pipeline | None:
    """The trained network with its features and the playground's fixed input scaling (a copy), or
    None before any training."""
    weights = s.weights
    if weights is None or not s.trained:
        return None
    task, recipe = s.task, s.recipe()
    k = s.n_outputs if task_of(task).is_classification else 0
    meta = {"source": "MLP Studio 2D playground", "task": task, "epoch": s.epoch, "step": s.step_count,
            "bounds": list(s.bounds), "recipe": recipe}
    try:
        return model_io.make_pipeline(recipe, task, k, weights, s.bounds, meta)
    except ValueError:
        return None


def load_pipeline(s, pipeline: Pipeline) -> None:
    """Adopt a loaded model that fits the playground: its network and weights become the task's (one
    undo step brings back what was there). ValueError with a clear message, changing nothing, otherwise."""
    task, recipe, weights, k = model_io.adopt_pipeline(pipeline, {t: s.recipe(t) for t in PLAYGROUND_TASKS})
    if task != s.task:
        s.set_task(task)
    s.end_stroke()
    before, dropped = None, 0
    if task_of(task).is_classification and s.n_classes != k:
        dropped = int(np.sum(s.points.current().label >= k))
        s.set_n_classes(k)                  # one undo step: the points and the network as they were
    else:
        before = s.networks.capture()
    meta = pipeline.meta if isinstance(pipeline.meta, dict) else {}
    try:
        counters = (int(meta.get("epoch", 0)), int(meta.get("step", 0)))
    except (TypeError, ValueError):
        counters = (0, 0)
    s.networks.adopt(recipe, weights, counters)
    if before is not None and before.trained:
        s.edits.push_network(before)
    if dropped:
        s.say(Message.info(QT_TR_NOOP("Loaded the model: its network is in the builder and Train continues from its "
                                      "weights. Removed %1 points of classes the model does not have (Undo brings "
                                      "them back)."), dropped))
    else:
        s.say(Message.info(QT_TR_NOOP("Loaded the model: its network is in the builder and Train continues from "
                                      "its weights.")))
    s.changed.emit()
