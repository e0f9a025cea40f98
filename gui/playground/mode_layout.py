"""The 2D playground's widgets and their layout (PlaygroundMode wires them to its session): the data
panel and network builder on the left (scrolling), the network diagram in the middle, the map with its
colour bar, the diagnoses and the Curves / Runs / Step tabs on the right, the train bar and message line
on top."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from gui.i18n import on_language_change, tr
from gui.playground.canvas import PointsCanvas
from gui.playground.data_panel import DataPanel
from gui.playground.diagnoses_view import DiagnosesView
from gui.playground.diagram_panel import DiagramPanel
from gui.playground.plots import CurvesPlot
from gui.playground.train_bar import TrainBar
from gui.runs.runs_tab import RunsTab, curves_and_runs
from gui.stepview.step_tab import StepTab
from gui.widgets.color_bar import ColorBar
from gui.widgets.network_builder import NetworkBuilder
from gui.widgets.scroll import scroll_area


def build_layout(mode) -> None:
    """Make `mode`'s widgets (as its attributes: canvas, panel, builder, train_bar, plots, diagram, …)
    and lay them out in it; keys 1–8 pick a class."""
    mode.canvas = PointsCanvas()
    mode.panel = DataPanel()
    mode.builder = NetworkBuilder()
    mode.train_bar = TrainBar()
    mode.plots = CurvesPlot()
    mode.diagnoses_view = DiagnosesView()
    mode.color_bar = ColorBar()
    mode.diagram_panel = DiagramPanel()
    mode.diagram = mode.diagram_panel.diagram
    mode.message = QLabel()
    mode.message.setObjectName("message")
    mode.message.setWordWrap(True)
    mode.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

    side = QWidget()
    sl = QVBoxLayout(side)
    sl.setContentsMargins(6, 6, 6, 6)
    sl.addWidget(mode.panel)
    line = QFrame()
    line.setFrameShape(QFrame.HLine)
    line.setFrameShadow(QFrame.Sunken)
    sl.addWidget(line)
    mode.network_label = QLabel()
    on_language_change(mode.network_label, lambda: mode.network_label.setText(tr("<b>Network</b>")))
    sl.addWidget(mode.network_label)
    sl.addWidget(mode.builder)
    mode.runs_tab = RunsTab(mode.session.runs)                     # runs hook: the Runs tab and its
    sl.addWidget(mode.runs_tab.builder_button())                   # "Compare settings…" under the builder
    sl.addStretch(1)
    scroll = scroll_area(side)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(320)

    right = QWidget()
    rl = QVBoxLayout(right)
    rl.setContentsMargins(0, 0, 0, 0)
    map_row = QHBoxLayout()
    map_row.setContentsMargins(0, 0, 0, 0)
    map_row.setSpacing(2)
    map_row.addWidget(mode.canvas, 1)
    map_row.addWidget(mode.color_bar)
    rl.addLayout(map_row, 3)
    rl.addWidget(mode.diagnoses_view)
    mode.step_tab = StepTab(mode.session, mode.diagram)              # step-view hook
    mode.side_tabs = curves_and_runs(mode.plots, mode.runs_tab, mode.step_tab)   # runs hook
    rl.addWidget(mode.side_tabs, 2)                                  # runs hook

    split = QSplitter(Qt.Horizontal)
    split.setObjectName("playground.splitter")     # the main window remembers its layout
    mode.splitter = split
    split.addWidget(scroll)
    split.addWidget(mode.diagram_panel)
    split.addWidget(right)
    split.setStretchFactor(0, 0)
    split.setStretchFactor(1, 4)
    split.setStretchFactor(2, 5)
    split.setSizes([330, 470, 600])
    split.setChildrenCollapsible(False)

    root = QVBoxLayout(mode)
    root.setContentsMargins(6, 6, 6, 6)
    root.addWidget(mode.train_bar)
    root.addWidget(mode.message)
    root.addWidget(split, 1)
    # The message line always takes its room, so a message appearing or going never shifts the
    # controls under the mouse.
    mode.message.setMinimumHeight(mode.message.fontMetrics().lineSpacing() + 2)

    for i in range(8):
        sc = QShortcut(QKeySequence(str(i + 1)), mode)
        sc.setContext(Qt.WidgetWithChildrenShortcut)
        sc.activated.connect(lambda i=i: mode.select_class(i))
