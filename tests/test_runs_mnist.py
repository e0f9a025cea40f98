"""Issue 10 in the MNIST lab: runs recorded when training finishes or stops, the lab's own sweeps
(1-, 2-, 3-layer perceptrons) on a subset, restoring a run exactly, runs in the project."""
import numpy as np
import pytest

from engine.idx import ImageDataset
from engine.recipe import validate_recipe
from engine.runs import differences
from gui.mnist.mode import MnistLabMode
from tests.test_runs_wiring import wait_for


@pytest.fixture
def data():
    rng = np.random.default_rng(5)
    return ImageDataset(rng.integers(0, 256, (400, 28, 28), dtype=np.uint8), np.arange(400) % 10,
                        rng.integers(0, 256, (100, 28, 28), dtype=np.uint8), np.arange(100) % 10,
                        tuple(str(i) for i in range(10)), "noise digits")


@pytest.fixture
def mode(qtbot, data, tmp_path):
    m = MnistLabMode(auto_load_data=False)
    qtbot.addWidget(m)
    m.resize(1280, 720)
    m.show()
    m.set_data(data, str(tmp_path))
    s = m.session
    s.set_recipe(validate_recipe({**s.recipe, "hidden": [{"units": 16, "activation": "relu"}], "dropout": 0.0,
                                  "augment": None, "batch_size": 50}))
    s.set_epochs(3)
    s.set_subset(400)
    yield m
    m.shutdown()


def train(m):
    ended = []
    m.session.run_finished.connect(ended.append)
    m.session.start_training()
    wait_for(lambda: ended)
    return ended[0]


def test_a_finished_run_is_recorded_with_its_figures(mode, data):
    s = mode.session
    assert train(mode) == "done"
    log = s.run_records.log
    assert len(log) == 1
    run = log.runs[0]
    assert run.recipe == s.recipe and run.epochs == 3
    np.testing.assert_array_equal(run.curves["test_loss"], s.history.h["test_loss"].values)
    np.testing.assert_allclose(run.curves["test_metric"], s.history.h["test_acc"].values / 100)
    assert run.steps == s.steps == 3 * 8
    assert run.data["n_train"] == 400 and run.data["n_test"] == 100
    for k, v in s.pipeline.model.state_dict().items():
        np.testing.assert_array_equal(run.weights[k], v)
    assert run.seconds > 0 and np.all(np.isfinite(run.curves["seconds"]))
    assert mode.runs_tab.panel.table.rowCount() == 1


def test_restoring_a_run_reproduces_its_predictions_and_the_project_keeps_runs(mode, data):
    s = mode.session
    train(mode)
    before = s.pipeline.predict_proba(data.test_images.reshape(100, -1))
    s.set_recipe(validate_recipe({**s.recipe, "hidden": [{"units": 8, "activation": "tanh"}]}))
    train(mode)
    assert len(s.run_records.log) == 2
    assert s.run_records.restore(0)
    assert s.recipe == s.run_records.log.runs[0].recipe
    np.testing.assert_array_equal(s.pipeline.predict_proba(data.test_images.reshape(100, -1)), before)
    state = mode.get_state()
    mode.set_state({k: v for k, v in state.items() if k != "runs"})     # an older project: no runs
    assert len(s.run_records.log) == 0
    mode.set_state(state)
    assert [r.name for r in s.run_records.log.runs] == ["Run 1", "Run 2"]


def test_the_lab_sweep_trains_1_2_3_layer_perceptrons_on_a_subset(mode):
    s = mode.session
    base = s.recipe
    ended = []
    s.run_records.sweep_finished.connect(ended.append)
    assert s.run_records.start_lab_sweep("layers", epochs=2, subset_n=200)
    wait_for(lambda: ended)
    runs = s.run_records.log.runs
    assert ended == ["done"] and [len(r.recipe["hidden"]) for r in runs] == [0, 1, 2]
    assert all(r.data["n_train"] == 200 and r.epochs == 2 for r in runs)
    assert set(differences(runs[1].recipe, runs[2].recipe)) <= {"layers"}
    assert mode.runs_tab.panel.selected() == [0, 1, 2]
    ended.clear()
    assert s.run_records.start_sweep("optimizer", ["sgd", "adam"], epochs=1)
    wait_for(lambda: ended)
    new = s.run_records.log.runs[3:]
    assert [r.recipe["optimizer"] for r in new] == ["sgd", "adam"]
    assert all(set(differences(base, r.recipe)) <= {"optimizer"} for r in new)
