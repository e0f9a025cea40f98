"""NetworkDiagram: the layers as columns of neurons, each weight a line (colour = sign, width =
magnitude), each neuron a thumbnail of its activation over the input plane. Hovering a neuron
emits `hovered(column, neuron)` so the big plot can show it; (-1, -1) when the mouse leaves."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.playground.thumbnails import atlas_to_qimage
from gui.widgets.colors import NEGATIVE, POSITIVE

N_LEVELS = 6
LINE_WIDTHS = (0, 0, 1.5, 2, 3, 4)   # per level; 0 = one-pixel cosmetic lines, far cheaper than fractional widths
ANTIALIAS = False   # antialiased wide lines cost ~10 ms a frame on big layers
FEATURE_TEXT = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂", "sin x1": "sin x₁",
                "sin x2": "sin x₂"}


class NetworkDiagram(QWidget):
    hovered = Signal(int, int)

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
        self.setToolTip("The network: inputs on the left, the output on the right. Each line is a weight "
                        "(orange positive, blue negative, thicker = larger). Each square shows what that neuron "
                        "computes over the input plane; hover one to see it large.")

    def set_structure(self, input_names, layer_labels, output_names) -> None:
        """Names of the input features, a heading per hidden layer, and names of the outputs."""
        self._inputs = [FEATURE_TEXT.get(f, f) for f in input_names]
        self._labels = list(layer_labels)
        self._outputs = list(output_names)
        self._snap = None
        self._atlas = None
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

    # -- painting ------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.Window))
        snap = self._snap
        if snap is None:
            p.setPen(pal.color(QPalette.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignCenter, "The network appears here.")
            return
        boxes = self._geometry()
        p.setRenderHint(QPainter.Antialiasing, ANTIALIAS)
        # weights: straight lines, batched into a few pens by sign and size (one drawLines call each),
        # thin ones first so the strong weights lie on top
        wmax = max((float(np.max(np.abs(w))) for w in snap.weights if w.size), default=1.0) or 1.0
        buckets: dict[int, list[QLineF]] = {}
        for W, lines in zip(snap.weights, self._lines):
            w = W.ravel()
            code = np.minimum((np.abs(w) * (N_LEVELS / wmax)).astype(np.intp), N_LEVELS - 1) * 2 + (w >= 0)
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
        # labels
        p.setPen(text)
        f = p.font()
        f.setPointSizeF(max(7.0, f.pointSizeF() - 1))
        p.setFont(f)
        heads = ["Input"] + self._labels + ["Output"]
        for c, col in enumerate(boxes):
            if not col:
                continue
            x = col[0].center().x()
            head = heads[c] if c < len(heads) else ""
            p.drawText(QRectF(x - 70, 4, 140, 20), Qt.AlignCenter, head)
            extra = snap.sizes[c] - snap.shown[c]
            if extra > 0:
                p.drawText(QRectF(x - 60, col[-1].bottom() + 2, 120, 16), Qt.AlignCenter, f"+{extra} more")
        for j, r in enumerate(boxes[0]):           # input names left of their squares
            if j < len(self._inputs):
                p.drawText(QRectF(0, r.top(), r.left() - 3, r.height()), Qt.AlignVCenter | Qt.AlignRight,
                           self._inputs[j])
        for j, r in enumerate(boxes[-1]):          # output names right of theirs
            if j < len(self._outputs):
                p.drawText(QRectF(r.right() + 3, r.top(), 60, r.height()), Qt.AlignVCenter | Qt.AlignLeft,
                           self._outputs[j])

    @staticmethod
    def _draw_curve(p: QPainter, r: QRectF, v, pen_color) -> None:
        v = np.asarray(v, dtype=np.float64)
        if len(v) < 2:
            return
        xs = r.left() + 2 + (r.width() - 4) * np.arange(len(v)) / (len(v) - 1)
        ys = r.center().y() - (r.height() / 2 - 2) * v
        path = QPainterPath(QPointF(xs[0], ys[0]))
        for x, y in zip(xs[1:], ys[1:]):
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

    def mouseMoveEvent(self, event) -> None:
        hit = self.neuron_at(event.position())
        if hit != self._hover:
            self._hover = hit
            self.update()
            self.hovered.emit(*hit)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        if self._hover != (-1, -1):
            self._hover = (-1, -1)
            self.update()
            self.hovered.emit(-1, -1)
        super().leaveEvent(event)


def _mix(color: QColor, background: QColor, alpha: float) -> QColor:
    """`color` at opacity `alpha` over `background`, as one opaque colour."""
    a = min(max(alpha, 0.0), 1.0)
    return QColor(round(color.red() * a + background.red() * (1 - a)),
                  round(color.green() * a + background.green() * (1 - a)),
                  round(color.blue() * a + background.blue() * (1 - a)))
