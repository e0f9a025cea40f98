"""What the status bar and the modes' message lines say, and how serious it is.

A message is text plus a severity — never a colour: the view decides how an error looks (the main
window shows errors in the error colour, bold, and longer). Modes may emit a `Message` on their
`status` signal (declare it `Signal(object)`); a plain str is taken as an info message.

The text is kept as its English source (marked for lupdate with `QT_TR_NOOP`) and its `%1 … %9`
arguments, and translated when it is read: a message on screen follows a live language switch.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    INFO = "info"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    source: str
    severity: Severity = Severity.INFO
    args: tuple = ()

    @classmethod
    def info(cls, source: str, *args) -> Message:
        return cls(str(source), Severity.INFO, tuple(args))

    @classmethod
    def error(cls, source: str, *args) -> Message:
        return cls(str(source), Severity.ERROR, tuple(args))

    @property
    def text(self) -> str:
        """The message in the current language, its arguments filled in."""
        if not self.source:
            return ""
        from gui.i18n import fill, tr
        if not self.args:   # an engine text (an exception's message) may be one with values in it
            from gui.engine_text import translated
            return translated(self.source)
        return fill(tr(self.source), *(a.text if isinstance(a, Message) else a for a in self.args))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return self.text


class EngineText(Message):
    """An English text from the engine (an exception's message, a preset's description, a worker failure) as a
    Message, made from any object (e.g. the exception itself). Like every Message without values it is shown
    through gui.engine_text.translated when read, so it can also be filled into another Message as a value."""

    def __init__(self, source, severity: Severity = Severity.INFO, args: tuple = ()):
        super().__init__(str(source), severity, tuple(args))


def as_message(value) -> Message:
    """A Message from what a mode emitted: a Message, or any other value as info text."""
    if isinstance(value, Message):
        return value
    return Message.info("" if value is None else str(value))
