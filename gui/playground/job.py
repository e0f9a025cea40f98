"""The training job: runs on the worker thread (gui/worker.py pulls it), never touches Qt.

Each `next()` trains for about a millisecond (or sleeps briefly while paused) and returns None or
a frozen Snapshot: every ~55 ms while training, and at once after a pause point, an error or a
command that changes what is shown. Commands (play, pause, new data, new learning rate, ...) are
methods called on the worker thread through `Worker.call`, so the job's state has one owner.

Inputs are standardised with a fixed scaling computed over the whole playground square (not from
the points), so adding points while training never shifts what the network sees.
"""
from __future__ import annotations

import math
import time

import numpy as np

from engine import DataError, DivergenceError, EngineError, Linear, Pipeline, Trainer
from engine.data import expand_features
from engine.layers import Dropout, softmax
from engine.recipe import build_loss, build_model_from_recipe, build_optimizer_from_recipe
from gui.playground.snapshot import History, Snapshot
from gui.widgets.colors import CLASS_RGB, signed_rgba

SLICE_S = 0.0008           # train this long per next()
MAX_SHOWN = 10             # neurons drawn per layer in the diagram
THUMB = 40                 # thumbnail side (2-D) / samples (1-D)
BATCH_POINTS = 96          # at most this many minibatch-loss points per snapshot
STATE_EVERY_S = 1.0        # full weights in a snapshot at most this often while training (big nets)
SMALL_NET = 20000
GUI_WAIT_MAX_S = 0.03      # never wait longer than this for the GUI to finish drawing          # below this many parameters, every snapshot carries the weights


def fixed_scaling(features, one_d: bool, bounds) -> tuple[np.ndarray, np.ndarray]:
    """Mean and std of each feature over a uniform grid of the playground square."""
    xmin, xmax, ymin, ymax = bounds
    g = np.linspace(xmin, xmax, 121)
    if one_d:
        X = g[:, None]
    else:
        gx, gy = np.meshgrid(g, np.linspace(ymin, ymax, 121))
        X = np.column_stack([gx.ravel(), gy.ravel()])
    F = expand_features(X, features)
    std = F.std(axis=0)
    return F.mean(axis=0), np.where(std > 1e-12, std, 1.0)


