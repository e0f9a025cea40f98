"""The 2D playground, driven like a user drives it (offscreen)."""
import re

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QComboBox, QSpinBox

from engine import Linear, ReLU, Sigmoid, Tanh
from engine.recipe import default_recipe
from gui.playground import PlaygroundMode
from gui.playground.points import PointsModel
from gui.playground.speed import FULL_SPEED

TIMEOUT = 20000


@pytest.fixture
def mode(qtbot):
    m = PlaygroundMode(seed=7)
    m.set_speed(FULL_SPEED)          # these tests are about what training does, not how fast it is shown
    qtbot.addWidget(m)
    m.resize(1300, 820)
    m.show()
    qtbot.waitUntil(lambda: last(m) is not None, timeout=TIMEOUT)
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


def last(m):
    """The latest snapshot of the mode's current network (None before its first one)."""
    return m.session.last_snapshot


def units_spin(builder, i):
    return builder.findChild(QSpinBox, f"layer{i}_units")


def activation_combo(builder, i):
    return builder.findChild(QComboBox, f"layer{i}_activation")


def wait_paused(qtbot, m):
    qtbot.waitUntil(lambda: last(m) is not None and not last(m).running and not m.busy(),
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
    mode.session.generate("blobs", 200, 0.1)
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
    units_spin(b, 0).setValue(5)
    activation_combo(b, 1).setCurrentIndex(0)        # relu
    b.feature_checks["x1*x2"].setChecked(True)
    qtbot.waitUntil(lambda: last(mode) is not None, timeout=TIMEOUT)
    model = mode.controller.job.model
    assert [(l_.in_features, l_.out_features) for l_ in model if isinstance(l_, Linear)] == [(3, 5), (5, 8), (8, 2)]
    assert [type(l_) for l_ in model if not isinstance(l_, Linear)] == [Tanh, ReLU]
    assert mode.controller.job.pipe.features == ("x1", "x2", "x1*x2")
    assert b.parameter_count() == model.num_parameters()
    b.set_recipe(default_recipe(hidden=[{"units": 3, "activation": "sigmoid"}]))
    b.recipe_changed.emit()
    model = mode.controller.job.model
    assert [type(l_) for l_ in model] == [Linear, Sigmoid, Linear]


def test_train_button_reaches_95_percent_on_circle(mode, qtbot):
    assert mode.session.settings.presets["classification"][0] == "circle"
    qtbot.mouseClick(mode.train_bar.play_button, Qt.LeftButton)
    assert mode.busy()
    qtbot.waitUntil(lambda: mode.session.history.latest()["test_metric"] >= 0.95, timeout=TIMEOUT)
    qtbot.mouseClick(mode.train_bar.play_button, Qt.LeftButton)
    wait_paused(qtbot, mode)
    assert mode.train_bar.play_button.text().endswith("Train")
    assert mode.builder.add_button.isEnabled()


def test_pause_resume_step_and_reset(mode, qtbot):
    mode.play_pause()
    qtbot.waitUntil(lambda: mode.session.counters[0] >= 3, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    e, s = mode.session.counters
    qtbot.wait(200)
    assert mode.session.counters == (e, s), "paused training must not move"
    mode.play_pause()                                             # resume continues from there
    qtbot.waitUntil(lambda: mode.session.counters[0] > e + 2, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    e, s = mode.session.counters
    mode.step()                                                   # finishes the epoch paused midway
    qtbot.waitUntil(lambda: mode.session.counters[0] == e + 1 and not last(mode).running, timeout=TIMEOUT)
    e, s = mode.session.counters
    mode.step()                                                   # then exactly one whole epoch
    qtbot.waitUntil(lambda: mode.session.counters[0] == e + 1 and not last(mode).running, timeout=TIMEOUT)
    n_train = len(mode.points.arrays()[0])
    assert mode.session.counters[1] - s == -(-n_train // 10)             # one epoch of minibatches of 10
    qtbot.wait(150)
    assert mode.session.counters[0] == e + 1
    w_before = {k: v.copy() for k, v in mode.session.weights.items()}
    qtbot.mouseClick(mode.train_bar.reset_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).epoch == 0, timeout=TIMEOUT)
    assert mode.session.counters == (0, 0)
    assert len(mode.session.history.series["epoch"].get()) == 0
    assert any(not np.allclose(w_before[k], mode.session.weights[k]) for k in w_before)


def test_stop_keeps_weights_and_train_continues(mode, qtbot):
    mode.play_pause()
    qtbot.waitUntil(lambda: mode.session.counters[0] >= 5, timeout=TIMEOUT)
    mode.stop()
    e = mode.session.counters[0]
    assert e >= 5 and not mode.busy()
    mode.play_pause()
    qtbot.waitUntil(lambda: mode.session.counters[0] > e + 2, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)


def test_one_class_or_empty_data_refuses_with_a_message(mode, qtbot):
    said = []
    mode.status.connect(lambda m: said.append(str(m)))   # a Message or a str
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
    qtbot.waitUntil(lambda: last(mode) is not None, timeout=TIMEOUT)
    said = []
    mode.status.connect(lambda m: said.append(str(m)))   # a Message or a str
    mode.play_pause()
    qtbot.waitUntil(lambda: any("diverged" in s for s in said), timeout=TIMEOUT)
    wait_paused(qtbot, mode)
    assert mode.train_bar.play_button.text().endswith("Train")
    assert all(np.all(np.isfinite(v)) for v in mode.session.weights.values())
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
    qtbot.waitUntil(lambda: mode.session.history.latest()["train_metric"] > 0.99, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    xs, ys = last(mode).curve
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
    qtbot.waitUntil(lambda: mode.session.counters[0] >= 5, timeout=TIMEOUT)
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
    qtbot.waitUntil(lambda: last(mode).focus == (1, 0) and mode.canvas.focus_image is not None,
                    timeout=TIMEOUT)
    assert mode.canvas.focus_image.shape == last(mode).image.shape
    assert "Hidden layer 1, neuron 1" in message_of(mode)[0]
    mode.diagram.hovered.emit(-1, -1)
    assert mode.canvas.focus_image is None
    assert message_of(mode)[0] == ""                       # the description went with the hover


def test_closing_mid_training_exits_cleanly(qtbot, qtlog):
    m = PlaygroundMode(seed=3)
    m.show()
    qtbot.waitUntil(lambda: last(m) is not None, timeout=TIMEOUT)
    m.play_pause()
    qtbot.waitUntil(lambda: m.session.counters[0] >= 2, timeout=TIMEOUT)
    worker = m.controller.worker
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
def test_column_kinds_and_scales_follow_the_activation_registry(rng):
    from engine import mlp
    from gui.playground import render
    model = mlp([3, 7, 6, 5, 4], ["sigmoid", "leaky_relu", "tanh"], rng=rng, dropout=0.3)
    assert render.column_kinds(model) == ["input", "sigmoid", "leaky_relu", "tanh", "output"]
    assert render.column_scale(np.zeros((4, 2)), "sigmoid") == (0.5, 0.5)
    assert render.column_scale(np.array([[-3.0, 1.0]]), "leaky_relu") == (3.0, 0.0)   # the layer's largest |v|


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
    from gui.playground.loss_history import LossHistory
    from gui.playground.plots import MAX_SHOWN
    from gui.playground.snapshot import History
    plots = mode.plots
    plots.per_batch.setChecked(False)
    e = np.arange(1, 5001)
    loss = 1.0 / e
    history = LossHistory()
    history.add(History(e, loss, loss * 1.2, 1 - loss, 1 - loss, e * 20, loss), "accuracy")
    plots.show(history)
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


# -- the File menu's hooks ------------------------------------------------------------------------
def train_briefly(mode, qtbot, epochs=5):
    mode.play_pause()
    qtbot.waitUntil(lambda: mode.session.counters[0] >= epochs, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)


def test_points_csv_round_trip_switches_task_and_undoes_in_one_step(mode, qtbot, tmp_path):
    from engine import EngineError
    before = mode.points.current()
    path = tmp_path / "pts.csv"
    mode.export_points_csv(path)
    assert path.read_text().splitlines()[0] == "x1,x2,label"
    mode.points.clear()
    mode.import_points_csv(path)
    ps = mode.points.current()
    assert np.allclose(ps.xy, before.xy) and np.array_equal(ps.label, before.label)
    mode.undo()
    assert mode.points.current().n == 0
    # a curve file switches to the curve task; its undo restores what that task held before
    curve = tmp_path / "curve.csv"
    curve.write_text("x,target\n-1,0.5\n0,1.5\n2,-1\n")
    mode.import_points_csv(curve)
    assert mode.task == "regression1d"
    assert np.allclose(mode.points.current().xy, [[-1, 0.5], [0, 1.5], [2, -1]])
    mode.undo()
    assert mode.points.current().n != 3
    # 5 classes: the class count follows the file
    five = tmp_path / "five.csv"
    five.write_text("x1,x2,label\n" + "\n".join(f"{i * 0.5 - 2},{i * 0.3 - 1},{i % 5}" for i in range(10)) + "\n")
    mode.import_points_csv(five)
    assert mode.task == "classification" and mode.points.current().n_classes == 5 and mode.points.current().n == 10
    # bad files: a clear error, nothing changes
    snapshot = (mode.task, mode.points.current())
    bad = {"nine.csv": "x1,x2,label\n0,0,8\n1,1,0\n", "words.csv": "x1,x2,label\n0,zero,1\n",
           "far.csv": "x1,x2,label\n0,0,0\n40,1,1\n", "empty.csv": ""}
    for name, text in bad.items():
        p = tmp_path / name
        p.write_text(text)
        with pytest.raises((EngineError, ValueError)) as info:
            mode.import_points_csv(p)
        assert name in str(info.value) or name.split(".")[0] in str(info.value)
        assert (mode.task, mode.points.current()) == snapshot
    refused = pytest.raises(ValueError, mode.import_points_csv, tmp_path / "far.csv")
    assert "outside the playground" in str(refused.value)


def test_export_points_refuses_an_empty_set(mode, tmp_path):
    mode.points.clear()
    with pytest.raises(ValueError, match="no points"):
        mode.export_points_csv(tmp_path / "x.csv")
    assert not (tmp_path / "x.csv").exists()


def test_plot_widgets_and_named_splitter(mode):
    from PySide6.QtWidgets import QSplitter
    plots = mode.plot_widgets()
    assert {"Decision map", "Loss curve", "Accuracy curve"} <= set(plots)
    assert all(hasattr(w, "grab") for w in plots.values())
    assert [s.objectName() for s in mode.findChildren(QSplitter)] == ["playground.splitter"]


def decode_map_classes(image):
    """Class index of each map cell from its colour (-1 where transparent)."""
    from gui.widgets.colors import CLASS_RGB
    rgb = image[..., :3].astype(int)
    d = np.abs(rgb[..., None, :] - CLASS_RGB[None, None].astype(int)).sum(-1)
    cls = d.argmin(-1)
    cls[image[..., 3] < 60] = -1        # near a boundary: too close to call
    return cls


def test_exported_pipeline_predicts_what_the_map_shows(mode, qtbot, tmp_path):
    from engine import Pipeline
    assert mode.current_pipeline() is None            # nothing trained yet
    mode.set_task("classification")
    mode.session.set_n_classes(3)
    mode.session.generate("spiral", 300, 0.1)
    train_briefly(mode, qtbot, 10)
    pipe = mode.current_pipeline()
    assert pipe is not None and pipe.features == tuple(mode.builder.recipe()["features"])
    snap = last(mode)
    img = snap.image
    n = img.shape[0]
    xmin, xmax, ymin, ymax = snap.bounds
    xs, ys = np.linspace(xmin, xmax, n), np.linspace(ymin, ymax, n)
    cls = decode_map_classes(img)
    rng = np.random.default_rng(0)
    rows, cols = rng.integers(0, n, 400), rng.integers(0, n, 400)
    ok = cls[rows, cols] >= 0
    assert ok.sum() > 50
    pts = np.column_stack([xs[cols[ok]], ys[rows[ok]]])
    assert np.array_equal(pipe.predict(pts), cls[rows[ok], cols[ok]])
    # the saved file predicts the same, and loading it back restores the network and its predictions
    pipe.save(tmp_path / "m.npz")
    loaded = Pipeline.load(tmp_path / "m.npz")
    assert np.array_equal(loaded.predict(pts), pipe.predict(pts))
    recipe = mode.builder.recipe()
    mode.reset()
    mode.load_pipeline(loaded)
    assert mode.builder.recipe()["hidden"] == recipe["hidden"]
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).epoch == pipe.meta["epoch"],
                    timeout=TIMEOUT)
    again = mode.current_pipeline()
    assert np.array_equal(again.predict(pts), pipe.predict(pts))


def test_load_pipeline_folds_a_foreign_scaling_and_feature_order(mode, qtbot, rng):
    from engine import Pipeline, mlp
    model = mlp([3, 5, 4], "relu", rng=rng)
    feats = ("x1*x2", "x2", "x1")                     # not the builder's order, with its own scaling
    pipe = Pipeline(model, "classification", 4, feats, np.array([0.3, -1.0, 2.0]), np.array([2.0, 0.5, 3.0]))
    mode.load_pipeline(pipe)
    r = mode.builder.recipe()
    assert r["features"] == ["x1", "x2", "x1*x2"] and r["hidden"] == [{"units": 5, "activation": "relu"}]
    assert mode.points.current().n_classes == 4
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).sizes == (3, 5, 4), timeout=TIMEOUT)
    mine = mode.current_pipeline()
    pts = rng.uniform(-6, 6, (200, 2))
    assert np.allclose(mine.predict_proba(pts), pipe.predict_proba(pts), atol=1e-4)
    # a regression model of one input goes to the curve task
    one = Pipeline(mlp([1, 4, 1], "tanh", rng=rng), "regression", 0, None, np.array([1.0]), np.array([2.0]))
    mode.load_pipeline(one)
    assert mode.task == "regression1d"
    xs = np.linspace(-5, 5, 30)[:, None]
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).one_d, timeout=TIMEOUT)
    assert np.allclose(mode.current_pipeline().predict(xs), one.predict(xs), atol=1e-4)


