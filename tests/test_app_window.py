"""The main window as a desktop app: menus and shortcuts, projects (save → open gives the same state),
the unsaved-changes prompt, autosave and crash recovery, settings, errors, import/export, About.

Uses small fake modes (tests/fake_mode.py) so it does not depend on the real modes' internals."""
import sys

import numpy as np
import pytest
from fake_mode import BareMode, FakeMode, make_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

import engine
from engine.data import load_points_csv
from engine.project_file import load_project
from gui.main_window import MainWindow
from gui.settings import AppSettings


@pytest.fixture
def env(tmp_path, monkeypatch):
    """Settings and data dir in tmp; modal dialogs allowed (each test patches the ones it meets)."""
    monkeypatch.delenv("MLP_STUDIO_UNATTENDED", raising=False)
    asked = []

    def unexpected_question(*args, **kwargs):  # recorded (tests assert none came), answered "Discard"
        asked.append(args[1:3])
        return QMessageBox.Discard
    monkeypatch.setattr(QMessageBox, "question", staticmethod(unexpected_question))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    return {"dir": tmp_path, "settings": tmp_path / "settings.ini", "data": tmp_path / "data", "warnings": warnings,
            "asked": asked}


def answer(monkeypatch, button, log=None):
    def question(parent, title, text, *args, **kwargs):
        if log is not None:
            log.append((title, text))
        return button
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))


