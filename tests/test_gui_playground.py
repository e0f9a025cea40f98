"""The 2D playground, driven like a user drives it (offscreen)."""
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from engine import Linear, ReLU, Sigmoid, Tanh
from engine.recipe import default_recipe
from gui.playground import PlaygroundMode
from gui.playground.points import PointsModel

TIMEOUT = 20000


@pytest.fixture
def mode(qtbot):
    m = PlaygroundMode(seed=7)
    qtbot.addWidget(m)
    m.resize(1300, 820)
    m.show()
    qtbot.waitUntil(lambda: m._last_snap is not None, timeout=TIMEOUT)
    yield m
    m.shutdown()


def click(qtbot, canvas, x, y, button=Qt.LeftButton):
    qtbot.mouseClick(canvas.viewport(), button, Qt.NoModifier, canvas.data_to_viewport(x, y))


def drag(qtbot, canvas, path):
    """A left-button stroke through data points (moves sent as QMouseEvents with the button held)."""
    vp = canvas.viewport()
    pts = [canvas.data_to_viewport(x, y) for x, y in path]
    qtbot.mousePress(vp, Qt.LeftButton, Qt.NoModifier, pts[0])
    for p in pts[1:]:
        pf = QPointF(p)
        ev = QMouseEvent(QEvent.MouseMove, pf, QPointF(vp.mapToGlobal(p)), Qt.NoButton, Qt.LeftButton,
                         Qt.NoModifier)
        QApplication.sendEvent(vp, ev)
        qtbot.wait(12)   # pyqtgraph drops mouse moves faster than ~100 a second
    qtbot.mouseRelease(vp, Qt.LeftButton, Qt.NoModifier, pts[-1])


def wait_paused(qtbot, m):
    qtbot.waitUntil(lambda: m._last_snap is not None and not m._last_snap.running and not m.busy(),
                    timeout=TIMEOUT)


def test_click_adds_point_at_data_coordinates_and_undo_removes_it(mode, qtbot):
    mode.points.clear()
    mode.select_class(1)
    click(qtbot, mode.canvas, 2.0, -3.0)
    ps = mode.points.current()
    assert ps.n == 1
    assert ps.xy[0] == pytest.approx([2.0, -3.0], abs=0.1)
    assert ps.label[0] == 1
    mode.panel.class_buttons[0].click()
    click(qtbot, mode.canvas, -1.0, 4.0)
    assert mode.points.current().n == 2 and mode.points.current().label[1] == 0
    mode.undo()
    assert mode.points.current().n == 1 and mode.points.current().xy[0] == pytest.approx([2.0, -3.0], abs=0.1)
    mode.redo()
    assert mode.points.current().n == 2


def test_right_click_erases_nearest_and_stroke_is_one_undo_step(mode, qtbot):
    mode.points.clear()
    click(qtbot, mode.canvas, 0.0, 0.0)
    click(qtbot, mode.canvas, 3.0, 3.0)
    click(qtbot, mode.canvas, 2.9, 3.1, Qt.RightButton)
    ps = mode.points.current()
    assert ps.n == 1 and ps.xy[0] == pytest.approx([0.0, 0.0], abs=0.1)
    drag(qtbot, mode.canvas, [(x, -4.0) for x in np.linspace(-4, 4, 12)])
    xy = mode.points.current().xy
    assert len(xy) >= 20                                  # a stream every 0.3 units along 8 units
    assert np.allclose(xy[1:, 1], -4, atol=0.2) and np.ptp(xy[1:, 0]) > 7
    mode.undo()
    assert mode.points.current().n == 1


def test_class_keys_and_fewer_classes_are_undoable(mode, qtbot):
    mode.panel.classes_spin.setValue(4)
    assert mode.points.current().n_classes == 4
    mode._generate("blobs", 200, 0.1)
    qtbot.keyClick(mode, Qt.Key_3)
    assert mode.panel.selected_class() == 2
    mode.panel.classes_spin.setValue(2)
    ps = mode.points.current()
    assert ps.n_classes == 2 and ps.n == 100 and ps.label.max() == 1
    mode.undo()
    assert mode.points.current().n == 200 and mode.points.current().n_classes == 4
    assert mode.panel.classes_spin.value() == 4


