"""Plot tick labels in the user's locale: 0,5 instead of 0.5 in Bulgarian.

pyqtgraph writes tick labels with Python's "%g" (always a decimal point). `install()` wraps
`pyqtgraph.AxisItem.tickStrings` once for the whole app, so every plot's numeric axes (linear and log)
follow the current locale's decimal point, and redraws the axes after a language switch. Call it where
pyqtgraph is configured (gui/app.py `configure_pyqtgraph`). Tick labels a plot sets itself with
`AxisItem.setTicks` are its own business (pass them through gui.i18n.num).
"""
from __future__ import annotations

import re
import weakref

from PySide6.QtCore import QCoreApplication, QLocale

_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_axes: weakref.WeakSet = weakref.WeakSet()    # the axes that have drawn tick labels (redrawn after a switch)
_original = None
_registered = False


def localized(strings) -> list:
    """Tick labels with the current locale's decimal point (unchanged where it is a point)."""
    point = QLocale().decimalPoint()
    if point == ".":
        return list(strings)
    return [_DOT.sub(point, s) if isinstance(s, str) else s for s in strings]


def installed() -> bool:
    return _original is not None


def install() -> None:
    """Make every pyqtgraph axis write its tick labels in the current locale (calling it again does nothing)."""
    global _original, _registered
    if _original is None:
        import pyqtgraph as pg
        _original = original = pg.AxisItem.tickStrings

        def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph's name)
            _axes.add(self)
            return localized(original(self, values, scale, spacing))

        tickStrings.__doc__ = original.__doc__
        pg.AxisItem.tickStrings = tickStrings
    app = QCoreApplication.instance()
    if app is not None and not _registered:     # (a call before the QApplication exists redraws nothing yet)
        from gui.i18n import on_language_change
        on_language_change(app, refresh, now=False)
        _registered = True


def uninstall() -> None:
    """Back to pyqtgraph's own tick labels (for tests)."""
    global _original
    if _original is None:
        return
    import pyqtgraph as pg
    pg.AxisItem.tickStrings = _original
    _original = None
    refresh()


def refresh() -> int:
    """Redraw the tick labels of every axis drawn so far (after a language switch); returns how many."""
    n = 0
    for axis in list(_axes):
        try:
            axis.picture = None          # pyqtgraph's cached drawing of the axis: made again on the next paint
            axis.update()
            n += 1
        except RuntimeError:             # its C++ object is gone
            _axes.discard(axis)
    return n