def test_a_foreign_pipeline_is_refused_and_nothing_changes(mode, rng):
    from engine import Pipeline, mlp
    from engine.layers import Softmax
    before = (mode.task, mode.builder.recipe(), mode.points.current())
    cases = [Pipeline(mlp([784, 16, 10], "relu", rng=rng), "classification", 10),
             Pipeline(mlp([2, 4, 12], "relu", rng=rng), "classification", 12),
             Pipeline(mlp([1, 4, 3], "relu", rng=rng), "classification", 3),
             Pipeline(mlp([2, 4, 2], "relu", rng=rng), "classification", 2, ("x1", "cos x1"))]
    from engine.model import Sequential
    cases.append(Pipeline(Sequential(*mlp([2, 4, 2], "relu", rng=rng).layers, Softmax()), "classification", 2))
    for pipe in cases:
        with pytest.raises(ValueError) as info:
            mode.load_pipeline(pipe)
        assert len(str(info.value)) > 20
    assert "784" in str(pytest.raises(ValueError, mode.load_pipeline, cases[0]).value)
    assert (mode.task, mode.builder.recipe(), mode.points.current()) == before


# -- bounded history --------------------------------------------------------------------------------
def test_history_memory_is_bounded_and_keeps_the_curve(qtbot):
    from gui.playground.loss_history import BATCH_CAP, EPOCH_CAP, LossHistory
    from gui.playground.snapshot import History
    p = LossHistory()
    rng = np.random.default_rng(1)
    step = epoch = 0
    spikes = []
    for chunk in range(60):                          # 60 × 5,000 epochs, 60 × 2,000 batches
        ep = np.arange(epoch + 1, epoch + 5001)
        epoch += 5000
        loss = 1.0 / np.sqrt(ep)
        st = np.arange(step + 1, step + 2001)
        step += 2000
        bl = 0.5 + 0.1 * rng.random(2000)
        if chunk == 3:
            bl[700] = 9.0                            # one spike early on: the min-max thinning keeps it
            spikes.append(st[700])
        p.add(History(ep, loss, loss * 1.1, 1 - loss, 1 - loss, st, bl), "accuracy")
    s = {k: v.get() for k, v in p.series.items()}
    assert len(s["epoch"]) <= EPOCH_CAP and len(s["batch_loss"]) <= BATCH_CAP
    assert len(s["epoch"]) > EPOCH_CAP // 3 and len(s["batch_loss"]) > BATCH_CAP // 3
    assert s["epoch"][0] == 1 and s["epoch"][-1] == epoch and np.all(np.diff(s["epoch"]) > 0)
    assert np.allclose(s["train_loss"], 1.0 / np.sqrt(s["epoch"]))       # rows stay aligned
    assert s["batch_step"][-1] == step and np.all(np.diff(s["batch_step"]) > 0)
    assert s["batch_loss"].max() == 9.0 and spikes[0] in s["batch_step"]
    assert s["batch_loss"].min() < 0.501 and s["batch_loss"][-2000:].min() >= 0.5
    assert p.series["batch_loss"].a.nbytes < 8 * 4 * BATCH_CAP


