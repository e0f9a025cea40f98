"""SweepJob: the runs of a sweep trained one after another, as a worker job (no Qt here).

Each `next()` trains one minibatch; after the last epoch of a recipe it returns a finished `Run`
(a frozen record: copied curves and weights), and between runs it returns None. A stopped sweep
simply stops being pulled: the finished runs were already handed over.

`make_net(recipe)` builds the network the caller trains and returns (module, transform) where
transform maps raw inputs to the network's inputs (the playground's fixed scaling and features,
or MNIST's pixel scaling), so a run restored later predicts exactly as it did here.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from engine.recipe import build_loss, build_optimizer_from_recipe
from engine.runs import Run
from engine.train import EpochReport, Trainer
from gui.blas import single_thread

PROGRESS_S = 0.1


@dataclass(frozen=True)
class SweepProgress:
    index: int                # the run being trained (0-based)
    total: int
    epoch: int
    epochs: int
    name: str
    run: Run | None = None    # set when run `index` has just finished


class SweepJob:
    def __init__(self, recipes, data, make_net, *, epochs: int, seed: int, data_info: dict):
        """recipes: [(name, recipe)]; data: (X_train, y_train, X_test, y_test) raw inputs."""
        self.recipes = list(recipes)
        self.Xtr, self.ytr, self.Xte, self.yte = data
        self.make_net = make_net
        self.epochs = int(epochs)
        self.seed = int(seed)
        self.data_info = dict(data_info)
        self._i = -1
        self._blas = None
        self._shown = 0.0
        self._gen = None
        self._start()

    def _start(self) -> None:
        self._i += 1
        if self._i >= len(self.recipes):
            self._gen = None
            return
        name, recipe = self.recipes[self._i]
        rng = np.random.default_rng(self.seed)           # every run of a sweep starts from the same seed
        model, transform = self.make_net(recipe, rng)
        Xt = transform(self.Xtr)
        Xv = transform(self.Xte) if len(self.Xte) else None
        yv = self.yte if len(self.Xte) else None
        opt = build_optimizer_from_recipe(recipe, model.parameters())
        self._trainer = Trainer(model, build_loss(recipe), opt, Xt, self.ytr,
                                batch_size=min(int(recipe["batch_size"]), len(Xt)), rng=rng, X_val=Xv, y_val=yv)
        self._model = model
        self._gen = self._trainer.run(self.epochs)
        self._curves = {k: [] for k in ("train_loss", "test_loss", "train_metric", "test_metric", "seconds")}
        self._t0 = time.perf_counter()
        self._steps = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._gen is None:
            raise StopIteration
        if self._blas is None:                  # one BLAS thread while training next to the GUI (gui/blas.py)
            self._blas = single_thread()
            self._blas.__enter__()
        try:
            rep = next(self._gen)
        except StopIteration:
            return self._finish()
        if isinstance(rep, EpochReport):
            c = self._curves
            c["train_loss"].append(rep.train_loss)
            c["test_loss"].append(rep.val_loss)
            c["train_metric"].append(rep.train_metric)
            c["test_metric"].append(rep.val_metric)
            c["seconds"].append(time.perf_counter() - self._t0)
            self._steps = rep.step
            now = time.perf_counter()
            if now - self._shown < PROGRESS_S:          # progress at most ~10 times a second
                return None
            self._shown = now
            return SweepProgress(self._i, len(self.recipes), rep.epoch, self.epochs, self.recipes[self._i][0])
        return None

    def _finish(self):
        name, recipe = self.recipes[self._i]
        seconds = time.perf_counter() - self._t0
        n_params = int(sum(p.data.size for p in self._model.parameters()))
        run = Run(name, recipe, self.seed, dict(self.data_info),
                  {k: np.array(v, dtype=float) for k, v in self._curves.items()}, n_params, seconds,
                  int(self._steps), {k: np.array(v) for k, v in self._model.state_dict().items()})
        done = SweepProgress(self._i, len(self.recipes), self.epochs, self.epochs, name, run)
        self._start()
        return done

    def close(self) -> None:
        if self._gen is not None:
            self._gen.close()
            self._gen = None
        if self._blas is not None:
            self._blas.__exit__(None, None, None)
            self._blas = None
