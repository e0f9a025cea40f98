"""RunBook: what both modes' run records share — the RunLog, the slot of the run being recorded,
rename/delete, sweeps on a worker (SweepRunner) and the project round trip. No widgets.

A mode's subclass records its own runs (`put(run)`: one entry per network, updated while it keeps
training), restores them, and starts sweeps with `train(job)`; `say(text, severity)` is the mode's
message line (`text` a gui.messages.Message, translated when read)."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from engine.runs import Run, RunLog
from gui.i18n import QT_TR_NOOP
from gui.messages import EngineText, Message
from gui.runs.sweep_runner import SweepRunner
from gui.runs.text import RunName


class RunBook(QObject):
    changed = Signal(list)         # the log changed; the run indices to select (empty: keep the selection)
    sweep_progress = Signal(int, int, object)   # done, total, a Message (translated when read)
    sweep_finished = Signal(str)

    def __init__(self, parent, say, mark_changed):
        super().__init__(parent)
        self.say = say
        self._mark = mark_changed      # the project has unsaved work (a run was added, renamed or deleted)
        self.log = RunLog()
        self.runner = SweepRunner(self)
        self._slot = None              # the log entry of the run being recorded (None: not recorded yet)
        self._last = None
        self._sweep_sel: list[int] = []
        self.runner.run_done.connect(self._sweep_run)
        self.runner.progress.connect(self.sweep_progress)
        self.runner.finished.connect(self._sweep_end)

    def new_slot(self) -> None:
        """The next recorded run is a new entry (another network)."""
        self._slot = self._last = None

    def restorable(self, index: int) -> Run | None:
        """Run `index` if its weights were kept (a restore can start); None, with a message, if not."""
        run = self.log.runs[index]
        if run.weights is None:
            self.say(Message.error(QT_TR_NOOP("The weights of %1 were not kept: it can be compared, not restored."),
                                   RunName(run.name)), "error")
            return None
        return run

    def put(self, run: Run) -> Run:
        """Add `run`, or replace the entry of the same network's run (keeping its name)."""
        if self._slot is not None and self._slot < len(self.log) and self.log.runs[self._slot] is self._last:
            run = replace(run, name=self._last.name)
            self.log.runs[self._slot] = run
            self.log._cap()
        else:
            self.log.add(run)
            self._slot = len(self.log) - 1
        self._last = self.log.runs[self._slot]
        self.changed.emit([])
        self._mark()
        return self._last

    # -- the panel's intent ------------------------------------------------------------------------
    def rename(self, index: int, name: str) -> None:
        slot_run = self.log.runs[self._slot] if self._slot is not None and self._slot < len(self.log) else None
        try:
            self.log.rename(index, name)
        except (ValueError, IndexError) as exc:
            self.say(Message.error("%1", EngineText(str(exc))), "error")
        if slot_run is not None and index == self._slot:
            self._last = self.log.runs[index]
        self.changed.emit([])
        self._mark()

    def delete(self, indices) -> None:
        slot_run = self._last
        self.log.delete(indices)
        self._slot = next((i for i, r in enumerate(self.log.runs) if r is slot_run), None)
        self.changed.emit([])
        self._mark()

    # -- sweeps ------------------------------------------------------------------------------------
    def train(self, job) -> None:
        self._sweep_sel = []
        self.runner.start(job)

    def stop_sweep(self) -> None:
        self.runner.stop()

    @property
    def sweeping(self) -> bool:
        return self.runner.running

    def _sweep_run(self, run: Run) -> None:
        self.log.add(run)
        self._sweep_sel.append(len(self.log) - 1)
        self.changed.emit(list(self._sweep_sel))
        self._mark()

    def _sweep_end(self, reason: str) -> None:
        done = len(self._sweep_sel)
        if reason == "done":
            self.say(Message.info(QT_TR_NOOP("Sweep finished: %1 runs, shown together in the Runs tab."), done))
        elif reason == "stopped":
            self.say(Message.info(QT_TR_NOOP("Sweep stopped: the %1 finished runs are kept."), done))
        else:
            self.say(Message.error(QT_TR_NOOP("The sweep failed: %1"), EngineText(reason)), "error")
        self.sweep_finished.emit(reason)

    def shutdown(self) -> None:
        self.runner.stop()

    # -- projects ----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return self.log.to_dict()

    def load(self, log: RunLog | dict | None) -> None:
        """Take the runs of a project (None: an older project without runs)."""
        self.runner.stop()
        if isinstance(log, dict):
            log = RunLog.from_dict(log)
        self.log = log if log is not None else RunLog(self.log.max_weights)
        self.new_slot()
        self.changed.emit([])


def parse_runs(state) -> RunLog | None:
    """The runs of a saved mode state (None when it has none: an older project); ValueError if damaged."""
    d = state.get("runs") if isinstance(state, dict) else None
    return None if d is None else RunLog.from_dict(d)
