"""The MNIST lab's layout: the side panel (data, network, training), the tabs and the File menu's
model actions. A mixin of MnistLabMode (gui/mnist/mode.py), which calls it once on construction.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from engine.presets import MNIST_PRESETS
from gui.i18n import QT_TR_NOOP, on_language_change
from gui.mnist.data_panel import DataPanel
from gui.mnist.draw_panel import DrawPanel
from gui.mnist.evaluation_view import EvaluationView
from gui.mnist.sample_browser import SampleBrowser
from gui.mnist.state import IMAGES
from gui.mnist.text import Texts
from gui.mnist.training_panel import TrainingPanel
from gui.mnist.training_plots import TrainingPlots
from gui.runs.lab_sweep import LAB_EPOCHS
from gui.runs.runs_tab import RunsTab
from gui.widgets.forms import scrolled
from gui.widgets.network_builder import NetworkBuilder


class LabLayout:
    """Builds the lab's widgets (attributes of the mode) and its model actions."""

    def _build(self) -> None:
        t = self._texts = Texts(self)
        lay = QHBoxLayout(self)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(4, 4, 4, 4)
        self.data_panel = DataPanel()
        sl.addWidget(self.data_panel)
        box = QGroupBox()
        t.add(box.setTitle, QT_TR_NOOP("Network"))
        bl = QVBoxLayout(box)
        self.builder = NetworkBuilder(box, task=IMAGES.kind, n_inputs=IMAGES.n_inputs, n_outputs=10)
        self.builder.set_features_visible(False)
        self.builder.set_input_count(IMAGES.n_inputs)
        bl.addWidget(self.builder)
        bl.addStretch(1)
        # as tall as the presets' largest network needs: choosing a preset does not move the panels below
        deepest = max(MNIST_PRESETS.values(), key=lambda p: len(p["recipe"]["hidden"]))
        self.builder.set_recipe(deepest["recipe"])
        box.setMinimumHeight(box.sizeHint().height())
        sl.addWidget(box)
        self.train_panel = TrainingPanel()
        sl.addWidget(self.train_panel)
        sl.addStretch(1)
        scroll = self._side_scroll = scrolled(side)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._fit_side()
        # after a language switch, once every panel has its new texts: as wide as they need
        on_language_change(self, lambda: QTimer.singleShot(0, lambda: self._fit_side(settle=True)), now=False)
        lay.addWidget(scroll)
        self.tabs = QTabWidget()
        self.samples = SampleBrowser()
        self.plots = TrainingPlots()
        self.evaluation = EvaluationView()
        self.draw = DrawPanel()
        for w, name, tip in (
                (self.samples, QT_TR_NOOP("Samples"), QT_TR_NOOP("The training images, by class.")),
                (self.plots, QT_TR_NOOP("Training"), QT_TR_NOOP("Loss and accuracy curves, live while training.")),
                (self.evaluation, QT_TR_NOOP("Evaluation"),
                 QT_TR_NOOP("Test accuracy, per-class accuracy, confusion matrix, mistakes and first-layer weights.")),
                (self.draw, QT_TR_NOOP("Draw"), QT_TR_NOOP("Draw a digit and watch the network read it."))):
            i = self.tabs.addTab(w, "")
            t.add(lambda text, i=i: self.tabs.setTabText(i, text), name)
            t.add(lambda text, i=i: self.tabs.setTabToolTip(i, text), tip)
        self.runs_tab = RunsTab(self.session.run_records, epochs=LAB_EPOCHS)              # runs hook
        i = self.tabs.addTab(self.runs_tab, "")                                            # runs hook
        t.add(lambda text, i=i: self.tabs.setTabText(i, text), QT_TR_NOOP("Runs"))
        lay.addWidget(self.tabs, 1)

    def _fit_side(self, *, settle: bool = False) -> None:
        """The side panel as wide as its contents need (at least 380 pixels at most); `settle`: first let the
        panels' layouts take their new texts' sizes (after a language switch)."""
        if not isValid(self._side_scroll):
            return
        for _ in range(4 if settle else 0):   # nested layouts pass a new size up one level per layout request
            QCoreApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        need = self._side_scroll.widget().sizeHint().width() + 24
        self._side_scroll.setMinimumWidth(need)
        self._side_scroll.setMaximumWidth(max(380, need))

    def _make_actions(self) -> list[QAction]:
        t = self._texts
        save = QAction(self)
        t.add(save.setText, QT_TR_NOOP("Save model…"))
        save.setShortcut(QKeySequence("Ctrl+Alt+S"))
        for setter in (save.setToolTip, save.setStatusTip):
            t.add(setter, QT_TR_NOOP("Save the MNIST lab's trained network as an .npz model file."))
        save.triggered.connect(self.save_model_dialog)
        load = QAction(self)
        t.add(load.setText, QT_TR_NOOP("Open model…"))
        load.setShortcut(QKeySequence("Ctrl+Alt+O"))
        for setter in (load.setToolTip, load.setStatusTip):
            t.add(setter, QT_TR_NOOP("Load a network saved by MLP Studio (an .npz model file) into the MNIST lab."))
        load.triggered.connect(self.load_model_dialog)
        return [save, load]
