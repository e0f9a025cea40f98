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

from engine import DivergenceError, EngineError, Pipeline, Trainer
from engine.adopt import check_trainable, fixed_scaling  # noqa: F401  (fixed_scaling: kept importable here)
from engine.recipe import build_loss, build_model_from_recipe, build_optimizer_from_recipe
from engine.tasks import task_of
from gui.blas import single_thread as blas_single_thread
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.playground.epoch_log import EpochLog
from gui.playground.pictures import GRID_MAX, GRID_MIN, MAX_SHOWN, THUMB, GradientView, Pictures  # noqa: F401
from gui.playground.snapshot import History, Sig, Snapshot, engine_message

SLICE_S = 0.0008           # train this long per next()
STATE_EVERY_S = 1.0        # full weights in a snapshot at most this often while training (big nets)
SMALL_NET = 20000          # below this many parameters, every snapshot carries the weights
GUI_WAIT_MAX_S = 0.03      # never wait longer than this for the GUI to finish drawing
SNAPSHOT_SHARE = 0.25      # snapshots may take at most this share of the worker's time
LOSS_JUMP = 5.0            # an epoch's training loss this many times the best so far (and > LOSS_JUMP_MIN)
LOSS_JUMP_MIN = 0.1        # ... gets one "learning rate too high?" note per learning rate
FRAME_S = 0.05             # a frame when training is slowed: its minibatches, then one snapshot
UNLIMITED = 1 << 62


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
        self._grads = None          # a GradientView while the gradient view is on
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
        self._log = EpochLog()
        self._pictures = Pictures(self.model, self.pipe, one_d=self.one_d, classify=self.classify,
                                  bounds=self.bounds)
        self._linears = self._pictures.linears
        self._small = self.model.num_parameters() < SMALL_NET
        self.set_data(*data)
        self.set_speed(speed)

    # -- commands (called on the worker thread via Worker.call) --------------------------------
    def play(self) -> None:
        self._start(pause_at_epoch_end=False)

    def pause(self) -> None:
        if self.running:
            self.running = False
            self._set_event("paused", Message.info(QT_TR_NOOP("Paused at epoch %1, step %2."), self.epoch, self.step))

    def step_epoch(self) -> None:
        """Train until the end of the current epoch, then pause."""
        self._start(pause_at_epoch_end=True)

    def step_batches(self, n: int = 1) -> None:
        """Train exactly `n` minibatches (one SGD step each), then pause."""
        if not self.running:
            self._start(pause_at_epoch_end=False, steps=max(1, int(n)))

    def _start(self, *, pause_at_epoch_end: bool, steps: int = 0) -> None:
        """Train on (steps > 0: for that many minibatches; pause_at_epoch_end: until the epoch ends)."""
        self._pause_at_epoch_end = pause_at_epoch_end
        self._steps_left = steps
        if not self.running:
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
        self._log.forget_diagnoses()
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
        self._grads = None
        self._dirty = True

    @property
    def grid_n(self) -> int:
        """The decision map's current resolution (adapted to its worker CPU cost)."""
        return self._pictures.grid_n

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
                self._set_event("error", engine_message(exc))
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
        steps, losses = self._log.batch_steps, self._log.batch_losses
        c0, w0 = time.thread_time(), time.perf_counter()
        step0 = self.step
        left = min(self._frame_left, self._steps_left or UNLIMITED)
        try:
            with np.errstate(over="ignore", invalid="ignore"):   # divergence is reported, not warned about
                done = self._train_slice(gen, w0 + SLICE_S, steps, losses, left, self._gradient_adder())
        except DivergenceError as exc:   # the Trainer restored the last good weights
            self.running = False
            self._gen = self._trainer = None
            self._set_event("diverged", engine_message(exc))
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
                self._set_event("stepped", Message.info(
                    QT_TR_NOOP("One step: minibatch %1 of %2 in epoch %3, loss %4; every weight moved by −η·∂L/∂w "
                               "of this minibatch."),
                    self.last_batch[1], self.last_batch[2], self.last_batch[0], Sig(loss, 4)))
        if done:
            self._steps_left = 0
            return self._snapshot()
        if self.speed is not None:
            return None      # the snapshot comes when the frame ends
        # a snapshot when one is due; a costly one (a big network) comes less often
        if time.perf_counter() - self._last_emit >= max(self.interval, self._cost / SNAPSHOT_SHARE):
            return self._snapshot()
        return None

    def _train_slice(self, gen, end, steps, losses, left, add=None) -> bool:
        """Minibatches for about SLICE_S seconds (at most `left` of them); True if training paused at the
        end of an epoch. `add()`, if given, runs after each step (the gradient view sums the gradients)."""
        perf = time.perf_counter
        while True:
            rep = next(gen)
            if rep.__class__ is _BatchReport:
                steps.append(rep.step)
                losses.append(rep.loss)
                self.step = rep.step
                if add is not None:
                    add()
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

    def _gradient_adder(self):
        """While the gradient view is on: the call that sums each minibatch's gradients, else None."""
        if not self.grad_view:
            return None
        if self._grads is None:
            self._grads = GradientView(self._linears)
        return self._grads.add

    def _full_gradient(self):
        """The gradient over all training points (None if this data cannot train)."""
        if self._trainer is None:
            try:
                self._make_trainer()
            except EngineError:
                return None
        with np.errstate(all="ignore"):
            return self._trainer.full_gradient()

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
        self._log.add_epoch(rep)
        if self.max_epochs and rep.epoch >= self.max_epochs:
            self.running = False
            self._set_event("max_epochs", Message.info(QT_TR_NOOP("Reached the maximum of %1 epochs."),
                                                       self.max_epochs))
        elif self.target_loss and rep.train_loss <= self.target_loss:
            self.running = False
            self._set_event("target_loss", Message.info(
                QT_TR_NOOP("Training loss %1 reached the target %2 at epoch %3."),
                Sig(rep.train_loss, 4), Sig(self.target_loss, 6), rep.epoch))
        elif self._pause_at_epoch_end:
            self._pause_at_epoch_end = False
            self.running = False
            self._set_event("stepped", Message.info(QT_TR_NOOP("Trained epoch %1: training loss %2."), rep.epoch,
                                                    Sig(rep.train_loss, 4)))
        elif (not self._loss_warned and rep.train_loss > max(LOSS_JUMP * self._best_loss, LOSS_JUMP_MIN)
              and math.isfinite(rep.train_loss)):
            # the loss blew up without becoming NaN (e.g. saturated tanh units): say why, once per lr
            self._loss_warned = True
            self._set_event("loss_jump", Message.info(
                QT_TR_NOOP("The training loss jumped from %1 to %2: with learning rate %3 the steps overshoot the "
                           "minimum. Try a smaller learning rate."),
                Sig(self._best_loss, 3), Sig(rep.train_loss, 3), Sig(self.optimizer.lr, 6)))
        if math.isfinite(rep.train_loss):
            self._best_loss = min(self._best_loss, rep.train_loss)
        if not self.running:
            self._pause_at_epoch_end = False
        return not self.running

    def _set_event(self, event: str, message: Message) -> None:
        self._event, self._message = event, message
        self._dirty = True

    # -- snapshots -----------------------------------------------------------------------------
    def take_history(self) -> History:
        """The curves gathered since the last call, handed over once (call it from the worker, or after it ended)."""
        return self._log.take_history()

    def _snapshot(self) -> Snapshot:
        c0 = time.thread_time()
        model = self.model
        pictures, thumb_cpu, map_cpu = self._pictures.draw(self.focus, discretize=self.discretize, vmax=self.vmax,
                                                           shared_scale=self.shared_scale)
        now = time.perf_counter()
        state = None
        if self._small or not self.running or now - self._last_state >= STATE_EVERY_S:
            state = model.state_dict()
            self._last_state = now
        self._seq += 1
        extra = self._grads.fields(pictures["shown"], self._full_gradient) if self._gradient_adder() else {}
        diagnoses = self._log.diagnose(self, now)
        snap = Snapshot(
            seq=self._seq, epoch=self.epoch, step=self.step, running=self.running, event=self._event,
            message=self._message, lr=float(self.optimizer.lr),
            metric_name=task_of(self.task).metric_label,
            history=self.take_history(), one_d=self.one_d, bounds=self.bounds, state=state,
            diagnoses=diagnoses, **pictures, **extra)
        self._event, self._message = None, ""
        self._dirty = False
        self._frame_shown = self._frame_left <= 0
        self._last_emit = time.perf_counter()
        c3 = time.thread_time()
        st = self.stats
        st["snapshots"] += 1
        st["snap_cpu"] += c3 - c0
        st["map_cpu"] += map_cpu
        st["thumb_cpu"] += thumb_cpu
        self._cost = c3 - c0
        return snap


from engine.train import BatchReport as _BatchReport  # noqa: E402  (fast class check in the hot loop)
