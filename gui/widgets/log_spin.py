"""A number box whose arrows step along 1-3-10 (0.001, 0.003, 0.01, ...), for rates and strengths.

It shows its number in the widget's locale (0,03 in Bulgarian) and reads what a person types with either
the locale's decimal sign or a plain '.' (and ',' as a decimal sign in any language, as before). A special
value text (`setSpecialValueText("off")`, shown at the minimum) is an English source shown through `tr` and
again after a language switch; typing it, in either language, means the minimum.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox

from gui.i18n import tr


def _ladder(lo: float, hi: float) -> list[float]:
    out = []
    for e in range(-7, 4):
        for m in (1, 3):
            v = float(f"{m}e{e}")
            if lo <= v <= hi:
                out.append(v)
    return out


class LogSpinBox(QDoubleSpinBox):
    """Positive values stepped on a 1-3 ladder; with allow_zero, one step below the smallest is 0."""

    def __init__(self, minimum: float, maximum: float, value: float, *, allow_zero: bool = False, parent=None):
        super().__init__(parent)
        self._special_source = ""
        self._allow_zero = allow_zero
        self.setDecimals(7)
        self.setRange(0.0 if allow_zero else minimum, maximum)
        self._ladder = ([0.0] if allow_zero else []) + _ladder(minimum, maximum)
        self.setKeyboardTracking(False)
        self.setCorrectionMode(QAbstractSpinBox.CorrectToNearestValue)
        self.setValue(value)

    def setSpecialValueText(self, text: str) -> None:
        """`text` (an English source, or a text already in the user's language) shown at the minimum."""
        self._special_source = str(text or "")
        super().setSpecialValueText(tr(self._special_source) if self._special_source else "")

    def _is_special(self, text: str) -> bool:
        t = str(text).strip().lower()
        src = self._special_source
        return bool(src) and bool(t) and t in (src.strip().lower(), self.specialValueText().strip().lower())

    def _plain(self, text: str) -> str:
        """Typed text as Python reads a float: the locale's decimal sign (or ',') becomes '.', no spaces."""
        t = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        point = self.locale().decimalPoint()
        if point and point != ".":
            t = t.replace(point, ".")
        return t.replace(",", ".").replace("E", "e")

    def textFromValue(self, value: float) -> str:
        if value == 0:
            return "0"
        loc = QLocale(self.locale())
        loc.setNumberOptions(loc.numberOptions() | QLocale.OmitGroupSeparator)
        return loc.toString(float(value), "g", 6)

    def valueFromText(self, text: str) -> float:
        if self._is_special(text):
            return self.minimum()
        try:
            return float(self._plain(text))
        except ValueError:
            return self.value()

    def fixup(self, text: str) -> str:
        """Blank or unreadable text goes back to the current value (never silently to the minimum)."""
        if self._is_special(text):
            return self.specialValueText()
        try:
            float(self._plain(text))
        except ValueError:
            return self.textFromValue(self.value())
        return super().fixup(text)

    def changeEvent(self, event) -> None:
        """A language switch: the special text in the new language (Qt shows the number in the widget's new
        locale by itself)."""
        super().changeEvent(event)
        if event.type() == QEvent.LanguageChange and self._special_source:
            super().setSpecialValueText(tr(self._special_source))

    def validate(self, text, pos):
        from PySide6.QtGui import QValidator
        if self._is_special(text):
            return QValidator.Acceptable, text, pos
        t = self._plain(text)
        if t in ("", ".", "-", "e", "0."):
            return QValidator.Intermediate, text, pos
        try:
            v = float(t)
        except ValueError:
            if t.lower().endswith(("e", "e-", "e+")):
                return QValidator.Intermediate, text, pos
            return QValidator.Invalid, text, pos
        if not math.isfinite(v) or v < 0:
            return QValidator.Invalid, text, pos
        if v > self.maximum() or (v < self.minimum()) or (v == 0 and not self._allow_zero):
            return QValidator.Intermediate, text, pos
        return QValidator.Acceptable, text, pos

    def stepBy(self, steps: int) -> None:
        v = self.value()
        lad = self._ladder
        if steps > 0:
            higher = [x for x in lad if x > v * (1 + 1e-9) + (1e-12 if v == 0 else 0)]
            target = higher[min(steps, len(higher)) - 1] if higher else lad[-1]
        else:
            lower = [x for x in lad if x < v * (1 - 1e-9)]
            target = lower[max(len(lower) + steps, 0)] if lower else lad[0]
        self.setValue(target)

    def stepEnabled(self):
        v = self.value()
        flags = QAbstractSpinBox.StepNone
        if v < self.maximum():
            flags |= QAbstractSpinBox.StepUpEnabled
        if v > (0.0 if self._allow_zero else self._ladder[0]) and v > self.minimum():
            flags |= QAbstractSpinBox.StepDownEnabled
        return flags
