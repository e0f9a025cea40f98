"""RunsPanel: the table of recorded runs and the overlay of the selected ones.

It only shows what it is given (`show_log(log)`) and forwards intent as signals: restore, rename,
delete, export. The session that owns the RunLog acts on them and calls `show_log` again."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from engine.runs import differing_settings, run_settings
from gui.runs.overlay_plot import OverlayPlot

COLUMNS = (("name", "Run"), ("changes", "What changed"), ("parameters", "Parameters"), ("epochs", "Epochs"),
           ("seconds", "Seconds"), ("train_loss", "Train loss"), ("test_loss", "Test loss"),
           ("train_metric", "Train metric"), ("test_metric", "Test metric"))
HIGHLIGHT = QColor(230, 159, 0, 70)


class _NumberItem(QTableWidgetItem):
    """Sorts by its number, not its text."""

    def __lt__(self, other):
        a, b = self.data(Qt.UserRole), other.data(Qt.UserRole)
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        return super().__lt__(other)


class RunsPanel(QWidget):
    restore_requested = Signal(int)
    rename_requested = Signal(int, str)
    delete_requested = Signal(list)
    export_csv_requested = Signal()
    export_png_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._log = None
        self._filling = False
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("runs.table")
        self.table.setHorizontalHeaderLabels([c[1] for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)   # the order the runs were made
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(90)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemChanged.connect(self._item_changed)
        self.plot = OverlayPlot()
        self.curve = QComboBox()
        self.curve.setObjectName("runs.curve")
        self.curve.setToolTip("The curve of the selected runs drawn on the overlay")
        for key, text in (("test_loss", "test loss"), ("train_loss", "training loss"),
                          ("test_metric", "test accuracy / R²"), ("train_metric", "training accuracy / R²")):
            self.curve.addItem(text, key)
        self.x_axis = QComboBox()
        self.x_axis.setObjectName("runs.x_axis")
        self.x_axis.setToolTip("Compare the runs by epoch, or by wall time (seconds)")
        self.x_axis.addItem("against epochs", "epochs")
        self.x_axis.addItem("against seconds", "seconds")
        for combo in (self.curve, self.x_axis):          # narrow when the window is (the text may be cut)
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        self.curve.currentIndexChanged.connect(self._selection_changed)
        self.x_axis.currentIndexChanged.connect(self._selection_changed)
        self.differ = QLabel()
        self.differ.setObjectName("runs.differ")
        self.differ.setWordWrap(True)
        self.weights_note = QLabel()
        self.weights_note.setObjectName("runs.weights_note")
        self.weights_note.setWordWrap(True)
        buttons = QHBoxLayout()
        self.restore_btn = self._button(buttons, "Restore", "runs.restore",
                                        "Put the selected run's network and settings back into the builder",
                                        lambda: self.restore_requested.emit(self.selected()[0]))
        self.delete_btn = self._button(buttons, "Delete", "runs.delete", "Delete the selected runs",
                                       lambda: self.delete_requested.emit(self.selected()))
        buttons.addStretch(1)
        self._button(buttons, "Table…", "runs.export_csv", "Export the table as CSV",
                     self.export_csv_requested.emit)
        self._button(buttons, "Plot…", "runs.export_png", "Export the overlay as PNG",
                     self.export_png_requested.emit)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table)
        tl.addLayout(buttons)
        tl.addWidget(self.weights_note)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel("Overlay:"))
        row.addWidget(self.curve)
        row.addWidget(self.x_axis)
        row.addStretch(1)
        bl.addLayout(row)
        bl.addWidget(self.differ)
        bl.addWidget(self.plot, 1)
        layout = QVBoxLayout(self)             # (no splitter: the main window names and remembers its splitters)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(top, 2)
        layout.addWidget(bottom, 3)
        self._selection_changed()

    def _button(self, layout, text, name, tip, slot) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        layout.addWidget(b)
        return b

    # -- showing ---------------------------------------------------------------------------------
    def show_log(self, log, select=None) -> None:
        """Show every run of `log` (an engine RunLog); `select`: run indices to select (default: keep)."""
        keep = set(self.selected()) if select is None else set(select)
        self._log = log
        self._filling = True
        self.table.setSortingEnabled(False)
        try:
            self.table.setRowCount(0)
            for i, row in enumerate(log.table()):
                self.table.insertRow(i)
                for c, (key, _) in enumerate(COLUMNS):
                    v = row[key]
                    item = _NumberItem(self._text(key, v))
                    item.setData(Qt.UserRole, v if key != "name" else i)
                    item.setData(Qt.UserRole + 1, i)
                    flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                    item.setFlags(flags | Qt.ItemIsEditable if key == "name" else flags)
                    if key == "changes":
                        item.setToolTip(str(v))
                    if key != "name" and key != "changes":
                        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                    self.table.setItem(i, c, item)
            for i in sorted(keep):
                if i < len(log):
                    self._add_row(i)
        finally:
            self.table.setSortingEnabled(True)
            self._filling = False
        kept = sum(r.weights is not None for r in log.runs)
        self.weights_note.setText(f"Weights kept: {kept} of {len(log)} runs (at most {log.max_weights}, the newest)")
        self.weights_note.setToolTip("Runs without weights can be compared but not restored.")
        self._selection_changed()

    def _add_row(self, i: int) -> None:
        self.table.selectionModel().select(self.table.model().index(i, 0),
                                           QItemSelectionModel.Select | QItemSelectionModel.Rows)

    @staticmethod
    def _text(key, v) -> str:
        if isinstance(v, float):
            if v != v:
                return "—"
            return f"{v:.2f}" if key == "seconds" else f"{v:.4g}"
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    def selected(self) -> list[int]:
        """Indices (into the log) of the selected runs, in log order."""
        rows = {ix.row() for ix in self.table.selectionModel().selectedRows()}
        return sorted(self.table.item(r, 0).data(Qt.UserRole + 1) for r in rows if self.table.item(r, 0))

    def _selection_changed(self, *_):
        if self._filling:
            return
        log = self._log
        runs = [log.runs[i] for i in self.selected()] if log is not None else []
        self.plot.show_runs(runs, self.curve.currentData(), self.x_axis.currentData())
        one = len(runs) == 1
        self.restore_btn.setEnabled(one and runs[0].weights is not None)
        self.delete_btn.setEnabled(bool(runs))
        differ = differing_settings(runs) if len(runs) > 1 else set()
        chosen = {ix.row() for ix in self.table.selectionModel().selectedRows()}
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 1)
            if item is not None:
                item.setBackground(QBrush(HIGHLIGHT) if differ and r in chosen else QBrush())
        if len(runs) > 1:
            parts = []
            for key in sorted(differ):
                vals = []
                for run in runs:
                    vals.append(str(run_settings(run).get(key, "—")))
                parts.append(f"<b>{key}</b>: " + " / ".join(vals))
            self.differ.setText("Differs between the selected runs — " + ("; ".join(parts) if parts else
                                                                          "nothing: same settings"))
        else:
            self.differ.setText("Select two or more runs to overlay and compare them." if not runs else "")

    def _item_changed(self, item) -> None:
        if self._filling or item.column() != 0:
            return
        self.rename_requested.emit(item.data(Qt.UserRole + 1), item.text())
