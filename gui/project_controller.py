"""Projects: New / Open / Save / Save As / Open Recent, the unsaved-changes prompt, autosave and
crash recovery. The window owns one ProjectController; the modes take part through the MODE
INTERFACE only (`get_state()`, `set_state()`, `changed`, `busy()`; see gui/mode_api.py).

Training is work: a mode's `changed` marks the project unsaved, and so does training itself — the
controller looks at the modes every TRAINING_POLL_MS and counts a mode that trains (its optional
`progress()` moved on, or, for a mode without it, `busy()` is true) as an unsaved change.

A project's state is {"app": {...}, "current_mode": key, "modes": {key: mode.get_state(), ...}}.
"""
from __future__ import annotations

import datetime as _dt
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.errors import ProjectFileError
from engine.project_file import EXTENSION, check_project_state, parse_project, save_project
from gui.autosave import Autosave
from gui.constants import APP_NAME, AUTOSAVE_MS, PROJECT_FILTER, VERSION
from gui.engine_text import translated
from gui.errors import short_message, unattended
from gui.file_actions import file_filter
from gui.i18n import QT_TR_NOOP, fill, tr
from gui.messages import Message
from gui.mode_api import StateValidator, TrainingProgress
from gui.settings import AppSettings

TRAINING_POLL_MS = 500


def _part_error(file_name: str, mode, exc: Exception) -> ProjectFileError:
    """The error for a mode that refused its part of a project: a ValueError's own words, else a short
    message (and the traceback on stderr: that is a bug)."""
    if not isinstance(exc, ValueError):
        traceback.print_exception(exc, file=sys.stderr)
    reason = translated(str(exc)) if isinstance(exc, ValueError) else short_message(exc)
    return ProjectFileError(fill(tr("%1: the %2 part cannot be opened: %3"), file_name, mode.title, reason))


def _when(timestamp: float) -> str:
    """A time and date for a person ("14:05 on 29 Nov 2026"), in the current language."""
    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    loc = QLocale()
    return fill(tr("%1 on %2", "a time on a date"), loc.toString(moment.time(), "HH:mm"),
                loc.toString(moment.date(), "d MMM yyyy"))


