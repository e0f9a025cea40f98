"""What MLP Studio remembers between runs: window geometry and layout, recent projects, last folders.

Stored with QSettings under the organisation/application name, or — for tests, the soak script
and portable use — in the INI file named by the MLP_STUDIO_SETTINGS environment variable or the
`path` argument, so the user's real settings are never touched by a test.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow, QSplitter

from gui.constants import APP_NAME, ORG_NAME

SETTINGS_ENV = "MLP_STUDIO_SETTINGS"
MAX_RECENT = 8


class AppSettings:
    def __init__(self, path=None):
        path = path or os.environ.get(SETTINGS_ENV)
        self.q = QSettings(str(path), QSettings.IniFormat) if path else QSettings(ORG_NAME, APP_NAME)

    # -- recent projects -------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.q.value("recent_files", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent(self, path) -> None:
        path = str(Path(path).resolve())
        files = [path] + [f for f in self.recent_files() if f != path]
        self.q.setValue("recent_files", files[:MAX_RECENT])

    def remove_recent(self, path) -> None:
        self.q.setValue("recent_files", [f for f in self.recent_files() if f != str(path)])

    def clear_recent(self) -> None:
        self.q.setValue("recent_files", [])

    # -- folders ----------------------------------------------------------------------------
    def last_folder(self, kind: str) -> str:
        folder = self.q.value(f"folders/{kind}", "")
        if folder and Path(str(folder)).is_dir():
            return str(folder)
        docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        return docs if docs and Path(docs).is_dir() else str(Path.home())

    def set_last_folder(self, kind: str, file_path) -> None:
        self.q.setValue(f"folders/{kind}", str(Path(file_path).resolve().parent))

    # -- window -----------------------------------------------------------------------------
    def save_window(self, window: QMainWindow, current_tab: int = 0) -> None:
        self.q.setValue("window/geometry", window.saveGeometry())
        self.q.setValue("window/state", window.saveState())
        self.q.setValue("window/tab", int(current_tab))
        for splitter in window.findChildren(QSplitter):
            if splitter.objectName():
                self.q.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())

    def restore_window(self, window: QMainWindow) -> int:
        """Restore geometry, dock/toolbar state and named splitters; returns the last tab index."""
        geometry = self.q.value("window/geometry")
        if isinstance(geometry, (QByteArray, bytes)):
            window.restoreGeometry(geometry)
        state = self.q.value("window/state")
        if isinstance(state, (QByteArray, bytes)):
            window.restoreState(state)
        for splitter in window.findChildren(QSplitter):
            value = self.q.value(f"splitters/{splitter.objectName()}") if splitter.objectName() else None
            if isinstance(value, (QByteArray, bytes)):
                splitter.restoreState(value)
        try:
            return int(self.q.value("window/tab", 0))
        except (TypeError, ValueError):
            return 0

    def sync(self) -> None:
        self.q.sync()
