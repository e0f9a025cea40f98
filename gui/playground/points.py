"""The playground's points: one set per task, with an undo/redo history of every edit.

A PointSet is immutable: an edit makes a new one and pushes the old one on the undo stack, so
undo is exact (add, a whole paint stroke, erase, clear, preset load, fewer classes).
Each point carries a random `key` in [0, 1); it is a test point when key < test_fraction, so
moving the split slider never reshuffles and the assignment is saved with the points.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal

from engine.tasks import PLAYGROUND_TASKS as TASKS
from engine.tasks import task_of

MAX_POINTS = 20000
UNDO_DEPTH = 200


@dataclass(frozen=True, eq=False)
class PointSet:
    xy: np.ndarray       # (n, 2) float64; for 1-D regression (x, target)
    label: np.ndarray    # (n,) int64 class (classification)
    target: np.ndarray   # (n,) float64 value (2-D regression; 1-D uses xy[:, 1])
    key: np.ndarray      # (n,) float64 in [0, 1): test point when key < test_fraction
    n_classes: int = 2

    @classmethod
    def empty(cls, n_classes: int = 2) -> PointSet:
        return cls(np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0), np.zeros(0), n_classes)

    def __post_init__(self):
        for a in (self.xy, self.label, self.target, self.key):
            a.flags.writeable = False

    @property
    def n(self) -> int:
        return len(self.xy)

    def take(self, mask) -> PointSet:
        return PointSet(self.xy[mask], self.label[mask], self.target[mask], self.key[mask], self.n_classes)

    def to_state(self) -> dict:
        return {"xy": np.array(self.xy), "label": np.array(self.label), "target": np.array(self.target),
                "key": np.array(self.key), "n_classes": int(self.n_classes)}

    @classmethod
    def from_state(cls, d: dict, task: str) -> PointSet:
        try:
            xy = np.asarray(d["xy"], dtype=np.float64).reshape(-1, 2)
            n = len(xy)
            label = np.asarray(d["label"], dtype=np.int64).reshape(n)
            target = np.asarray(d["target"], dtype=np.float64).reshape(n)
            key = np.asarray(d["key"], dtype=np.float64).reshape(n)
            k = int(d["n_classes"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"points for {task}: {exc}") from None
        if not (2 <= k <= 8):
            raise ValueError(f"points for {task}: n_classes must be 2..8, got {k}")
        if n > MAX_POINTS:
            raise ValueError(f"points for {task}: at most {MAX_POINTS} points, got {n}")
        if not (np.all(np.isfinite(xy)) and np.all(np.isfinite(target)) and np.all(np.isfinite(key))):
            raise ValueError(f"points for {task}: NaN or infinite values")
        if n and (label.min() < 0 or label.max() >= k):
            raise ValueError(f"points for {task}: labels must be 0..{k - 1}")
        return cls(xy, label, target, key, k)


class PointsModel(QObject):
    """Holds a PointSet per task and their undo histories; emits `changed` after every edit."""

    changed = Signal()          # the points of the current task changed (edit, undo, task switch)
    split_changed = Signal()    # the train/test fraction changed
    recorded = Signal()         # an edit went on the current task's undo stack (before `changed`)

    def __init__(self, parent=None, *, seed=None):
        super().__init__(parent)
        self._rng = np.random.default_rng(seed)
        self._sets = {t: PointSet.empty() for t in TASKS}
        self._undo = {t: [] for t in TASKS}
        self._redo = {t: [] for t in TASKS}
        self._task = "classification"
        self._stroke_before: PointSet | None = None
        self.test_fraction = 0.3

    # -- reading ---------------------------------------------------------------------------
    @property
    def task(self) -> str:
        return self._task

    def current(self) -> PointSet:
        return self._sets[self._task]

    def point_set_of(self, task: str) -> PointSet:
        return self._sets[task]

    def is_test(self, ps: PointSet | None = None) -> np.ndarray:
        ps = ps or self.current()
        return ps.key < self.test_fraction

    def arrays(self):
        """(X_train, y_train, X_test, y_test) for the engine, in the current task's shapes."""
        ps = self.current()
        test = self.is_test(ps)
        t = task_of(self._task)
        if t.is_classification:
            X, y = ps.xy, ps.label
        elif t.one_d:                   # a curve: x in, the height out
            X, y = ps.xy[:, :1], ps.xy[:, 1]
        else:
            X, y = ps.xy, ps.target
        return X[~test], y[~test], X[test], y[test]

    def can_undo(self) -> bool:
        return bool(self._undo[self._task])

    def undo_depth(self, task: str | None = None) -> int:
        """How many point edits of `task` (default: the current one) can be undone."""
        return len(self._undo[task or self._task])

    def can_redo(self) -> bool:
        return bool(self._redo[self._task])

    # -- edits -----------------------------------------------------------------------------
    def set_task(self, task: str) -> None:
        if task not in TASKS:
            raise ValueError(f"unknown task {task!r}")
        if task != self._task:
            self.end_stroke()
            self._task = task
            self.changed.emit()

    def set_test_fraction(self, f: float) -> None:
        f = float(min(max(f, 0.0), 0.9))
        if f != self.test_fraction:
            self.test_fraction = f
            self.split_changed.emit()

    def _commit(self, new: PointSet, *, record: bool = True) -> None:
        t = self._task
        recorded = record and self._stroke_before is None
        if recorded:
            self._undo[t].append(self._sets[t])
            del self._undo[t][:-UNDO_DEPTH]
            self._redo[t].clear()
        self._sets[t] = new
        if recorded:
            self.recorded.emit()
        self.changed.emit()

    def add(self, x: float, y: float, cls: int = 0, value: float = 0.0) -> bool:
        """Add one point; False (and nothing changes) when the set is full or the class is out of range.
        The regression tasks have no classes: `cls` is ignored there."""
        ps, t = self.current(), task_of(self._task)
        if not t.is_classification:
            cls = 0
        if ps.n >= MAX_POINTS or not (0 <= cls < ps.n_classes):
            return False
        if t.is_classification:
            value = 0.0
        elif t.one_d:
            value = y
        new = PointSet(np.vstack([ps.xy, [[x, y]]]), np.append(ps.label, np.int64(cls)),
                       np.append(ps.target, float(value)), np.append(ps.key, self._rng.random()), ps.n_classes)
        self._commit(new)
        return True

    def erase_near(self, x: float, y: float, radius: float) -> bool:
        """Remove the point nearest to (x, y) if it lies within `radius`."""
        ps = self.current()
        if ps.n == 0:
            return False
        d2 = (ps.xy[:, 0] - x) ** 2 + (ps.xy[:, 1] - y) ** 2
        i = int(np.argmin(d2))
        if d2[i] > radius * radius:
            return False
        keep = np.ones(ps.n, bool)
        keep[i] = False
        self._commit(ps.take(keep))
        return True

    def begin_stroke(self) -> None:
        """Group the following adds/erases into one undo step (until end_stroke)."""
        if self._stroke_before is None:
            self._stroke_before = self.current()

    def end_stroke(self) -> None:
        before, self._stroke_before = self._stroke_before, None
        if before is not None and before is not self.current():
            t = self._task
            self._undo[t].append(before)
            del self._undo[t][:-UNDO_DEPTH]
            self._redo[t].clear()
            self.recorded.emit()
            self.changed.emit()

    def clear(self) -> bool:
        ps = self.current()
        if ps.n == 0:
            return False
        self._commit(PointSet.empty(ps.n_classes))
        return True

    def load(self, X, y, n_classes: int = 2, record: bool = True) -> None:
        """Replace the points with a data set (a preset): one undo step (none with record=False)."""
        k = n_classes if task_of(self._task).is_classification else self.current().n_classes
        self._commit(self.point_set(self._task, X, y, k, self._rng.random(len(X))), record=record)

    @staticmethod
    def point_set(task: str, X, y, n_classes: int, key) -> PointSet:
        """A PointSet of `task` from a data set's inputs X and targets y, with the test keys `key`."""
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        n, t = len(X), task_of(task)
        if t.is_classification:
            xy, label, target = X[:, :2], y.astype(np.int64), np.zeros(n)
        elif t.one_d:
            xy = np.column_stack([X[:, 0], y.astype(np.float64)])
            label, target = np.zeros(n, np.int64), y.astype(np.float64)
        else:
            xy, label, target = X[:, :2], np.zeros(n, np.int64), y.astype(np.float64)
        return PointSet(np.array(xy), label, target, np.asarray(key, dtype=np.float64), int(n_classes))

    def set_n_classes(self, k: int) -> int:
        """Change the class count; points of removed classes go (one undo step). Returns how many went."""
        ps = self.current()
        k = int(k)
        if k == ps.n_classes or not 2 <= k <= 8:
            return 0
        keep = ps.label < k
        dropped = int(ps.n - keep.sum())
        sub = ps.take(keep)
        self._commit(PointSet(sub.xy, sub.label, sub.target, sub.key, k))
        return dropped

    def undo(self) -> bool:
        return self._swap(self._undo, self._redo)

    def redo(self) -> bool:
        return self._swap(self._redo, self._undo)

    def _swap(self, source: dict, dest: dict) -> bool:
        """Undo (source: the undo stacks) or redo (source: the redo stacks) the shown task's last point edit."""
        self.end_stroke()
        t = self._task
        if not source[t]:
            return False
        dest[t].append(self._sets[t])
        self._sets[t] = source[t].pop()
        self.changed.emit()
        return True

    def clear_redo(self, task: str) -> None:
        """Another kind of edit (a network edit) came after the undone point edits: they cannot be redone."""
        self._redo[task].clear()

    def forget_oldest(self, task: str) -> None:
        """Drop the oldest undo step of `task` (the playground's history keeps fewer steps)."""
        if self._undo[task]:
            del self._undo[task][0]

    # -- state -----------------------------------------------------------------------------
    def to_state(self) -> dict:
        return {"task": self._task, "test_fraction": self.test_fraction,
                "sets": {t: self._sets[t].to_state() for t in TASKS}}

    @staticmethod
    def check_state(d: dict) -> dict:
        """Parse a saved state into (task, fraction, {task: PointSet}); ValueError if it is bad."""
        if not isinstance(d, dict):
            raise ValueError("points: expected a dict")
        task = d.get("task")
        if task not in TASKS:
            raise ValueError(f"points: unknown task {task!r}")
        try:
            f = float(d.get("test_fraction", 0.3))
        except (TypeError, ValueError):
            raise ValueError("points: test_fraction must be a number") from None
        if not 0 <= f <= 0.9:
            raise ValueError(f"points: test_fraction must be in [0, 0.9], got {f}")
        sets = d.get("sets")
        if not isinstance(sets, dict):
            raise ValueError("points: 'sets' missing")
        parsed = {t: PointSet.from_state(sets[t], t) if t in sets else PointSet.empty() for t in TASKS}
        return {"task": task, "test_fraction": f, "sets": parsed}

    def apply_state(self, parsed: dict) -> None:
        """Apply what check_state returned; the undo history starts afresh."""
        self._stroke_before = None
        self._sets = dict(parsed["sets"])
        self._undo = {t: [] for t in TASKS}
        self._redo = {t: [] for t in TASKS}
        self._task = parsed["task"]
        self.test_fraction = parsed["test_fraction"]
        self.split_changed.emit()
        self.changed.emit()