class TrainingJob:
    def __init__(self, recipe: dict, task: str, n_classes: int, data, *, bounds, one_d: bool,
                 weights: dict | None = None, counters=(0, 0), seed=None, running: bool = False,
                 max_epochs: int = 0, target_loss: float = 0.0, discretize: bool = False,
                 interval: float = 0.055, vmax: float = 1.0, gui_idle=None):
        self.recipe = dict(recipe)
        self.task = "classification" if task == "classification" else "regression"
        self.n_classes = int(n_classes)
        self.one_d = bool(one_d)
        self.bounds = tuple(map(float, bounds))
        self.rng = np.random.default_rng(seed)
        feats = tuple(recipe["features"])
        n_out = self.n_classes if self.task == "classification" else 1
        self.model = build_model_from_recipe(recipe, len(feats), n_out, self.rng)
        if weights is not None:
            self.model.load_state_dict(weights)
        self.optimizer = build_optimizer_from_recipe(recipe, self.model.parameters())
        self.loss_fn = build_loss(recipe)
        mean, std = fixed_scaling(feats, self.one_d, self.bounds)
        self.pipe = Pipeline(self.model, self.task, self.n_classes if self.task == "classification" else 0,
                             feats, mean, std)
        self.epoch, self.step = int(counters[0]), int(counters[1])
        self.running = bool(running)
        self.max_epochs, self.target_loss = int(max_epochs), float(target_loss)
        self.discretize = bool(discretize)
        self.interval = float(interval)
        self.vmax = float(vmax)
        self.gui_idle = gui_idle    # a threading.Event the GUI clears while it draws a snapshot
        self.focus = None
        self.grid_n = 160 if not self.one_d else 400
        self._gen = None
        self._trainer = None
        self._pause_at_epoch_end = False
        self._dirty = True          # the first next() hands out a snapshot
        self._event, self._message = None, ""
        self._seq = 0
        self._last_emit = -1e18
        self._last_state = -1e18
        self._hist = self._empty_hist()
        self._batch_steps: list[int] = []
        self._batch_losses: list[float] = []
        self._linears = [l for l in self.model if isinstance(l, Linear)]
        self._small = self.model.num_parameters() < SMALL_NET
        self.set_data(*data)
        self._grid_key = None

    # -- commands (called on the worker thread via Worker.call) --------------------------------
    def play(self) -> None:
        self._pause_at_epoch_end = False
        if not self.running:
            self.running = True
            self._dirty = True

    def pause(self) -> None:
        if self.running:
            self.running = False
            self._set_event("paused", f"Paused at epoch {self.epoch}, step {self.step}.")

    def step_epoch(self) -> None:
        """Train until the end of the current epoch, then pause."""
        self._pause_at_epoch_end = True
        if not self.running:
            self.running = True
            self._dirty = True

    def set_data(self, X_train, y_train, X_test, y_test, vmax: float | None = None) -> None:
        self.X_train, self.y_train = np.asarray(X_train), np.asarray(y_train)
        self.X_test, self.y_test = np.asarray(X_test), np.asarray(y_test)
        if vmax is not None:
            self.vmax = float(vmax)
        self._gen = None            # a new Trainer on the next training piece; weights carry on
        self._trainer = None
        self._dirty = True

    def set_lr(self, lr: float) -> None:
        self.optimizer.lr = float(lr)
        self.recipe["lr"] = float(lr)

    def update_recipe(self, recipe: dict) -> None:
        """Settings that keep the weights: lr, L1, L2 now; optimizer, momentum, batch size from the next step."""
        old, self.recipe = self.recipe, dict(recipe)
        self.optimizer.lr = recipe["lr"]
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

    def set_interval(self, seconds: float) -> None:
        self.interval = float(seconds)

    def refresh(self) -> None:
        self._dirty = True

    # -- the iterator the Worker pulls ---------------------------------------------------------
    def __iter__(self):
        return self

    def __next__(self):
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
            self.gui_idle.wait(GUI_WAIT_MAX_S)
        gen = self._gen
        end = time.perf_counter() + SLICE_S
        steps, losses = self._batch_steps, self._batch_losses
        try:
            with np.errstate(over="ignore", invalid="ignore"):   # divergence is reported, not warned about
                return self._train_slice(gen, end, steps, losses)
        except DivergenceError as exc:   # the Trainer restored the last good weights
            self.running = False
            self._gen = self._trainer = None
            self._set_event("diverged", str(exc))
            return self._snapshot()

    def _train_slice(self, gen, end, steps, losses):
        """Minibatches for about SLICE_S seconds; a snapshot if one is due."""
        while True:
            rep = next(gen)
            if rep.__class__ is _BatchReport:
                steps.append(rep.step)
                losses.append(rep.loss)
                self.step = rep.step
            elif self._on_epoch(rep):
                return self._snapshot()
            if time.perf_counter() > end:
                break
        if time.perf_counter() - self._last_emit >= self.interval:
            return self._snapshot()
        return None

    def close(self) -> None:
        if self._gen is not None:
            self._gen.close()
            self._gen = None

    # -- training ------------------------------------------------------------------------------
    def _make_trainer(self) -> None:
        if len(self.X_train) == 0:
            raise DataError("There are no training points: add some points (or lower the test share).")
        if self.task == "classification":
            present = np.unique(self.y_train)
            if len(present) < 2:
                raise DataError("The training points have only one class: add points of another class "
                                "(the network has nothing to tell apart).")
        elif len(self.X_train) < 2:
            raise DataError("Regression needs at least two training points.")
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

    def _take_history(self) -> History:
        h, self._hist = self._hist, self._empty_hist()
        steps, losses = self._batch_steps, self._batch_losses
        self._batch_steps, self._batch_losses = [], []
        s = np.asarray(steps, np.int64)
        l = np.asarray(losses, np.float64)
        if len(s) > BATCH_POINTS:   # bucket means keep the curve's shape, not its 10k points a second
            edges = np.linspace(0, len(s), BATCH_POINTS + 1).astype(int)
            l = np.add.reduceat(l, edges[:-1]) / np.diff(edges)
            s = s[edges[1:] - 1]
        arr = {k: np.asarray(v, np.int64 if k == "epoch" else np.float64) for k, v in h.items()}
        return History(arr["epoch"], arr["train_loss"], arr["test_loss"], arr["train_metric"],
                       arr["test_metric"], s, l)

    def _grid_inputs(self):
        key = (self.grid_n, self.bounds)
        if key != self._grid_key:
            xmin, xmax, ymin, ymax = self.bounds
            if self.one_d:
                self._xs = np.linspace(xmin, xmax, self.grid_n)
                self._gin = self.pipe.transform(self._xs[:, None])
            else:
                n = self.grid_n
                gx, gy = np.meshgrid(np.linspace(xmin, xmax, n), np.linspace(ymin, ymax, n))
                self._gin = self.pipe.transform(np.column_stack([gx.ravel(), gy.ravel()]))
            self._grid_key = key
            self._input_thumbs = None
        return self._gin

    def _snapshot(self) -> Snapshot:
        t0 = time.perf_counter()
        gin = self._grid_inputs()
        model = self.model
        model.eval()
        try:
            outs = model.forward_all(gin)
        finally:
            model.train()
        # columns: inputs, each hidden activation, output
        cols = [gin]
        layers = model.layers
        for i, layer in enumerate(layers[:-1]):
            if not isinstance(layer, (Linear, Dropout)) and isinstance(layers[i - 1], Linear):
                cols.append(outs[i])
        logits = outs[-1]
        if self.task == "classification":
            out_vals = softmax(np.array(logits, dtype=np.float32))
        else:
            out_vals = np.array(logits)
        cols.append(out_vals)
        sizes = tuple(c.shape[1] for c in cols)
        shown = tuple(min(s, MAX_SHOWN) for s in sizes)
        thumbs, focus_image = [], None
        n = self.grid_n
        for ci, (c, k) in enumerate(zip(cols, shown)):
            is_out = ci == len(cols) - 1
            thumbs.append(self._thumbs(c, k, ci, is_out))
        if self.focus is not None:
            ci, j = self.focus
            if 0 <= ci < len(cols) and 0 <= j < cols[ci].shape[1]:
                focus_image = self._focus(cols[ci], j, ci == len(cols) - 1)
        image = curve = None
        if self.one_d:
            curve = (self._xs.copy(), out_vals[:, 0].astype(np.float64))
        elif self.task == "classification":
            cls = out_vals.argmax(axis=1)
            rgba = np.empty((n * n, 4), np.uint8)
            rgba[:, :3] = CLASS_RGB[cls]
            if self.discretize:
                rgba[:, 3] = 150
            else:
                C = out_vals.shape[1]
                strength = (out_vals.max(axis=1) - 1.0 / C) * (C / (C - 1.0))
                rgba[:, 3] = (np.clip(strength, 0, 1) ** 0.8 * 200).astype(np.uint8)
            image = rgba.reshape(n, n, 4)
        else:
            v = out_vals[:, 0]
            if self.discretize:
                v = np.round(v / max(self.vmax, 1e-9) * 4) / 4 * self.vmax
            image = signed_rgba(v, self.vmax, 0.85).reshape(n, n, 4)
        weights = tuple(np.array(l.weight.data[:shown[i + 1], :shown[i]], dtype=np.float32)
                        for i, l in enumerate(self._linears))
        now = time.perf_counter()
        state = None
        if self._small or not self.running or now - self._last_state >= STATE_EVERY_S:
            state = model.state_dict()
            self._last_state = now
        self._seq += 1
        snap = Snapshot(
            seq=self._seq, epoch=self.epoch, step=self.step, running=self.running, event=self._event,
            message=self._message, lr=float(self.optimizer.lr),
            metric_name="accuracy" if self.task == "classification" else "R²",
            history=self._take_history(), one_d=self.one_d, bounds=self.bounds, image=image, curve=curve,
            sizes=sizes, shown=shown, thumbs=tuple(thumbs), weights=weights, focus=self.focus,
            focus_image=focus_image, state=state)
        self._event, self._message = None, ""
        self._dirty = False
        self._last_emit = time.perf_counter()
        self._adapt_grid(self._last_emit - t0)
        return snap

    def _adapt_grid(self, seconds: float) -> None:
        """Keep drawing the map cheap next to training: shrink the grid for big networks."""
        if self.one_d:
            return
        budget = 0.012
        n = self.grid_n
        if seconds > budget * 1.3 and n > 64:
            n = max(64, int(n * math.sqrt(budget / seconds)) // 8 * 8)
        elif seconds < budget * 0.5 and n < 160:
            n = min(160, n + 16)
        if n != self.grid_n:
            self.grid_n = n

    def _scale(self, c: np.ndarray) -> float:
        m = float(np.max(np.abs(c))) if c.size else 1.0
        return m if m > 1e-9 else 1.0

    def _thumbs(self, c: np.ndarray, k: int, ci: int, is_out: bool) -> np.ndarray:
        n = self.grid_n
        if self.one_d:
            idx = np.linspace(0, n - 1, THUMB).astype(int)
            sub = c[idx, :k].T.astype(np.float32)
            scale = np.asarray(self._out_scale(c, is_out))
            scale = scale[:k, None] if scale.ndim == 1 else scale
            return np.clip(sub / scale, -1, 1)
        idx = np.linspace(0, n - 1, THUMB).astype(int)
        sub = c.reshape(n, n, -1)[np.ix_(idx, idx, np.arange(k))]     # (m, m, k)
        sub = np.moveaxis(sub, 2, 0)                                    # (k, m, m)
        return self._color(sub, c, is_out)

    def _out_scale(self, c, is_out):
        """Regression output: the targets' scale. Hidden units and inputs: each its own largest |value|,
        so a neuron with small activations still shows its pattern."""
        if is_out and self.task == "regression":
            return max(self.vmax, 1e-9)
        if is_out:
            return 1.0
        m = np.max(np.abs(c), axis=0) if c.ndim == 2 else np.max(np.abs(c))
        return np.where(m > 1e-9, m, 1.0)

    def _color(self, sub: np.ndarray, c: np.ndarray, is_out: bool) -> np.ndarray:
        if is_out and self.task == "classification":
            rgba = np.empty(sub.shape + (4,), np.uint8)
            rgba[..., :3] = CLASS_RGB[np.arange(sub.shape[0]) % len(CLASS_RGB)][:, None, None, :]
            rgba[..., 3] = (np.clip(sub, 0, 1) * 230).astype(np.uint8)
            return rgba
        scale = np.asarray(self._out_scale(c, is_out))
        if scale.ndim == 1:                       # per neuron: sub is (k, m, m)
            scale = scale[:sub.shape[0], None, None]
        return _signed(sub, scale)

    def _focus(self, c: np.ndarray, j: int, is_out: bool):
        n = self.grid_n
        if self.one_d:
            return (self._xs.copy(), np.array(c[:, j], dtype=np.float64))
        img = c[:, j].reshape(1, n, n)
        if is_out:
            return self._color(img, c, is_out)[0] if self.task == "regression" else self._color_one(img, j)
        scale = np.asarray(self._out_scale(c, is_out))
        return _signed(img, scale[j] if scale.ndim == 1 else scale)[0]

    def _color_one(self, img, j):
        rgba = np.empty(img.shape + (4,), np.uint8)
        rgba[..., :3] = CLASS_RGB[j % len(CLASS_RGB)]
        rgba[..., 3] = (np.clip(img, 0, 1) * 230).astype(np.uint8)
        return rgba[0]


def _signed(v, scale):
    """signed_rgba with a scale that may be an array broadcasting against v."""
    return signed_rgba(np.asarray(v, np.float32) / np.asarray(scale, np.float32), 1.0)


from engine.train import BatchReport as _BatchReport  # noqa: E402  (fast class check in the hot loop)
