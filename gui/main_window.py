"""The main window: one tab per mode (2D playground, MNIST lab), menus, status bar, projects.

A mode is a QWidget implementing the MODE INTERFACE (gui/mode_api.py: the `Mode` protocol, plus
optional abilities such as `UndoState` or `PointsImport`, each a small protocol checked with isinstance).
"""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget

from gui.autosave import Autosave
from gui.constants import APP_NAME, AUTOSAVE_MS, ERROR_MS, STATUS_MS
from gui.engine_text import translated
from gui.errors import ErrorReporter, short_message
from gui.field_keys import FieldKeys
from gui.file_actions import FileActions
from gui.i18n import (
    LANGUAGES,
    QT_TR_NOOP,
    available_languages,
    current_language,
    fill,
    on_language_change,
    set_language,
    tr,
)
from gui.messages import Message, as_message
from gui.mode_api import ModelActions, can_redo, can_undo, capabilities, check_mode
from gui.project_controller import ProjectController
from gui.settings import AppSettings
from gui.theme import THEMES, apply_theme, apply_to_plots
from gui.tooltips import wrap_tooltips

ERROR_STYLE = "QStatusBar { color: #D55E00; font-weight: bold; }"
THEME_NAMES = {"system": QT_TR_NOOP("System"), "light": QT_TR_NOOP("Light"), "dark": QT_TR_NOOP("Dark")}
THEME_TIPS = {"system": QT_TR_NOOP("Follow the system's light or dark appearance."),
              "light": QT_TR_NOOP("Always light."), "dark": QT_TR_NOOP("Always dark.")}


def default_modes(parent, seed=None) -> dict:
    """The app's two modes. `seed` makes the playground's random data and weights repeatable (the MNIST
    lab does not take a seed yet)."""
    from gui.mnist import MnistLabMode
    from gui.playground import PlaygroundMode
    return {"playground": PlaygroundMode(parent, seed=seed), "mnist": MnistLabMode(parent)}


def _busy(mode) -> bool:
    try:
        return bool(mode.busy())
    except Exception:
        return False