def test_builder_settings_make_the_matching_engine_model(mode, qtbot):
    b = mode.builder
    b._rows[0].units.setValue(5)
    b._rows[1].activation.setCurrentIndex(0)        # relu
    b.feature_checks["x1*x2"].setChecked(True)
    qtbot.waitUntil(lambda: mode._last_snap is not None, timeout=TIMEOUT)
    model = mode.controller.job.model
    assert [(l.in_features, l.out_features) for l in model if isinstance(l, Linear)] == [(3, 5), (5, 8), (8, 2)]
    assert [type(l) for l in model if not isinstance(l, Linear)] == [Tanh, ReLU]
    assert mode.controller.job.pipe.features == ("x1", "x2", "x1*x2")
    assert b.parameter_count() == model.num_parameters()
    b.set_recipe(default_recipe(hidden=[{"units": 3, "activation": "sigmoid"}]))
    b.recipe_changed.emit()
    model = mode.controller.job.model
    assert [type(l) for l in model] == [Linear, Sigmoid, Linear]


def test_train_button_reaches_95_percent_on_circle(mode, qtbot):
    assert mode._presets["classification"][0] == "circle"
    qtbot.mouseClick(mode.train_bar.play_button, Qt.LeftButton)
    assert mode.busy()
    qtbot.waitUntil(lambda: mode.plots.latest()["test_metric"] >= 0.95, timeout=TIMEOUT)
    qtbot.mouseClick(mode.train_bar.play_button, Qt.LeftButton)
    wait_paused(qtbot, mode)
    assert mode.train_bar.play_button.text().endswith("Train")
    assert mode.builder.add_button.isEnabled()


