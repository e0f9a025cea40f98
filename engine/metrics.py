"""Metrics: accuracy is 1 − mean 0-1 loss; regression gets RMSE and R²."""
from __future__ import annotations

import numpy as np


def _labels(pred: np.ndarray) -> np.ndarray:
    pred = np.asarray(pred)
    if pred.ndim == 2:
        return pred.argmax(axis=1) if pred.shape[1] > 1 else (pred[:, 0] > 0).astype(np.int64)
    return pred.astype(np.int64, copy=False)


def zero_one_loss(pred, y) -> float:
    """Share of wrong answers. `pred` is labels (N,) or scores/probabilities (N, C)."""
    y = np.asarray(y)
    if y.size == 0:
        return float("nan")
    return float(np.mean(_labels(pred) != y))


def accuracy(pred, y) -> float:
    """1 − mean 0-1 loss."""
    return 1.0 - zero_one_loss(pred, y)


def confusion_matrix(y_true, y_pred, n_classes: int) -> np.ndarray:
    """C[i, j] = number of samples of true class i predicted as class j."""
    y_true, y_pred = np.asarray(y_true, np.int64), _labels(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"confusion_matrix: {y_true.shape} labels vs {y_pred.shape} predictions")
    if y_true.size and (min(y_true.min(), y_pred.min()) < 0 or max(y_true.max(), y_pred.max()) >= n_classes):
        raise ValueError(f"confusion_matrix: labels must be in [0, {n_classes - 1}]")
    return np.bincount(y_true * n_classes + y_pred, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def per_class_accuracy(y_true, y_pred, n_classes: int) -> np.ndarray:
    """Recall of each class (NaN for a class with no samples)."""
    cm = confusion_matrix(y_true, y_pred, n_classes)
    support = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(support > 0, np.diag(cm) / np.maximum(support, 1), np.nan)


def rmse(pred, y) -> float:
    pred, y = np.asarray(pred, np.float64).ravel(), np.asarray(y, np.float64).ravel()
    return float(np.sqrt(np.mean((pred - y) ** 2))) if y.size else float("nan")


def r2_score(pred, y) -> float:
    """Coefficient of determination 1 − SS_res / SS_tot (NaN when y is constant)."""
    pred, y = np.asarray(pred, np.float64).ravel(), np.asarray(y, np.float64).ravel()
    if y.size == 0:
        return float("nan")
    ss_tot = float(np.sum((y - y.mean()) ** 2))
    if ss_tot == 0:
        return float("nan")
    return 1.0 - float(np.sum((pred - y) ** 2)) / ss_tot
