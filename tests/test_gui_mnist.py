"""The MNIST lab (gui/mnist), headless: drawing, the shipped model, model files, training control, state."""
import gzip

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from engine import Pipeline
from engine.idx import load_mnist
from engine.presets import MNIST_PRESETS
from gui.app import configure_pyqtgraph
from gui.mnist import MnistLabMode
from gui.mnist.mode import SHIPPED_MODEL
from gui.mnist.state import MnistState


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


@pytest.fixture
def mode(qtbot):
    configure_pyqtgraph()
    m = MnistLabMode(auto_load_data=False)
    qtbot.addWidget(m)
    m.resize(1300, 800)
    m.show()
    qtbot.waitExposed(m)
    yield m
    m.shutdown()


def corr(a, b):
    a = np.asarray(a, float).ravel() - np.mean(a)
    b = np.asarray(b, float).ravel() - np.mean(b)
    return float(a @ b / np.sqrt((a @ a) * (b @ b)))


def stroke(qtbot, widget, points):
    pts = [QPoint(int(x), int(y)) for x, y in points]
    qtbot.mousePress(widget, Qt.LeftButton, Qt.NoModifier, pts[0])
    for p in pts[1:]:
        qtbot.mouseMove(widget, p)
    qtbot.mouseRelease(widget, Qt.LeftButton, Qt.NoModifier, pts[-1])


def seven(scale, dx, dy):
    """The polyline of a '7' in a 100×100 box, scaled and moved."""
    return [(dx + scale * x, dy + scale * y) for x, y in ((10, 10), (50, 10), (90, 10), (70, 45), (50, 80), (40, 100))]


def test_shipped_model_is_loaded_and_small():
    assert SHIPPED_MODEL.is_file() and SHIPPED_MODEL.stat().st_size < 4 << 20
    p = Pipeline.load(SHIPPED_MODEL)
    assert p.model.layers[0].in_features == 784 and p.n_classes == 10


def test_drawing_a_stroke_updates_the_probabilities(qtbot, mode):
    mode.tabs.setCurrentWidget(mode.draw)
    draw = mode.draw
    assert draw.pipeline() is not None, "the shipped model should be loaded at start"
    assert draw.last_probabilities is None and draw.canvas.is_empty()
    seen = []
    draw.predicted.connect(lambda: seen.append(None if draw.last_probabilities is None
                                               else draw.last_probabilities.copy()))
    stroke(qtbot, draw.canvas, [(140, 40), (140, 100), (140, 160), (140, 240)])  # a "1"
    assert len(seen) >= 4  # one update per segment, not just at the release
    p = draw.last_probabilities
    assert p is not None and p.shape == (10,) and p.sum() == pytest.approx(1, abs=1e-5)
    assert int(p.argmax()) == 1
    assert draw.last_input.max() == 255 and draw.last_input.shape == (28, 28)
    first = p.copy()
    stroke(qtbot, draw.canvas, [(140, 40), (200, 40)])  # a bar on top: now it should look like a 7
    assert not np.allclose(first, draw.last_probabilities)
    qtbot.mouseClick(draw.clear_button, Qt.LeftButton)
    assert draw.last_probabilities is None and not draw.last_input.any()


def test_small_off_centre_drawing_preprocesses_like_large_centred(qtbot, mode):
    draw = mode.draw
    stroke(qtbot, draw.canvas, seven(2.3, 25, 25))  # large, centred
    large = draw.last_input.copy()
    draw.canvas.clear()
    stroke(qtbot, draw.canvas, seven(0.8, 170, 12))  # small, top right
    small = draw.last_input.copy()
    assert large.any() and small.any()
    assert corr(large, small) > 0.97
    assert np.abs(large.astype(int) - small.astype(int)).mean() < 8  # of 255
    assert np.argmax(draw.last_probabilities) == 7


def test_shipped_model_reads_mnist_digits_put_on_the_canvas(mode, mnist, rng):
    draw = mode.draw
    n = 200
    idx = rng.choice(len(mnist.test_images), n, replace=False)
    right = 0
    for i in idx:
        h = int(rng.integers(70, 281))
        top, left = (int(v) for v in rng.integers(0, 281 - h, size=2))
        draw.put_digit(mnist.test_images[i], h, (top, left))
        right += int(np.argmax(draw.last_probabilities) == mnist.test_labels[i])
    assert right / n >= 0.95


def test_saved_and_reloaded_model_predicts_identically(qtbot, mode, mnist, tmp_path):
    path = tmp_path / "m.npz"
    assert mode.save_model(path)
    other = MnistLabMode(auto_load_data=False, load_shipped_model=False)
    qtbot.addWidget(other)
    assert other.pipeline() is None
    assert other.load_model(path)
    x = mnist.test_images[:500].reshape(500, -1)
    np.testing.assert_array_equal(mode.pipeline().predict_proba(x), other.pipeline().predict_proba(x))
    other.shutdown()


