"""Layers. Each forward and its backward sit together; one math line per gradient.

Notation: x is the layer input, y its output, g = dL/dy arrives in backward and
backward returns dL/dx. Shapes follow PyTorch: x is (batch, in_features).
"""
from __future__ import annotations

import numpy as np

from .module import Module, Parameter, as_dtype

INITS = ("he", "xavier", "torch")
_dot = np.dot


def _is_fraction(v) -> bool:
    """A real number in [0, 1) (bools and strings are not numbers here)."""
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and 0 <= v < 1


class Linear(Module):
    """y = x Wᵀ + b with W of shape (out_features, in_features), as in torch.nn.Linear."""

    def __init__(self, in_features: int, out_features: int, bias: bool = True, *,
                 rng: np.random.Generator | None = None, init: str = "he", dtype="float32"):
        for name, v in (("in_features", in_features), ("out_features", out_features)):
            if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or v < 1:
                raise ValueError(f"Linear: {name} must be a positive integer, got {v!r}")
        if init not in INITS:
            raise ValueError(f"Linear: init must be one of {INITS}, got {init!r}")
        if rng is not None and not isinstance(rng, np.random.Generator):
            raise ValueError(f"Linear: rng must be a numpy Generator, got {rng!r} ({type(rng).__name__})")
        self.in_features, self.out_features = int(in_features), int(out_features)
        self.init, self.dtype = init, as_dtype(dtype)
        rng = rng if rng is not None else np.random.default_rng()
        self.weight = Parameter(self._init_weight(rng), "weight")
        self.bias = Parameter(np.zeros(self.out_features, self.dtype), "bias") if bias else None
        self._x = None

    def _init_weight(self, rng: np.random.Generator) -> np.ndarray:
        fan_in, fan_out, shape = self.in_features, self.out_features, (self.out_features, self.in_features)
        if self.init == "he":      # Kaiming normal, for ReLU-like units: Var(w) = 2 / fan_in
            w = rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
        elif self.init == "xavier":  # Glorot uniform, for tanh/sigmoid: Var(w) = 2 / (fan_in + fan_out)
            limit = np.sqrt(6.0 / (fan_in + fan_out))
            w = rng.uniform(-limit, limit, shape)
        else:                        # PyTorch's default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))
            limit = 1.0 / np.sqrt(fan_in)
            w = rng.uniform(-limit, limit, shape)
        return w.astype(self.dtype)

    # np.dot rather than @: the same BLAS call for 2-D arrays, with ~0.4 µs less overhead on tiny ones.
    def forward(self, x):
        self._x = x
        y = _dot(x, self.weight.data.T)
        if self.bias is not None:
            y += self.bias.data
        return y

    def infer_into(self, x, out):
        """Inference: y = x Wᵀ + b written into `out` (C-contiguous, the result dtype); returns out."""
        w = self.weight.data
        if x.dtype == w.dtype == out.dtype:
            _dot(x, w.T, out)
        else:
            out[...] = _dot(x, w.T)
        if self.bias is not None:
            out += self.bias.data
        return out

    def backward(self, g):
        w, b, x = self.weight, self.bias, self._x
        dt = w._grad.dtype
        if g.dtype != dt or x.dtype != dt:          # (np.dot's out= needs matching dtypes)
            g, x = g.astype(dt), x.astype(dt)
        if w.stale:                                 # (zero_grad'ed: write instead of add)
            _dot(g.T, x, w._grad)                   # dL/dW = gᵀ x
            w.stale = False
        else:
            w._grad += _dot(g.T, x)
        if b is not None:
            ones = _ones_row(len(g), dt)            # (a vector-matrix product beats np.sum over the batch)
            if b.stale:
                _dot(ones, g, b._grad)              # dL/db = Σ_batch g
                b.stale = False
            else:
                b._grad += _dot(ones, g)
        if self.needs_input_grad:
            return _dot(g, w.data)                  # dL/dx = g W
        return None

    def parameters(self):
        return [self.weight] if self.bias is None else [self.weight, self.bias]

    def get_config(self):
        return {"type": "Linear", "in_features": self.in_features, "out_features": self.out_features,
                "bias": self.bias is not None, "init": self.init, "dtype": self.dtype.name}

    def __repr__(self):
        return f"Linear(in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None})"


