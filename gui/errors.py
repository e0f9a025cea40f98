"""The safety net: no Python traceback ever reaches the user.

Uncaught exceptions (in slots, timers, threads) are logged in full to stderr and shown as one
short sentence in the status bar, plus a non-modal dialog if none is open yet. Set the
MLP_STUDIO_UNATTENDED=1 environment variable (tests, soak runs) to never open a dialog or prompt.
"""
from __future__ import annotations

import os
import sys
import threading
import traceback

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from engine import EngineError
from gui.engine_text import translated
from gui.i18n import fill, tr
from gui.messages import Message

UNATTENDED_ENV = "MLP_STUDIO_UNATTENDED"


def unattended() -> bool:
    """True when no modal dialog may be opened (nobody is there to answer it)."""
    return os.environ.get(UNATTENDED_ENV, "") not in ("", "0")


def short_message(exc: BaseException) -> str:
    """One or two sentences for the user, in the current language; never a traceback."""
    if isinstance(exc, EngineError):
        return translated(str(exc))
    if isinstance(exc, MemoryError):
        return tr("Out of memory: try a smaller network, batch or data set.")
    if isinstance(exc, OSError):
        detail = translated(exc.strerror) if exc.strerror else str(exc)
        if getattr(exc, "filename", None):
            return fill(tr("A file operation failed (%1): %2."), exc.filename, detail)
        return fill(tr("A file operation failed: %1."), detail)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    text = text[:240] + ("…" if len(text) > 240 else "")
    what = type(exc).__name__ + (": " + text if text else "")
    return fill(tr("Something went wrong inside MLP Studio (%1)."), what)


def user_message(exc: BaseException) -> str:
    """What to tell the user about an error they caused: a ValueError's own sentence (an engine check of
    their input), translated; anything else as `short_message` says it."""
    if isinstance(exc, ValueError) and not isinstance(exc, EngineError):
        return translated(str(exc))
    return short_message(exc)


class ErrorReporter(QObject):
    """Catches what nothing else caught. Create it in the GUI thread; `install()` hooks it in."""

    reported = Signal(str)  # may be emitted from any thread; shown in the GUI thread

    def __init__(self, window):  # window: the MainWindow (its show_status shows the message)
        super().__init__(window)
        self._window = window
        self._dialog: QMessageBox | None = None
        self._previous = None
        self.count = 0
        self.last_message = ""
        self.reported.connect(self._show)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(self, etype, value, tb) -> None:
        if issubclass(etype, KeyboardInterrupt):
            sys.__excepthook__(etype, value, tb)
            return
        try:
            print("MLP Studio: unexpected error (details for a bug report):", file=sys.stderr)
            traceback.print_exception(etype, value, tb, file=sys.stderr)
        except Exception:
            pass
        self.reported.emit(short_message(value) if value is not None
                           else fill(tr("Unexpected %1."), etype.__name__))

    def thread_excepthook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def report(self, message: str) -> None:
        """Show a message for a caught error (status bar, and a dialog if none is open)."""
        self.reported.emit(message)

    @Slot(str)
    def _show(self, message: str) -> None:
        self.count += 1
        self.last_message = message
        window = self._window
        try:
            window.show_status(Message.error(message))   # an engine text: translated when shown (and after a switch)
        except RuntimeError:  # the window is already gone
            return
        if unattended() or (self._dialog is not None and self._dialog.isVisible()):
            return
        box = QMessageBox(QMessageBox.Warning, "MLP Studio", translated(message), QMessageBox.Ok, window)
        box.setInformativeText(tr("Your work is still there; saving it now is a good idea. "
                                  "Technical details were written to the error log (standard error)."))
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.setModal(False)
        box.destroyed.connect(self._dialog_closed)
        self._dialog = box
        box.show()

    @Slot()
    def _dialog_closed(self) -> None:
        self._dialog = None
