"""The MNIST lab's views in another language (issue 13): every text they show goes through tr() and follows a
live switch — there and back, with the lab's state untouched. A pseudo-translator marks every translated text
⟦like this⟧, so the test needs no compiled .qm: what is left unmarked was never translated."""
import re

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from engine.idx import load_mnist
from gui import i18n
from gui.app import configure_pyqtgraph
from gui.mnist import MnistLabMode
from tests.i18n_walk import english_words, texts

_MARKED = re.compile(r"⟦[^⟦⟧]*⟧")


class Pseudo(QTranslator):
    """Translates every text to ⟦text⟧ (Qt fills %n in afterwards)."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"⟦{source}⟧"

    def isEmpty(self) -> bool:
        return False


def unmarked(text: str) -> str:
    """`text` without its translated parts (innermost first: filled templates nest)."""
    while True:
        shorter = _MARKED.sub(" ", text)
        if shorter == text:
            return text
        text = shorter


@pytest.fixture(scope="module")
def mnist():
    return load_mnist()


@pytest.fixture
def lab(qtbot, mnist):
    configure_pyqtgraph()
    m = MnistLabMode(auto_load_data=False)
    qtbot.addWidget(m)
    m.resize(1300, 800)
    m.show()
    qtbot.waitExposed(m)
    m.set_data(mnist)
    m.apply_preset("tiny")
    with qtbot.waitSignal(m.training_finished, timeout=60000):
        m.step()
    qtbot.waitUntil(lambda: m.current_evaluation() is not None, timeout=30000)
    m.tabs.setCurrentWidget(m.evaluation)
    m.evaluation.flush()
    m.evaluation.show_cell(3, 5)
    k = int(m.evaluation.shown_images()[0])
    m.show_test_image(k)
    m.open_in_draw(k)
    m.samples.class_box.setCurrentIndex(4)
    dialog = m.show_augmented_samples()
    qtbot.addWidget(dialog)
    m.plots.flush()
    yield m, dialog
    m.shutdown()


def lab_texts(mode: MnistLabMode, dialog) -> set:
    """(where, text) of the lab's own views: not the runs tab and the network builder (their own modules), not
    Qt's standard buttons, nor the session's sentences (the summary under the progress bar, the Draw tab's model
    caption)."""
    others = set(texts(mode.runs_tab)) | set(texts(mode.builder))
    for box in dialog.findChildren(QDialogButtonBox):     # Qt's own standard buttons: its qt_*.qm translates them
        others |= {item for b in box.buttons() if box.standardButton(b) != QDialogButtonBox.NoButton
                   for item in texts(b)}
    session = {mode.train_panel.summary.text(), mode.draw.model_label.text()}
    found = {(where, text) for where, text in {*texts(mode), *texts(dialog)} - others
             if isinstance(text, str) and text.strip() and text not in session}
    painted = (mode.draw.canvas._hint, mode.evaluation.confusion._predicted_text, mode.evaluation.confusion._true_text,
               mode.evaluation.confusion._tip(3, 5), *mode.evaluation.gallery._tips[:3], *mode.samples.grid._tips[:3],
               *mode.evaluation.weights._tips[:3], *dialog.grid.captions()[:2], mode.title,
               *(a.text() for a in mode.model_actions()), *(a.toolTip() for a in mode.model_actions()))
    found |= {(f"painted {i}", t) for i, t in enumerate(painted)}
    return found


def test_every_text_of_the_lab_is_translated_and_follows_a_live_switch(lab):
    mode, dialog = lab
    before = lab_texts(mode, dialog)
    epochs, chosen = len(mode.session.history.epochs), mode.evaluation.chosen()
    shown_class = mode.samples.class_box.currentIndex()
    probabilities = mode.draw.last_probabilities.copy()
    pseudo = Pseudo()
    QCoreApplication.installTranslator(pseudo)
    try:
        i18n.retranslate_all()
        switched = lab_texts(mode, dialog)
        left = sorted(f"{where}: {text[:100]!r}" for where, text in switched if english_words(unmarked(text)))
        assert not left, "\n".join(left)
        assert len(switched) > 100          # the walk saw the lab (140 texts when written)
    finally:
        QCoreApplication.removeTranslator(pseudo)
    i18n.retranslate_all()
    after = lab_texts(mode, dialog)
    assert not [t for _w, t in after if "⟦" in t]
    assert after == before
    # the state is untouched: curves, the chosen image, the class shown, the drawing's reading
    assert len(mode.session.history.epochs) == epochs and mode.evaluation.chosen() == chosen
    assert mode.samples.class_box.currentIndex() == shown_class
    assert np.array_equal(mode.draw.last_probabilities, probabilities)


def test_numbers_follow_the_locale(lab):
    """Bulgarian writes a decimal comma: the lab's figures follow the locale (and come back)."""
    from PySide6.QtCore import QLocale
    mode, _dialog = lab
    QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))    # what set_language("en") sets
    i18n.retranslate_all()
    en = mode.evaluation.summary.text()
    assert re.search(r"\d\.\d\d%", en) and "10,000 test images" in en
    QLocale.setDefault(QLocale(QLocale.Bulgarian, QLocale.Bulgaria))
    try:
        i18n.retranslate_all()
        bg = mode.evaluation.summary.text()
        assert re.search(r"\d,\d\d%", bg) and not re.search(r"\d\.\d\d%", bg) and "10,000" not in bg
        assert re.search(r"\d,\d%", mode.draw.answer.text())
        assert re.search(r"\d,\d\d%", mode.plots.headline.text())
        for bars in (mode.evaluation.per_class, mode.evaluation.chosen_bars, mode.draw.bars):   # painted figures
            assert any(re.fullmatch(r"\d+,\d%", t) for t in bars._texts), bars._texts
    finally:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
        i18n.retranslate_all()
    assert mode.evaluation.summary.text() == en
    assert all(re.fullmatch(r"\d+\.\d%", t) for t in mode.evaluation.chosen_bars._texts)
