"""Single-key shortcuts and text/number fields, for the whole window in one place.

- A key without Ctrl/Alt/Meta pressed while a text or number field has the focus (QLineEdit — also an
  editable combo box's editor —, QAbstractSpinBox, QTextEdit, QPlainTextEdit) goes to the field: Space,
  S, R, 1–8 … never trigger a menu action or a mode's own QShortcut from inside a field.
- Enter/Return in a spin box or line edit commits the value (the field handles the key first) and then
  leaves the field: the focus goes back to the current mode, so the next Space plays.

The main window owns one FieldKeys. It watches the application's focus changes and puts its event
filter on each field of the window that takes the focus, so every field of every mode — present or
future — behaves the same without code of its own. (Not a filter on the whole application: that would
run Python, and take the GIL from a training thread, for every event of every widget.)
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

FIELDS = (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)
COMMIT_FIELDS = (QLineEdit, QAbstractSpinBox)           # Enter leaves these (Enter is a new line in text edits)
_COMMAND_MODIFIERS = Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier
_ENTER = (Qt.Key_Return, Qt.Key_Enter)
_SHORTCUT_OVERRIDE = QEvent.ShortcutOverride
_KEY_PRESS = QEvent.KeyPress


def is_field(widget) -> bool:
    """A widget that takes typed text: a line, number box, text box, or an editable combo box."""
    return isinstance(widget, FIELDS) or isinstance(widget, QComboBox) and widget.isEditable()


def _single_key(event) -> bool:
    """A key a field would type (no command modifier): Space, letters, digits, punctuation."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return False
    return event.key() == Qt.Key_Space or bool(event.text()) and event.text().isprintable()


class FieldKeys(QObject):
    """`FieldKeys(window, leave_to).install()`: `leave_to()` gives the widget that takes the focus after
    Enter (the current mode)."""

    def __init__(self, window: QWidget, leave_to):
        super().__init__(window)
        self._window = window
        self._leave_to = leave_to
        self.left = 0   # how many times Enter left a field (for tests and curious readers)

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass

    def _focus_changed(self, _old, new) -> None:
        if new is not None and is_field(new) and new.window() is self._window:
            new.installEventFilter(self)    # once per widget: Qt moves a filter installed again to the front

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind != _SHORTCUT_OVERRIDE and kind != _KEY_PRESS:
            return False
        if not is_field(obj) or obj.window() is not self._window:
            return False
        if kind == _SHORTCUT_OVERRIDE:
            if _single_key(event):
                event.accept()      # the field gets the key as a KeyPress; no shortcut fires
            return False
        commits = isinstance(obj, COMMIT_FIELDS) or isinstance(obj, QComboBox)
        if event.key() in _ENTER and commits and not (event.modifiers() & _COMMAND_MODIFIERS):
            if isinstance(obj, QLineEdit) and isinstance(obj.parent(), (QAbstractSpinBox, QComboBox)):
                return False        # the editor inside a spin box or combo box: its owner handles Enter
            obj.event(event)        # let the field commit first (valueChanged / editingFinished / returnPressed)
            self._leave(obj)
            return True
        return False

    def _leave(self, field: QWidget) -> None:
        target = self._leave_to()
        if target is None or not target.isVisible():
            field.clearFocus()
        else:
            target.setFocus(Qt.ShortcutFocusReason)
        self.left += 1
