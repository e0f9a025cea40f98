"""Finite-difference checks (float64) of every layer's and every loss's backward: dL/dx and dL/dparams."""
import numpy as np
import pytest

import engine
import engine.model
from engine import (
    ACTIVATIONS,
    BCEWithLogitsLoss,
    CrossEntropyLoss,
    Dropout,
    L1Loss,
    LeakyReLU,
    Linear,
    MSELoss,
    Sigmoid,
    Softmax,
)

EPS = 1e-6
TOL = 1e-6


def rel_error(a, b):
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(a)), np.max(np.abs(b)), 1e-12))


def numeric_grad(f, arr):
    """Central differences of scalar f() with respect to every entry of `arr` (changed in place, restored)."""
    out = np.zeros_like(arr)
    flat, gflat = arr.reshape(-1), out.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + EPS
        up = f()
        flat[i] = old - EPS
        down = f()
        flat[i] = old
        gflat[i] = (up - down) / (2 * EPS)
    return out


def away_from_zero(rng, shape, margin=0.05):
    """Random values with |v| >= margin, so that finite differences never straddle a kink at 0."""
    x = rng.standard_normal(shape)
    return np.where(x >= 0, x + margin, x - margin)


def check_layer(layer, x, rng, before_forward=lambda: None):
    """Projects the output on a random R (L = Σ y·R, so dL/dy = R) and compares backward with numbers."""
    y = layer.forward(x)
    R = rng.standard_normal(y.shape)

    def loss():
        before_forward()
        return float(np.sum(layer.forward(x) * R))

    before_forward()
    layer.forward(x)
    layer.zero_grad()
    gx = layer.backward(R.copy())
    analytic = {p.name: p.grad.copy() for p in layer.parameters()}
    assert gx is not None and gx.shape == x.shape
    assert rel_error(gx, numeric_grad(loss, x)) < TOL, "dL/dx"
    for p in layer.parameters():
        assert p.data.dtype == np.float64
        assert rel_error(analytic[p.name], numeric_grad(loss, p.data)) < TOL, f"dL/d{p.name}"


@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("init", ["he", "xavier", "torch"])
def test_linear(rng, bias, init):
    layer = Linear(4, 3, bias=bias, rng=rng, init=init, dtype="float64")
    assert (layer.bias is None) == (not bias)
    assert len(layer.parameters()) == (2 if bias else 1)
    check_layer(layer, rng.standard_normal((5, 4)), rng)


def test_linear_accumulates_until_zero_grad(rng):
    layer = Linear(3, 2, rng=rng, dtype="float64")
    x, g = rng.standard_normal((4, 3)), rng.standard_normal((4, 2))
    layer.forward(x)
    layer.zero_grad()
    layer.backward(g)
    once = layer.weight.grad.copy()
    layer.backward(g)
    np.testing.assert_allclose(layer.weight.grad, 2 * once)
    layer.zero_grad()
    np.testing.assert_array_equal(layer.weight.grad, 0)


# Every registered activation (engine.layers.ACTIVATIONS) is checked: a new one needs no edit here.
REGISTERED = list(ACTIVATIONS.items())
MORE = [("leaky0.1", lambda: LeakyReLU(0.1)), ("softmax", Softmax)]


@pytest.mark.parametrize("make", [cls for _, cls in REGISTERED + MORE], ids=[n for n, _ in REGISTERED + MORE])
def test_activations(rng, make):
    check_layer(make(), away_from_zero(rng, (6, 5)), rng)


@pytest.mark.parametrize("make", [cls for _, cls in REGISTERED + MORE], ids=[n for n, _ in REGISTERED + MORE])
def test_inference_in_place_matches_forward(rng, make):
    layer = make()
    x = away_from_zero(rng, (6, 5)) * 3
    for dtype in (np.float64, np.float32):
        xd = x.astype(dtype)
        expected = layer.forward(xd.copy())
        buf = xd.copy()
        got = layer.infer_(buf)
        assert got.dtype == dtype
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-7)


