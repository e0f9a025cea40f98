"""The network builder edits a recipe; its settings produce the matching engine model."""
import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QToolButton

from engine import Linear, ReLU, Sigmoid, Tanh
from engine.recipe import build_model_from_recipe, count_parameters, default_recipe
from gui.widgets.network_builder import NetworkBuilder


@pytest.fixture
def builder(qtbot):
    b = NetworkBuilder()
    qtbot.addWidget(b)
    b.show()
    qtbot.wait(10)
    return b


def _layer_shapes(model):
    return [(lin.in_features, lin.out_features) for lin in model if isinstance(lin, Linear)]


def test_settings_produce_the_matching_model(builder, qtbot, rng):
    with qtbot.waitSignal(builder.recipe_changed):
        qtbot.mouseClick(builder.add_button, Qt.LeftButton)          # 3 hidden layers
    builder._rows[0].units.setValue(5)
    builder._rows[1].activation.setCurrentIndex(0)                    # relu
    builder._rows[2].units.setValue(3)
    builder._rows[2].activation.setCurrentIndex(3)                    # sigmoid
    builder.feature_checks["x1^2"].setChecked(True)
    builder.feature_checks["sin x2"].setChecked(True)
    builder.optimizer_combo.setCurrentIndex(2)
    builder.batch_spin.setValue(32)
    builder.l2_spin.setValue(0.001)
    r = builder.recipe()
    assert r["features"] == ["x1", "x2", "x1^2", "sin x2"]
    assert r["hidden"] == [{"units": 5, "activation": "tanh"}, {"units": 8, "activation": "relu"},
                           {"units": 3, "activation": "sigmoid"}]
    assert (r["optimizer"], r["batch_size"], r["l2"], r["loss"]) == ("adam", 32, 0.001, "cross_entropy")
    model = build_model_from_recipe(r, builder.n_inputs(), 2, rng)
    assert _layer_shapes(model) == [(4, 5), (5, 8), (8, 3), (3, 2)]
    acts = [type(layer) for layer in model if not isinstance(layer, Linear)]
    assert acts == [Tanh, ReLU, Sigmoid]
    assert builder.parameter_count() == model.num_parameters() == 4 * 5 + 5 + 5 * 8 + 8 + 8 * 3 + 3 + 3 * 2 + 2
    assert f"{model.num_parameters():,}" in builder.params_label.text()
    assert builder.architecture() == "4-5-8-3-2"


def test_reorder_remove_and_limits(builder, qtbot):
    builder._rows[0].units.setValue(3)
    qtbot.mouseClick(builder.findChild(QToolButton, "layer1_up"), Qt.LeftButton)
    assert [h["units"] for h in builder.recipe()["hidden"]] == [8, 3]
    qtbot.mouseClick(builder.findChild(QToolButton, "layer0_remove"), Qt.LeftButton)
    assert [h["units"] for h in builder.recipe()["hidden"]] == [3]
    for _ in range(20):
        qtbot.mouseClick(builder.add_button, Qt.LeftButton)
    assert len(builder.recipe()["hidden"]) == 8 and not builder.add_button.isEnabled()
    # the last checked input cannot be unchecked
    builder.feature_checks["x2"].setChecked(False)
    assert not builder.feature_checks["x1"].isEnabled()
    assert builder.recipe()["features"] == ["x1"]
    # units cannot leave 1..512
    builder._rows[0].units.setValue(100000)
    assert builder.recipe()["hidden"][0]["units"] == 512


def test_regression_loss_and_lr_signal(builder, qtbot):
    builder.set_task("regression", 1)
    assert builder.recipe()["loss"] == "mse"
    builder.loss_combo.setCurrentIndex(1)
    assert builder.recipe()["loss"] == "l1"
    with qtbot.waitSignal(builder.lr_changed) as blocker:
        builder.lr_spin.stepBy(1)
    assert blocker.args[0] == pytest.approx(0.1)
    assert builder.recipe()["lr"] == pytest.approx(0.1)
    builder.lr_spin.stepBy(-2)
    assert builder.recipe()["lr"] == pytest.approx(0.01)


