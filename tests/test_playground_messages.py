"""The playground session's messages keep their English source and values and are translated when read:
the message line follows a language switch, and numbers in them are written when shown (issue 13)."""
import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from gui.i18n import retranslate_all
from gui.messages import Message
from gui.playground.session import PlaygroundSession
from gui.playground.snapshot import EngineText, Phrase, Sig, engine_message


class _Marking(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»"

    def isEmpty(self):
        return False


@pytest.fixture
def session(qtbot):
    s = PlaygroundSession(seed=3)
    yield s
    s.shutdown()


def test_the_message_line_is_a_message_and_follows_a_switch(session):
    s = session
    s.clear()
    assert s.message == ("Cleared the points — Undo (Ctrl+Z) brings them back.", "info")
    assert s.message_object.source == "Cleared the points — Undo (Ctrl+Z) brings them back."
    s.step()                                         # no points: the error says why
    assert s.message[1] == "error" and s.message[0].startswith("There are no training points")
    assert s.can_train() == s.message[0]
    shown = []
    s.message_changed.connect(lambda text, severity: shown.append((text, severity)))
    t = _Marking()
    QCoreApplication.installTranslator(t)
    try:
        retranslate_all()
        assert shown[-1] == ("«" + s.message_object.source + "»", "error") == s.message
    finally:
        QCoreApplication.removeTranslator(t)
        retranslate_all()
    assert shown[-1] == s.message and s.message[0].startswith("There are no training points")


def test_values_are_written_when_read():
    old = QLocale()
    m = Message.info("Training loss %1 reached the target %2 at epoch %3.", Sig(0.012345, 4), Sig(0.05, 6), 1234)
    try:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        assert m.text == "Training loss 0.01235 reached the target 0.05 at epoch 1,234."
        QLocale.setDefault(QLocale(QLocale.Bulgarian, QLocale.Bulgaria))
        assert m.text == "Training loss 0,01235 reached the target 0,05 at epoch 1234."
    finally:
        QLocale.setDefault(old)


def test_engine_strings_and_phrases():
    e = engine_message("learning rate must be positive")
    assert e.is_error and e.text == "learning rate must be positive" and e == engine_message(EngineText(
        "learning rate must be positive"))
    p = Phrase("the last 3 minibatches", Message.info("the last %1 minibatches", 3))
    assert p == "the last 3 minibatches" and "minibatch" in p and f"{p}" == "the last 3 minibatches"
    t = _Marking()
    QCoreApplication.installTranslator(t)
    try:
        assert f"(mean over {p})" == "(mean over «the last %1 minibatches»)".replace("%1", "3")
        assert p == "the last 3 minibatches"          # compares as English
    finally:
        QCoreApplication.removeTranslator(t)
