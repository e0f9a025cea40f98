"""One BLAS thread while training next to the GUI (no Qt here; jobs call it on the worker thread).

Small networks gain nothing from a second BLAS thread, and two OpenBLAS threads collapse when the
other core is busy (here: the GUI thread, or other programs): measured on a 2-64-64-64-8 net, a
batch-10 step took 575 µs wall / 177 µs CPU with two threads, 100 µs / 63 µs with one; an MNIST
matmul went from 0.5 ms to 24 ms. The limit is process-wide, so it is reference-counted: it holds
while any job is inside `single_thread()`, and the original setting comes back when the last leaves.
Without threadpoolctl (or with an unusual BLAS) it does nothing.
"""
from __future__ import annotations

import contextlib
import threading

_lock = threading.Lock()
_users = 0
_limiter = None      # the active threadpoolctl limit, while _users > 0
_controller = None   # finding the BLAS libraries is the slow part: once per process


def _acquire() -> None:
    global _users, _limiter, _controller
    with _lock:
        _users += 1
        if _users > 1:
            return
        try:
            if _controller is None:
                from threadpoolctl import ThreadpoolController
                _controller = ThreadpoolController()
            _limiter = _controller.limit(limits=1, user_api="blas")
        except Exception:
            _limiter = None


def _release() -> None:
    global _users, _limiter
    with _lock:
        _users = max(0, _users - 1)
        if _users == 0 and _limiter is not None:
            try:
                _limiter.restore_original_limits()
            finally:
                _limiter = None


@contextlib.contextmanager
def single_thread():
    """Hold BLAS to one thread inside the block (nested and concurrent uses are counted)."""
    _acquire()
    try:
        yield
    finally:
        _release()


def users() -> int:
    return _users
