"""The MNIST lab's fixed texts in the current language (English counted nouns come from `gui.i18n.tr`)."""
from __future__ import annotations

from collections.abc import Callable

from gui.i18n import on_language_change, tr


class Texts:
    """A widget's fixed texts: (setter, English source marked with QT_TR_NOOP) pairs, set in the current
    language now and again after every language switch while `owner` lives."""

    def __init__(self, owner) -> None:
        self._items: list[tuple[Callable[[str], object], str]] = []
        on_language_change(owner, self.apply, now=False)

    def add(self, setter: Callable[[str], object], source: str) -> None:
        self._items.append((setter, source))
        setter(tr(source))

    def apply(self) -> None:
        for setter, source in self._items:
            setter(tr(source))
