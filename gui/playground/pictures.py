"""The pictures a training snapshot carries, computed on the worker thread (never touches Qt).

`Pictures` draws one network: the neuron thumbnails over a coarse THUMB×THUMB grid, the decision map
(or the fitted curve) at a resolution adapted to its worker CPU cost, and the hovered neuron at the
map's resolution. `GradientView` gathers ∂L/∂W for the diagram's gradient view. Every number comes
from the engine (`Sequential.infer`, `Trainer.full_gradient`); render.py turns columns into images.
"""
from __future__ import annotations

import math
import time

import numpy as np

from engine import Linear
from engine.train import probabilities_
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.playground import render
from gui.playground.snapshot import Phrase

MAX_SHOWN = 10             # neurons drawn per layer in the diagram
THUMB = 40                 # thumbnail side (2-D) / samples (1-D)
GRID_MAX, GRID_MIN = 200, 96   # decision-map resolution range (2-D)
GRID_1D = 400              # samples of the fitted curve (1-D)
MAP_BUDGET_S = 0.008       # worker CPU per map the resolution adapts to (200² for small nets)


class Pictures:
    """Thumbnails, weights, map/curve and focus image of one model seen through one fixed input scaling."""

    def __init__(self, model, pipe, *, one_d: bool, classify: bool, bounds):
        self.model, self.pipe = model, pipe
        self.one_d, self.classify = bool(one_d), bool(classify)
        self.bounds = tuple(bounds)
        self.kinds = render.column_kinds(model)
        self.linears = [layer for layer in model if isinstance(layer, Linear)]
        self.grid_n = GRID_MAX if not self.one_d else GRID_1D
        self._grid_key = None
        self._tin = None            # thumbnail grid inputs (fixed for the session)
        self._px_cost = None        # worker CPU seconds per map pixel (running average)

    def draw(self, focus, *, discretize: bool, vmax: float, shared_scale: bool) -> tuple[dict, float, float]:
        """(the snapshot's picture fields, thumbnail CPU seconds, map CPU seconds)."""
        c0 = time.thread_time()
        model = self.model
        # thumbnails, scales and weights from one forward pass over the coarse grid
        cols = model.infer(self._thumb_inputs(), keep_all=True)   # (the model's buffers: used at once)
        sizes = tuple(c.shape[1] for c in cols)
        shown = tuple(min(s, MAX_SHOWN) for s in sizes)
        last = len(cols) - 1
        scales = [self._column_scale(c, kind, i == last, vmax, shared_scale)
                  for i, (c, kind) in enumerate(zip(cols, self.kinds, strict=False))]
        if self.one_d:
            thumbs = tuple(np.clip((c[:, :k] - off) / (sc if np.ndim(sc) == 0 else sc[:k]), -1, 1).T.astype(np.float32)
                           for c, k, (sc, off) in zip(cols, shown, scales, strict=False))
        else:
            thumbs = np.concatenate([self._thumb_images(c[:, :k], i == last, sc, off)
                                     for i, (c, k, (sc, off)) in enumerate(zip(cols, shown, scales, strict=False))])
        weights = tuple(np.array(lin.weight.data[:shown[i + 1], :shown[i]], dtype=np.float32)
                        for i, lin in enumerate(self.linears))
        c1 = time.thread_time()
        # the map (or the fitted curve) at full resolution: one forward pass, then a table lookup
        gin = self._grid_inputs()
        n = self.grid_n
        image = curve = None
        focus_ok = focus is not None and 0 <= focus[0] < len(cols) and 0 <= focus[1] < sizes[focus[0]]
        map_cols = model.infer(gin, keep_all=True) if focus_ok else None   # the hovered neuron's column too
        out = map_cols[-1] if focus_ok else model.infer(gin)
        if self.one_d:
            curve = (self._xs.copy(), out[:, 0].astype(np.float64))
        elif self.classify:
            image = render.decision_rgba(out, n, discretize)
        else:
            image = render.value_rgba(out[:, 0], n, vmax, discretize)
        c2 = time.thread_time()
        focus_image = None
        if focus_ok:
            ci, j = focus
            focus_image = self._focus(map_cols[ci], ci, j, scales[ci])
        self._adapt_grid(c2 - c1, n)
        fields = {"image": image, "curve": curve, "sizes": sizes, "shown": shown, "thumbs": thumbs,
                  "weights": weights, "focus": focus, "focus_image": focus_image}
        return fields, c1 - c0, c2 - c1

    # The decision map: an n×n grid (row 0 = lowest y), n adapted to what a map costs in worker CPU.
    def _grid_inputs(self):
        key = (self.grid_n, self.bounds)
        if key != self._grid_key:
            xmin, xmax, ymin, ymax = self.bounds
            n = self.grid_n
            if self.one_d:
                self._xs = np.linspace(xmin, xmax, n)
                self._gin = self.pipe.transform(self._xs[:, None])
            else:
                gx, gy = np.meshgrid(np.linspace(xmin, xmax, n), np.linspace(ymin, ymax, n))
                self._gin = self.pipe.transform(np.column_stack([gx.ravel(), gy.ravel()]))
            self._grid_key = key
        return self._gin

    # The thumbnails: a coarse THUMB×THUMB grid (row 0 = highest y, as an image is drawn) or THUMB xs.
    def _thumb_inputs(self):
        if self._tin is None:
            xmin, xmax, ymin, ymax = self.bounds
            if self.one_d:
                self._tin = self.pipe.transform(np.linspace(xmin, xmax, THUMB)[:, None])
            else:
                gx, gy = np.meshgrid(np.linspace(xmin, xmax, THUMB), np.linspace(ymax, ymin, THUMB))
                self._tin = self.pipe.transform(np.column_stack([gx.ravel(), gy.ravel()]))
        return self._tin

    def _adapt_grid(self, seconds: float, n: int) -> None:
        """Pick the map resolution whose worker CPU cost stays near MAP_BUDGET_S (between GRID_MIN and
        GRID_MAX). CPU time, unlike wall time, does not grow when other programs load the machine."""
        if self.one_d or n != self.grid_n:
            return
        per_px = seconds / (n * n)
        self._px_cost = per_px if self._px_cost is None else 0.7 * self._px_cost + 0.3 * per_px
        target = int(math.sqrt(MAP_BUDGET_S / max(self._px_cost, 1e-12))) // 8 * 8
        target = min(GRID_MAX, max(GRID_MIN, target))
        if abs(target - n) >= 16 or (target == GRID_MAX and n < GRID_MAX and target - n >= 8):
            self.grid_n = target

    def _column_scale(self, c: np.ndarray, kind: str, is_out: bool, vmax: float, shared_scale: bool):
        if is_out:
            if not self.classify:
                return max(vmax, 1e-9), 0.0
            return 1.0, 0.0          # probabilities (coloured per class)
        return render.column_scale(c, kind, per_unit=not shared_scale)

    def _thumb_images(self, c: np.ndarray, is_out: bool, scale, offset) -> np.ndarray:
        if is_out and self.classify:
            return render.class_images(class_probabilities(c), np.arange(c.shape[1]), THUMB)
        return render.signed_images(c, scale if np.ndim(scale) == 0 else scale[:c.shape[1]], offset, THUMB)

    def _focus(self, c: np.ndarray, ci: int, j: int, scale_offset):
        """The hovered neuron at the map's resolution from its column `c` (2-D: an RGBA image; 1-D: (xs, values))."""
        n = self.grid_n
        last = ci == len(self.kinds) - 1
        if last and self.classify:
            c = class_probabilities(c)
        v = c[:, j]
        if self.one_d:
            return (self._xs.copy(), np.array(v, dtype=np.float64))
        if last and self.classify:
            return render.class_images(v[:, None], np.array([j]), n)[0]
        sc, off = scale_offset
        sc = sc if np.ndim(sc) == 0 else sc[j]
        return render.signed_images(v[:, None], sc, off, n)[0]