# -- the gradient view --------------------------------------------------------------------------------
def test_job_gradients_match_a_direct_backward_pass(rng):
    from engine.recipe import build_loss, default_recipe
    from gui.playground.job import TrainingJob
    X = rng.uniform(-5, 5, (60, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(np.int64)
    job = TrainingJob(default_recipe(hidden=[{"units": 3, "activation": "tanh"}]), "classification", 2,
                      (X, y, X[:0], y[:0]), bounds=(-6, 6, -6, 6), one_d=False, seed=0)
    job.set_grad_view(True)
    snap = job._snapshot()                           # paused: the gradient over all training points
    assert snap.grad_source == "all training points"
    # the same by hand
    model = job.model
    Xt = job.pipe.transform(X)
    loss_fn = build_loss(job.recipe)
    loss_fn(model.forward(Xt), y)
    job.optimizer.zero_grad()
    model.backward(loss_fn.backward())
    lin = job._linears
    assert np.allclose(snap.grads[0], lin[0].weight.grad, atol=1e-6)
    assert np.allclose(snap.deltas[1], lin[1].bias.grad, atol=1e-6)
    assert snap.grad_max[1] == pytest.approx(float(np.abs(lin[1].weight.grad).max()), rel=1e-5)
    # while training: the mean over the minibatches since the last snapshot
    job.play()
    for _ in range(200):
        next(job)
        if job.step > 30:
            break
    snap = job._snapshot()
    assert "minibatch" in snap.grad_source and np.abs(snap.grads[0]).max() > 0
    job.set_grad_view(False)
    assert job._snapshot().grads is None
    job.close()


def test_gradient_view_toggle_draws_and_describes_backprop(mode, qtbot):
    tip = mode.diagram_panel.buttons["gradients"].toolTip()
    assert "Backpropagation" in tip and "chain rule" in tip
    mode.diagram_panel.buttons["gradients"].click()
    assert mode.diagram.view == "gradients"
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).grads is not None, timeout=TIMEOUT)
    snap = last(mode)
    assert [g.shape for g in snap.grads] == [w.shape for w in snap.weights]
    img = mode.diagram.grab().toImage()
    assert not img.isNull()
    said = []
    mode.status.connect(lambda m: said.append(str(m)))   # a Message or a str
    d = mode.diagram
    d._geometry()
    line = d._lines[1][0]
    mid = line.pointAt(0.5)
    qtbot.mouseMove(d, mid.toPoint())
    qtbot.waitUntil(lambda: any("∂L/∂w" in t for t in said), timeout=3000)
    assert d.line_at(mid) == (1, 0)
    mode.diagram.hovered.emit(1, 0)
    assert "δ" in said[-1]
    state = mode.get_state()
    assert state["view"]["gradients"] is True
    mode.diagram_panel.buttons["weights"].click()
    qtbot.waitUntil(lambda: last(mode).grads is None, timeout=TIMEOUT)
    mode.set_state(state)
    assert mode.diagram.view == "gradients"
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).grads is not None, timeout=TIMEOUT)


