"""PlaygroundRuns: the playground's record of training runs, its sweeps and restoring a run.

Owned by the PlaygroundSession (`session.runs`), not by a widget. It listens to the session's run
life cycle: whenever training stops, pauses or finishes with new steps, the shown network's run is
recorded (one Run per network: continuing it after a pause updates the same entry; a new network —
new structure, Reset, a restored run — starts a new one). Sweeps train on a worker (SweepRunner).
"""
from __future__ import annotations

import copy
import time
from dataclasses import replace

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.adopt import playground_pipeline
from engine.recipe import build_model_from_recipe
from engine.runs import Run, RunLog, sweep
from engine.tasks import task_of
from gui.playground.history import NetState
from gui.playground.state import check_recipe
from gui.runs.sweep_job import SweepJob
from gui.runs.sweep_runner import SweepRunner


class PlaygroundRuns(QObject):
    changed = Signal(list)         # the log changed; the run indices to select (empty: keep the selection)
    sweep_progress = Signal(int, int, str)
    sweep_finished = Signal(str)

    def __init__(self, session):
        super().__init__(session)
        self._s = session
        self.log = RunLog()
        self.runner = SweepRunner(self)
        self._slot = None              # the log entry of the shown network's run (None: not recorded yet)
        self._steps0 = 0
        self._seconds = 0.0            # training time of the shown network
        self._started = None
        self._times = [(0, 0.0)]       # (epochs, seconds) as snapshots arrived: the seconds curve
        self._sweep_sel: list[int] = []
        self._last = None
        session.network_changed.connect(self._new_network)
        session.running_changed.connect(self._running)
        session.history_changed.connect(self._tick)
        session.snapshot.connect(self._snapshot)
        self.runner.run_done.connect(self._sweep_run)
        self.runner.progress.connect(self.sweep_progress)
        self.runner.finished.connect(self._sweep_end)
        self._new_network()

    # -- recording -------------------------------------------------------------------------------
    def _new_network(self) -> None:
        self._slot = None
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
        run = Run(f"Run {len(self.log) + 1}", s.recipe(), None, data, curves, n_params, self._seconds,
                  int(s.step_count - self._steps0), weights)
        if self._slot is not None and self._slot < len(self.log) and self.log.runs[self._slot] is self._last:
            run = replace(run, name=self._last.name)
            self.log.runs[self._slot] = run
            self.log._cap()
        else:
            run = self.log.add(run)
            self._slot = len(self.log) - 1
        self._last = self.log.runs[self._slot]
        self.changed.emit([])
        return self._last

    # -- the panel's intent ------------------------------------------------------------------------
    def rename(self, index: int, name: str) -> None:
        try:
            self.log.rename(index, name)
        except (ValueError, IndexError) as exc:
            self._s.say(str(exc), "error")
        self.changed.emit([])

    def delete(self, indices) -> None:
        keep = self._slot is not None and self._slot not in set(indices)
        slot_run = self.log.runs[self._slot] if keep else None
        self.log.delete(indices)
        self._slot = next((i for i, r in enumerate(self.log.runs) if r is slot_run), None)
        self.changed.emit([])

    def restore(self, index: int) -> bool:
        """Put run `index`'s network, weights and settings back into the builder (one undo step)."""
        s = self._s
        run = self.log.runs[index]
        if run.weights is None:
            s.say(f"The weights of {run.name} were not kept: it can be compared, not restored.", "error")
            return False
        task = run.data.get("task", s.task)
        if task != s.task:
            s.set_task(task)
        try:
            recipe = check_recipe(s.task, copy.deepcopy(run.recipe))
        except ValueError as exc:
            s.say(f"{run.name} cannot be restored here: {exc}", "error")
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
            s.say(f"{run.name} does not fit the points as they are now (the class count changed?).", "error")
            return False
        s.edits.push_network(before)
        s.say(f"Restored {run.name}: its network, weights and settings. Ctrl+Z brings back the one before.")
        return True

    # -- sweeps ------------------------------------------------------------------------------------
    def start_sweep(self, setting: str, values, second=None, *, epochs: int = 100, seed: int = 0) -> bool:
        """Train the recipes of `sweep(current recipe, setting, values, second)` on the worker."""
        s = self._s
        reason = s.can_train()
        if reason:
            s.say(reason, "error")
            return False
        try:
            recipes = sweep(s.recipe(), setting, values, second)
            for _, r in recipes:
                check_recipe(s.task, r)
        except ValueError as exc:
            s.say(str(exc), "error")
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
        self._sweep_sel = []
        self.runner.start(SweepJob(recipes, (Xtr, ytr, Xte, yte), make_net, epochs=epochs, seed=seed, data_info=data))
        return True

    def stop_sweep(self) -> None:
        self.runner.stop()

    @property
    def sweeping(self) -> bool:
        return self.runner.running

    def _sweep_run(self, run: Run) -> None:
        self.log.add(run)
        self._sweep_sel.append(len(self.log) - 1)
        self.changed.emit(list(self._sweep_sel))

    def _sweep_end(self, reason: str) -> None:
        done = len(self._sweep_sel)
        if reason == "done":
            self._s.say(f"Sweep finished: {done} runs, shown together in the Runs tab.")
        elif reason == "stopped":
            self._s.say(f"Sweep stopped: the {done} finished runs are kept.")
        else:
            self._s.say(f"The sweep failed: {reason}", "error")
        self.sweep_finished.emit(reason)

    def shutdown(self) -> None:
        self.runner.stop()

    # -- projects ----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return self.log.to_dict()

    def load(self, log: RunLog | dict | None) -> None:
        """Take the runs of a project (None: an older project without runs)."""
        self.runner.stop()
        if isinstance(log, dict):
            log = RunLog.from_dict(log)
        self.log = log if log is not None else RunLog(self.log.max_weights)
        self._new_network()
        self.changed.emit([])


def parse_runs(state) -> RunLog | None:
    """The runs of a saved mode state (None when it has none: an older project); ValueError if damaged."""
    d = state.get("runs") if isinstance(state, dict) else None
    return None if d is None else RunLog.from_dict(d)
