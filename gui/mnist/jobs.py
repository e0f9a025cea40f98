"""The MNIST lab's worker jobs (loading, training, evaluating) and the frozen snapshots they hand
to the GUI. No Qt here: each job is an iterator the gui.worker.Worker pulls on its thread.

A `TrainingSession` owns the network and its Trainer. Only the worker touches it while a run is
going; the GUI reads it only when no worker is running (after `Worker.stop()` has returned).
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field

import numpy as np

from engine import BatchReport, EpochReport, Pipeline, Trainer, build_model, confusion_matrix
from engine.api import PIXEL_SCALE, pixels_to_inputs
from engine.idx import ImageDataset, load_idx_folder
from engine.recipe import (
    build_loss,
    build_model_from_recipe,
    build_optimizer_from_recipe,
    build_transform_from_recipe,
    validate_recipe,
)
from gui.blas import single_thread

EMIT_INTERVAL = 0.125     # seconds between progress snapshots (8/s: each costs the GUI thread a little)
LIVE_TEST_INTERVAL = 0.3  # seconds between live test-accuracy estimates (and weight statistics)
LIVE_TEST_SIZE = 1000     # test images used for the live estimate
LOSS_POINTS_PER_EPOCH = 100  # the smoothed per-batch loss curve keeps about this many points per epoch
TRAIN_EVAL_SIZE = 10000   # training images scored after each epoch (like the 10,000 test images)
EVAL_CHUNK = 2048         # images per piece of an evaluation (the worker yields the GIL between pieces)
EPOCH_PAUSE = 0.02        # seconds the worker rests after an epoch's results, while the GUI thread draws
                          # them: without it, both fight over the GIL and the GUI's frame takes twice as long
LOSS_SMOOTHING = 0.98     # EMA factor of the per-batch loss curve
LIVE_SETTINGS = ("lr", "l1", "l2")  # recipe settings that can change while training
SUBSET_SEED = 0           # the subset of N training images is the first N of a fixed shuffle


def readonly(a: np.ndarray) -> np.ndarray:
    a = np.ascontiguousarray(a)
    a.flags.writeable = False
    return a


# -- snapshots ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LoadProgress:
    fraction: float


@dataclass(frozen=True, eq=False)
class DataReady:
    data: ImageDataset
    folder: str | None   # None: the bundled MNIST


@dataclass(frozen=True, eq=False)
class TrainProgress:
    epoch: int            # the session's epoch (1-based) the last batch belonged to
    batch: int
    n_batches: int
    done: int             # batches done in this run
    total: int            # batches this run will do
    seconds_left: float   # NaN until known
    loss_x: np.ndarray    # new points of the smoothed loss curve (x in epochs)
    loss_y: np.ndarray
    live_acc: float       # test accuracy on a fixed sample of the test set, or NaN if not measured now
    live_x: float
    weights: WeightStats | None = None   # new weight statistics since the last snapshot, if any


@dataclass(frozen=True, eq=False)
class WeightStats:
    """Size of the weights of each linear layer at some moments of training (rows = moments)."""
    x: np.ndarray          # (k,) when, in epochs (0 = the initial random weights)
    largest: np.ndarray    # (k, L) largest |w| of each layer's weight matrix
    mean: np.ndarray       # (k, L) mean |w| of each layer's weight matrix
    layers: tuple          # (L,) names such as "W₁ 784→256"


@dataclass(frozen=True, eq=False)
class Evaluation:
    """What the evaluation views show, for one network on one test set."""
    accuracy: float
    loss: float                 # mean cross-entropy on the test set
    confusion: np.ndarray       # (C, C) counts, rows = true class
    per_class: np.ndarray       # (C,) recall, NaN for a class without test images
    predicted: np.ndarray       # (n_test,) labels
    confidence: np.ndarray      # (n_test,) probability of the predicted class
    first_weights: np.ndarray   # (units, h, w) first-layer weights
    class_names: tuple


@dataclass(frozen=True, eq=False)
class EpochDone:
    epoch: int
    train_loss: float           # measured after the epoch, in eval mode, on up to 10,000 training images
    train_acc: float            # (the same weights and the same way as the test scores: comparable)
    test_loss: float
    test_acc: float
    seconds: float
    pipeline: Pipeline          # a copy, for drawing and saving
    evaluation: Evaluation
    weights: WeightStats        # the weight statistics at the end of this epoch


@dataclass(frozen=True, eq=False)
class EvaluationReady:
    evaluation: Evaluation


# -- helpers -----------------------------------------------------------------------------------
def flat_inputs(images: np.ndarray) -> np.ndarray:
    """(n, h, w) uint8 → (n, h·w) float32 in [0, 1] — what the network sees (the Pipeline's std is 255)."""
    return pixels_to_inputs(images)  # the one definition of the pixel scaling (engine/api.py)


def subset_indices(n_total: int, n: int) -> np.ndarray:
    if n >= n_total:
        return np.arange(n_total)
    return np.sort(np.random.default_rng(SUBSET_SEED).permutation(n_total)[:n])


def copy_pipeline(model, class_names, meta=None) -> Pipeline:
    """A Pipeline around an independent copy of `model`, reading raw 0–255 pixels."""
    clone = build_model(model.get_config(), np.random.default_rng(0))
    clone.load_state_dict({k: v.copy() for k, v in model.state_dict().items()})
    n_in = clone.layers[0].in_features
    return Pipeline(clone, "classification", len(class_names), None, np.zeros(n_in), np.full(n_in, PIXEL_SCALE),
                    tuple(class_names), dict(meta or {}))


def evaluate(pipeline: Pipeline, data: ImageDataset, X_test: np.ndarray | None = None) -> Evaluation:
    """Predictions, confusion matrix, per-class accuracy and first-layer weights on the test set."""
    gen = evaluate_steps(pipeline, data, X_test)
    while True:
        try:
            next(gen)
        except StopIteration as stop:
            return stop.value


def evaluate_steps(pipeline: Pipeline, data: ImageDataset, X_test: np.ndarray | None = None):
    """`evaluate` in pieces: a generator that yields None after each chunk of images (so a worker can
    hand the GIL to the GUI thread) and returns the Evaluation (`ev = yield from evaluate_steps(...)`)."""
    n_classes = len(data.class_names)
    if X_test is None:
        X_test = flat_inputs(data.test_images)
    y = data.test_labels
    scores = yield from _scores_steps(pipeline.model, X_test, pipeline.dtype)
    loss, acc, predicted, confidence = _score_summary(scores, y, n_classes)
    cm = confusion_matrix(y, predicted, n_classes) if len(y) else np.zeros((n_classes, n_classes), np.int64)
    support = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        per_class = np.where(support > 0, np.diag(cm) / np.maximum(support, 1), np.nan)
    w = pipeline.model.layers[0].weight.data
    shape = data.image_shape if w.shape[1] == int(np.prod(data.image_shape)) else (1, w.shape[1])
    return Evaluation(acc, loss, readonly(cm), readonly(per_class), readonly(predicted), readonly(confidence),
                      readonly(w.reshape(len(w), *shape).copy()), tuple(data.class_names))


def _scores_steps(model, X01: np.ndarray, dtype):
    """Raw network outputs for inputs already scaled to [0, 1], EVAL_CHUNK rows per piece (eval mode)."""
    from engine import predict_scores as predict  # raw scores
    parts = []
    for i in range(0, len(X01), EVAL_CHUNK):
        parts.append(predict(model, X01[i:i + EVAL_CHUNK].astype(dtype, copy=False)))
        yield None
    return np.concatenate(parts) if parts else np.zeros((0, 1), np.float32)


def _score_summary(scores: np.ndarray, y: np.ndarray, n_classes: int):
    """(mean cross-entropy, accuracy, predicted labels, confidence) from raw outputs and true labels."""
    if not len(y):
        return math.nan, math.nan, np.zeros(0, np.int64), np.zeros(0)
    s = scores.astype(np.float64)
    top = s.max(axis=1, keepdims=True)
    e = np.exp(s - top)
    total = e.sum(axis=1)
    predicted = np.minimum(s.argmax(axis=1), n_classes - 1)
    confidence = 1.0 / total                       # softmax probability of the top class
    picked = np.take_along_axis(s, np.minimum(y, s.shape[1] - 1)[:, None], axis=1)[:, 0]
    loss = float(np.mean(top[:, 0] + np.log(total) - picked))
    return loss, float(np.mean(predicted == y)), predicted, confidence


def weight_stats(model) -> tuple[np.ndarray, np.ndarray]:
    """(largest |w|, mean |w|) of each linear layer's weight matrix (biases left out)."""
    ws = [m.weight.data for m in model.layers if hasattr(m, "weight")]
    return (np.array([float(np.abs(w).max()) if w.size else 0.0 for w in ws]),
            np.array([float(np.abs(w).mean()) if w.size else 0.0 for w in ws]))


def layer_names(model) -> tuple:
    lin = [m for m in model.layers if hasattr(m, "weight")]
    return _names([lin[0].in_features] + [m.out_features for m in lin] if lin else [])


def planned_layer_names(recipe: dict, data: ImageDataset) -> tuple:
    """The names `layer_names` will give the linear layers of the network this recipe builds for `data`."""
    return _names([int(np.prod(data.image_shape))] + [int(h["units"]) for h in recipe["hidden"]] + [data.n_classes])


def _names(sizes) -> tuple:
    sub = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    pairs = zip(sizes[:-1], sizes[1:], strict=True)
    return tuple(f"W{str(i + 1).translate(sub)} {a}→{b}" for i, (a, b) in enumerate(pairs))


# -- jobs --------------------------------------------------------------------------------------
def load_job(folder: str | None):
    """Load an IDX folder (None: the bundled MNIST) on a helper thread, reporting progress."""
    state = {"fraction": 0.0}
    result: dict = {}

    def target():
        try:
            result["data"] = load_idx_folder(folder, progress=lambda f: state.__setitem__("fraction", f))
        except BaseException as exc:  # handed to the worker, which turns it into a message
            result["error"] = exc

    thread = threading.Thread(target=target, name="idx-loader", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(EMIT_INTERVAL)
        yield LoadProgress(state["fraction"])
    if "error" in result:
        raise result["error"]
    data = result["data"]
    for arr in (data.train_images, data.train_labels, data.test_images, data.test_labels):
        arr.flags.writeable = False
    yield DataReady(data, folder)


def evaluation_job(pipeline: Pipeline, data: ImageDataset):
    yield None  # let a stop request in before the work starts
    with single_thread():
        ev = yield from evaluate_steps(pipeline, data)
        yield EvaluationReady(ev)


@dataclass(eq=False)
class TrainingSession:
    """A network being trained on one data set with one recipe; survives pause/stop/continue."""
    data: ImageDataset
    recipe: dict
    n_train: int
    seed: int = 0
    lr_decay: float = 1.0   # the learning rate is multiplied by this after every epoch (a preset's "lr_decay")
    model: object = None
    trainer: Trainer | None = None
    key: tuple = field(default=())

    def __post_init__(self):
        self.recipe = validate_recipe(self.recipe)
        self.key = session_key(self.data, self.recipe, self.n_train)

    @property
    def epoch(self) -> int:
        return 0 if self.trainer is None else self.trainer.epoch

    def pipeline(self) -> Pipeline | None:
        """A copy of the current network (call only while no worker runs this session)."""
        if self.model is None:
            return None
        return copy_pipeline(self.model, self.data.class_names, self._meta())

    def _meta(self) -> dict:
        return {"data": self.data.name, "train_images": int(self.n_train), "epochs": int(self.epoch),
                "recipe": self.recipe}

    def set_live(self, lr: float, l1: float, l2: float) -> None:
        """Change the settings that may change mid-run: learning rate, L1 and L2 strength (on the worker
        thread via Worker.call, or while no worker runs)."""
        self.recipe.update(lr=float(lr), l1=float(l1), l2=float(l2))
        if self.trainer is not None:
            opt = self.trainer.optimizer
            opt.lr, opt.l1, opt.weight_decay = self.current_lr(), float(l1), float(l2)

    def current_lr(self) -> float:
        """The recipe's learning rate after `lr_decay` for each finished epoch (what the CLI uses)."""
        return float(self.recipe["lr"]) * float(self.lr_decay) ** self.epoch

    def _setup(self) -> None:
        d, r = self.data, self.recipe
        idx = subset_indices(len(d.train_images), self.n_train)
        X = flat_inputs(d.train_images[idx] if len(idx) < len(d.train_images) else d.train_images)
        y = d.train_labels[idx]
        Xt = flat_inputs(d.test_images)
        rng = np.random.default_rng(self.seed)
        n_in = X.shape[1]
        self.model = build_model_from_recipe(r, n_in, len(d.class_names), rng)
        opt = build_optimizer_from_recipe(r, self.model.parameters())
        # no validation set for the Trainer: the job scores the test set itself, once, in pieces
        # the recipe's augmentation (None: none) changes every training batch, like `mlp-studio train`
        self.trainer = Trainer(self.model, build_loss(r), opt, X, y, batch_size=r["batch_size"], rng=rng,
                               transform=build_transform_from_recipe(r, n_in))
        self._test_X = Xt
        live = np.random.default_rng(SUBSET_SEED).permutation(len(Xt))[:LIVE_TEST_SIZE]
        self._live_X, self._live_y = Xt[live], d.test_labels[live]
        pick = np.random.default_rng(SUBSET_SEED + 1).permutation(len(X))[:TRAIN_EVAL_SIZE]
        self._train_eval_X, self._train_eval_y = X[np.sort(pick)], y[np.sort(pick)]
        self._layer_names = layer_names(self.model)
        self._pending_weights = [(0.0, *weight_stats(self.model))]   # the initial random weights

    def run(self, epochs: int):
        """The training job: `epochs` more epochs, yielding progress and per-epoch results."""
        yield None
        with single_thread():
            if self.trainer is None:
                self._setup()
            yield from self._run(int(epochs))

    def _run(self, epochs: int):
        tr = self.trainer
        n_batches = -(-len(tr.X) // tr.batch_size)
        every = max(1, n_batches // LOSS_POINTS_PER_EPOCH)   # keep one smoothed loss point per `every` batches
        total = epochs * n_batches
        done = 0
        active = 0.0
        ema = None
        xs, ys = [], []
        last_emit = last_live = time.perf_counter()
        resumed = time.perf_counter()
        for rep in tr.run(epochs):
            if isinstance(rep, BatchReport):
                done += 1
                ema = rep.loss if ema is None else LOSS_SMOOTHING * ema + (1 - LOSS_SMOOTHING) * rep.loss
                if rep.batch % every == 0 or rep.batch == rep.n_batches:
                    xs.append((rep.epoch - 1) + rep.batch / rep.n_batches)
                    ys.append(ema)
                now = time.perf_counter()
                if now - last_emit < EMIT_INTERVAL and done < total:
                    continue
                x_now = (rep.epoch - 1) + rep.batch / rep.n_batches
                live_acc = math.nan
                if now - last_live >= LIVE_TEST_INTERVAL:
                    live_acc = self._live_accuracy()
                    if x_now < rep.epoch:   # the epoch's end is recorded with its results, once
                        self._pending_weights.append((x_now, *weight_stats(self.model)))
                    last_live = time.perf_counter()
                active += time.perf_counter() - resumed
                left = active / done * (total - done) if done >= 5 else math.nan
                snap = TrainProgress(rep.epoch, rep.batch, rep.n_batches, done, total, left,
                                     readonly(np.array(xs, float)), readonly(np.array(ys, float)), live_acc, x_now,
                                     self._take_weights())
                xs, ys = [], []
                last_emit = time.perf_counter()
                yield snap
                resumed = time.perf_counter()
            elif isinstance(rep, EpochReport):
                active += time.perf_counter() - resumed
                tr.optimizer.lr = self.current_lr()     # the preset's lr_decay, once per finished epoch
                pipe = copy_pipeline(self.model, self.data.class_names, self._meta())
                ev = yield from evaluate_steps(pipe, self.data, self._test_X)
                scores = yield from _scores_steps(pipe.model, self._train_eval_X, tr.dtype)
                train_loss, train_acc, _, _ = _score_summary(scores, self._train_eval_y, len(self.data.class_names))
                self._pending_weights.append((float(rep.epoch), *weight_stats(self.model)))
                yield EpochDone(rep.epoch, train_loss, train_acc, ev.loss, ev.accuracy, rep.seconds, pipe, ev,
                                self._take_weights())
                time.sleep(EPOCH_PAUSE)
                resumed = time.perf_counter()

    def _take_weights(self) -> WeightStats | None:
        """The weight statistics gathered since the last snapshot, as a frozen WeightStats (or None)."""
        rows, self._pending_weights = self._pending_weights, []
        if not rows:
            return None
        return WeightStats(readonly(np.array([r[0] for r in rows], float)),
                           readonly(np.array([r[1] for r in rows], float)),
                           readonly(np.array([r[2] for r in rows], float)), self._layer_names)

    def _live_accuracy(self) -> float:
        from engine import predict_scores as predict  # raw scores
        out = predict(self.model, self._live_X)
        self.model.train()
        return float(np.mean(out.argmax(axis=1) == self._live_y))


def session_key(data: ImageDataset, recipe: dict, n_train: int) -> tuple:
    """What must stay the same for training to continue with the same session (lr, L1, L2 may change)."""
    r = {k: v for k, v in recipe.items() if k not in LIVE_SETTINGS}
    return id(data), repr(sorted(r.items())), int(n_train)
