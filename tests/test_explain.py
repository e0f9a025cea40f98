"""The step view's numbers (engine/explain.py) against the engine, the formulas and finite differences."""
import numpy as np
import pytest

from engine import CrossEntropyLoss, Dropout, L1Loss, MSELoss, Trainer, mlp
from engine.explain import explain_step, lesson_losses
from engine.optim import SGD

ACTS = ["relu", "tanh", "sigmoid", "leaky_relu"]


def _net(rng, sizes, act, dropout=0.0):
    return mlp(sizes, act, rng=rng, dtype="float64", dropout=dropout)


def _loss_at(model, loss_fn, x, t, classification):
    model.eval()
    tb = np.array([int(t)]) if classification else np.array([[float(t)]])
    return loss_fn.forward(model.forward(x.reshape(1, -1)), tb)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("task", ["classification", "regression_mse", "regression_l1"])
def test_numbers_match_formulas_finite_differences_and_one_sgd_step(seed, task):
    rng = np.random.default_rng(seed)
    classification = task == "classification"
    k = int(rng.integers(2, 5)) if classification else 1
    sizes = [int(rng.integers(1, 5))] + [int(rng.integers(1, 7)) for _ in range(int(rng.integers(0, 3)))] + [k]
    act = ACTS[seed % len(ACTS)]
    model = _net(rng, sizes, act, dropout=0.3 if seed % 2 else 0.0)
    loss_fn = CrossEntropyLoss() if classification else (MSELoss() if task == "regression_mse" else L1Loss())
    x = rng.normal(size=sizes[0])
    t = int(rng.integers(k)) if classification else float(rng.normal())
    before = {k_: v.copy() for k_, v in model.state_dict().items()}
    lr = 0.1
    s = explain_step(model, loss_fn, x, t, lr)
    # the caller's model is untouched
    assert all(np.array_equal(before[k_], v) for k_, v in model.state_dict().items())
    assert len(s.layers) == len(sizes) - 1
    # forward: z = W·x + b, then each layer's input is the previous layer's a
    h = x
    for L in s.layers:
        np.testing.assert_allclose(L.x, h, rtol=1e-12)
        np.testing.assert_allclose(L.z, L.W @ h + L.b, rtol=1e-12, atol=1e-15)
        h = L.a
    np.testing.assert_allclose(s.output, s.layers[-1].z)
    assert s.loss == pytest.approx(_loss_at(model, loss_fn, x, t, classification), rel=1e-12)
    # backward: ∂L/∂W = δ xᵀ, ∂L/∂b = δ, passed-down error Wᵀδ; ∂L/∂W against central differences
    for L in s.layers:
        np.testing.assert_allclose(L.dL_dW, np.outer(L.dL_dz, L.x), rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(L.dL_db, L.dL_dz, rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(L.dL_dx, L.W.T @ L.dL_dz, rtol=1e-9, atol=1e-15)
    eps = 1e-6
    params = dict(model.named_parameters())
    for L in s.layers:
        W = params[f"{L.index}.weight"].data
        num = np.zeros_like(W)
        for idx in np.ndindex(W.shape):
            old = W[idx]
            W[idx] = old + eps
            up = _loss_at(model, loss_fn, x, t, classification)
            W[idx] = old - eps
            down = _loss_at(model, loss_fn, x, t, classification)
            W[idx] = old
            num[idx] = (up - down) / (2 * eps)
        np.testing.assert_allclose(L.dL_dW, num, rtol=1e-5, atol=1e-7)
    # the update equals one SGD step of batch size 1 made by the engine's Trainer
    # (same layers; its dropout switched off, as the step view shows the eval-mode network)
    ref = _net(np.random.default_rng(0), sizes, act, dropout=0.3 if seed % 2 else 0.0)
    ref.load_state_dict(model.state_dict())
    for layer in ref:
        if isinstance(layer, Dropout):
            layer.p = 0.0
    tr = Trainer(ref, loss_fn, SGD(ref.parameters(), lr=lr), x.reshape(1, -1),
                 np.array([t]) if classification else np.array([t]), batch_size=1, rng=np.random.default_rng(1))
    next(iter(tr.run(1)))
    ref_state = ref.state_dict()
    for L in s.layers:
        np.testing.assert_allclose(L.W_new, ref_state[f"{L.index}.weight"], rtol=1e-9, atol=1e-15)
        np.testing.assert_allclose(L.b_new, ref_state[f"{L.index}.bias"], rtol=1e-9, atol=1e-15)
    ref.eval()
    assert s.new_loss == pytest.approx(_loss_at(ref, loss_fn, x, t, classification), rel=1e-9)


def test_lesson_losses():
    out = np.array([2.0, 0.0, -1.0])
    p = np.exp(out) / np.exp(out).sum()
    got = lesson_losses(out, 1, True)
    assert got["zero_one"] == 1.0
    assert got["logistic"] == pytest.approx(-np.log(p[1]))
    assert got["squared"] == pytest.approx(p[0] ** 2 + (1 - p[1]) ** 2 + p[2] ** 2)
    assert got["absolute"] == pytest.approx(p[0] + (1 - p[1]) + p[2])
    assert lesson_losses(out, 0, True)["zero_one"] == 0.0
    reg = lesson_losses(np.array([1.5]), -0.5, False)
    assert reg == {"absolute": 2.0, "squared": 4.0, "zero_one": None, "logistic": None}
