"""The playground's undo history: point edits and network edits on one stack per task, in order.

A point edit keeps its data in PointsModel (which has its own per-task stacks); this history holds
a POINTS marker for it, so one Ctrl+Z undoes whichever edit came last. A network edit (a change of
the network's structure, a reset, a loaded model) holds the network as it was: a NetState. A change
of the class count is both: a NetState with `with_points` set, undone by one step of PointsModel's
history and the network put back.
The stacks are bounded by count and by the bytes of the networks they hold.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

POINTS = "points"            # marker: the next step of PointsModel's own history
UNDO_DEPTH = 50              # entries per task, undo and redo together
MAX_BYTES = 64 << 20         # bytes of the NetStates of one task's stacks together


@dataclass(frozen=True, eq=False)
class NetState:
    """A network as the user had it: its recipe, weights (None = not built yet), counters, loss history."""
    recipe: dict
    weights: dict | None
    counters: tuple
    history: dict
    adopted: bool = False
    with_points: bool = False    # the edit also made one step of PointsModel's history (class count)

    @property
    def nbytes(self) -> int:
        n = sum(np.asarray(v).nbytes for v in (self.weights or {}).values())
        return n + sum(v.nbytes for v in self.history.values() if isinstance(v, np.ndarray))

    @property
    def trained(self) -> bool:
        return self.counters[1] > 0 or self.adopted


def _has_points(entry) -> bool:
    return (isinstance(entry, str) and entry == POINTS) or (isinstance(entry, NetState) and entry.with_points)


def _size(entry) -> int:
    return entry.nbytes if isinstance(entry, NetState) else 0


class UndoHistory:
    """Per task an undo and a redo stack of POINTS markers and NetStates."""

    def __init__(self, tasks, on_forget_points=None, *, depth: int = UNDO_DEPTH, max_bytes: int = MAX_BYTES):
        self._undo = {t: [] for t in tasks}
        self._redo = {t: [] for t in tasks}
        self._on_forget_points = on_forget_points   # called with the task when its oldest POINTS marker goes
        self.depth, self.max_bytes = int(depth), int(max_bytes)

    def can_undo(self, task) -> bool:
        return bool(self._undo[task])

    def can_redo(self, task) -> bool:
        return bool(self._redo[task])

    def top(self, task):
        return self._undo[task][-1] if self._undo[task] else None

    def __len__(self) -> int:
        return sum(len(s) for s in self._undo.values()) + sum(len(s) for s in self._redo.values())

    def nbytes(self, task) -> int:
        return sum(_size(e) for e in self._undo[task] + self._redo[task])

    def push(self, task, entry) -> None:
        """A new edit: it goes on the undo stack and the redo stack is cleared."""
        self._redo[task].clear()
        self._undo[task].append(entry)
        self._trim(task)

    def replace_top(self, task, entry) -> None:
        self._undo[task][-1] = entry
        self._trim(task)

    def pop_undo(self, task):
        return self._undo[task].pop() if self._undo[task] else None

    def pop_redo(self, task):
        return self._redo[task].pop() if self._redo[task] else None

    def push_undo(self, task, entry) -> None:
        """After a redo: back on the undo stack, the rest of the redo stack stays."""
        self._undo[task].append(entry)
        self._trim(task)

    def push_redo(self, task, entry) -> None:
        self._redo[task].append(entry)
        self._trim(task)

    def clear(self) -> None:
        for s in (*self._undo.values(), *self._redo.values()):
            s.clear()

    def _trim(self, task) -> None:
        """Forget the oldest undo steps while the stacks hold too many entries or bytes (the most
        recent undo step and the redo steps stay)."""
        undo, redo = self._undo[task], self._redo[task]
        size = self.nbytes(task)
        while len(undo) > 1 and (len(undo) + len(redo) > self.depth or size > self.max_bytes):
            old = undo.pop(0)
            size -= _size(old)
            if _has_points(old) and self._on_forget_points is not None:
                self._on_forget_points(task)