class ProjectController(QObject):
    title_changed = Signal(str)

    def __init__(self, window, modes: dict, settings: AppSettings, autosave: Autosave,
                 autosave_ms: int = AUTOSAVE_MS):
        super().__init__(window)
        self.window = window
        self.modes = modes
        self.settings = settings
        self.autosave = autosave
        self.path: Path | None = None
        self.modified = False
        self._dirty_since_autosave = False
        self._suspended = 0
        self._blank = {}
        for key, mode in modes.items():
            try:
                self._blank[key] = mode.get_state()
            except Exception:  # a mode without a usable state simply is not part of projects
                traceback.print_exc(file=sys.stderr)
            mode.changed.connect(self.mark_modified)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(int(autosave_ms))
        self.timer.timeout.connect(self.autosave_now)
        self._progress = {key: self._progress_of(mode) for key, mode in modes.items()}
        self.training_timer = QTimer(self)
        self.training_timer.setInterval(TRAINING_POLL_MS)
        self.training_timer.timeout.connect(self.check_training)
        self.training_timer.start()

    def stop_timers(self) -> None:
        self.timer.stop()
        self.training_timer.stop()

    # -- training is work ------------------------------------------------------------------------
    @staticmethod
    def _progress_of(mode):
        try:
            return mode.progress() if isinstance(mode, TrainingProgress) else None
        except Exception:
            traceback.print_exc(file=sys.stderr)
            return None

    @Slot()
    def check_training(self) -> bool:
        """Mark the project unsaved if a mode trained since the last look; True if one did."""
        trained = False
        for key, mode in self.modes.items():
            if isinstance(mode, TrainingProgress):
                now = self._progress_of(mode)
                if now != self._progress.get(key):
                    self._progress[key] = now
                    trained = True
            else:
                try:
                    trained |= bool(mode.busy())
                except Exception:
                    traceback.print_exc(file=sys.stderr)
        if trained:
            self.mark_modified()
        return trained

    def _forget_progress(self) -> None:
        """After a save, open or New: what the modes have now is not a change."""
        self._progress = {key: self._progress_of(mode) for key, mode in self.modes.items()}

    # -- state of the project -----------------------------------------------------------------
    @property
    def display_name(self) -> str:
        return self.path.name if self.path is not None else tr("Untitled")

    def title(self) -> str:
        return f"{self.display_name}{'*' if self.modified else ''} — {APP_NAME}"

    @Slot()
    def mark_modified(self) -> None:
        if self._suspended:
            return
        self._dirty_since_autosave = True
        if not self.timer.isActive():
            self.timer.start()
        self._set_modified(True)

    def _set_modified(self, flag: bool) -> None:
        self.modified = bool(flag)
        self.title_changed.emit(self.title())

    def _set_path(self, path) -> None:
        self.path = None if path is None else Path(path)
        self.title_changed.emit(self.title())

    def collect_state(self) -> dict:
        """Everything that goes into the project file (exceptions from a mode propagate)."""
        return {"app": {"name": APP_NAME, "version": VERSION},
                "current_mode": self.window.current_mode_key(),
                "modes": {key: mode.get_state() for key, mode in self.modes.items() if key in self._blank}}

    def apply_state(self, state, name: str = "project") -> None:
        """Restore every mode from `state`, or — if any part is refused — restore what was there before
        and raise ProjectFileError: either all of the project is opened or nothing changes."""
        check_project_state(state, name)
        before, applied = {}, []
        self._suspended += 1
        try:
            for key, mode in self.modes.items():
                if key in self._blank:
                    before[key] = mode.get_state()
            for key, mode in self.modes.items():
                if key not in self._blank:
                    continue
                part = state["modes"].get(key, self._blank[key])
                try:
                    mode.set_state(part)
                except Exception as exc:
                    for done in reversed(applied):
                        try:
                            self.modes[done].set_state(before[done])
                        except Exception:
                            traceback.print_exc(file=sys.stderr)
                    raise _part_error(name, mode, exc) from None
                applied.append(key)
            self.window.set_current_mode_key(state.get("current_mode"))
        finally:
            QTimer.singleShot(0, self._resume)  # `changed` queued by set_state is not a user change

    @Slot()
    def _resume(self) -> None:
        self._suspended = max(0, self._suspended - 1)

    # -- validation without opening ----------------------------------------------------------
    def validate(self, path) -> dict:
        """Read and check the project at `path` without changing anything: the file must parse and every
        mode that can check a state (`validate_state`) must accept its part. Returns the state;
        raises ProjectFileError with a clear message."""
        path = Path(path)
        state = parse_project(path)
        for key, mode in self.modes.items():
            if key not in self._blank or not isinstance(mode, StateValidator):
                continue
            part = state["modes"].get(key, self._blank[key])
            try:
                mode.validate_state(part)
            except Exception as exc:
                raise _part_error(path.name, mode, exc) from None
        return state

    # -- prompts and dialogs ------------------------------------------------------------------
    def _say(self, source: str, *args) -> None:
        """An info message: `source` marked with QT_TR_NOOP, `args` for its %1…"""
        self.window.show_status(Message.info(source, *args), 5000)

    def error(self, title: str, message) -> None:
        """An error for the user: `title` (translated) over `message` (a translated str, or a Message)."""
        msg = message if isinstance(message, Message) else Message.error(str(message))
        if not msg.is_error:
            msg = Message.error(msg.source, *msg.args)
        self.window.show_status(msg)
        print(f"MLP Studio: {msg.text}", file=sys.stderr)
        if not unattended():
            QMessageBox.warning(self.window, title, msg.text)

    def maybe_save(self) -> bool:
        """Before the project is replaced or closed: True to go on, False to stay (Cancel, failed save)."""
        if not self.modified:
            return True
        if unattended():
            return True
        answer = QMessageBox.question(
            self.window, tr("Unsaved changes"),
            fill(tr("Do you want to save the changes to %1?\nIf you don't save, your changes will be lost."),
                 self.display_name),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def _ask_path(self, save: bool) -> Path | None:
        start = str(self.path) if (save and self.path is not None) else self.settings.last_folder("project")
        if save:
            name, _ = QFileDialog.getSaveFileName(self.window, tr("Save project"), start, file_filter(PROJECT_FILTER))
        else:
            name, _ = QFileDialog.getOpenFileName(self.window, tr("Open project"), start, file_filter(PROJECT_FILTER))
        if not name:
            return None
        p = Path(name)
        if save and not p.suffix:
            p = p.with_suffix(EXTENSION)
        return p

    # -- the File menu --------------------------------------------------------------------------
    def new_project(self) -> bool:
        if not self.maybe_save():
            return False
        try:
            self.apply_state({"modes": dict(self._blank), "current_mode": self.window.current_mode_key()},
                             tr("New", "a new project, named at the start of an error message"))
        except ProjectFileError as exc:
            self.error(tr("New project"), translated(str(exc)))
            return False
        self._after_replace(None)
        self._say(QT_TR_NOOP("New project"))
        return True

    def open_project(self, path=None) -> bool:
        if not self.maybe_save():
            return False
        path = Path(path) if path else self._ask_path(save=False)
        if path is None:
            return False
        try:
            state = parse_project(path)
            self.apply_state(state, path.name)
        except ProjectFileError as exc:
            self.error(tr("Open project"), translated(str(exc)))
            if not path.exists():
                self.settings.remove_recent(path)
            return False
        self._after_replace(path)
        self.settings.add_recent(path)
        self.settings.set_last_folder("project", path)
        self._say(QT_TR_NOOP("Opened %1"), path.name)
        return True

    def _after_replace(self, path) -> None:
        """The window now shows (New, Open) or has saved (Save) the project at `path`: nothing unsaved."""
        self._forget_progress()
        self._set_path(path)
        self._dirty_since_autosave = False
        self.timer.stop()
        self.autosave.remove()
        self._set_modified(False)

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self.write(self.path)

    def save_as(self) -> bool:
        path = self._ask_path(save=True)
        return False if path is None else self.write(path)

    def write(self, path) -> bool:
        path = Path(path)
        try:
            state = self.collect_state()
            save_project(path, state)
        except ProjectFileError as exc:
            self.error(tr("Save project"), translated(str(exc)))
            return False
        except Exception as exc:  # a mode's get_state failed: nothing was written
            traceback.print_exc(file=sys.stderr)
            self.error(tr("Save project"), fill(tr("%1: not saved. %2"), path.name, short_message(exc)))
            return False
        self._after_replace(path)
        self.settings.add_recent(path)
        self.settings.set_last_folder("project", path)
        self._say(QT_TR_NOOP("Saved %1"), path.name)
        return True

    # -- autosave and recovery ----------------------------------------------------------------
    @Slot()
    def autosave_now(self) -> bool:
        if not self._dirty_since_autosave or not self.modified:
            return False
        try:
            state = self.collect_state()
            state["recovery"] = {"origin": None if self.path is None else str(self.path),
                                 "saved_at": _dt.datetime.now().isoformat(timespec="seconds")}
            ok = self.autosave.write(state)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            self.window.show_status(Message.error(QT_TR_NOOP("Autosave failed: %1"), short_message(exc)))
            return False
        if ok:
            self._dirty_since_autosave = False
        return ok

    def offer_recovery(self) -> bool:
        """On start-up: if an earlier session crashed with unsaved work, offer it back. True if restored."""
        orphans = self.autosave.orphans()
        if not orphans or unattended():
            return False
        orphan = orphans[0]
        when = _when(orphan.mtime)
        try:
            state = self.autosave.load(orphan)
        except ProjectFileError as exc:
            print(f"MLP Studio: the autosave {orphan.path} is damaged: {exc}", file=sys.stderr)
            self.autosave.discard(orphan)
            return False
        info = state.pop("recovery", None)
        origin = info.get("origin") if isinstance(info, dict) else None
        if isinstance(origin, str) and origin:
            text = fill(tr("MLP Studio did not close properly last time. Your unsaved work (project %1) was "
                           "autosaved at %2.\n\nRestore it? (No deletes the autosaved copy.)"), Path(origin).name, when)
        else:
            text = fill(tr("MLP Studio did not close properly last time. Your unsaved work was autosaved at %1.\n\n"
                           "Restore it? (No deletes the autosaved copy.)"), when)
        answer = QMessageBox.question(
            self.window, tr("Recover unsaved work?"), text,
            QMessageBox.Yes | QMessageBox.No, QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            self.autosave.discard(orphan)
            return False
        try:
            self.apply_state(state, tr("the autosaved work"))
        except ProjectFileError as exc:
            self.error(tr("Recover unsaved work"), translated(str(exc)))
            return False
        self.autosave.discard(orphan)
        self._set_path(origin if isinstance(origin, str) and origin and Path(origin).exists() else None)
        self._dirty_since_autosave = True
        self._set_modified(True)
        self.autosave_now()
        self.window.show_status(Message.info(QT_TR_NOOP("Recovered the work autosaved at %1; save it to keep it."),
                                             when), 10000)
        return True
