"""Parameter, Module and Sequential: the skeleton every layer hangs on."""
from __future__ import annotations

from threading import get_ident

import numpy as np

DTYPES = {"float32": np.float32, "float64": np.float64}


def as_dtype(dtype) -> np.dtype:
    """Accept 'float32'/'float64' or a numpy dtype; anything else is a ValueError."""
    try:
        name = np.dtype(dtype).name if not isinstance(dtype, str) else dtype
    except TypeError:
        name = None
    if name not in DTYPES:
        raise ValueError(f"dtype must be float32 or float64, got {dtype!r}")
    return np.dtype(DTYPES[name])


class Parameter:
    """A trainable array and the gradient of the loss with respect to it.

    `zero_grad()` only marks the gradient stale (O(1)); the next backward then writes
    it instead of adding to it, and reading `grad` while stale gives zeros.
    """

    __slots__ = ("data", "_grad", "stale", "name")

    def __init__(self, data: np.ndarray, name: str = ""):
        self.data = data
        self._grad = np.zeros_like(data)
        self.stale = False
        self.name = name

    @property
    def grad(self) -> np.ndarray:
        if self.stale:
            self._grad.fill(0)
            self.stale = False
        return self._grad

    @grad.setter
    def grad(self, value) -> None:
        self._grad[...] = value
        self.stale = False

    def __repr__(self) -> str:
        return f"Parameter({self.name or '?'}, shape={self.data.shape}, dtype={self.data.dtype})"


def _address(a: np.ndarray) -> int:
    return a.__array_interface__["data"][0]


def pack_parameters(params: list[Parameter]) -> None:
    """Move the arrays of `params` into one contiguous buffer (data and grad alike),
    so that optimizers can update every parameter with a few whole-array operations."""
    if not params or len({p.data.dtype for p in params}) != 1 or flat_views(params) is not None:
        return
    dtype = params[0].data.dtype
    total = sum(p.data.size for p in params)
    data, grad = np.empty(total, dtype), np.zeros(total, dtype)
    offset = 0
    for p in params:
        n, shape = p.data.size, p.data.shape
        data[offset:offset + n] = p.data.ravel()
        p.data = data[offset:offset + n].reshape(shape)
        p._grad = grad[offset:offset + n].reshape(shape)
        p.stale = True
        offset += n


def flat_views(params: list[Parameter]):
    """(data, grads, params) as flat arrays if `params` lie back to back in one buffer, else None."""
    if not params:
        return None
    dbase, gbase = params[0].data.base, params[0]._grad.base
    if dbase is None or gbase is None or dbase.ndim != 1 or gbase.ndim != 1:
        return None
    total = 0
    for p in params:
        if p.data.base is not dbase or p._grad.base is not gbase:
            return None
        item = p.data.itemsize
        if _address(p.data) != _address(dbase) + total * item or _address(p._grad) != _address(gbase) + total * item:
            return None
        total += p.data.size
    if total != dbase.size or total != gbase.size:
        return None
    return dbase, gbase


