"""FitLabel: a heading of fixed height that wraps its text and, if two lines are not enough, makes the font
smaller (down to about the normal size) so the whole text shows; only if even that fails is it cut, with the
whole text in the tooltip. Its size never follows the text: a new text re-lays out nothing."""
from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy

SCALES = (1.0, 0.85, 0.72, 0.6)   # of the heading's font size, tried in turn


class FitLabel(QLabel):
    def __init__(self, scale: float = 1.8, bold: bool = True, lines: int = 2, parent=None):
        super().__init__(parent)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * scale)
        big.setBold(bold)
        self._big = big
        self._tip = ""
        self.setFont(big)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignLeft | Qt.AlignBottom)
        self.setFixedHeight(lines * QFontMetrics(big).lineSpacing() + 8)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def setToolTip(self, text: str) -> None:
        self._tip = text
        super().setToolTip(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def fits(self) -> bool:
        """Whether the whole text shows in the label with its current font (tests)."""
        return self._needed(self.font()) <= self.contentsRect().height()

    def _needed(self, font: QFont) -> int:
        width = max(1, self.contentsRect().width())
        return QFontMetrics(font).boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextWordWrap, self.text()).height()

    def _fit(self) -> None:
        font = self._big
        for s in SCALES:
            font = QFont(self._big)
            font.setPointSizeF(self._big.pointSizeF() * s)
            if self._needed(font) <= self.contentsRect().height():
                break
        if font != self.font():
            self.setFont(font)
        fits = self._needed(font) <= self.contentsRect().height()
        super().setToolTip(self._tip if fits else f"{self.text()}\n\n{self._tip}")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