def test_fresh_start_has_nothing_to_undo_and_picking_a_preset_draws_it(mode, qtbot):
    assert not mode.points.can_undo() and not mode.panel.undo_button.isEnabled()
    n_before = mode.points.current().n
    mode.undo()
    assert mode.points.current().n == n_before > 0          # undo must not empty a fresh canvas
    combo = mode.panel.preset_combo
    i = combo.findData("xor")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)                                  # what a user's pick emits
    assert mode.session.settings.presets["classification"][0] == "xor"
    xy, label = mode.points.current().xy, mode.points.current().label
    assert np.mean((np.sign(xy[:, 0] * xy[:, 1]) > 0) == (label == label[np.argmax(xy.sum(1))])) > 0.8
    mode.undo()                                              # the circle comes back
    assert mode.points.current().n == n_before and not mode.points.can_undo()


def test_messages_never_shift_the_controls(mode, qtbot):
    """A message appearing (e.g. 'Paused at …') must not move the controls under the mouse."""
    mode.session.say("")
    qtbot.wait(20)
    y0 = mode.splitter.mapTo(mode, mode.splitter.rect().topLeft()).y()
    mode.session.say("Paused at epoch 1,234, step 56,789.")
    qtbot.wait(20)
    assert mode.splitter.mapTo(mode, mode.splitter.rect().topLeft()).y() == y0
    mode.session.say("")
    qtbot.wait(20)
    assert mode.splitter.mapTo(mode, mode.splitter.rect().topLeft()).y() == y0


def test_a_theme_switched_at_run_time_reaches_the_diagram(mode, qtbot):
    from PySide6.QtGui import QPalette

    from gui.theme import apply_theme
    try:
        apply_theme("dark")
        qtbot.wait(20)
        window = QApplication.instance().palette().color(QPalette.Window)
        assert mode.diagram.palette().color(QPalette.Window) == window
        assert mode.diagram_panel.buttons["weights"].font().bold()
        assert not mode.diagram_panel.buttons["gradients"].font().bold()
    finally:
        apply_theme("system")


def test_the_loss_summary_does_not_hold_the_window_wide(mode, qtbot):
    mode.play_pause()
    qtbot.waitUntil(lambda: mode.session.counters[0] >= 3, timeout=TIMEOUT)
    mode.play_pause()
    wait_paused(qtbot, mode)
    assert "test" in mode.plots.summary.text()
    assert mode.plots.minimumSizeHint().width() < 400
    assert mode.minimumSizeHint().width() < 1000
    assert "Paused" in mode.message.text()
    mode.set_task("regression1d")
    qtbot.wait(50)
    assert mode.canvas.height() > 300                       # and the map keeps its room
    assert mode.message.text() == ""                        # no stale 'Paused at epoch …' of the other task


