"""PlaygroundSession: the 2D playground's whole state and behaviour, with no widgets.

It owns the points of every task (a PointsModel), the recipe and the trained network of every task,
the loss history of the shown network, the undo history of point and network edits, the current
training run (through a TrainingController) and the message line (text and severity). Signals tell
the view (PlaygroundMode) what changed; the view forwards the user's intent to the methods below.
Its parts, each in its own module: `run` (NetworkRun: the shown network's weights, counters, loss
history and training run), `networks` (TaskNetworks: every task's recipe and trained network),
`edits` (EditHistory: one Ctrl+Z for point and network edits), `settings` (ViewSettings) and
session_io (CSV files and models in and out). Tests drive the playground through this public API:

    s = PlaygroundSession(seed=1)
    s.set_task("regression"); s.generate("plane", 200, 0.1); s.step()
    s.epoch, s.step_count, s.settled, s.message, s.can_train()
    s.set_state(PlaygroundState.from_dict(saved))      # one unit, validated before anything changes
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from engine import EngineError, Pipeline
from engine.data import make_dataset
from engine.tasks import task_of
from gui.i18n import QT_TR_NOOP, on_language_change
from gui.messages import Message, Severity
from gui.playground import session_io, session_state
from gui.playground.edits import EditHistory
from gui.playground.networks import TaskNetworks
from gui.playground.points import MAX_POINTS, PointsModel
from gui.playground.run import NetworkRun
from gui.playground.snapshot import engine_message
from gui.playground.speed import DEFAULT_SPEED, clamp_speed, speed_spec
from gui.playground.state import PlaygroundState
from gui.playground.view_settings import ViewSettings
from gui.runs.playground_runs import PlaygroundRuns

ERASE_RADIUS = 0.45          # data units: a paint stroke with the eraser removes points this near
CLICK_RADIUS = 0.9           # a click with the eraser removes the nearest point this near


class PlaygroundSession(QObject):
    points_changed = Signal()          # the shown task's points or the train/test split changed
    network_changed = Signal()         # another network: recipe, structure, counters and history replaced
    recipe_changed = Signal()          # the shown task's recipe changed
    task_changed = Signal(str)
    settings_changed = Signal()        # presets, view switches, stop conditions, class (a loaded state)
    snapshot = Signal(object)          # a Snapshot of the current run
    history_changed = Signal()         # the loss history grew
    counters_changed = Signal(int, int)
    running_changed = Signal(bool)
    message_changed = Signal(str, str)  # (text in the current language, "info" | "error"); again after a switch
    undo_changed = Signal()            # can_undo / can_redo may have changed
    changed = Signal()                 # something a project saves changed (the shell marks it unsaved)
    status = Signal(object)            # a transient line for the status bar (a Message: follows a switch)

    def __init__(self, parent=None, *, seed=None):
        super().__init__(parent)
        self._rng = np.random.default_rng(seed)
        self.points = PointsModel(self, seed=self._rng.integers(1 << 31))
        self.run = NetworkRun(self, rng=self._rng)     # the shown network and its training run
        self.controller = self.run.controller
        self.history = self.run.history                  # the shown network's loss history
        self.edits = EditHistory(self)                   # one Ctrl+Z for point and network edits
        self.undo_history = self.edits.stacks
        self.networks = TaskNetworks(self)               # every task's recipe and trained network
        self.settings = ViewSettings(self)               # view switches, stop conditions, presets, new points
        self._speed = DEFAULT_SPEED                      # a level of speed.SPEEDS
        self.run.set_speed(speed_spec(self._speed))
        self._message = Message.info("")               # the message line: English source, translated when read
        self._message_cause = None
        self.networks.key = None
        self._data_timer = QTimer(self)
        self._data_timer.setSingleShot(True)
        self._data_timer.setInterval(30)
        self._data_timer.timeout.connect(self._push_data)
        self._apply(PlaygroundState.fresh(self._rng), start=False)
        self.points.recorded.connect(self._on_points_recorded)
        self.points.changed.connect(self._on_points_changed)
        self.points.split_changed.connect(self._on_split_changed)
        r = self.run
        for mine, theirs in ((self.snapshot, r.snapshot), (self.history_changed, r.history_changed),
                             (self.counters_changed, r.counters_changed), (self.running_changed, r.running_changed),
                             (self.changed, r.weights_changed)):
            theirs.connect(mine)
        r.said.connect(self.say)
        self.runs = PlaygroundRuns(self)                 # runs hook: every training run recorded (gui/runs)
        on_language_change(self, self._show_message_again, now=False)

    # -- reading ---------------------------------------------------------------------------------
    @property
    def task(self) -> str:
        return self.points.task

    @property
    def is_classification(self) -> bool:
        return task_of(self.task).is_classification

    @property
    def n_classes(self) -> int:
        return self.points.current().n_classes

    @property
    def n_outputs(self) -> int:
        return task_of(self.task).n_outputs(self.n_classes)

    @property
    def bounds(self) -> tuple:
        return task_of(self.task).bounds

    def recipe(self, task: str | None = None) -> dict:
        """A copy of the recipe of `task` (default: the shown one)."""
        return self.networks.recipe(task or self.task)

    @property
    def selected_class(self) -> int:
        return self.settings.selected_class

    @property
    def view(self) -> dict:
        """The view switches (see ViewSettings.set_view); a copy."""
        return dict(self.settings.view)

    @property
    def epoch(self) -> int:
        return self.run.counters[0]

    @property
    def step_count(self) -> int:
        return self.run.counters[1]

    @property
    def counters(self) -> tuple[int, int]:
        """(epoch, step_count) of the shown network."""
        return self.run.counters

    @property
    def weights(self) -> dict | None:
        """The latest known weights of the shown network (a copy), None before it was built."""
        return self.run.weights

    @property
    def trained(self) -> bool:
        return self.run.trained

    @property
    def last_snapshot(self):
        """The latest snapshot of the current network (None until its first one arrives)."""
        return self.run.last_snapshot

    @property
    def diagnoses(self) -> tuple:
        """What looks wrong with the shown network's training now (engine/diagnose.py Diagnosis objects,
        most urgent first; empty when nothing does), as of the latest snapshot."""
        snap = self.run.last_snapshot
        return () if snap is None else snap.diagnoses

    @property
    def focus(self):
        """The neuron (column, index) whose picture is shown large, or None."""
        return self.run.focus

    @property
    def running(self) -> bool:
        return self.run.running

    @property
    def settled(self) -> bool:
        """Training is not running and the latest snapshot shows the network as it now is."""
        return self.run.settled

    @property
    def message(self) -> tuple[str, str]:
        """The message line: (text in the current language, severity "info" or "error"); ("", "info") when
        nothing is to say."""
        m = self._message
        return (m.text, "error" if m.is_error else "info")

    @property
    def message_object(self) -> Message:
        """The message line as a Message (its English source and values; `.text` translates it)."""
        return self._message

    def can_undo(self) -> bool:
        return self.undo_history.can_undo(self.task)

    def can_redo(self) -> bool:
        return self.undo_history.can_redo(self.task)

    def vmax(self) -> float:
        ps = self.points.current()
        t = task_of(self.task)
        if t.is_regression and not t.one_d and ps.n:     # 2D regression: colours scale with the values
            return max(float(np.max(np.abs(ps.target))), 1e-6)
        return 1.0

    def can_train(self) -> str | None:
        """None if Train can start; otherwise why not, in words for the user (in the current language)."""
        reason = self._why_not_train()
        return None if reason is None else reason.text

    def _why_not_train(self) -> Message | None:
        Xtr, ytr, _, _ = self.points.arrays()
        t = task_of(self.task)
        if len(Xtr) == 0:
            return Message.error(QT_TR_NOOP("There are no training points: click on the plane to add some, pick a "
                                            "preset, or lower the test share."))
        if t.is_classification and len(np.unique(ytr)) < 2:
            return Message.error(QT_TR_NOOP("The training points have only one class: add points of another class "
                                            "(keys 1–8 pick the class) — there is nothing to tell apart yet."))
        if t.is_regression and len(Xtr) < 2:
            return Message.error(QT_TR_NOOP("Regression needs at least two training points."))
        return None

    # -- the message line --------------------------------------------------------------------------
    def say(self, text: Message | str, severity: str = "info", cause: str | None = None) -> None:
        """Set the message line (an empty text clears it); `cause` names what makes it true. `text` is a
        Message (translated whenever it is shown, so the line follows a language switch) or a text already
        in the user's language; `severity` "error" makes it an error either way."""
        msg = text if isinstance(text, Message) else Message.info("" if text is None else str(text))
        error = severity == "error" or msg.is_error
        msg = Message(msg.source, Severity.ERROR if error else Severity.INFO, msg.args)
        shown = msg.text
        if shown:
            self.status.emit(msg)
        self._message_cause = cause if shown else None
        if msg != self._message:
            self._message = msg
            self.message_changed.emit(*self.message)

    def _show_message_again(self) -> None:
        """The language changed: the message line in the new one."""
        if self._message.source:
            self.message_changed.emit(*self.message)

    def clear_message(self, cause: str) -> None:
        """What made the message true has ended (e.g. the hover over a neuron): it goes."""
        if self._message_cause == cause:
            self.say("")

    def clear_errors(self) -> None:
        """A later action succeeded: an error (or a stale note about an edit) goes from the message line."""
        if self._message.is_error or self._message_cause == "edit":
            self.say("")

    # -- tasks, classes, tools ---------------------------------------------------------------------
    def set_task(self, task: str) -> None:
        """Show another task; each task keeps its points and its network exactly as they were left."""
        if session_state.switch_task(self, task, self._unfilled, self._rng):
            self.undo_changed.emit()
            self.changed.emit()

    def select_class(self, i: int) -> None:
        self.settings.select_class(i)

    def set_n_classes(self, k: int) -> None:
        """A new class count needs a new output layer: one undo step brings back the points and the
        network as they were."""
        k = int(k)
        if not self.is_classification or k == self.n_classes or not 2 <= k <= 8:
            return
        before, dropped = self.edits.edit_with_new_network(lambda: self.points.set_n_classes(k))
        self.settings_changed.emit()
        if dropped:
            self.say(Message.info(QT_TR_NOOP("Removed %1 points of the dropped classes and started a new network "
                                             "— Undo (Ctrl+Z) brings both back."), dropped))
        else:
            self.say(Message.info(QT_TR_NOOP("New output layer: fresh random weights. Ctrl+Z brings back the "
                                             "trained network.")) if before.trained else "")

    # -- point edits -----------------------------------------------------------------------------
    def add_point(self, x: float, y: float) -> bool:
        """Add a point where the user clicked: of the selected class (classification), with the new-point
        value (2D regression) or at height y (1D curve). False, with a message, when the canvas is full."""
        if self.points.current().n >= MAX_POINTS:
            self.say(Message.error(QT_TR_NOOP("The canvas is full (%1 points): erase or clear some first."),
                                   MAX_POINTS), "error", "edit")
            return False
        cls = self.selected_class if self.is_classification else 0
        ok = self.points.add(float(x), float(y), cls, self.settings.new_value)
        if ok:
            self.clear_errors()
        return ok

    def erase_at(self, x: float, y: float, radius: float = CLICK_RADIUS) -> bool:
        """Remove the point nearest to (x, y) within `radius`; False (with a message) if there is none."""
        if self.points.erase_near(float(x), float(y), float(radius)):
            self.clear_errors()
            return True
        self.say(Message.error(QT_TR_NOOP("No point near the click to remove.")), "error", "edit")
        return False

    def begin_stroke(self) -> None:
        self.points.begin_stroke()

    def stroke_point(self, x: float, y: float, erase: bool) -> None:
        if erase:
            self.points.erase_near(float(x), float(y), ERASE_RADIUS)
        else:
            self.add_point(x, y)

    def end_stroke(self) -> None:
        self.points.end_stroke()

    def clear(self) -> bool:
        """Remove all points of the shown task (one undo step)."""
        self.points.end_stroke()
        if self.points.clear():
            self.say(Message.info(QT_TR_NOOP("Cleared the points — Undo (Ctrl+Z) brings them back.")))
            return True
        self.say(Message.info(QT_TR_NOOP("There are no points to clear.")))
        return False

    def set_test_fraction(self, f: float) -> None:
        self.points.set_test_fraction(f)

    def generate(self, preset: str, count: int, noise: float) -> None:
        """Replace the points with a fresh sample of a preset and start a new network on it: one undo
        step brings back the old points and the old network."""
        try:
            ds = make_dataset(preset, int(count), float(noise), n_classes=self.n_classes, rng=self._rng)
        except (EngineError, ValueError) as exc:
            self.say(engine_message(exc), "error")
            return
        self.settings.presets[self.task] = (preset, int(count), float(noise))
        self.settings_changed.emit()
        k = ds.n_classes if ds.task == "classification" else 2
        self.edits.edit_with_new_network(lambda: self.points.load(ds.X, ds.y, k))
        self.say("")

    def _on_points_recorded(self) -> None:
        self.edits.record_points()

    def _on_points_changed(self) -> None:
        self.points_changed.emit()
        self.changed.emit()
        if self.networks.key is not None and self.networks.key != (self.task, self.n_outputs):
            self.networks.new()             # the number of outputs changed: the old weights cannot fit
        else:
            self._data_timer.start()

    def _on_split_changed(self) -> None:
        self.points_changed.emit()
        self.changed.emit()
        self._data_timer.start()

    def _push_data(self) -> None:
        if self.controller.active:
            self.controller.set_data(*self.points.arrays(), self.vmax())

    # -- the network (see networks.py) -----------------------------------------------------------
    def set_recipe(self, recipe: dict) -> None:
        """The user edited the network. Training settings (learning rate, optimizer, …) change the run
        in place; a change of the network itself starts new random weights (undoable). ValueError, and
        nothing changes, when the recipe does not fit the task."""
        self.networks.set_recipe(recipe)

    def reset(self) -> None:
        """New random weights (undoable when the old ones were trained)."""
        self.networks.reset()

    # -- training ----------------------------------------------------------------------------------
    def play_pause(self) -> None:
        if self.run.running:
            self.run.pause()
        elif self._may_train():
            self.run.play()
            self.say("")

    def step(self) -> None:
        """Train one epoch (the rest of the current one when paused midway)."""
        if not self.run.running and self._may_train():
            self.run.step()

    def step_batch(self) -> None:
        """Train exactly one minibatch — one SGD step — then pause."""
        if not self.run.running and self._may_train():
            self.run.step_batches(1)

    def _may_train(self) -> bool:
        """True if training can start and the network is built; otherwise the message line says why not."""
        reason = self._why_not_train()
        if reason:
            self.say(reason, "error")
            return False
        return self.networks.ensure()

    @property
    def speed(self) -> int:
        """The training speed: a level of speed.SPEEDS (0: one minibatch per frame … last: full speed)."""
        return self._speed

    def set_speed(self, level: int) -> None:
        self._speed = clamp_speed(level)
        self.run.set_speed(speed_spec(self._speed))

    def set_shared_scale(self, on: bool) -> None:
        """Neuron pictures: one colour scale per layer (on) or each neuron its own output range (off)."""
        self.run.set_shared_scale(on)

    def stop(self) -> None:
        """End the run; keep the weights (a fresh optimizer continues from them)."""
        self.run.end()
        self.networks.start()
        self.say(Message.info(QT_TR_NOOP("Stopped at epoch %1. The weights are kept; Train continues from them."),
                              self.epoch))
        self.changed.emit()

    def shutdown(self) -> None:
        self._data_timer.stop()
        self.runs.shutdown()                             # runs hook: a sweep's worker ends
        self.run.end()

    def set_visible(self, visible: bool) -> None:
        """The view is shown (snapshots ~20 a second) or hidden (fewer snapshots nobody sees)."""
        self.run.set_visible(visible)
        if visible:
            self.networks.ensure()

    def set_focus(self, focus) -> None:
        """The neuron (column, index) whose picture is shown large; None ends it."""
        self.run.set_focus(focus)

    # -- undo --------------------------------------------------------------------------------------
    def undo(self) -> None:
        self.edits.undo()

    def redo(self) -> None:
        self.edits.redo()

    # -- state -------------------------------------------------------------------------------------
    def state(self) -> PlaygroundState:
        """Everything a project saves, as one value (the weights of the latest snapshot)."""
        return session_state.capture(self)

    def set_state(self, state: PlaygroundState | dict) -> None:
        """Replace the whole playground with `state` (a dict is parsed first): validated before anything
        changes (ValueError then), applied as one unit — the recipe, weights, class count and task of
        the state are what the playground has afterwards. The undo history starts afresh."""
        if not isinstance(state, PlaygroundState):
            state = PlaygroundState.from_dict(state)
        self._apply(state, start=True)

    def _apply(self, st: PlaygroundState, *, start: bool) -> None:
        self._data_timer.stop()
        self._unfilled = set(st.unfilled)
        session_state.apply(self, st, start=start)

    # -- files (see session_io.py) ------------------------------------------------------------------
    def import_points(self, ds, name: str) -> None:
        session_io.import_points(self, ds, name)

    def points_dataset(self):
        return session_io.points_dataset(self)

    def current_pipeline(self) -> Pipeline | None:
        return session_io.current_pipeline(self)

    def load_pipeline(self, pipeline: Pipeline) -> None:
        session_io.load_pipeline(self, pipeline)
