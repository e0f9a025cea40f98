"""SweepRunner: trains a sweep's runs one after another on a worker thread (never the GUI thread).

A GUI-thread QObject: the worker's signals (frozen SweepProgress values) are queued to its methods.
`run_done(Run)` for every finished run (also after Stop: finished runs are kept), `progress(done,
total, message)` for a progress bar (a gui.messages.Message, translated when read),
`finished(reason)` once: "done", "stopped" or an error message."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.runs.text import RunName
from gui.worker import Worker


class SweepRunner(QObject):
    run_done = Signal(object)
    progress = Signal(int, int, object)
    finished = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._worker = None

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self, job) -> None:
        """Train `job` (a SweepJob); a sweep already running is stopped first."""
        self.stop()
        w = Worker(job, self)
        w.snapshot.connect(self._on_item)
        w.done.connect(self._on_done)
        w.failed.connect(self._on_failed)
        self._worker = w
        self.progress.emit(0, len(job.recipes), Message.info(QT_TR_NOOP("Training %1 …"), RunName(job.recipes[0][0])))
        w.start()

    def stop(self) -> None:
        w = self._worker
        if w is not None:
            w.stop()

    def _current(self, run_id: int) -> bool:
        return self._worker is not None and self._worker.run_id == run_id

    def _on_item(self, run_id: int, p) -> None:
        if not self._current(run_id):
            return
        if p.run is not None:
            self.run_done.emit(p.run)
            self.progress.emit(p.index + 1, p.total, Message.info(QT_TR_NOOP("Finished %1 (%2 of %3)"), RunName(p.name),
                                                                  p.index + 1, p.total))
        else:
            self.progress.emit(p.index, p.total, Message.info(QT_TR_NOOP("Training %1: epoch %2 of %3"),
                                                              RunName(p.name), p.epoch, p.epochs))

    def _end(self, run_id: int, reason: str) -> None:
        if not self._current(run_id):
            return
        w, self._worker = self._worker, None
        w.wait(5000)
        w.deleteLater()
        self.finished.emit(reason)

    def _on_done(self, run_id: int, reason: str) -> None:
        self._end(run_id, reason)

    def _on_failed(self, run_id: int, message: str) -> None:
        self._end(run_id, message)