def test_training_lock_keeps_lr_editable(builder):
    builder.set_training(True)
    assert not builder.add_button.isEnabled()
    assert not builder._rows[0].isEnabled()
    assert not builder.optimizer_combo.isEnabled()
    assert builder.lr_spin.isEnabled() and builder.l2_spin.isEnabled()
    builder.set_training(False)
    assert builder.add_button.isEnabled() and builder._rows[0].isEnabled()


def test_set_recipe_round_trip_and_bad_recipe(builder, qtbot):
    r = default_recipe(hidden=[{"units": 16, "activation": "relu"}], features=["x1", "x1*x2"], optimizer="momentum",
                       lr=0.3, momentum=0.5, batch_size=7, l1=0.003)
    with qtbot.assertNotEmitted(builder.recipe_changed):
        builder.set_recipe(r)
    assert builder.recipe() == r
    with pytest.raises(ValueError):
        builder.set_recipe({"hidden": [{"units": 0, "activation": "relu"}]})
    assert builder.recipe() == r


def test_mnist_use_hidden_features(qtbot, rng):
    b = NetworkBuilder(n_inputs=784, n_outputs=10)
    qtbot.addWidget(b)
    b.set_features_visible(False)
    b.set_input_count(784)
    b.set_task("classification", 10)
    r = b.recipe()
    assert r["features"] is None
    assert b.parameter_count() == count_parameters(r, 784, 10)
    model = build_model_from_recipe(r, 784, 10, rng)
    assert _layer_shapes(model)[0] == (784, 8) and _layer_shapes(model)[-1] == (8, 10)
    assert b.architecture() == "784-8-8-10"


def test_blank_learning_rate_text_keeps_the_value(builder, qtbot):
    """Typing Space over the selected rate (a user pressing the play key while the box has focus) and
    leaving the box must not silently drop the rate to its minimum."""
    spin = builder.lr_spin
    spin.setValue(0.3)
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClick(spin, Qt.Key_Space)
    assert spin.text().strip() == ""
    spin.clearFocus()
    qtbot.keyClick(spin, Qt.Key_Return)
    spin.interpretText()
    assert spin.value() == pytest.approx(0.3)
    assert spin.fixup(" ") == "0.3" and spin.fixup("1e") == "0.3"


def test_offered_features_sit_side_by_side(builder):
    """Only x₁-features for 1-D data: the offered boxes fill the first grid cells, without gaps."""
    builder.set_available_features(["x1", "x1^2", "sin x1"])
    grid = builder._feature_grid
    cells = [grid.getItemPosition(grid.indexOf(builder.feature_checks[f]))[:2] for f in ("x1", "x1^2", "sin x1")]
    assert cells == [(1, 0), (1, 1), (1, 2)]
    assert all(not builder.feature_checks[f].isVisibleTo(builder) for f in ("x2", "x2^2", "x1*x2", "sin x2"))
    builder.set_available_features(["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin x1", "sin x2"])
    cells = [grid.getItemPosition(grid.indexOf(builder.feature_checks[f]))[:2] for f in ("x1", "x2", "sin x2")]
    assert cells == [(1, 0), (1, 1), (2, 2)]


def test_the_activation_list_is_the_engine_registry(builder):
    """Every registered activation is offered (with its label), in the registry's order, and builds."""
    from engine import ACTIVATIONS
    combo = builder._rows[0].activation
    offered = [combo.itemData(i) for i in range(combo.count())]
    assert offered == list(ACTIVATIONS)
    assert [combo.itemText(i) for i in range(combo.count())] == [c.label for c in ACTIVATIONS.values()]
    for i, name in enumerate(offered):
        combo.setCurrentIndex(i)
        assert builder.recipe()["hidden"][0]["activation"] == name


