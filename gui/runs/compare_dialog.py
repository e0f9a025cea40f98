"""CompareDialog: "Compare…" — one setting over a few values, optionally crossed with a second."""
from __future__ import annotations

import re

from PySide6.QtCore import QLocale
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
from gui.i18n import QT_TR_NOOP, fill, on_language_change, parse_float, sig, tr

SETTINGS = (("layers", QT_TR_NOOP("Hidden layers")), ("activation", QT_TR_NOOP("Activation")),
            ("lr", QT_TR_NOOP("Learning rate")), ("batch_size", QT_TR_NOOP("Batch size")),
            ("optimizer", QT_TR_NOOP("Optimizer")), ("width", QT_TR_NOOP("Hidden width")))
DEFAULTS = {"layers": "0, 1, 2, 3", "activation": ", ".join(ACTIVATIONS), "lr": "0.003, 0.01, 0.03, 0.1",
            "batch_size": "1, 10, 30", "optimizer": ", ".join(OPTIMIZER_NAMES), "width": "2, 4, 8, 16"}
LEARNING_RATES = (0.003, 0.01, 0.03, 0.1)


def _decimal_comma() -> bool:
    return QLocale().decimalPoint() == ","


def default_values(setting) -> str:
    """The values first offered for `setting`; learning rates in the locale ("0,003; 0,01; …" in Bulgarian)."""
    if setting == "lr" and _decimal_comma():
        return "; ".join(sig(v, 6) for v in LEARNING_RATES)
    return DEFAULTS.get(setting, "")


def _split(text: str, decimals: bool) -> list[str]:
    """The typed values, split at ',' or ';'. Decimal numbers (`decimals`) that have a ';' are split only at
    it ("0,01; 0,1"); where ',' is the decimal point and no '.' is typed, only at a ', ' ("0,01, 0,1")."""
    if not decimals:
        parts = text.replace(";", ",").split(",")
    elif ";" in text:
        parts = text.split(";")
    elif _decimal_comma() and "." not in text:
        parts = re.split(r",\s+", text)
    else:
        parts = text.split(",")
    return [p.strip() for p in parts if p.strip()]


def parse_values(setting: str, text: str) -> list:
    """The values typed for `setting` ("0, 1, 2"), or ValueError in plain words (in the current language)."""
    parts = _split(text, setting == "lr")
    if not parts:
        raise ValueError(tr("type at least one value, separated by commas"))
    if setting in ("activation", "optimizer"):
        return parts
    try:
        return [parse_float(p) if setting == "lr" else int(p) for p in parts]
    except ValueError:
        if setting == "lr":
            raise ValueError(fill(tr("%1 needs numbers, got %2"), tr(dict(SETTINGS)[setting]).lower(),
                                  repr(text))) from None
        raise ValueError(fill(tr("%1 needs whole numbers, got %2"), tr(dict(SETTINGS)[setting]).lower(),
                              repr(text))) from None


class CompareDialog(QDialog):
    def __init__(self, parent=None, epochs: int = 100):
        super().__init__(parent)
        self.setting, self.values = self._pair(with_none=False)
        self.second, self.values2 = self._pair(with_none=True)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(epochs)
        self.error = QLabel()
        self.error.setStyleSheet("color: #D55E00")
        form = QFormLayout(self)
        self.labels = [QLabel() for _ in range(5)]
        for label, field in zip(self.labels, (self.setting, self.values, self.second, self.values2, self.epochs),
                                strict=True):
            form.addRow(label, field)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setMinimumWidth(420)
        form.addRow(self.note)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.setWindowTitle(tr("Compare settings"))
        self.epochs.setToolTip(tr("Epochs each run of the sweep trains"))
        self.setting.setToolTip(tr("The setting that differs between the runs"))
        self.values.setToolTip(tr("Its values, separated by commas: one run each"))
        self.second.setToolTip(tr("Optionally a second setting: every combination of the two is trained"))
        self.values2.setToolTip(tr("The second setting's values, separated by commas"))
        for label, text in zip(self.labels, (tr("Compare"), tr("over the values"), tr("crossed with"),
                                             tr("over the values"), tr("epochs per run")), strict=True):
            label.setText(text)
        self.note.setText(tr("Each run starts from the current network and differs only in the compared settings; "
                             "they train one after another and land in the Runs tab."))
        for combo in (self.setting, self.second):
            for i in range(combo.count()):
                key = combo.itemData(i)
                combo.setItemText(i, tr("nothing") if key is None else tr(dict(SETTINGS)[key]))
        for combo, edit in ((self.setting, self.values), (self.second, self.values2)):
            if edit.text() == edit.property("offered"):     # the offered values, untouched: in the new language
                edit.setText(default_values(combo.currentData()))
                edit.setProperty("offered", edit.text())
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.layout().totalHeightForWidth(self.width())))

    def _pair(self, with_none: bool):
        combo, edit = QComboBox(), QLineEdit()
        if with_none:
            combo.addItem("", None)
        for key, _ in SETTINGS:
            combo.addItem("", key)

        def offer(*_):
            edit.setText(default_values(combo.currentData()))
            edit.setProperty("offered", edit.text())
        combo.currentIndexChanged.connect(offer)
        offer()
        return combo, edit

    def choice(self):
        """(setting, values, second or None, epochs); ValueError in plain words if a value is bad."""
        setting = self.setting.currentData()
        values = parse_values(setting, self.values.text())
        second = None
        if self.second.currentData() is not None:
            if self.second.currentData() == setting:
                raise ValueError(tr("compare two different settings"))
            second = (self.second.currentData(), parse_values(self.second.currentData(), self.values2.text()))
        return setting, values, second, self.epochs.value()

    def _accept(self) -> None:
        try:
            self.choice()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