def same_state(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and list(a) == list(b) and all(same_state(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray):
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b)
    return type(a) is type(b) and a == b


# --------------------------------------------------------------------------- menus, shortcuts

def test_menus_and_standard_shortcuts(qtbot, env):
    w = make_window(qtbot, env)
    menus = [a.text().replace("&", "") for a in w.menuBar().actions()]
    assert menus == ["File", "Edit", "Train", "View", "Help"]
    keys = {name: [s.toString() for s in a.shortcuts()] for name, a in w.actions_by_name.items()}
    assert keys["new"] == ["Ctrl+N"] and keys["open"] == ["Ctrl+O"] and keys["save"] == ["Ctrl+S"]
    assert keys["undo"] == ["Ctrl+Z"] and "Ctrl+Shift+Z" in keys["redo"]
    assert keys["play_pause"] == ["Space"] and keys["step"] == ["S"] and keys["reset"] == ["R"]
    assert keys["help"] == ["F1"]
    for name in ("save_as", "import_csv", "export_csv", "save_model", "load_model", "export_script", "quit", "about"):
        assert name in w.actions_by_name
    assert all(a.statusTip() for n, a in w.actions_by_name.items() if not n.startswith("tab"))


def test_shortcut_keys_reach_the_current_mode(qtbot, env):
    w = make_window(qtbot, env)
    w.show()
    w.activateWindow()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    w.modes["fake"].edit()  # something to undo: Edit → Undo is enabled only then
    for key, mod in ((Qt.Key_Space, Qt.NoModifier), (Qt.Key_S, Qt.NoModifier), (Qt.Key_R, Qt.NoModifier),
                     (Qt.Key_Z, Qt.ControlModifier), (Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)):
        qtbot.keyClick(w, key, mod)
    assert w.modes["fake"].calls == ["play_pause", "step", "reset", "undo", "redo"]
    w.tabs.setCurrentIndex(1)
    qtbot.keyClick(w, Qt.Key_Space)
    assert w.modes["other"].calls == ["play_pause"]


def test_missing_optional_methods_disable_menu_items(qtbot, env):
    w = make_window(qtbot, env, modes={"bare": BareMode(), "fake": FakeMode()})
    w.file_menu.aboutToShow.emit()
    a = w.actions_by_name
    assert not a["import_csv"].isEnabled() and not a["export_csv"].isEnabled()
    assert not a["export_script"].isEnabled() and not w.plot_menu.isEnabled()
    w.tabs.setCurrentIndex(1)
    w.file_menu.aboutToShow.emit()
    assert a["import_csv"].isEnabled() and a["export_script"].isEnabled() and w.plot_menu.isEnabled()


def test_title_shows_file_name_and_star(qtbot, env):
    w = make_window(qtbot, env)
    assert w.windowTitle() == "Untitled — MLP Studio"
    w.modes["fake"].add_point(1, 2, 1)
    assert w.windowTitle() == "Untitled* — MLP Studio"
    assert w.project.write(env["dir"] / "demo.mlpproj")
    assert w.windowTitle() == "demo.mlpproj — MLP Studio"


# --------------------------------------------------------------------------- projects

def test_save_then_open_gives_identical_state(qtbot, env):
    w = make_window(qtbot, env)
    fake = w.modes["fake"]
    fake.add_point(0.5, -0.5, 1)
    fake.train_a_bit()
    fake.train_a_bit()
    fake.lr = 0.123
    w.tabs.setCurrentIndex(1)
    saved = {k: m.get_state() for k, m in w.modes.items()}
    path = env["dir"] / "p.mlpproj"
    assert w.project.write(path)
    on_disk = load_project(path)
    assert on_disk["current_mode"] == "other"
    assert all(same_state(saved[k], on_disk["modes"][k]) for k in saved)

    fake.add_point(9, 9, 0)  # change everything, then open the file again
    fake.train_a_bit()
    w.tabs.setCurrentIndex(0)
    answer(monkeypatch := pytest.MonkeyPatch(), QMessageBox.Discard)
    try:
        assert w.project.open_project(path)
    finally:
        monkeypatch.undo()
    assert all(same_state(saved[k], m.get_state()) for k, m in w.modes.items())
    assert not same_state(saved["fake"], {**saved["fake"], "lr": 1.0})  # the comparison can fail
    assert w.tabs.currentIndex() == 1 and not w.project.modified
    qtbot.wait(10)  # `changed` emitted while restoring is not a user change
    assert not w.project.modified
    assert AppSettings(env["settings"]).recent_files()[0] == str(path.resolve())


def test_corrupt_project_changes_nothing(qtbot, env):
    w = make_window(qtbot, env)
    before = w.modes["fake"].get_state()
    bad = env["dir"] / "bad.mlpproj"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    assert not w.project.open_project(bad)
    assert len(env["warnings"]) == 1 and "bad.mlpproj" in env["warnings"][0]
    assert "Traceback" not in env["warnings"][0]
    assert same_state(before, w.modes["fake"].get_state())
    assert w.windowTitle() == "Untitled — MLP Studio"


def test_a_refused_part_rolls_back_the_whole_project(qtbot, env):
    w = make_window(qtbot, env)
    a, b = w.modes["fake"], w.modes["other"]
    path = env["dir"] / "p.mlpproj"
    a.add_point(3, 3, 1)
    assert w.project.write(path)
    a.add_point(4, 4, 0)
    before_a = a.get_state()
    b.refuse = True
    answer(mp := pytest.MonkeyPatch(), QMessageBox.Discard)
    try:
        assert not w.project.open_project(path)
    finally:
        mp.undo()
    assert same_state(before_a, a.get_state())  # the first mode was put back
    assert "Fake B part cannot be opened" in env["warnings"][0]


def test_new_project_restores_the_start_state(qtbot, env, monkeypatch):
    w = make_window(qtbot, env)
    start = w.modes["fake"].get_state()
    w.modes["fake"].add_point(1, 1, 1)
    answer(monkeypatch, QMessageBox.Discard)
    assert w.project.new_project()
    assert same_state(start, w.modes["fake"].get_state()) and not w.project.modified


# --------------------------------------------------------------------------- unsaved changes

def test_unsaved_prompt_cancel_discard_save(qtbot, env, monkeypatch):
    w = make_window(qtbot, env)
    fake = w.modes["fake"]
    fake.add_point(1, 1, 1)
    n_points = len(fake.X)
    log = []
    answer(monkeypatch, QMessageBox.Cancel, log)
    assert not w.project.new_project()
    assert len(fake.X) == n_points and w.project.modified and len(log) == 1
    assert "Untitled" in log[0][1]

    w.show()
    assert not w.close()  # Cancel keeps the window open
    assert w.isVisible() and fake.shutdowns == 0

    path = env["dir"] / "kept.mlpproj"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    answer(monkeypatch, QMessageBox.Save, log)
    assert w.project.new_project()  # Save: asks for a name, saves, then starts anew
    assert path.exists() and len(load_project(path)["modes"]["fake"]["points"]["X"]) == n_points

    fake.add_point(2, 2, 0)
    answer(monkeypatch, QMessageBox.Discard, log)
    assert w.close() and fake.shutdowns == 1
    assert len(load_project(path)["modes"]["fake"]["points"]["X"]) == n_points  # discarded, file unchanged


def test_no_prompt_without_changes(qtbot, env):
    w = make_window(qtbot, env)
    w.show()
    assert w.close()
    assert env["asked"] == []


# --------------------------------------------------------------------------- autosave, recovery

def test_autosave_and_recovery_after_a_crash(qtbot, env, monkeypatch):
    w1 = make_window(qtbot, env, autosave_ms=50)
    w1.modes["fake"].add_point(7, 7, 1)
    w1.modes["other"].train_a_bit()
    qtbot.waitUntil(lambda: w1.autosave.path.exists(), timeout=3000)  # the timer wrote it
    expected = {k: m.get_state() for k, m in w1.modes.items()}
    w1.autosave.abandon()  # like a crash: the lock is gone, the file stays
    w1._closed = True      # (and it never closes cleanly)

    w2 = make_window(qtbot, env, modes={"fake": FakeMode(title="Fake A"), "other": FakeMode(title="Fake B", seed=1)})
    log = []
    answer(monkeypatch, QMessageBox.Yes, log)
    assert w2.project.offer_recovery()
    assert "did not close properly" in log[0][1]
    assert all(same_state(expected[k], m.get_state()) for k, m in w2.modes.items())
    assert w2.project.modified and w2.windowTitle().startswith("Untitled*")
    assert not w1.autosave.path.exists()            # the orphan was taken over...
    assert w2.autosave.path.exists()                # ...and autosaved again by the new session
    assert not w2.project.offer_recovery()          # nothing left to offer
    answer(monkeypatch, QMessageBox.Discard)
    w2.close()
    assert not w2.autosave.path.exists()            # a clean exit leaves no recovery file


def test_declined_recovery_deletes_the_autosave_and_running_sessions_are_left_alone(qtbot, env, monkeypatch):
    w1 = make_window(qtbot, env)
    w1.modes["fake"].add_point(7, 7, 1)
    assert w1.project.autosave_now()
    w2 = make_window(qtbot, env)
    assert w2.autosave.orphans() == []  # w1 still runs: its autosave is not an orphan
    w1.autosave.abandon()
    w1._closed = True
    answer(monkeypatch, QMessageBox.No)
    assert not w2.project.offer_recovery()
    assert not w1.autosave.path.exists()


def test_saving_removes_the_autosave(qtbot, env):
    w = make_window(qtbot, env)
    w.modes["fake"].add_point(1, 1, 1)
    assert w.project.autosave_now() and w.autosave.path.exists()
    assert not w.project.autosave_now()  # nothing new since
    assert w.project.write(env["dir"] / "s.mlpproj")
    assert not w.autosave.path.exists()


# --------------------------------------------------------------------------- settings

def test_window_geometry_tab_and_folders_are_remembered(qtbot, env, monkeypatch):
    w1 = make_window(qtbot, env)
    w1.show()
    w1.resize(700, 520)
    w1.tabs.setCurrentIndex(1)
    folder = env["dir"] / "exports"
    folder.mkdir()
    w1.settings.set_last_folder("csv", folder / "points.csv")
    assert w1.close()
    w2 = make_window(qtbot, env)
    assert w2.tabs.currentIndex() == 1
    assert (w2.width(), w2.height()) == (700, 520)
    assert w2.settings.last_folder("csv") == str(folder)
    seen = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, start, filters:
                                     seen.setdefault("start", start) and ("", "")))
    w2.tabs.setCurrentIndex(0)
    w2.files.export_points(w2.mode)
    assert seen["start"].startswith(str(folder))


