"""RunsTab: the Runs panel with the sweep bar (Compare…, progress, Stop), wired to a mode's runs
object (PlaygroundRuns: `log`, `changed`, rename/delete/restore, start_sweep/stop_sweep)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.fileio import atomic_write_bytes, atomic_write_text
from gui.file_actions import widget_png_bytes
from gui.i18n import QT_TR_NOOP, on_language_change, tr
from gui.messages import Message
from gui.runs.compare_dialog import CompareDialog
from gui.runs.runs_panel import RunsPanel
from gui.widgets.scroll import fill_with_scroll

LAB_BUTTONS = {"layers": (QT_TR_NOOP("1-, 2-, 3-layer"), QT_TR_NOOP("Train 1-, 2- and 3-layer perceptrons in turn")),
               "activation": (QT_TR_NOOP("Activations"), QT_TR_NOOP("Train the 2-layer network with each activation"))}


class RunsTab(QWidget):
    def __init__(self, runs, parent=None, *, epochs: int = 100):
        super().__init__(parent)
        self.runs = runs
        self.epochs = epochs
        self.panel = RunsPanel()
        self.compare = QPushButton()
        self.compare.setObjectName("runs.compare")
        self.stop = QPushButton()
        self.stop.setObjectName("runs.stop_sweep")
        self.stop.setEnabled(False)
        self._state = Message.info("")     # the sweep's state line, translated when shown
        self.bar = QProgressBar()
        self.bar.setObjectName("runs.progress")
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(160)
        self.state = QLabel()
        self.state.setObjectName("runs.sweep_state")
        self.state.setWordWrap(True)
        self.state.setMinimumWidth(40)
        row = QHBoxLayout()
        row.addWidget(self.compare)
        row.addWidget(self.bar)
        row.addWidget(self.state, 1)
        row.addWidget(self.stop)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        if hasattr(runs, "start_lab_sweep"):
            lay.addLayout(self._lab_row())
        lay.addWidget(self.panel, 1)
        fill_with_scroll(self, inner)          # a narrow window scrolls the tab instead of growing
        p = self.panel
        p.restore_requested.connect(runs.restore)
        p.rename_requested.connect(runs.rename)
        p.delete_requested.connect(runs.delete)
        p.export_csv_requested.connect(self._ask_csv)
        p.export_png_requested.connect(self._ask_png)
        self.compare.clicked.connect(self.ask_sweep)
        self.stop.clicked.connect(runs.stop_sweep)
        runs.changed.connect(self._show)
        runs.sweep_progress.connect(self._progress)
        runs.sweep_finished.connect(self._finished)
        on_language_change(self, self._retranslate)
        self._show([])

    def _retranslate(self) -> None:
        self.compare.setText(tr("Compare…"))
        self.compare.setToolTip(tr("Train the current network with one setting over a few values, one run each"))
        self.stop.setText(tr("Stop sweep"))
        self.stop.setToolTip(tr("Stop the sweep; the runs it has finished are kept"))
        if hasattr(self, "lab_buttons"):
            self.lab_label.setText(tr("Lab sweeps:"))
            self.on_label.setText(tr("on", "images"))
            for kind, (text, tip) in LAB_BUTTONS.items():
                self.lab_buttons[kind].setText(tr(text))
                self.lab_buttons[kind].setToolTip(tr(tip))
            self.subset.setSpecialValueText(tr("all images"))
            self.subset.setSuffix(tr(" images"))
            self.subset.setToolTip(tr("Training images per run of a sweep (fewer: faster)"))
        self.state.setText(self._state.text)

    def _lab_row(self) -> QHBoxLayout:
        """The MNIST lab's own sweeps, on a subset of the training images so they fit in a minute."""
        row = QHBoxLayout()
        self.lab_label = QLabel()
        row.addWidget(self.lab_label)
        self.lab_buttons = {}
        for kind in LAB_BUTTONS:
            b = QPushButton()
            b.setObjectName(f"runs.lab_{kind}")
            b.clicked.connect(lambda _=False, k=kind: self.runs.start_lab_sweep(k, epochs=self.epochs,
                                                                                  subset_n=self.subset.value()))
            row.addWidget(b)
            self.lab_buttons[kind] = b
        self.subset = QSpinBox()
        self.subset.setObjectName("runs.lab_subset")
        self.subset.setRange(0, 60_000)
        self.subset.setSingleStep(5_000)
        self.subset.setValue(self.runs.sweep_subset)
        self.on_label = QLabel()
        row.addWidget(self.on_label)
        row.addWidget(self.subset)
        row.addStretch(1)
        return row

    def _show(self, select) -> None:
        self.panel.show_log(self.runs.log, select=select or None)

    def _say(self, message: Message) -> None:
        self._state = message
        self.state.setText(message.text)

    def _progress(self, done: int, total: int, message) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self._say(message if isinstance(message, Message) else Message.info(str(message)))
        self.stop.setEnabled(True)
        self.compare.setEnabled(False)
        for b in getattr(self, "lab_buttons", {}).values():
            b.setEnabled(False)

    def _finished(self, reason: str) -> None:
        self.stop.setEnabled(False)
        self.compare.setEnabled(True)
        for b in getattr(self, "lab_buttons", {}).values():
            b.setEnabled(True)
        self._say(Message.info({"done": QT_TR_NOOP("Sweep finished."),
                                "stopped": QT_TR_NOOP("Sweep stopped; finished runs kept.")}
                               .get(reason, QT_TR_NOOP("Sweep failed."))))

    def builder_button(self) -> QPushButton:
        """A "Compare…" button for under the network builder (opens the same dialog, then shows this tab)."""
        b = QPushButton()
        b.setObjectName("runs.compare_builder")

        def retranslate():
            b.setText(tr("Compare settings…"))
            b.setToolTip(tr("Train this network with one setting over a few values (0–3 hidden layers, activations, "
                            "learning rates, …) and compare the runs in the Runs tab"))
        on_language_change(b, retranslate)
        b.clicked.connect(self.ask_sweep)
        self.runs.sweep_progress.connect(lambda *_: b.setEnabled(False))
        self.runs.sweep_finished.connect(lambda *_: b.setEnabled(True))
        return b

    def show_me(self) -> None:
        """Bring this tab to the front of the tab widget it sits in."""
        w = self.parentWidget()
        while w is not None and not isinstance(w, QTabWidget):
            w = w.parentWidget()
        if w is not None:
            w.setCurrentWidget(self)

    def ask_sweep(self) -> None:
        self.show_me()
        dlg = CompareDialog(self, self.epochs)
        if dlg.exec():
            setting, values, second, epochs = dlg.choice()
            self.epochs = epochs
            self.runs.start_sweep(setting, values, second, epochs=epochs)

    # -- exports -----------------------------------------------------------------------------------
    def export_csv(self, path) -> None:
        atomic_write_text(path, self.runs.log.to_csv())

    def export_png(self, path) -> None:
        atomic_write_bytes(path, widget_png_bytes(self.panel.plot))

    def _ask(self, title, filters, suffix, fn) -> None:
        path, _ = QFileDialog.getSaveFileName(self, title, "", filters)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            fn(path)
        except OSError as exc:
            self._say(Message.error(QT_TR_NOOP("Could not save %1: %2"), path, str(exc.strerror or exc)))

    def _ask_csv(self) -> None:
        self._ask(tr("Export the runs table"), tr("CSV files (*.csv)"), ".csv", self.export_csv)

    def _ask_png(self) -> None:
        self._ask(tr("Export the overlay"), tr("PNG images (*.png)"), ".png", self.export_png)


def curves_and_runs(curves: QWidget, runs_tab: QWidget, step_tab: QWidget | None = None) -> QTabWidget:
    """The playground's curves, its Runs tab and its Step tab, side by side as tabs."""
    tabs = QTabWidget()
    tabs.setObjectName("runs.tabs")
    tabs.addTab(curves, "")
    tabs.addTab(runs_tab, "")
    if step_tab is not None:
        tabs.addTab(step_tab, "")

    def retranslate():
        tabs.setTabText(0, tr("Curves"))
        tabs.setTabText(1, tr("Runs"))
        tabs.setTabToolTip(1, tr("Every training run recorded: compare, overlay, restore; Compare… sweeps a setting"))
        if step_tab is not None:
            tabs.setTabText(2, tr("Step"))
            tabs.setTabToolTip(2, tr("Backpropagation by the numbers: one training step on one point, stage by stage"))
    on_language_change(tabs, retranslate)
    return tabs
