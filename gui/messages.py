"""What the status bar and the modes' message lines say, and how serious it is.

A message is text plus a severity — never a colour: the view decides how an error looks (the main
window shows errors in the error colour, bold, and longer). Modes may emit a `Message` on their
`status` signal (declare it `Signal(object)`); a plain str is taken as an info message.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    INFO = "info"
    ERROR = "error"


@dataclass(frozen=True)
class Message:
    text: str
    severity: Severity = Severity.INFO

    @classmethod
    def info(cls, text: str) -> Message:
        return cls(str(text), Severity.INFO)

    @classmethod
    def error(cls, text: str) -> Message:
        return cls(str(text), Severity.ERROR)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        return self.text


def as_message(value) -> Message:
    """A Message from what a mode emitted: a Message, or any other value as info text."""
    if isinstance(value, Message):
        return value
    return Message.info("" if value is None else str(value))
