"""Random user-action sequences on the REAL main window (offscreen), checked after every action.

A hypothesis RuleBasedStateMachine drives MainWindow with both real modes the way a user does: New,
Open, Save, switch mode, switch task, pick a preset, add/erase points with mouse clicks on the canvas,
pick classes, change the class count, edit the network through the builder's widgets (layers, units,
activation, loss, optimizer, learning rate — typed and Enter, or arrows), train briefly, pause, step,
reset, undo, redo. After every action: no uncaught exception, no Qt warning, the title's `*` matches
the project's state. Training either starts or refuses with a message; a save reopens to the same state
(every mode's get_state(), arrays compared exactly) and a saved file always reopens; New gives back
the start state.

Widgets are found by objectName first, then by the modes' public attributes, so the test follows the
modes as they are refactored; an action whose widget is not there is skipped (and counted).

    STATEFUL_EXAMPLES=2000 python3 -m pytest -q -s tests/test_stateful.py   # the long run; prints counts

STATEFUL_STEPS sets the most actions per sequence (default 30), STATEFUL_SEED a fixed seed, STATEFUL_SHRINK=1
shrinks a failure to its shortest form (minutes). One window serves all sequences (each starts with New), so
a failure may not replay exactly; the report still shows the failing sequence.
"""
from __future__ import annotations

import os
import time
import traceback

import numpy as np
import pyqtgraph as pg
import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import seed as fixed_seed
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QEventLoop, QPointF, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QSpinBox,
    QToolButton,
)
from pytestqt.exceptions import capture_exceptions

from gui.main_window import MainWindow
from gui.settings import AppSettings

EXAMPLES = int(os.environ.get("STATEFUL_EXAMPLES", "100"))
SHRINK = os.environ.get("STATEFUL_SHRINK", "0") == "1"    # shrink a failure to its shortest form (slow)
STEPS = int(os.environ.get("STATEFUL_STEPS", "30"))
IGNORED_QT_MESSAGES = ("propagateSizeHints",)   # the offscreen platform says this for every window
MAX_TEST_LAYERS = 3        # deeper nets only slow the run down (the builder's own limit is tested elsewhere)
NEW_MAY_DIFFER = ("weights", "model")           # state keys of untrained weights, re-drawn by New
LR_LADDER = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)


# --------------------------------------------------------------------------- helpers

def wait(ms: int) -> None:
    """Run the event loop for `ms` (QTest.qWait can starve the worker threads)."""
    loop = QEventLoop()
    QTimer.singleShot(max(0, int(ms)), loop.quit)
    loop.exec()


def as_reopened(key: str, state: dict) -> dict:
    """A saved mode state as it comes back from the file: a network trained here reopens as "restored from
    the project" (the MNIST lab says where its network came from)."""
    if key == "mnist" and state.get("origin") == "trained":
        return {**state, "origin": "project"}
    return state


def same(a, b, where="state", ignore=()) -> str | None:
    """None if equal (arrays exactly, NaNs equal; dict keys named in `ignore` skipped), else where they differ."""
    if isinstance(a, dict):
        if not isinstance(b, dict) or set(a) != set(b):
            return f"{where}: keys {sorted(a) if isinstance(a, dict) else a} != " \
                   f"{sorted(b) if isinstance(b, dict) else type(b).__name__}"
        for k in a:
            if k in ignore:
                continue
            d = same(a[k], b[k], f"{where}.{k}", ignore)
            if d:
                return d
        return None
    if isinstance(a, (list, tuple)):
        if not isinstance(b, (list, tuple)) or len(a) != len(b):
            return f"{where}: {type(a).__name__} of {len(a)} != {b!r:.80}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = same(x, y, f"{where}[{i}]", ignore)
            if d:
                return d
        return None
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a2, b2 = np.asarray(a), np.asarray(b)
        if a2.shape != b2.shape or a2.dtype != b2.dtype:
            return f"{where}: array {a2.shape} {a2.dtype} != {b2.shape} {b2.dtype}"
        if not np.array_equal(a2, b2, equal_nan=a2.dtype.kind in "fc"):
            return f"{where}: arrays differ"
        return None
    if isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b):
        return None
    if a != b:
        return f"{where}: {a!r:.80} != {b!r:.80}"
    return None


