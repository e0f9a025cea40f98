"""Scroll areas the modes' panels and tabs share: a frameless, resizable QScrollArea around a widget, so a
small window scrolls the panel instead of squeezing or growing the rest."""
from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget


def scroll_area(inner: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidget(inner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    return scroll


def fill_with_scroll(outer: QWidget, inner: QWidget) -> QScrollArea:
    """Make `outer`'s whole content `inner` in a scroll area (no margins)."""
    scroll = scroll_area(inner)
    lay = QVBoxLayout(outer)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(scroll)
    return scroll
