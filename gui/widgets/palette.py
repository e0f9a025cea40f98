"""FollowsPalette: a mixin for a widget that colours itself in `apply_palette()` — called again whenever
its palette changes (the theme switched), once the widget has set `_ready` at the end of its __init__."""
from __future__ import annotations

from PySide6.QtCore import QEvent


class FollowsPalette:
    _ready = False

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.PaletteChange and self._ready:
            self.apply_palette()
