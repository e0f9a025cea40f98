"""HighlightOverlay: marks, on top of the playground's network diagram, the layer a step-view stage
is about — the two columns of neurons its weights join, orange going forward, purple going back.

A transparent child of the diagram (mouse events pass through); it reads the diagram's boxes
through its public `neuron_boxes()`."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from gui.i18n import fill, tr

COLORS = {"forward": QColor(230, 159, 0), "backward": QColor(204, 121, 167)}


class HighlightOverlay(QWidget):
    def __init__(self, diagram: QWidget):
        super().__init__(diagram)
        self.diagram = diagram
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.layer, self.direction = None, "forward"
        diagram.installEventFilter(self)
        self.setGeometry(diagram.rect())
        self.hide()

    def eventFilter(self, obj: QObject, event) -> bool:
        if obj is self.diagram and event.type() == QEvent.Resize:
            self.setGeometry(self.diagram.rect())
        return False

    def set_highlight(self, layer, direction: str = "forward") -> None:
        """Mark Linear layer `layer` (0-based; None: the input columns or nothing)."""
        self.layer, self.direction = layer, direction
        self.setVisible(True)
        self.raise_()
        self.update()

    def clear(self) -> None:
        self.layer = None
        self.hide()

    def rect_of(self, layer) -> QRectF | None:
        """The area marked for `layer`: around its input and output columns (None if not drawn)."""
        cols = self.diagram.neuron_boxes()
        if layer is None or not 0 <= layer < len(cols) - 1:
            return None
        r = QRectF()
        for box in cols[layer] + cols[layer + 1]:
            r = r.united(box)
        return r.adjusted(-8, -8, 8, 8)

    def paintEvent(self, event) -> None:
        r = self.rect_of(self.layer)
        if r is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        c = QColor(COLORS.get(self.direction, COLORS["forward"]))
        p.setPen(QPen(c, 2.5))
        area = QColor(c)
        area.setAlpha(40)
        p.setBrush(area)
        p.drawRoundedRect(r, 8, 8)
        p.setPen(c)
        arrow = "→" if self.direction == "forward" else "←"
        p.drawText(QPointF(r.left() + 4, max(r.top() - 4, 12.0)), fill(tr("%1 layer %2"), arrow, self.layer + 1))