class Activation(Module):
    """An element-wise non-linearity with no parameters. Defining a subclass with a `name` registers it:
    the recipe, `mlp`, model files, the network builder's list, the NumPy export and the gradient tests
    all read ACTIVATIONS, so a new activation is this one class. A subclass sets

        name        the recipe's key, e.g. "tanh"
        label       what the network builder shows
        tip         the builder's one-line explanation
        init        weight init of the Linear layer that feeds it: "he" (ReLU-like) or "xavier"
        numpy_code  the exported script's NumPy expression of `x` (and of the layer's config values)
        torch_code  the PyTorch export's torch.nn constructor, formatted with the layer's config values
        formula     the lesson's formula of α and α′, for the step-by-step view
        value_range (low, high) every output lies in, or None (pictures then scale by the largest |y|)

    and forward/backward (each gradient with its one-line math comment). `infer_` (eval mode, in place)
    may be overridden for speed; by default it writes forward's result back into x.
    """

    name = ""
    label = ""
    tip = ""
    init = "xavier"
    numpy_code = ""
    torch_code = ""
    formula = "a = α(z)"
    value_range: tuple | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        name = cls.__dict__.get("name")
        if not name:
            return
        missing = [a for a in ("label", "numpy_code", "torch_code") if not getattr(cls, a)]
        if missing or cls.init not in INITS:
            raise TypeError(f"activation {cls.__name__}: needs {missing or ['init in ' + str(INITS)]}")
        if name in ACTIVATIONS:
            raise TypeError(f"activation {cls.__name__}: the name {name!r} is taken by {ACTIVATIONS[name].__name__}")
        ACTIVATIONS[name] = cls
        LAYER_TYPES[cls.__name__] = cls

    def infer_(self, x):
        """Eval-mode forward in place on `x` (an array the caller owns); returns x."""
        x[...] = self.forward(x)
        return x

    def __repr__(self):
        return f"{type(self).__name__}()"


# name -> class of every registered activation, in the builder's order (the order of definition)
ACTIVATIONS: dict[str, type[Activation]] = {}
# model-config "type" -> class of every layer a model file may hold (Linear, Softmax, Dropout, activations)
LAYER_TYPES: dict[str, type[Module]] = {"Linear": Linear}


class ReLU(Activation):
    """y = max(x, 0)."""

    name, label, init = "relu", "ReLU", "he"
    tip = "ReLU: max(0, z). Fast to train; a unit whose input stays negative stops learning ('dead')."
    numpy_code = "x * (x > 0)"
    torch_code, formula = "nn.ReLU()", "α(z) = max(0, z),  α′(z) = 1 if z > 0 else 0"

    def forward(self, x):
        self._mask = (x > 0).astype(x.dtype)        # a float mask: float × float beats float × bool
        return x * self._mask

    def backward(self, g):
        return g * self._mask                       # dL/dx = g · [x > 0]

    def infer_(self, x):
        return np.maximum(x, 0, out=x)


class LeakyReLU(Activation):
    """y = x for x > 0, a·x otherwise."""

    name, label, init = "leaky_relu", "Leaky ReLU", "he"
    tip = "Leaky ReLU: z for z > 0, 0.01·z otherwise, so no unit ever stops learning completely."
    numpy_code = "x * np.where(x > 0, 1.0, negative_slope).astype(x.dtype)"
    torch_code = "nn.LeakyReLU({negative_slope!r})"
    formula = "α(z) = z if z > 0 else 0.01 z,  α′(z) = 1 if z > 0 else 0.01"

    def __init__(self, negative_slope: float = 0.01):
        if not _is_fraction(negative_slope):
            raise ValueError(f"LeakyReLU: negative_slope must be in [0, 1), got {negative_slope!r}")
        self.negative_slope = float(negative_slope)

    def forward(self, x):
        a = self.negative_slope
        slope = (x > 0).astype(x.dtype)
        slope *= 1 - a
        slope += a                                  # 1 where x > 0, a elsewhere
        self._slope = slope
        return x * self._slope

    def backward(self, g):
        return g * self._slope                      # dL/dx = g · (1 if x > 0 else a)

    def infer_(self, x):
        return np.multiply(x, self.negative_slope, out=x, where=x < 0)

    def get_config(self):
        return {"type": "LeakyReLU", "negative_slope": self.negative_slope}

    def __repr__(self):
        return f"LeakyReLU(negative_slope={self.negative_slope})"


