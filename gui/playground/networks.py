"""TaskNetworks: the recipe and the trained network of every playground task.

The shown task's network lives in the session's NetworkRun (weights, counters, loss history, the
training run); the networks of the other tasks wait here as NetStates until their task is shown
again. Every change of the shown network goes through this class: a new structure or a reset (fresh
random weights, undoable), a network put back by undo or a task switch, a loaded model's weights.
"""
from __future__ import annotations

import copy

from engine.tasks import MODEL_KEYS, PLAYGROUND_TASKS
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.playground.history import NetState
from gui.playground.state import check_recipe, default_recipe_for, fits


class TaskNetworks:
    """Owned by a PlaygroundSession; uses its task, points, settings, run, edits, messages and signals."""

    def __init__(self, session):
        self._s = session
        self.recipes = {t: default_recipe_for(t) for t in PLAYGROUND_TASKS}
        self.parked: dict = {t: None for t in PLAYGROUND_TASKS}   # the network each task not shown had
        self.key = None              # (task, outputs) the current run was built for

    def load(self, recipes: dict, parked: dict) -> None:
        """Take a state's recipes and parked networks (the run is the caller's business)."""
        self.recipes = copy.deepcopy(recipes)
        self.parked = dict(parked)
        self.key = None

    def recipe(self, task: str) -> dict:
        return copy.deepcopy(self.recipes[task])

    # -- the shown network -------------------------------------------------------------------------
    def set_recipe(self, recipe: dict) -> None:
        """See PlaygroundSession.set_recipe."""
        s = self._s
        new = check_recipe(s.task, copy.deepcopy(recipe))
        old = self.recipes[s.task]
        self.recipes[s.task] = new
        s.recipe_changed.emit()
        s.changed.emit()
        if all(old[k] == new[k] for k in MODEL_KEYS):
            s.controller.update_recipe(new)          # a training setting: the run goes on with it
            return
        before = self.capture(old)
        self.new()
        s.edits.push_network(before, coalesce=True)
        s.say(Message.info(QT_TR_NOOP("New network: fresh random weights. Ctrl+Z brings back the trained one."))
              if before.trained else Message.info(QT_TR_NOOP("The network changed: it starts from new random "
                                                             "weights.")))

    def reset(self) -> None:
        """New random weights (undoable when the old ones were trained)."""
        s = self._s
        before = self.capture()
        self.new()
        if before.trained:
            s.edits.push_network(before)
        s.say(Message.info(QT_TR_NOOP("New random weights. Ctrl+Z brings back the trained ones.")) if before.trained
              else Message.info(QT_TR_NOOP("New random weights.")), cause="reset")
        s.changed.emit()

    def capture(self, recipe: dict | None = None) -> NetState:
        """The network as the user has it now, for undo or a task switch (the run ends: its exact
        weights are read)."""
        s = self._s
        s.run.end()
        return NetState(copy.deepcopy(recipe if recipe is not None else self.recipes[s.task]), s.run.weights,
                        s.run.counters, s.run.history.to_state(), s.run.adopted)

    def restore(self, net: NetState) -> None:
        """Put a NetState back: its network (training settings such as the learning rate stay as they
        are now), its weights, counters and loss history."""
        s = self._s
        recipe = self.recipe(s.task)
        recipe.update({k: copy.deepcopy(net.recipe[k]) for k in MODEL_KEYS})
        self.recipes[s.task] = recipe
        s.recipe_changed.emit()
        if not fits(recipe, s.task, s.points.current(), net.weights):
            self.new()                      # the weights no longer fit (the class count changed since)
            return
        s.run.set_network(net.weights, net.counters, net.history, net.adopted)
        if self.start():
            s.network_changed.emit()
        else:
            self.new()

    def adopt(self, recipe: dict, weights: dict, counters) -> None:
        """The shown task's network becomes `recipe` with the weights of a loaded model (trained
        elsewhere); ValueError, changing nothing, if the recipe does not fit the task."""
        s = self._s
        self.recipes[s.task] = check_recipe(s.task, copy.deepcopy(recipe))
        s.recipe_changed.emit()
        s.run.set_network(weights, counters, None, adopted=True)
        if not self.start():
            self.new()
        s.network_changed.emit()

    def switch(self, old_task: str, new_task: str) -> NetState | None:
        """Park the network of `old_task` (stops training); the parked network of `new_task` or None."""
        self.parked[old_task] = self.capture()
        self.key = None
        saved, self.parked[new_task] = self.parked[new_task], None
        return saved

    def new(self) -> None:
        """Fresh random weights for the shown recipe: counters and loss history start over."""
        self._s.run.set_network(None)
        self.start()
        self._s.network_changed.emit()

    def ensure(self) -> bool:
        """A run of the shown network exists (one is started if not)."""
        return self._s.controller.active or self.start()

    def start(self) -> bool:
        """A new run of the shown network from the held weights; False, with a message, if it cannot
        be built."""
        s = self._s
        self.key = (s.task, s.n_outputs)
        view, stop = s.settings.view, s.settings.stop
        error = s.run.start(self.recipes[s.task], s.task, s.n_outputs, s.points.arrays(), s.vmax(), stop=stop,
                            discretize=view["discretize"], gradients=view["gradients"])
        if error:
            s.say(error, "error")
        return error is None
