"""Issue 10 wiring: the playground records every training run, restores one exactly, sweeps on a
worker (stoppable, keeping finished runs), saves its runs in the project; the Runs tab overlays them."""
import numpy as np
import pytest

from engine.project_file import load_project, save_project
from engine.runs import differences
from gui.playground import PlaygroundMode
from tests.qt_wait import wait_until

TIMEOUT = 30000


def wait_for(cond, timeout=TIMEOUT):
    assert wait_until(cond, timeout / 1000), "timed out"


@pytest.fixture
def mode(shown_playground):
    return shown_playground(3)


def train_epochs(m, n):
    s = m.session
    start = s.epoch
    s.play_pause()
    wait_for(lambda: s.epoch >= start + n)
    s.play_pause()
    wait_for(lambda: not s.running and s.settled)


def test_a_run_is_recorded_with_its_figures_when_training_stops(mode):
    s = mode.session
    assert len(s.runs.log) == 0
    train_epochs(mode, 5)
    s.stop()
    log = s.runs.log
    assert len(log) == 1
    run = log.runs[0]
    cols = s.history.columns()
    assert run.recipe == s.recipe()
    assert run.epochs == len(cols["epoch"]) >= 5
    np.testing.assert_array_equal(run.curves["train_loss"], cols["train_loss"])
    np.testing.assert_array_equal(run.curves["test_metric"], cols["test_metric"])
    assert run.steps == s.step_count > 0
    assert run.n_parameters == sum(v.size for v in s.weights.values())
    for k, v in s.weights.items():
        np.testing.assert_array_equal(run.weights[k], v)
    assert run.seconds > 0 and run.steps_per_second > 0
    assert len(run.curves["seconds"]) == run.epochs and np.all(np.diff(run.curves["seconds"]) >= 0)
    Xtr, _, Xte, _ = s.points.arrays()
    assert run.data["task"] == s.task and run.data["n_train"] == len(Xtr) and run.data["n_test"] == len(Xte)
    # continuing the same network updates its entry; a new network makes a new run
    train_epochs(mode, 2)
    assert len(log) == 1 and log.runs[0].epochs == len(s.history.columns()["epoch"]) > run.epochs
    s.reset()
    train_epochs(mode, 2)
    assert len(log) == 2
    assert mode.runs_tab.panel.table.rowCount() == 2


def test_restoring_a_run_reproduces_its_predictions_exactly(mode):
    s = mode.session
    train_epochs(mode, 5)
    grid = np.random.default_rng(0).uniform(-6, 6, (200, 2))
    before = s.current_pipeline().predict_proba(grid)
    recipe = s.recipe()
    r = s.recipe()
    r["hidden"] = [{"units": 3, "activation": "relu"}]
    r["lr"] = 0.3
    s.set_recipe(r)
    train_epochs(mode, 2)
    assert len(s.runs.log) == 2
    assert not np.allclose(s.current_pipeline().predict_proba(grid), before)
    assert s.runs.restore(0)
    assert s.recipe() == recipe
    np.testing.assert_array_equal(s.current_pipeline().predict_proba(grid), before)
    assert s.epoch == s.runs.log.runs[0].epochs


def test_overlaying_two_runs_draws_their_curves(mode):
    s = mode.session
    train_epochs(mode, 3)
    s.reset()
    train_epochs(mode, 4)
    panel = mode.runs_tab.panel
    panel.show_log(s.runs.log, select=[0, 1])
    drawn = panel.plot.drawn()
    assert len(drawn) == 2
    for (x, y), run in zip(drawn, s.runs.log.runs, strict=True):
        np.testing.assert_array_equal(y, run.curves[panel.curve.currentData()])
        np.testing.assert_array_equal(x, np.arange(1, run.epochs + 1))


def test_a_four_value_sweep_makes_four_runs_differing_only_in_that_setting(mode):
    s = mode.session
    base = s.recipe()
    ended = []
    s.runs.sweep_finished.connect(ended.append)
    assert s.runs.start_sweep("lr", [0.01, 0.03, 0.1, 0.3], epochs=3)
    wait_for(lambda: ended)
    assert ended == ["done"]
    runs = s.runs.log.runs
    assert len(runs) == 4
    for run, lr in zip(runs, [0.01, 0.03, 0.1, 0.3], strict=True):
        assert differences(base, run.recipe) == ({"lr": (base["lr"], lr)} if lr != base["lr"] else {})
        assert run.epochs == 3 and run.weights is not None
    assert mode.runs_tab.panel.selected() == [0, 1, 2, 3]
    assert len(mode.runs_tab.panel.plot.drawn()) == 4
    # a layers sweep: recipes differ only in the hidden layers
    ended.clear()
    assert s.runs.start_sweep("layers", [0, 1, 2, 3], epochs=2)
    wait_for(lambda: ended)
    new = s.runs.log.runs[4:]
    assert [len(r.recipe["hidden"]) for r in new] == [0, 1, 2, 3]
    assert all(set(differences(base, r.recipe)) <= {"layers", "width", "activation"} for r in new)


def test_stopping_a_sweep_keeps_the_finished_runs(mode):
    s = mode.session
    ended = []
    s.runs.sweep_finished.connect(ended.append)
    assert s.runs.start_sweep("width", [2, 3, 4, 5, 6, 7], epochs=400)
    wait_for(lambda: len(s.runs.log) >= 1)
    s.runs.stop_sweep()
    wait_for(lambda: ended)
    assert ended == ["stopped"]
    n = len(s.runs.log)
    assert 1 <= n < 6
    assert all(r.epochs == 400 for r in s.runs.log.runs)