def test_empty_log_loss_axis_labels_only_decades(qtbot):
    from gui.playground.loss_history import LossHistory
    from gui.playground.plots import CurvesPlot
    p = CurvesPlot()
    qtbot.addWidget(p)
    p.show(LossHistory())
    labels = [text for _, text in p._ticks[0]]
    assert labels == ["0.01", "0.1", "1"]


def test_a_jump_in_the_loss_says_the_learning_rate_is_too_high(mode, qtbot):
    """Tanh + softmax at lr 10 does not give NaN, but the loss shoots up: the user is told why."""
    said = []
    mode.status.connect(lambda m: said.append(str(m)))   # a Message or a str
    mode.play_pause()
    qtbot.waitUntil(lambda: mode.session.history.latest()["train_loss"] < 0.05, timeout=TIMEOUT)
    assert not any("jumped" in s for s in said)
    mode.builder.lr_spin.setValue(10.0)
    qtbot.waitUntil(lambda: any("jumped" in s for s in said), timeout=TIMEOUT)
    msg = next(s for s in said if "jumped" in s)
    assert "learning rate 10" in msg and "smaller" in msg
    assert mode.busy()                                      # a note, not a stop
    mode.play_pause()
    wait_paused(qtbot, mode)


# -- network edits on the undo history ------------------------------------------------------------------
def _train_epochs(qtbot, m, n=2):
    for _ in range(n):
        e = m.session.counters[0]
        m.step()
        qtbot.waitUntil(lambda e=e: m.session.counters[0] == e + 1 and not last(m).running and not m.busy(),
                        timeout=TIMEOUT)


def _net_now(m):
    """The live network of the session (the job is paused), its counters and its loss history."""
    return m.controller.job.model.state_dict(), m.session.counters, m.session.history.to_state()


def _same_history(a, b):
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a if k != "metric_name")


def test_undo_of_a_network_edit_brings_back_the_trained_network(mode, qtbot):
    _train_epochs(qtbot, mode, 3)
    recipe = mode.builder.recipe()
    weights, counters, hist = _net_now(mode)
    assert counters[0] == 3 and len(hist["epoch"]) == 3
    activation_combo(mode.builder, 0).setCurrentIndex(0)              # tanh -> relu: new random weights
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).epoch == 0, timeout=TIMEOUT)
    edited = mode.builder.recipe()
    assert edited["hidden"][0]["activation"] == "relu" and mode.session.counters == (0, 0)
    assert len(mode.session.history.series["epoch"].get()) == 0
    assert "Ctrl+Z" in mode.message.text() and mode.panel.undo_button.isEnabled()
    mode.undo()
    assert mode.builder.recipe() == recipe
    w, c, h = _net_now(mode)
    assert c == counters and _same_history(h, hist)
    assert w.keys() == weights.keys() and all(np.array_equal(w[k], weights[k]) for k in w)
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).epoch == 3, timeout=TIMEOUT)
    assert "Epoch <b>3</b>" in mode.train_bar.counter.text() and "epoch" in mode.message.text()
    mode.grab().save("shots/undo_net.png")
    _train_epochs(qtbot, mode, 1)                                     # training continues from there
    assert mode.session.counters[0] == 4
    mode.redo()                                                      # the edited network again
    assert mode.builder.recipe() == edited and mode.session.counters == (0, 0)
    assert type(mode.controller.job.model.layers[1]).__name__ == "ReLU"
    mode.undo()                                                      # and back: including the 4th epoch
    assert mode.builder.recipe() == recipe and mode.session.counters[0] == 4
    mode.undo()                                                      # nothing older: the fresh canvas
    assert "Nothing to undo" in mode.message.text() and mode.builder.recipe() == recipe


def test_point_and_network_edits_undo_in_order(mode, qtbot):
    n0 = mode.points.current().n
    mode.points.add(1.0, 1.0, 1)                                     # 1. a point edit
    _train_epochs(qtbot, mode, 1)
    weights, counters, _ = _net_now(mode)
    mode.builder.add_button.click()                                  # 2. a network edit
    assert len(mode.builder.recipe()["hidden"]) == 3
    mode.undo()                                                      # undoes 2, the points stay
    assert len(mode.builder.recipe()["hidden"]) == 2 and mode.points.current().n == n0 + 1
    assert mode.session.counters == counters
    assert all(np.array_equal(v, weights[k]) for k, v in mode.controller.job.model.state_dict().items())
    mode.undo()                                                      # undoes 1, the network stays
    assert mode.points.current().n == n0 and mode.session.counters == counters
    mode.redo()
    assert mode.points.current().n == n0 + 1 and len(mode.builder.recipe()["hidden"]) == 2
    mode.redo()
    assert len(mode.builder.recipe()["hidden"]) == 3
    mode.undo()
    mode.undo()
    mode.points.add(-1.0, -1.0, 0)                                   # a new edit ends the redo history
    mode.redo()
    assert "Nothing to redo" in mode.message.text() and len(mode.builder.recipe()["hidden"]) == 2


def test_reset_is_undoable_and_quick_edits_of_a_fresh_net_are_one_step(mode, qtbot):
    _train_epochs(qtbot, mode, 2)
    weights, counters, hist = _net_now(mode)
    mode.reset()
    assert mode.session.counters == (0, 0) and "Ctrl+Z" in mode.message.text()
    units = units_spin(mode.builder, 0)
    for v in (9, 10, 11):                                            # scrolling a spin box on a fresh net
        units.setValue(v)
    mode.undo()                                                      # one step back to the trained net
    w, c, h = _net_now(mode)
    assert c == counters and _same_history(h, hist) and mode.builder.recipe()["hidden"][0]["units"] == 8
    assert all(np.array_equal(w[k], weights[k]) for k in w)


