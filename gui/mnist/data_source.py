"""MnistData: the MNIST lab's data set and its loading (no widgets).

Holds the loaded engine.idx.ImageDataset and the folder it came from (None: the bundled MNIST),
and loads another one on a worker (through a gui.training_controller.RunController, which drops
what a replaced load still sends). The session listens to `changed` (the progress, the error) and
`ready(is_user_change)` (a new data set is in place).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.mnist.jobs import DataReady, LoadProgress, load_job
from gui.training_controller import RunController


class MnistData(QObject):
    changed = Signal()        # loading, progress or error changed
    ready = Signal(bool)      # a new data set is in place; True if the user chose it (a project change)
    failed = Signal(str)      # the load failed: why
    finished = Signal()       # the load ended (after `ready` or `failed`)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.runs = RunController(self)
        self.runs.snapshot.connect(self._on_snapshot)
        self.runs.ended.connect(self._on_ended)
        self.data = None
        self.folder: str | None = None
        self.progress: float | None = None   # 0–1 while loading
        self.error = ""                       # why the last load failed ('' if it did not)
        self._restoring = False               # the load restores a project's data: no user change

    @property
    def loading(self) -> bool:
        return self.runs.running("load")

    @property
    def loaded(self) -> bool:
        return self.data is not None

    def load(self, folder=None, *, restoring: bool = False) -> None:
        """Load the bundled MNIST (folder None) or an IDX folder, on a worker."""
        folder = None if folder is None else str(folder)
        self._restoring = restoring
        self.progress, self.error = 0.0, ""
        self.runs.start("load", load_job(folder))
        self.changed.emit()

    def set(self, data, folder: str | None = None, *, restoring: bool = False) -> None:
        """Use an already loaded data set."""
        had, prev = self.data is not None, self.folder
        self.data, self.folder = data, folder
        user = not restoring and ((had and prev != folder) or (not had and folder is not None))
        self.ready.emit(user)

    def cancel(self) -> None:
        self.runs.discard_all()
        self.progress = None

    def _on_snapshot(self, _kind: str, snap) -> None:
        if isinstance(snap, LoadProgress):
            self.progress = snap.fraction
            self.changed.emit()
        elif isinstance(snap, DataReady):
            self.set(snap.data, snap.folder, restoring=self._restoring)

    def _on_ended(self, _kind: str, reason: str, message: str) -> None:
        self.progress, self._restoring = None, False
        if reason == "failed":
            self.error = message
        self.changed.emit()
        if reason == "failed":
            self.failed.emit(message)
        self.finished.emit()