# Each activation's formula, checked on a few values. One row per registered activation: a new one adds its row.
E = np.e
KNOWN_VALUES = {
    "relu": ([-2.0, 0.0, 3.0], [0.0, 0.0, 3.0]),
    "leaky_relu": ([-2.0, 0.0, 3.0], [-0.02, 0.0, 3.0]),
    "tanh": ([-1.0, 0.0, 2.0], [(1 - E ** 2) / (1 + E ** 2), 0.0, (E ** 4 - 1) / (E ** 4 + 1)]),
    "sigmoid": ([-1.0, 0.0, 2.0], [1 / (1 + E), 0.5, 1 / (1 + E ** -2)]),
    "identity": ([-1.5, 0.0, 2.0], [-1.5, 0.0, 2.0]),
    "silu": ([-1.0, 0.0, 2.0], [-1 / (1 + E), 0.0, 2 / (1 + E ** -2)]),
}


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activation_values(name):
    assert name in KNOWN_VALUES, f"add the activation {name!r} to KNOWN_VALUES (inputs and the outputs it must give)"
    x, y = KNOWN_VALUES[name]
    np.testing.assert_allclose(ACTIVATIONS[name]().forward(np.array([x])), [y], rtol=1e-12, atol=1e-15)


def test_the_registry_is_complete():
    assert {"relu", "leaky_relu", "tanh", "sigmoid", "identity"} <= set(ACTIVATIONS)
    for name, cls in ACTIVATIONS.items():
        assert cls.name == name and cls.label and cls.numpy_code and cls.init in ("he", "xavier")
        assert engine.LAYER_TYPES[cls.__name__] is cls                   # model files can hold it
        assert engine.model.init_for(name) == cls.init
        lo_hi = cls.value_range
        if lo_hi is not None:                                            # pictures rely on the stated range
            y = cls().forward(np.linspace(-50, 50, 201)[None, :])
            assert lo_hi[0] - 1e-12 <= y.min() and y.max() <= lo_hi[1] + 1e-12


def test_a_new_activation_registers_itself_and_a_bad_one_is_refused():
    from engine.layers import Activation
    try:
        class Cube(Activation):
            name, label, numpy_code, torch_code = "test_cube", "x³", "x ** 3", "Cube()"

            def forward(self, x):
                self._x = x
                return x ** 3

            def backward(self, g):
                return g * 3 * self._x ** 2                             # dL/dx = g · 3x²

        assert ACTIVATIONS["test_cube"] is Cube
        assert engine.mlp([2, 3, 1], "test_cube", rng=np.random.default_rng(0))[1].__class__ is Cube
        with pytest.raises(TypeError, match="taken"):
            class Cube2(Cube):
                name = "test_cube"
        with pytest.raises(TypeError, match="needs"):
            class NoCode(Activation):
                name, label = "test_nocode", "?"
    finally:
        ACTIVATIONS.pop("test_cube", None)
        engine.LAYER_TYPES.pop("Cube", None)


def test_sigmoid_extremes_do_not_overflow():
    y = Sigmoid().forward(np.array([[-1000.0, 0.0, 1000.0]]))
    np.testing.assert_allclose(y, [[0.0, 0.5, 1.0]])


def test_dropout_with_fixed_mask(rng):
    layer = Dropout(0.4)
    x = rng.standard_normal((8, 6))
    reseed = lambda: setattr(layer, "rng", np.random.default_rng(99))  # noqa: E731 - the same mask each time
    check_layer(layer, x, rng, reseed)
    reseed()
    y = layer.forward(x)
    kept = y != 0
    assert 0 < kept.mean() < 1
    np.testing.assert_allclose(y[kept], x[kept] / 0.6)
    layer.eval()
    np.testing.assert_array_equal(layer.forward(x), x)


def test_whole_network_backward(rng):
    model = engine.mlp([3, 5, 4, 2], ["tanh", "leaky_relu"], rng=rng, dtype="float64")
    x, t = rng.standard_normal((7, 3)), rng.integers(0, 2, 7)
    loss_fn = CrossEntropyLoss()

    def loss():
        return loss_fn(model.forward(x), t)

    loss()
    model.zero_grad()
    model.backward(loss_fn.backward())
    for name, p in model.named_parameters():
        assert rel_error(p.grad, numeric_grad(loss, p.data)) < TOL, name


