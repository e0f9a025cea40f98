"""DiagnosesView: what looks wrong with the training run, in plain words, and what to try.

It shows the `diagnoses` of the latest snapshot (engine/diagnose.py, computed on the worker) and
hides itself when there is nothing to say, so a diagnosis goes as soon as its cause does.
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from gui.engine_text import translated
from gui.i18n import on_language_change, tr

WARN_COLOR = "#D55E00"


class DiagnosesView(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("diagnoses")
        self.setWordWrap(True)
        self.setTextFormat(Qt.RichText)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self._kinds: tuple = ()
        self._diagnoses: tuple = ()
        self.hide()
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.setToolTip(tr("Diagnoses of this run, from its loss curves and its hidden units on the training "
                           "points. Each goes away when its cause does."))
        self._key = None                    # the diagnoses shown are written again in the new language
        self.show_diagnoses(self._diagnoses)

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
        self._diagnoses = diagnoses
        self._kinds = tuple(d.kind for d in diagnoses)
        if not diagnoses:
            self.clear()
            self.hide()
            return
        try_ = tr("Try:")
        lines = [f"<span style='color:{WARN_COLOR}'>⚠</span> {html.escape(translated(d.text))} "
                 f"<i>{html.escape(try_)}</i> {html.escape(translated(d.advice))}" for d in diagnoses]
        self.setText("<br>".join(lines))
        self.show()
