"""The training job: runs on the worker thread (gui/worker.py pulls it), never touches Qt.

Each `next()` trains for about a millisecond (or sleeps briefly while paused) and returns None or
a frozen Snapshot: every ~50 ms while training (less often when snapshots are costly), and at once after a
pause point, an error or a
command that changes what is shown. Commands (play, pause, new data, new learning rate, ...) are
methods called on the worker thread through `Worker.call`, so the job's state has one owner.

A snapshot costs little worker time by construction (see render.py): the thumbnails come from one
pass over a coarse THUMB×THUMB grid, the map from one in-place float32 pass over cached grid inputs
and a lookup table, at a resolution (GRID_MIN…GRID_MAX) chosen so a map costs about MAP_BUDGET_S of
worker CPU. While the GUI draws a snapshot the job waits (gui_idle, at most GUI_WAIT_MAX_S), so the
GUI thread gets the GIL at once. `stats` adds up the costs for the benchmark.

Inputs are standardised with a fixed scaling computed over the whole playground square (not from
the points), so adding points while training never shifts what the network sees (engine/adopt.py).
Every number comes from the engine: pictures from `Sequential.infer`, training from `Trainer`.
"""
from __future__ import annotations

import math
import threading
import time

import numpy as np

from engine import DivergenceError, EngineError, Linear, Pipeline, Trainer
from engine.adopt import check_trainable, fixed_scaling  # noqa: F401  (fixed_scaling: kept importable here)
from engine.diagnose import WINDOW as DIAG_WINDOW
from engine.diagnose import diagnose, guess_loss, unit_health
from engine.recipe import build_loss, build_model_from_recipe, build_optimizer_from_recipe
from engine.tasks import task_of
from engine.train import probabilities_
from gui.blas import single_thread as blas_single_thread
from gui.playground import render
from gui.playground.snapshot import History, Snapshot

SLICE_S = 0.0008           # train this long per next()
MAX_SHOWN = 10             # neurons drawn per layer in the diagram
THUMB = 40                 # thumbnail side (2-D) / samples (1-D)
BATCH_POINTS = 96          # at most this many minibatch-loss points per snapshot
STATE_EVERY_S = 1.0        # full weights in a snapshot at most this often while training (big nets)
SMALL_NET = 20000          # below this many parameters, every snapshot carries the weights
GUI_WAIT_MAX_S = 0.03      # never wait longer than this for the GUI to finish drawing
GRID_MAX, GRID_MIN = 200, 96   # decision-map resolution range (2-D)
GRID_1D = 400              # samples of the fitted curve (1-D)
MAP_BUDGET_S = 0.008       # worker CPU per map the resolution adapts to (200² for small nets)
SNAPSHOT_SHARE = 0.25      # snapshots may take at most this share of the worker's time
LOSS_JUMP = 5.0            # an epoch's training loss this many times the best so far (and > LOSS_JUMP_MIN)
LOSS_JUMP_MIN = 0.1        # ... gets one "learning rate too high?" note per learning rate
FRAME_S = 0.05             # a frame when training is slowed: its minibatches, then one snapshot
UNLIMITED = 1 << 62
DIAGNOSE_S = 0.5           # diagnoses (engine/diagnose.py) are refreshed at most this often while training


