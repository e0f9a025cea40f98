"""NetworkDiagram: the layers as columns of neurons, each weight a line (colour = sign, width =
magnitude), each neuron a thumbnail of its activation over the input plane. Hovering a neuron
emits `hovered(column, neuron)` so the big plot can show it; (-1, -1) when the mouse leaves."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.playground.thumbnails import rgba_to_qimage
from gui.widgets.colors import NEGATIVE, POSITIVE

N_LEVELS = 6
ANTIALIAS = False   # antialiased wide lines cost ~10 ms a frame on big layers
FEATURE_TEXT = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂", "sin x1": "sin x₁",
                "sin x2": "sin x₂"}


class NetworkDiagram(QWidget):
    hovered = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(360, 260)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self._snap = None
        self._images: list[list[QImage]] = []
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
        self._images = []
        self.update()

    def set_snapshot(self, snap) -> None:
        self._snap = snap
        if snap.one_d:
            self._images = []
        else:
            self._images = [[rgba_to_qimage(t) for t in col] for col in snap.thumbs]
        self.update()

    def clear(self) -> None:
        self._snap = None
        self._images = []
        self.update()

    # -- geometry --------------------------------------------------------------------------------
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
        self._boxes = boxes = self._layout()
        p.setRenderHint(QPainter.Antialiasing, ANTIALIAS)
        # weights: straight lines, batched into a few pens by sign and size (one drawLines call each)
        wmax = max((float(np.max(np.abs(w))) for w in snap.weights if w.size), default=1.0) or 1.0
        buckets: dict[tuple[bool, int], list[QLineF]] = {}
        for c, W in enumerate(snap.weights):
            src, dst = boxes[c], boxes[c + 1]
            levels = np.minimum((np.abs(W) / wmax * N_LEVELS).astype(int), N_LEVELS - 1)
            for j in range(W.shape[0]):
                b = QPointF(dst[j].left(), dst[j].center().y())
                for i in range(W.shape[1]):
                    a = src[i]
                    buckets.setdefault((bool(W[j, i] >= 0), int(levels[j, i])), []).append(
                        QLineF(QPointF(a.right(), a.center().y()), b))
        for (pos, level), lines in sorted(buckets.items(), key=lambda kv: kv[0][1]):
            t = (level + 0.5) / N_LEVELS
            col = QColor(POSITIVE if pos else NEGATIVE)
            col.setAlpha(int(70 + 185 * t))
            p.setPen(QPen(col, 0.5 + 4.0 * t))
            p.drawLines(lines)
        # neurons
        base = pal.color(QPalette.Base)
        frame = pal.color(QPalette.Mid)
        text = pal.color(QPalette.WindowText)
        for c, col in enumerate(boxes):
            for j, r in enumerate(col):
                p.fillRect(r, base)
                if snap.one_d:
                    self._draw_curve(p, r, snap.thumbs[c][j], text)
                elif c < len(self._images) and j < len(self._images[c]):
                    p.drawImage(r, self._images[c][j])
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
