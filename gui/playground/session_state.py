"""The playground session's project state: capturing it as one PlaygroundState value and applying one
(validated by PlaygroundState.from_dict before anything changes) as one unit. Functions over a
PlaygroundSession's public parts (run, networks, settings, points, undo history, signals)."""
from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np

from engine.data import make_dataset
from engine.tasks import PLAYGROUND_TASKS, task_of
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.playground.state import PlaygroundState, empty_history


def capture(s) -> PlaygroundState:
    """Everything a project saves, as one value (the weights of the latest snapshot)."""
    model = None
    if s.run.weights is not None:
        model = {"weights": s.run.weights, "epoch": s.epoch, "step": s.step_count, "adopted": s.run.adopted}
    nets = {t: (None if n is None else replace(n, weights={k: np.array(v) for k, v in (n.weights or {}).items()}
                                              if n.weights is not None else None))
            for t, n in s.networks.parked.items()}
    st = s.settings
    return PlaygroundState(task=s.task, test_fraction=s.points.test_fraction,
                           sets={t: s.points.point_set_of(t) for t in PLAYGROUND_TASKS},
                           recipes=copy.deepcopy(s.networks.recipes), presets=dict(st.presets),
                           selected_class=st.selected_class, new_value=st.new_value,
                           view=dict(st.view), stop=st.stop, model=model,
                           history=s.history.to_state(), nets=nets)


def apply(s, st: PlaygroundState, *, start: bool) -> None:
    """Replace the session's state with `st` (the old run's snapshots are dropped; undo starts afresh);
    `start`: build the network at once."""
    s.run.end(keep=False)
    s.networks.load(st.recipes, st.nets)
    s.settings.load(st)
    s.undo_history.clear()
    s.points.blockSignals(True)
    try:
        s.points.apply_state({"task": st.task, "test_fraction": st.test_fraction, "sets": st.sets})
    finally:
        s.points.blockSignals(False)
    m = st.model
    s.run.set_network(m and m["weights"], (m["epoch"], m["step"]) if m else (0, 0),
                      st.history or empty_history(), bool(m and m["adopted"]))
    s.networks.key = None
    if start and not s.networks.start():
        s.networks.new()
    s.task_changed.emit(s.task)
    for signal in (s.recipe_changed, s.settings_changed, s.points_changed, s.network_changed, s.undo_changed):
        signal.emit()
    s.say("")


def switch_task(s, task: str, unfilled: set, rng) -> bool:
    """Show another task; each task keeps its points and its network exactly as they were left. A task
    in `unfilled` (a project of an older version) with no points gets its preset's. False if `task` is
    the shown one already; ValueError if the playground has no such task."""
    task = task_of(task).name
    if task not in PLAYGROUND_TASKS:
        raise ValueError(f"the playground has no task {task!r}")
    if task == s.task:
        return False
    saved = s.networks.switch(s.task, task)   # stops training; the old task's network waits
    s.points.blockSignals(True)
    try:
        s.points.set_task(task)
        if task in unfilled and s.points.current().n == 0:
            ds = make_dataset(*s.settings.presets[task], n_classes=2, rng=rng)
            s.points.load(ds.X, ds.y, 2, record=False)
    finally:
        s.points.blockSignals(False)
    unfilled.discard(task)
    s.task_changed.emit(task)
    s.recipe_changed.emit()
    s.points_changed.emit()
    if saved is not None:
        s.networks.restore(saved)
    else:
        s.networks.new()
    if saved is not None and saved.trained:
        e = s.epoch
        s.say(Message.info(QT_TR_NOOP("Back to the network of this task, trained for %1 epoch.") if e == 1 else
                           QT_TR_NOOP("Back to the network of this task, trained for %1 epochs."), e))
    else:
        s.say("")
    return True
