"""The Qt runtime the app stands on: a PySide6 that does not leak references on Signal.emit.

PySide6 6.12.0 on Python 3.11 drops one reference to `True` on every Signal.emit(); after a few
thousand emits the interpreter aborts (Fatal Python error: bool_dealloc). pyproject.toml pins
PySide6-Essentials below 6.12; this test catches the bug itself, whatever version is installed.
"""
import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    ping = Signal(int, object)


class Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    def on_ping(self, run_id, payload):
        self.count += 1


def test_signal_emit_keeps_the_refcount_of_true(qtbot):
    sender, receiver = Emitter(), Receiver()
    sender.ping.connect(receiver.on_ping)
    before = sys.getrefcount(True)
    for i in range(2000):
        sender.ping.emit(i, True)
    after = sys.getrefcount(True)
    assert receiver.count == 2000
    # A leaking build loses ~2000 references here; allow for unrelated noise of a few.
    assert after >= before - 10, f"Signal.emit dropped {before - after} references to True"