def test_corrupt_model_file_shows_an_error_and_changes_nothing(qtbot, mode, tmp_path):
    good = mode.pipeline()
    bad = tmp_path / "broken.npz"
    data = bytearray(SHIPPED_MODEL.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4000] = b"\x00" * 4000
    bad.write_bytes(bytes(data[: len(data) * 3 // 4]))
    for path in (bad, tmp_path / "missing.npz"):
        assert mode.load_model(path) is False
        box = mode.last_message_box
        assert isinstance(box, QMessageBox) and box.isVisible()
        assert path.name in box.text() and box.icon() == QMessageBox.Warning
        box.close()
        qtbot.waitUntil(lambda: mode.last_message_box is None, timeout=2000)
    assert mode.pipeline() is good
    stroke(qtbot, mode.draw.canvas, [(140, 40), (140, 240)])  # the app still works
    assert mode.draw.last_probabilities is not None


def test_training_stops_mid_epoch_and_restarts(qtbot, mode, mnist):
    mode.set_data(mnist)
    mode.apply_preset("quick")           # 784-128-10 on all 60,000 images: ~1 s per epoch
    mode.session.set_epochs(2)
    with qtbot.waitSignal(mode.training_finished, timeout=30000) as stopped:
        mode.start_training()
        assert mode.busy() and not mode.train_panel.train_button.isEnabled()
        qtbot.waitUntil(lambda: mode.session.history.h["batch_x"].n > 0, timeout=20000)
        mode.stop_training()
    assert stopped.args == ["stopped"]
    s = mode.session
    assert s.epoch == 1 and s.history.epochs.size == 0    # stopped inside the first epoch
    assert s.summary == "" and mode.train_panel.progress.format() == "Stopped in epoch 1"
    assert not mode.busy() and mode.train_panel.train_button.isEnabled()
    assert mode.builder.add_button.isEnabled()             # the builder is unlocked again
    assert mode.pipeline().model.layers[0].out_features == 128
    steps_at_stop = s.steps
    assert 0 < steps_at_stop < 469
    with qtbot.waitSignal(mode.training_finished, timeout=60000) as done:
        mode.start_training()                              # continues the same session
    assert done.args == ["done"]
    assert s.epoch == 2 and s.steps == steps_at_stop + 469
    assert list(s.history.epochs) == [2] and list(mode.plots.history()["epoch"]) == [2]
    assert s.summary.startswith("Epoch 2: ") and mode.train_panel.summary.text() == s.summary
    qtbot.waitUntil(lambda: mode.current_evaluation() is not None, timeout=10000)
    assert mode.current_evaluation().accuracy > 0.9


def test_pause_resume_and_step(qtbot, mode, mnist):
    mode.set_data(mnist)
    mode.apply_preset("tiny")
    mode.session.set_subset(10000)
    mode.session.set_epochs(3)
    with qtbot.waitSignal(mode.epoch_done, timeout=30000):
        mode.step()                      # one epoch, then stop
    qtbot.waitUntil(lambda: not mode.busy(), timeout=10000)
    assert mode.session.epoch == 1
    mode.play_pause()                    # train up to the 3 epochs
    mode.play_pause()                    # pause
    assert mode.busy() and mode.session.paused and mode.session.run_state == "paused"
    assert mode.train_panel.train_button.text() == "Resume"
    with qtbot.waitSignal(mode.training_finished, timeout=30000):
        mode.play_pause()                # resume
    assert mode.session.epoch == 3 and list(mode.session.history.epochs) == [1, 2, 3]


def test_confusion_cell_click_shows_its_images(qtbot, mode, mnist):
    mode.set_data(mnist)
    qtbot.waitUntil(lambda: mode.current_evaluation() is not None, timeout=20000)
    mode.tabs.setCurrentWidget(mode.evaluation)
    qtbot.wait(20)
    ev = mode.current_evaluation()
    assert ev.accuracy > 0.97
    cm = ev.confusion.copy()
    np.fill_diagonal(cm, 0)
    i, j = np.unravel_index(np.argmax(cm), cm.shape)
    view = mode.evaluation.confusion
    qtbot.mouseClick(view, Qt.LeftButton, Qt.NoModifier, view.cell_rect(int(i), int(j)).center().toPoint())
    gallery = mode.evaluation.gallery
    assert gallery.count() == cm[i, j]
    assert all(c.startswith(f"{i}→{j} ") for c in gallery.captions())
    mode.evaluation.show_mistakes()
    assert gallery.count() == min(int(cm.sum()), 300)
    from gui.mnist.evaluation_view import MAX_WEIGHTS  # the view shows at most this many hidden units
    assert mode.evaluation.weights.count() == min(mode.pipeline().model.layers[0].out_features, MAX_WEIGHTS)


def test_state_round_trip_and_bad_state(qtbot, mode, mnist):
    mode.set_data(mnist)
    mode.apply_preset("tiny")
    mode.session.set_subset(2000)
    with qtbot.waitSignal(mode.training_finished, timeout=30000):
        mode.start_training()
    state = mode.get_state()
    other = MnistLabMode(auto_load_data=False, load_shipped_model=False)
    qtbot.addWidget(other)
    other.set_state(state)
    assert other.builder.recipe() == mode.builder.recipe()
    assert other.data_panel.subset_size() == 2000
    for k, v in mode.plots.history().items():
        np.testing.assert_array_equal(other.plots.history()[k], v)
    x = mnist.test_images[:100].reshape(100, -1)
    np.testing.assert_array_equal(other.pipeline().predict_proba(x), mode.pipeline().predict_proba(x))
    before = other.get_state()
    for bad in ({**state, "version": 99}, {**state, "model": np.zeros(50, np.uint8)},
                {**state, "recipe": {"hidden": "x"}},
                {**state, "history": {**state["history"], "epoch": np.zeros(5)}}, "nope"):
        with pytest.raises(ValueError):
            other.set_state(bad)
    after = other.get_state()
    assert after["recipe"] == before["recipe"] and np.array_equal(after["model"], before["model"])
    other.shutdown()


def _write_idx(path, array):
    a = np.asarray(array, np.uint8)
    head = bytes([0, 0, 8, a.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in a.shape)
    with gzip.open(path, "wb") as f:
        f.write(head + a.tobytes())


def test_any_idx_folder_loads_on_the_worker_with_class_names(qtbot, mode, tmp_path, rng):
    names = ["T-shirt", "Trouser", "Pullover"]
    for part, n in (("train", 60), ("t10k", 30)):
        _write_idx(tmp_path / f"{part}-images-idx3-ubyte.gz", rng.integers(0, 256, (n, 28, 28)))
        _write_idx(tmp_path / f"{part}-labels-idx1-ubyte.gz", np.arange(n) % 3)
    (tmp_path / "classes.txt").write_text("\n".join(names) + "\n")
    with qtbot.waitSignal(mode.data_loaded, timeout=20000):
        mode.load_data(str(tmp_path))
    qtbot.waitUntil(lambda: not mode.data_panel.progress.isVisible(), timeout=5000)
    d = mode.data()
    assert d.class_names == tuple(names) and len(d.train_images) == 60
    items = [mode.samples.class_box.itemText(i) for i in range(mode.samples.class_box.count())]
    assert any("Trouser" in t for t in items)
    assert mode.samples.grid.count() > 0
    assert "3 classes" in mode.builder.output_label.text()
    # the shipped 10-class network does not fit these 3 classes: no evaluation, but no crash
    assert mode.current_evaluation() is None


def test_bad_idx_folder_shows_a_message(qtbot, mode, tmp_path):
    (tmp_path / "train-images-idx3-ubyte").write_bytes(b"garbage")
    with qtbot.waitSignal(mode.status, timeout=20000, check_params_cb=lambda m: str(m).startswith("Cannot load")):
        mode.load_data(str(tmp_path))
    assert mode.last_message_box is not None and mode.data() is None
    mode.last_message_box.close()


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the overflow that diverges, on the worker
def test_divergence_shows_a_message_and_gives_the_controls_back(qtbot, mode, mnist):
    mode.set_data(mnist)
    r = mode.builder.recipe()
    r.update(hidden=[{"units": 64, "activation": "identity"}] * 2, optimizer="momentum", lr=10.0, dropout=0.0)
    mode.session.set_recipe(r)
    mode.session.set_subset(10000)
    mode.session.set_epochs(3)
    with qtbot.waitSignal(mode.training_finished, timeout=30000) as fin, np.errstate(all="ignore"):
        mode.start_training()
    assert fin.args == ["failed"]
    box = mode.last_message_box
    assert box is not None and "learning rate" in box.text()
    assert not mode.busy() and mode.train_panel.train_button.isEnabled() and mode.builder.add_button.isEnabled()
    p = mode.pipeline()  # the last good weights, still usable for drawing
    assert p is not None and np.all(np.isfinite(p.predict_proba(mnist.test_images[:5].reshape(5, -1))))
    box.close()


def test_file_menu_hooks_export_plots_and_the_network(qtbot, tmp_path):
    """The File menu's exports (plot PNG, NumPy script) find what they need on the MNIST mode."""
    from gui.file_actions import widget_png_bytes
    from gui.mnist import MnistLabMode
    mode = MnistLabMode(auto_load_data=False)
    qtbot.addWidget(mode)
    mode.resize(1000, 700)
    mode.show()
    qtbot.wait(10)
    plots = mode.plot_widgets()
    assert {"Loss curve", "Confusion matrix"} <= set(plots)
    for widget in plots.values():
        png = widget_png_bytes(widget)
        assert png.startswith(b"\x89PNG")
    pipe = mode.current_pipeline()
    assert pipe is not None and pipe.model[0].in_features == 784


def test_training_job_sends_small_frozen_deltas_and_weight_sizes(mnist):
    """The worker job: loss points decimated and sent once each; weight statistics from epoch 0 on;
    train and test scored the same way after each epoch; everything read-only."""
    from engine.presets import mnist_preset
    from gui.mnist.jobs import LOSS_POINTS_PER_EPOCH, EpochDone, TrainingSession, TrainProgress
    s = TrainingSession(mnist, mnist_preset("tiny")["recipe"], 6000)
    xs, wx, epochs = [], [], []
    for snap in s.run(2):
        if isinstance(snap, (TrainProgress, EpochDone)) and snap.weights is not None:
            assert not snap.weights.largest.flags.writeable
            assert snap.weights.layers == ("W₁ 784→32", "W₂ 32→10")
            wx.extend(snap.weights.x)
            assert np.all(snap.weights.largest >= snap.weights.mean) and np.all(snap.weights.mean > 0)
        if isinstance(snap, TrainProgress):
            assert not snap.loss_x.flags.writeable
            xs.extend(snap.loss_x)
        elif isinstance(snap, EpochDone):
            epochs.append(snap)
    assert len(epochs) == 2 and [e.epoch for e in epochs] == [1, 2]
    n_batches = -(-6000 // 128)
    assert 0 < len(xs) <= 2 * (LOSS_POINTS_PER_EPOCH + 1) and np.all(np.diff(xs) > 0)  # no point sent twice
    assert wx[0] == 0.0 and wx[-1] == 2.0 and np.all(np.diff(wx) > 0)
    e = epochs[-1]
    assert e.test_acc == e.evaluation.accuracy and 0.5 < e.test_acc < 1 and 0.5 < e.train_acc < 1
    # the test loss is the cross-entropy of the network's outputs on the test set
    from engine import CrossEntropyLoss
    from engine import predict_scores as predict
    out = predict(e.pipeline.model, mnist.test_images.reshape(len(mnist.test_images), -1).astype(np.float32) / 255)
    assert e.test_loss == pytest.approx(CrossEntropyLoss().forward(out, mnist.test_labels), rel=1e-4)
    assert s.trainer.step == 2 * n_batches


def test_training_view_shows_gap_and_weight_growth(qtbot, mode, mnist):
    mode.set_data(mnist)
    mode.apply_preset("tiny")
    mode.session.set_subset(2000)
    mode.session.set_epochs(3)
    mode.tabs.setCurrentWidget(mode.plots)
    with qtbot.waitSignal(mode.training_finished, timeout=60000):
        mode.start_training()
        x0, x1 = mode.plots.loss_plot.plotItem.vb.viewRange()[0]
        assert x0 <= 0 and 3 <= x1 < 3.2          # the whole run from its start: the axes do not move
    plots = mode.plots
    plots.flush()
    h = plots.history()
    assert h["weight_layers"] == ["W₁ 784→32", "W₂ 32→10"]
    assert h["weight_max"].shape == (len(h["weight_x"]), 2) and h["weight_x"][0] == 0 and h["weight_x"][-1] == 3
    first, last = h["weight_max"][0], h["weight_max"][-1]
    assert np.all(last > first)                      # training grows the largest weights
    gap = h["train_acc"][-1] - h["test_acc"][-1]
    assert f"{gap:+.2f}" in plots.gap_label.text() and "train − test" in plots.gap_label.text()
    assert plots.gap_label.toolTip() and plots.weights_plot.toolTip() and plots.overfit_label.text()
    for (c_max, c_mean), col in zip(plots.weight_curves, range(2), strict=True):
        np.testing.assert_array_equal(c_max.yData, h["weight_max"][:, col])
        np.testing.assert_array_equal(c_mean.yData, h["weight_mean"][:, col])
    # the x axis spans the whole run: the curves grow to the right instead of rescaling
    x0, x1 = plots.loss_plot.plotItem.vb.viewRange()[0]
    assert x0 <= 0 and 3 <= x1 < 3.2
    # saved and restored (older projects without the weight history restore too)
    state = mode.get_state()
    other = MnistLabMode(auto_load_data=False, load_shipped_model=False)
    qtbot.addWidget(other)
    other.set_state(state)
    np.testing.assert_array_equal(other.plots.history()["weight_max"], h["weight_max"])
    old = {k: v for k, v in state["history"].items() if not k.startswith("weight")}
    other.set_state({**state, "history": old})
    assert other.plots.history()["weight_x"].size == 0
    with pytest.raises(ValueError):
        other.set_state({**state, "history": {**state["history"], "weight_max": np.zeros((2, 5))}})
    other.shutdown()


def test_canvas_grows_with_the_window_and_reads_the_same(qtbot, mode):
    mode.tabs.setCurrentWidget(mode.draw)
    draw = mode.draw
    mode.resize(1000, 560)
    qtbot.wait(20)
    small = draw.canvas.width()
    mode.resize(1600, 1000)
    qtbot.waitUntil(lambda: draw.canvas.width() > small, timeout=2000)
    big = draw.canvas.width()
    assert small >= 280 and big % 28 == 0 and draw.canvas.height() == big
    k = draw.canvas.scale()
    stroke(qtbot, draw.canvas, [(k * x, k * y) for x, y in seven(2.3, 25, 25)])
    assert draw.canvas.array().shape == (280, 280)   # the ink keeps its resolution
    assert np.argmax(draw.last_probabilities) == 7


# -- user-test findings: models that do not fit, the Draw tab after Reset, messages, plurals, axes --------

def _pipeline(sizes, task="classification", n_classes=None, features=None, meta=None, rng=None):
    import engine
    rng = np.random.default_rng(1) if rng is None else rng
    n_in = sizes[0]
    n_classes = sizes[-1] if n_classes is None else n_classes
    return Pipeline(engine.mlp(sizes, "tanh", rng=rng), task, n_classes if task == "classification" else 0,
                    features, np.zeros(n_in), np.ones(n_in),
                    tuple(str(i) for i in range(n_classes)) if task == "classification" else (), meta or {})


def _close_box(qtbot, mode):
    box = mode.last_message_box
    if box is not None:
        box.close()
        qtbot.waitUntil(lambda: mode.last_message_box is None, timeout=2000)


def test_models_that_do_not_fit_are_refused_before_anything_changes(qtbot, mode, mnist, tmp_path):
    playground_recipe = {"hidden": [{"units": 8, "activation": "tanh"}] * 2, "features": ["x1", "x2"],
                         "loss": "cross_entropy", "optimizer": "sgd", "lr": 0.03}
    cases = [  # (file, sizes, task, features, with MNIST loaded, words the message must contain)
        ("m.npz", [2, 8, 8, 3], "classification", ("x1", "x2"), False, ["m.npz takes 2 inputs", "784", "28×28"]),
        ("reg.npz", [784, 16, 1], "regression", None, False, ["reg.npz", "regression", "classifier"]),
        ("three.npz", [784, 16, 3], "classification", None, True, ["three.npz", "3 outputs", "10 classes"]),
        ("three_nodata.npz", [784, 16, 3], "classification", None, False, ["3 outputs", "10 classes"]),
    ]
    for name, sizes, task, features, with_data, words in cases:
        if with_data and mode.data() is None:
            mode.set_data(mnist)
            qtbot.waitUntil(lambda: not mode.session.evaluating, timeout=20000)
        path = tmp_path / name
        _pipeline(sizes, task, features=features, meta={"recipe": playground_recipe}).save(path)
        recipe, pipe, state = mode.builder.recipe(), mode.pipeline(), mode.get_state()
        heading, caption = mode.draw.answer.text(), mode.draw.model_label.text()
        assert mode.load_model(path) is False, name
        box = mode.last_message_box
        assert isinstance(box, QMessageBox) and box.isVisible() and box.icon() == QMessageBox.Warning
        for w in words:
            assert w in box.text(), (name, w, box.text())
        # nothing changed: the builder, the network, the Draw tab and what a project would save
        assert mode.builder.recipe() == recipe and mode.pipeline() is pipe
        assert mode.draw.pipeline() is pipe and mode.draw.answer.text() == heading
        assert mode.draw.model_label.text() == caption
        assert np.array_equal(mode.get_state()["model"], state["model"])
        _close_box(qtbot, mode)
    # a project holding such a network is refused the same way
    bad = _pipeline([2, 8, 8, 3], features=("x1", "x2"))
    state = mode.get_state()
    with pytest.raises(ValueError, match="2 inputs"):
        mode.set_state({**state, "model": np.frombuffer(bad.to_bytes(), np.uint8)})
    with pytest.raises(ValueError, match="3 outputs"):
        mode.set_state({**state, "model": np.frombuffer(_pipeline([784, 8, 3]).to_bytes(), np.uint8)})
    assert np.array_equal(mode.get_state()["model"], state["model"])


def test_a_network_that_fits_the_loaded_data_is_accepted(qtbot, mode, rng, tmp_path):
    """The check is not 'MNIST only': a 3-class network fits a 3-class data set of 28×28 images."""
    from engine.idx import ImageDataset
    data = ImageDataset(rng.integers(0, 256, (60, 28, 28), dtype=np.uint8), np.arange(60) % 3,
                        rng.integers(0, 256, (30, 28, 28), dtype=np.uint8), np.arange(30) % 3,
                        ("a", "b", "c"), "three")
    mode.set_data(data, str(tmp_path))
    path = tmp_path / "three.npz"
    _pipeline([784, 16, 3]).save(path)
    assert mode.load_model(path) is True
    assert mode.draw.pipeline() is mode.pipeline() and mode.pipeline().n_classes == 3
    # and a 10-class network does not fit these 3 classes
    _pipeline([784, 16, 10]).save(path)
    assert mode.load_model(path) is False and "10 outputs" in mode.last_message_box.text()
    _close_box(qtbot, mode)


def test_draw_heading_shows_long_texts_whole(qtbot, mode):
    from PySide6.QtCore import QRect
    mode.tabs.setCurrentWidget(mode.draw)
    draw = mode.draw
    draw.set_pipeline(_pipeline([32 * 32, 8, 10]), "a 32×32 network")
    label = draw.answer
    for size in ((1300, 800), (900, 600), (1300, 800)):   # also in a small window, and back
        mode.resize(*size)
        qtbot.wait(30)
        text = label.text()
        assert "28×28" in text
        fm = label.fontMetrics()
        if label.wordWrap():
            rect = label.contentsRect()
            assert fm.boundingRect(QRect(0, 0, rect.width(), 10000), Qt.TextWordWrap, text).height() <= rect.height()
        else:
            assert fm.horizontalAdvance(text) <= label.contentsRect().width()
    assert label.font().pointSizeF() > 1.5 * draw.font().pointSizeF()   # big again in the large window
    assert draw.last_probabilities is None and not np.isfinite(draw.bars.values()).any()


def test_a_file_that_is_not_an_image_shows_a_message_without_blocking(qtbot, mode, tmp_path, monkeypatch):
    blocking = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: blocking.append(a)))
    mode.tabs.setCurrentWidget(mode.draw)
    draw = mode.draw
    stroke(qtbot, draw.canvas, [(140, 40), (140, 100), (140, 240)])
    ink, probs = draw.canvas.array().copy(), draw.last_probabilities.copy()
    bad = tmp_path / "not_a_picture.png"
    bad.write_text("hello, I am text")
    assert draw.load_image(str(bad)) is False
    assert not blocking, "a blocking QMessageBox.warning was used"
    box = mode.last_message_box
    assert isinstance(box, QMessageBox) and box.isVisible() and box.windowModality() != Qt.ApplicationModal
    assert "not_a_picture.png" in box.text() and "image" in box.text()
    np.testing.assert_array_equal(draw.canvas.array(), ink)
    np.testing.assert_array_equal(draw.last_probabilities, probs)
    _close_box(qtbot, mode)


def test_after_reset_drawing_uses_the_shipped_model(qtbot, mode, mnist):
    mode.tabs.setCurrentWidget(mode.draw)
    shipped = mode.pipeline()
    mode.set_data(mnist)
    mode.apply_preset("tiny")
    mode.session.set_subset(2000)
    with qtbot.waitSignal(mode.training_finished, timeout=30000):
        mode.step()                                  # one epoch
    assert mode.pipeline() is not shipped and mode.pipeline().model.layers[0].out_features == 32
    mode.reset()
    assert mode.draw.pipeline() is shipped and mode.pipeline() is shipped
    shown = f"shipped model ({100 * shipped.meta['test_accuracy']:.1f}%) until you train one"
    assert shown in mode.draw.model_label.text()
    stroke(qtbot, mode.draw.canvas, [(140, 40), (140, 100), (140, 160), (140, 240)])
    assert mode.draw.last_probabilities is not None and int(np.argmax(mode.draw.last_probabilities)) == 1
    # without a shipped model there is honestly no network
    other = MnistLabMode(auto_load_data=False, load_shipped_model=False)
    qtbot.addWidget(other)
    other.reset()
    assert other.pipeline() is None and other.draw.answer.text() == "No network yet"
    other.shutdown()


def test_one_epoch_is_singular(qtbot, mode, mnist):
    mode.set_data(mnist)
    mode.apply_preset("tiny")
    mode.session.set_subset(2000)
    statuses = []
    mode.status.connect(statuses.append)
    with qtbot.waitSignal(mode.training_finished, timeout=30000):
        mode.step()                                  # one epoch
    assert "Training finished after 1 epoch." in map(str, statuses)
    assert mode.train_panel.progress.format() == "Done: 1 epoch"


def test_counts_are_singular_or_plural(qapp):
    from PySide6.QtCore import QLocale

    from gui.i18n import tr
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
    try:
        assert tr("%Ln epoch(s)", "", 1) == "1 epoch" and tr("%Ln epoch(s)", "", 2) == "2 epochs"
        assert tr("%Ln epoch(s)", "", 0) == "0 epochs"
        assert tr("%Ln class(es)", "", 1) == "1 class" and tr("%Ln image(s)", "", 10000) == "10,000 images"
    finally:
        QLocale.setDefault(old)


def test_accuracy_axis_follows_the_data_and_changes_rarely(qtbot):
    from gui.mnist.training_plots import TrainingPlots
    configure_pyqtgraph()
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.resize(800, 700)
    plots.show()
    qtbot.waitExposed(plots)

    def y_range():
        plots.flush()
        return tuple(plots.acc_plot.plotItem.vb.viewRange()[1])

    plots.add_epoch(1, 0.30, 0.31, 0.995, 0.992)       # a very good network: still 90–100%, not 95–100%
    lo, hi = y_range()
    assert lo <= 90 and hi >= 100
    plots.clear()
    plots.add_epoch(1, 0.9, 0.9, 0.81, 0.80)           # an early epoch at 80% is on the axis
    lo, hi = y_range()
    assert lo < 80 and lo >= 70 and hi >= 100
    first = (lo, hi)
    plots.add_epoch(2, 0.5, 0.5, 0.90, 0.89)           # inside the range: the range stays
    plots.add_live(2.5, 0.88)
    assert y_range() == first
    plots.add_epoch(3, 1.5, 1.5, 0.45, 0.42)           # below it: the range grows down
    lo, _hi = y_range()
    assert lo < 42


def test_presets_do_not_move_the_training_box(qtbot, mode):
    qtbot.wait(20)
    ys = []
    for name in ("standard", "quick", "tiny", "standard"):
        mode.apply_preset(name)
        qtbot.wait(20)
        ys.append(mode.train_panel.mapTo(mode, mode.train_panel.rect().topLeft()).y())
    assert len(set(ys)) == 1, ys


# -- one source of truth: the session (issue 8) and the bugs of issue 14 (#6, #7) -----------------------
# These drive the lab through what a user does (widgets, menu intents) so that they also run against the
# code before the session existed; what they check is what the user sees.

def choose_subset(mode, n):
    box = mode.data_panel.subset
    box.setCurrentIndex(box.findData(n))


def accept_new_run(mode):
    """Answer the lab's "Train a new network?" question (issue 9) with yes, if it asks."""
    box = mode.last_message_box
    if box is not None and box.property("discard"):
        next(b for b in box.buttons() if b.text() == "Train a new network").click()


def train_one_epoch(qtbot, mode, mnist):
    mode.set_data(mnist)
    mode.apply_preset("tiny")
    choose_subset(mode, 2000)
    with qtbot.waitSignal(mode.training_finished, timeout=60000) as fin:
        mode.step()
    assert fin.args == ["done"]


def test_step_while_the_data_loads_trains_exactly_one_epoch(qtbot, mode):
    """Issue 14 #6: Step while MNIST is still loading trained every epoch of the run."""
    mode.apply_preset("tiny")
    choose_subset(mode, 2000)
    mode.train_panel.epochs.setValue(3)
    with qtbot.waitSignal(mode.training_finished, timeout=120000) as fin:
        mode.load_data(None)
        assert mode.data_panel.progress.isVisible()          # still loading
        mode.step()
    assert fin.args == ["done"]
    assert list(mode.plots.history()["epoch"]) == [1]
    assert mode.train_panel.progress.format() == "Done: 1 epoch"
    s = mode.session
    assert s.loaded and not s.loading and s.epoch == 1 and list(s.history.epochs) == [1]
    assert s.run_state == "idle" and s.queued == ""


def test_step_while_loading_is_queued_with_a_message(qtbot, mode):
    s = mode.session
    statuses = []
    mode.status.connect(statuses.append)
    with qtbot.waitSignal(mode.data_loaded, timeout=120000):
        mode.load_data(None)
        mode.step()
        assert s.loading and s.run_state == "queued" and not mode.busy()
        assert "one epoch starts when it is there" in s.message and s.severity == "info"
        assert mode.train_panel.progress.format() == "Waiting for the data…"
        mode.stop_training()     # nothing runs yet: nothing to stop, the queued epoch stays
    qtbot.waitUntil(lambda: mode.busy(), timeout=20000)
    mode.stop_training()
    qtbot.waitUntil(lambda: not mode.busy(), timeout=20000)
    assert any(str(m).startswith("Loading the data first") for m in statuses)


def test_new_after_training_shows_only_the_shipped_model(qtbot, mode, mnist):
    """Issue 8 / 14 #7: after File → New the panel still said 'Restored from the project' and
    'Epoch 10: 98.25%' while the Draw tab used the shipped model."""
    blank = mode.get_state()              # what File → New restores (the project controller keeps it)
    shipped = mode.pipeline()
    train_one_epoch(qtbot, mode, mnist)
    assert mode.train_panel.summary.text().startswith("Epoch 1:")
    assert mode.pipeline() is not shipped
    mode.set_state(blank)
    assert mode.train_panel.summary.text() == ""
    assert mode.train_panel.progress.format() == "Not trained yet"
    assert "shipped model" in mode.draw.model_label.text()
    assert mode.draw.pipeline() is mode.pipeline()
    assert mode.pipeline().to_bytes() == shipped.to_bytes()
    assert mode.plots.history()["epoch"].size == 0
    qtbot.waitUntil(lambda: mode.current_evaluation() is not None, timeout=20000)
    assert mode.current_evaluation().accuracy > 0.97      # the shipped model's, not the 1-epoch network's
    s = mode.session
    assert s.origin == "shipped" and s.epoch == 0 and s.summary == "" and s.history.is_empty()


def test_after_a_model_file_every_number_belongs_to_it(qtbot, mode, mnist, tmp_path):
    """Issue 8: after loading a model and stepping, the summary named an epoch its curves did not have."""
    train_one_epoch(qtbot, mode, mnist)
    path = tmp_path / "m.npz"
    _pipeline([784, 16, 10]).save(path)
    assert mode.load_model(path)
    assert mode.train_panel.summary.text() == ""              # the 1-epoch network's scores went with it
    assert mode.plots.history()["epoch"].size == 0
    assert "m.npz" in mode.draw.model_label.text()
    assert mode.train_panel.progress.format() == "Loaded m.npz"
    with qtbot.waitSignal(mode.training_finished, timeout=60000):
        mode.step()
    epochs = list(mode.plots.history()["epoch"])
    assert epochs == [1] and mode.train_panel.summary.text().startswith(f"Epoch {int(epochs[-1])}:")
    assert mode.session.origin == "trained" and mode.session.epoch == 1


def test_training_marks_the_project_changed(qtbot, mode, mnist):
    """Issue 14 #1 for the lab: trained weights are work; `changed` comes when a run ends with them."""
    events = []
    mode.changed.connect(lambda: events.append("changed"))
    mode.epoch_done.connect(lambda e: events.append(f"epoch {e}"))
    train_one_epoch(qtbot, mode, mnist)
    assert "epoch 1" in events and "changed" in events[events.index("epoch 1"):]
    # and when a run is stopped mid-epoch
    events.clear()
    mode.session.set_subset(60000)
    with qtbot.waitSignal(mode.training_finished, timeout=60000):
        mode.play_pause()
        accept_new_run(mode)         # a new run replaces the trained network: the lab asks first (issue 9)
        qtbot.waitUntil(lambda: mode.session.history.h["batch_x"].n > 0, timeout=30000)
        events.clear()
        mode.stop_training()
    assert "changed" in events


def test_window_new_after_training_asks_and_forgets(qtbot, tmp_path, monkeypatch, mnist):
    """The real window: training makes the title show '*'; New then gives the blank lab back."""
    monkeypatch.setenv("MLP_STUDIO_UNATTENDED", "1")
    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    w = MainWindow(settings=AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path / "data")
    qtbot.addWidget(w)
    mode = w.modes["mnist"]
    try:
        train_one_epoch(qtbot, mode, mnist)
        qtbot.waitUntil(lambda: "*" in w.windowTitle(), timeout=5000)
        assert w.project.new_project()
        assert mode.train_panel.summary.text() == ""
        assert mode.train_panel.progress.format() == "Not trained yet"
        assert mode.session.origin == "shipped" and "*" not in w.windowTitle()
    finally:
        w.project.modified = False
        mode.shutdown()
        w.close()


def test_state_has_origin_and_epoch_and_old_files_open(qtbot, mode, mnist):
    train_one_epoch(qtbot, mode, mnist)
    state = mode.get_state()
    assert state["origin"] == "trained" and state["epoch"] == 1
    other = MnistLabMode(auto_load_data=False)
    qtbot.addWidget(other)
    other.set_state(state)
    s = other.session
    assert s.origin == "project" and s.epoch == 1 and list(s.history.epochs) == [1]
    assert other.train_panel.summary.text().startswith("Epoch 1:")
    assert other.train_panel.progress.format() == "Restored from the project"
    # a project saved before "origin" and "epoch" existed
    old = {k: v for k, v in state.items() if k not in ("origin", "epoch")}
    old["model_source"] = "the network trained here (epoch 1)"
    other.set_state(old)
    assert s.origin == "project" and s.epoch == 1 and s.summary.startswith("Epoch 1:")
    # an old blank state held the shipped model's bytes: still the shipped model, nothing "restored"
    blank = {**old, "model": np.frombuffer(Pipeline.load(SHIPPED_MODEL).to_bytes(), np.uint8),
             "model_source": "the model shipped with MLP Studio", "history": {}}
    other.set_state(blank)
    assert s.origin == "shipped" and other.train_panel.progress.format() == "Not trained yet"
    assert other.get_state()["model"] is None                # the shipped model is not project work
    # a bad state changes nothing at all
    before = other.get_state()
    for bad in ({**state, "origin": "elsewhere"}, {**state, "epochs": 0},
                {**state, "history": {**state["history"], "epoch": np.array([0.5])}}):
        with pytest.raises(ValueError):
            other.set_state(bad)
        assert other.get_state()["recipe"] == before["recipe"] and s.origin == "shipped"
    other.shutdown()


def test_message_line_has_a_severity_that_follows_its_cause(qtbot, mode, tmp_path):
    (tmp_path / "train-images-idx3-ubyte").write_bytes(b"garbage")
    s = mode.session
    with qtbot.waitSignal(mode.session.run_changed, timeout=20000,
                          check_params_cb=lambda *a: bool(s.load_error)):
        mode.load_data(str(tmp_path))
    assert s.severity == "error" and s.message.startswith("Cannot load the data") and not s.loaded
    _close_box(qtbot, mode)
    mode.apply_preset("quick")
    assert s.severity == "info" and s.message == MNIST_PRESETS["quick"]["description"]


def test_run_controller_drops_the_results_of_stale_runs(qtbot):
    import time

    from gui.training_controller import RunController
    rc = RunController()
    got, ended = [], []
    rc.snapshot.connect(lambda kind, snap: got.append((kind, snap)))
    rc.ended.connect(lambda kind, reason, msg: ended.append((kind, reason)))

    def job(tag, n):
        for i in range(n):
            time.sleep(0.002)
            yield (tag, i)

    rc.start("train", job("old", 10000))
    qtbot.waitUntil(lambda: len(got) > 3, timeout=5000)
    with qtbot.waitSignal(rc.ended, timeout=10000):
        rc.start("train", job("new", 5))       # the old run is replaced: nothing of it arrives any more
        got.clear()
    qtbot.wait(50)
    assert [s for _k, s in got] == [("new", i) for i in range(5)] and ended == [("train", "done")]
    rc.start("eval", job("gone", 10000))
    rc.discard("eval")
    qtbot.wait(50)
    assert not rc.running("eval") and ended == [("train", "done")] and got[-1] == ("train", ("new", 4))


def test_the_panels_show_the_sessions_settings(qtbot, mode):
    """Settings changed through the session (a script, a project, a model file) show in the panels, and
    the panels' edits reach the session."""
    s = mode.session
    s.set_epochs(3)
    s.set_subset(10000)
    assert mode.train_panel.epochs.value() == 3 and mode.data_panel.subset_size() == 10000
    assert mode.train_panel.preset.currentData() == s.preset == "custom"
    mode.train_panel.epochs.setValue(MNIST_PRESETS["standard"]["epochs"])
    assert s.epochs == MNIST_PRESETS["standard"]["epochs"] and s.preset == "standard"
    assert mode.train_panel.preset.currentData() == "standard"
    mode.builder.lr_spin.setValue(0.01)
    assert s.recipe["lr"] == 0.01 and s.preset == "custom"
    assert mode.train_panel.preset.currentData() == "custom"
    choose_subset(mode, 2000)
    assert s.subset == 2000


def assert_every_number_belongs_to_the_network(mode):
    """What the lab shows is the session's, and the session's numbers are the network's."""
    s = mode.session
    assert mode.draw.pipeline() is s.pipeline
    assert mode.train_panel.summary.text() == s.summary
    assert list(mode.plots.history()["epoch"]) == list(s.history.epochs)
    if s.summary:
        assert s.origin in ("trained", "project") and s.summary.startswith(f"Epoch {s.history.last_epoch}:")
    if s.origin in ("shipped", "file", "none"):
        assert s.history.is_empty() and s.summary == "" and s.epoch == 0
    if s.origin == "shipped":
        assert "shipped model" in mode.draw.model_label.text()
    state = mode.get_state()
    again = MnistState.from_dict(state)          # a save always reopens, to the same network and curves
    assert again.epoch == s.history.last_epoch and list(again.history.epochs) == list(s.history.epochs)


@pytest.mark.parametrize("seed", [0, 1])
def test_random_user_actions_keep_every_number_with_its_network(qtbot, mode, mnist, tmp_path, seed):
    rng = np.random.default_rng(seed)
    blank = mode.get_state()
    mode.set_data(mnist)
    mode.apply_preset("tiny")
    choose_subset(mode, 2000)
    model_file = tmp_path / "m.npz"
    _pipeline([784, 16, 10]).save(model_file)
    saved = {"state": mode.get_state()}

    def train(step):
        with qtbot.waitSignal(mode.training_finished, timeout=60000):
            mode.step() if step else mode.play_pause()
            accept_new_run(mode)

    def stop_mid_run():
        mode.session.set_epochs(2)
        with qtbot.waitSignal(mode.training_finished, timeout=60000):
            mode.play_pause()
            accept_new_run(mode)
            qtbot.waitUntil(lambda: mode.session.history.h["batch_x"].n > 0, timeout=20000)
            mode.stop_training()

    actions = {
        "step": lambda: train(True),
        "train": lambda: train(False),
        "stop": stop_mid_run,
        "reset": mode.reset,
        "new": lambda: mode.set_state(blank),
        "save": lambda: saved.__setitem__("state", mode.get_state()),
        "open": lambda: mode.set_state(saved["state"]),
        "model file": lambda: mode.load_model(model_file),
        "preset": lambda: mode.apply_preset(str(rng.choice(["tiny", "quick"]))),
    }
    names = list(actions)
    for _ in range(14):
        name = names[rng.integers(len(names))]
        if name in ("step", "train", "stop") and mode.session.recipe["hidden"][0]["units"] > 64:
            mode.apply_preset("tiny")           # keep the runs short
        if name in ("step", "train", "stop"):
            choose_subset(mode, 2000)
        actions[name]()
        assert_every_number_belongs_to_the_network(mode)


# -- issue 9 (MNIST lab) and issue 11 (augmented training in the lab) ------------------------------------------
def _discard_box(mode):
    box = mode.last_message_box
    return box if box is not None and box.property("discard") else None


def test_a_new_run_after_a_finished_one_asks_before_discarding_the_model(qtbot, mode, mnist):
    train_one_epoch(qtbot, mode, mnist)          # tiny preset: 1 epoch, finished
    s = mode.session
    trained = mode.pipeline()
    assert s.would_discard_model()
    mode.play_pause()                           # Space: would start from new random weights
    box = _discard_box(mode)
    assert box is not None and not mode.busy() and mode.pipeline() is trained
    box.button(QMessageBox.Cancel).click()      # cancel: nothing changes
    qtbot.waitUntil(lambda: mode.last_message_box is None, timeout=2000)
    assert not mode.busy() and mode.pipeline() is trained and s.epoch == 1
    mode.play_pause()
    box = _discard_box(mode)
    new = next(b for b in box.buttons() if b.text() == "Train a new network")
    with qtbot.waitSignal(mode.training_finished, timeout=60000) as fin:
        new.click()
    assert fin.args == ["done"] and mode.pipeline() is not trained
    # a step that continues a run (more epochs wanted) does not ask
    s.set_epochs(2)
    assert not s.would_discard_model()
    with qtbot.waitSignal(mode.training_finished, timeout=60000):
        mode.step()
    assert _discard_box(mode) is None and s.epoch == 2


def test_gui_training_uses_the_recipes_augmentation_and_the_presets_lr_decay(mnist):
    from engine.augment import Augmenter
    from engine.presets import mnist_preset
    from gui.mnist.jobs import TrainingSession
    p = mnist_preset("robust")
    s = TrainingSession(mnist, p["recipe"], 512, lr_decay=p["lr_decay"])
    assert s.recipe["augment"]
    for _ in s.run(2):
        pass
    assert isinstance(s.trainer.transform, Augmenter)
    assert s.trainer.optimizer.lr == pytest.approx(p["recipe"]["lr"] * p["lr_decay"] ** 2)
    s.set_live(p["recipe"]["lr"], 0.0, 0.0)         # a live change keeps the decay
    assert s.trainer.optimizer.lr == pytest.approx(p["recipe"]["lr"] * p["lr_decay"] ** 2)
    plain = TrainingSession(mnist, mnist_preset("tiny")["recipe"], 512)
    for _ in plain.run(1):
        pass
    assert plain.trainer.transform is None and plain.trainer.optimizer.lr == pytest.approx(1e-3)


def test_session_passes_the_presets_lr_decay_and_keeps_augment_through_the_builder(qtbot, mode):
    s = mode.session
    mode.apply_preset("robust")
    assert s.augmenting and s.lr_decay == MNIST_PRESETS["robust"]["lr_decay"]
    assert mode.train_panel.augment.isChecked()
    mode.builder.lr_spin.setValue(0.0005)        # an edit in the builder: augmentation stays on
    assert s.augmenting and s.recipe["lr"] == pytest.approx(0.0005) and s.preset == "custom" and s.lr_decay == 1.0
    mode.train_panel.augment.setChecked(False)   # the panel turns it off
    assert not s.augmenting
    mode.apply_preset("accurate")
    assert not mode.train_panel.augment.isChecked() and s.lr_decay == MNIST_PRESETS["accurate"]["lr_decay"]
    mode.train_panel.augment.setChecked(True)
    assert s.augmenting and s.preset == "custom"


def test_every_preset_is_offered_with_its_description(mode):
    combo = mode.train_panel.preset
    names = [combo.itemData(i) for i in range(combo.count())]
    assert set(MNIST_PRESETS) <= set(names) and {"accurate", "robust"} <= set(names)
    for i, name in enumerate(names):
        if name in MNIST_PRESETS:
            assert combo.itemData(i, Qt.ToolTipRole) == MNIST_PRESETS[name]["description"]


def test_augmented_samples_grid(qtbot, mode, mnist):
    assert mode.show_augmented_samples() is None          # no data yet: a message, no dialog
    mode.set_data(mnist)
    mode.apply_preset("robust")
    dialog = mode.show_augmented_samples()
    qtbot.addWidget(dialog)
    from gui.mnist.augment_preview import ROWS, VARIANTS, augmented_samples
    assert dialog.grid.count() == ROWS * (1 + VARIANTS)
    imgs, caps, starts = augmented_samples(mnist.train_images, mnist.train_labels, True, np.random.default_rng(1))
    assert starts == [i * (1 + VARIANTS) for i in range(ROWS)]
    for st in starts:
        original, variants = imgs[st].astype(float), imgs[st + 1:st + 1 + VARIANTS].astype(float)
        assert all(np.abs(v - original).mean() > 1 for v in variants)    # each variant really changed
        assert all(v.max() > 100 for v in variants)                       # and still holds a digit


def test_per_class_bars_are_scaled_to_the_data_and_say_where_they_start(qtbot, mode, mnist):
    from gui.mnist.bars import zoomed_start
    mode.set_data(mnist)
    qtbot.waitUntil(lambda: mode.current_evaluation() is not None, timeout=30000)
    mode.tabs.setCurrentWidget(mode.evaluation)
    ev = mode.current_evaluation()
    bars = mode.evaluation.per_class
    start = bars.start
    assert 0 < start < ev.per_class.min() and start == zoomed_start(ev.per_class)
    assert f"from {100 * start:g}%" in mode.evaluation.per_class_caption.text()
    lo, hi = int(np.argmin(ev.per_class)), int(np.argmax(ev.per_class))
    # the worst class's bar is visibly shorter than the best one's (from 0 they would differ by ~1%)
    assert bars.bar_fraction(hi) - bars.bar_fraction(lo) > 0.3
    assert zoomed_start([0.97, 0.995]) < 0.97 and zoomed_start([0.3, 0.9]) == 0.0


def test_clicking_a_mistake_shows_its_probabilities_and_opens_it_in_draw(qtbot, mode, mnist):
    mode.set_data(mnist)
    qtbot.waitUntil(lambda: mode.current_evaluation() is not None, timeout=30000)
    mode.tabs.setCurrentWidget(mode.evaluation)
    view = mode.evaluation
    qtbot.wait(50)
    k = int(view.shown_images()[0])                      # the most confident mistake
    assert mnist.test_labels[k] != mode.current_evaluation().predicted[k]
    qtbot.mouseClick(view.gallery, Qt.LeftButton, Qt.NoModifier, view.gallery.cell_rect(0).center())
    assert view.chosen() == k and view.tabs.currentIndex() == 2
    p = view.chosen_bars.values()
    expected = mode.pipeline().predict_proba(mnist.test_images[k].reshape(1, -1).astype(float))[0]
    assert p.shape == (10,) and np.allclose(p, expected) and p.sum() == pytest.approx(1, abs=1e-5)
    assert f"#{k}" in view.chosen_title.text() and "wrong" in view.chosen_title.text()
    qtbot.mouseClick(view.open_draw_button, Qt.LeftButton)
    assert mode.tabs.currentWidget() is mode.draw and not mode.draw.canvas.is_empty()
    assert corr(mode.draw.last_input, mnist.test_images[k]) > 0.8     # the same digit, as the Draw tab reads it