class Tanh(Activation):
    """y = tanh(x)."""

    name, label, value_range = "tanh", "tanh", (-1.0, 1.0)
    tip = "tanh: smooth S-curve from −1 to 1. Saturates for large |z|, where its gradient nearly vanishes."
    numpy_code = "np.tanh(x)"
    torch_code, formula = "nn.Tanh()", "α(z) = tanh z,  α′(z) = 1 − tanh² z"

    def forward(self, x):
        self._y = np.tanh(x)
        return self._y

    def backward(self, g):
        d = self._y * self._y
        np.subtract(1, d, out=d)
        d *= g
        return d                                    # dL/dx = g · (1 − y²)

    def infer_(self, x):
        return np.tanh(x, out=x)


class Sigmoid(Activation):
    """y = 1 / (1 + e^−x), computed as (1 + tanh(x/2)) / 2, which never overflows."""

    name, label, value_range = "sigmoid", "sigmoid", (0.0, 1.0)
    tip = "sigmoid: smooth S-curve from 0 to 1. Saturates easily, so deep sigmoid nets learn slowly."
    numpy_code = "(1 + np.tanh(0.5 * x)) * 0.5"
    torch_code, formula = "nn.Sigmoid()", "α(z) = 1 / (1 + e^(−z)),  α′(z) = α(z)(1 − α(z))"

    def forward(self, x):
        y = np.tanh(x * 0.5)
        y += 1
        y *= 0.5
        self._y = y
        return y

    def backward(self, g):
        y = self._y
        return g * y * (1 - y)                      # dL/dx = g · y (1 − y)

    def infer_(self, x):
        x *= 0.5
        np.tanh(x, out=x)
        x += 1
        x *= 0.5
        return x


class Identity(Activation):
    """y = x (a linear 'activation')."""

    name, label = "identity", "linear"
    tip = ("linear: no non-linearity. Stacked linear layers are still one linear map — "
           "they can only draw straight boundaries.")
    numpy_code = "x"
    torch_code, formula = "nn.Identity()", "α(z) = z,  α′(z) = 1"

    def forward(self, x):
        return x

    def backward(self, g):
        return g                                    # dL/dx = g

    def infer_(self, x):
        return x


class SiLU(Activation):
    """y = x·σ(x) (SiLU, also called swish), with σ(x) = (1 + tanh(x/2)) / 2, which never overflows."""

    name, label, init = "silu", "SiLU (swish)", "he"
    tip = "SiLU (swish): z·sigmoid(z). Smooth, unbounded above like ReLU, dipping a little below 0 for negative z."
    numpy_code = "x * (1 + np.tanh(0.5 * x)) * 0.5"
    torch_code, formula = "nn.SiLU()", "α(z) = z·σ(z),  α′(z) = σ(z)(1 + z(1 − σ(z)))"

    def forward(self, x):
        s = np.tanh(x * 0.5)
        s += 1
        s *= 0.5
        self._x, self._s = x, s
        return x * s

    def backward(self, g):
        x, s = self._x, self._s
        return g * s * (1 + x * (1 - s))            # dL/dx = g · σ(x) (1 + x (1 − σ(x)))


class Softmax(Module):
    """y_i = e^{x_i} / Σ_j e^{x_j} along the last axis: scores to class probabilities."""

    name, numpy_code = "softmax", "_softmax(x)"     # (for the NumPy export; not a hidden-layer activation)

    def forward(self, x):
        self._y = softmax(x)
        return self._y

    def backward(self, g):
        y = self._y
        return y * (g - (g * y).sum(axis=-1, keepdims=True))  # dL/dx = y ⊙ (g − ⟨g, y⟩)

    def infer_(self, x):
        return softmax_(x)

    def __repr__(self):
        return "Softmax()"