def find(root, cls, names=(), attrs=()):
    """A widget of `root` by objectName (first match of `names`), else by public attribute paths."""
    if root is None:
        return None
    for name in names:
        w = root.findChild(cls, name)
        if w is not None:
            return w
    for path in attrs:
        obj = root
        for part in path.split("."):
            obj = getattr(obj, part, None)
            if obj is None:
                break
        if isinstance(obj, cls):
            return obj
    return None


def enabled(w) -> bool:
    return w is not None and w.isEnabled() and w.isVisibleTo(w.window())


# --------------------------------------------------------------------------- the machine

class Driver:
    """The window and what the test remembers across sequences (one window for the whole run)."""

    def __init__(self, window: MainWindow, folder):
        self.w = window
        self.folder = folder
        self.warnings: list[str] = []
        self.sequences = 0
        self.actions = 0
        self.skipped: dict[str, int] = {}
        self.seconds: dict[str, float] = {}      # time spent per action kind
        self.refusals = 0
        self.saves = 0
        self.blank = None

    def handler(self, kind, context, message) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) and \
                not any(s in message for s in IGNORED_QT_MESSAGES):
            self.warnings.append(message)


def make_machine(driver: Driver, *, check_modes: bool):
    w = driver.w

    class WindowMachine(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            self.saved: list[tuple] = []          # (path, states) of this sequence's saves
            self.messages: list[str] = []

        # -- plumbing ----------------------------------------------------------------------
        def act(self, name: str, fn) -> None:
            """Run one user action; fail on an uncaught exception or a Qt warning it causes."""
            driver.actions += 1
            self.messages = []
            before = len(driver.warnings)
            t0 = time.monotonic()
            with capture_exceptions() as errors:
                fn()
                QApplication.processEvents()
            driver.seconds[name] = driver.seconds.get(name, 0.0) + time.monotonic() - t0
            assert not errors, f"{name}: uncaught exception:\n" + "\n".join(
                "".join(traceback.format_exception(*e)) for e in errors)
            assert len(driver.warnings) == before, f"{name}: Qt warning: {driver.warnings[before:]}"

        def skip(self, name: str) -> None:
            driver.skipped[name] = driver.skipped.get(name, 0) + 1

        @property
        def pg(self):
            return w.modes.get("playground")

        def on_playground(self) -> bool:
            return w.mode is self.pg

        def states(self) -> dict:
            return {k: m.get_state() for k, m in w.modes.items()}

        def settle(self) -> None:
            """Pause any training and let the last snapshots arrive."""
            for m in w.modes.values():
                if m.busy():
                    w.tabs.setCurrentWidget(m)
                    w.actions_by_name["play_pause"].trigger()
            deadline = time.monotonic() + 5
            while any(m.busy() for m in w.modes.values()) and time.monotonic() < deadline:
                wait(20)
            wait(30)

        def combo_pick(self, combo, i: int) -> None:
            if combo.count():
                j = i % combo.count()
                combo.setCurrentIndex(j)
                combo.activated.emit(j)

        # -- start of a sequence ---------------------------------------------------------------
        @initialize()
        def start(self):
            driver.sequences += 1

            def go():
                self.settle()
                w.project.modified = False      # a fresh sequence: no prompt
                assert w.project.new_project(), "New failed at the start of a sequence"
                w.set_current_mode_key("playground")
            self.act("start", go)

        # -- File ------------------------------------------------------------------------------
        @rule()
        def new(self):
            def go():
                assert w.project.new_project()
                if check_modes and driver.blank is not None:
                    self.settle()
                    for key, state in driver.blank.items():
                        # fresh (or not yet drawn) random weights are fine after New; everything else —
                        # points, task, recipes, counters, history — is the start state
                        d = same(state, w.modes[key].get_state(), f"after New, {key}", ignore=NEW_MAY_DIFFER)
                        assert d is None, d
            self.act("new", go)

        @rule()
        def save_and_reopen(self):
            def go():
                self.settle()
                expected = self.states()
                path = driver.folder / f"s{driver.saves}.mlpproj"
                driver.saves += 1
                assert w.project.write(path), f"save failed: {w.last_message.text}"
                on_disk = w.project.validate(path)
                for key in expected:
                    d = same(expected[key], on_disk["modes"][key], f"file {key}")
                    assert d is None, d
                assert w.project.open_project(path), f"a saved file does not reopen: {w.last_message.text}"
                if check_modes:
                    for key, m in w.modes.items():
                        d = same(as_reopened(key, expected[key]), m.get_state(), f"reopened {key}")
                        assert d is None, d
                assert not w.project.modified
                self.saved.append((path, expected))
            self.act("save_and_reopen", go)

        @rule(i=st.integers(0, 20))
        def open_saved(self, i):
            if not self.saved:
                return self.skip("open_saved")
            path, expected = self.saved[i % len(self.saved)]

            def go():
                self.settle()
                w.project.modified = False
                assert w.project.open_project(path), f"a saved file does not reopen: {w.last_message.text}"
                if check_modes:
                    for key, m in w.modes.items():
                        d = same(as_reopened(key, expected[key]), m.get_state(), f"reopened {path.name} {key}")
                        assert d is None, d
            self.act("open_saved", go)

        # -- View ------------------------------------------------------------------------------
        @rule(i=st.integers(0, 1))
        def switch_mode(self, i):
            self.act("switch_mode", lambda: w.tabs.setCurrentIndex(i % w.tabs.count()))

        # -- the playground's data ---------------------------------------------------------------
        @rule(i=st.integers(0, 2))
        @precondition(lambda self: self.on_playground())
        def switch_task(self, i):
            combo = find(self.pg, QComboBox, ("task",), ("panel.task_combo",))
            if not self.on_playground() or not enabled(combo):
                return self.skip("switch_task")
            self.act("switch_task", lambda: self.combo_pick(combo, i))

        @rule(i=st.integers(0, 12), generate=st.booleans())
        @precondition(lambda self: self.on_playground())
        def pick_preset(self, i, generate):
            combo = find(self.pg, QComboBox, ("preset",), ("panel.preset_combo",))
            button = find(self.pg, QAbstractButton, ("generate",), ("panel.generate_button",))
            if not self.on_playground() or not enabled(combo):
                return self.skip("pick_preset")

            def go():
                self.combo_pick(combo, i)
                if generate and enabled(button):
                    button.click()
            self.act("pick_preset", go)

        @rule(fx=st.floats(0.05, 0.95), fy=st.floats(0.05, 0.95), right=st.booleans())
        @precondition(lambda self: self.on_playground())
        def click_canvas(self, fx, fy, right):
            canvas = find(self.pg, pg.GraphicsView, ("canvas",), ("canvas",))
            if not self.on_playground() or canvas is None or not canvas.isVisible():
                return self.skip("click_canvas")
            (x0, x1), (y0, y1) = canvas.plotItem.vb.viewRange()
            x, y = x0 + fx * (x1 - x0), y0 + fy * (y1 - y0)
            pos = canvas.mapFromScene(canvas.plotItem.vb.mapViewToScene(QPointF(x, y)))
            button = Qt.RightButton if right else Qt.LeftButton

            def go():
                QTest.mouseClick(canvas.viewport(), button, Qt.NoModifier, pos)
            self.act("click_canvas", go)

        @rule(i=st.integers(0, 7), by_key=st.booleans())
        @precondition(lambda self: self.on_playground())
        def select_class(self, i, by_key):
            if not self.on_playground():
                return self.skip("select_class")
            button = find(self.pg, QAbstractButton, (f"class_{i}",))
            if by_key:
                def go():
                    self.pg.setFocus()
                    QTest.keyClick(QApplication.focusWidget() or self.pg, Qt.Key(int(Qt.Key_1) + i))
                return self.act("select_class_key", go)
            if not enabled(button):
                return self.skip("select_class")
            self.act("select_class", button.click)

        @rule(eraser=st.booleans())
        @precondition(lambda self: self.on_playground())
        def tool(self, eraser):
            b = find(self.pg, QAbstractButton, ("erase" if eraser else "add", "eraser" if eraser else "pen"),
                     ("panel.erase_tool" if eraser else "panel.add_tool",))
            if not self.on_playground() or not enabled(b):
                return self.skip("tool")
            self.act("tool", b.click)

        @rule()
        @precondition(lambda self: self.on_playground())
        def clear(self):
            b = find(self.pg, QAbstractButton, ("clear",), ("panel.clear_button",))
            if not self.on_playground() or not enabled(b):
                return self.skip("clear")
            self.act("clear", b.click)

        @rule(k=st.integers(2, 8))
        @precondition(lambda self: self.on_playground())
        def set_classes(self, k):
            spin = find(self.pg, QSpinBox, ("classes", "n_classes"), ("panel.classes_spin",))
            if not self.on_playground() or not enabled(spin):
                return self.skip("set_classes")
            self.act("set_classes", lambda: spin.setValue(k))

        # -- the network builder ---------------------------------------------------------------
        def layer_rows(self):
            rows = []
            for i in range(16):
                remove = find(self.pg, QToolButton, (f"layer{i}_remove",))
                if remove is None:
                    break
                row = remove.parentWidget()
                units = find(row, QSpinBox, (f"layer{i}_units",), ("units",))
                act = find(row, QComboBox, (f"layer{i}_activation",), ("activation",))
                rows.append((remove, units, act))
            return rows

        @rule()
        @precondition(lambda self: self.on_playground())
        def add_layer(self):
            b = find(self.pg, QAbstractButton, ("add_layer",))
            if not self.on_playground() or not enabled(b) or len(self.layer_rows()) >= MAX_TEST_LAYERS:
                return self.skip("add_layer")
            self.act("add_layer", b.click)

        @rule(i=st.integers(0, 7))
        @precondition(lambda self: self.on_playground())
        def remove_layer(self, i):
            rows = self.layer_rows()
            if not self.on_playground() or not rows or not enabled(rows[i % len(rows)][0]):
                return self.skip("remove_layer")
            self.act("remove_layer", rows[i % len(rows)][0].click)

        @rule(i=st.integers(0, 7), units=st.integers(1, 16))
        @precondition(lambda self: self.on_playground())
        def set_units(self, i, units):
            rows = self.layer_rows()
            if not self.on_playground() or not rows or not enabled(rows[i % len(rows)][1]):
                return self.skip("set_units")
            self.act("set_units", lambda: rows[i % len(rows)][1].setValue(units))

        @rule(i=st.integers(0, 7), j=st.integers(0, 10))
        @precondition(lambda self: self.on_playground())
        def set_activation(self, i, j):
            rows = self.layer_rows()
            if not self.on_playground() or not rows or not enabled(rows[i % len(rows)][2]):
                return self.skip("set_activation")
            self.act("set_activation", lambda: self.combo_pick(rows[i % len(rows)][2], j))

        @rule(j=st.integers(0, 3))
        @precondition(lambda self: self.on_playground())
        def set_loss(self, j):
            combo = find(self.pg, QComboBox, ("loss",), ("builder.loss_combo",))
            if not self.on_playground() or not enabled(combo):
                return self.skip("set_loss")
            self.act("set_loss", lambda: self.combo_pick(combo, j))

        @rule(j=st.integers(0, 3))
        @precondition(lambda self: self.on_playground())
        def set_optimizer(self, j):
            combo = find(self.pg, QComboBox, ("optimizer",), ("builder.optimizer_combo",))
            if not self.on_playground() or not enabled(combo):
                return self.skip("set_optimizer")
            self.act("set_optimizer", lambda: self.combo_pick(combo, j))

        @rule(lr=st.sampled_from(LR_LADDER), typed=st.booleans())
        @precondition(lambda self: self.on_playground())
        def set_learning_rate(self, lr, typed):
            spin = find(self.pg, QDoubleSpinBox, ("learning_rate",), ("builder.lr_spin",))
            if not self.on_playground() or not enabled(spin):
                return self.skip("set_learning_rate")

            def go():
                if typed:   # as a user: click in, type, Enter — the field commits and gives the focus back
                    spin.setFocus()
                    spin.selectAll()
                    QTest.keyClicks(spin, f"{lr:g}")
                    QTest.keyClick(QApplication.focusWidget() or spin, Qt.Key_Return)
                    assert not isinstance(QApplication.focusWidget(), QAbstractSpinBox), "Enter left no field"
                else:
                    spin.setValue(lr)
                assert spin.value() == pytest.approx(lr), f"learning rate shows {spin.text()!r}, not {lr:g}"
            self.act("set_learning_rate", go)

        # -- Train -----------------------------------------------------------------------------
        @rule(ms=st.integers(50, 200), keep_running=st.booleans())
        def train(self, ms, keep_running):
            mode = w.mode

            def go():
                if mode.busy():
                    return
                said = []
                mode.status.connect(said.append)
                message_line = find(mode, QLabel, ("message",))
                try:
                    w.actions_by_name["play_pause"].trigger()
                    deadline = time.monotonic() + 2
                    while not mode.busy() and not said and time.monotonic() < deadline:
                        wait(20)
                finally:
                    mode.status.disconnect(said.append)
                shown = message_line.text() if message_line is not None else ""
                if not mode.busy():
                    assert said or shown or w.last_message.text, "training neither started nor said why"
                    driver.refusals += 1
                    return
                wait(ms)
                if not keep_running and mode.busy():
                    w.actions_by_name["play_pause"].trigger()
            self.act("train", go)

        @rule()
        def pause(self):
            def go():
                if w.mode.busy():
                    w.actions_by_name["play_pause"].trigger()
            self.act("pause", go)

        @rule(ms=st.integers(20, 120))
        def step(self, ms):
            def go():
                w.actions_by_name["step"].trigger()
                wait(ms)
            self.act("step", go)

        @rule()
        def reset(self):
            self.act("reset", w.actions_by_name["reset"].trigger)

        @rule()
        def undo(self):
            self.act("undo", w.actions_by_name["undo"].trigger)

        @rule()
        def redo(self):
            self.act("redo", w.actions_by_name["redo"].trigger)

        # -- after every action ------------------------------------------------------------------
        @invariant()
        def title_matches_the_project(self):
            star = "*" in w.windowTitle().split(" — ")[0]
            assert star == w.project.modified, f"title {w.windowTitle()!r} but modified={w.project.modified}"

        def teardown(self):
            self.settle()

    return WindowMachine


@pytest.fixture
def driver(qtbot, tmp_path):
    w = MainWindow(settings=AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path / "data", seed=0)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    qtbot.waitExposed(w)
    d = Driver(w, tmp_path)
    mnist = w.modes.get("mnist")
    if mnist is not None:     # let the MNIST data arrive once (it loads when its tab is first shown)
        w.tabs.setCurrentWidget(mnist)
        deadline = time.monotonic() + 30
        while getattr(mnist, "data", lambda: True)() is None and time.monotonic() < deadline:
            wait(50)
        w.tabs.setCurrentIndex(0)
    d.blank = {k: m.get_state() for k, m in w.modes.items()}
    previous = qInstallMessageHandler(d.handler)
    yield d
    qInstallMessageHandler(previous)
    w.project.modified = False
    w.close()


def run_sequences(driver, examples: int, *, check_modes: bool) -> None:
    started = time.monotonic()
    machine = make_machine(driver, check_modes=check_modes)
    seed = os.environ.get("STATEFUL_SEED")
    phases = [Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if SHRINK else [])
    run = settings(max_examples=examples, stateful_step_count=STEPS, deadline=None, database=None,
                   derandomize=seed is None and examples <= 100, phases=phases, report_multiple_bugs=False,
                   suppress_health_check=list(HealthCheck))
    if seed is not None:
        machine = fixed_seed(int(seed))(machine)
    try:
        run_state_machine_as_test(machine, settings=run)
    finally:
        took = time.monotonic() - started
        print(f"\nstateful: {driver.sequences} sequences, {driver.actions} actions, {driver.saves} saves, "
              f"{driver.refusals} refused trainings in {took:.1f} s; skipped {driver.skipped}; seconds per kind "
              f"{ {k: round(v, 1) for k, v in sorted(driver.seconds.items(), key=lambda kv: -kv[1])} }")
    assert driver.sequences >= min(examples, 1) and driver.actions > driver.sequences


def test_random_user_action_sequences(driver):
    """After every action: no exception or Qt warning, the title's star, training starts or says why, the
    file holds exactly what was saved, a saved file always reopens; and the modes keep their state: a
    reopened save gives back every mode's get_state() exactly, and File -> New gives back the start state
    (points, task, recipes, counters, history)."""
    run_sequences(driver, EXAMPLES, check_modes=True)
