"""Turning the job's RGBA arrays into QImages the diagram can paint."""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def atlas_to_qimage(thumbs: np.ndarray) -> tuple[QImage, int]:
    """(k, s, s, 4) uint8 thumbnails (each with its top row first) → one QImage of k squares stacked
    vertically (thumbnail i at rows i·s … i·s + s − 1) and the side s."""
    k, s = thumbs.shape[:2]
    a = np.ascontiguousarray(thumbs).reshape(k * s, s, 4)
    return QImage(a.data, s, k * s, 4 * s, QImage.Format_RGBA8888).copy(), s
