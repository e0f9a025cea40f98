"""Application start-up: QApplication, pyqtgraph options, the main window."""
from __future__ import annotations

import sys

APP_NAME = "MLP Studio"
ORG_NAME = "MLP Studio"
VERSION = "0.1.0"


def configure_pyqtgraph() -> None:
    import pyqtgraph as pg
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=False)


def make_app(argv=None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(VERSION)
    configure_pyqtgraph()
    return app


def run(argv: list[str]) -> int:
    app = make_app([sys.argv[0], *argv])
    from gui.main_window import MainWindow
    window = MainWindow()
    window.show()
    return app.exec()