def test_recent_files_menu(qtbot, env, monkeypatch):
    w = make_window(qtbot, env)
    paths = [env["dir"] / f"p{i}.mlpproj" for i in range(3)]
    for p in paths:
        assert w.project.write(p)
    w.recent_menu.aboutToShow.emit()
    names = [a.text() for a in w.recent_menu.actions() if a.text()]
    assert names[:3] == ["&1 p2.mlpproj", "&2 p1.mlpproj", "&3 p0.mlpproj"]
    paths[0].unlink()
    w.recent_menu.actions()[2].trigger()  # a vanished file: a message, and it leaves the list
    assert "p0.mlpproj" in env["warnings"][-1]
    assert str(paths[0].resolve()) not in w.settings.recent_files()


# --------------------------------------------------------------------------- errors

def test_uncaught_exception_becomes_a_short_message(qtbot, env):
    w = make_window(qtbot, env)
    w.errors.install()
    try:
        def broken():
            raise KeyError("the details")
        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: w.errors.count == 1, timeout=2000)
        shown = w.statusBar().currentMessage()
        assert "KeyError" in shown and "Traceback" not in shown
        dialog = w.errors._dialog
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        assert "Traceback" not in dialog.text() + dialog.informativeText()
        w.errors.excepthook(engine.DivergenceError, engine.DivergenceError("Training diverged; try a lower "
                                                                           "learning rate."), None)
        qtbot.waitUntil(lambda: w.errors.count == 2, timeout=2000)
        assert w.statusBar().currentMessage().startswith("Training diverged")
        dialog.close()
    finally:
        w.errors.uninstall()
    assert sys.excepthook is not w.errors.excepthook


def test_mode_errors_from_menu_commands_land_in_status_bar(qtbot, env, monkeypatch):
    w = make_window(qtbot, env)
    monkeypatch.setattr(w.modes["fake"], "step", lambda: (_ for _ in ()).throw(ValueError("no data to train on")))
    w.actions_by_name["step"].trigger()
    assert w.statusBar().currentMessage() == "no data to train on"


# --------------------------------------------------------------------------- import / export

