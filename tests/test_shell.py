"""The application shell around the modes: the explicit mode interface, message severity, keys in
text/number fields, training as unsaved work, project validation without opening, Undo/Redo enabling,
seeded default modes. Fake modes (tests/fake_mode.py) unless a test needs the real ones."""
import numpy as np
import pytest
from fake_mode import BareMode, FakeMode, make_window
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLineEdit, QVBoxLayout, QWidget

from engine.errors import ProjectFileError
from engine.project_file import parse_project, save_project
from gui.main_window import MainWindow
from gui.messages import Message, Severity, as_message
from gui.mode_api import Mode, capabilities, check_mode
from gui.settings import AppSettings


@pytest.fixture
def env(tmp_path):
    return {"dir": tmp_path, "settings": tmp_path / "settings.ini", "data": tmp_path / "data"}


def wait(ms: int) -> None:
    """Let the event loop (and worker threads) run for `ms` (QTest.qWait can starve worker threads)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def activate(qtbot, w):
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)


def type_key(qtbot, key, text_mod=Qt.NoModifier):
    """A key press as a user makes it: to whatever widget has the focus."""
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow(), key, text_mod)


# --------------------------------------------------------------------------- the mode interface

def test_mode_protocol_and_capabilities(qtbot):
    fake, bare = FakeMode(), BareMode()
    assert isinstance(fake, Mode) and isinstance(bare, Mode)
    assert capabilities(fake) == {"undo_state", "progress", "import_points", "export_points", "plots",
                                  "current_pipeline", "load_pipeline"}
    assert capabilities(bare) == set()

    class NoUndo(QWidget):
        title, status, changed = "x", None, None
        def shutdown(self): pass
    with pytest.raises(TypeError, match="play_pause.*undo.*get_state"):
        check_mode(NoUndo(), "broken")


def test_window_refuses_a_mode_without_the_interface(qtbot, env):
    with pytest.raises(TypeError, match="lacks"):
        MainWindow(modes={"w": QWidget()}, settings=AppSettings(env["settings"]), data_dir=env["data"])


def test_undo_redo_enabled_only_when_the_mode_can(qtbot, env):
    w = make_window(qtbot, env, modes={"fake": FakeMode(), "bare": BareMode()})
    a, fake = w.actions_by_name, w.modes["fake"]
    assert not a["undo"].isEnabled() and not a["redo"].isEnabled()
    fake.edit()
    assert a["undo"].isEnabled() and not a["redo"].isEnabled()
    a["undo"].trigger()
    assert not a["undo"].isEnabled() and a["redo"].isEnabled()
    a["redo"].trigger()
    assert a["undo"].isEnabled() and not a["redo"].isEnabled()
    assert fake.calls == ["undo", "redo"]
    w.tabs.setCurrentIndex(1)   # a mode that cannot tell: both stay enabled
    assert a["undo"].isEnabled() and a["redo"].isEnabled()


# --------------------------------------------------------------------------- messages

def test_message_severity():
    assert as_message("hi") == Message("hi", Severity.INFO)
    assert as_message(Message.error("bad")).is_error
    with pytest.raises(AttributeError):
        Message.info("x").text = "y"   # frozen


def test_errors_look_different_in_the_status_bar(qtbot, env):
    w = make_window(qtbot, env)
    bar = w.statusBar()
    w.modes["fake"].status.emit("Drawing class 2")
    assert bar.currentMessage() == "Drawing class 2" and not w.last_message.is_error and bar.styleSheet() == ""
    w.modes["fake"].status.emit(Message.error("Training diverged"))
    assert bar.currentMessage() == "Training diverged" and w.last_message.is_error
    assert "color" in bar.styleSheet()
    w.modes["fake"].status.emit(Message.info("Trained"))
    assert bar.styleSheet() == ""
    assert not w.project.open_project(env["dir"] / "missing.mlpproj")   # the project's errors are errors too
    assert w.last_message.is_error and "missing.mlpproj" in bar.currentMessage() and "color" in bar.styleSheet()


def test_menu_command_errors_have_error_severity(qtbot, env, monkeypatch):
    w = make_window(qtbot, env)
    monkeypatch.setattr(w.modes["fake"], "step", lambda: (_ for _ in ()).throw(ValueError("no data to train on")))
    w.actions_by_name["step"].trigger()
    assert w.last_message == Message.error("no data to train on")


# --------------------------------------------------------------------------- keys and fields

class FieldsMode(FakeMode):
    """A fake mode with a number box, a line and a class key '1' of its own (like the playground's)."""

    def __init__(self):
        super().__init__(title="Fields")
        self.spin = QDoubleSpinBox(self)
        self.spin.setRange(0, 10)
        self.spin.setDecimals(3)
        self.spin.setValue(0.03)
        self.spin.setKeyboardTracking(False)
        self.line = QLineEdit(self)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.layout().addWidget(self.spin)
        self.layout().addWidget(self.line)
        self.layout().addWidget(self.combo)
        self.classes = []
        sc = QShortcut(QKeySequence("1"), self)
        sc.setContext(Qt.WidgetWithChildrenShortcut)
        sc.activated.connect(lambda: self.classes.append(1))


def test_single_keys_go_to_the_field_and_enter_leaves_it(qtbot, env):
    mode = FieldsMode()
    w = make_window(qtbot, env, modes={"fields": mode})
    activate(qtbot, w)
    mode.spin.setFocus()
    mode.spin.selectAll()
    qtbot.keyClicks(mode.spin, "0.5")
    type_key(qtbot, Qt.Key_Space)          # typed into the box, never "play"
    type_key(qtbot, Qt.Key_1)
    assert mode.calls == [] and mode.classes == []
    mode.spin.lineEdit().setText("0.5")
    type_key(qtbot, Qt.Key_Return)         # commits and leaves the field
    assert mode.spin.value() == pytest.approx(0.5)
    assert QApplication.focusWidget() is mode
    type_key(qtbot, Qt.Key_Space)
    type_key(qtbot, Qt.Key_1)
    assert mode.calls == ["play_pause"] and mode.classes == [1]
    assert mode.spin.value() == pytest.approx(0.5)

    mode.line.setFocus()
    for key in (Qt.Key_S, Qt.Key_R, Qt.Key_Space, Qt.Key_1):
        type_key(qtbot, key)
    assert mode.line.text() == "sr 1" and mode.calls == ["play_pause"] and mode.classes == [1]
    entered = []
    mode.line.returnPressed.connect(lambda: entered.append(mode.line.text()))
    type_key(qtbot, Qt.Key_Return)
    assert entered == ["sr 1"] and QApplication.focusWidget() is mode
    type_key(qtbot, Qt.Key_S)
    assert mode.calls == ["play_pause", "step"]
    mode.combo.setFocus()                          # an editable combo box is a field too
    for key in (Qt.Key_R, Qt.Key_Space, Qt.Key_2):
        type_key(qtbot, key)
    assert mode.combo.currentText() == "r 2" and mode.calls == ["play_pause", "step"]
    type_key(qtbot, Qt.Key_Return)
    assert QApplication.focusWidget() is mode and w.keys.left == 3
    type_key(qtbot, Qt.Key_Z, Qt.ControlModifier)   # a command key still works from anywhere
    assert mode.calls[-1] == "undo" or not w.actions_by_name["undo"].isEnabled()


@pytest.fixture
def real_window(qtbot, env):
    w = MainWindow(settings=AppSettings(env["settings"]), data_dir=env["data"], seed=3)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    yield w
    w.project.modified = False
    w.close()


def test_learning_rate_enter_then_space_trains_and_keeps_the_value(qtbot, real_window):
    w = real_window
    w.set_current_mode_key("playground")
    activate(qtbot, w)
    lr = w.modes["playground"].findChild(QDoubleSpinBox, "learning_rate")
    assert lr is not None and lr.isVisible()
    lr.setFocus()
    lr.selectAll()
    qtbot.keyClicks(lr, "0.1")
    type_key(qtbot, Qt.Key_Return)
    type_key(qtbot, Qt.Key_Space)
    qtbot.waitUntil(lambda: w.mode.busy(), timeout=5000)
    assert lr.value() == pytest.approx(0.1) and lr.text() == "0.1"
    w.mode.play_pause()


# --------------------------------------------------------------------------- training is work

def test_training_without_a_changed_signal_marks_the_project_unsaved(qtbot, env):
    w = make_window(qtbot, env, autosave_ms=50)
    assert w.project.write(env["dir"] / "t.mlpproj")
    assert w.windowTitle() == "t.mlpproj — MLP Studio"
    w.modes["fake"].train_a_bit(emit=False)   # progress moved on, no `changed`
    qtbot.waitUntil(lambda: w.windowTitle() == "t.mlpproj* — MLP Studio", timeout=3000)
    qtbot.waitUntil(lambda: w.autosave.path.exists(), timeout=3000)   # and it is autosaved
    assert w.project.write(env["dir"] / "t.mlpproj")
    wait(700)
    assert not w.project.modified        # nothing trained since the save


def test_real_training_marks_the_project_unsaved(qtbot, real_window):
    w = real_window
    w.set_current_mode_key("playground")
    w.show()
    qtbot.waitExposed(w)
    assert w.windowTitle() == "Untitled — MLP Studio"
    w.actions_by_name["play_pause"].trigger()
    qtbot.waitUntil(lambda: w.mode.busy(), timeout=5000)
    qtbot.waitUntil(lambda: w.windowTitle() == "Untitled* — MLP Studio", timeout=5000)
    w.actions_by_name["play_pause"].trigger()


# --------------------------------------------------------------------------- validation, seed

def test_validate_reads_without_opening(qtbot, env):
    w = make_window(qtbot, env)
    fake = w.modes["fake"]
    fake.add_point(5, 5, 1)
    path = env["dir"] / "v.mlpproj"
    assert w.project.write(path)
    fake.add_point(6, 6, 0)
    before = fake.get_state()
    state = w.project.validate(path)
    assert len(state["modes"]["fake"]["points"]["X"]) == len(before["points"]["X"]) - 1
    assert np.array_equal(fake.get_state()["points"]["X"], before["points"]["X"])   # nothing touched
    assert w.project.path == path and w.project.modified
    save_project(env["dir"] / "nomodes.mlpproj", {"app": {}})
    with pytest.raises(ProjectFileError, match="nomodes.mlpproj: not a complete MLP Studio project"):
        w.project.validate(env["dir"] / "nomodes.mlpproj")
    with pytest.raises(ProjectFileError, match="cannot be read"):
        parse_project(env["dir"] / "absent.mlpproj")


def test_default_modes_take_a_seed(qtbot, env):
    from gui.main_window import default_modes
    parent = QWidget()
    qtbot.addWidget(parent)
    QVBoxLayout(parent)
    a, b, c = (default_modes(parent, seed=s) for s in (11, 11, 12))
    try:
        xa, xb, xc = (m["playground"].get_state()["points"] for m in (a, b, c))
        assert str(xa) == str(xb) and str(xa) != str(xc)
    finally:
        for modes in (a, b, c):
            for m in modes.values():
                m.shutdown()


def test_a_hidden_modes_info_does_not_show_but_its_errors_do_and_a_switch_clears_the_bar(qtbot, env):
    a, b = FakeMode(title="A"), FakeMode(title="B")
    w = make_window(qtbot, env, modes={"a": a, "b": b})
    w.set_current_mode_key("a")
    a.status.emit("Paused at epoch 52.")
    assert w.statusBar().currentMessage() == "Paused at epoch 52."
    w.set_current_mode_key("b")
    assert w.statusBar().currentMessage() == ""           # A's message does not describe B
    a.status.emit("Paused at epoch 53.")                  # A is hidden: its info is not shown
    assert w.statusBar().currentMessage() == ""
    a.status.emit(Message.error("The data could not be read."))
    assert w.statusBar().currentMessage() == "The data could not be read."
    assert w.last_message.severity is Severity.ERROR
    w.set_current_mode_key("a")                           # an error stays until it times out or is replaced
    assert w.statusBar().currentMessage() == "The data could not be read."