def test_projects_save_and_reopen_runs(mode, qtbot, tmp_path):
    s = mode.session
    train_epochs(mode, 3)
    s.stop()
    s.runs.rename(0, "my first")
    state = mode.get_state()
    save_project(tmp_path / "p.mlpproj", {"playground": state})
    loaded = load_project(tmp_path / "p.mlpproj")["playground"]
    other = PlaygroundMode(seed=9)
    qtbot.addWidget(other)
    try:
        other.set_state(loaded)
        a, b = s.runs.log.runs[0], other.session.runs.log.runs[0]
        assert len(other.session.runs.log) == 1 and b.name == "my first"
        for k in a.curves:
            np.testing.assert_array_equal(a.curves[k], b.curves[k])
        for k in a.weights:
            np.testing.assert_array_equal(a.weights[k], b.weights[k])
        assert other.runs_tab.panel.table.rowCount() == 1
        old = dict(loaded)
        del old["runs"]                       # a project of an older version
        other.set_state(old)
        assert len(other.session.runs.log) == 0
        bad = dict(loaded, runs={"runs": [{"name": "x"}]})
        with pytest.raises(ValueError):
            other.validate_state(bad)
        with pytest.raises(ValueError):
            other.set_state(bad)
    finally:
        other.shutdown()


def test_exports_write_the_table_and_the_overlay(mode, tmp_path):
    s = mode.session
    train_epochs(mode, 2)
    mode.runs_tab.panel.show_log(s.runs.log, select=[0])
    mode.runs_tab.export_csv(tmp_path / "runs.csv")
    mode.runs_tab.export_png(tmp_path / "runs.png")
    text = (tmp_path / "runs.csv").read_text()
    assert text.splitlines()[0].startswith("name,") and "Run 1" in text
    assert (tmp_path / "runs.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_compare_dialog_values_and_a_bad_sweep_loses_nothing(mode):
    from gui.runs.compare_dialog import CompareDialog, parse_values
    assert parse_values("layers", "0, 1; 3") == [0, 1, 3]
    assert parse_values("lr", "0.1,0.3") == [0.1, 0.3]
    assert parse_values("activation", "relu, tanh") == ["relu", "tanh"]
    with pytest.raises(ValueError, match="whole numbers"):
        parse_values("width", "4, eight")
    with pytest.raises(ValueError, match="at least one"):
        parse_values("lr", " , ")
    dlg = CompareDialog(mode, 50)
    dlg.setting.setCurrentIndex(dlg.setting.findData("width"))
    dlg.second.setCurrentIndex(dlg.second.findData("lr"))
    dlg.values.setText("2, 4")
    dlg.values2.setText("0.01, 0.1")
    assert dlg.choice() == ("width", [2, 4], ("lr", [0.01, 0.1]), 50)
    dlg.second.setCurrentIndex(dlg.second.findData("width"))
    with pytest.raises(ValueError, match="two different"):
        dlg.choice()
    s = mode.session
    recipe = s.recipe()
    assert not s.runs.start_sweep("activation", ["relu", "nonsense"], epochs=2)
    assert s.message[1] == "error" and "activation" in s.message[0]
    assert len(s.runs.log) == 0 and not s.runs.sweeping and s.recipe() == recipe
    # crossed with a second setting: every combination, differing only in the two settings
    ended = []
    s.runs.sweep_finished.connect(ended.append)
    assert s.runs.start_sweep("width", [2, 4], ("lr", [0.01, 0.1]), epochs=2)
    wait_for(lambda: ended)
    got = [(r.recipe["hidden"][0]["units"], r.recipe["lr"]) for r in s.runs.log.runs]
    assert got == [(2, 0.01), (2, 0.1), (4, 0.01), (4, 0.1)]
    assert all(set(differences(recipe, r.recipe)) <= {"width", "lr"} for r in s.runs.log.runs)


def test_a_sweep_and_a_rename_mark_the_project_unsaved(mode):
    s = mode.session
    marks = []
    mode.changed.connect(lambda: marks.append(1))
    ended = []
    s.runs.sweep_finished.connect(ended.append)
    s.runs.start_sweep("lr", [0.01, 0.1], epochs=2)
    wait_for(lambda: ended)
    assert len(marks) >= 2
    marks.clear()
    s.runs.rename(0, "slow")
    assert marks and s.runs.log.runs[0].name == "slow"
    marks.clear()
    s.runs.delete([1])
    assert marks and len(s.runs.log) == 1


def test_compare_dialog_takes_bulgarian_decimal_commas(qapp):
    """In Bulgarian the learning rates are offered as "0,003; 0,01; …" and read back as such; "0,01, 0,1"
    (a comma and a space between values) and plain points work too — a decimal comma is never a separator."""
    from gui.i18n import set_language
    from gui.runs.compare_dialog import LEARNING_RATES, CompareDialog, parse_values
    assert set_language("bg")
    try:
        dlg = CompareDialog(None, 5)
        dlg.setting.setCurrentIndex(dlg.setting.findData("lr"))
        assert "." not in dlg.values.text() and "0,01" in dlg.values.text(), dlg.values.text()
        assert dlg.choice()[1] == list(LEARNING_RATES)
        assert parse_values("lr", "0,01; 0,1") == parse_values("lr", "0,01, 0,1") == [0.01, 0.1]
        assert parse_values("lr", "0.01,0.1") == [0.01, 0.1]
        assert parse_values("layers", "0, 1; 3") == [0, 1, 3]
        set_language("en")
        assert dlg.values.text() == "0.003, 0.01, 0.03, 0.1"        # the offered rates follow a switch
        dlg.deleteLater()
    finally:
        set_language("en")
