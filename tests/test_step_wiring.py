"""Issue 10: the playground's Step tab — an armed click picks the nearest training point (adding
none), training pauses, the numbers are the engine's on a copy of the weights, and each stage marks
its layer on the network diagram."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.adopt import playground_pipeline
from engine.api import predict_scores
from engine.explain import explain_step
from engine.recipe import build_loss
from tests.test_runs_wiring import train_epochs, wait_for


@pytest.fixture
def mode(shown_playground):
    return shown_playground(4)


def test_an_armed_click_picks_the_nearest_training_point_and_shows_the_engines_numbers(mode, qtbot):
    s = mode.session
    train_epochs(mode, 3)
    Xtr, ytr, _, _ = s.points.arrays()
    n_points = s.points.current().n
    i = 7
    tab = mode.step_tab
    mode.side_tabs.setCurrentWidget(tab)
    tab.pick_btn.click()
    s.play_pause()                                  # training runs when the point is picked: it pauses
    qtbot.mouseClick(mode.canvas.viewport(), Qt.LeftButton, Qt.NoModifier,
                     mode.canvas.data_to_viewport(*Xtr[i]))
    assert s.points.current().n == n_points        # the click picked, it did not add a point
    assert not s.running and not tab.pick_btn.isChecked()
    assert tab.sample == i
    wait_for(lambda: s.settled)
    pipe = playground_pipeline(s.recipe(), s.task, s.n_outputs, s.weights, s.bounds, {})
    tab.show_sample(i)                              # (again, on the weights training paused at)
    want = explain_step(pipe.model, build_loss(s.recipe()), pipe.transform(Xtr[i:i + 1])[0], ytr[i], s.recipe()["lr"])
    got = tab.numbers
    np.testing.assert_array_equal(got.x, want.x)
    np.testing.assert_array_equal(got.output, want.output)
    assert got.loss == want.loss and got.new_loss == want.new_loss
    for a, b in zip(got.layers, want.layers, strict=True):
        np.testing.assert_array_equal(a.dL_dW, b.dL_dW)
    np.testing.assert_allclose(got.output, predict_scores(pipe, Xtr[i:i + 1])[0], rtol=1e-6)
    assert got.target == ytr[i]
    # the stages walk forward then backward, marking each layer on the diagram
    view, overlay = tab.view, tab.overlay
    seen = []
    for k in range(len(view.stages)):
        view.go(k)
        st = view.stages[k]
        seen.append((st.layer, st.direction))
        assert (overlay.layer, overlay.direction) == (st.layer, st.direction)
        if st.layer is not None:
            r = overlay.rect_of(st.layer)
            cols = mode.diagram.neuron_boxes()
            assert r is not None and all(r.contains(b) for b in cols[st.layer] + cols[st.layer + 1])
    n_lin = len(got.layers)
    assert {(k, "forward") for k in range(n_lin)} <= set(seen)
    assert {(k, "backward") for k in range(n_lin)} <= set(seen)


def test_an_unarmed_click_still_adds_a_point(mode, qtbot):
    s = mode.session
    n = s.points.current().n
    qtbot.mouseClick(mode.canvas.viewport(), Qt.LeftButton, Qt.NoModifier, mode.canvas.data_to_viewport(1.0, 1.0))
    assert s.points.current().n == n + 1
    assert mode.step_tab.numbers is None


def test_the_step_view_moves_to_its_own_window_and_back(mode):
    tab = mode.step_tab
    tab.show_sample(3)
    tab.pop_btn.click()
    assert tab.popup is not None and tab.popup.isVisible() and tab.view.window() is tab.popup
    tab.view.go(2)
    assert tab.overlay.layer == tab.view.stages[2].layer        # still marks the diagram
    tab.popup.close()
    assert tab.popup is None and not tab.pop_btn.isChecked() and tab.view.window() is mode.window()
