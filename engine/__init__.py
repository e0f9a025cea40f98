"""MLP Studio's engine: a small modular neural-network framework in pure NumPy (no Qt here)."""
from . import adopt  # noqa: F401  (engine.adopt: fitting models and data to a playground task)
from .api import (
    PIXEL_SCALE,
    fit,
    image_pipeline,
    linear_layers,
    pixels_to_inputs,
    predict,
    predict_proba,
    predict_scores,
)
from .errors import DataError, DivergenceError, EngineError, ModelFileError, ProjectFileError
from .layers import (
                     ACTIVATIONS,
                     LAYER_TYPES,
                     Activation,
                     Dropout,
                     Identity,
                     LeakyReLU,
                     Linear,
                     ReLU,
                     Sigmoid,
                     Softmax,
                     Tanh,
                     softmax,
)
from .losses import LOSSES, BCEWithLogitsLoss, CrossEntropyLoss, L1Loss, MSELoss
from .metrics import accuracy, confusion_matrix, per_class_accuracy, r2_score, rmse, zero_one_loss
from .model import build_model, describe, mlp
from .module import Module, Parameter, Sequential
from .optim import SGD, Adam, build_optimizer
from .pipeline import Pipeline, load_model, save_model
from .resources import mnist_dir, shipped_model_path
from .tasks import FEATURES, MAX_LAYERS, MAX_UNITS, ONE_D_FEATURES, TASKS, Task, task_of
from .train import BatchReport, EpochReport, Trainer, make_grid

__all__ = [
    "EngineError", "DataError", "DivergenceError", "ModelFileError", "ProjectFileError",
    "Module", "Parameter", "Sequential", "Linear", "ReLU", "LeakyReLU", "Tanh", "Sigmoid", "Identity",
    "Softmax", "Dropout", "softmax", "Activation", "ACTIVATIONS", "LAYER_TYPES",
    "LOSSES", "CrossEntropyLoss", "BCEWithLogitsLoss", "MSELoss", "L1Loss",
    "Task", "TASKS", "task_of", "FEATURES", "ONE_D_FEATURES", "MAX_UNITS", "MAX_LAYERS",
    "accuracy", "zero_one_loss", "confusion_matrix", "per_class_accuracy", "rmse", "r2_score",
    "mlp", "build_model", "describe", "SGD", "Adam", "build_optimizer",
    "Trainer", "BatchReport", "EpochReport", "predict", "predict_proba", "make_grid",
    "Pipeline", "save_model", "load_model",
    "fit", "predict_scores", "linear_layers", "PIXEL_SCALE", "pixels_to_inputs", "image_pipeline",
    "mnist_dir", "shipped_model_path",
]