def test_the_undo_history_is_bounded(mode, qtbot, monkeypatch):
    import gui.playground.edits as mode_module
    from gui.playground.history import UNDO_DEPTH
    monkeypatch.setattr(mode_module, "COALESCE_SECONDS", -1.0)      # every edit its own step
    mode.points.add(1.0, 1.0, 1)
    assert mode.points.undo_depth("classification") == 1
    units = units_spin(mode.builder, 0)
    for i in range(UNDO_DEPTH + 5):
        units.setValue(2 + i % 7)
    assert len(mode.session.undo_history) == UNDO_DEPTH
    assert mode.points.undo_depth("classification") == 0             # its oldest point step went with it
    for _ in range(UNDO_DEPTH):
        mode.undo()
    assert not mode.session.undo_history.can_undo("classification") and mode.builder.recipe()["hidden"][0]["units"] != 8


def test_undo_history_drops_the_oldest_networks_past_its_byte_budget():
    from gui.playground.history import POINTS, NetState, UndoHistory
    forgotten = []
    h = UndoHistory(["a"], forgotten.append, depth=10, max_bytes=3000)
    h.push("a", POINTS)
    for i in range(5):
        h.push("a", NetState({}, {"w": np.full(250, i, np.float32)}, (1, 1), {}))   # 1000 bytes each
    assert h.nbytes("a") <= 3000 and forgotten == ["a"]
    assert h.pop_undo("a").weights["w"][0] == 4 and h.pop_undo("a").weights["w"][0] == 3
    for _ in range(20):
        h.push("a", POINTS)
    assert len(h) == 10


# -- each task keeps its own network; a class-count change is one undo step ----------------------------------
def _same_weights(a, b):
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def test_switching_task_and_back_brings_the_trained_network_back(mode, qtbot):
    _train_epochs(qtbot, mode, 2)
    recipe = mode.builder.recipe()
    weights, counters, hist = _net_now(mode)
    assert counters[0] == 2 and len(hist["epoch"]) == 2
    mode.set_task("regression1d")
    assert mode.builder.recipe()["features"] == ["x1"] and mode.session.counters == (0, 0)
    assert len(mode.session.history.series["epoch"].get()) == 0
    _train_epochs(qtbot, mode, 1)                                    # the curve task trains its own net
    curve_w, curve_c, curve_h = _net_now(mode)
    mode.set_task("classification")
    assert mode.builder.recipe() == recipe
    w, c, h = _net_now(mode)
    assert c == counters and _same_history(h, hist) and _same_weights(w, weights)
    assert "2 epochs" in mode.message.text()
    qtbot.waitUntil(lambda: last(mode) is not None and last(mode).epoch == 2, timeout=TIMEOUT)
    mode.play_pause()                                                # switching stops a running training
    qtbot.waitUntil(lambda: mode.session.counters[0] >= 3, timeout=TIMEOUT)
    mode.set_task("regression1d")
    assert not mode.busy() and not mode.session.running and mode.train_bar.play_button.text().endswith("Train")
    w, c, h = _net_now(mode)
    assert c == curve_c and _same_history(h, curve_h) and _same_weights(w, curve_w)
    mode.set_task("classification")                                  # kept where the run stopped
    assert mode.session.counters[0] >= 3 and len(mode.session.history.series["epoch"].get()) == mode.session.counters[0]


def _outputs(m):
    return [layer for layer in m.controller.job.model.layers if isinstance(layer, Linear)][-1].out_features


def test_a_class_count_change_is_undone_with_its_network(mode, qtbot):
    _train_epochs(qtbot, mode, 2)
    weights, counters, hist = _net_now(mode)
    n = mode.points.current().n
    mode.panel.classes_spin.setValue(3)
    assert mode.points.current().n_classes == 3 and mode.session.counters == (0, 0)
    assert _outputs(mode) == 3
    assert "Ctrl+Z" in mode.message.text()
    mode.undo()                                                      # one step: points and network
    assert mode.points.current().n_classes == 2 and mode.panel.classes_spin.value() == 2
    assert mode.points.current().n == n
    w, c, h = _net_now(mode)
    assert c == counters and _same_history(h, hist) and _same_weights(w, weights)
    mode.redo()                                                      # the 3-class net again
    assert mode.points.current().n_classes == 3 and mode.session.counters == (0, 0)
    assert _outputs(mode) == 3
    mode.undo()
    assert mode.points.current().n_classes == 2 and _same_weights(_net_now(mode)[0], weights)
    mode.undo()
    assert "Nothing to undo" in mode.message.text()


def test_a_project_keeps_the_network_of_every_task(mode, qtbot):
    _train_epochs(qtbot, mode, 2)
    cls_w, cls_c, cls_h = _net_now(mode)
    mode.set_task("regression")
    _train_epochs(qtbot, mode, 1)
    reg_w, reg_c, reg_h = _net_now(mode)
    mode.set_task("regression1d")
    state = mode.get_state()
    assert set(state["nets"]) == {"classification", "regression"}
    m2 = PlaygroundMode(seed=99)
    qtbot.addWidget(m2)
    try:
        m2.set_state(state)
        for task, (w0, c0, h0) in (("classification", (cls_w, cls_c, cls_h)), ("regression", (reg_w, reg_c, reg_h))):
            m2.set_task(task)
            w, c, h = _net_now(m2)
            assert c == c0 and _same_history(h, h0) and _same_weights(w, w0)
        bad = dict(state)
        bad["nets"] = dict(state["nets"], regression={"weights": {"0.weight": np.zeros((3, 3))}, "epoch": 1})
        before = m2.get_state()
        with pytest.raises(ValueError):
            m2.set_state(bad)
        assert m2.task == "regression" and _same_weights(_net_now(m2)[0], reg_w)
        assert _same_weights(m2.get_state()["nets"]["classification"]["weights"],
                             before["nets"]["classification"]["weights"])
    finally:
        m2.shutdown()


