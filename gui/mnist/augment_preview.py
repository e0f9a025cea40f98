"""AugmentPreview: a few training digits next to random variants of each, as training with augmentation
sees them (engine/augment.py's Augmenter, the same settings and the same kind of random draws)."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from engine.api import pixels_to_inputs
from engine.augment import Augmenter, validate_augment
from gui.i18n import QT_TR_NOOP, fill, on_language_change, tr
from gui.mnist.image_grid import ImageGrid
from gui.mnist.text import Texts
from gui.widgets.forms import scrolled

ROWS, VARIANTS = 6, 7


def augmented_samples(images: np.ndarray, labels: np.ndarray, settings, rng: np.random.Generator,
                      rows: int = ROWS, variants: int = VARIANTS):
    """(grid images (rows·(1+variants), h, w) uint8, captions, row starts): each row one training digit as it
    is, then `variants` augmented copies of it."""
    grid, row_labels, starts = _augmented(images, labels, settings, rng, rows, variants)
    return grid, captions(row_labels, variants), starts


def _augmented(images, labels, settings, rng, rows: int = ROWS, variants: int = VARIANTS):
    """(grid images, each row's label, row starts)."""
    n = len(images)
    h, w = images.shape[1:]
    pick = rng.choice(n, size=min(rows, n), replace=False)
    aug = Augmenter(h, **(validate_augment(settings if settings else True)))
    out, row_labels, starts = [], [], []
    for i in pick:
        x = pixels_to_inputs(images[i:i + 1])
        batch = aug(np.repeat(x, variants, axis=0), rng)
        starts.append(len(out))
        out.append(images[i])
        row_labels.append(int(labels[i]))
        for v in batch:
            out.append(np.round(v.reshape(h, w) * 255).astype(np.uint8))
    return np.stack(out) if out else np.zeros((0, h, w), np.uint8), row_labels, starts


def captions(row_labels, variants: int = VARIANTS) -> list[str]:
    """The grid's captions in the current language: each row's label "as is", then "changed" per variant."""
    as_is, changed = tr("%1: as is"), tr("changed")
    return [text for label in row_labels for text in (fill(as_is, str(label)), *[changed] * variants)]


class AugmentPreview(QDialog):
    def __init__(self, data, settings, parent=None, *, seed: int | None = None):
        super().__init__(parent)
        t = self._texts = Texts(self)
        t.add(self.setWindowTitle, QT_TR_NOOP("Augmented training images"))
        self._data, self._settings = data, settings
        self._rng = np.random.default_rng(seed)
        lay = QVBoxLayout(self)
        text = QLabel()
        t.add(text.setText,
              QT_TR_NOOP("Each row: one training image as it is, then what training may see instead this epoch — "
                         "rotated, scaled, slanted, shifted, with thicker or thinner strokes and an elastic "
                         "distortion. The labels stay the same; every epoch draws new changes."))
        text.setWordWrap(True)
        lay.addWidget(text)
        self.grid = ImageGrid(cell=56)
        lay.addWidget(scrolled(self.grid), 1)
        again = QPushButton()
        t.add(again.setText, QT_TR_NOOP("New samples"))
        t.add(again.setToolTip, QT_TR_NOOP("Draw other images and other random changes."))
        again.clicked.connect(self.refresh)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.addButton(again, QDialogButtonBox.ActionRole)
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)
        self.refresh()
        on_language_change(self, self._retranslate, now=False)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(max(46 * em, (1 + VARIANTS) * 62 + 60), 560)

    def refresh(self) -> None:
        d = self._data
        self._shown = _augmented(d.train_images, d.train_labels, self._settings, self._rng)
        self._retranslate()

    def _retranslate(self) -> None:
        """The same images, their captions in the current language."""
        imgs, row_labels, starts = self._shown
        self.grid.set_images(imgs, captions(row_labels), row_starts=starts)
