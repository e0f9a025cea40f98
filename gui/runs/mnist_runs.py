"""MnistRuns: the MNIST lab's record of training runs, its sweeps (Compare… and the lab's own) and
restoring a run. Owned by the MnistSession (`session.run_records`), not by a widget.

A run is recorded when training finishes or is stopped (a continued run — more epochs of the same
network — updates its entry). Sweeps train on a worker, on `subset` training images (0: all)."""
from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from engine.recipe import build_model_from_recipe, validate_recipe
from engine.runs import Run, sweep
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.mnist.history import TrainingHistory
from gui.mnist.jobs import copy_pipeline
from gui.mnist.state import PROJECT, TRAINED
from gui.runs.lab_sweep import LAB_EPOCHS, LAB_SUBSET, lab_recipes, make_image_net, subset
from gui.runs.run_book import RunBook, parse_runs  # noqa: F401  (parse_runs: the mode's hook imports it here)
from gui.runs.sweep_job import SweepJob
from gui.runs.text import RunName


class MnistRuns(RunBook):
    def __init__(self, session):
        super().__init__(session, session.say, session.project_changed.emit)
        self._s = session
        self._history = session.history    # the curves object of the network being recorded
        self._seconds = 0.0
        self._started = None
        self._times: list[tuple[int, float]] = []
        self.sweep_subset = LAB_SUBSET
        session.run_changed.connect(self._run_changed)
        session.epoch_finished.connect(self._epoch)
        session.run_finished.connect(self._finished)
        session.history_replaced.connect(self._replaced)

    # -- recording -------------------------------------------------------------------------------
    def _replaced(self) -> None:
        if self._s.history is not self._history:
            self._history = self._s.history
            self.new_slot()
            self._seconds, self._started, self._times = 0.0, None, []

    def _elapsed(self) -> float:
        return self._seconds + (time.perf_counter() - self._started if self._started is not None else 0.0)

    def _run_changed(self) -> None:
        active = self._s.training and not self._s.paused
        if active and self._started is None:
            self._started = time.perf_counter()
        elif not active and self._started is not None:
            self._seconds = self._elapsed()
            self._started = None

    def _epoch(self, epoch: int) -> None:
        self._times.append((epoch, self._elapsed()))

    def _finished(self, reason: str) -> None:
        self._run_changed()
        s = self._s
        if reason in ("done", "stopped") and s.origin == TRAINED and s.pipeline is not None:
            self.record()

    def record(self) -> Run:
        s = self._s
        h = s.history.h
        n = h["epoch"].n
        curves = {"train_loss": h["train_loss"].values.copy(), "test_loss": h["test_loss"].values.copy(),
                  "train_metric": h["train_acc"].values / 100, "test_metric": h["test_acc"].values / 100}
        times = dict(self._times)
        curves["seconds"] = np.array([times.get(int(e), np.nan) for e in h["epoch"].values[:n]], dtype=float)
        model = s.pipeline.model
        weights = {k: np.array(v) for k, v in model.state_dict().items()}
        n_train = min(s.subset or len(s.data.train_images), len(s.data.train_images))
        data = {"data": s.data.name, "n_train": n_train, "n_test": len(s.data.test_images)}
        # the name stays English (projects, CSV); gui.runs.text.run_name shows it translated
        return self.put(Run(f"Run {len(self.log) + 1}", s.recipe, 0, data, curves,
                            int(sum(v.size for v in weights.values())), self._seconds, int(s.steps), weights))

    # -- restoring ------------------------------------------------------------------------------------
    def restore(self, index: int) -> bool:
        """Put run `index`'s network, weights, settings and curves back (as the lab's network in use)."""
        s = self._s
        run = self.restorable(index)
        if run is None:
            return False
        if s.data is None:
            self.say(Message.error(QT_TR_NOOP("Load the data first: a run is restored for the data it was trained "
                                              "on.")))
            return False
        try:
            model = build_model_from_recipe(validate_recipe(run.recipe), s.data.train_images[0].size,
                                            len(s.data.class_names), np.random.default_rng(0))
            model.load_state_dict(run.weights)
        except (ValueError, KeyError) as exc:
            self.say(Message.error(QT_TR_NOOP("%1 does not fit this data: %2"), RunName(run.name), _engine(exc)))
            return False
        pipe = copy_pipeline(model, s.data.class_names, {"data": run.data.get("data", ""), "recipe": run.recipe,
                                                         "epochs": run.epochs})
        history = TrainingHistory()
        c = run.curves
        for e in range(run.epochs):
            history.add_epoch(e + 1, c["train_loss"][e], c["test_loss"][e], c["train_metric"][e], c["test_metric"][e])
        st = replace(s.state(), recipe=dict(run.recipe), model=pipe, origin=PROJECT, source=run.name,
                     epoch=run.epochs, history=history)
        s.set_state(st.to_dict())
        self.say(Message.info(QT_TR_NOOP("Restored %1: its network, weights and settings."), RunName(run.name)))
        return True

    # -- sweeps ------------------------------------------------------------------------------------
    def _start(self, recipes, epochs: int, n: int | None) -> bool:
        s = self._s
        if s.data is None:
            self.say(Message.error(QT_TR_NOOP("Load the data first (the Data tab), then sweep.")))
            return False
        if s.training:
            s.stop_training()             # one thing trains at a time
        d = s.data
        n = self.sweep_subset if n is None else n
        Xtr, ytr = subset(d.train_images, d.train_labels, n)
        info = {"data": d.name, "n_train": len(Xtr), "n_test": len(d.test_images)}
        self.train(SweepJob(recipes, (Xtr, ytr, d.test_images, d.test_labels), make_image_net(len(d.class_names)),
                            epochs=epochs, seed=0, data_info=info))
        return True

    def start_sweep(self, setting: str, values, second=None, *, epochs: int = LAB_EPOCHS,
                    subset_n: int | None = None) -> bool:
        """Compare… : the lab's recipe with one setting (optionally two) over a few values."""
        try:
            recipes = sweep(self._s.recipe, setting, values, second)
        except ValueError as exc:
            self.say(Message.error("%1", _engine(exc)))
            return False
        return self._start(recipes, epochs, subset_n)

    def start_lab_sweep(self, kind: str, *, epochs: int = LAB_EPOCHS, subset_n: int | None = None) -> bool:
        """The lab's own sweep: "layers" (1-, 2-, 3-layer perceptrons) or "activation"."""
        return self._start(lab_recipes(kind, self._s.recipe), epochs, subset_n)


def _engine(exc) -> Message:
    """An engine exception's English text, shown translated (gui.engine_text) when read."""
    from gui.mnist.state import engine_text
    return engine_text(str(exc))