class Dropout(Module):
    """Training: zero each unit with probability p and scale the rest by 1/(1−p). Eval: identity."""

    def __init__(self, p: float = 0.5, *, rng: np.random.Generator | None = None):
        if not _is_fraction(p):
            raise ValueError(f"Dropout: p must be in [0, 1), got {p!r}")
        self.p = float(p)
        self.rng = rng if rng is not None else np.random.default_rng()
        self._mask = None

    def forward(self, x):
        if not self.training or self.p == 0:
            self._mask = None
            return x
        self._mask = (self.rng.random(x.shape, dtype=np.float32) >= self.p).astype(x.dtype) / (1 - self.p)
        return x * self._mask

    def backward(self, g):
        return g if self._mask is None else g * self._mask   # dL/dx = g · mask / (1 − p)

    def infer_(self, x):
        return x                                    # identity at prediction time

    def get_config(self):
        return {"type": "Dropout", "p": self.p}

    def __repr__(self):
        return f"Dropout(p={self.p})"


_ONES: dict = {}


def _ones_row(n: int, dtype) -> np.ndarray:
    key = (n, dtype)
    ones = _ONES.get(key)
    if ones is None:
        ones = _ONES[key] = np.ones(n, dtype)
    return ones


def _row_sum(a: np.ndarray) -> np.ndarray:
    """Σ over the last axis, keepdims; a matrix-vector product beats a short-axis reduction."""
    key = (a.shape[-1], 1, a.dtype)
    ones = _ONES.get(key)
    if ones is None:
        ones = _ONES[key] = np.ones((a.shape[-1], 1), a.dtype)
    return a @ ones


def _row_max(a: np.ndarray) -> np.ndarray:
    """max over the last axis of a 2-D array, keepdims; column by column when there are few columns."""
    if a.shape[0] > 256 and a.shape[1] <= 32:
        m = a[:, :1].copy()
        for j in range(1, a.shape[1]):
            np.maximum(m, a[:, j:j + 1], out=m)
        return m
    return np.maximum.reduce(a, axis=-1, keepdims=True)


def exp_shifted(z: np.ndarray):
    """(e, s, m) with e = exp(z − m), s = Σ_j e (keepdims) and m a shift that keeps every exp ≤ 1.

    m is first the largest entry of the whole array (one cheap reduction); only if some row would then
    underflow (its Σ tiny) does it become the per-row maximum. Either way log Σ_j e^{z_ij} = m + log s.
    """
    m = np.maximum.reduce(z, axis=None)
    e = z - m
    np.exp(e, out=e)
    s = _row_sum(e)
    if not np.minimum.reduce(s, axis=None) >= _TINY[z.dtype.char]:  # (NaN falls through too)
        m = _row_max(z)
        e = z - m
        np.exp(e, out=e)
        s = _row_sum(e)
    return e, s, m


_TINY = {"f": 1e-30, "d": 1e-250, "e": 1e-4, "g": 1e-250}


def logsumexp(z: np.ndarray) -> np.ndarray:
    """log Σ_j e^{z_ij} per row (keepdims), without overflow."""
    if z.size <= 256:
        return np.logaddexp.reduce(z, axis=-1, keepdims=True)  # pairwise-stable, one call: best when tiny
    _, s, m = exp_shifted(z)
    return np.log(s) + m


def softmax_(z: np.ndarray) -> np.ndarray:
    """softmax(z) written over z itself (a 2-D float array the caller owns); returns z."""
    if z.ndim == 2 and z.shape[1] == 2:             # two classes: p₁ = σ(z₁ − z₀) = (1 + tanh((z₁ − z₀)/2)) / 2
        d = z[:, 1] - z[:, 0]
        d *= 0.5
        np.tanh(d, out=d)
        d *= 0.5
        np.add(0.5, d, out=z[:, 1])
        np.subtract(0.5, d, out=z[:, 0])
        return z
    e, s, _ = exp_shifted(z)
    return np.divide(e, s, out=z)


def softmax(z: np.ndarray) -> np.ndarray:
    """Numerically stable softmax over the last axis of a 2-D array."""
    e, s, _ = exp_shifted(z)
    e /= s
    return e


LAYER_TYPES.update(Softmax=Softmax, Dropout=Dropout)


def init_for(activation: str) -> str:
    """The weight init of a Linear layer followed by `activation` (each activation says which)."""
    return ACTIVATIONS[activation].init
