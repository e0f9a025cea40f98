"""The app's languages: Qt's translation system, one context, live switching, locale-aware numbers.

Every user-visible string is written in English inside `tr("…")` (or `QT_TR_NOOP("…")` where it is only
named, e.g. a message template kept for later). `pyside6-lupdate` collects them all into one context ("")
of `resources/i18n/mlp_studio_<lang>.ts`; `pyside6-lrelease` compiles that into the `.qm` loaded here
(see the README, "Translations"). Rules that keep lupdate able to read the strings:

- the text is a literal: `tr("Epoch %1 of %2")` then `fill(...)`, never `tr(f"...")`;
- plurals pass the count third: `tr("%n point(s)", "", n)`; a second argument is a disambiguation
  comment for translators (`tr("Open", "verb")`);
- a text set once on a widget must come back in the new language after a live switch: set it inside a
  function registered with `on_language_change(owner, apply)` (called now, and again after every
  switch while `owner` lives), or re-render it from the state when the widget next updates.

The engine stays Qt-free and English; `gui/engine_text.py` names its user-visible strings for lupdate.
"""
from __future__ import annotations

import math
import re
import sys
import traceback
import weakref
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

CONTEXT = ""                     # what lupdate gives a bare tr()/QT_TR_NOOP() in Python
LANGUAGES = {"en": "English", "bg": "Български"}   # each shown in its own language
SOURCE_LANGUAGE = "en"
SETTINGS_KEY = "language"

_apply: list[tuple[weakref.ref, Callable[[], None]]] = []
_translators: list[QTranslator] = []
_language = SOURCE_LANGUAGE
_switching = False
_watcher = None


def QT_TR_NOOP(source: str) -> str:  # noqa: N802 — the name lupdate looks for
    """Marks `source` for lupdate without translating it now (translate it with `tr(source)` when shown)."""
    return source


_ENGLISH_PLURAL = re.compile(r"\((e?s)\)")


