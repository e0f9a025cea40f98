"""Help → About: what this is, the versions it runs on, and the MNIST licence and credit."""
from __future__ import annotations

import platform
import sys

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from gui.constants import APP_NAME, VERSION
from gui.i18n import QT_TR_NOOP, fill, on_language_change, tr

MNIST_CREDIT = QT_TR_NOOP(
    "The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and "
    "Christopher J.&nbsp;C. Burges. It is used under the Creative Commons "
    '<a href="https://creativecommons.org/licenses/by-sa/3.0/">Attribution-Share Alike 3.0 licence '
    "(CC&nbsp;BY-SA&nbsp;3.0)</a>; the copy bundled with MLP Studio is unchanged.")
SYSTEM = QT_TR_NOOP("System")    # the one row name of `versions()` that is a word, not a name


def versions() -> dict[str, str]:
    import numpy
    import pyqtgraph
    import PySide6
    return {APP_NAME: VERSION, "Python": platform.python_version(), "NumPy": numpy.__version__,
            "Qt": qVersion(), "PySide6": PySide6.__version__, "pyqtgraph": pyqtgraph.__version__,
            SYSTEM: f"{platform.system()} {platform.release()} ({platform.machine()})"}


def about_html() -> str:
    """The About text in the current language."""
    rows = "".join(f"<tr><td>{tr(k) if k == SYSTEM else k}</td><td>&nbsp;&nbsp;{v}</td></tr>"
                   for k, v in versions().items())
    return (f"<h2>{APP_NAME} {VERSION}</h2>"
            "<p>" + tr("Build a multi-layer perceptron by clicking, train it live and watch backpropagation "
                       "learn: on 2D points in the playground, on handwritten digits in the MNIST lab.") + "</p>"
            f"<table>{rows}</table>"
            "<h3>MNIST</h3><p>" + tr(MNIST_CREDIT) + "</p>"
            "<p>" + tr("MLP Studio itself is free software under the MIT licence.") + "</p>")


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.RichText)
        self.label.setWordWrap(True)
        self.label.setOpenExternalLinks(True)
        self.label.setTextInteractionFlags(Qt.TextBrowserInteraction)
        buttons = QDialogButtonBox(QDialogButtonBox.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.label.setMinimumWidth(36 * em)
        self.setMaximumWidth(60 * em)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.setWindowTitle(fill(tr("About %1"), APP_NAME))
        self.label.setText(about_html())


if __name__ == "__main__":  # pragma: no cover - a quick look
    print(versions(), file=sys.stderr)