# -- issue 14: regressions found by random user-action testing ------------------------------------------
def epoch_of(m):
    return m.session.epoch


def message_of(m):
    return m.session.message


def test_training_marks_the_project_changed_and_the_window_title_gets_a_star(qtbot, tmp_path, monkeypatch):
    """Bug 1: a trained network is work — pausing (or stopping) with new weights is a change."""
    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    monkeypatch.setenv("MLP_STUDIO_UNATTENDED", "1")
    m = PlaygroundMode(seed=5)
    w = MainWindow(modes={"playground": m}, settings=AppSettings(tmp_path / "s.ini"), data_dir=tmp_path / "d")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: last(m) is not None, timeout=TIMEOUT)
    qtbot.wait(50)
    assert not w.project.modified and "*" not in w.windowTitle()
    m.play_pause()
    qtbot.waitUntil(lambda: epoch_of(m) >= 5, timeout=TIMEOUT)
    m.play_pause()
    wait_paused(qtbot, m)
    qtbot.waitUntil(lambda: w.project.modified and "*" in w.windowTitle(), timeout=2000)
    m.shutdown()


def test_pausing_stopping_and_long_runs_emit_changed(mode, qtbot, monkeypatch):
    changes = []
    mode.changed.connect(lambda: changes.append(epoch_of(mode)))
    mode.play_pause()
    qtbot.waitUntil(lambda: epoch_of(mode) >= 3, timeout=TIMEOUT)
    changes.clear()
    mode.play_pause()
    wait_paused(qtbot, mode)
    assert changes, "pausing with new weights must mark the project changed"
    changes.clear()
    _train_epochs(qtbot, mode, 1)
    assert changes, "a stepped epoch is a change"
    import gui.playground.run as run_module
    monkeypatch.setattr(run_module, "CHANGED_EVERY", 0.0)   # while training: periodically (autosave)
    changes.clear()
    mode.play_pause()
    qtbot.waitUntil(lambda: len(changes) >= 2, timeout=TIMEOUT)
    assert mode.busy()
    mode.play_pause()


def test_new_and_open_apply_the_whole_state_at_once(mode, qtbot):
    """Bug 2: New after a visit to regression keeps the classification defaults (lr 0.03); opening a
    project saved on another task or class count keeps its recipe, weights and counters."""
    blank = mode.get_state()
    mode.set_task("regression")
    assert mode.builder.lr_spin.value() == pytest.approx(0.01)
    _train_epochs(qtbot, mode, 1)
    saved = mode.get_state()
    saved_counters, saved_weights = mode.session.counters, mode.session.weights
    mode.set_state(blank)                                           # File → New
    assert mode.task == "classification" and mode.panel.task_combo.currentData() == "classification"
    assert mode.builder.lr_spin.value() == pytest.approx(0.03)
    assert mode.builder.recipe() == blank["recipes"]["classification"]
    assert mode.session.counters == (0, 0)
    mode.set_state(saved)                                           # File → Open
    assert mode.task == "regression"
    assert mode.builder.recipe() == saved["recipes"]["regression"] and mode.builder.recipe()["loss"] == "mse"
    assert mode.session.counters == saved_counters and _same_weights(mode.session.weights, saved_weights)
    _train_epochs(qtbot, mode, 1)
    assert mode.session.counters[0] == saved_counters[0] + 1
    assert message_of(mode)[1] == "info"
    # a project with 3 trained classes and its own layers, opened over a 2-class playground
    mode.set_state(blank)
    mode.panel.classes_spin.setValue(3)
    mode.session.generate("blobs", 300, 0.3)
    mode.builder.dropout_spin.setValue(0.5)
    units_spin(mode.builder, 0).setValue(5)
    _train_epochs(qtbot, mode, 1)
    three = mode.get_state()
    three_weights, three_recipe = mode.session.weights, mode.builder.recipe()
    mode.set_state(blank)
    mode.panel.classes_spin.setValue(7)
    mode.set_state(three)
    assert mode.session.n_classes == 3 and mode.panel.classes_spin.value() == 3
    assert mode.builder.recipe() == three_recipe
    assert _same_weights(mode.session.weights, three_weights)
    assert message_of(mode)[1] == "info"


def test_a_bad_state_changes_nothing(mode, qtbot):
    from gui.playground.state import PlaygroundState
    good = mode.get_state()
    bad = mode.get_state()
    bad["model"] = {"weights": {"0.weight": np.zeros((3, 3))}, "epoch": 1, "step": 1}
    bad["points"]["task"] = "regression"
    with pytest.raises(ValueError, match="does not fit"):
        PlaygroundState.from_dict(bad)                              # validation alone, without opening
    with pytest.raises(ValueError):
        mode.set_state(bad)
    assert mode.task == "classification" and mode.builder.recipe() == good["recipes"]["classification"]


def test_clicks_on_points_are_not_swallowed_by_the_markers(mode, qtbot):
    """Bug 3: a click on (or near) a point adds a point in 1D, the eraser removes the clicked point,
    and clicks on a 5,000-point preset add points."""
    mode.set_task("regression1d")
    qtbot.wait(20)
    ps = mode.points.current()
    x, y = ps.xy[0]
    click(qtbot, mode.canvas, x, y)
    assert mode.points.current().n == ps.n + 1
    click(qtbot, mode.canvas, x + 0.05, y + 0.02)
    assert mode.points.current().n == ps.n + 2
    mode.panel.erase_tool.click()
    target = mode.points.current().xy[5].copy()
    click(qtbot, mode.canvas, *target)
    after = mode.points.current()
    assert after.n == ps.n + 1 and not np.any(np.all(np.isclose(after.xy, target), axis=1))
    mode.panel.add_tool.click()
    mode.set_task("classification")
    mode.session.generate("blobs", 5000, 0.3)
    qtbot.wait(20)
    xy = mode.points.current().xy
    for i in range(0, 5000, 500):
        n = mode.points.current().n
        click(qtbot, mode.canvas, *xy[i])
        assert mode.points.current().n == n + 1, f"a click on point {i} added nothing"


