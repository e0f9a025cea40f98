"""Small builders for the rows of the side panels' forms.

Texts are English sources (literals marked with `QT_TR_NOOP`, or already passed through `tr`): they are shown
in the current language and again after a language switch — unless the caller has changed the text since
(a button whose text follows a state is re-set by its owner)."""
from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QAbstractButton, QComboBox, QPushButton, QScrollArea, QWidget

from gui.i18n import on_language_change, tr
from gui.tooltips import wrap_tooltip


def _same_tip(now: str, shown: str) -> bool:
    """The tooltip is still the one set here (perhaps wrapped by gui/tooltips.py since)."""
    return now in (shown, wrap_tooltip(shown))


def choice_box(items: Iterable[tuple[str, str]], tip: str, on_change: Callable | None = None) -> QComboBox:
    """A combo box of (key, label) items — the key is each item's data — with a tooltip; `on_change` is
    connected to currentIndexChanged."""
    items = list(items)
    box = QComboBox()
    for key, label in items:
        box.addItem(tr(label), key)
    box.setToolTip(tr(tip))
    shown = {"items": [box.itemText(i) for i in range(box.count())], "tip": box.toolTip()}
    ref = weakref.ref(box)

    def retranslate() -> None:
        box = ref()
        if box is None:
            return
        for i, (_key, label) in enumerate(items):
            if i < box.count() and box.itemText(i) == shown["items"][i]:
                box.setItemText(i, tr(label))
                shown["items"][i] = box.itemText(i)
        if _same_tip(box.toolTip(), shown["tip"]):
            box.setToolTip(tr(tip))
            shown["tip"] = box.toolTip()

    on_language_change(box, retranslate, now=False)
    if on_change is not None:
        box.currentIndexChanged.connect(on_change)
    return box


def button(text: str, on_click: Callable, tip: str, kind: type[QAbstractButton] = QPushButton) -> QAbstractButton:
    """A push button (or `kind`, e.g. QCheckBox) with a tooltip; `on_click` is connected to `clicked`
    (`toggled` for a checkable kind)."""
    b = kind(tr(text))
    b.setToolTip(tr(tip))
    shown = {"text": b.text(), "tip": b.toolTip()}
    ref = weakref.ref(b)

    def retranslate() -> None:
        b = ref()
        if b is None:
            return
        if b.text() == shown["text"]:
            b.setText(tr(text))
            shown["text"] = b.text()
        if _same_tip(b.toolTip(), shown["tip"]):
            b.setToolTip(tr(tip))
            shown["tip"] = b.toolTip()

    on_language_change(b, retranslate, now=False)
    (b.toggled if b.isCheckable() else b.clicked).connect(on_click)
    return b


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a scroll area that resizes it."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    return scroll
