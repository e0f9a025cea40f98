"""Tooltips wrapped to a readable width, in one place.

Qt shows a plain-text tooltip on one line, however long (some here are ~900 pixels wide); a rich-text tooltip
is word-wrapped at about 80 average characters. `wrap_tooltip` turns a long plain text into rich text that
reads the same; `wrap_tooltips(root)` does it for every widget, tab and combo-box item under `root` (the main
window calls it when it is built, when the mode changes and shortly after a mode's content changes, so
tooltips set later are wrapped too). Widgets that show a tooltip themselves call `wrap_tooltip`.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtWidgets import QComboBox, QTabBar, QWidget

WRAP_AT = 60   # plain texts longer than this many characters become rich text (which Qt wraps)


def is_rich(text: str) -> bool:
    return bool(GuiQt.mightBeRichText(text))


def wrap_tooltip(text: str) -> str:
    """A long plain text as rich text (escaped, line breaks kept), so Qt wraps it; anything else unchanged."""
    if not text or len(text) <= WRAP_AT or is_rich(text):
        return text
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def wrap_tooltips(root: QWidget) -> int:
    """Wrap every long plain tooltip under `root` (widgets, tab bars' tabs, combo boxes' items); returns how
    many were changed."""
    changed = 0
    for w in [root, *root.findChildren(QWidget)]:
        tip = w.toolTip()
        new = wrap_tooltip(tip)
        if new != tip:
            w.setToolTip(new)
            changed += 1
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                tip = w.tabToolTip(i)
                new = wrap_tooltip(tip)
                if new != tip:
                    w.setTabToolTip(i, new)
                    changed += 1
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                tip = w.itemData(i, Qt.ToolTipRole)
                if isinstance(tip, str):
                    new = wrap_tooltip(tip)
                    if new != tip:
                        w.setItemData(i, new, Qt.ToolTipRole)
                        changed += 1
    return changed
