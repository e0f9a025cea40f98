"""Backpropagation by the numbers: one training sample walked through the network, stage by stage.

`explain_step(model, loss_fn, x, target, lr)` runs the engine's own forward and backward on one
sample (a batch of size 1) and records every number the lesson's computation produces:

    forward:  for each layer  z = W·x + b,  a = α(z);  then softmax p (or the regression output ŷ)
    loss:     the sample's loss, with the lesson's four losses beside it (absolute, squared, 0-1, logistic)
    backward: ∂L/∂z at the output, then for each layer ∂L/∂W = δ xᵀ, ∂L/∂b = δ, the error passed down
              ∂L/∂x = Wᵀ δ and, through the activation, ∂L/∂z = ∂L/∂a ⊙ α′(z)
    update:   W ← W − η·∂L/∂W (one SGD step of batch size 1) and the new loss on that sample

No second implementation: the numbers come from the layers' forward/backward methods and the
engine's SGD. The model passed in is not changed (the update is made on a copy).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .layers import Dropout, Linear, softmax
from .losses import CrossEntropyLoss
from .model import build_model
from .optim import SGD


@dataclass(frozen=True)
class LayerNumbers:
    """One Linear layer and the activation after it (None for the output layer)."""

    index: int                 # position of the Linear in the Sequential
    activation: str | None     # class name of the activation that follows, or None
    x: np.ndarray              # input to the layer (in,)
    W: np.ndarray              # (out, in)
    b: np.ndarray | None       # (out,)
    z: np.ndarray              # W·x + b (out,)
    a: np.ndarray              # α(z), or z for the output layer
    dL_da: np.ndarray          # gradient arriving at the layer's output (after the activation)
    dL_dz: np.ndarray          # δ = ∂L/∂z
    dL_dW: np.ndarray          # δ xᵀ
    dL_db: np.ndarray | None   # δ
    dL_dx: np.ndarray          # Wᵀ δ: the error passed down to the layer below
    W_new: np.ndarray          # after one SGD step
    b_new: np.ndarray | None


@dataclass(frozen=True)
class StepNumbers:
    x: np.ndarray              # the network's input (features, scaled)
    target: object             # class label (int) or value (float)
    output: np.ndarray         # the last layer's z (scores / the regression output)
    probabilities: np.ndarray | None   # softmax(output) for classification
    loss: float                # the training loss on this sample
    losses: dict               # the lesson's four losses for this sample (name -> value or None)
    dL_doutput: np.ndarray     # ∂L/∂(output)
    layers: tuple              # LayerNumbers, input to output
    lr: float
    new_loss: float            # the loss on this sample after the update


def lesson_losses(output: np.ndarray, target, classification: bool) -> dict:
    """Absolute, squared, 0-1 and logistic loss of one prediction. Classification: on the softmax
    probabilities against the one-hot target; regression: on ŷ − y (0-1 and logistic do not apply)."""
    if classification:
        p = softmax(np.asarray(output, float)[None])[0]
        onehot = np.zeros_like(p)
        onehot[int(target)] = 1.0
        return {"absolute": float(np.abs(p - onehot).sum()), "squared": float(((p - onehot) ** 2).sum()),
                "zero_one": float(int(np.argmax(output)) != int(target)),
                "logistic": float(-np.log(max(float(p[int(target)]), 1e-300)))}
    d = float(output[0]) - float(target)
    return {"absolute": abs(d), "squared": d * d, "zero_one": None, "logistic": None}


def _copy_model(model):
    clone = build_model(model.get_config(), rng=np.random.default_rng(0))
    clone.load_state_dict(model.state_dict())
    return clone


def explain_step(model, loss_fn, x, target, lr: float) -> StepNumbers:
    """The numbers of one SGD step on one sample (see the module docstring). `x` is the network's
    input row, `target` a class label or a value. Dropout layers are bypassed (eval behaviour)."""
    net = _copy_model(model)                # a copy: eval() and the update leave the caller's model alone
    net.eval()
    classification = isinstance(loss_fn, CrossEntropyLoss)
    dtype = net[0].weight.data.dtype
    xb = np.asarray(x, dtype=dtype).reshape(1, -1)
    tb = np.array([int(target)]) if classification else np.array([[float(target)]], dtype=dtype)
    outs = net.forward_all(xb)
    loss = float(loss_fn.forward(outs[-1], tb))
    g_out = loss_fn.backward()
    net.zero_grad()
    grads = {}                               # layer index -> gradient arriving at its output
    g = g_out
    for i in range(len(net) - 1, -1, -1):
        grads[i] = g
        g = net[i].backward(g)
        if g is None:                        # the first layer passes nothing further down
            break
    # the update: the engine's SGD (no momentum, no weight decay) on a copy
    updated = _copy_model(net)
    for p_new, p in zip(updated.parameters(), net.parameters(), strict=True):
        p_new.grad = p.grad.copy()
    SGD(updated.parameters(), lr=lr).step()
    updated.eval()
    new_loss = float(loss_fn.forward(updated.forward(xb), tb))

    layers, inputs = [], [xb] + outs[:-1]
    lin_idx = [i for i, layer in enumerate(net) if isinstance(layer, Linear)]
    for i in lin_idx:
        lin, act_i = net[i], i + 1
        has_act = act_i < len(net) and not isinstance(net[act_i], (Linear, Dropout))
        a = outs[act_i] if has_act else outs[i]
        dL_da = grads[act_i] if has_act else grads[i]
        dL_dz = grads[i]
        # the error passed down is what the layer's backward returned: the gradient at the layer below
        below = i - 1
        passed = grads[below] if below >= 0 else (dL_dz @ lin.weight.data)
        new = updated[i]
        layers.append(LayerNumbers(
            i, type(net[act_i]).__name__ if has_act else None, inputs[i][0].copy(), lin.weight.data.copy(),
            None if lin.bias is None else lin.bias.data.copy(), outs[i][0].copy(), a[0].copy(),
            dL_da[0].copy(), dL_dz[0].copy(), lin.weight.grad.copy(),
            None if lin.bias is None else lin.bias.grad.copy(), np.asarray(passed)[0].copy(),
            new.weight.data.copy(), None if new.bias is None else new.bias.data.copy()))
    out = outs[-1][0].copy()
    probs = softmax(out[None])[0] if classification else None
    return StepNumbers(xb[0].copy(), target, out, probs, loss, lesson_losses(out.astype(float), target, classification),
                       g_out[0].copy(), tuple(layers), float(lr), new_loss)
