"""CompareDialog: "Compare…" — one setting over a few values, optionally crossed with a second."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from engine.layers import ACTIVATIONS
from engine.recipe import OPTIMIZER_NAMES

SETTINGS = (("layers", "Hidden layers"), ("activation", "Activation"), ("lr", "Learning rate"),
            ("batch_size", "Batch size"), ("optimizer", "Optimizer"), ("width", "Hidden width"))
DEFAULTS = {"layers": "0, 1, 2, 3", "activation": ", ".join(ACTIVATIONS), "lr": "0.003, 0.01, 0.03, 0.1",
            "batch_size": "1, 10, 30", "optimizer": ", ".join(OPTIMIZER_NAMES), "width": "2, 4, 8, 16"}


def parse_values(setting: str, text: str) -> list:
    """The values typed for `setting` ("0, 1, 2"), or ValueError in plain words."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    if not parts:
        raise ValueError("type at least one value, separated by commas")
    if setting in ("activation", "optimizer"):
        return parts
    try:
        return [float(p) if setting == "lr" else int(p) for p in parts]
    except ValueError:
        kind = "numbers" if setting == "lr" else "whole numbers"
        raise ValueError(f"{dict(SETTINGS)[setting].lower()} needs {kind}, got {text!r}") from None


class CompareDialog(QDialog):
    def __init__(self, parent=None, epochs: int = 100):
        super().__init__(parent)
        self.setWindowTitle("Compare settings")
        self.setting, self.values = self._pair(with_none=False)
        self.second, self.values2 = self._pair(with_none=True)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(epochs)
        self.epochs.setToolTip("Epochs each run of the sweep trains")
        self.setting.setToolTip("The setting that differs between the runs")
        self.values.setToolTip("Its values, separated by commas: one run each")
        self.second.setToolTip("Optionally a second setting: every combination of the two is trained")
        self.values2.setToolTip("The second setting's values, separated by commas")
        self.error = QLabel()
        self.error.setStyleSheet("color: #D55E00")
        form = QFormLayout(self)
        form.addRow("Compare", self.setting)
        form.addRow("over the values", self.values)
        form.addRow("crossed with", self.second)
        form.addRow("over the values", self.values2)
        form.addRow("epochs per run", self.epochs)
        form.addRow(QLabel("Each run starts from the current network and differs only in the compared settings; "
                           "they train one after another and land in the Runs tab."))
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pair(self, with_none: bool):
        combo, edit = QComboBox(), QLineEdit()
        if with_none:
            combo.addItem("nothing", None)
        for key, text in SETTINGS:
            combo.addItem(text, key)
        combo.currentIndexChanged.connect(lambda _: edit.setText(DEFAULTS.get(combo.currentData(), "")))
        edit.setText(DEFAULTS.get(combo.currentData(), ""))
        return combo, edit

    def choice(self):
        """(setting, values, second or None, epochs); ValueError in plain words if a value is bad."""
        setting = self.setting.currentData()
        values = parse_values(setting, self.values.text())
        second = None
        if self.second.currentData() is not None:
            if self.second.currentData() == setting:
                raise ValueError("compare two different settings")
            second = (self.second.currentData(), parse_values(self.second.currentData(), self.values2.text()))
        return setting, values, second, self.epochs.value()

    def _accept(self) -> None:
        try:
            self.choice()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