def test_first_layer_input_gradient_is_skipped_only_inside_a_network(rng):
    model = engine.mlp([3, 4, 2], "relu", rng=rng, dtype="float64")
    model.forward(rng.standard_normal((2, 3)))
    assert model.backward(np.ones((2, 2))) is None          # no dL/dx for the data
    assert Linear(3, 2, rng=rng).needs_input_grad           # but a lone layer gives one


def check_loss(loss_fn, out, target):
    def f():
        return loss_fn(out, target)

    value = f()
    assert isinstance(value, float) and np.isfinite(value)
    g = loss_fn.backward()
    assert g.shape == out.shape
    assert rel_error(g, numeric_grad(f, out)) < TOL


def test_cross_entropy_integer_labels(rng):
    out = rng.standard_normal((6, 4)) * 3
    t = rng.integers(0, 4, 6)
    check_loss(CrossEntropyLoss(), out, t)
    # value against the textbook formula
    logp = out - np.log(np.exp(out).sum(axis=1, keepdims=True))
    assert CrossEntropyLoss()(out, t) == pytest.approx(-logp[np.arange(6), t].mean(), rel=1e-12)


def test_cross_entropy_soft_targets(rng):
    out = rng.standard_normal((5, 3))
    t = rng.random((5, 3))
    check_loss(CrossEntropyLoss(), out, t / t.sum(axis=1, keepdims=True))


def test_cross_entropy_is_stable_for_huge_logits():
    out = np.array([[1000.0, 0.0], [0.0, -1000.0]])
    loss = CrossEntropyLoss()
    assert loss(out, np.array([0, 0])) == pytest.approx(0.0, abs=1e-12)
    assert loss(out, np.array([1, 1])) == pytest.approx(1000.0)  # both rows are 1000 nats off
    assert np.all(np.isfinite(loss.backward()))


def test_cross_entropy_rejects_bad_labels():
    with pytest.raises(ValueError, match="labels"):
        CrossEntropyLoss()(np.zeros((2, 3)), np.array([0, 3]))


def test_bce_with_logits(rng):
    out = rng.standard_normal((7, 1)) * 2
    check_loss(BCEWithLogitsLoss(), out, rng.integers(0, 2, 7).astype(np.float64))
    z = np.array([[-800.0], [800.0]])
    assert BCEWithLogitsLoss()(z, np.array([0.0, 1.0])) == pytest.approx(0.0, abs=1e-12)


def test_mse(rng):
    check_loss(MSELoss(), rng.standard_normal((6, 2)), rng.standard_normal((6, 2)))
    assert MSELoss()(np.array([[1.0], [3.0]]), np.array([0.0, 0.0])) == pytest.approx(5.0)


def test_l1_away_from_kinks(rng):
    out = rng.standard_normal((6, 1))
    target = out[:, 0] + away_from_zero(rng, 6, margin=0.1)
    check_loss(L1Loss(), out, target)
    assert L1Loss()(np.array([[1.0], [-3.0]]), np.array([0.0, 0.0])) == pytest.approx(2.0)


def test_float32_is_default_and_float64_on_request(rng):
    m32 = engine.mlp([2, 3, 2], "relu", rng=rng)
    m64 = engine.mlp([2, 3, 2], "relu", rng=rng, dtype="float64")
    assert all(p.data.dtype == np.float32 for p in m32.parameters())
    assert all(p.data.dtype == np.float64 for p in m64.parameters())
    assert m32.forward(np.zeros((1, 2), np.float32)).dtype == np.float32


def test_init_scales(rng):
    he = Linear(400, 300, rng=rng, init="he", dtype="float64").weight.data
    xav = Linear(400, 300, rng=rng, init="xavier", dtype="float64").weight.data
    assert he.std() == pytest.approx(np.sqrt(2 / 400), rel=0.05)
    assert xav.std() == pytest.approx(np.sqrt(2 / 700), rel=0.05)
    a = Linear(4, 3, rng=np.random.default_rng(5)).weight.data
    b = Linear(4, 3, rng=np.random.default_rng(5)).weight.data
    np.testing.assert_array_equal(a, b)   # the passed generator decides the weights
