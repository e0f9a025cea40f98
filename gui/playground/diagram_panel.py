"""DiagramPanel: the network diagram under a small "Show: weights | gradients" switch."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from gui.i18n import QT_TR_NOOP, on_language_change, tr
from gui.playground.network_diagram import GRADIENTS_TIP, NetworkDiagram

VIEWS = ("weights", "gradients")
VIEW_TEXTS = {"weights": QT_TR_NOOP("weights"), "gradients": QT_TR_NOOP("gradients")}
WEIGHTS_VIEW_TIP = QT_TR_NOOP("Draw each weight w: line width |w|, orange positive, blue negative; each square is "
                              "what that neuron computes over the plane.")
VIEW_TIPS = {"weights": WEIGHTS_VIEW_TIP, "gradients": GRADIENTS_TIP}


class DiagramPanel(QWidget):
    view_changed = Signal(str)     # "weights" or "gradients"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.diagram = NetworkDiagram()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 4, 0)
        self.show_label = QLabel()
        head.addWidget(self.show_label)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons = {}
        for name in VIEWS:
            b = QToolButton()
            b.setCheckable(True)
            b.setAutoRaise(False)
            b.setObjectName(f"view.{name}")
            self.group.addButton(b)
            head.addWidget(b)
            self.buttons[name] = b
        self.buttons["weights"].setChecked(True)
        # which view is on, in any theme: a bold font, not a style sheet (a style sheet here would stop
        # a theme switched at run time from reaching the diagram's palette)
        self._embolden()
        head.addStretch(1)
        self.shared_scale = QCheckBox()
        self.shared_scale.setObjectName("shared_scale")
        head.addWidget(self.shared_scale)
        lay.addLayout(head)
        lay.addWidget(self.diagram, 1)
        self.group.buttonToggled.connect(self._toggled)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.show_label.setText(tr("Show:"))
        for name, b in self.buttons.items():
            b.setText(tr(VIEW_TEXTS[name]))
            b.setToolTip(tr(VIEW_TIPS[name]))
        self.shared_scale.setText(tr("one scale per layer"))
        self.shared_scale.setToolTip(tr("Off: each ReLU or linear neuron's picture is coloured over its own output "
                                        "range, so every pattern shows (a blank square: output 0 everywhere, a "
                                        "dead unit). On: one colour scale per layer, so neurons can be compared. "
                                        "Tanh and sigmoid neurons always use their fixed range."))

    @property
    def view(self) -> str:
        return self.diagram.view

    def set_view(self, view: str) -> None:
        """Select a view (emits view_changed when it changes)."""
        view = "gradients" if view == "gradients" else "weights"
        self.buttons[view].setChecked(True)

    def _embolden(self) -> None:
        for b in self.buttons.values():
            font = b.font()
            font.setBold(b.isChecked())
            b.setFont(font)

    def _toggled(self, button, checked: bool) -> None:
        if not checked:
            return
        self._embolden()
        view = next(n for n, b in self.buttons.items() if b is button)
        if view != self.diagram.view:
            self.diagram.set_view(view)
            self.view_changed.emit(view)
