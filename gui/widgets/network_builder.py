"""NetworkBuilder: edit a recipe (engine/recipe.py) — hidden layers, inputs, loss, optimizer — by clicking.

API (kept stable; the playground and the MNIST lab both use it):
    b = NetworkBuilder(parent, task="classification", n_inputs=2, n_outputs=2)
    b.recipe() -> dict                  # a validated recipe
    b.set_recipe(recipe)                # ValueError (and no change) on a bad recipe
    b.set_task(task, n_outputs)         # "classification" (softmax + cross-entropy) or "regression" (MSE / L1)
    b.set_features_visible(False)       # hide the x1, x2, x1², ... toggles: recipe["features"] = None
    b.set_input_count(784)              # raw input size, used when features are hidden
    b.set_available_features([...])     # e.g. only x1-features for 1-D data
    b.set_training(True)                # lock structure edits (lr, L1, L2 stay editable)
    b.parameter_count() -> int, b.architecture() -> "2-8-8-2"
    signals: recipe_changed()  after any user edit (lr included); lr_changed(float) for lr edits.
The programmatic setters above do not emit recipe_changed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.layers import ACTIVATIONS
from engine.recipe import count_parameters, default_recipe, validate_recipe
from engine.tasks import FEATURES, MAX_LAYERS, MAX_UNITS
from gui.engine_text import translated
from gui.i18n import QT_TR_NOOP, fill, on_language_change, tr
from gui.widgets.forms import choice_box
from gui.widgets.log_spin import LogSpinBox

FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁·x₂",
                  "sin x1": "sin x₁", "sin x2": "sin x₂"}
# The activations and their texts come from the engine's registry: a new activation class shows up here.
ACTIVATION_LABELS = {name: cls.label for name, cls in ACTIVATIONS.items()}
ACTIVATION_TIPS = {name: cls.tip or cls.label for name, cls in ACTIVATIONS.items()}
OPTIMIZERS = (("sgd", "SGD"), ("momentum", QT_TR_NOOP("SGD + momentum")), ("adam", "Adam"))
REGRESSION_LOSSES = (("mse", QT_TR_NOOP("Squared error (MSE)")), ("l1", QT_TR_NOOP("Absolute error (L1)")))
LOSS_TIP = QT_TR_NOOP("The loss L the training makes small. Squared error punishes big misses hard; absolute error "
                      "treats all misses alike and is less swayed by outliers.")
OPTIMIZER_TIP = QT_TR_NOOP("How the gradient becomes a step. SGD: W ← W − η·∂L/∂W. Momentum keeps a running direction "
                           "that smooths noisy minibatch steps. Adam scales each weight's step by its own gradient "
                           "history and usually needs a smaller η.")
# The form's rows: (attribute of the field, English label)
FORM_LABELS = (("output_label", QT_TR_NOOP("Output")), ("loss_combo", QT_TR_NOOP("Loss")),
               ("optimizer_combo", QT_TR_NOOP("Optimizer")), ("momentum_spin", QT_TR_NOOP("Momentum")),
               ("lr_spin", QT_TR_NOOP("Learning rate η")), ("batch_spin", QT_TR_NOOP("Batch size")),
               ("l1_spin", QT_TR_NOOP("L1 strength")), ("l2_spin", QT_TR_NOOP("L2 strength")),
               ("dropout_spin", QT_TR_NOOP("Dropout")))
ROW_BUTTONS = (("up", "▲", QT_TR_NOOP("Move this layer one place towards the input.")),
               ("down", "▼", QT_TR_NOOP("Move this layer one place towards the output.")),
               ("remove", "✕", QT_TR_NOOP("Remove this hidden layer.")))


class _LayerRow(QWidget):
    """One hidden layer: units, activation, move up/down, remove."""

    edited = Signal()
    action = Signal(str, int)   # ("up" | "down" | "remove", index)

    def __init__(self, index: int, layer: dict, n_layers: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.setObjectName(f"layer{index}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        name = QLabel(f"{index + 1}.")
        name.setMinimumWidth(16)
        lay.addWidget(name)
        self.units = QSpinBox()
        self.units.setObjectName(f"layer{index}_units")
        self.units.setRange(1, MAX_UNITS)
        self.units.setValue(layer["units"])
        self.units.setKeyboardTracking(False)
        self.units.setAccelerated(True)
        self.units.valueChanged.connect(self.edited)
        lay.addWidget(self.units)
        self.activation = QComboBox()
        self.activation.setObjectName(f"layer{index}_activation")
        for key in ACTIVATION_LABELS:
            self.activation.addItem("", key)
        self.activation.setCurrentIndex(list(ACTIVATION_LABELS).index(layer["activation"]))
        self.activation.currentIndexChanged.connect(self.edited)
        lay.addWidget(self.activation, 1)
        self.buttons: dict[str, QToolButton] = {}
        enabled = {"up": index > 0, "down": index < n_layers - 1, "remove": True}
        for key, text, _tip in ROW_BUTTONS:
            b = QToolButton()
            b.setText(text)
            b.setEnabled(enabled[key])
            self.buttons[key] = b
            b.setAutoRaise(True)
            b.setObjectName(f"layer{index}_{key}")
            b.clicked.connect(lambda _=False, k=key: self.action.emit(k, self.index))
            lay.addWidget(b)
        self.retranslate()      # the builder calls it again after a language switch

    def retranslate(self) -> None:
        i = self.index
        self.units.setToolTip(fill(tr("Neurons in hidden layer %1 (1–%2). More neurons can bend the decision boundary "
                                      "more, but learn slower and can overfit."), i + 1, MAX_UNITS))
        for j, key in enumerate(ACTIVATION_LABELS):
            self.activation.setItemText(j, translated(ACTIVATION_LABELS[key]))
            self.activation.setItemData(j, translated(ACTIVATION_TIPS[key]), Qt.ToolTipRole)
        self.activation.setToolTip(tr("Activation α of this layer: the non-linearity applied to z = Wx + b. "
                                      "Without one, extra layers add nothing."))
        for key, _text, tip in ROW_BUTTONS:
            self.buttons[key].setToolTip(tr(tip))

    def layer(self) -> dict:
        return {"units": self.units.value(), "activation": self.activation.currentData()}


class NetworkBuilder(QWidget):
    recipe_changed = Signal()
    lr_changed = Signal(float)

    def __init__(self, parent=None, *, task: str = "classification", n_inputs: int = 2, n_outputs: int = 2):
        super().__init__(parent)
        self._task = task
        self._n_raw = int(n_inputs)
        self._n_outputs = int(n_outputs)
        self._features_visible = True
        self._available = list(FEATURES)
        self._training = False
        self._updating = False
        self._hidden: list[dict] = []
        self._rows: list[_LayerRow] = []
        self._build()
        self.set_recipe(default_recipe(loss="cross_entropy" if task == "classification" else "mse"))
        on_language_change(self, self._retranslate)

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)

        self.features_box = QWidget()
        grid = QGridLayout(self.features_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        self.inputs_title = QLabel()
        grid.addWidget(self.inputs_title, 0, 0, 1, 4)
        self.feature_checks: dict[str, QCheckBox] = {}
        for i, f in enumerate(FEATURES):
            cb = QCheckBox(FEATURE_LABELS[f])
            cb.setObjectName(f"feature_{f}")
            cb.toggled.connect(self._on_feature)
            self.feature_checks[f] = cb
            grid.addWidget(cb, 1 + i // 4, i % 4)
        self._feature_grid = grid
        outer.addWidget(self.features_box)

        head = QHBoxLayout()
        self.hidden_title = QLabel()
        head.addWidget(self.hidden_title)
        head.addStretch(1)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_layer")
        self.add_button.clicked.connect(self._add_layer)
        head.addWidget(self.add_button)
        outer.addLayout(head)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(2)
        outer.addLayout(self.rows_box)
        self.no_hidden = QLabel()
        self.no_hidden.setWordWrap(True)
        outer.addWidget(self.no_hidden)

        form = QFormLayout()
        form.setContentsMargins(0, 4, 0, 0)
        form.setVerticalSpacing(3)
        self.output_label = QLabel()
        self.output_label.setWordWrap(True)
        form.addRow("Output", self.output_label)
        self.loss_combo = choice_box(REGRESSION_LOSSES, LOSS_TIP, self._emit)
        form.addRow("Loss", self.loss_combo)
        self._loss_row_label = form.labelForField(self.loss_combo)

        self.optimizer_combo = choice_box(OPTIMIZERS, OPTIMIZER_TIP, self._on_optimizer)
        form.addRow("Optimizer", self.optimizer_combo)
        self.momentum_spin = QDoubleSpinBox()
        self.momentum_spin.setRange(0.0, 0.99)
        self.momentum_spin.setSingleStep(0.05)
        self.momentum_spin.setDecimals(2)
        self.momentum_spin.setKeyboardTracking(False)
        self.momentum_spin.valueChanged.connect(self._emit)
        form.addRow("Momentum", self.momentum_spin)
        self.lr_spin = LogSpinBox(1e-5, 10.0, 0.03)
        self.lr_spin.setObjectName("learning_rate")
        self.lr_spin.valueChanged.connect(self._on_lr)
        form.addRow("Learning rate η", self.lr_spin)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 1024)
        self.batch_spin.setKeyboardTracking(False)
        self.batch_spin.valueChanged.connect(self._emit)
        form.addRow("Batch size", self.batch_spin)
        self.l1_spin = LogSpinBox(1e-5, 1.0, 0.0, allow_zero=True)
        self.l1_spin.valueChanged.connect(self._emit)
        form.addRow("L1 strength", self.l1_spin)
        self.l2_spin = LogSpinBox(1e-5, 1.0, 0.0, allow_zero=True)
        self.l2_spin.valueChanged.connect(self._emit)
        form.addRow("L2 strength", self.l2_spin)
        self.dropout_spin = QDoubleSpinBox()
        self.dropout_spin.setRange(0.0, 0.9)
        self.dropout_spin.setSingleStep(0.1)
        self.dropout_spin.setDecimals(2)
        self.dropout_spin.setKeyboardTracking(False)
        self.dropout_spin.valueChanged.connect(self._emit)
        form.addRow("Dropout", self.dropout_spin)
        outer.addLayout(form)
        self._form = form
        self.params_label = QLabel()
        self.params_label.setObjectName("parameter_count")
        outer.addWidget(self.params_label)

    def _retranslate(self) -> None:
        """The fixed texts in the current language; the output text and parameter count again."""
        self.inputs_title.setText("<b>" + tr("Inputs") + "</b>")
        for f, cb in self.feature_checks.items():
            cb.setToolTip(fill(tr("Feed %1 to the network as an input. Hand-made features like x₁² or x₁·x₂ let even "
                                  "a network without hidden layers draw curved boundaries."), FEATURE_LABELS[f]))
        self.hidden_title.setText("<b>" + tr("Hidden layers") + "</b>")
        self.add_button.setText(tr("+ Add layer"))
        self.add_button.setToolTip(fill(tr("Add a hidden layer before the output (at most %1). Each layer computes "
                                           "α(Wx + b) of the one before it; depth lets the net compose simple "
                                           "boundaries into complex ones."), MAX_LAYERS))
        self.no_hidden.setText("<i>" + tr("No hidden layer: a single-layer perceptron f(x) = σ(Wx + b), which can "
                                          "only separate classes with straight lines.") + "</i>")
        for attr, text in FORM_LABELS:
            label = self._form.labelForField(getattr(self, attr))
            if label is not None:
                label.setText(tr(text))
        self.momentum_spin.setToolTip(tr("How much of the previous step is kept in the next (0–0.99). Higher "
                                         "values roll faster through flat regions but can overshoot."))
        self.lr_spin.setToolTip(tr("Learning rate η: the size of each gradient step. Too small learns slowly; "
                                   "too large overshoots and the loss jumps or diverges. Can be changed while "
                                   "training."))
        self.batch_spin.setToolTip(tr("Points per gradient step (minibatch). Small batches give many noisy steps "
                                      "(stochastic gradient descent); large batches give fewer, smoother ones."))
        self.l1_spin.setToolTip(tr("L1 regularisation: adds λ·Σ|w| to the loss, pushing unneeded weights to "
                                   "exactly zero (a sparser network). 0 turns it off."))
        self.l2_spin.setToolTip(tr("L2 regularisation (weight decay): adds λ·Σw² to the loss, keeping weights "
                                   "small and boundaries smooth, which fights overfitting. 0 turns it off."))
        self.dropout_spin.setToolTip(tr("Dropout: while training, each hidden neuron is switched off with this "
                                        "probability, so the net cannot rely on any single one. 0 turns it off."))
        self.params_label.setToolTip(tr("Number of weights and biases θ = ⟨W, b⟩ the training adjusts."))
        for row in self._rows:
            row.retranslate()
        self._refresh()

    # -- public API --------------------------------------------------------------------------
    def recipe(self) -> dict:
        feats = None
        if self._features_visible:
            feats = [f for f in FEATURES if f in self._available and self.feature_checks[f].isChecked()]
        loss = "cross_entropy" if self._task == "classification" else self.loss_combo.currentData()
        return validate_recipe({
            "hidden": [dict(h) for h in self._hidden], "features": feats, "loss": loss,
            "optimizer": self.optimizer_combo.currentData(), "lr": self.lr_spin.value(),
            "momentum": self.momentum_spin.value(), "batch_size": self.batch_spin.value(),
            "l1": self.l1_spin.value(), "l2": self.l2_spin.value(), "dropout": self.dropout_spin.value(),
        })

    def set_recipe(self, recipe: dict) -> None:
        r = validate_recipe(recipe)
        if r["loss"] == "bce":
            raise ValueError("recipe: this builder offers softmax + cross-entropy for classes, not 'bce'")
        self._updating = True
        try:
            self._task = "classification" if r["loss"] == "cross_entropy" else "regression"
            self._hidden = [dict(h) for h in r["hidden"]]
            if r["features"] is not None:
                for f, cb in self.feature_checks.items():
                    cb.setChecked(f in r["features"])
            if self._task == "regression":
                self.loss_combo.setCurrentIndex(0 if r["loss"] == "mse" else 1)
            self.optimizer_combo.setCurrentIndex([k for k, _ in OPTIMIZERS].index(r["optimizer"]))
            self.momentum_spin.setValue(r["momentum"])
            self.lr_spin.setValue(r["lr"])
            self.batch_spin.setValue(min(r["batch_size"], self.batch_spin.maximum()))
            self.l1_spin.setValue(r["l1"])
            self.l2_spin.setValue(r["l2"])
            self.dropout_spin.setValue(r["dropout"])
            self._rebuild_rows()
        finally:
            self._updating = False
        self._refresh()

    def set_task(self, task: str, n_outputs: int) -> None:
        if task not in ("classification", "regression"):
            raise ValueError(f"task must be 'classification' or 'regression', got {task!r}")
        self._task, self._n_outputs = task, int(n_outputs)
        self._refresh()

    def set_features_visible(self, visible: bool) -> None:
        self._features_visible = bool(visible)
        self.features_box.setVisible(self._features_visible)
        self._refresh()

    def set_input_count(self, n: int) -> None:
        self._n_raw = int(n)
        self._refresh()

    def set_available_features(self, features) -> None:
        """Offer only these features (e.g. no x2 features for 1-D data); keeps at least one checked."""
        self._available = [f for f in FEATURES if f in features]
        if not self._available:
            raise ValueError("set_available_features: at least one feature is needed")
        self._updating = True
        try:
            if not any(self.feature_checks[f].isChecked() for f in self._available):
                self.feature_checks[self._available[0]].setChecked(True)
        finally:
            self._updating = False
        # the offered boxes sit side by side, without gaps where the others are hidden
        for cb in self.feature_checks.values():
            self._feature_grid.removeWidget(cb)
        for i, f in enumerate(self._available + [f for f in FEATURES if f not in self._available]):
            self._feature_grid.addWidget(self.feature_checks[f], 1 + i // 4, i % 4)
        self._refresh()

    def set_training(self, training: bool) -> None:
        self._training = bool(training)
        self._refresh()

    def n_inputs(self) -> int:
        if not self._features_visible:
            return self._n_raw
        return sum(1 for f in self._available if self.feature_checks[f].isChecked())

    def parameter_count(self) -> int:
        return count_parameters(self.recipe(), self.n_inputs(), self._n_outputs)

    def architecture(self) -> str:
        sizes = [self.n_inputs()] + [h["units"] for h in self._hidden] + [self._n_outputs]
        return "-".join(map(str, sizes))

    # -- edits ---------------------------------------------------------------------------------
    def _add_layer(self) -> None:
        if len(self._hidden) >= MAX_LAYERS:
            return
        last = self._hidden[-1] if self._hidden else {"units": 4, "activation": "tanh"}
        self._hidden.append(dict(last))
        self._rebuild_rows()
        self._emit()

    def _row_action(self, what: str, i: int) -> None:
        h = self._hidden
        if what == "remove" and 0 <= i < len(h):
            del h[i]
        elif what == "up" and 0 < i < len(h):
            h[i - 1], h[i] = h[i], h[i - 1]
        elif what == "down" and 0 <= i < len(h) - 1:
            h[i + 1], h[i] = h[i], h[i + 1]
        else:
            return
        self._rebuild_rows()
        self._emit()

    def _row_edited(self) -> None:
        self._hidden = [row.layer() for row in self._rows]
        self._emit()

    def _on_feature(self) -> None:
        self._emit()

    def _on_optimizer(self) -> None:
        self._emit()

    def _on_lr(self, value: float) -> None:
        if self._updating:
            return
        self.lr_changed.emit(float(value))
        self._emit()

    def _emit(self) -> None:
        if self._updating:
            return
        self._refresh()
        self.recipe_changed.emit()

    def _rebuild_rows(self) -> None:
        for row in self._rows:
            self.rows_box.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        for i, layer in enumerate(self._hidden):
            row = _LayerRow(i, layer, len(self._hidden), self)
            row.edited.connect(self._row_edited)
            row.action.connect(self._row_action)
            self.rows_box.addWidget(row)
            self._rows.append(row)
        self._refresh()

    def _refresh(self) -> None:
        """Enable what makes sense now; update the output text and the parameter count."""
        locked = self._training
        classify = self._task == "classification"
        checked = [f for f in self._available if self.feature_checks[f].isChecked()]
        for f, cb in self.feature_checks.items():
            cb.setVisible(f in self._available)
            # the last checked input cannot be unchecked: a network needs at least one input
            cb.setEnabled(not locked and not (cb.isChecked() and len(checked) <= 1))
        self.add_button.setEnabled(not locked and len(self._hidden) < MAX_LAYERS)
        for row in self._rows:
            row.setEnabled(not locked)
        self.no_hidden.setVisible(not self._hidden)
        self.loss_combo.setVisible(not classify)
        if self._loss_row_label is not None:
            self._loss_row_label.setVisible(not classify)
        self.loss_combo.setEnabled(not locked)
        self.optimizer_combo.setEnabled(not locked)
        self.momentum_spin.setEnabled(not locked and self.optimizer_combo.currentData() == "momentum")
        self.batch_spin.setEnabled(not locked)
        self.dropout_spin.setEnabled(not locked)
        if classify:
            self.output_label.setText(fill(tr("%1 classes: softmax, cross-entropy loss"), self._n_outputs))
            self.output_label.setToolTip(tr("Softmax turns the output scores into class probabilities; "
                                            "cross-entropy (logistic loss) is −log of the probability given "
                                            "to the right class."))
        else:
            self.output_label.setText(fill(tr("%1 values: linear") if self._n_outputs > 1 else tr("%1 value: linear"),
                                           self._n_outputs))
            self.output_label.setToolTip(tr("A linear output neuron predicts the number directly; the loss "
                                            "compares it with the target."))
        try:
            n = self.parameter_count()
            self.params_label.setText(fill(tr("<b>%Ln</b> parameters · %1", "", n), self.architecture()))
        except ValueError as exc:
            self.params_label.setText(translated(str(exc)))
