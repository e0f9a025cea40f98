"""Loss functions. `loss = fn(output, target)` returns a float; `fn.backward()` returns dL/doutput.

All losses average over the batch (PyTorch's reduction='mean').
"""
from __future__ import annotations

import numpy as np

from .layers import exp_shifted, logsumexp


class Loss:
    name = "loss"

    def __call__(self, output: np.ndarray, target: np.ndarray) -> float:
        return self.forward(output, target)

    def get_config(self) -> dict:
        return {"type": type(self).__name__}


_ARANGE: dict = {}


def _arange(c: int) -> np.ndarray:
    a = _ARANGE.get(c)
    if a is None:
        a = _ARANGE[c] = np.arange(c)
    return a


class CrossEntropyLoss(Loss):
    """Softmax + negative log-likelihood, fused: L = mean_i( log Σ_j e^{z_ij} − z_i,y_i ).

    `target` is integer class labels of shape (N,), or class probabilities of shape (N, C)
    (e.g. one-hot), as in torch.nn.CrossEntropyLoss.
    """

    name = "cross-entropy"

    def forward(self, logits, target):
        n, c = logits.shape
        if target.ndim == 1:
            if target.dtype.kind not in "iu":
                raise ValueError(f"CrossEntropyLoss: integer labels expected, got dtype {target.dtype}")
            if len(target) != n:
                raise ValueError(f"CrossEntropyLoss: {n} outputs but {len(target)} labels")
            onehot = target[:, None] == _arange(c)          # one-hot rows (no fancy indexing)
            if np.count_nonzero(onehot) != n:               # a label outside 0..c−1 gives an all-zero row
                raise ValueError(f"CrossEntropyLoss: labels must be in [0, {c - 1}], "
                                 f"got values from {target.min()} to {target.max()}")
            target = onehot.astype(logits.dtype)
        elif target.shape != logits.shape:
            raise ValueError(f"CrossEntropyLoss: output shape {logits.shape} does not match target {target.shape}")
        if not n:
            self._grad = np.zeros_like(logits)
            return 0.0
        if logits.size <= 256:
            logp = logits - logsumexp(logits)                # log-softmax, stable
            p = np.exp(logp)
        else:
            p, s, m = exp_shifted(logits)                    # p = e^{z − m}, s = Σ_j p
            logp = logits - (np.log(s) + m)
            p /= s                                           # softmax(z)
        loss = -float(np.vdot(logp, target)) / n             # L = −mean_i Σ_j t_ij log p_ij
        p -= target
        p *= 1.0 / n
        self._grad = p                                       # dL/dz = (softmax(z) − t) / N
        return loss

    def backward(self):
        return self._grad


class BCEWithLogitsLoss(Loss):
    """Logistic loss for two classes on one logit z: L = mean( max(z,0) − z·t + log(1 + e^−|z|) )."""

    name = "logistic"

    def forward(self, logits, target):
        z = logits.reshape(target.shape) if logits.size == target.size else logits
        if z.shape != target.shape:
            raise ValueError(f"BCEWithLogitsLoss: output shape {logits.shape} does not match target {target.shape}")
        t = target.astype(z.dtype, copy=False)
        n = z.size
        p = 0.5 * (1 + np.tanh(0.5 * z))                     # sigmoid(z), overflow-free
        self._grad = ((p - t) / n).reshape(logits.shape)     # dL/dz = (σ(z) − t) / N
        return float((np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z)))).sum() / n) if n else 0.0

    def backward(self):
        return self._grad


class _ErrorLoss(Loss):
    """A mean over the errors d = y − t of the regression outputs; a subclass gives the mean and its gradient."""

    def forward(self, output, target):
        d = output - target.reshape(output.shape)
        n = d.size
        value, self._grad = self._mean_and_grad(d, n) if n else (0.0, d)
        return value

    def _mean_and_grad(self, d, n):
        raise NotImplementedError

    def backward(self):
        return self._grad


class MSELoss(_ErrorLoss):
    """Squared error: L = mean( (y − t)² )."""

    name = "squared error"

    def _mean_and_grad(self, d, n):
        return float((d * d).sum() / n), d * (2.0 / n)      # dL/dy = 2 (y − t) / N


class L1Loss(_ErrorLoss):
    """Absolute error: L = mean( |y − t| )."""

    name = "absolute error"

    def _mean_and_grad(self, d, n):
        return float(np.abs(d).sum() / n), np.sign(d) * (1.0 / n)   # dL/dy = sign(y − t) / N


LOSSES = {"cross_entropy": CrossEntropyLoss, "bce": BCEWithLogitsLoss, "mse": MSELoss, "l1": L1Loss}
