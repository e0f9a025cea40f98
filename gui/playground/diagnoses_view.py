"""DiagnosesView: what looks wrong with the training run, in plain words, and what to try.

It shows the `diagnoses` of the latest snapshot (engine/diagnose.py, computed on the worker) and
hides itself when there is nothing to say, so a diagnosis goes as soon as its cause does.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

WARN_COLOR = "#D55E00"


class DiagnosesView(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("diagnoses")
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setToolTip("Diagnoses of this run, from its loss curves and its hidden units on the training "
                        "points. Each goes away when its cause does.")
        self._kinds: tuple = ()
        self.hide()

    @property
    def kinds(self) -> tuple:
        """The kinds of the diagnoses shown ("lr_too_high", "dead_relu", "saturated", "stalled", ...)."""
        return self._kinds

    def show_diagnoses(self, diagnoses) -> None:
        diagnoses = tuple(diagnoses or ())
        key = tuple((d.kind, d.text) for d in diagnoses)
        if key == getattr(self, "_key", None):
            return                          # (unchanged: no relayout ~20 times a second)
        self._key = key
        self._kinds = tuple(d.kind for d in diagnoses)
        if not diagnoses:
            self.clear()
            self.hide()
            return
        lines = [f"<span style='color:{WARN_COLOR}'>⚠</span> {html.escape(d.text)} "
                 f"<i>Try:</i> {html.escape(d.advice)}" for d in diagnoses]
        self.setText("<br>".join(lines))
        self.show()