class GradientView:
    """∂L/∂W per parameter of each Linear for the diagram's gradient view: the mean over the minibatches
    since the last snapshot, or — when none ran (paused) — the gradient over all training points."""

    def __init__(self, linears):
        self.linears = linears
        self.params = [p for lin in linears for p in lin.parameters()]
        self.acc = [np.zeros(p.data.shape, np.float64) for p in self.params]
        self.count = 0

    def add(self) -> None:
        """Sum the gradients of the minibatch just stepped (read after the step, before the next zero_grad)."""
        for a, p in zip(self.acc, self.params, strict=False):
            a += p.grad
        self.count += 1

    def fields(self, shown, full_gradient) -> dict:
        """The snapshot's gradient fields; `full_gradient()` gives the gradient over all training points or None."""
        if self.count:
            n = self.count
            grads = [a / n for a in self.acc]
            for a in self.acc:
                a.fill(0.0)
            self.count = 0
            source = (Phrase("the last minibatch", Message.info(QT_TR_NOOP("the last minibatch"))) if n == 1 else
                      Phrase(f"the last {n:,} minibatches", Message.info(QT_TR_NOOP("the last %1 minibatches"), n)))
        else:
            grads = full_gradient()
            source = Phrase("all training points", Message.info(QT_TR_NOOP("all training points")))
        if grads is None:
            return {}
        gs, ds, gmax = [], [], []
        k = 0
        for i, lin in enumerate(self.linears):
            gw = grads[k]
            gb = grads[k + 1] if lin.bias is not None else np.zeros(gw.shape[0])
            k += 2 if lin.bias is not None else 1
            gs.append(np.array(gw[:shown[i + 1], :shown[i]], np.float32))
            ds.append(np.array(gb[:shown[i + 1]], np.float32))
            gmax.append(float(np.max(np.abs(gw))) if gw.size else 0.0)
        return {"grads": tuple(gs), "deltas": tuple(ds), "grad_max": tuple(gmax), "grad_source": source}


def class_probabilities(scores: np.ndarray) -> np.ndarray:
    """One probability column per output unit (float32): softmax, or for a single logit P(class 1)."""
    p = probabilities_(np.array(scores, np.float32))
    return p[:, 1:] if scores.shape[1] == 1 else p
