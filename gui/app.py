"""Application start-up: QApplication, theme and pyqtgraph options, the safety net, the main window."""
from __future__ import annotations

import sys

from gui.constants import APP_NAME, ORG_NAME, VERSION


def configure_pyqtgraph() -> None:
    """Row-major images; plot colours from the application palette (light or dark)."""
    import pyqtgraph as pg
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=False)
    from gui.plot_locale import install
    install()   # tick labels with the locale's decimal point (0,5 in Bulgarian)
    from PySide6.QtWidgets import QApplication
    if QApplication.instance() is not None:
        from gui.theme import configure_plot_colors
        configure_plot_colors()


def make_app(argv=None):
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(VERSION)
    app.setApplicationDisplayName(APP_NAME)
    configure_pyqtgraph()
    return app


def run(argv: list[str]) -> int:
    app = make_app([sys.argv[0], *argv])
    from gui.settings import AppSettings
    from gui.theme import apply_theme
    settings = AppSettings()
    theme = str(settings.q.value("theme", "system"))
    if theme != "system":
        apply_theme(theme)
    from gui.i18n import start_language
    start_language(settings)   # the remembered choice, else the system's (Bulgarian for bg_*)
    from gui.main_window import MainWindow
    window = MainWindow(settings=settings)
    window.errors.install()  # from now on no traceback reaches the user
    window.show()
    # The objects built so far live as long as the app: move them out of the collector's reach, so a full
    # collection in the GUI thread (measured ~25 ms while training) no longer walks them; collect the
    # youngest generation a little less often (each snapshot allocates a few hundred objects).
    import gc
    gc.collect()
    gc.freeze()
    gc.set_threshold(max(gc.get_threshold()[0], 5000), *gc.get_threshold()[1:])
    from PySide6.QtCore import QTimer
    QTimer.singleShot(0, window.project.offer_recovery)
    projects = [a for a in argv if not a.startswith("-")]
    if projects:
        QTimer.singleShot(0, lambda: window.project.open_project(projects[0]))
    return app.exec()
