"""Optimizers on a convex quadratic, penalties, exact update rules, and argument checking."""
import math

import numpy as np
import pytest

import engine
from engine import SGD, Adam, Dropout, LeakyReLU, Linear, Parameter, Trainer


def quadratic(rng, dim=6):
    """f(w) = ½ (w − c)ᵀ A (w − c) with A symmetric positive definite (condition number 10)."""
    q, _ = np.linalg.qr(rng.standard_normal((dim, dim)))
    A = q @ np.diag(np.linspace(1.0, 10.0, dim)) @ q.T
    return A, rng.standard_normal(dim)


OPTIMIZERS = {
    "sgd": lambda ps: SGD(ps, lr=0.05),
    "momentum": lambda ps: SGD(ps, lr=0.02, momentum=0.9),
    "nesterov": lambda ps: SGD(ps, lr=0.02, momentum=0.9, nesterov=True),
    "adam": lambda ps: Adam(ps, lr=0.05),
}


@pytest.mark.parametrize("packed", [False, True], ids=["separate", "packed"])
@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_converges_on_convex_quadratic(rng, name, packed):
    A, c = quadratic(rng)
    model = None
    if packed:
        model = engine.Sequential(Linear(3, 1, rng=rng, dtype="float64"),
                                  Linear(1, 2, bias=False, rng=rng, dtype="float64"))
        params = model.parameters()
        assert engine.module.flat_views(params) is not None
    else:
        params = [Parameter(rng.standard_normal(4)), Parameter(rng.standard_normal(2))]
    opt = OPTIMIZERS[name](params)

    def flat():
        return np.concatenate([p.data.ravel() for p in params])

    start_err = np.linalg.norm(flat() - c)
    for _ in range(600):
        g = A @ (flat() - c)
        opt.zero_grad()
        i = 0
        for p in params:
            p.grad = g[i:i + p.data.size].reshape(p.data.shape)
            i += p.data.size
        opt.step()
    assert start_err > 0.5
    assert np.linalg.norm(flat() - c) < 1e-3 * start_err
    assert opt.step_count == 600


def test_sgd_matches_the_textbook_update(rng):
    w0, g = rng.standard_normal(5), rng.standard_normal(5)
    p = Parameter(w0.copy())
    opt = SGD([p], lr=0.1, momentum=0.5, nesterov=True, weight_decay=0.01)
    buf = None
    w = w0.copy()
    for _ in range(3):
        p.grad = g
        opt.step()
        d = g + 0.01 * w
        buf = d.copy() if buf is None else 0.5 * buf + d
        w = w - 0.1 * (d + 0.5 * buf)
    np.testing.assert_allclose(p.data, w, rtol=1e-12)


def test_adam_matches_the_textbook_update(rng):
    w = rng.standard_normal(7)
    p = Parameter(w.copy())
    opt = Adam([p], lr=0.01, betas=(0.8, 0.99), eps=1e-6)
    m = v = np.zeros(7)
    for t in range(1, 6):
        g = rng.standard_normal(7)
        p.grad = g
        opt.step()
        m = 0.8 * m + 0.2 * g
        v = 0.99 * v + 0.01 * g * g
        w = w - 0.01 * (m / (1 - 0.8 ** t)) / (np.sqrt(v / (1 - 0.99 ** t)) + 1e-6)
    np.testing.assert_allclose(p.data, w, rtol=1e-10)


