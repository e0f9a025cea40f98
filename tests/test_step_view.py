"""The step view shows the engine's numbers of one SGD step, stage by stage."""
import numpy as np
import pytest

from engine import CrossEntropyLoss, MSELoss, mlp
from engine.explain import explain_step
from gui.stepview.stages import MAX_SHOWN, matrix_html, stages
from gui.stepview.step_view import StepView


def _numbers(classification, seed=0):
    rng = np.random.default_rng(seed)
    model = mlp([2, 3, 3 if classification else 1], "tanh", rng=rng, dtype="float64")
    loss = CrossEntropyLoss() if classification else MSELoss()
    return explain_step(model, loss, np.array([0.5, -1.0]), 1 if classification else 0.7, 0.1)


@pytest.mark.parametrize("classification", [True, False])
def test_stages_walk_forward_loss_backward_update(classification):
    s = _numbers(classification)
    st = stages(s, classification, "cross-entropy" if classification else "squared error")
    titles = [x.title for x in st]
    assert titles[0] == "Input" and titles[-1].startswith("Update")
    i_loss = titles.index("Loss on this sample")
    assert all(x.direction == "forward" for x in st[:i_loss])
    assert st[i_loss + 1].direction == "backward"
    # the numbers shown are the engine's: z of layer 1, the probabilities, the new loss
    z_stage = st[1]
    from engine.layers import Tanh
    assert st[2].formula == Tanh.formula                 # the activation's formula comes from the registry
    assert f"{s.layers[0].z[0]:.4g}" in z_stage.html
    if classification:
        assert f"{s.probabilities[1]:.4g}" in st[titles.index("Softmax: class probabilities")].html
    assert f"{s.new_loss:.4g}" in st[-1].html
    # backward stages visit the layers from the output down
    layers_back = [x.layer for x in st if x.direction == "backward"]
    assert layers_back == sorted(layers_back, reverse=True)


def test_big_matrices_are_cut_with_an_ellipsis():
    html = matrix_html(np.arange(100.0).reshape(10, 10))
    assert "…" in html and "⋮ (10 rows)" in html
    assert html.count("<tr>") == MAX_SHOWN + 2          # 8 rows + the ⋮ row + the outer row


def test_view_next_back_and_highlight(qtbot):
    v = StepView()
    qtbot.addWidget(v)
    assert not v.next.isEnabled()
    s = _numbers(True)
    v.show_step(s, True, "cross-entropy")
    assert v.index == 0 and not v.back.isEnabled()
    with qtbot.waitSignal(v.highlight) as sig:
        v.next.click()
    assert sig.args == [0, "forward"]
    assert "z = W·x + b" in v.formula.text()
    v.go(len(v.stages) - 1)
    assert not v.next.isEnabled()
    assert "→" in v.numbers.toPlainText()
    marks = v.loss_view.marks.getData()
    assert len(marks[0]) == 4 and np.allclose(marks[0], s.probabilities[1])
