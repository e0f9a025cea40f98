"""Small text helpers for the MNIST lab: its fixed texts in the current language, and counted nouns."""
from __future__ import annotations

from collections.abc import Callable

from gui.i18n import on_language_change, tr


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 epoch', '2 epochs', '10,000 images', '1 class', '3 classes' (give `plural` when it is not +s).

    English only (log lines, engine-side texts): a text shown to the user counts with Qt's plural forms,
    `tr("%n image(s)", "", n)`."""
    n = int(n)
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


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


def plural(text: str, n: int) -> str:
    """`text`, a plural message already through `tr(…, "", n)`, with its English "(s)" / "(es)" resolved for `n`:
    the English source is shown as it is when no English translation is installed ('%Ln image(s)')."""
    if "(" not in text:
        return text
    one = abs(int(n)) == 1
    return text.replace("(es)", "" if one else "es").replace("(s)", "" if one else "s")
