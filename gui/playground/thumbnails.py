"""Turning the job's small RGBA arrays into QImages the diagram can paint."""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage


def rgba_to_qimage(a: np.ndarray) -> QImage:
    """(h, w, 4) uint8, row 0 = lowest y → a QImage with row 0 at the top (y grows upwards on screen)."""
    a = np.ascontiguousarray(a[::-1])
    h, w = a.shape[:2]
    return QImage(a.data, w, h, 4 * w, QImage.Format_RGBA8888).copy()