def test_clicks_make_no_per_point_objects(mode, qtbot):
    """Bug 4: clicking on a big canvas builds no pyqtgraph SpotItem per point."""
    import gc

    from pyqtgraph.graphicsItems.ScatterPlotItem import SpotItem
    mode.session.generate("blobs", 3000, 0.3)
    qtbot.wait(20)
    xy = mode.points.current().xy
    for i in range(0, 3000, 600):
        click(qtbot, mode.canvas, *xy[i])
        click(qtbot, mode.canvas, *xy[i], Qt.RightButton)
    gc.collect()
    assert not any(isinstance(o, SpotItem) for o in gc.get_objects())


def test_regression_tasks_ignore_the_class_selection(mode, qtbot):
    """Bug 5: with class 3 selected, clicks in 2D regression and strokes in 1D add points."""
    mode.panel.classes_spin.setValue(3)
    mode.select_class(2)
    assert mode.panel.selected_class() == 2
    mode.set_task("regression")
    mode.session.clear()
    click(qtbot, mode.canvas, 1.0, 1.0)
    assert mode.points.current().n == 1
    assert "full" not in message_of(mode)[0]
    mode.set_task("regression1d")
    n = mode.points.current().n
    drag(qtbot, mode.canvas, [(x, 1.0) for x in np.linspace(-4, 4, 12)])
    assert mode.points.current().n >= n + 20


def test_clear_survives_a_task_round_trip_and_undo_brings_the_points_back(mode, qtbot):
    """Bug 8."""
    mode.set_task("regression")
    n = mode.points.current().n
    assert n > 0
    mode.panel.clear_button.click()
    assert mode.points.current().n == 0
    mode.set_task("classification")
    mode.set_task("regression")
    assert mode.points.current().n == 0
    mode.undo()
    assert mode.points.current().n == n


def test_the_message_line_follows_its_cause(mode, qtbot):
    mode.panel.classes_spin.setValue(3)
    mode.select_class(1)                                            # key 2
    assert "class 2" in message_of(mode)[0]
    mode.panel.class_buttons[2].click()
    assert "class 3" in message_of(mode)[0] and "class 2" not in mode.message.text()
    mode.panel.erase_tool.click()
    assert "Drawing class" not in message_of(mode)[0]
    mode.panel.add_tool.click()
    mode.reset()
    assert "New random weights" in message_of(mode)[0]
    mode.session.generate("xor", 200, 0.2)
    assert "New random weights" not in mode.message.text()
    mode.session.clear()
    mode.play_pause()                                               # refused: an error
    assert message_of(mode)[1] == "error" and "no training points" in message_of(mode)[0]
    mode.undo()                                                     # a later successful action
    assert message_of(mode)[1] == "info" and "no training points" not in message_of(mode)[0]


def test_a_preset_picked_while_paused_shows_the_new_network(mode, qtbot):
    """Every number on screen belongs to the current network; Undo brings the trained one back."""
    _train_epochs(qtbot, mode, 3)
    trained = mode.session.counters
    assert trained[0] >= 3
    mode.panel.preset_combo.setCurrentIndex(mode.panel.preset_combo.findData("spiral"))
    mode.panel.generate_button.click()
    assert mode.session.counters == (0, 0) and len(mode.session.history) == 0
    assert re.sub("<[^>]+>", "", mode.train_bar.counter.text()).startswith("Epoch 0 ")
    qtbot.waitUntil(lambda: mode.session.settled, timeout=TIMEOUT)
    assert last(mode).epoch == 0
    mode.undo()
    assert mode.session.counters == trained and mode.points.current().n == 300


def test_projects_of_an_older_version_still_open_and_fill_unvisited_tasks(mode, qtbot):
    state = mode.get_state()
    mode.set_task("regression")
    mode.session.clear()
    cleared = mode.get_state()
    mode.set_state(cleared)                                         # this version: a cleared task stays empty
    mode.set_task("classification")
    mode.set_task("regression")
    assert mode.points.current().n == 0
    old = dict(state)                                               # an older version: unvisited tasks unsaved
    del old["all_points"]
    old["points"] = dict(old["points"], sets={"classification": old["points"]["sets"]["classification"]})
    mode.set_state(old)
    assert mode.task == "classification" and mode.points.current().n == 300
    mode.set_task("regression1d")
    assert mode.points.current().n == 60


def test_the_metric_axis_names_the_task_metric(mode, qtbot):
    mode.set_task("regression1d")
    _train_epochs(qtbot, mode, 1)
    assert mode.plots.metric_plot.getPlotItem().getAxis("left").labelText == "R²"
    mode.set_task("classification")
    assert mode.plots.metric_plot.getPlotItem().getAxis("left").labelText == "accuracy"


def test_the_session_runs_without_any_widget(qtbot):
    from gui.playground.session import PlaygroundSession
    from gui.playground.state import PlaygroundState
    s = PlaygroundSession(seed=4)
    try:
        messages = []
        s.message_changed.connect(lambda text, severity: messages.append((text, severity)))
        s.set_task("regression")
        s.generate("plane", 200, 0.1)
        assert s.can_train() is None and s.counters == (0, 0)
        s.step()
        qtbot.waitUntil(lambda: s.epoch == 1 and s.settled, timeout=TIMEOUT)
        saved = s.state().to_dict()
        s.clear()
        assert s.can_train() is not None
        s.play_pause()
        assert s.message[1] == "error" and not s.running
        s.set_state(PlaygroundState.from_dict(saved))
        assert s.task == "regression" and s.epoch == 1 and s.points.current().n == 200
        assert s.message == ("", "info") and messages[-1] == ("", "info")
    finally:
        s.shutdown()
