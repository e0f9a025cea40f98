"""Training you can watch: the speed control, the step buttons and the diagnoses, through the real mode."""

import numpy as np
import pytest
from PySide6.QtCore import QEventLoop, QTimer

from engine import Pipeline
from engine.adopt import fixed_scaling
from engine.recipe import build_loss, build_model_from_recipe
from engine.tasks import task_of
from gui.playground.speed import DEFAULT_SPEED, FULL_SPEED
from tests.qt_wait import wait_until as wait_for

TIMEOUT = 20000


def run_for(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


@pytest.fixture
def mode(shown_playground):
    return shown_playground(7)


def paused(m) -> bool:
    s = m.session.last_snapshot
    return s is not None and not s.running and not m.busy()


def test_default_speed_lets_the_circle_be_watched_and_full_speed_is_fast(mode):
    mode.set_speed(DEFAULT_SPEED)
    assert mode.session.speed == DEFAULT_SPEED and mode.train_bar.speed.speed() == DEFAULT_SPEED
    mode.play_pause()
    run_for(1.0)
    h = mode.session.history.latest()
    assert mode.session.step_count > 0, "training runs at the default speed"
    assert h["test_metric"] < 0.9, f"solved within 1 s at the default speed ({h['test_metric']:.2f})"
    assert wait_for(lambda: mode.session.history.latest()["test_metric"] >= 0.9, 20), "not solved in 20 s"
    mode.play_pause()
    assert wait_for(lambda: paused(mode), 10)
    # full speed: many epochs a second
    mode.reset()
    mode.set_speed(FULL_SPEED)
    mode.play_pause()
    run_for(1.0)
    mode.play_pause()
    assert wait_for(lambda: paused(mode), 10)
    assert mode.session.epoch >= 40, f"full speed trained only {mode.session.epoch} epochs in 1 s"


def test_slowed_snapshots_show_the_step_the_counters_show(mode):
    mode.set_speed(0)                      # one minibatch per frame
    seen = []
    mode.session.snapshot.connect(lambda snap: seen.append((snap.step, mode.session.step_count)))
    mode.play_pause()
    run_for(1.0)
    mode.play_pause()
    assert wait_for(lambda: paused(mode), 10)
    steps = [s for s, _ in seen]
    assert all(s == c for s, c in seen)
    moving = np.diff(steps)
    assert len(steps) >= 5 and moving.max() <= 1, f"more than one minibatch per frame: {steps}"
    assert mode.session.step_count <= 40      # ~20 frames a second: one step each


def test_one_minibatch_step_moves_the_weights_by_minus_lr_times_its_gradient(mode):
    s = mode.session
    n_train = len(s.points.arrays()[0])
    recipe = s.recipe() | {"batch_size": n_train, "optimizer": "sgd", "lr": 0.3}
    s.set_recipe(recipe)                   # the minibatch is then the whole training set
    assert wait_for(lambda: s.weights is not None, 10)
    w0 = s.weights
    epoch0, step0 = s.counters
    mode.step_batch()
    assert wait_for(lambda: s.step_count == step0 + 1 and paused(mode), 10)
    run_for(0.2)
    assert s.step_count == step0 + 1, "one step is exactly one minibatch"
    w1 = s.weights
    # the same gradient, computed by the engine directly on the training set
    t = task_of(s.task)
    X, y, _, _ = s.points.arrays()
    model = build_model_from_recipe(recipe, 2, s.n_outputs, np.random.default_rng(0))
    model.load_state_dict(w0)
    mean, std = fixed_scaling(tuple(recipe["features"]), t.one_d, t.bounds)
    pipe = Pipeline(model, t.kind, s.n_outputs, tuple(recipe["features"]), mean, std)
    loss_fn = build_loss(recipe)
    model.train()
    out = model.forward(pipe.transform(X).astype(np.float32))
    model.zero_grad()
    loss_fn.forward(out, y)
    model.backward(loss_fn.backward())
    named = dict(model.named_parameters())
    for k in w0:
        expected = w0[k] - 0.3 * named[k].grad
        np.testing.assert_allclose(w1[k], expected, rtol=1e-4, atol=1e-5, err_msg=k)
        assert not np.allclose(w1[k], w0[k]), f"{k} did not move"


def _train_until(mode, cond, seconds=20):
    mode.play_pause()
    ok = wait_for(cond, seconds)
    mode.play_pause()
    assert wait_for(lambda: paused(mode), 10)
    return ok


def _kinds(mode):
    return {d.kind for d in mode.session.diagnoses}


def _fixed_by_reset(mode):
    """Reset with the default learning rate: the diagnoses go (a fresh network, nothing wrong yet)."""
    s = mode.session
    s.set_recipe(s.recipe() | {"lr": 0.03})
    mode.reset()
    mode.step()
    assert wait_for(lambda: s.epoch == 1 and paused(mode), 10)
    assert s.diagnoses == () and not mode.diagnoses_view.isVisible()


@pytest.mark.parametrize("case", ["lr10_tanh_circle", "lr5_relu_spiral"])
def test_a_too_high_learning_rate_is_diagnosed_and_the_diagnosis_goes_when_fixed(mode, case):
    s = mode.session
    mode.set_speed(FULL_SPEED)
    if case == "lr10_tanh_circle":
        s.set_recipe(s.recipe() | {"lr": 10.0})
        want = {"saturated", "lr_too_high"}
    else:
        s.set_recipe(s.recipe() | {"lr": 5.0, "hidden": [{"units": 8, "activation": "relu"}] * 2})
        s.set_n_classes(3)
        s.generate("spiral", 300, 0.05)
        want = {"dead_relu"}
    assert _train_until(mode, lambda: want & _kinds(mode) and s.epoch >= 25), \
        f"no diagnosis of {want} at epoch {s.epoch}: {_kinds(mode)}"
    assert mode.diagnoses_view.isVisible() and "Try:" in mode.diagnoses_view.text()
    assert "learning rate" in mode.diagnoses_view.text()
    marks = [k for d in s.diagnoses if d.kind in ("dead_relu", "saturated") for k in d.units]
    assert not ({"dead_relu", "saturated"} & _kinds(mode)) or sum(len(u) for u in marks) > 0
    _fixed_by_reset(mode)


def test_a_stalled_run_is_diagnosed(mode):
    s = mode.session
    mode.set_speed(FULL_SPEED)
    s.set_recipe(s.recipe() | {"lr": 1e-5})
    assert _train_until(mode, lambda: "stalled" in _kinds(mode) and s.epoch >= 20), _kinds(mode)
    assert "larger learning rate" in mode.diagnoses_view.text()
    _fixed_by_reset(mode)


def test_overfitting_is_diagnosed(mode):
    s = mode.session
    mode.set_speed(FULL_SPEED)
    s.generate("xor", 40, 0.5)
    s.set_recipe(s.recipe() | {"optimizer": "adam", "lr": 0.03,
                               "hidden": [{"units": 32, "activation": "relu"}] * 2})
    assert _train_until(mode, lambda: "overfitting" in _kinds(mode), 30), _kinds(mode)
    assert "overfitting" in mode.diagnoses_view.text()
    _fixed_by_reset(mode)


def test_points_and_noise_apply_live_one_undo_step_each_and_the_spiral_reads(mode):
    s, p = mode.session, mode.panel
    n0 = s.points.current().n
    p.count_spin.setValue(120)                    # as the spin box's arrows do
    assert wait_for(lambda: s.points.current().n == 120, 5), "the point count did not apply"
    assert s.settings.presets["classification"][1] == 120
    p.noise_spin.setValue(0.4)
    assert wait_for(lambda: s.settings.presets["classification"][2] == 0.4, 5), "the noise did not apply"
    s.undo()
    assert s.settings.presets["classification"][2] == 0.4 and s.points.current().n == 120   # undo: the points
    s.undo()
    assert s.points.current().n == n0
    # picking the spiral draws it with little noise (0.05), so its arms can be told apart
    i = p.preset_combo.findData("spiral")
    p.preset_combo.setCurrentIndex(i)
    p.preset_combo.activated.emit(i)
    assert s.settings.presets["classification"][0] == "spiral"
    assert s.settings.presets["classification"][2] == pytest.approx(0.05)
    run_for(0.5)
    assert s.settings.presets["classification"][0] == "spiral"   # no second sample from the spin change


def test_export_names_follow_the_task_and_the_map_png_is_tight(mode):
    from PySide6.QtGui import QImage

    from gui.file_actions import widget_png_bytes
    assert {"Decision map", "Accuracy curve", "Loss curve"} <= set(mode.plot_widgets())
    mode.set_task("regression")
    names = set(mode.plot_widgets())
    assert "R² curve" in names and "Accuracy curve" not in names and "Prediction map" in names
    mode.resize(1280, 720)
    run_for(0.2)
    canvas = mode.plot_widgets()["Prediction map"]
    img = QImage.fromData(widget_png_bytes(canvas, scale=1.0))
    vb = canvas.getPlotItem().vb.sceneBoundingRect()
    assert not img.isNull()
    # the picture is the square map plus its axes: not the widget's width with its blank side margins
    assert img.width() < vb.width() + 60 and img.height() < vb.height() + 70
    assert abs(img.width() - img.height()) < 40


def test_the_recent_view_keeps_a_long_runs_latest_epochs_readable(mode):
    s = mode.session
    mode.set_speed(FULL_SPEED)
    assert _train_until(mode, lambda: s.epoch > 250, 30)
    plots = mode.plots
    plots.recent.setChecked(True)
    (x0, x1), _ = plots.loss_plot.getPlotItem().vb.viewRange()
    assert x0 > 100 and x1 >= s.epoch, (x0, x1, s.epoch)
    xs, _ = plots.train_curve.getData()
    assert xs.min() >= x0 - 1 and len(xs) > 50        # every recent epoch, not a thinned few
    plots.recent.setChecked(False)
    (x0, _), _ = plots.loss_plot.getPlotItem().vb.viewRange()
    assert x0 <= 0.5


def test_relu_thumbnails_use_each_neurons_own_range_unless_one_scale_is_asked_for(mode):
    s = mode.session
    s.set_recipe(s.recipe() | {"hidden": [{"units": 4, "activation": "relu"}]})
    assert wait_for(lambda: s.last_snapshot is not None and s.last_snapshot.sizes[1] == 4, 10)
    mode.step()
    assert wait_for(lambda: s.epoch == 1 and paused(mode), 10)

    def strongest():     # per hidden neuron, the strongest opacity of its picture
        snap = s.last_snapshot
        return snap.thumbs[2:6, :, :, 3].reshape(4, -1).max(axis=1)
    own = strongest()
    live = own > 0
    assert live.any() and np.all(own[live] >= 250), own     # each live unit reaches full colour somewhere
    mode.diagram_panel.shared_scale.setChecked(True)
    assert wait_for(lambda: not np.array_equal(strongest(), own), 5)
    shared = strongest()
    assert shared.max() >= 250 and (shared[live] < 250).any()   # one scale: only the largest reaches it


def test_diagnose_names_the_cause_not_its_symptoms():
    from engine.diagnose import UnitHealth, diagnose
    rng = np.random.default_rng(3)
    train = np.geomspace(0.2, 0.0037, 60)
    # a noisy test loss that wanders up a little but stays below the training loss is not overfitting
    test = train * 0.98 + np.linspace(0, 0.0004, 60) + rng.normal(0, 0.0001, 60)
    assert "overfitting" not in {d.kind for d in diagnose(train, test, guess=1.0)}
    # ... one clearly above it and climbing is
    assert "overfitting" in {d.kind for d in diagnose(train, train * 1.5 + np.linspace(0, 0.05, 60), guess=1.0)}
    # all ReLUs dead: the flat loss and the train/test gap are symptoms; only the cause is named
    flat = np.full(40, 1.65) + rng.normal(0, 0.01, 40)
    dead = UnitHealth(("ReLU",), (np.ones(8, bool),), (np.zeros(8, bool),), (0.0,))
    kinds = {d.kind for d in diagnose(flat, flat * 2.5, guess=np.log(3), health=dead)}
    assert "dead_relu" in kinds and not kinds & {"stalled", "overfitting"}, kinds
    kinds = {d.kind for d in diagnose(flat, flat * 2.5, guess=np.log(3))}
    assert "overfitting" not in kinds, "a network worse than guessing is not overfitting"
