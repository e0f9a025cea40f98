"""Small builders for the rows of the side panels' forms."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractButton, QComboBox, QPushButton, QScrollArea, QWidget


def choice_box(items: Iterable[tuple[str, str]], tip: str, on_change: Callable | None = None) -> QComboBox:
    """A combo box of (key, label) items — the key is each item's data — with a tooltip; `on_change` is
    connected to currentIndexChanged."""
    box = QComboBox()
    for key, label in items:
        box.addItem(label, key)
    box.setToolTip(tip)
    if on_change is not None:
        box.currentIndexChanged.connect(on_change)
    return box


def button(text: str, on_click: Callable, tip: str, kind: type[QAbstractButton] = QPushButton) -> QAbstractButton:
    """A push button (or `kind`, e.g. QCheckBox) with a tooltip; `on_click` is connected to `clicked`
    (`toggled` for a checkable kind)."""
    b = kind(text)
    b.setToolTip(tip)
    (b.toggled if b.isCheckable() else b.clicked).connect(on_click)
    return b


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a scroll area that resizes it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll
