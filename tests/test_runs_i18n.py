"""Issue 13 for the runs, the MNIST session and the step view: the English texts are the ones they were,
stored names stay English, and what is shown follows a live language switch (a stand-in translator
that marks every text it translates, so the test needs no compiled .qm)."""
import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from engine.recipe import default_recipe
from engine.runs import Run, RunLog, sweep
from gui.i18n import retranslate_all, tr
from gui.messages import Message
from gui.runs.text import changes_text, run_name


def _run(name, lr, n=4, **recipe):
    curves = {"train_loss": np.linspace(1, 0.5, n), "test_loss": np.linspace(1.2, 0.6, n),
              "train_metric": np.linspace(0.5, 0.9, n), "test_metric": np.linspace(0.5, 0.8, n),
              "seconds": np.linspace(0.1, 0.1 * n, n)}
    return Run(name, default_recipe(lr=lr, **recipe), 0, {"preset": "circle"}, curves, 90, 0.1 * n, 30 * n,
               {"0.weight": np.zeros((8, 2))})


class Marking(QTranslator):
    """Translates every text to itself in brackets: '[Run %1]'."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"[{source}]" if source else source

    def isEmpty(self):
        return False


@pytest.fixture
def switch(qapp):
    """switch(True): the marking translator in, every registered text retranslated; switch(False): out."""
    t = Marking()

    def to(marking: bool) -> None:
        if marking:
            QCoreApplication.installTranslator(t)
        else:
            QCoreApplication.removeTranslator(t)
        retranslate_all()

    yield to
    to(False)


def test_english_names_and_changes_read_as_before():
    for name in ("Run 3", "Run 3 (2)", "2-layer perceptron", "lr = 0.01, layers = 2", "my best run"):
        assert run_name(name) == name
    log = RunLog()
    log.add(_run("Run 1", 0.01))
    log.add(_run("Run 2", 0.1, optimizer="adam"))
    log.add(_run("Run 3", 0.1, optimizer="adam"))
    assert [changes_text(log, i) for i in range(3)] == [log.changes(i) for i in range(3)]
    assert "lr 0.01 → 0.1" in changes_text(log, 1)
    assert [tr("%n epoch(s)", "", n) for n in (1, 2)] == ["1 epoch", "2 epochs"]     # English plurals, no .qm
    assert tr("%n class(es)", "", 3) == "3 classes" and tr("%n class(es)", "", 1) == "1 class"
    for name, _ in sweep(default_recipe(), "activation", ["relu", "tanh"]):
        assert run_name(name) == name


def test_runs_panel_follows_a_switch_and_keeps_the_stored_names(qtbot, switch):
    from gui.runs.runs_panel import RunsPanel
    p = RunsPanel()
    qtbot.addWidget(p)
    log = RunLog()
    log.add(_run("Run 1", 0.01))
    log.add(_run("Run 2", 0.1))
    renamed = []
    p.rename_requested.connect(lambda i, name: renamed.append((i, name)))
    p.show_log(log, select=[0, 1])
    assert p.table.item(0, 0).text() == "Run 1" and p.table.horizontalHeaderItem(1).text() == "What changed"
    csv = log.to_csv()
    switch(True)
    assert p.table.item(0, 0).text() == "[Run 1]"
    assert p.table.item(0, 1).text() == "[first run]"
    assert p.table.horizontalHeaderItem(1).text() == "[What changed]"
    assert p.restore_btn.text() == "[Restore]" and p.curve.itemText(0) == "[test loss]"
    assert p.differ.text().startswith("[Differs between the selected runs")
    assert p.plot.plotItem.getAxis("bottom").labelText == "[epoch]"
    assert renamed == [] and [r.name for r in log.runs] == ["Run 1", "Run 2"] and log.to_csv() == csv
    switch(False)
    assert p.table.item(1, 0).text() == "Run 2" and p.restore_btn.text() == "Restore"
    assert p.plot.plotItem.getAxis("left").labelText == "test loss" and renamed == []


def test_mnist_session_messages_and_names_translate_when_read(qtbot, switch):
    from gui.mnist.session import MnistSession
    from gui.mnist.state import model_caption, run_line, source_text
    s = MnistSession()
    try:
        s.reset()
        assert s.message == "Weights forgotten: the next run starts from new random weights."
        assert isinstance(s.last_message, Message) and s.severity == "info"
        s.load_model("no such file.npz")
        assert s.severity == "error" and s.message.startswith("Cannot open the model: ")
        assert source_text("the network trained here (epoch 3)") == "the network trained here (epoch 3)"
        assert run_line("idle", "done", "trained", "", 1) == ("Done: 1 epoch", 1.0)
        assert run_line("idle", "done", "trained", "", 4)[0] == "Done: 4 epochs"
        switch(True)                                   # the message line reads the new language
        assert s.message.startswith("[[Cannot open the model]: ")
        assert source_text("the network trained here (epoch 3)") == "[the network trained here (epoch 3)]"
        assert model_caption(None, "none", "") == "[No network yet: train one, or load a model (Ctrl+Alt+O).]"
        assert s.get_state()["model_source"] in ("", "the model shipped with MLP Studio")
    finally:
        s.shutdown()


def test_step_view_stays_on_its_stage_across_a_switch(qtbot, switch):
    from engine import CrossEntropyLoss, mlp
    from engine.explain import explain_step
    from gui.stepview.step_view import StepView
    model = mlp([2, 3, 3], "tanh", rng=np.random.default_rng(0), dtype="float64")
    numbers = explain_step(model, CrossEntropyLoss(), np.array([0.5, -1.0]), 1, 0.1)
    v = StepView()
    qtbot.addWidget(v)
    assert v.back.text() == "◀ Back" and "Backpropagation" in v.title.text()
    v.show_step(numbers, True, "cross_entropy")
    v.go(len(v.stages) - 1)
    last, n = v.title.text(), len(v.stages)
    assert last == "<b>Update (one SGD step)</b>" and v.counter.text() == f"stage {n} of {n}"
    switch(True)
    assert v.index == n - 1 and v.title.text() == "<b>[Update (one SGD step)]</b>"
    assert v.counter.text() == f"[stage {n} of {n}]" and v.next.text() == "[Next ▶]"
    assert "[Loss on this sample: " in v.numbers.toHtml()
    assert v.formula.text().startswith("[θ ← θ − η·∂L/∂θ with η = ")
    switch(False)
    assert v.title.text() == last and v.formula.text() == "θ ← θ − η·∂L/∂θ with η = 0.1"


def _points_run(name, task, points, loss, n_train):
    r = _run(name, 0.03)
    recipe = dict(r.recipe, loss=loss)
    return Run(name, recipe, 0, {"task": task, "points": points, "n_train": n_train, "n_test": 10, "classes": 2},
               r.curves, 90, 0.4, 120, None)


def test_changes_and_swept_names_read_as_bulgarian(qapp):
    """A playground run counts points (not images); its task, loss and preset are shown by their labels,
    and a swept name's numbers take the decimal comma (pairs then split by ';')."""
    from gui.i18n import set_language
    from tests.i18n_walk import english_words
    log = RunLog()
    log.add(_points_run("Run 1", "classification", "spiral", "cross_entropy", 40))
    log.add(_points_run("Run 2", "regression", "plane", "mse", 50))
    assert "points spiral" not in changes_text(log, 1)
    assert "Spiral → Plane" in changes_text(log, 1) and "training points 40 → 50" in changes_text(log, 1)
    assert set_language("bg")
    try:
        shown = changes_text(log, 1)
        assert not english_words(shown) and "изображения" not in shown, shown
        assert "тренировъчни точки 40 → 50" in shown, shown
        name = run_name("lr = 0.01, batch_size = 32")
        assert "0.01" not in name and "0,01;" in name, name
    finally:
        set_language("en")
    assert run_name("lr = 0.01, batch_size = 32") == "lr = 0.01, batch size = 32"
