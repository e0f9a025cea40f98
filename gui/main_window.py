"""The main window: one tab per mode (2D playground, MNIST lab), menus and a status bar.

A mode is a QWidget with:
  - `title` (str) and a `status = Signal(str)` for status-bar messages;
  - `shutdown()`: stop its workers and wait for them (called when the window closes);
  - `play_pause()`, `step()`, `reset()`: the Train menu's actions;
  - `undo()`, `redo()` where it has an undo history.
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget

from gui.app import APP_NAME


class MainWindow(QMainWindow):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.resize(1400, 860)
        from gui.mnist import MnistLabMode
        from gui.playground import PlaygroundMode
        self.playground = PlaygroundMode(self)
        self.mnist = MnistLabMode(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for mode in (self.playground, self.mnist):
            self.tabs.addTab(mode, mode.title)
            mode.status.connect(self.show_status)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.statusBar().showMessage("Ready", 3000)

    @property
    def mode(self):
        return self.tabs.currentWidget()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        train = bar.addMenu("&Train")
        self._add(train, "Play / pause", "Space", lambda: self.mode.play_pause())
        self._add(train, "Step one epoch", "S", lambda: self.mode.step())
        self._add(train, "Reset weights", "R", lambda: self.mode.reset())
        edit = bar.addMenu("&Edit")
        self._add(edit, "Undo", QKeySequence.Undo, lambda: getattr(self.mode, "undo", lambda: None)())
        self._add(edit, "Redo", QKeySequence.Redo, lambda: getattr(self.mode, "redo", lambda: None)())

    def _add(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def closeEvent(self, event) -> None:
        for mode in (self.playground, self.mnist):
            mode.shutdown()
        super().closeEvent(event)
