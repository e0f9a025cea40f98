"""Every screen size (issue 9): the real window at 1280×720 and 1366×768 (and a large maximised one) shows every
mode, MNIST tab and playground view with nothing outside the window, without growing, and with no label cut off.
Bulgarian's longer words (issue 13) too: the 1280×720 check runs again after a switch to Bulgarian."""
import pytest
from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QScrollArea, QTabWidget, QWidget

SIZES = [(1280, 720), (1366, 768)]


def settle(ms=60):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Is `widget` inside a scroll area's viewport (clipped and scrollable by design)?"""
    p = widget.parentWidget()
    while p is not None and p is not top:
        if isinstance(p.parentWidget(), QAbstractScrollArea) and p is p.parentWidget().viewport():
            return True
        p = p.parentWidget()
    return False


def label_needs(label: QLabel) -> int:
    """Width in pixels a one-line label's text needs (Qt's own size hint: plain or rich text, margins, indent)."""
    return label.sizeHint().width() if label.text() else 0


def problems(window: QWidget, where: str) -> list[str]:
    out = []
    frame = window.rect()
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or w.width() <= 0 or w.height() <= 0:
            continue
        rect = QRect(w.mapTo(window, w.rect().topLeft()), w.size())
        if not _scrolled(w, window) and not frame.contains(rect):
            out.append(f"{where}: {type(w).__name__} {w.objectName() or ''} at {rect.getRect()} is outside "
                       f"the window {frame.width()}×{frame.height()}")
        if (isinstance(w, QScrollArea) and w.widget() is not None and w.widgetResizable()
                and w.horizontalScrollBarPolicy() == Qt.ScrollBarAlwaysOff):     # cut at the right, no way to see it
            need, have = w.widget().minimumSizeHint().width(), w.viewport().width()
            if need > have + 1:
                out.append(f"{where}: {w.objectName() or 'a side panel'} needs {need} px, shows {have} "
                           f"(no horizontal scroll bar)")
        if isinstance(w, QLabel) and not w.wordWrap() and w.pixmap().isNull():
            need, have = label_needs(w), w.width()
            if need > have + 1:
                out.append(f"{where}: label {w.text()[:60]!r} needs {need} px, has {have}")
    return out


def reveal(widget: QWidget) -> None:
    """Make the tab pages that hold `widget` (nested tab widgets too) the current ones."""
    child, p = widget, widget.parentWidget()
    while p is not None:
        if isinstance(p, QTabWidget) and p.indexOf(child) >= 0:
            p.setCurrentWidget(child)
        child, p = p, p.parentWidget()


def visit_all(window):
    """Yield (description) after showing each mode, each of its tabs and each playground view."""
    for key, mode in window.modes.items():
        window.set_current_mode_key(key)
        settle()
        if key == "playground":     # some epochs, so the legends and counters hold real numbers
            for _ in range(3):
                mode.step()
                for _ in range(100):
                    if not mode.busy():
                        break
                    settle(20)
            settle(200)
        if key == "mnist":          # the data loads when the lab is shown; wait for the evaluation's figures
            for _ in range(600):
                if mode.current_evaluation() is not None:
                    break
                settle(50)
            assert mode.current_evaluation() is not None
        yield key
        for tabs in mode.findChildren(QTabWidget):
            for i in range(tabs.count()):
                reveal(tabs)
                tabs.setCurrentIndex(i)
                settle()
                yield f"{key} / {tabs.tabText(i)}"
        if key == "playground":     # the diagram's two views
            for gradients in (True, False):
                mode.session.settings.set_view("gradients", gradients)
                settle()
                yield f"{key} / {'gradients' if gradients else 'weights'} view"


def fits(window, size) -> list[str]:
    w, h = size
    window.resize(w, h)
    window.show()
    settle(100)
    found = []
    for where in visit_all(window):
        if (window.width(), window.height()) != (w, h):
            found.append(f"{where}: the window grew to {window.width()}×{window.height()} (screen {w}×{h})")
            window.resize(w, h)
            settle()
        found += problems(window, where)
    return found


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_mode_and_tab_fits_the_window(window, size):
    found = fits(window, size)
    assert not found, "\n".join(dict.fromkeys(found))


def test_every_mode_and_tab_fits_1280x720_in_bulgarian(window):
    from gui.i18n import current_language, qm_path, set_language
    assert qm_path("bg").is_file(), "resources/i18n/mlp_studio_bg.qm is missing (python -m gui.i18n_build)"
    try:
        assert set_language("bg") and current_language() == "bg"
        found = fits(window, (1280, 720))
        window.set_current_mode_key("playground")
        for task in ("regression", "regression1d"):        # their own rows (the loss) in the side panel
            window.playground.set_task(task)
            settle(200)
            found += problems(window, f"playground {task}")
        window.playground.set_task("classification")
    finally:
        set_language("en")
    assert not found, "\n".join(dict.fromkeys(found))


def test_the_window_fits_small_screens_at_all(window):
    """Its smallest size leaves room for a title bar and a task bar on a 1280×720 screen."""
    window.show()
    settle()
    for key in window.modes:
        window.set_current_mode_key(key)
        settle()
        m = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert m.width() <= 1280 and m.height() <= 720 - 70, (key, m.width(), m.height())


def test_maximised_on_a_large_screen(window):
    window.resize(1920, 1200)
    window.show()
    settle(100)
    found = []
    for where in visit_all(window):
        found += problems(window, where)
    assert not found, "\n".join(dict.fromkeys(found))