def test_adam_on_a_large_packed_buffer(rng):
    """A big model's parameters are updated as one flat buffer: every entry must move correctly."""
    model = engine.Sequential(Linear(600, 500, bias=False, rng=rng, dtype="float64"), Linear(500, 3, rng=rng,
                                                                                          dtype="float64"))
    w0 = [p.data.copy() for p in model.parameters()]
    opt = Adam(model.parameters(), lr=0.01)
    assert len(opt._slots) == 1
    for p, w in zip(model.parameters(), w0, strict=True):
        p.grad = np.sign(w) + (w == 0)
    opt.step()
    for p, w in zip(model.parameters(), w0, strict=True):    # the first Adam step moves every weight by lr·sign(g)
        np.testing.assert_allclose(p.data, w - 0.01 * (np.sign(w) + (w == 0)), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("make", [lambda ps, **kw: SGD(ps, lr=0.1, **kw), lambda ps, **kw: Adam(ps, lr=0.1, **kw)],
                         ids=["sgd", "adam"])
def test_weight_decay_and_l1_shrink_weights(rng, make):
    for penalty in ("weight_decay", "l1"):
        w0 = rng.choice([-1.0, 1.0], 20) * rng.uniform(1.0, 3.0, 20)   # well away from 0
        p = Parameter(w0.copy())
        start = np.abs(w0)
        opt = make([p], **{penalty: 0.1})
        for _ in range(5):
            opt.zero_grad()       # the data term is zero: only the penalty acts
            opt.step()
        assert np.all(np.abs(p.data) < start), penalty
        assert np.all(np.sign(p.data) == np.sign(w0)), penalty


def test_exact_penalty_steps_for_sgd():
    p = Parameter(np.array([2.0, -4.0]))
    opt = SGD([p], lr=0.5, weight_decay=0.1)
    opt.zero_grad()
    opt.step()
    np.testing.assert_allclose(p.data, [2.0 * 0.95, -4.0 * 0.95])     # w ← w − η λ₂ w
    q = Parameter(np.array([2.0, -4.0]))
    opt = SGD([q], lr=0.5, l1=0.2)
    opt.zero_grad()
    opt.step()
    np.testing.assert_allclose(q.data, [1.9, -3.9])                    # w ← w − η λ₁ sign(w)


def test_penalties_do_not_touch_the_stored_gradient(rng):
    p = Parameter(rng.standard_normal(3))
    opt = SGD([p], lr=0.1, weight_decay=0.5, l1=0.5)
    p.grad = np.ones(3)
    opt.step()
    np.testing.assert_array_equal(p.grad, np.ones(3))


def test_lr_can_change_and_state_can_reset():
    p = Parameter(np.zeros(2))
    opt = SGD([p], lr=0.1, momentum=0.9)
    opt.lr = 1.0
    assert opt.lr == 1.0
    p.grad = np.ones(2)
    opt.step()
    np.testing.assert_allclose(p.data, [-1.0, -1.0])
    opt.reset_state()
    assert opt.step_count == 0
    p.grad = np.ones(2)
    opt.step()
    np.testing.assert_allclose(p.data, [-2.0, -2.0])   # no momentum carried over


def test_build_optimizer_from_config():
    p = Parameter(np.zeros(2))
    opt = engine.build_optimizer({"type": "Adam", "lr": 0.01, "betas": [0.8, 0.9]}, [p])
    assert isinstance(opt, Adam) and opt.betas == (0.8, 0.9)
    assert engine.build_optimizer(opt.get_config(), [p]).get_config() == opt.get_config()
    with pytest.raises(ValueError, match="RMSprop"):
        engine.build_optimizer({"type": "RMSprop"}, [p])


# ------------------------------------------------------------------------------- invalid arguments
def _params():
    return [Parameter(np.zeros(3))]


NAN = float("nan")
INVALID = [
    ("lr", -0.1, lambda v: SGD(_params(), lr=v)),
    ("lr", NAN, lambda v: SGD(_params(), lr=v)),
    ("lr", math.inf, lambda v: Adam(_params(), lr=v)),
    ("lr", "fast", lambda v: Adam(_params(), lr=v)),
    ("lr", True, lambda v: SGD(_params(), lr=v)),
    ("momentum", 1.0, lambda v: SGD(_params(), lr=0.1, momentum=v)),
    ("momentum", -0.5, lambda v: SGD(_params(), lr=0.1, momentum=v)),
    ("momentum", 0.0, lambda v: SGD(_params(), lr=0.1, momentum=v, nesterov=True)),
    ("weight_decay", -1.0, lambda v: SGD(_params(), lr=0.1, weight_decay=v)),
    ("weight_decay", NAN, lambda v: Adam(_params(), weight_decay=v)),
    ("l1", -0.01, lambda v: SGD(_params(), lr=0.1, l1=v)),
    ("l1", None, lambda v: Adam(_params(), l1=v)),
    ("betas", (0.9,), lambda v: Adam(_params(), betas=v)),
    ("betas", 0.9, lambda v: Adam(_params(), betas=v)),
    ("betas[0]", 1.0, lambda v: Adam(_params(), betas=(v, 0.999))),
    ("betas[1]", -0.1, lambda v: Adam(_params(), betas=(0.9, v))),
    ("eps", -1e-8, lambda v: Adam(_params(), eps=v)),
    ("in_features", 0, lambda v: Linear(v, 3)),
    ("in_features", 2.5, lambda v: Linear(v, 3)),
    ("out_features", -4, lambda v: Linear(3, v)),
    ("out_features", "7", lambda v: Linear(3, v)),
    ("init", "glorot", lambda v: Linear(3, 2, init=v)),
    ("rng", 42, lambda v: Linear(3, 2, rng=v)),
    ("dtype", "int32", lambda v: Linear(3, 2, dtype=v)),
    ("dtype", "float16", lambda v: engine.mlp([2, 2], rng=np.random.default_rng(0), dtype=v)),
    ("dtype", 17, lambda v: Linear(3, 2, dtype=v)),
    ("negative_slope", -0.1, lambda v: LeakyReLU(v)),
    ("negative_slope", 1.5, lambda v: LeakyReLU(v)),
    ("negative_slope", "steep", lambda v: LeakyReLU(v)),
    ("p", 1.0, lambda v: Dropout(v)),
    ("p", -0.2, lambda v: Dropout(v)),
    ("p", "half", lambda v: Dropout(v)),
    ("sizes[1]", 0, lambda v: engine.mlp([2, v, 2], rng=np.random.default_rng(0))),
    ("activation", "swish", lambda v: engine.mlp([2, 3, 2], v, rng=np.random.default_rng(0))),
    ("dropout", 1.0, lambda v: engine.mlp([2, 3, 2], rng=np.random.default_rng(0), dropout=v)),
]


@pytest.mark.parametrize("name,value,make", INVALID, ids=[f"{n}={v!r}" for n, v, _ in INVALID])
def test_invalid_argument_names_argument_and_value(name, value, make):
    with pytest.raises(ValueError) as info:
        make(value)
    msg = str(info.value)
    assert name in msg, msg
    assert repr(value) in msg or str(value) in msg, msg


@pytest.mark.parametrize("value", [-1.0, NAN, "x"])
def test_setting_a_bad_lr_later_is_refused_and_keeps_the_old_one(value):
    opt = Adam(_params(), lr=0.01)
    with pytest.raises(ValueError, match="lr"):
        opt.lr = value
    assert opt.lr == 0.01


def test_invalid_trainer_arguments(rng):
    model = engine.mlp([2, 2], rng=rng)
    X, y = np.zeros((4, 2)), np.array([0, 1, 0, 1])
    opt = SGD(model.parameters(), lr=0.1)
    for kwargs, name in (({"batch_size": 0}, "batch_size"), ({"batch_size": 2.5}, "batch_size"),
                         ({"rng": 3}, "rng")):
        args = {"batch_size": 2, "rng": rng, **kwargs}
        with pytest.raises(ValueError, match=name) as info:
            Trainer(model, engine.CrossEntropyLoss(), opt, X, y, **args)
        assert str(kwargs[name]) in str(info.value) or type(kwargs[name]).__name__ in str(info.value)
    with pytest.raises(ValueError, match="empty"):
        SGD([], lr=0.1)
