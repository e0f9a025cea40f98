"""Crash recovery: each running MLP Studio autosaves its project to its own recovery file and
holds a lock beside it. A recovery file whose lock is free belongs to a session that ended
without closing cleanly (crash, kill, power cut): that is what the next start offers back.

Files live in <app data>/recovery/ (QStandardPaths.AppDataLocation), or in the folder named by
the MLP_STUDIO_DATA_DIR environment variable or the `data_dir` argument (tests, portable use).
"""
from __future__ import annotations

import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from engine.project_file import EXTENSION, load_project, save_project

DATA_DIR_ENV = "MLP_STUDIO_DATA_DIR"
PREFIX = "autosave-"


def default_data_dir() -> Path:
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env)
    return Path(QStandardPaths.writableLocation(QStandardPaths.AppDataLocation))


@dataclass(frozen=True)
class Orphan:
    """An autosave left behind by a session that did not end cleanly."""
    path: Path
    mtime: float


class Autosave:
    def __init__(self, data_dir=None):
        self.folder = (Path(data_dir) if data_dir is not None else default_data_dir()) / "recovery"
        self.session = uuid.uuid4().hex[:12]
        self.path = self.folder / f"{PREFIX}{self.session}{EXTENSION}"
        self._lock: QLockFile | None = None
        self.writes = 0

    def _ensure_lock(self) -> bool:
        if self._lock is not None:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"MLP Studio: cannot create the recovery folder {self.folder}: {exc}", file=sys.stderr)
            return False
        lock = QLockFile(str(self.path.with_suffix(".lock")))
        lock.setStaleLockTime(0)  # never "stale" by age: this session holds it for hours
        if not lock.tryLock(0):
            return False
        self._lock = lock
        return True

    def write(self, state: dict) -> bool:
        """Save `state` to this session's recovery file (atomic). False if that was impossible."""
        if not self._ensure_lock():
            return False
        save_project(self.path, state)  # ProjectFileError on failure: the caller logs it
        self.writes += 1
        return True

    def remove(self) -> None:
        """Delete this session's recovery file (after a save, or on a clean exit); keep the lock."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            print(f"MLP Studio: cannot delete {self.path}: {exc}", file=sys.stderr)

    def clean_exit(self) -> None:
        self.remove()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def abandon(self) -> None:
        """Let go of the lock but keep the file, as a crash would (used by tests)."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # -- the next start -----------------------------------------------------------------------
    def orphans(self) -> list[Orphan]:
        """Recovery files of sessions that are not running any more, newest first."""
        found = []
        try:
            candidates = list(self.folder.glob(f"{PREFIX}*{EXTENSION}"))
        except OSError:
            return []
        for path in candidates:
            if path == self.path:
                continue
            probe = QLockFile(str(path.with_suffix(".lock")))
            probe.setStaleLockTime(0)
            if not probe.tryLock(0):  # its session is still running
                continue
            probe.unlock()
            try:
                found.append(Orphan(path, path.stat().st_mtime))
            except OSError:
                continue
        return sorted(found, key=lambda o: o.mtime, reverse=True)

    @staticmethod
    def load(orphan: Orphan) -> dict:
        return load_project(orphan.path)  # ProjectFileError if the autosave itself is damaged

    @staticmethod
    def discard(orphan: Orphan) -> None:
        for p in (orphan.path, orphan.path.with_suffix(".lock")):
            try:
                p.unlink()
            except OSError:
                pass
