"""PlaygroundRuns: the playground's record of training runs, its sweeps and restoring a run.

Owned by the PlaygroundSession (`session.runs`), not by a widget. It listens to the session's run
life cycle: whenever training stops, pauses or finishes with new steps, the shown network's run is
recorded (one Run per network: continuing it after a pause updates the same entry; a new network —
new structure, Reset, a restored run — starts a new one). Sweeps train on a worker (RunBook).
"""
from __future__ import annotations

import copy
import time

import numpy as np

from engine.adopt import playground_pipeline
from engine.recipe import build_model_from_recipe
from engine.runs import Run, sweep
from engine.tasks import task_of
from gui.i18n import QT_TR_NOOP
from gui.messages import EngineText, Message
from gui.playground.history import NetState
from gui.playground.state import check_recipe
from gui.runs.run_book import RunBook, parse_runs  # noqa: F401  (parse_runs: the mode's hook imports it here)
from gui.runs.sweep_job import SweepJob
from gui.runs.text import RunName


class PlaygroundRuns(RunBook):
    def __init__(self, session):
        super().__init__(session, self._say, session.changed.emit)
        self._s = session
        self._steps0 = 0
        self._seconds = 0.0            # training time of the shown network
        self._started = None
        self._times = [(0, 0.0)]       # (epochs, seconds) as snapshots arrived: the seconds curve
        session.network_changed.connect(self._new_network)
        session.running_changed.connect(self._running)
        session.history_changed.connect(self._tick)
        session.snapshot.connect(self._snapshot)
        self._new_network()

    def _say(self, text, severity: str = "info") -> None:
        """The session's message line: a gui.messages.Message, or a plain text for a session that keeps texts
        (one without `message_object`: before messages were translated when read)."""
        if isinstance(text, Message) and not hasattr(type(self._s), "message_object"):
            text = text.text
        self._s.say(text, severity)

    # -- recording -------------------------------------------------------------------------------
    def _new_network(self) -> None:
        self.new_slot()
        self._steps0 = self._s.step_count
        self._seconds, self._started = 0.0, None
        self._times = [(len(self._s.history), 0.0)]

    def _elapsed(self) -> float:
        return self._seconds + (time.perf_counter() - self._started if self._started is not None else 0.0)

    def _tick(self) -> None:
        if self._started is not None:
            self._times.append((len(self._s.history), self._elapsed()))

    def _snapshot(self, snap) -> None:
        """A run's last snapshot (it paused, finished or failed) completes what a pause recorded."""
        if not snap.running and self._s.step_count > self._steps0 and self._s.weights is not None:
            self.record()

    def _running(self, running: bool) -> None:
        if running:
            if self._started is None:
                self._started = time.perf_counter()
            return
        if self._started is not None:
            self._seconds += time.perf_counter() - self._started
            self._started = None
        self._times.append((len(self._s.history), self._seconds))
        if self._s.step_count > self._steps0 and self._s.weights is not None:
            self.record()

    def record(self) -> Run:
        """Record (or update) the shown network's run from the session's figures."""
        s = self._s
        cols = s.history.columns()
        n = len(cols["epoch"])
        curves = {k: np.array(cols[k], dtype=float) for k in ("train_loss", "test_loss", "train_metric", "test_metric")}
        ep, sec = np.array(self._times, dtype=float).T
        curves["seconds"] = np.interp(np.arange(1, n + 1), ep, sec) if n else np.zeros(0)
        Xtr, _, Xte, _ = s.points.arrays()
        preset = s.settings.presets.get(s.task, ("points",))[0]
        data = {"task": s.task, "points": preset, "n_train": len(Xtr), "n_test": len(Xte),
                "classes": s.n_classes if s.is_classification else 0}
        weights = s.weights
        n_params = int(sum(np.asarray(v).size for v in weights.values()))
        # the name stays English (projects, CSV); gui.runs.text.run_name shows it translated
        return self.put(Run(f"Run {len(self.log) + 1}", s.recipe(), None, data, curves, n_params, self._seconds,
                            int(s.step_count - self._steps0), weights))

    # -- restoring ------------------------------------------------------------------------------------
    def restore(self, index: int) -> bool:
        """Put run `index`'s network, weights and settings back into the builder (one undo step)."""
        s = self._s
        run = self.restorable(index)
        if run is None:
            return False
        task = run.data.get("task", s.task)
        if task != s.task:
            s.set_task(task)
        try:
            recipe = check_recipe(s.task, copy.deepcopy(run.recipe))
        except ValueError as exc:
            self._say(Message.error(QT_TR_NOOP("%1 cannot be restored here: %2"), RunName(run.name),
                                    EngineText(str(exc))), "error")
            return False
        n = run.epochs
        history = {"epoch": np.arange(1, n + 1, dtype=float), "batch_step": np.zeros(0), "batch_loss": np.zeros(0),
                   "metric_name": task_of(s.task).metric_label,
                   **{k: np.array(run.curves[k]) for k in ("train_loss", "test_loss", "train_metric", "test_metric")}}
        before = s.networks.capture()
        s.networks.recipes[s.task] = recipe
        s.networks.restore(NetState(recipe, {k: np.array(v) for k, v in run.weights.items()}, (n, run.steps),
                                    history))
        if s.weights is None or any(not np.array_equal(s.weights[k], run.weights[k]) for k in run.weights):
            self._say(Message.error(QT_TR_NOOP("%1 does not fit the points as they are now (the class count "
                                               "changed?)."), RunName(run.name)), "error")
            return False
        s.edits.push_network(before)
        self._say(Message.info(QT_TR_NOOP("Restored %1: its network, weights and settings. Ctrl+Z brings back the one "
                                      "before."), RunName(run.name)))
        return True

    # -- sweeps ------------------------------------------------------------------------------------
    def start_sweep(self, setting: str, values, second=None, *, epochs: int = 100, seed: int = 0) -> bool:
        """Train the recipes of `sweep(current recipe, setting, values, second)` on the worker."""
        s = self._s
        reason = s.can_train()
        if reason:
            self._say(reason, "error")
            return False
        try:
            recipes = sweep(s.recipe(), setting, values, second)
            for _, r in recipes:
                check_recipe(s.task, r)
        except ValueError as exc:
            self._say(Message.error("%1", EngineText(str(exc))), "error")
            return False
        if s.running:
            s.play_pause()            # one thing trains at a time
        task, k, bounds = s.task, s.n_outputs, s.bounds
        classify = task_of(task).is_classification

        def make_net(recipe, rng):
            model = build_model_from_recipe(recipe, len(recipe["features"]), k if classify else 1, rng)
            pipe = playground_pipeline(recipe, task, k if classify else 0, model.state_dict(), bounds, {})
            pipe.model.load_state_dict(model.state_dict())
            return pipe.model, pipe.transform

        Xtr, ytr, Xte, yte = s.points.arrays()
        data = {"task": task, "points": s.settings.presets.get(task, ("points",))[0], "n_train": len(Xtr),
                "n_test": len(Xte), "classes": s.n_classes if classify else 0}
        self.train(SweepJob(recipes, (Xtr, ytr, Xte, yte), make_net, epochs=epochs, seed=seed, data_info=data))
        return True
