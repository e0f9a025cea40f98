"""The 2D playground's views follow a live language switch: every text they show goes through tr() and is
set again when the language changes, and switching back gives the English texts exactly as before.

A marking translator (every text becomes ‹text›) stands in for a real language, so this needs no .qm file."""

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from gui import i18n
from gui.i18n import tr
from gui.playground.text import describe_neuron, gradient_source
from tests.i18n_walk import english_words, texts
from tests.qt_wait import wait_until


class Marking(QTranslator):
    """Every text in ‹…› (Qt still fills %n in afterwards)."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"‹{source}›"

    def isEmpty(self):
        return False


@pytest.fixture
def mode(shown_playground):
    m = shown_playground(3)
    m.step()                                          # an epoch: counters, summary, curves with numbers
    assert wait_until(lambda: m.session.epoch >= 1 and not m.busy(), 30)
    assert wait_until(lambda: " loss " in m.plots.summary.text(), 5)   # the curves' trailing redraw
    return m


def views(m) -> dict:
    """The widgets these views own (the network builder, runs and step tabs, colour bar: other files)."""
    return {"panel": m.panel, "train_bar": m.train_bar, "plots": m.plots, "canvas": m.canvas,
            "diagram_panel": m.diagram_panel, "diagnoses": m.diagnoses_view, "network_label": m.network_label}


def readable(m) -> dict:
    out = {}
    for name, widget in views(m).items():
        for where, text in texts(widget):
            if isinstance(text, str) and english_words(text):
                out[f"{name}: {where}"] = text
    out["title"] = m.title
    out["diagram words"] = " | ".join(m.diagram._words.values())
    return out


@pytest.fixture
def marking():
    t = Marking()
    QCoreApplication.installTranslator(t)
    i18n.retranslate_all()
    yield t
    QCoreApplication.removeTranslator(t)
    i18n.retranslate_all()


def test_every_text_of_the_views_is_translated_and_comes_back_unchanged(mode, qtbot):
    before = readable(mode)
    assert "Epoch" in before["train_bar: QLabel(counter) text"]
    counters, points = mode.session.counters, mode.session.points.current().n
    t = Marking()
    QCoreApplication.installTranslator(t)
    try:
        i18n.retranslate_all()
        during = readable(mode)
        left = {k: v for k, v in during.items() if "‹" not in v}
        assert not left, f"texts not translated after a switch: {left}"
        assert set(during) == set(before)
        assert mode.session.counters == counters and mode.session.points.current().n == points
    finally:
        QCoreApplication.removeTranslator(t)
        i18n.retranslate_all()
    after = readable(mode)
    assert after == before, {k: (before.get(k), after.get(k)) for k in set(before) | set(after)
                             if before.get(k) != after.get(k)}


def test_hover_texts_are_translated(mode, marking):
    snap = mode.session.last_snapshot
    last = len(snap.sizes) - 1
    for column in range(last + 1):
        for classify in (True, False):
            assert describe_neuron(snap, column, 0, classify, False).startswith("‹")
        assert describe_neuron(snap, column, 0, False, False, one_d=True).startswith("‹")
    assert mode.diagram.describe_line(0, 0).startswith("‹Weight")
    assert gradient_source("the last 3 minibatches") == "‹the last 3 minibatches›"
    assert gradient_source("all training points") == "‹all training points›"


def test_a_1d_neuron_is_described_along_x_not_over_a_plane(mode):
    snap = mode.session.last_snapshot
    last = len(snap.sizes) - 1
    for column in range(last + 1):
        one_d = describe_neuron(snap, column, 0, False, False, one_d=True)
        assert "along x" in one_d and "plane" not in one_d
        assert "plane" in describe_neuron(snap, column, 0, False, False)


def test_the_hovered_neurons_description_follows_a_switch(mode):
    box = mode.diagram.box_of(1, 0)
    assert box is not None
    mode.diagram.hovered.emit(1, 0)               # what hovering the first hidden neuron does
    english = mode.message.text()
    assert "Hidden layer 1, neuron 1" in english
    t = Marking()
    QCoreApplication.installTranslator(t)
    try:
        i18n.retranslate_all()
        assert "‹Hidden layer 1, neuron 1:" in mode.message.text()
    finally:
        QCoreApplication.removeTranslator(t)
        i18n.retranslate_all()
    assert mode.message.text() == english
    mode.diagram.hovered.emit(-1, -1)
    assert mode.message.text() == ""


def test_gradient_source_and_plural_counts_in_english():
    assert gradient_source("the last minibatch") == "the last minibatch"
    assert gradient_source("the last 1,234 minibatches") == "the last 1234 minibatches"
    assert tr("%n training points", "", 7) == "7 training points"
