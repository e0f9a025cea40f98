"""The engine's user-visible English strings, in the user's language.

The engine is Qt-free and English: task and activation labels and tips, loss and optimizer names,
preset descriptions, diagnoses, explanations and the messages of its exceptions. This module names them
for lupdate (QT_TR_NOOP) and `translated(text)` gives any of them in the current language: an exact
match first, then the templates of texts with values in them. Call it wherever an engine string is shown.
"""
from __future__ import annotations

import re

from gui.i18n import QT_TR_NOOP, fill, tr

# Exact engine strings shown in the UI (filled in by the engine-text work).
NAMES: tuple[str, ...] = ()

# (regex on the English text, English template with %1.. for its groups)
PATTERNS: tuple[tuple[re.Pattern, str], ...] = ()


def translated(text) -> str:
    """`text` (an engine string) in the current language; unchanged if it is not known."""
    if text is None:
        return ""
    text = str(text)
    shown = tr(text)
    if shown != text:
        return shown
    for pattern, template in PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return fill(tr(template), *m.groups())
    return text


__all__ = ["NAMES", "PATTERNS", "QT_TR_NOOP", "translated"]