def tr(source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`source` in the current language (`%n` in a plural text becomes `n`, in the locale's digits).

    English is the source language and has no .qm: a plural source such as "%n epoch(s)" reads
    "1 epoch" / "2 epochs" when no translation applies."""
    text = QCoreApplication.translate(CONTEXT, source, disambiguation, n)
    if n >= 0 and "(" in text and _language == SOURCE_LANGUAGE:
        text = _ENGLISH_PLURAL.sub("" if abs(int(n)) == 1 else r"\1", text)
    return text


_PLACE = re.compile(r"%(\d)")


def fill(template: str, *args) -> str:
    """Qt's `%1 … %9` placeholders filled with `args` (ints and floats written in the current locale)."""
    def one(match):
        i = int(match.group(1)) - 1
        if not 0 <= i < len(args):
            return match.group(0)
        value = args[i]
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return integer(value)
        if isinstance(value, float):
            return num(value, 3, trim=True)
        return str(value)
    return _PLACE.sub(one, template)


# -- numbers a person reads (files written by the app never use these) ----------------------------------
def locale() -> QLocale:
    return QLocale()


def num(value, decimals: int = 2, *, trim: bool = False) -> str:
    """A float with `decimals` places in the current locale (decimal comma in Bulgarian)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    loc = QLocale()
    text = loc.toString(value, "f", int(decimals))
    if trim and loc.decimalPoint() in text:
        text = text.rstrip("0").rstrip(loc.decimalPoint())
    return text


def sig(value, digits: int = 3) -> str:
    """A float to `digits` significant digits (like Python's `g`), in the current locale."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(value):
        return num(value)
    return QLocale().toString(value, "g", int(digits))


def integer(value) -> str:
    """An integer with the locale's digit grouping (12,345 in English, 12 345 in Bulgarian)."""
    try:
        return QLocale().toString(int(value))
    except (TypeError, ValueError, OverflowError):
        return str(value)


def percent(fraction, decimals: int = 1) -> str:
    """A fraction 0…1 as a percentage: 98.5% / 98,5%."""
    return num(100.0 * float(fraction), decimals) + "%"


def parse_float(text: str) -> float:
    """A number typed by a person: the locale's decimal point or a plain '.', either works."""
    text = str(text).strip().replace("\u00a0", "").replace(" ", "")
    value, ok = QLocale().toDouble(text)
    if ok:
        return float(value)
    return float(text.replace(",", "."))


# -- live switching --------------------------------------------------------------------------------------
def on_language_change(owner: QObject, apply: Callable[[], None], *, now: bool = True) -> None:
    """Call `apply()` now (unless `now=False`) and again after every language switch while `owner` lives.

    `apply` sets the texts that were set once (labels, buttons, tooltips, titles, combo items); it is
    dropped when `owner` is deleted."""
    _apply.append((weakref.ref(owner), apply))
    if now:
        apply()


def retranslate_all() -> int:
    """Run every registered `apply` whose owner still lives; returns how many ran."""
    from shiboken6 import isValid
    alive, ran = [], 0
    for ref, apply in list(_apply):
        owner = ref()
        if owner is None or not isValid(owner):
            continue
        if getattr(owner, "plotItem", True) is None:   # a closed pyqtgraph PlotWidget: its items are gone
            continue
        window = owner.window() if isinstance(owner, QWidget) else None
        if window is not None and getattr(window, "is_closed", lambda: False)():
            continue                                    # a main window closed for good (being deleted)
        alive.append((ref, apply))
        try:
            apply()
            ran += 1
        except RuntimeError as exc:   # a C++ child already deleted: drop this one
            if "already deleted" not in str(exc):
                traceback.print_exc(file=sys.stderr)
            alive.pop()
        except Exception:
            traceback.print_exc(file=sys.stderr)
    _apply[:] = alive
    return ran


class _LanguageChangeWatcher(QWidget):
    """Qt sends QEvent.LanguageChange when a translator comes or goes (also one not installed by us), and
    QApplication posts one to each top-level widget that has no native window: this hidden, never shown
    widget receives it and the registered texts follow. During our own switch they run once, at the end.

    (Not an application-wide event filter: that would put a Python call, and the GIL, in front of every
    event of every object — paints and timers included — for the one rare LanguageChange.)"""

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.LanguageChange and not _switching:
            retranslate_all()
        super().changeEvent(event)


# Qt's own texts that its translation (qtbase_<lang>.qm) lacks in this Qt version, per language:
# (context, source) -> translation. Shown by Qt's widgets (the file dialog), so they follow the language too.
QT_GAPS = {
    "bg": {
        ("QFileDialog", "&Look in:"): "&Преглед на:",
        ("QFileDialog", "Files of &type:"): "Файлове от &тип:",
        ("QAbstractFileIconProvider", "Drive"): "Устройство",
        ("QAbstractFileIconProvider", "Folder"): "Папка",
    },
}


class _QtGaps(QTranslator):
    """Fills the gaps of Qt's own translation (QT_GAPS) for one language."""

    def __init__(self, table: dict, parent=None):
        super().__init__(parent)
        self._table = table

    def translate(self, context, source, disambiguation=None, n=-1):
        return self._table.get((context, source))   # None: not ours (an empty text would hide the others)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._table


def current_language() -> str:
    return _language


def system_language() -> str:
    """Bulgarian for a bg_* system locale, English otherwise."""
    return "bg" if QLocale.system().name().lower().startswith("bg") else SOURCE_LANGUAGE


def translations_dir():
    from engine.resources import resources_dir
    return resources_dir() / "i18n"


def qm_path(code: str):
    return translations_dir() / f"mlp_studio_{code}.qm"


def available_languages() -> dict[str, str]:
    """English, plus each language whose compiled .qm ships with the app."""
    return {code: name for code, name in LANGUAGES.items() if code == SOURCE_LANGUAGE or qm_path(code).is_file()}


def set_language(code: str) -> bool:
    """Switch the whole app to `code` now: our .qm and Qt's own (standard buttons, file dialogs), the default
    locale for numbers, then every registered text. Returns False (and stays English) if `code` has no .qm."""
    global _language, _switching
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    if isinstance(app, QApplication):
        _install_watcher(app)
    code = code if code in LANGUAGES else SOURCE_LANGUAGE
    loaded = []
    if code != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if not ours.load(str(qm_path(code))):
            print(f"MLP Studio: no translation for {code!r}; staying in English", file=sys.stderr)
            code = SOURCE_LANGUAGE
        else:
            loaded.append(ours)
            qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
            for name in ("qtbase", "qt"):
                theirs = QTranslator(app)
                if theirs.load(f"{name}_{code}", qt_dir):
                    loaded.append(theirs)
                    break
            if QT_GAPS.get(code):
                loaded.append(_QtGaps(QT_GAPS[code], app))
    _switching = True
    try:
        for old in _translators:
            QCoreApplication.removeTranslator(old)
        _translators[:] = loaded
        for new in loaded:
            QCoreApplication.installTranslator(new)
        _language = code
        loc = QLocale(QLocale.Bulgarian, QLocale.Bulgaria) if code == "bg" else QLocale(QLocale.English,
                                                                                         QLocale.UnitedStates)
        QLocale.setDefault(loc)
        if isinstance(app, QApplication):
            for w in app.topLevelWidgets():
                w.setLocale(loc)
    finally:
        if _watcher is not None:     # the LanguageChange our own (un)installs posted it: retranslate_all runs below
            QCoreApplication.removePostedEvents(_watcher, QEvent.LanguageChange)
        _switching = False
    retranslate_all()
    return code != SOURCE_LANGUAGE or not loaded


def _install_watcher(app) -> None:
    """The hidden widget that follows a translator installed or removed by anyone (made once per app)."""
    global _watcher
    from shiboken6 import isValid
    if _watcher is None or not isValid(_watcher):
        _watcher = _LanguageChangeWatcher()
        _watcher.setObjectName("language_change_watcher")


def start_language(settings=None) -> str:
    """The language at start-up: the one chosen in View → Language (remembered), else the system's."""
    chosen = ""
    if settings is not None:
        chosen = str(settings.q.value(SETTINGS_KEY, "") or "")
    code = chosen if chosen in LANGUAGES else system_language()
    set_language(code)
    return _language
