"""NetworkDiagram: the layers as columns of neurons, each weight a line (colour = sign, width =
magnitude), each neuron a thumbnail of its activation over the input plane. Hovering a neuron
emits `hovered(column, neuron)` so the big plot can show it; (-1, -1) when the mouse leaves.

The gradient view (`set_view("gradients")`) draws backpropagation instead: each line's width is
|∂L/∂w| (scaled per layer, whose largest |∂L/∂w| is written below it) and its colour the sign of the
update −η∂L/∂w; a bar under each neuron shows its error signal δ = ∂L/∂z (mean over the minibatches).
Hovering a line emits `message(text)` with its weight and gradient."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.i18n import QT_TR_NOOP, fill, locale, on_language_change, sig, tr
from gui.playground.text import gradient_source, signed
from gui.playground.thumbnails import atlas_to_qimage
from gui.widgets.colors import NEGATIVE, POSITIVE

N_LEVELS = 6
LINE_WIDTHS = (0, 0, 1.5, 2, 3, 4)   # per level; 0 = one-pixel cosmetic lines, far cheaper than fractional widths
MARK_DEAD = "#D55E00"          # vermillion cross over a dead unit
MARK_SATURATED = "#CC79A7"     # a dashed reddish-purple frame around a saturated unit (not a class hue of 2)
ANTIALIAS = False   # antialiased wide lines cost ~10 ms a frame on big layers
FEATURE_TEXT = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂", "sin x1": "sin x₁",
                "sin x2": "sin x₂"}


# English sources (shown through tr())
WEIGHTS_TIP = QT_TR_NOOP("The network: inputs on the left, the output on the right. Each line is a weight "
                         "(orange positive, blue negative, thicker = larger). Each square shows what that neuron "
                         "computes over the input plane; hover one to see it large, hover a line to read its "
                         "weight.")
GRADIENTS_TIP = QT_TR_NOOP("Backpropagation: the loss's gradient flows from the output back through every layer "
                           "(chain rule); thick lines are the weights that this step changes most. Line width = "
                           "|∂L/∂w| (scaled per layer; the layer's largest value is written below it — tiny numbers "
                           "on the left mean vanishing gradients). Colour = the direction of the update −η∂L/∂w: "
                           "orange raises the weight, blue lowers it. The bar under each neuron is its error "
                           "signal δ = ∂L/∂z (averaged over the minibatches; orange: the update raises z). Hover "
                           "a line or a neuron for its numbers.")


class NetworkDiagram(QWidget):
    hovered = Signal(int, int)
    message = Signal(str)          # a hovered line's weight and gradient, for the status bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WA_OpaquePaintEvent)   # paintEvent fills every pixel: nothing below is redrawn
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._snap = None
        self._atlas: QImage | None = None     # every thumbnail of a snapshot, stacked (one upload)
        self._atlas_side = 0
        self._geometry_key = None
        self._lines: list[list[QLineF]] = []  # per weight matrix, in W.ravel() order (cached with the boxes)
        self._labels: list[str] = []
        self._inputs: list[str] = []
        self._outputs: list[str] = []
        self._hover = (-1, -1)
        self._boxes: list[list[QRectF]] = []
        self._segments: list[np.ndarray] = []   # per weight matrix, (n, 4) x0 y0 x1 y1 (for hovering lines)
        self._hover_line = None
        self.view = "weights"
        self._words: dict[str, str] = {}
        self._more: dict[int, str] = {}       # "+3 more" per count, in the current language
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """The tooltip and the words painted on the diagram, translated once per language (not every frame)."""
        self._words = {
            "empty": tr("The network appears here."), "input": tr("Input", "diagram column"),
            "output": tr("Output", "diagram column"),
            "width": tr("Line width |∂L/∂w|; under each layer its largest value."),
            "colour": tr("Orange: this step raises the weight, blue: lowers it · bar: δ = ∂L/∂z"),
            "marks": tr("✕ dead ReLU (0 on all training points) · dashed: saturated"),
        }
        self._more = {}
        self.setToolTip(tr(GRADIENTS_TIP if self.view == "gradients" else WEIGHTS_TIP))
        self.update()

    def set_view(self, view: str) -> None:
        """"weights" or "gradients"."""
        self.view = "gradients" if view == "gradients" else "weights"
        self.setToolTip(tr(GRADIENTS_TIP if self.view == "gradients" else WEIGHTS_TIP))
        self.update()

    def _showing_gradients(self) -> bool:
        return self.view == "gradients" and self._snap is not None and self._snap.grads is not None

    def set_structure(self, input_names, layer_labels, output_names) -> None:
        """Names of the input features, a heading per hidden layer, and names of the outputs."""
        self._inputs = [FEATURE_TEXT.get(f, f) for f in input_names]
        self._labels = list(layer_labels)
        self._outputs = list(output_names)
        self._snap = None
        self._atlas = None
        self._hover_line = None
        self.update()

    def set_layer_labels(self, layer_labels) -> None:
        """New headings of the hidden layers (e.g. after a language switch); nothing else changes."""
        self._labels = list(layer_labels)
        self.update()

    def set_snapshot(self, snap) -> None:
        self._snap = snap
        if snap.one_d:
            self._atlas = None
        else:
            self._atlas, self._atlas_side = atlas_to_qimage(snap.thumbs)
        self.update()

    def clear(self) -> None:
        self._snap = None
        self._atlas = None
        self.update()

    # -- geometry --------------------------------------------------------------------------------
    def _geometry(self):
        """Boxes and weight lines for the current size and shown neurons (recomputed only when they change)."""
        key = (self.width(), self.height(), self._snap.shown)
        if key != self._geometry_key:
            self._geometry_key = key
            self._boxes = boxes = self._layout()
            self._lines = [[QLineF(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()))
                            for b in boxes[c + 1] for a in boxes[c]] for c in range(len(boxes) - 1)]
            self._segments = [np.array([[ln.x1(), ln.y1(), ln.x2(), ln.y2()] for ln in lines], dtype=np.float64)
                              .reshape(-1, 4) for lines in self._lines]
        return self._boxes

    def _layout(self):
        snap = self._snap
        if snap is None:
            return []
        shown = snap.shown
        w, h = self.width(), self.height()
        top, bottom = 30, 22
        n_cols = len(shown)
        most = max(shown)
        size = max(14.0, min(44.0, (h - top - bottom) / (most * 1.25)))
        left, right = 46 + size / 2, w - 12 - size / 2 - 40
        boxes = []
        for c, k in enumerate(shown):
            x = left + (right - left) * (c / max(n_cols - 1, 1))
            gap = size * 1.25
            y0 = top + (h - top - bottom - gap * k) / 2 + gap / 2
            boxes.append([QRectF(x - size / 2, y0 + i * gap - size / 2, size, size) for i in range(k)])
        return boxes

    def neuron_boxes(self) -> list:
        """Step-view hook: the neuron boxes per column (inputs, hidden layers, outputs), [] before a snapshot."""
        return [list(col) for col in self._geometry()] if self._snap is not None else []

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.Window))
        snap = self._snap
        if snap is None:
            p.setPen(pal.color(QPalette.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignCenter, self._words["empty"])
            return
        boxes = self._geometry()
        p.setRenderHint(QPainter.Antialiasing, ANTIALIAS)
        # weights (or their updates −∂L/∂w): straight lines, batched into a few pens by sign and size (one
        # drawLines call each), thin ones first so the strong ones lie on top
        grads = self._showing_gradients()
        if grads:
            mats = [-g for g in snap.grads]                  # the update's direction: −η∂L/∂w
            scales = [float(np.max(np.abs(g))) if g.size else 0.0 for g in mats]
        else:
            mats = snap.weights
            wmax = max((float(np.max(np.abs(w))) for w in mats if w.size), default=1.0) or 1.0
            scales = [wmax] * len(mats)
        buckets: dict[int, list[QLineF]] = {}
        for W, lines, scale in zip(mats, self._lines, scales, strict=False):
            w = W.ravel()
            scale = scale if scale > 0 else 1.0
            code = np.minimum((np.abs(w) * (N_LEVELS / scale)).astype(np.intp), N_LEVELS - 1) * 2 + (w >= 0)
            order = np.argsort(code, kind="stable")
            codes = code[order]
            cuts = np.flatnonzero(np.diff(codes)) + 1
            for part in np.split(order, cuts):
                if len(part):
                    buckets.setdefault(int(code[part[0]]), []).extend([lines[i] for i in part])
        bg = pal.color(QPalette.Window)
        for code in sorted(buckets):
            level, pos = divmod(code, 2)
            t = (level + 0.5) / N_LEVELS
            # opaque colours mixed with the background: translucent lines cost ~25× more to draw
            p.setPen(QPen(_mix(POSITIVE if pos else NEGATIVE, bg, (70 + 185 * t) / 255), LINE_WIDTHS[level]))
            p.drawLines(buckets[code])
        if self._hover_line is not None:
            c, i = self._hover_line
            if c < len(self._lines) and i < len(self._lines[c]):
                p.setPen(QPen(pal.color(QPalette.WindowText), 2.5))   # neither orange nor blue
                p.drawLine(self._lines[c][i])
        # neurons
        base = pal.color(QPalette.Base)
        frame = pal.color(QPalette.Mid)
        text = pal.color(QPalette.WindowText)
        atlas, side = self._atlas, self._atlas_side
        k = 0
        for c, col in enumerate(boxes):
            for j, r in enumerate(col):
                p.fillRect(r, base)
                if snap.one_d:
                    self._draw_curve(p, r, snap.thumbs[c][j], text)
                elif atlas is not None:
                    p.drawImage(r, atlas, QRectF(0, k * side, side, side))
                k += 1
                hov = self._hover == (c, j)
                p.setPen(QPen(pal.color(QPalette.Highlight) if hov else frame, 2.5 if hov else 1))
                p.drawRect(r)
        marks = unit_marks(snap)
        for (c, j), kind in marks.items():
            if c < len(boxes) and j < len(boxes[c]):
                self._draw_mark(p, boxes[c][j], kind)
        if grads:
            self._draw_deltas(p, boxes, snap, bg)
        # labels
        p.setPen(text)
        f = p.font()
        f.setPointSizeF(max(7.0, f.pointSizeF() - 1))
        p.setFont(f)
        words = self._words
        heads = [words["input"]] + self._labels + [words["output"]]
        for c, col in enumerate(boxes):
            if not col:
                continue
            x = col[0].center().x()
            head = heads[c] if c < len(heads) else ""
            p.drawText(QRectF(x - 70, 4, 140, 20), Qt.AlignCenter, head)
            extra = snap.sizes[c] - snap.shown[c]
            if extra > 0:
                more = self._more.get(extra)
                if more is None:
                    more = self._more[extra] = tr("+%n more", "", extra)
                p.drawText(QRectF(x - 60, col[-1].bottom() + 2, 120, 16), Qt.AlignCenter, more)
        for j, r in enumerate(boxes[0]):           # input names left of their squares
            if j < len(self._inputs):
                p.drawText(QRectF(0, r.top(), r.left() - 3, r.height()), Qt.AlignVCenter | Qt.AlignRight,
                           self._inputs[j])
        for j, r in enumerate(boxes[-1]):          # output names right of theirs
            if j < len(self._outputs):
                p.drawText(QRectF(r.right() + 3, r.top(), 60, r.height()), Qt.AlignVCenter | Qt.AlignLeft,
                           self._outputs[j])
        if grads:                # each layer's largest |∂L/∂w| (the scale of its lines), just under its lines
            h = self.height()
            for c in range(len(boxes) - 1):
                if c < len(snap.grad_max) and boxes[c] and boxes[c + 1]:
                    x = (boxes[c][0].right() + boxes[c + 1][0].left()) / 2
                    y = max(boxes[c][-1].bottom(), boxes[c + 1][-1].bottom()) + 4
                    p.drawText(QRectF(x - 45, min(y, h - 52), 90, 16), Qt.AlignCenter, _fmt(snap.grad_max[c]))
            p.drawText(QRectF(4, h - 36, self.width() - 8, 16), Qt.AlignLeft | Qt.AlignVCenter, words["width"])
            p.drawText(QRectF(4, h - 18, self.width() - 8, 16), Qt.AlignLeft | Qt.AlignVCenter, words["colour"])
        elif marks:
            h = self.height()
            p.drawText(QRectF(4, h - 18, self.width() - 8, 16), Qt.AlignLeft | Qt.AlignVCenter, words["marks"])

    @staticmethod
    def _draw_mark(p: QPainter, r: QRectF, kind: str) -> None:
        """A dead unit is crossed out; a saturated one gets a thick dashed frame."""
        if kind == "dead":
            p.fillRect(r, QColor(128, 128, 128, 150))
            p.setPen(QPen(QColor(MARK_DEAD), 2))
            p.drawLine(r.topLeft(), r.bottomRight())
            p.drawLine(r.bottomLeft(), r.topRight())
        else:
            pen = QPen(QColor(MARK_SATURATED), 3, Qt.DashLine)
            p.setPen(pen)
            p.drawRect(r.adjusted(-2, -2, 2, 2))

    @staticmethod
    def _draw_deltas(p: QPainter, boxes, snap, bg) -> None:
        """A bar under each neuron: |δ| (scaled per layer), coloured by the sign of −δ (the bias update)."""
        for c, d in enumerate(snap.deltas):
            col = boxes[c + 1] if c + 1 < len(boxes) else []
            m = float(np.max(np.abs(d))) if d.size else 0.0
            if m <= 0:
                continue
            for j, r in enumerate(col[:len(d)]):
                v = -float(d[j])
                w = max(1.0, r.width() * abs(v) / m)
                color = _mix(POSITIVE if v >= 0 else NEGATIVE, bg, 0.95)
                p.fillRect(QRectF(r.center().x() - w / 2, r.bottom() + 2, w, 3), color)

    @staticmethod
    def _draw_curve(p: QPainter, r: QRectF, v, pen_color) -> None:
        v = np.asarray(v, dtype=np.float64)
        if len(v) < 2:
            return
        xs = r.left() + 2 + (r.width() - 4) * np.arange(len(v)) / (len(v) - 1)
        ys = r.center().y() - (r.height() / 2 - 2) * v
        path = QPainterPath(QPointF(xs[0], ys[0]))
        for x, y in zip(xs[1:], ys[1:], strict=True):
            path.lineTo(QPointF(x, y))
        p.setPen(QPen(QColor(0, 158, 115), 1.5))
        p.drawPath(path)

    # -- hover ----------------------------------------------------------------------------------------
    def neuron_at(self, pos) -> tuple[int, int]:
        for c, col in enumerate(self._boxes):
            for j, r in enumerate(col):
                if r.adjusted(-2, -2, 2, 2).contains(QPointF(pos)):
                    return c, j
        return -1, -1

    def box_of(self, column: int, neuron: int) -> QRectF | None:
        try:
            return self._boxes[column][neuron]
        except IndexError:
            return None

    def line_at(self, pos, tolerance: float = 4.0):
        """(weight matrix, index in W.ravel()) of the line under `pos`, or None."""
        x, y = float(pos.x()), float(pos.y())
        best, found = tolerance * tolerance, None
        for c, seg in enumerate(self._segments):
            if not len(seg):
                continue
            x0, y0, x1, y1 = seg.T
            dx, dy = x1 - x0, y1 - y0
            t = np.clip(((x - x0) * dx + (y - y0) * dy) / np.maximum(dx * dx + dy * dy, 1e-9), 0, 1)
            d2 = (x0 + t * dx - x) ** 2 + (y0 + t * dy - y) ** 2
            i = int(np.argmin(d2))
            if d2[i] <= best:
                best, found = float(d2[i]), (c, i)
        return found

    def describe_line(self, c: int, i: int) -> str:
        snap = self._snap
        if snap is None or c >= len(snap.weights):
            return ""
        n_in = snap.shown[c]
        j, k = divmod(i, n_in)        # lines run over W.ravel(): out neuron j, in neuron k
        if j >= snap.weights[c].shape[0] or k >= n_in:
            return ""
        neuron = tr("layer %1 neuron %2")
        src = (self._inputs[k] if c == 0 and k < len(self._inputs) else fill(neuron, c, k + 1))
        last = c == len(snap.shown) - 2
        dst = (fill(tr("output %1"), self._outputs[j]) if last and j < len(self._outputs)
               else fill(neuron, c + 1, j + 1))
        text = fill(tr("Weight %1 → %2: w = %3"), src, dst, signed(snap.weights[c][j, k], 4))
        if snap.grads is not None and c < len(snap.grads):
            g = float(snap.grads[c][j, k])
            move = tr("raises it") if g < 0 else tr("lowers it") if g > 0 else tr("leaves it")
            text += fill(tr(" · ∂L/∂w = %1: the update −η∂L/∂w %2 (%3)"), signed(g, 3), move,
                         gradient_source(snap.grad_source))
        return text

    def mouseMoveEvent(self, event) -> None:
        hit = self.neuron_at(event.position())
        if hit != self._hover:
            self._hover = hit
            self.update()
            self.hovered.emit(*hit)
        line = self.line_at(event.position()) if hit == (-1, -1) else None
        if line != self._hover_line:
            self._hover_line = line
            self.update()
            if line is not None:
                self.message.emit(self.describe_line(*line))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        if self._hover_line is not None:
            self._hover_line = None
            self.update()
        if self._hover != (-1, -1):
            self._hover = (-1, -1)
            self.update()
            self.hovered.emit(-1, -1)
        super().leaveEvent(event)


def unit_marks(snap) -> dict:
    """{(diagram column, neuron): "dead" | "saturated"} from the snapshot's diagnoses (hidden layer i is
    column i + 1); only drawn neurons."""
    marks = {}
    for d in getattr(snap, "diagnoses", ()) or ():
        if d.kind not in ("dead_relu", "saturated"):
            continue
        for layer, units in enumerate(d.units):
            for j in np.asarray(units, dtype=int):
                marks.setdefault((layer + 1, int(j)), "dead" if d.kind == "dead_relu" else "saturated")
    return marks


def _mix(color: QColor, background: QColor, alpha: float) -> QColor:
    """`color` at opacity `alpha` over `background`, as one opaque colour."""
    a = min(max(alpha, 0.0), 1.0)
    return QColor(round(color.red() * a + background.red() * (1 - a)),
                  round(color.green() * a + background.green() * (1 - a)),
                  round(color.blue() * a + background.blue() * (1 - a)))


def _fmt(v: float) -> str:
    """A layer's largest |∂L/∂w| under its lines, in the current locale."""
    return sig(v, 2) if 1e-2 <= abs(v) < 1e3 else locale().toString(float(v), "e", 1)
