"""Walk a window's visible texts and find words still in English (for the translation tests).

`texts(root)` yields (where, text) for every text a user can read: labels, buttons, tooltips, status
tips, window and group titles, tab texts and tips, combo-box items and their tips, placeholders, table
and tree headers, text browsers, menus and their actions, and pyqtgraph plot titles, axis labels and
legend entries. `english_words(text)` is what is left of a text once names that stay the same in every
language (ALLOWED: MNIST, ReLU, softmax, file extensions, key names, …), symbols and numbers are taken out.
"""
from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

# Names, symbols and abbreviations that every language writes the same way. Keep it short.
ALLOWED = {
    "mnist", "mlp", "studio", "relu", "tanh", "sigmoid", "silu", "softmax", "adam", "sgd", "numpy", "pytorch",
    "torch", "python", "scipy", "qt", "pyside", "pyqtgraph", "csv", "png", "npz", "json", "mlpproj", "idx",
    "gz", "xor", "ctrl", "shift", "alt", "esc", "del", "space", "enter", "tab", "backspace", "pgup", "pgdown",
    "nn", "sequential", "linear", "lr", "mse", "bce", "id", "ok", "gpl", "lgpl", "bsd", "mit", "apache",
    "yann", "lecun", "corinna", "cortes", "christopher", "burges", "simard", "english", "leaky", "gelu",
    "xavier", "glorot", "he", "kaiming", "max", "min", "log", "exp", "argmax", "px", "ms", "np", "nan",
    "sin", "cos", "swish", "linux", "windows", "macos", "darwin", "creative", "commons",
    "inf", "l1", "l2", "sd", "home", "end", "ins", "f1", "xy", "rgb", "svg", "http", "https", "www", "org",
    "com", "lm", "net", "plt", "dropout", "leakyrelu",
}
COMMON_2 = {"of", "to", "in", "on", "at", "is", "by", "or", "an", "it", "be", "as", "no", "up", "if", "do", "so"}
_TAG = re.compile(r"<[^>]+>")
_CODE = re.compile(r"<(code|pre|tt)>.*?</\1>", re.S)
_LICENCE = re.compile(r"\bCC\s+BY(-SA)?\b")
_FILE = re.compile(r"\S+\.(py|npz|csv|png|json|mlpproj|gz|svg|txt|desktop|qm|ts)\b")
_PATH = re.compile(r"(?<![\w.])(?:[A-Za-z]:)?[\\/][^\s<>\"']*")     # a folder or file path: not a text to translate
_CODE_LIST = re.compile(r"\b\w+(?:,\w+)+\b")   # x1,x2,label: a file's column names, written without spaces
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def english_words(text: str) -> list[str]:
    text = _CODE.sub(" ", text or "")
    text = html.unescape(_TAG.sub(" ", text)).replace("&", "")
    text = _CODE_LIST.sub(" ", _PATH.sub(" ", _FILE.sub(" ", _LICENCE.sub(" ", text))))
    words = []
    for w in _WORD.findall(text):
        low = w.lower().strip("'")
        if low in ALLOWED or (len(low) < 3 and low not in COMMON_2):
            continue
        words.append(w)
    return words


def _menu_texts(menu: QMenu, where: str):
    yield where + " title", menu.title()
    for a in menu.actions():
        if a.isSeparator():
            continue
        yield from _action_texts(a, where)


def _action_texts(a, where: str):
    yield f"{where} › action", a.text()
    if a.toolTip() != a.text().replace("&", ""):
        yield f"{where} › {a.text()!r} tooltip", a.toolTip()
    yield f"{where} › {a.text()!r} status tip", a.statusTip()
    if a.menu() is not None:
        yield from _menu_texts(a.menu(), f"{where} › {a.text()}")


def _graphics_texts(view: QGraphicsView, where: str):
    try:
        import pyqtgraph as pg
    except ImportError:  # pragma: no cover
        return
    scene = view.scene()
    if scene is None:
        return
    for item in scene.items():
        if not item.isVisible():
            continue
        if isinstance(item, pg.AxisItem):
            if item.label.isVisible():
                yield f"{where} axis", item.labelText
        elif isinstance(item, pg.LabelItem):
            yield f"{where} label", item.text
        elif isinstance(item, pg.TextItem):
            yield f"{where} text item", item.toPlainText()


def texts(root: QWidget, *, visible_only: bool = False):
    """(where, text) for every readable text under `root`, itself included."""
    for w in [root, *root.findChildren(QWidget)]:
        if visible_only and not w.isVisible():
            continue
        name = f"{type(w).__name__}({w.objectName() or ''})"
        if w.isWindow():
            yield name + " window title", w.windowTitle()
        yield name + " tooltip", w.toolTip()
        yield name + " status tip", w.statusTip()
        yield name + " whatsThis", w.whatsThis()
        if isinstance(w, QLabel):
            yield name + " text", w.text()
        elif isinstance(w, QAbstractButton):
            yield name + " text", w.text()
        elif isinstance(w, QGroupBox):
            yield name + " title", w.title()
        elif isinstance(w, QLineEdit):
            yield name + " placeholder", w.placeholderText()
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            yield name + " text", w.toPlainText()
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
                yield f"{name} tab {i} tooltip", w.tabToolTip(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
                tip = w.itemData(i, Qt.ToolTipRole)
                if isinstance(tip, str):
                    yield f"{name} item {i} tooltip", tip
        elif isinstance(w, (QTableView, QTreeView)):
            model = w.model()
            if model is not None:
                for orient, count in ((Qt.Horizontal, model.columnCount()), (Qt.Vertical, model.rowCount())):
                    for i in range(min(count, 50)):
                        value = model.headerData(i, orient, Qt.DisplayRole)
                        if isinstance(value, str):
                            yield f"{name} header {i}", value
                        tip = model.headerData(i, orient, Qt.ToolTipRole)
                        if isinstance(tip, str):
                            yield f"{name} header {i} tooltip", tip
                for r in range(min(model.rowCount(), 50)):
                    for c in range(min(model.columnCount(), 20)):
                        value = model.data(model.index(r, c), Qt.DisplayRole)
                        if isinstance(value, str):
                            yield f"{name} cell {r},{c}", value
        elif isinstance(w, QMenu):
            yield from _menu_texts(w, name)
        if isinstance(w, QGraphicsView):
            yield from _graphics_texts(w, name)
    if hasattr(root, "menuBar"):
        for a in root.menuBar().actions():
            if a.menu() is not None:
                yield from _menu_texts(a.menu(), "menu " + a.text())


def cyrillic(root: QWidget, *, visible_only: bool = False) -> list[str]:
    """Every text under `root` with a Cyrillic letter in it (after a switch back to English: none), except
    the names of the languages (View → Language names each in its own language)."""
    from gui.i18n import LANGUAGES
    own = set(LANGUAGES.values())
    return sorted({f"{where}: {text[:120]!r}" for where, text in texts(root, visible_only=visible_only)
                   if isinstance(text, str) and _CYRILLIC.search(text) and text.replace("&", "") not in own})


def leftovers(root: QWidget, *, visible_only: bool = False) -> list[str]:
    """Every text under `root` with English words left in it, as 'where: text [words]'."""
    found = []
    for where, text in texts(root, visible_only=visible_only):
        if not isinstance(text, str) or not text.strip():
            continue
        words = english_words(text)
        if words:
            found.append(f"{where}: {text[:120]!r} {words[:6]}")
    return sorted(set(found))