class Module:
    """Base class. Subclasses set `forward(x)` and `backward(grad_out)` side by side."""

    training = True
    needs_input_grad = True  # Sequential turns this off for the first layer.
    infer_into = None        # layers that change the shape (Linear) write into a buffer Sequential.infer gives

    def forward(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.forward(x)

    def infer_(self, x: np.ndarray) -> np.ndarray:
        """Eval-mode forward for inference only (no caches for backward needed). It may overwrite `x`,
        which the caller owns, and return it; this default returns forward's result instead."""
        return self.forward(x)

    # -- parameters --------------------------------------------------------------
    def parameters(self) -> list[Parameter]:
        return []

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.stale = True

    def num_parameters(self) -> int:
        return int(sum(p.data.size for p in self.parameters()))

    # -- modes -----------------------------------------------------------------
    def train(self, mode: bool = True) -> Module:
        self.training = bool(mode)
        for child in self.children():
            child.train(mode)
        return self

    def eval(self) -> Module:
        return self.train(False)

    def children(self) -> list[Module]:
        return []

    # -- state -----------------------------------------------------------------
    def named_parameters(self, prefix: str = "") -> list[tuple[str, Parameter]]:
        return [(prefix + p.name, p) for p in self.parameters()]

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of all parameter arrays, keyed like '0.weight'."""
        return {name: p.data.copy() for name, p in self.named_parameters()}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        """Copy arrays in; checks every name and shape before changing anything."""
        named = dict(self.named_parameters())
        missing = sorted(set(named) - set(state))
        unexpected = sorted(set(state) - set(named))
        if missing or unexpected:
            raise ValueError(f"state_dict mismatch: missing {missing}, unexpected {unexpected}")
        for name, p in named.items():
            arr = np.asarray(state[name])
            if arr.shape != p.data.shape:
                raise ValueError(f"state_dict[{name!r}] has shape {arr.shape}, expected {p.data.shape}")
            if not np.all(np.isfinite(arr)):
                raise ValueError(f"state_dict[{name!r}] contains NaN or inf")
        for name, p in named.items():
            p.data[...] = state[name]

    def get_config(self) -> dict:
        return {"type": type(self).__name__}


class Sequential(Module):
    """Layers applied in order; backward walks them in reverse (the chain rule)."""

    def __init__(self, *layers: Module):
        if len(layers) == 1 and isinstance(layers[0], (list, tuple)):
            layers = tuple(layers[0])
        for i, layer in enumerate(layers):
            if not isinstance(layer, Module):
                raise TypeError(f"Sequential: item {i} is {type(layer).__name__}, not a Module")
        self.layers = list(layers)
        self.training = True
        self._infer_buffers: dict = {}
        self._infer_plan = None
        self._wire()
        pack_parameters(self.parameters())

    def _wire(self) -> None:
        # The input needs no gradient: skip dL/dx in the first layers that have parameters.
        seen_param = False
        for layer in self.layers:
            layer.needs_input_grad = seen_param
            if layer.parameters():
                seen_param = True

    def __len__(self) -> int:
        return len(self.layers)

    def __getitem__(self, i):
        return self.layers[i]

    def __iter__(self):
        return iter(self.layers)

    def children(self) -> list[Module]:
        return list(self.layers)

    def linear_layers(self) -> list[Module]:
        """The layers with weights, in order: [i].weight / [i].bias, whatever Dropout sits between them."""
        return [layer for layer in self.layers if hasattr(layer, "weight") and hasattr(layer, "in_features")]

    def forward(self, x: np.ndarray) -> np.ndarray:
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
            if grad is None:
                break
        return grad

    def forward_all(self, x: np.ndarray) -> list[np.ndarray]:
        """Forward in the current mode (call eval() first for pictures), returning every layer's output."""
        outs = []
        for layer in self.layers:
            x = layer.forward(x)
            outs.append(x)
        return outs

    def infer(self, x: np.ndarray, out: np.ndarray | None = None, keep_all: bool = False):
        """Inference (eval mode whatever `training` says: no dropout, nothing kept for backward) that
        makes no new arrays once warm: each Linear writes into a buffer kept per (batch size, dtype)
        and the activations after it work in place there. `x` is never modified.

        Returns the network's output — written into `out` if given ((n, outputs), the result dtype),
        else a buffer that the next call with this batch size overwrites (copy it to keep it). With
        `keep_all`, returns the list of "columns" instead: the input and each Linear block's output
        after its activations (what the network diagram draws), the output last. Threads get buffers
        of their own, so concurrent calls are safe while nobody changes the weights.
        """
        bufs = self._buffers_for(x, out)
        cols = [x] if keep_all else None
        h, owned, k = x, False, 0          # owned: h lies in one of our buffers (safe to change in place)
        for layer in self.layers:
            if layer.infer_into is not None:
                if cols is not None and k:
                    cols.append(h)
                h = layer.infer_into(h, bufs[k])
                owned, k = True, k + 1
            elif owned:
                h = layer.infer_(h)
            else:                          # (a layer before the first Linear: work on a copy)
                h = layer.infer_(np.array(h, copy=True))
                owned = True
        if out is not None and h is not out:
            out[...] = h
            h = out
        if cols is not None:
            if k or len(cols) == 1:
                cols.append(h)
            return cols
        return h

    _MAX_BUFFER_SETS = 6           # batch sizes whose buffers are kept (least recently used dropped)
    _MAX_CACHED_BYTES = 64 << 20   # a bigger set is made per call and not kept

    def _buffers_for(self, x: np.ndarray, out: np.ndarray | None) -> list[np.ndarray]:
        """One output buffer per shape-changing layer (Linear) for this batch size and dtype, `out` last."""
        if x.ndim != 2:
            raise ValueError(f"Sequential.infer: inputs must be 2-D (rows × features), got shape {x.shape}")
        if self._infer_plan is None:
            self._infer_plan = ([layer for layer in self.layers if layer.infer_into is not None],
                                np.result_type(*(p.data.dtype for p in self.parameters())))
        sized, wdtype = self._infer_plan
        dtype = np.result_type(x.dtype, wdtype)
        n = len(x)
        key = (n, dtype.char, get_ident())                   # per thread: concurrent calls never share buffers
        cache = self._infer_buffers
        bufs = cache.pop(key, None)
        if bufs is None:
            bufs = [np.empty((n, layer.out_features), dtype) for layer in sized]
        if sum(b.nbytes for b in bufs) <= self._MAX_CACHED_BYTES:
            cache[key] = bufs                                # most recently used last
            while len(cache) > self._MAX_BUFFER_SETS:
                try:
                    cache.pop(next(iter(cache)), None)
                except (RuntimeError, StopIteration):        # (another thread changed the cache meanwhile)
                    break
        if out is not None:
            shape = (n, sized[-1].out_features) if sized else x.shape
            if out.shape != shape or out.dtype != dtype or not out.flags.c_contiguous:
                raise ValueError(f"Sequential.infer: out must be a C-contiguous {dtype.name} array of shape "
                                 f"{shape}, got a {out.dtype.name} array of shape {out.shape}")
            if sized:
                bufs = bufs[:-1] + [out]
        return bufs

    def parameters(self) -> list[Parameter]:
        return [p for layer in self.layers for p in layer.parameters()]

    def named_parameters(self, prefix: str = "") -> list[tuple[str, Parameter]]:
        out = []
        for i, layer in enumerate(self.layers):
            out.extend(layer.named_parameters(f"{prefix}{i}."))
        return out

    def get_config(self) -> dict:
        return {"type": "Sequential", "layers": [layer.get_config() for layer in self.layers]}

    def __repr__(self) -> str:
        inner = ",\n  ".join(repr(layer) for layer in self.layers)
        return f"Sequential(\n  {inner}\n)"