def test_import_and_export(qtbot, env, monkeypatch):
    w = make_window(qtbot, env)
    fake, d = w.modes["fake"], env["dir"]
    assert w.files.export_points(fake, d / "pts.csv")
    assert len(load_points_csv(d / "pts.csv").X) == len(fake.X)
    (d / "new.csv").write_text("x1,x2,label\n1,2,0\n3,4,1\n")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(d / "new.csv"), "")))
    w.actions_by_name["import_csv"].trigger()
    assert fake.X.tolist() == [[1, 2], [3, 4]] and w.project.modified
    (d / "bad.csv").write_text("x1,x2,label\n1,oops,0\n")
    assert not w.files.import_points(fake, d / "bad.csv")
    assert "bad.csv: line 2" in env["warnings"][-1] and fake.X.tolist() == [[1, 2], [3, 4]]

    assert w.files.export_plot(fake, "Loss curve", d / "loss.png")
    assert (d / "loss.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert w.files.save_model(fake, d / "m.npz")
    assert engine.Pipeline.load(d / "m.npz").model.num_parameters() == fake.model.num_parameters()
    assert w.files.export_script(fake, d / "net.py")
    ns = {}
    exec((d / "net.py").read_text(), ns)
    X = np.random.default_rng(0).normal(size=(5, 2))
    np.testing.assert_allclose(ns["predict_proba"](X), fake.current_pipeline().predict_proba(X), rtol=1e-5)
    (d / "junk.npz").write_bytes(b"junk")
    assert not w.files.load_model(fake, d / "junk.npz")
    assert "junk.npz" in env["warnings"][-1]


# --------------------------------------------------------------------------- dialogs, theme

def test_about_box_has_versions_and_mnist_credit(qtbot, env):
    import numpy
    import pyqtgraph
    import PySide6
    w = make_window(qtbot, env)
    dialog = w.show_about()
    text = dialog.label.text()
    for needle in ("MLP Studio 0.1.0", numpy.__version__, PySide6.__version__, pyqtgraph.__version__,
                   "CC&nbsp;BY-SA&nbsp;3.0", "LeCun", "Cortes", "Burges", "Python"):
        assert needle in text, needle
    dialog.close()


def test_help_dialog(qtbot, env):
    w = make_window(qtbot, env)
    w.actions_by_name["help"].trigger()
    text = w._help.browser.toPlainText()
    assert "learning rate" in text and "backpropagation" in text.lower() and "Space" in text
    w._help.close()


def test_dark_theme_recolours_plots(qtbot, env):
    w = make_window(qtbot, env)
    try:
        w.set_theme("dark")
        bg = w.modes["fake"].plot.backgroundBrush().color()
        assert bg.lightness() < 80
        w.set_theme("light")
        assert w.modes["fake"].plot.backgroundBrush().color().lightness() > 200
    finally:
        w.set_theme("system")


# --------------------------------------------------------------------------- the real modes

@pytest.fixture
def real_window(qtbot, env):
    pytest.importorskip("gui.playground")
    pytest.importorskip("gui.mnist")
    w = MainWindow(settings=AppSettings(env["settings"]), data_dir=env["data"])
    qtbot.addWidget(w)
    yield w
    w.project.modified = False
    w.close()


def test_every_control_of_the_real_window_has_a_tooltip(real_window):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QScrollBar,
        QTabBar,
        QWidget,
    )
    kinds = (QAbstractButton, QAbstractSpinBox, QComboBox, QAbstractSlider, QLineEdit)
    missing = []
    for c in real_window.findChildren(QWidget):
        if not isinstance(c, kinds) or isinstance(c, QScrollBar) or c.objectName().startswith("qt_"):
            continue
        if isinstance(c.parentWidget(), (QTabBar, QAbstractSpinBox, QComboBox)):  # parts of a compound widget
            continue
        if not c.toolTip().strip():
            missing.append(f"{type(c).__name__} {c.objectName()!r} {getattr(c, 'text', lambda: '')()!r} "
                           f"in {type(c.parentWidget()).__name__}")
    assert not missing, "controls without a tooltip:\n" + "\n".join(missing)


def test_real_modes_project_round_trip(real_window, env):
    w = real_window
    pg = w.playground
    pg.points.add(1.25, -2.5, 1)
    before = {k: m.get_state() for k, m in w.modes.items()}
    path = env["dir"] / "real.mlpproj"
    assert w.project.write(path)
    pg.points.add(3.0, 3.0, 0)
    assert w.project.open_project(path)
    after = {k: m.get_state() for k, m in w.modes.items()}
    xy_before = before["playground"]["points"]
    xy_after = after["playground"]["points"]
    assert same_state(xy_before, xy_after)
    assert same_state(before["mnist"]["recipe"], after["mnist"]["recipe"])
    assert same_state(before["playground"]["recipes"], after["playground"]["recipes"])