def test_pause_resume_step_and_reset(mode, qtbot):
    mode.play_pause()
    qtbot.waitUntil(lambda: mode._counters[0] >= 3, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    e, s = mode._counters
    qtbot.wait(200)
    assert mode._counters == (e, s), "paused training must not move"
    mode.play_pause()                                             # resume continues from there
    qtbot.waitUntil(lambda: mode._counters[0] > e + 2, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    e, s = mode._counters
    mode.step()                                                   # finishes the epoch paused midway
    qtbot.waitUntil(lambda: mode._counters[0] == e + 1 and not mode._last_snap.running, timeout=TIMEOUT)
    e, s = mode._counters
    mode.step()                                                   # then exactly one whole epoch
    qtbot.waitUntil(lambda: mode._counters[0] == e + 1 and not mode._last_snap.running, timeout=TIMEOUT)
    n_train = len(mode.points.arrays()[0])
    assert mode._counters[1] - s == -(-n_train // 10)             # one epoch of minibatches of 10
    qtbot.wait(150)
    assert mode._counters[0] == e + 1
    w_before = {k: v.copy() for k, v in mode._weights.items()}
    qtbot.mouseClick(mode.train_bar.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: mode._last_snap is not None and mode._last_snap.epoch == 0, timeout=TIMEOUT)
    assert mode._counters == (0, 0)
    assert len(mode.plots.series["epoch"].get()) == 0
    assert any(not np.allclose(w_before[k], mode._weights[k]) for k in w_before)


def test_stop_keeps_weights_and_train_continues(mode, qtbot):
    mode.play_pause()
    qtbot.waitUntil(lambda: mode._counters[0] >= 5, timeout=TIMEOUT)
    mode.stop()
    e = mode._counters[0]
    assert e >= 5 and not mode.busy()
    mode.play_pause()
    qtbot.waitUntil(lambda: mode._counters[0] > e + 2, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)


def test_one_class_or_empty_data_refuses_with_a_message(mode, qtbot):
    said = []
    mode.status.connect(said.append)
    mode.points.clear()
    mode.play_pause()
    assert not mode.busy() and "no training points" in said[-1]
    for x in (-2, 0, 2):
        click(qtbot, mode.canvas, x, 1.0)
    mode.points.set_test_fraction(0.0)
    mode.play_pause()
    assert not mode.busy() and "only one class" in said[-1]


def test_divergence_keeps_last_good_weights(mode, qtbot):
    mode.set_task("regression")
    r = mode.builder.recipe()
    r["lr"] = 10.0
    r["hidden"] = [{"units": 16, "activation": "relu"}] * 2
    mode.builder.set_recipe(r)
    mode.builder.recipe_changed.emit()
    qtbot.waitUntil(lambda: mode._last_snap is not None, timeout=TIMEOUT)
    said = []
    mode.status.connect(said.append)
    mode.play_pause()
    qtbot.waitUntil(lambda: any("diverged" in s for s in said), timeout=TIMEOUT)
    wait_paused(qtbot, mode)
    assert mode.train_bar.play_button.text().endswith("Train")
    assert all(np.all(np.isfinite(v)) for v in mode._weights.values())
    assert mode.controller.active     # the session lives on; controls are back


def test_1d_regression_fits_a_line(mode, qtbot):
    mode.set_task("regression1d")
    mode.points.clear()
    mode.points.set_test_fraction(0.0)
    for x in np.linspace(-5, 5, 21):
        click(qtbot, mode.canvas, x, 0.5 * x - 1.0)
    ps = mode.points.current()
    assert ps.n == 21 and np.allclose(ps.xy[:, 1], 0.5 * ps.xy[:, 0] - 1.0, atol=0.15)
    r = mode.builder.recipe()
    r.update(hidden=[], optimizer="adam", lr=0.1, batch_size=7)
    mode.builder.set_recipe(r)
    mode.builder.recipe_changed.emit()
    mode.play_pause()
    qtbot.waitUntil(lambda: mode.plots.latest()["train_metric"] > 0.99, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    xs, ys = mode._last_snap.curve
    xx = ps.xy[:, 0]
    fitted = np.interp(xx, xs, ys)
    assert np.max(np.abs(fitted - ps.xy[:, 1])) < 0.25


def test_switching_task_keeps_points(mode, qtbot):
    before = mode.points.current().xy.copy()
    mode.set_task("regression")
    assert mode.points.current().n > 0 and mode.canvas.image.isVisible()
    mode.set_task("classification")
    assert np.array_equal(mode.points.current().xy, before)


def test_state_round_trip_and_bad_state(mode, qtbot):
    mode.play_pause()
    qtbot.waitUntil(lambda: mode._counters[0] >= 5, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    mode.panel.show_test_check.setChecked(False)
    mode.train_bar.max_epochs.setValue(500)
    state = mode.get_state()
    m2 = PlaygroundMode(seed=99)
    qtbot.addWidget(m2)
    try:
        m2.set_state(state)
        s2 = m2.get_state()
        assert np.array_equal(s2["points"]["sets"]["classification"]["xy"],
                              state["points"]["sets"]["classification"]["xy"])
        assert s2["recipes"] == state["recipes"] and s2["view"] == state["view"] and s2["stop"] == state["stop"]
        for k, v in state["model"]["weights"].items():
            assert np.array_equal(s2["model"]["weights"][k], v)
        assert np.array_equal(s2["history"]["train_loss"], state["history"]["train_loss"])
        bad = dict(state)
        bad["model"] = {"weights": {"0.weight": np.zeros((3, 3))}, "epoch": 1, "step": 1}
        with pytest.raises(ValueError):
            m2.set_state(bad)
        assert np.array_equal(m2.get_state()["model"]["weights"]["0.weight"], state["model"]["weights"]["0.weight"])
        with pytest.raises(ValueError):
            m2.set_state({"version": 1, "points": {"task": "nope"}})
    finally:
        m2.shutdown()


def test_hover_shows_neuron_large(mode, qtbot):
    qtbot.waitUntil(lambda: bool(mode.diagram._boxes), timeout=TIMEOUT)
    r = mode.diagram.box_of(1, 0)
    qtbot.mouseMove(mode.diagram, r.center().toPoint())
    qtbot.waitUntil(lambda: mode._last_snap.focus == (1, 0) and mode.canvas._focus_image is not None,
                    timeout=TIMEOUT)
    assert mode.canvas._focus_image.shape == mode._last_snap.image.shape
    mode.diagram.hovered.emit(-1, -1)
    assert mode.canvas._focus_image is None


def test_closing_mid_training_exits_cleanly(qtbot, qtlog):
    m = PlaygroundMode(seed=3)
    m.show()
    qtbot.waitUntil(lambda: m._last_snap is not None, timeout=TIMEOUT)
    m.play_pause()
    qtbot.waitUntil(lambda: m._counters[0] >= 2, timeout=TIMEOUT)
    worker = m.controller._worker
    assert worker.isRunning()
    m.close()
    assert worker.isFinished() and not m.controller.active
    QApplication.processEvents()
    warnings = [r.message for r in qtlog.records if "propagateSizeHints" not in r.message]
    assert warnings == []
    m.deleteLater()


def test_points_model_state_validation():
    pm = PointsModel(seed=1)
    pm.add(1.0, 2.0, 1)
    parsed = PointsModel.check_state(pm.to_state())
    assert parsed["sets"]["classification"].n == 1
    bad = pm.to_state()
    bad["sets"]["classification"]["label"] = np.array([5])
    with pytest.raises(ValueError):
        PointsModel.check_state(bad)


# -- rendering, look and cost-related behaviour ---------------------------------------------------------
def test_fast_forward_matches_the_engine_for_every_column(rng):
    from engine import mlp
    from gui.playground import render
    model = mlp([3, 7, 6, 5, 4], ["sigmoid", "leaky_relu", "tanh"], rng=rng, dropout=0.3)
    x = rng.standard_normal((64, 3)).astype(np.float32)
    x_before = x.copy()
    model.eval()
    ref = model.forward_all(x.copy())
    model.train()
    out, cols = render.forward(model, x, keep=True)
    assert model.training and np.array_equal(x, x_before)
    linear_inputs = [i for i, layer in enumerate(model.layers) if isinstance(layer, Linear)][1:]
    expected = [x] + [ref[i - 1] for i in linear_inputs] + [ref[-1]]
    assert len(cols) == len(expected) == 5
    for c, e in zip(cols, expected):
        np.testing.assert_allclose(c, e, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(render.forward(model, x, upto=2), expected[2], rtol=1e-5, atol=1e-6)
    assert render.column_kinds(model) == ["input", "sigmoid", "relu", "tanh", "output"]


def test_decision_map_colours_the_likeliest_class_by_its_certainty(rng):
    from engine.layers import softmax
    from gui.playground import render
    from gui.widgets.colors import CLASS_RGB
    for C in (2, 3, 5):
        logits = (rng.standard_normal((16 * 16, C)) * 3).astype(np.float32)
        img = render.decision_rgba(logits.copy(), 16, discretize=False).reshape(-1, 4)
        p = softmax(logits.astype(np.float64))
        cls = p.argmax(axis=1)
        assert np.array_equal(img[:, :3], CLASS_RGB[cls])
        strength = (p.max(axis=1) - 1 / C) * C / (C - 1)
        expected = strength ** 0.8 * render.MAP_ALPHA
        assert np.max(np.abs(img[:, 3] - expected)) <= 2.5
        flat = render.decision_rgba(logits.copy(), 16, discretize=True).reshape(-1, 4)
        assert np.all(flat[:, 3] == render.MAP_ALPHA_DISCRETE)


def _job(recipe, data_rng, **kw):
    from engine.data import make_dataset
    from gui.playground.job import TrainingJob
    ds = make_dataset("circle", 200, 0.2, n_classes=2, rng=data_rng)
    return TrainingJob(recipe, "classification", 2, (ds.X[:150], ds.y[:150], ds.X[150:], ds.y[150:]),
                       bounds=(-6, 6, -6, 6), one_d=False, seed=0, **kw)


def test_thumbnails_use_a_fixed_scale_per_activation(rng):
    from gui.playground.job import MAX_SHOWN, THUMB
    job = _job(default_recipe(hidden=[{"units": 3, "activation": "tanh"}, {"units": 3, "activation": "sigmoid"}]),
               rng)
    first, second = job._linears[:2]
    first.weight.data[:] = 0
    first.bias.data[:] = [0.1, -0.5, 0.9]          # tanh units with constant outputs
    second.weight.data[:] = 0
    second.bias.data[:] = [0.0, 3.0, -3.0]         # sigmoid units: 0.5 (neutral), ~0.95, ~0.05
    snap = job._snapshot()
    assert snap.shown == (2, 3, 3, 2) and snap.thumbs.shape == (10, THUMB, THUMB, 4) and MAX_SHOWN >= 3
    alpha = snap.thumbs[2:5, :, :, 3].reshape(3, -1)
    assert np.all(np.ptp(alpha, axis=1) <= 1)      # constant units are flat pictures...
    tanh_expected = np.abs(np.tanh([0.1, -0.5, 0.9])) * 255
    assert np.allclose(alpha[:, 0], tanh_expected, atol=2)   # ...as strong as their value, not saturated
    sig = snap.thumbs[5:8, :, :, 3].reshape(3, -1)[:, 0]
    s = 1 / (1 + np.exp(-np.array([0.0, 3.0, -3.0])))
    assert np.allclose(sig, np.abs(s - 0.5) / 0.5 * 255, atol=2)
    orange, blue = snap.thumbs[6, 0, 0, :3], snap.thumbs[7, 0, 0, :3]
    assert orange[0] > orange[2] and blue[2] > blue[0]        # above 0.5 orange, below blue


def test_snapshot_map_fits_the_grid_and_the_job_counts_its_costs(rng):
    from gui.playground.job import GRID_MAX, GRID_MIN
    job = _job(default_recipe(), rng, running=True)
    for _ in range(200):
        next(job)
    st = job.stats
    assert st["steps"] == job.step > 0 and st["train_cpu"] > 0 and st["snapshots"] >= 1
    snap = job._snapshot()
    n = snap.image.shape[0]
    assert snap.image.shape == (n, n, 4) and snap.image.dtype == np.uint8 and GRID_MIN <= n <= GRID_MAX
    assert GRID_MIN <= job.grid_n <= GRID_MAX
    job.close()


def test_loss_legend_names_only_the_drawn_curves_and_curves_are_thinned(mode, qtbot):
    from gui.playground.plots import MAX_SHOWN
    from gui.playground.snapshot import History
    plots = mode.plots
    plots.per_batch.setChecked(False)
    e = np.arange(1, 5001)
    loss = 1.0 / e
    plots.add(History(e, loss, loss * 1.2, 1 - loss, 1 - loss, e * 20, loss), "accuracy")
    plots._redraw()
    text = plots.summary.text()
    assert "train" in text and "test" in text and "batch" not in text
    assert plots.loss_plot.getPlotItem().legend is None
    xs, ys = plots.train_curve.getData()
    assert plots.log_y.isChecked()                        # (the item holds log10 values then)
    assert len(xs) <= MAX_SHOWN + 1 and xs[-1] == 5000 and ys[-1] == pytest.approx(np.log10(loss[-1]))
    plots.per_batch.setChecked(True)
    assert "batch" in plots.summary.text()
    (x0, x1), _ = plots.loss_plot.getPlotItem().vb.viewRange()
    assert x0 <= 0 and 5000 <= x1 <= 6500


def test_map_fills_a_square_view_and_test_points_have_a_halo(mode, qtbot):
    c = mode.canvas
    qtbot.waitUntil(lambda: c._square_margins is not None, timeout=TIMEOUT)
    qtbot.wait(20)
    (x0, x1), (y0, y1) = c.vb.viewRange()
    assert (x0, x1, y0, y1) == pytest.approx(c.bounds, abs=0.05)
    r = c.vb.geometry()
    assert abs(r.width() - r.height()) <= 3
    n_test = int(mode.points.is_test().sum())
    assert n_test > 0 and len(c.test_halo.data) == len(c.test_points.data) == n_test
    halo = c.test_halo.opts["pen"].color()
    assert halo.lightness() < 60             # a dark halo on the light default palette
