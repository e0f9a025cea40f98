"""Help → About: what this is, the versions it runs on, and the MNIST licence and credit."""
from __future__ import annotations

import platform
import sys

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from gui.constants import APP_NAME, VERSION

MNIST_CREDIT = (
    "The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and "
    "Christopher J.&nbsp;C. Burges. It is used under the Creative Commons "
    '<a href="https://creativecommons.org/licenses/by-sa/3.0/">Attribution-Share Alike 3.0 licence '
    "(CC&nbsp;BY-SA&nbsp;3.0)</a>; the copy bundled with MLP Studio is unchanged.")


def versions() -> dict[str, str]:
    import numpy
    import pyqtgraph
    import PySide6
    return {APP_NAME: VERSION, "Python": platform.python_version(), "NumPy": numpy.__version__,
            "Qt": qVersion(), "PySide6": PySide6.__version__, "pyqtgraph": pyqtgraph.__version__,
            "System": f"{platform.system()} {platform.release()} ({platform.machine()})"}


def about_html() -> str:
    rows = "".join(f"<tr><td>{k}</td><td>&nbsp;&nbsp;{v}</td></tr>" for k, v in versions().items())
    return (f"<h2>{APP_NAME} {VERSION}</h2>"
            "<p>Build a multi-layer perceptron by clicking, train it live and watch backpropagation "
            "learn: on 2D points in the playground, on handwritten digits in the MNIST lab.</p>"
            f"<table>{rows}</table>"
            f"<h3>MNIST</h3><p>{MNIST_CREDIT}</p>"
            "<p>MLP Studio itself is free software under the MIT licence.</p>")


class AboutDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.label = QLabel(about_html(), self)
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


if __name__ == "__main__":  # pragma: no cover - a quick look
    print(versions(), file=sys.stderr)