class TrainingJob:
    def __init__(self, recipe: dict, task: str, n_classes: int, data, *, bounds, one_d: bool,
                 weights: dict | None = None, counters=(0, 0), seed=None, running: bool = False,
                 max_epochs: int = 0, target_loss: float = 0.0, discretize: bool = False,
                 interval: float = 0.05, vmax: float = 1.0, gui_idle=None, speed=None,
                 shared_scale: bool = False):
        self.recipe = dict(recipe)
        self.task = task_of(task).kind           # "classification" | "regression"
        self.n_classes = int(n_classes)
        self.one_d = bool(one_d)
        self.bounds = tuple(map(float, bounds))
        self.rng = np.random.default_rng(seed)
        feats = tuple(recipe["features"])
        self.classify = task_of(task).is_classification
        n_out = self.n_classes if self.classify else 1
        self.model = build_model_from_recipe(recipe, len(feats), n_out, self.rng)
        if weights is not None:
            self.model.load_state_dict(weights)
        self.optimizer = build_optimizer_from_recipe(recipe, self.model.parameters())
        self.loss_fn = build_loss(recipe)
        mean, std = fixed_scaling(feats, self.one_d, self.bounds)
        self.pipe = Pipeline(self.model, self.task, self.n_classes if self.classify else 0,
                             feats, mean, std)
        self.epoch, self.step = int(counters[0]), int(counters[1])
        self.running = bool(running)
        self.max_epochs, self.target_loss = int(max_epochs), float(target_loss)
        self.discretize = bool(discretize)
        self.interval = float(interval)
        self.vmax = float(vmax)
        self.gui_idle = gui_idle    # a threading.Event the GUI clears while it draws a snapshot
        self.focus = None
        self.shared_scale = bool(shared_scale)   # thumbnails: one scale per layer / activation, not per neuron
        self.grad_view = False      # gather ∂L/∂W for the diagram's gradient view (costs a few µs a step)
        self._gacc = None           # per parameter of each Linear: the summed gradients since the last snapshot
        self._gcount = 0
        self.grid_n = GRID_MAX if not self.one_d else GRID_1D
        self._grid_key = None
        self._tin = None            # thumbnail grid inputs (fixed for the session)
        self._px_cost = None        # worker CPU seconds per map pixel (running average)
        self._cost = 0.0            # worker CPU seconds of the last snapshot
        self._blas = None
        self.thread_ident = None
        # Cumulative costs, for benchmarks: CPU seconds on the worker thread, wall seconds waited.
        self.stats = {"steps": 0, "train_cpu": 0.0, "train_wall": 0.0, "snapshots": 0, "snap_cpu": 0.0,
                      "map_cpu": 0.0, "thumb_cpu": 0.0, "gui_wait": 0.0}
        self._gen = None
        self._trainer = None
        self._pause_at_epoch_end = False
        self._dirty = True          # the first next() hands out a snapshot
        self.speed = None           # None: as fast as it goes; ("batch" | "epoch", k): k of them per frame
        self._frame_left = UNLIMITED   # minibatches left in this frame
        self._frame_t = 0.0
        self._frame_shown = False
        self._steps_left = 0        # > 0: pause after this many more minibatches (the step buttons)
        self.last_batch = None      # (epoch, batch index in it, batches per epoch) of the last minibatch
        self._event, self._message = None, ""
        self._loss_warned = False
        self._seq = 0
        self._last_emit = -1e18
        self._last_state = -1e18
        self._hist = self._empty_hist()
        self._recent = {k: [] for k in ("train_loss", "test_loss", "train_metric")}   # for the diagnoses
        self._diagnoses = ()
        self._diag_t = -1e18
        self._diag_key = None
        self._batch_steps: list[int] = []
        self._batch_losses: list[float] = []
        self._linears = [layer for layer in self.model if isinstance(layer, Linear)]
        self._small = self.model.num_parameters() < SMALL_NET
        self._kinds = render.column_kinds(self.model)
        self.set_data(*data)
        self.set_speed(speed)

    # -- commands (called on the worker thread via Worker.call) --------------------------------
    def play(self) -> None:
        self._pause_at_epoch_end = False
        self._steps_left = 0
        if not self.running:
            self.running = True
            self._dirty = True
            self._new_frame()

    def pause(self) -> None:
        if self.running:
            self.running = False
            self._set_event("paused", f"Paused at epoch {self.epoch:,}, step {self.step:,}.")

    def step_epoch(self) -> None:
        """Train until the end of the current epoch, then pause."""
        self._pause_at_epoch_end = True
        self._steps_left = 0
        if not self.running:
            self.running = True
            self._dirty = True
            self._new_frame()

    def step_batches(self, n: int = 1) -> None:
        """Train exactly `n` minibatches (one SGD step each), then pause."""
        if self.running:
            return
        self._pause_at_epoch_end = False
        self._steps_left = max(1, int(n))
        self.running = True
        self._dirty = True
        self._new_frame()

    def set_speed(self, speed) -> None:
        """None: train as fast as it goes (a snapshot every `interval`); ("batch", k) or ("epoch", k): k
        minibatches or epochs per frame of FRAME_S seconds, with a snapshot after every frame, so the map,
        curves, diagram and counters all show the step the frame ended at."""
        self.speed = None if speed is None else (str(speed[0]), max(1, int(speed[1])))
        self._new_frame()

    def _frame_budget(self) -> int:
        if self.speed is None:
            return UNLIMITED
        unit, k = self.speed
        if unit == "epoch":
            n = max(1, len(self.X_train))
            return k * -(-n // max(1, min(int(self.recipe["batch_size"]), n)))
        return k

    def _new_frame(self) -> None:
        self._frame_left = self._frame_budget()
        self._frame_t = time.perf_counter()
        self._frame_shown = False

    def set_data(self, X_train, y_train, X_test, y_test, vmax: float | None = None) -> None:
        self.X_train, self.y_train = np.asarray(X_train), np.asarray(y_train)
        self.X_test, self.y_test = np.asarray(X_test), np.asarray(y_test)
        if vmax is not None:
            self.vmax = float(vmax)
        self._gen = None            # a new Trainer on the next training piece; weights carry on
        self._trainer = None
        self._best_loss = math.inf  # new data, new loss scale
        self._diag_key = None
        self._dirty = True

    def set_lr(self, lr: float) -> None:
        self.optimizer.lr = float(lr)
        self.recipe["lr"] = float(lr)
        self._loss_warned = False

    def update_recipe(self, recipe: dict) -> None:
        """Settings that keep the weights: lr, L1, L2 now; optimizer, momentum, batch size from the next step."""
        old, self.recipe = self.recipe, dict(recipe)
        self.optimizer.lr = recipe["lr"]
        if old["lr"] != recipe["lr"]:
            self._loss_warned = False
        self.optimizer.l1 = recipe["l1"]
        self.optimizer.weight_decay = recipe["l2"]
        if (old["optimizer"], old["momentum"]) != (recipe["optimizer"], recipe["momentum"]):
            self.optimizer = build_optimizer_from_recipe(recipe, self.model.parameters())
            self._gen = self._trainer = None
        if old["batch_size"] != recipe["batch_size"]:
            self._gen = self._trainer = None

    def set_stop(self, max_epochs: int, target_loss: float) -> None:
        self.max_epochs, self.target_loss = int(max_epochs), float(target_loss)

    def set_discretize(self, on: bool) -> None:
        self.discretize = bool(on)
        self._dirty = True

    def set_focus(self, focus) -> None:
        self.focus = None if focus is None else (int(focus[0]), int(focus[1]))
        self._dirty = True

    def set_grad_view(self, on: bool) -> None:
        self.grad_view = bool(on)
        self._gacc, self._gcount = None, 0
        self._dirty = True

    def set_shared_scale(self, on: bool) -> None:
        self.shared_scale = bool(on)
        self._dirty = True

    def set_interval(self, seconds: float) -> None:
        self.interval = float(seconds)

    def refresh(self) -> None:
        self._dirty = True

    # -- the iterator the Worker pulls ---------------------------------------------------------
    def __iter__(self):
        return self

    def __next__(self):
        if self.running != (self._blas is not None):
            self._limit_blas(self.running)
        if not self.running:
            if self._dirty:
                return self._snapshot()
            time.sleep(0.015)
            return None
        if self._gen is None:
            try:
                self._make_trainer()
            except EngineError as exc:
                self.running = False
                self._set_event("error", str(exc))
                return self._snapshot()
        if self.gui_idle is not None and not self.gui_idle.is_set():
            # The GUI is drawing the last snapshot: hand it the GIL instead of fighting for it.
            w0 = time.perf_counter()
            self.gui_idle.wait(GUI_WAIT_MAX_S)
            self.stats["gui_wait"] += time.perf_counter() - w0
        if self._frame_left <= 0:
            # this frame's minibatches are done: show them, then wait for the next frame
            now = time.perf_counter()
            if not self._frame_shown and (self._dirty or now - self._last_emit >= 0.5 * self.interval):
                return self._snapshot()
            if now < self._frame_t + FRAME_S:
                time.sleep(min(self._frame_t + FRAME_S - now, 0.004))
                return None
            self._new_frame()
        gen = self._gen
        steps, losses = self._batch_steps, self._batch_losses
        c0, w0 = time.thread_time(), time.perf_counter()
        step0 = self.step
        left = min(self._frame_left, self._steps_left or UNLIMITED)
        try:
            with np.errstate(over="ignore", invalid="ignore"):   # divergence is reported, not warned about
                if self.grad_view:
                    done = self._train_slice_grads(gen, w0 + SLICE_S, steps, losses, left)
                else:
                    done = self._train_slice(gen, w0 + SLICE_S, steps, losses, left)
        except DivergenceError as exc:   # the Trainer restored the last good weights
            self.running = False
            self._gen = self._trainer = None
            self._set_event("diverged", str(exc))
            return self._snapshot()
        used = self.step - step0
        st = self.stats
        st["train_cpu"] += time.thread_time() - c0
        st["train_wall"] += time.perf_counter() - w0
        st["steps"] += used
        if self.speed is not None:
            self._frame_left -= used
        if self._steps_left:
            self._steps_left -= used
            if self._steps_left <= 0 and not done:
                self._steps_left = 0
                self.running = False
                done = True
                loss = losses[-1] if losses else float("nan")
                self._set_event("stepped", f"One step: minibatch {self.last_batch[1]} of {self.last_batch[2]} "
                                           f"in epoch {self.last_batch[0]}, loss {loss:.4g}; every weight "
                                           "moved by −η·∂L/∂w of this minibatch.")
        if done:
            self._steps_left = 0
            return self._snapshot()
        if self.speed is not None:
            return None      # the snapshot comes when the frame ends
        # a snapshot when one is due; a costly one (a big network) comes less often
        if time.perf_counter() - self._last_emit >= max(self.interval, self._cost / SNAPSHOT_SHARE):
            return self._snapshot()
        return None

    def _train_slice(self, gen, end, steps, losses, left) -> bool:
        """Minibatches for about SLICE_S seconds (at most `left` of them); True if training paused at the
        end of an epoch."""
        perf = time.perf_counter
        while True:
            rep = next(gen)
            if rep.__class__ is _BatchReport:
                steps.append(rep.step)
                losses.append(rep.loss)
                self.step = rep.step
                left -= 1
                if left <= 0:
                    return self._end_of_budget(gen, rep)
            elif self._on_epoch(rep):
                return True
            if perf() > end:
                return False

    def _end_of_budget(self, gen, rep) -> bool:
        """The last allowed minibatch ran: if it ended its epoch, record the epoch too (so the counters and
        curves show the same step); True if training pauses there."""
        self.last_batch = (rep.epoch, rep.batch, rep.n_batches)
        if rep.batch == rep.n_batches:
            return self._on_epoch(next(gen))
        return False

    def _train_slice_grads(self, gen, end, steps, losses, left) -> bool:
        """_train_slice that also sums each minibatch's gradients (read after the step, before the next
        zero_grad) for the gradient view."""
        if self._gacc is None:
            self._gparams = [p for lin in self._linears for p in lin.parameters()]
            self._gacc = [np.zeros(p.data.shape, np.float64) for p in self._gparams]
            self._gcount = 0
        pairs = list(zip(self._gacc, self._gparams, strict=False))
        perf = time.perf_counter
        while True:
            rep = next(gen)
            if rep.__class__ is _BatchReport:
                steps.append(rep.step)
                losses.append(rep.loss)
                self.step = rep.step
                for acc, p in pairs:
                    acc += p.grad
                self._gcount += 1
                left -= 1
                if left <= 0:
                    return self._end_of_budget(gen, rep)
            elif self._on_epoch(rep):
                return True
            if perf() > end:
                return False

    def _gradients(self):
        """(grads, source): per parameter of each Linear, the mean gradient of the minibatches since the
        last snapshot, or — when none ran (paused) — the gradient over all training points."""
        if self._gacc is not None and self._gcount:
            n = self._gcount
            grads = [a / n for a in self._gacc]
            for a in self._gacc:
                a.fill(0.0)
            self._gcount = 0
            return grads, ("the last minibatch" if n == 1 else f"the last {n:,} minibatches")
        if self._trainer is None:
            try:
                self._make_trainer()
            except EngineError:
                return None, ""
        with np.errstate(all="ignore"):
            grads = self._trainer.full_gradient()
        return grads, "all training points"

    def _grad_fields(self, shown) -> dict:
        grads, source = self._gradients()
        if grads is None:
            return {}
        gs, ds, gmax = [], [], []
        k = 0
        for i, lin in enumerate(self._linears):
            gw = grads[k]
            gb = grads[k + 1] if lin.bias is not None else np.zeros(gw.shape[0])
            k += 2 if lin.bias is not None else 1
            gs.append(np.array(gw[:shown[i + 1], :shown[i]], np.float32))
            ds.append(np.array(gb[:shown[i + 1]], np.float32))
            gmax.append(float(np.max(np.abs(gw))) if gw.size else 0.0)
        return {"grads": tuple(gs), "deltas": tuple(ds), "grad_max": tuple(gmax), "grad_source": source}

    def close(self) -> None:
        if self._gen is not None:
            self._gen.close()
            self._gen = None
        self._limit_blas(False)

    def _limit_blas(self, on: bool) -> None:
        """While training, one BLAS thread: these small matrices gain nothing from two, and the GUI keeps
        its core (the limit is process-wide, so it is lifted whenever this job is not training)."""
        self.thread_ident = threading.get_ident()   # (benchmarks read this thread's CPU clock)
        if on and self._blas is None:
            self._blas = blas_single_thread()
            self._blas.__enter__()
        elif not on and self._blas is not None:
            self._blas.__exit__(None, None, None)
            self._blas = None

    # -- training ------------------------------------------------------------------------------
    def _make_trainer(self) -> None:
        check_trainable(self.task, self.X_train, self.y_train)
        pipe = self.pipe
        Xt = pipe.transform(self.X_train)
        Xv = pipe.transform(self.X_test) if len(self.X_test) else None
        yv = self.y_test if len(self.X_test) else None
        t = Trainer(self.model, self.loss_fn, self.optimizer, Xt, self.y_train,
                    batch_size=min(int(self.recipe["batch_size"]), len(Xt)), rng=self.rng,
                    X_val=Xv, y_val=yv)
        t.epoch, t.step = self.epoch, self.step
        self._trainer = t
        self._gen = t.run()

    def _on_epoch(self, rep) -> bool:
        """Record an epoch; True if training pauses here."""
        self.epoch, self.step = rep.epoch, rep.step
        h = self._hist
        h["epoch"].append(rep.epoch)
        h["train_loss"].append(rep.train_loss)
        h["test_loss"].append(rep.val_loss)
        h["train_metric"].append(rep.train_metric)
        h["test_metric"].append(rep.val_metric)
        self._metric_name = rep.metric_name
        r = self._recent
        for k, v in (("train_loss", rep.train_loss), ("test_loss", rep.val_loss), ("train_metric", rep.train_metric)):
            r[k].append(v)
            if len(r[k]) > 2 * DIAG_WINDOW:
                del r[k][:DIAG_WINDOW]
        if self.max_epochs and rep.epoch >= self.max_epochs:
            self.running = False
            self._set_event("max_epochs", f"Reached the maximum of {self.max_epochs} epochs.")
        elif self.target_loss and rep.train_loss <= self.target_loss:
            self.running = False
            self._set_event("target_loss", f"Training loss {rep.train_loss:.4g} reached the target "
                                           f"{self.target_loss:g} at epoch {rep.epoch}.")
        elif self._pause_at_epoch_end:
            self._pause_at_epoch_end = False
            self.running = False
            self._set_event("stepped", f"Trained epoch {rep.epoch}: training loss {rep.train_loss:.4g}.")
        elif (not self._loss_warned and rep.train_loss > max(LOSS_JUMP * self._best_loss, LOSS_JUMP_MIN)
              and math.isfinite(rep.train_loss)):
            # the loss blew up without becoming NaN (e.g. saturated tanh units): say why, once per lr
            self._loss_warned = True
            self._set_event("loss_jump", f"The training loss jumped from {self._best_loss:.3g} to "
                                         f"{rep.train_loss:.3g}: with learning rate {self.optimizer.lr:g} the "
                                         "steps overshoot the minimum. Try a smaller learning rate.")
        if math.isfinite(rep.train_loss):
            self._best_loss = min(self._best_loss, rep.train_loss)
        if not self.running:
            self._pause_at_epoch_end = False
        return not self.running

    def _set_event(self, event: str, message: str) -> None:
        self._event, self._message = event, message
        self._dirty = True

    # -- snapshots -----------------------------------------------------------------------------
    @staticmethod
    def _empty_hist():
        return {k: [] for k in ("epoch", "train_loss", "test_loss", "train_metric", "test_metric")}

    def take_history(self) -> History:
        """The curves gathered since the last call, handed over once (call it from the worker, or after it ended)."""
        h, self._hist = self._hist, self._empty_hist()
        steps, losses = self._batch_steps, self._batch_losses
        self._batch_steps, self._batch_losses = [], []
        s = np.asarray(steps, np.int64)
        lv = np.asarray(losses, np.float64)
        if len(s) > BATCH_POINTS:   # bucket means keep the curve's shape, not its 10k points a second
            edges = np.linspace(0, len(s), BATCH_POINTS + 1).astype(int)
            lv = np.add.reduceat(lv, edges[:-1]) / np.diff(edges)
            s = s[edges[1:] - 1]
        arr = {k: np.asarray(v, np.int64 if k == "epoch" else np.float64) for k, v in h.items()}
        return History(arr["epoch"], arr["train_loss"], arr["test_loss"], arr["train_metric"],
                       arr["test_metric"], s, lv)

    # The decision map: an n×n grid (row 0 = lowest y), n adapted to what a map costs in worker CPU.
    def _grid_inputs(self):
        key = (self.grid_n, self.bounds)
        if key != self._grid_key:
            xmin, xmax, ymin, ymax = self.bounds
            n = self.grid_n
            if self.one_d:
                self._xs = np.linspace(xmin, xmax, n)
                self._gin = self.pipe.transform(self._xs[:, None])
            else:
                gx, gy = np.meshgrid(np.linspace(xmin, xmax, n), np.linspace(ymin, ymax, n))
                self._gin = self.pipe.transform(np.column_stack([gx.ravel(), gy.ravel()]))
            self._grid_key = key
        return self._gin

    # The thumbnails: a coarse THUMB×THUMB grid (row 0 = highest y, as an image is drawn) or THUMB xs.
    def _thumb_inputs(self):
        if self._tin is None:
            xmin, xmax, ymin, ymax = self.bounds
            if self.one_d:
                self._tin = self.pipe.transform(np.linspace(xmin, xmax, THUMB)[:, None])
            else:
                gx, gy = np.meshgrid(np.linspace(xmin, xmax, THUMB), np.linspace(ymax, ymin, THUMB))
                self._tin = self.pipe.transform(np.column_stack([gx.ravel(), gy.ravel()]))
        return self._tin

    def _snapshot(self) -> Snapshot:
        c0 = time.thread_time()
        model = self.model
        # thumbnails, scales and weights from one forward pass over the coarse grid
        cols = model.infer(self._thumb_inputs(), keep_all=True)   # (the model's buffers: used at once)
        kinds = self._kinds
        sizes = tuple(c.shape[1] for c in cols)
        shown = tuple(min(s, MAX_SHOWN) for s in sizes)
        scales = [self._column_scale(c, kind, i == len(cols) - 1)
                  for i, (c, kind) in enumerate(zip(cols, kinds, strict=False))]
        if self.one_d:
            thumbs = tuple(np.clip((c[:, :k] - off) / (sc if np.ndim(sc) == 0 else sc[:k]), -1, 1).T.astype(np.float32)
                           for c, k, (sc, off) in zip(cols, shown, scales, strict=False))
        else:
            thumbs = np.concatenate([self._thumb_images(c[:, :k], i == len(cols) - 1, sc, off)
                                     for i, (c, k, (sc, off)) in enumerate(zip(cols, shown, scales, strict=False))])
        weights = tuple(np.array(lin.weight.data[:shown[i + 1], :shown[i]], dtype=np.float32)
                        for i, lin in enumerate(self._linears))
        c1 = time.thread_time()
        # the map (or the fitted curve) at full resolution: one forward pass, then a table lookup
        gin = self._grid_inputs()
        n = self.grid_n
        image = curve = None
        fc = self.focus
        focus_ok = fc is not None and 0 <= fc[0] < len(cols) and 0 <= fc[1] < sizes[fc[0]]
        map_cols = model.infer(gin, keep_all=True) if focus_ok else None   # the hovered neuron's column too
        out = map_cols[-1] if focus_ok else model.infer(gin)
        if self.one_d:
            curve = (self._xs.copy(), out[:, 0].astype(np.float64))
        elif self.classify:
            image = render.decision_rgba(out, n, self.discretize)
        else:
            image = render.value_rgba(out[:, 0], n, self.vmax, self.discretize)
        c2 = time.thread_time()
        focus_image = None
        if focus_ok:
            ci, j = self.focus
            focus_image = self._focus(map_cols[ci], ci, j, scales[ci])
        now = time.perf_counter()
        state = None
        if self._small or not self.running or now - self._last_state >= STATE_EVERY_S:
            state = model.state_dict()
            self._last_state = now
        self._seq += 1
        extra = self._grad_fields(shown) if self.grad_view else {}
        diagnoses = self._diagnose(now)
        snap = Snapshot(
            seq=self._seq, epoch=self.epoch, step=self.step, running=self.running, event=self._event,
            message=self._message, lr=float(self.optimizer.lr),
            metric_name=task_of(self.task).metric_label,
            history=self.take_history(), one_d=self.one_d, bounds=self.bounds, image=image, curve=curve,
            sizes=sizes, shown=shown, thumbs=thumbs, weights=weights, focus=self.focus,
            focus_image=focus_image, state=state, diagnoses=diagnoses, **extra)
        self._event, self._message = None, ""
        self._dirty = False
        self._frame_shown = self._frame_left <= 0
        self._last_emit = time.perf_counter()
        c3 = time.thread_time()
        st = self.stats
        st["snapshots"] += 1
        st["snap_cpu"] += c3 - c0
        st["map_cpu"] += c2 - c1
        st["thumb_cpu"] += c1 - c0
        self._cost = c3 - c0
        self._adapt_grid(c2 - c1, n)
        return snap

    def _diagnose(self, now: float) -> tuple:
        """The plain-word diagnoses (engine/diagnose.py) of this network on its training inputs, refreshed
        at most every DIAGNOSE_S while training and whenever the network changed while paused."""
        key = (self.step, self.epoch, self.optimizer.lr)
        if key == self._diag_key or (self.running and now - self._diag_t < DIAGNOSE_S):
            return self._diagnoses
        self._diag_key, self._diag_t = key, now
        r = self._recent
        try:
            with np.errstate(all="ignore"):
                Xt = self.pipe.transform(self.X_train)
                health = unit_health(self.model, Xt) if len(Xt) else None
                if self.classify:
                    guess = guess_loss("classification", max(self.n_classes, 2), loss=self.recipe["loss"])
                else:
                    var = float(np.var(self.y_train)) if len(self.y_train) else None
                    guess = guess_loss("regression", y_var=var, loss=self.recipe["loss"])
                test = r["test_loss"] if len(self.X_test) else None
                metric = r["train_metric"][-1] if r["train_metric"] else None
                self._diagnoses = diagnose(r["train_loss"], test, guess=guess, metric=metric, health=health)
        except (ValueError, EngineError, FloatingPointError):
            self._diagnoses = ()
        return self._diagnoses

    def _adapt_grid(self, seconds: float, n: int) -> None:
        """Pick the map resolution whose worker CPU cost stays near MAP_BUDGET_S (between GRID_MIN and
        GRID_MAX). CPU time, unlike wall time, does not grow when other programs load the machine."""
        if self.one_d or n != self.grid_n:
            return
        per_px = seconds / (n * n)
        self._px_cost = per_px if self._px_cost is None else 0.7 * self._px_cost + 0.3 * per_px
        target = int(math.sqrt(MAP_BUDGET_S / max(self._px_cost, 1e-12))) // 8 * 8
        target = min(GRID_MAX, max(GRID_MIN, target))
        if abs(target - n) >= 16 or (target == GRID_MAX and n < GRID_MAX and target - n >= 8):
            self.grid_n = target

    def _column_scale(self, c: np.ndarray, kind: str, is_out: bool):
        if is_out:
            if not self.classify:
                return max(self.vmax, 1e-9), 0.0
            return 1.0, 0.0          # probabilities (coloured per class)
        return render.column_scale(c, kind, per_unit=not self.shared_scale)

    def _thumb_images(self, c: np.ndarray, is_out: bool, scale, offset) -> np.ndarray:
        if is_out and self.classify:
            return render.class_images(_class_probabilities(c), np.arange(c.shape[1]), THUMB)
        return render.signed_images(c, scale if np.ndim(scale) == 0 else scale[:c.shape[1]], offset, THUMB)

    def _focus(self, c: np.ndarray, ci: int, j: int, scale_offset):
        """The hovered neuron at the map's resolution from its column `c` (2-D: an RGBA image; 1-D: (xs, values))."""
        n = self.grid_n
        last = ci == len(self._kinds) - 1
        if last and self.classify:
            c = _class_probabilities(c)
        v = c[:, j]
        if self.one_d:
            return (self._xs.copy(), np.array(v, dtype=np.float64))
        if last and self.classify:
            return render.class_images(v[:, None], np.array([j]), n)[0]
        sc, off = scale_offset
        sc = sc if np.ndim(sc) == 0 else sc[j]
        return render.signed_images(v[:, None], sc, off, n)[0]


def _class_probabilities(scores: np.ndarray) -> np.ndarray:
    """One probability column per output unit (float32): softmax, or for a single logit P(class 1)."""
    p = probabilities_(np.array(scores, np.float32))
    return p[:, 1:] if scores.shape[1] == 1 else p


from engine.train import BatchReport as _BatchReport  # noqa: E402  (fast class check in the hot loop)