class MainWindow(QMainWindow):
    def __init__(self, parent=None, *, modes: dict | None = None, settings: AppSettings | None = None,
                 data_dir=None, autosave_ms: int = AUTOSAVE_MS, seed=None):
        super().__init__(parent)
        self._closed = False
        self._help = None
        self.last_message = Message.info("")
        self.settings = settings if settings is not None else AppSettings()
        self.modes = modes if modes is not None else default_modes(self, seed)
        for key, mode in self.modes.items():
            check_mode(mode, key)
        for key in ("playground", "mnist"):
            if key in self.modes:
                setattr(self, key, self.modes[key])
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        # long tooltips wrapped to a readable width (gui/tooltips.py): now, on a mode switch, and shortly
        # after a mode's content changed (new rows, new tooltips)
        self._tips_timer = QTimer(self, singleShot=True, interval=300)
        self._tips_timer.timeout.connect(self._wrap_tooltips_when_idle)
        for mode in self.modes.values():
            self.tabs.addTab(mode, mode.title)
            mode.changed.connect(self._tips_timer.start)
            mode.status.connect(self._mode_status)
            mode.changed.connect(self._update_edit_actions)   # its undo history may have changed
            mode.status.connect(self._update_edit_actions)
        self.setCentralWidget(self.tabs)
        self.errors = ErrorReporter(self)
        self.autosave = Autosave(data_dir)
        self.project = ProjectController(self, self.modes, self.settings, self.autosave, autosave_ms)
        self.project.title_changed.connect(self.setWindowTitle)
        self.files = FileActions(self, self.settings, self.project.error)
        self.actions_by_name: dict[str, QAction] = {}
        self._mode_model_actions: list[QAction] = []
        self._texts: list = []     # (action or menu, text source, tip source): set again after a language switch
        self._build_menus()
        self.tabs.currentChanged.connect(self._mode_switched)
        self.resize(1400, 860)
        tab = self.settings.restore_window(self)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)
        self.setWindowTitle(self.project.title())
        self._mode_switched()
        self.statusBar().messageChanged.connect(self._status_changed)
        self.statusBar().showMessage(tr("Ready"), 3000)
        self.keys = FieldKeys(self, lambda: self.mode)
        self.keys.install()
        self.wrap_tooltips()
        on_language_change(self, self._retranslate, now=False)

    def set_language(self, code: str) -> None:
        """View → Language: switch every text now (no restart) and remember the choice."""
        self.settings.q.setValue("language", code)
        set_language(code)
        a = self.actions_by_name.get(f"language_{current_language()}")
        if a is not None:
            a.setChecked(True)
        self.wrap_tooltips()

    @Slot()
    def wrap_tooltips(self) -> int:
        """Wrap every long plain tooltip of the window (gui/tooltips.py); returns how many changed."""
        return wrap_tooltips(self)

    @Slot()
    def _wrap_tooltips_when_idle(self) -> None:
        """The walk over every widget takes a few milliseconds: not while a mode trains (a frame would skip)."""
        if any(_busy(mode) for mode in self.modes.values()):
            self._tips_timer.start(2000)
        else:
            self.wrap_tooltips()

    # -- modes ---------------------------------------------------------------------------------
    @property
    def mode(self):
        return self.tabs.currentWidget()

    def current_mode_key(self) -> str:
        for key, mode in self.modes.items():
            if mode is self.mode:
                return key
        return ""

    def set_current_mode_key(self, key) -> None:
        mode = self.modes.get(key) if isinstance(key, str) else None
        if mode is not None:
            self.tabs.setCurrentWidget(mode)

    def _call(self, method: str):
        """A slot running `mode.<method>()` on the current mode through `_command`."""
        return lambda *_: self._command(lambda mode: getattr(mode, method)())

    def _command(self, command) -> None:
        """Run a menu command, `command(mode)`, on the current mode; errors land in the status bar."""
        mode = self.mode
        if mode is None:
            return
        try:
            command(mode)
        except Exception as exc:
            if not isinstance(exc, (ValueError,)):
                traceback.print_exc(file=sys.stderr)
            self.show_status(Message.error(translated(str(exc)) if isinstance(exc, ValueError) else short_message(exc)))
        self._update_edit_actions()

    @Slot()
    def _update_edit_actions(self) -> None:
        """Edit → Undo/Redo are enabled when the current mode can undo/redo (always, if it cannot tell)."""
        a = self.actions_by_name
        if "undo" not in a:
            return
        for name, ask in (("undo", can_undo), ("redo", can_redo)):
            try:
                enabled = ask(self.mode)
            except Exception:
                traceback.print_exc(file=sys.stderr)
                enabled = True
            a[name].setEnabled(enabled)

    # -- menus ---------------------------------------------------------------------------------
    def _action(self, menu, name, text, slot, shortcut=None, tip="") -> QAction:
        """A menu action; `text` and `tip` are English sources (QT_TR_NOOP), shown in the current language."""
        action = QAction(self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        self._texts.append((action, text, tip))
        self._apply_text(action, text, tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _menu(self, parent, title):
        menu = parent.addMenu("")
        self._texts.append((menu, title, ""))
        menu.setTitle(tr(title))
        return menu

    @staticmethod
    def _apply_text(item, text, tip) -> None:
        if isinstance(item, QAction):
            item.setText(tr(text) if isinstance(text, str) else text())
            if tip:
                shown = tr(tip) if isinstance(tip, str) else tip()
                item.setStatusTip(shown)
                item.setToolTip(shown)
        else:
            item.setTitle(tr(text))

    def _retranslate(self) -> None:
        for item, text, tip in self._texts:
            self._apply_text(item, text, tip)
        for i, mode in enumerate(self.modes.values()):
            self.tabs.setTabText(i, mode.title)
        self.recent_menu.clear()    # menus filled when shown (aboutToShow): not left in the old language
        self.plot_menu.clear()
        self.setWindowTitle(self.project.title())
        if self.last_message.text:
            self.show_status(self.last_message)
        else:
            self.statusBar().clearMessage()
        self._tips_timer.start()    # the modes set their tooltips again, unwrapped: wrap them once more

    def _build_menus(self) -> None:
        bar = self.menuBar()
        p, f = self.project, self.files
        m = self._menu(bar, QT_TR_NOOP("&File"))
        self.file_menu = m
        self._action(m, "new", QT_TR_NOOP("&New"), lambda: p.new_project(), QKeySequence.New,
                     QT_TR_NOOP("Start a new project: the default points and network."))
        self._action(m, "open", QT_TR_NOOP("&Open…"), lambda: p.open_project(), QKeySequence.Open,
                     QT_TR_NOOP("Open a project file (.mlpproj) with its points, network, weights and history."))
        self.recent_menu = self._menu(m, QT_TR_NOOP("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self._action(m, "save", QT_TR_NOOP("&Save"), lambda: p.save(), QKeySequence.Save,
                     QT_TR_NOOP("Save the project: points, network, settings, trained weights and loss history."))
        self._action(m, "save_as", QT_TR_NOOP("Save &As…"), lambda: p.save_as(), QKeySequence("Ctrl+Shift+S"),
                     QT_TR_NOOP("Save the project under a new name."))
        m.addSeparator()
        self._action(m, "import_csv", QT_TR_NOOP("&Import points (CSV)…"), lambda: f.import_points(self.mode),
                     tip=QT_TR_NOOP("Read points from a CSV file with columns x1,x2,label "
                                    "(or x1,x2,target / x,target)."))
        self._action(m, "export_csv", QT_TR_NOOP("&Export points (CSV)…"), lambda: f.export_points(self.mode),
                     tip=QT_TR_NOOP("Write the current points to a CSV file."))
        self.plot_menu = self._menu(m, QT_TR_NOOP("Export &plot as PNG"))
        self.plot_menu.aboutToShow.connect(self._fill_plots)
        self._model_separator = m.addSeparator()
        self._action(m, "save_model", QT_TR_NOOP("Save &model…"), lambda: f.save_model(self.mode),
                     tip=QT_TR_NOOP("Save the trained network with its input features and scaling "
                                    "as a model file (.npz)."))
        self._action(m, "load_model", QT_TR_NOOP("&Load model…"), lambda: f.load_model(self.mode),
                     tip=QT_TR_NOOP("Load a model file saved by MLP Studio."))
        self._action(m, "export_script", QT_TR_NOOP("Export &NumPy script…"), lambda: f.export_script(self.mode),
                     tip=QT_TR_NOOP("Write the trained network as a short Python script that needs only NumPy."))
        self._action(m, "export_torch", QT_TR_NOOP("Export for P&yTorch…"), lambda: f.export_torch(self.mode),
                     tip=QT_TR_NOOP("Write a Python file building the same torch.nn.Sequential, "
                                    "with its weights beside it."))
        m.addSeparator()
        self._action(m, "quit", QT_TR_NOOP("&Quit"), self.close, QKeySequence.Quit, QT_TR_NOOP("Close MLP Studio."))
        m.aboutToShow.connect(self._update_file_menu)

        m = self._menu(bar, QT_TR_NOOP("&Edit"))
        self.edit_menu = m
        m.aboutToShow.connect(self._update_edit_actions)
        self._action(m, "undo", QT_TR_NOOP("&Undo"), self._call("undo"), QKeySequence.Undo,
                     QT_TR_NOOP("Undo the last change to the points or the network "
                                "(undoing a network change brings back the trained weights)."))
        redo_keys = [QKeySequence(QKeySequence.Redo), QKeySequence("Ctrl+Shift+Z")]
        redo_keys = [k for i, k in enumerate(redo_keys) if k not in redo_keys[:i]]
        self._action(m, "redo", QT_TR_NOOP("&Redo"), self._call("redo"), redo_keys,
                     QT_TR_NOOP("Redo what was undone."))

        m = self._menu(bar, QT_TR_NOOP("&Train"))
        self._action(m, "play_pause", QT_TR_NOOP("&Play / pause"), self._call("play_pause"),
                     Qt.Key_Space,
                     QT_TR_NOOP("Start or pause training; the weights are kept while paused."))
        self._action(m, "step", QT_TR_NOOP("&Step one epoch"), self._call("step"), Qt.Key_S,
                     QT_TR_NOOP("Train for one epoch (one pass over the data), then pause."))
        self._action(m, "reset", QT_TR_NOOP("&Reset weights"), self._call("reset"), Qt.Key_R,
                     QT_TR_NOOP("Start again from new random weights; the points and network shape stay."))

        m = self._menu(bar, QT_TR_NOOP("&View"))
        for i, mode in enumerate(self.modes.values()):
            self._action(m, f"tab{i}", lambda w=mode: w.title,
                         lambda checked=False, w=mode: self.tabs.setCurrentWidget(w),
                         QKeySequence(f"Ctrl+{i + 1}"), lambda w=mode: fill(tr("Switch to the %1."), w.title))
        m.addSeparator()
        theme_menu = self._menu(m, QT_TR_NOOP("&Theme"))
        group = QActionGroup(self)
        current = str(self.settings.q.value("theme", "system"))
        for name in THEMES:
            a = self._action(theme_menu, f"theme_{name}", THEME_NAMES[name],
                             lambda checked=False, n=name: self.set_theme(n), tip=THEME_TIPS[name])
            a.setCheckable(True)
            a.setChecked(name == current)
            group.addAction(a)
        language_menu = self._menu(m, QT_TR_NOOP("&Language"))
        group = QActionGroup(self)
        languages = available_languages()
        for code, native in LANGUAGES.items():
            # each language is named in its own language, so a user who cannot read the current one finds it
            a = QAction(native, self, checkable=True)
            a.setEnabled(code in languages)
            a.setStatusTip(native)
            a.setChecked(code == current_language())
            a.triggered.connect(lambda checked=False, c=code: self.set_language(c))
            language_menu.addAction(a)
            group.addAction(a)
            self.actions_by_name[f"language_{code}"] = a

        m = self._menu(bar, QT_TR_NOOP("&Help"))
        self._action(m, "help", QT_TR_NOOP("MLP Studio &Help"), self.show_help, QKeySequence.HelpContents,
                     QT_TR_NOOP("The ideas behind the app and how to use it."))
        self._action(m, "about", lambda: fill(tr("&About %1"), APP_NAME), self.show_about,
                     tip=QT_TR_NOOP("Versions, licences and the MNIST credit."))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for i, name in enumerate(files):
            a = self.recent_menu.addAction(f"&{i + 1} {Path(name).name}")
            a.setToolTip(name)
            a.setStatusTip(name)
            a.triggered.connect(lambda checked=False, n=name: self.project.open_project(n))
        if not files:
            self.recent_menu.addAction(tr("No recent projects")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(tr("Clear list")).triggered.connect(self.settings.clear_recent)

    def _fill_plots(self) -> None:
        self.plot_menu.clear()
        plots = self.files.plots(self.mode)
        for name in plots:
            self.plot_menu.addAction(tr(name) + "…").triggered.connect(
                lambda checked=False, n=name: self.files.export_plot(self.mode, n))
        if not plots:
            self.plot_menu.addAction(tr("No plots in this mode")).setEnabled(False)

    @Slot()
    def _update_file_menu(self) -> None:
        can = capabilities(self.mode)
        a = self.actions_by_name
        a["import_csv"].setEnabled("import_points" in can)
        a["export_csv"].setEnabled("export_points" in can)
        self.plot_menu.setEnabled("plots" in can)
        own = self._mode_model_actions
        a["save_model"].setVisible(not own)
        a["load_model"].setVisible(not own)
        a["save_model"].setEnabled("current_pipeline" in can)
        a["load_model"].setEnabled("load_pipeline" in can)
        a["export_script"].setEnabled("current_pipeline" in can)
        a["export_torch"].setEnabled("current_pipeline" in can)

    @Slot()
    def _mode_switched(self, *_args) -> None:
        """Put the current mode's own model actions (if it has any) into the File menu."""
        for action in self._mode_model_actions:
            self.file_menu.removeAction(action)
        self._mode_model_actions = []
        mode = self.mode
        if not self.last_message.is_error:
            self.statusBar().clearMessage()     # the other mode's message does not describe this one
        if isinstance(mode, ModelActions):
            try:
                actions = list(mode.model_actions() or [])
            except Exception:
                traceback.print_exc(file=sys.stderr)
                actions = []
            anchor = self.actions_by_name["save_model"]
            taken = {k.toString() for a in self.actions_by_name.values() for k in a.shortcuts()}
            for action in actions:
                clash = [k.toString() for k in action.shortcuts() if k.toString() in taken]
                if clash:  # the window's standard keys win (e.g. Ctrl+Shift+S is Save As)
                    print(f"MLP Studio: {action.text()!r} loses its shortcut {', '.join(clash)}, "
                          "which the window uses", file=sys.stderr)
                    action.setShortcuts([k for k in action.shortcuts() if k.toString() not in taken])
                self.file_menu.insertAction(anchor, action)
            self._mode_model_actions = actions
        self._update_file_menu()
        self._update_edit_actions()
        self._tips_timer.start()

    # -- dialogs ---------------------------------------------------------------------------------
    def show_help(self) -> None:
        from gui.dialogs.help import HelpDialog
        dialog = self._help
        if dialog is None:
            dialog = self._help = HelpDialog(self)
        dialog.show()
        dialog.raise_()
        return dialog

    def show_about(self):
        from gui.dialogs.about import AboutDialog
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def set_theme(self, name: str) -> None:
        self.settings.q.setValue("theme", name)
        apply_theme(name)
        apply_to_plots(self)

    @Slot(object)
    def show_status(self, message, timeout: int | None = None) -> None:
        """Show a Message (or plain text: info) in the status bar; errors look different and stay longer."""
        msg = as_message(message)
        self.last_message = msg
        bar = self.statusBar()
        bar.setStyleSheet(ERROR_STYLE if msg.is_error and msg.text else "")
        bar.showMessage(msg.text, timeout if timeout is not None else (ERROR_MS if msg.is_error else STATUS_MS))

    @Slot(object)
    def _mode_status(self, message) -> None:
        """A mode's message: shown if the mode is the one on screen, or if it is an error (a hidden mode's
        info, e.g. the playground's "Paused at epoch 52", would be stale next to the other mode)."""
        if self.sender() is self.mode or as_message(message).is_error:
            self.show_status(message)

    def show_error(self, text: str) -> None:
        self.show_status(Message.error(text))

    @Slot(str)
    def _status_changed(self, text: str) -> None:
        """A message went away or was replaced by Qt itself (e.g. a menu's status tip): back to plain."""
        if text != self.last_message.text:
            self.statusBar().setStyleSheet("")
            if not text:
                self.last_message = Message.info("")

    def is_closed(self) -> bool:
        """True once the window has closed for good (its texts are no longer translated)."""
        return self._closed

    # -- events ----------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() == QEvent.PaletteChange:
            from gui.theme import configure_plot_colors
            configure_plot_colors()
            apply_to_plots(self)
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        if self._closed:
            event.accept()
            return
        if not self.project.maybe_save():
            event.ignore()
            return
        self._closed = True
        try:
            self.settings.save_window(self, self.tabs.currentIndex())
            self.settings.sync()
        except Exception:
            traceback.print_exc(file=sys.stderr)
        for mode in self.modes.values():
            try:
                mode.shutdown()
            except Exception:
                traceback.print_exc(file=sys.stderr)
        self.project.stop_timers()
        self.keys.uninstall()
        self.autosave.clean_exit()
        self.errors.uninstall()
        super().closeEvent(event)

