"""Waiting in GUI tests without starving worker threads (QTest.qWait can: see the project's Qt notes)."""
from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop, QTimer


def wait_until(cond, timeout_s: float, poll_ms: int = 25) -> bool:
    """Run the event loop until `cond()` holds or `timeout_s` passed. True if it held."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if cond():
            return True
        loop = QEventLoop()
        QTimer.singleShot(poll_ms, loop.quit)
        loop.exec()
    return bool(cond())
