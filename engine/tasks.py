"""Tasks: what a network is asked to do, defined once for the engine, the CLI and the GUI.

A task says what goes in and what comes out: the input columns and the features that can be made
from them, the outputs (one per class, or one value), the losses that fit and the default one, the
metric shown, the data bounds of the playground, and which recipe settings may change while a
network trains (the rest need new weights). Code asks the task instead of comparing task names:

    t = task_of("regression1d")
    t.is_classification, t.n_outputs(k), t.check_loss(recipe["loss"]), t.bounds
"""
from __future__ import annotations

from dataclasses import dataclass

FEATURES = ("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin x1", "sin x2")
ONE_D_FEATURES = ("x1", "x1^2", "sin x1")
CLASSIFICATION_LOSSES = ("cross_entropy", "bce")
REGRESSION_LOSSES = ("mse", "l1")
KINDS = ("classification", "regression")   # what a Dataset, a Pipeline or a Trainer is for (Task.kind)
MIN_CLASSES, MAX_CLASSES = 2, 8
MAX_UNITS = 512          # neurons in one hidden layer (builder, recipe and model alike)
MAX_LAYERS = 8           # hidden layers
# Settings that change how the network trains but not its weights: they may change mid-run.
LIVE_KEYS = ("lr", "momentum", "batch_size", "l1", "l2", "optimizer")
# Settings that change the network itself: a change needs new weights.
MODEL_KEYS = ("hidden", "features", "loss", "dropout", "dtype")


@dataclass(frozen=True)
class Task:
    """One kind of problem. `kind` is "classification" or "regression" (the Pipeline's task)."""

    name: str
    label: str                   # what the user reads
    kind: str                    # "classification" | "regression"
    n_inputs: int                # raw input columns (784 for images)
    features: tuple | None       # features the builder offers; None: raw inputs only
    default_features: tuple | None
    losses: tuple
    default_loss: str
    default_lr: float
    metric: str                  # "accuracy" | "r2"
    bounds: tuple | None         # (xmin, xmax, ymin, ymax) of the playground plane, None for images
    fixed_classes: int | None = None   # images: always 10

    @property
    def is_classification(self) -> bool:
        return self.kind == "classification"

    @property
    def is_regression(self) -> bool:
        return self.kind == "regression"

    @property
    def one_d(self) -> bool:
        return self.n_inputs == 1

    @property
    def metric_label(self) -> str:
        return "accuracy" if self.metric == "accuracy" else "R²"

    def n_outputs(self, n_classes: int | None = None) -> int:
        """Output units for the softmax (cross-entropy) loss: one per class; regression: one value."""
        if not self.is_classification:
            return 1
        k = self.fixed_classes if self.fixed_classes is not None else n_classes
        if k is None or not MIN_CLASSES <= int(k) <= (self.fixed_classes or MAX_CLASSES):
            raise ValueError(f"{self.label}: the number of classes must be from {MIN_CLASSES} to "
                             f"{self.fixed_classes or MAX_CLASSES}, got {k!r}")
        return int(k)

    def check_loss(self, loss: str) -> str:
        if loss not in self.losses:
            raise ValueError(f"{self.label}: the loss must be one of {list(self.losses)}, got {loss!r}")
        return loss

    def check_features(self, features) -> None:
        if features is None:
            if self.features is not None:
                raise ValueError(f"{self.label}: the network needs input features from {list(self.features)}")
            return
        if self.features is None:
            raise ValueError(f"{self.label}: takes the raw inputs, not features {list(features)}")
        bad = [f for f in features if f not in self.features]
        if bad or not features:
            raise ValueError(f"{self.label}: features must be a non-empty list from {list(self.features)}, "
                             f"got {list(features)!r}")

    def check_recipe(self, recipe: dict) -> dict:
        """ValueError, naming the setting, unless this (validated) recipe fits the task."""
        self.check_loss(recipe["loss"])
        self.check_features(recipe["features"])
        return recipe


CLASSIFICATION = Task("classification", "2D classification", "classification", 2, FEATURES, ("x1", "x2"),
                      CLASSIFICATION_LOSSES, "cross_entropy", 0.03, "accuracy", (-6.0, 6.0, -6.0, 6.0))
REGRESSION = Task("regression", "2D regression", "regression", 2, FEATURES, ("x1", "x2"),
                  REGRESSION_LOSSES, "mse", 0.01, "r2", (-6.0, 6.0, -6.0, 6.0))
REGRESSION_1D = Task("regression1d", "1D curve", "regression", 1, ONE_D_FEATURES, ("x1",),
                     REGRESSION_LOSSES, "mse", 0.01, "r2", (-6.0, 6.0, -4.0, 4.0))
IMAGES = Task("images", "Image classification", "classification", 784, None, None,
              ("cross_entropy",), "cross_entropy", 0.1, "accuracy", None, fixed_classes=10)

TASKS = {t.name: t for t in (CLASSIFICATION, REGRESSION, REGRESSION_1D, IMAGES)}
PLAYGROUND_TASKS = ("classification", "regression", "regression1d")


def task_of(name) -> Task:
    """The Task named `name` (a Task passes through); ValueError for an unknown name."""
    if isinstance(name, Task):
        return name
    try:
        return TASKS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown task {name!r}; known: {list(TASKS)}") from None


def kind_of_loss(loss: str) -> str:
    """'classification' or 'regression': what a loss is for."""
    if loss in CLASSIFICATION_LOSSES:
        return "classification"
    if loss in REGRESSION_LOSSES:
        return "regression"
    raise ValueError(f"unknown loss {loss!r}")
