"""Small builders for the rows of the side panels' forms."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QComboBox


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
