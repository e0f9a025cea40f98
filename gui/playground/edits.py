"""EditHistory: the playground's one Ctrl+Z for point edits and network edits, per task, in order.

Point edits keep their data in PointsModel (which has its own per-task stacks); the UndoHistory holds
a POINTS marker for each. A network edit (a new structure, a reset, a loaded model) holds the network
as it was (a NetState); a class-count change or a preset is both (a NetState `with_points`): one step
brings back the points and the network. Undoing a network edit swaps the NetState with the network
the user has now, so Redo can take it back.
"""
from __future__ import annotations

import time
from dataclasses import replace

from engine.tasks import PLAYGROUND_TASKS
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.playground.history import POINTS, NetState, UndoHistory

COALESCE_SECONDS = 1.0       # network edits this close together on an untrained net are one undo step
# What Undo and Redo say (English sources, translated when shown)
UNDO = {"nothing": QT_TR_NOOP("Nothing to undo."), "done": QT_TR_NOOP("Undone."),
        "back": QT_TR_NOOP("Undone: the network is back as it was."),
        "trained_1": QT_TR_NOOP("Undone: the network trained for %1 epoch is back, with its weights and loss curve."),
        "trained": QT_TR_NOOP("Undone: the network trained for %1 epochs is back, with its weights and loss curve.")}
REDO = {"nothing": QT_TR_NOOP("Nothing to redo."), "done": QT_TR_NOOP("Redone."),
        "back": QT_TR_NOOP("Redone: the network is back as it was."),
        "trained_1": QT_TR_NOOP("Redone: the network trained for %1 epoch is back, with its weights and loss curve."),
        "trained": QT_TR_NOOP("Redone: the network trained for %1 epochs is back, with its weights and loss curve.")}


class EditHistory:
    """Owned by a PlaygroundSession; uses its points and networks (capture, restore)."""

    def __init__(self, session):
        self._s = session
        self.stacks = UndoHistory(PLAYGROUND_TASKS, session.points.forget_oldest)
        self._last_net_edit = -1e9

    def can_undo(self, task: str) -> bool:
        return self.stacks.can_undo(task)

    def can_redo(self, task: str) -> bool:
        return self.stacks.can_redo(task)

    def clear(self) -> None:
        self.stacks.clear()

    def record_points(self) -> None:
        """A point edit went on PointsModel's stack of the shown task."""
        self.stacks.push(self._s.task, POINTS)
        self._last_net_edit = -1e9
        self._s.undo_changed.emit()

    def push_with_points(self, before: NetState) -> None:
        """An edit of the points (made with the points' signals blocked) that also replaced `before`."""
        self.stacks.push(self._s.task, replace(before, with_points=True))
        self._last_net_edit = -1e9
        self._s.undo_changed.emit()

    def edit_with_new_network(self, edit):
        """Make a point edit (`edit()`) that needs a new network: one undo step brings back the points
        and the network as they were. Returns (the network before, what `edit` returned)."""
        s = self._s
        s.points.end_stroke()
        before = s.networks.capture()
        s.networks.key = None
        s.points.blockSignals(True)
        try:
            result = edit()
        finally:
            s.points.blockSignals(False)
        self.push_with_points(before)
        s.points_changed.emit()
        s.networks.new()
        s.changed.emit()
        return before, result

    def push_network(self, before: NetState, *, coalesce: bool = False) -> None:
        """A network edit replaced `before` (point edits undone before it can no longer be redone).
        Quick edits of an untrained network (a spin box scrolled through values) make one step."""
        t, now = self._s.task, time.monotonic()
        top = self.stacks.top(t)
        if not (coalesce and isinstance(top, NetState) and not before.trained
                and now - self._last_net_edit < COALESCE_SECONDS):
            self.stacks.push(t, before)
            self._s.points.clear_redo(t)
        self._last_net_edit = now
        self._s.undo_changed.emit()

    def undo(self) -> None:
        self._step(self.stacks.pop_undo, self.stacks.push_redo, self.stacks.push_undo, self._s.points.undo, UNDO)

    def redo(self) -> None:
        self._step(self.stacks.pop_redo, self.stacks.push_undo, self.stacks.push_redo, self._s.points.redo, REDO)

    def _step(self, pop, push_back, put_back, points_step, say: dict) -> None:
        s = self._s
        s.points.end_stroke()
        t = s.task
        entry = pop(t)
        if entry is None:
            s.say(Message.info(say["nothing"]))
        elif entry == POINTS:
            points_step()
            push_back(t, POINTS)
            s.say(Message.info(say["done"]))
        elif s.running:
            put_back(t, entry)
            s.say(Message.error(QT_TR_NOOP("Pause training first: the network cannot change while it trains.")))
        else:
            now = s.networks.capture()
            if entry.with_points:            # a class-count change or a preset: its points, then its network
                now = replace(now, with_points=True)
                s.points.blockSignals(True)
                try:
                    points_step()
                finally:
                    s.points.blockSignals(False)
                s.points_changed.emit()
            push_back(t, now)
            s.networks.restore(entry)
            e = entry.counters[0]
            if not entry.trained:
                s.say(Message.info(say["back"]))
            else:
                s.say(Message.info(say["trained_1" if e == 1 else "trained"], e))
            s.changed.emit()
        s.undo_changed.emit()