# -- languages (issue 13): texts through Qt's translators, numbers in the widget's locale ----------------
class _Marking(QTranslator):
    """A translator that marks every text it translates: «text»."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»"

    def isEmpty(self):
        return False


def test_builder_texts_follow_a_language_switch(qtbot):
    from gui.i18n import retranslate_all
    b = NetworkBuilder()
    qtbot.addWidget(b)
    before = (b.add_button.text(), b.lr_spin.toolTip(), b.params_label.text(), b.output_label.text(),
              b.optimizer_combo.itemText(1), b._rows[0].activation.itemText(0), b._rows[0].buttons["up"].toolTip())
    assert before[0] == "+ Add layer" and before[4] == "SGD + momentum"
    t = _Marking()
    from PySide6.QtCore import QCoreApplication
    QCoreApplication.installTranslator(t)
    try:
        retranslate_all()
        after = (b.add_button.text(), b.lr_spin.toolTip(), b.params_label.text(), b.output_label.text(),
                 b.optimizer_combo.itemText(1), b._rows[0].activation.itemText(0),
                 b._rows[0].buttons["up"].toolTip())
        assert all(text.startswith("«") or "«" in text for text in after), after
        assert b._form.labelForField(b.lr_spin).text() == "«Learning rate η»"
        b._add_layer()                                   # a row made after the switch is in the new language too
        assert b._rows[-1].units.toolTip().startswith("«Neurons in hidden layer")
    finally:
        QCoreApplication.removeTranslator(t)
        retranslate_all()
    assert (b.add_button.text(), b.lr_spin.toolTip()) == before[:2]
    assert "«" not in b.params_label.text() and "«" not in b._rows[-1].units.toolTip()


def test_parameter_count_in_the_locale(qtbot):
    from PySide6.QtCore import QLocale
    old = QLocale()
    b = NetworkBuilder(n_inputs=784, n_outputs=10)
    qtbot.addWidget(b)
    b.set_features_visible(False)
    b.set_input_count(784)
    n = b.parameter_count()
    try:
        for loc, shown in ((QLocale(QLocale.English, QLocale.UnitedStates), f"{n:,}"),
                           (QLocale(QLocale.Bulgarian, QLocale.Bulgaria), "6442")):   # bg groups from 5 digits
            assert n == 6442
            QLocale.setDefault(loc)
            b.set_input_count(784)
            assert b.params_label.text() == f"<b>{shown}</b> parameters · {b.architecture()}"
    finally:
        QLocale.setDefault(old)


def test_log_spin_box_reads_and_shows_the_decimal_comma(qtbot):
    from PySide6.QtCore import QLocale

    from gui.widgets.log_spin import LogSpinBox
    s = LogSpinBox(1e-5, 10.0, 0.03)
    qtbot.addWidget(s)
    assert s.text() == "0.03"
    s.lineEdit().setText("0,3")                          # as before: a comma reads as a decimal sign in English
    s.interpretText()
    assert s.value() == pytest.approx(0.3)
    s.setLocale(QLocale(QLocale.Bulgarian, QLocale.Bulgaria))
    assert s.text() == "0,3"
    s.setValue(0.03)
    assert s.text() == "0,03" and s.textFromValue(3e-5) == "3e-05"
    for typed, value in (("0,003", 0.003), ("0.01", 0.01), ("1e-4", 1e-4)):
        s.lineEdit().setText(typed)
        s.interpretText()
        assert s.value() == pytest.approx(value), typed
    assert s.validate("0,5", 3)[0] == s.validate("0.5", 3)[0] != s.validate("x", 1)[0]
    s.setLocale(QLocale(QLocale.English, QLocale.UnitedStates))
    assert s.text() == "0.0001"


def test_log_spin_box_special_text_means_the_minimum(qtbot):
    from PySide6.QtCore import QCoreApplication

    from gui.widgets.log_spin import LogSpinBox
    s = LogSpinBox(1e-5, 10.0, 0.1, allow_zero=True)
    qtbot.addWidget(s)
    s.setSpecialValueText("off")
    s.setValue(0.0)
    assert s.text() == "off"
    t = _Marking()
    QCoreApplication.installTranslator(t)           # Qt tells every widget: QEvent.LanguageChange
    try:
        qtbot.waitUntil(lambda: s.text() == "«off»", timeout=2000)
        _type_special(s)
    finally:
        QCoreApplication.removeTranslator(t)
    qtbot.waitUntil(lambda: s.text() == "off", timeout=2000)


def _type_special(s):
    for typed in ("off", "«off»"):
        s.setValue(0.1)
        s.lineEdit().setText(typed)
        s.interpretText()
        assert s.value() == 0.0, typed
