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
from gui.i18n import QT_TR_NOOP, fill, integer, num, on_language_change, sig, tr
from gui.runs.overlay_plot import OverlayPlot
from gui.runs.text import changes_text, of_points, run_name, setting_name, setting_value

COLUMNS = (("name", QT_TR_NOOP("Run")), ("changes", QT_TR_NOOP("What changed")),
           ("parameters", QT_TR_NOOP("Parameters")), ("epochs", QT_TR_NOOP("Epochs")),
           ("seconds", QT_TR_NOOP("Seconds")), ("train_loss", QT_TR_NOOP("Train loss")),
           ("test_loss", QT_TR_NOOP("Test loss")), ("train_metric", QT_TR_NOOP("Train metric")),
           ("test_metric", QT_TR_NOOP("Test metric")))
CURVES = (("test_loss", QT_TR_NOOP("test loss")), ("train_loss", QT_TR_NOOP("training loss")),
          ("test_metric", QT_TR_NOOP("test accuracy / R²")), ("train_metric", QT_TR_NOOP("training accuracy / R²")))
X_AXES = (("epochs", QT_TR_NOOP("against epochs")), ("seconds", QT_TR_NOOP("against seconds")))
CHANGES_WIDTH = 220               # px: the "What changed" column
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
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)   # the order the runs were made
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(90)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        # "What changed" keeps a readable width (the full text is its tooltip); a narrow panel scrolls sideways
        # instead of squeezing it to "…" between the figures' columns
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Interactive)
        self.table.setColumnWidth(1, CHANGES_WIDTH)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemChanged.connect(self._item_changed)
        self.plot = OverlayPlot()
        self.curve = QComboBox()
        self.curve.setObjectName("runs.curve")
        for key, text in CURVES:
            self.curve.addItem(text, key)
        self.x_axis = QComboBox()
        self.x_axis.setObjectName("runs.x_axis")
        for key, text in X_AXES:
            self.x_axis.addItem(text, key)
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
        self.restore_btn = self._button(buttons, "runs.restore",
                                        lambda: self.restore_requested.emit(self.selected()[0]))
        self.delete_btn = self._button(buttons, "runs.delete", lambda: self.delete_requested.emit(self.selected()))
        buttons.addStretch(1)
        self.csv_btn = self._button(buttons, "runs.export_csv", self.export_csv_requested.emit)
        self.png_btn = self._button(buttons, "runs.export_png", self.export_png_requested.emit)
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
        self.overlay_label = QLabel()
        row.addWidget(self.overlay_label)
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
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([tr(c[1]) for c in COLUMNS])
        self.curve.setToolTip(tr("The curve of the selected runs drawn on the overlay"))
        self.x_axis.setToolTip(tr("Compare the runs by epoch, or by wall time (seconds)"))
        for combo, items in ((self.curve, CURVES), (self.x_axis, X_AXES)):
            for i, (_, text) in enumerate(items):
                combo.setItemText(i, tr(text))
        for b, text, tip in (
                (self.restore_btn, QT_TR_NOOP("Restore"),
                 QT_TR_NOOP("Put the selected run's network and settings back into the builder")),
                (self.delete_btn, QT_TR_NOOP("Delete"), QT_TR_NOOP("Delete the selected runs")),
                (self.csv_btn, QT_TR_NOOP("Table…"), QT_TR_NOOP("Export the table as CSV")),
                (self.png_btn, QT_TR_NOOP("Plot…"), QT_TR_NOOP("Export the overlay as PNG"))):
            b.setText(tr(text))
            b.setToolTip(tr(tip))
        self.overlay_label.setText(tr("Overlay:"))
        self.weights_note.setToolTip(tr("Runs without weights can be compared but not restored."))
        if self._log is not None:
            self.show_log(self._log)          # the run names, the "what changed" cells, the numbers
        else:
            self._selection_changed()

    def _button(self, layout, name, slot) -> QPushButton:
        b = QPushButton()
        b.setObjectName(name)
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
                    shown = run_name(v) if key == "name" else changes_text(log, i) if key == "changes" else v
                    item = _NumberItem(self._text(key, shown))
                    item.setData(Qt.UserRole, v if key != "name" else i)
                    item.setData(Qt.UserRole + 1, i)
                    flags = Qt.ItemIsSelectable | Qt.ItemIsEnabled
                    item.setFlags(flags | Qt.ItemIsEditable if key == "name" else flags)
                    if key == "changes":
                        item.setToolTip(str(shown))
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
        self.weights_note.setText(fill(tr("Weights kept: %1 of %2 runs (at most %3, the newest)"), kept, len(log),
                                       log.max_weights))
        self._selection_changed()

    def _add_row(self, i: int) -> None:
        self.table.selectionModel().select(self.table.model().index(i, 0),
                                           QItemSelectionModel.Select | QItemSelectionModel.Rows)

    @staticmethod
    def _text(key, v) -> str:
        if isinstance(v, float):
            if v != v:
                return "—"
            return num(v, 2) if key == "seconds" else sig(v, 4)
        if isinstance(v, int):
            return integer(v)
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
                    vals.append(setting_value(run_settings(run).get(key), key))
                parts.append(f"<b>{setting_name(key, of_points(runs[0]))}</b>: " + " / ".join(vals))
            self.differ.setText(fill(tr("Differs between the selected runs — %1"),
                                     "; ".join(parts) if parts else tr("nothing: same settings")))
        else:
            self.differ.setText(tr("Select two or more runs to overlay and compare them.") if not runs else "")

    def _item_changed(self, item) -> None:
        if self._filling or item.column() != 0:
            return
        i = item.data(Qt.UserRole + 1)
        if self._log is not None and i < len(self._log) and item.text() == run_name(self._log.runs[i].name):
            return                          # (the shown name of a run is its stored name, translated)
        self.rename_requested.emit(i, item.text())
