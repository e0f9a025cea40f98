"""DataPanel: choose the task, the class to draw, the tool, a preset, and the train/test split."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from engine.tasks import task_of
from gui.widgets.colors import CLASS_HEX, CLASS_NAMES
from gui.widgets.forms import choice_box

TASK_ITEMS = (("classification", "Classification (2D)"), ("regression", "Regression (2D surface)"),
              ("regression1d", "Regression (1D curve)"))
PRESETS = {"classification": ("circle", "xor", "blobs", "spiral", "moons"),
           "regression": ("plane", "gaussians"), "regression1d": ("curve1d",)}
PRESET_NOISE = {"spiral": 0.05}   # a preset's noise when picked (others keep theirs): the spiral reads at 0.05
LIVE_DELAY_MS = 250               # points and noise apply this long after the last change (one undo step each)
PRESET_LABELS = {"circle": "Circle", "xor": "XOR", "blobs": "Blobs", "spiral": "Spiral", "moons": "Moons",
                 "plane": "Plane", "gaussians": "Gaussian bumps", "curve1d": "Sine curve"}


def _swatch(hex_color: str) -> QIcon:
    pm = QPixmap(14, 14)
    pm.fill(QColor(hex_color))
    return QIcon(pm)


class DataPanel(QWidget):
    task_changed = Signal(str)
    n_classes_changed = Signal(int)
    class_selected = Signal(int)
    tool_changed = Signal(bool)            # True: eraser
    generate_requested = Signal(str, int, float)
    clear_requested = Signal()
    undo_requested = Signal()
    redo_requested = Signal()
    split_changed = Signal(float)
    show_test_changed = Signal(bool)
    discretize_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._updating = False
        self._last_preset = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        lay.addWidget(QLabel("<b>Data</b>"))
        form = QFormLayout()
        form.setVerticalSpacing(3)
        self.task_combo = choice_box(TASK_ITEMS, "Classification: predict a class for each point (softmax + "
                                     "cross-entropy). Regression: predict a number (a linear output, squared or "
                                     "absolute error). Each task keeps its own points.", self._on_task)
        form.addRow("Task", self.task_combo)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(2, 8)
        self.classes_spin.setToolTip("How many classes (2–8). The output layer has one neuron per class. "
                                     "Fewer classes removes the points of the dropped ones (Undo brings them back).")
        self.classes_spin.valueChanged.connect(self._on_classes)
        form.addRow("Classes", self.classes_spin)
        self._classes_label = form.labelForField(self.classes_spin)
        self.value_spin = QDoubleSpinBox()
        self.value_spin.setRange(-5.0, 5.0)
        self.value_spin.setSingleStep(0.5)
        self.value_spin.setValue(1.0)
        self.value_spin.setToolTip("The target value y given to points you click (2D regression).")
        form.addRow("New point value", self.value_spin)
        self._value_label = form.labelForField(self.value_spin)
        lay.addLayout(form)

        self.class_box = QWidget()
        grid = QGridLayout(self.class_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        self.class_group = QButtonGroup(self)
        self.class_group.setExclusive(True)
        self.class_buttons = []
        for i, h in enumerate(CLASS_HEX):
            b = QToolButton()
            b.setCheckable(True)
            b.setIcon(_swatch(h))
            b.setText(str(i + 1))
            b.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            b.setToolTip(f"Draw class {i + 1} ({CLASS_NAMES[i]}); key {i + 1}.")
            b.setObjectName(f"class_{i}")
            self.class_group.addButton(b, i)
            self.class_buttons.append(b)
            grid.addWidget(b, i // 4, i % 4)
        self.class_buttons[0].setChecked(True)
        self.class_group.idClicked.connect(self.class_selected)
        lay.addWidget(self.class_box)

        tools = QHBoxLayout()
        self.add_tool = QToolButton()
        self.add_tool.setText("✎ Add")
        self.add_tool.setCheckable(True)
        self.add_tool.setChecked(True)
        self.add_tool.setToolTip("Left click adds a point, dragging paints a stream of points.")
        self.erase_tool = QToolButton()
        self.erase_tool.setText("⌫ Erase")
        self.erase_tool.setCheckable(True)
        self.erase_tool.setToolTip("Left click (or drag) removes the nearest points. Right click always erases.")
        tool_group = QButtonGroup(self)
        tool_group.addButton(self.add_tool)
        tool_group.addButton(self.erase_tool)
        self.erase_tool.toggled.connect(self.tool_changed)
        self.undo_button = QToolButton()
        self.undo_button.setText("↶")
        self.undo_button.setToolTip("Undo the last change to the points or to the network "
                                    "(a changed network gets its trained weights back) (Ctrl+Z).")
        self.undo_button.clicked.connect(self.undo_requested)
        self.redo_button = QToolButton()
        self.redo_button.setText("↷")
        self.redo_button.setToolTip("Redo (Ctrl+Shift+Z).")
        self.redo_button.clicked.connect(self.redo_requested)
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Remove all points of this task (Undo brings them back).")
        self.clear_button.clicked.connect(self.clear_requested)
        for w in (self.add_tool, self.erase_tool, self.undo_button, self.redo_button, self.clear_button):
            tools.addWidget(w)
        tools.addStretch(1)
        lay.addLayout(tools)

        pform = QFormLayout()
        pform.setVerticalSpacing(3)
        prow = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.setToolTip("A ready-made data set; picking one draws a fresh sample (Undo brings the old "
                                     "points back). Circle and XOR are not linearly separable: a network without "
                                     "hidden layers (or hand-made features) cannot solve them.")
        self.preset_combo.activated.connect(self._on_preset_picked)   # user picks only, not set_preset()
        prow.addWidget(self.preset_combo, 1)
        self.generate_button = QPushButton("Generate")
        self.generate_button.setObjectName("generate")
        self.generate_button.setToolTip("Replace the points with a fresh sample of the preset (Undo brings the "
                                        "old points back).")
        self.generate_button.clicked.connect(self._on_generate)
        prow.addWidget(self.generate_button)
        pform.addRow("Preset", prow)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(10, 5000)
        self.count_spin.setSingleStep(50)
        self.count_spin.setValue(300)
        self.count_spin.setToolTip("How many points the preset makes. More data makes each epoch longer "
                                   "but the learned boundary more trustworthy.")
        pform.addRow("Points", self.count_spin)
        self.noise_spin = QDoubleSpinBox()
        self.noise_spin.setRange(0.0, 3.0)
        self.noise_spin.setSingleStep(0.1)
        self.noise_spin.setValue(0.2)
        self.noise_spin.setToolTip("Random jitter added to the points (in plane units). Noisy data tempts a "
                                   "big network to overfit: watch the test loss rise while the training loss falls.")
        pform.addRow("Noise", self.noise_spin)
        # Points and noise apply live: a fresh sample shortly after the user's last change
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(LIVE_DELAY_MS)
        self._live.timeout.connect(self._on_generate)
        for spin in (self.count_spin, self.noise_spin):
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._on_live_change)
        srow = QHBoxLayout()
        self.split_slider = QSlider(Qt.Horizontal)
        self.split_slider.setRange(0, 90)
        self.split_slider.setSingleStep(5)
        self.split_slider.setPageStep(10)
        self.split_slider.setToolTip("Share of points held out as a test set. The network never trains on "
                                     "them, so the test loss shows how well it generalises.")
        self.split_label = QLabel()
        self.split_label.setMinimumWidth(36)
        self.split_slider.valueChanged.connect(self._on_split)
        srow.addWidget(self.split_slider, 1)
        srow.addWidget(self.split_label)
        pform.addRow("Test share", srow)
        lay.addLayout(pform)
        self.show_test_check = QCheckBox("Show test points")
        self.show_test_check.setChecked(True)
        self.show_test_check.setToolTip("Draw the held-out test points as rings. They never change the training.")
        self.show_test_check.toggled.connect(self.show_test_changed)
        self.discretize_check = QCheckBox("Discretize map")
        self.discretize_check.setToolTip("Show only the predicted class (or value bands) instead of shading by "
                                         "how sure the network is.")
        self.discretize_check.toggled.connect(self.discretize_changed)
        row = QHBoxLayout()
        row.addWidget(self.show_test_check)
        row.addWidget(self.discretize_check)
        lay.addLayout(row)
        self.count_label = QLabel()
        self.count_label.setObjectName("points_count")
        lay.addWidget(self.count_label)
        self.set_task("classification")
        self.set_split(0.3)

    # -- setters (no signals) ----------------------------------------------------------------------
    def set_task(self, task: str) -> None:
        self._updating = True
        try:
            self.task_combo.setCurrentIndex([k for k, _ in TASK_ITEMS].index(task))
            current = self.preset_combo.currentData()
            self.preset_combo.clear()
            for name in PRESETS[task]:
                self.preset_combo.addItem(PRESET_LABELS[name], name)
            if current in PRESETS[task]:
                self.preset_combo.setCurrentIndex(PRESETS[task].index(current))
            t = task_of(task)
            classify = t.is_classification
            for w in (self.classes_spin, self._classes_label, self.class_box):
                w.setVisible(classify)
            for w in (self.value_spin, self._value_label):
                w.setVisible(t.is_regression and not t.one_d)
            self.discretize_check.setText("Discretize (2D only)" if t.one_d else "Discretize map")
            self.discretize_check.setEnabled(not t.one_d)
        finally:
            self._updating = False

    def set_n_classes(self, k: int) -> None:
        self._updating = True
        try:
            self.classes_spin.setValue(k)
            for i, b in enumerate(self.class_buttons):
                b.setVisible(i < k)
            if self.selected_class() >= k:
                self.select_class(0)
        finally:
            self._updating = False

    def select_class(self, i: int) -> None:
        if 0 <= i < min(len(self.class_buttons), self.classes_spin.value()):
            self.class_buttons[i].setChecked(True)

    def selected_class(self) -> int:
        return max(self.class_group.checkedId(), 0)

    def set_split(self, f: float) -> None:
        self._updating = True
        try:
            self.split_slider.setValue(int(round(f * 100)))
            self.split_label.setText(f"{int(round(f * 100))}%")
        finally:
            self._updating = False

    def set_preset(self, name: str, count: int, noise: float) -> None:
        """Show a preset and its settings (no fresh sample is drawn)."""
        was, self._updating = self._updating, True
        try:
            i = self.preset_combo.findData(name)
            if i >= 0:
                self.preset_combo.setCurrentIndex(i)
            self.count_spin.setValue(int(count))
            self.noise_spin.setValue(float(noise))
            self._last_preset = name
        finally:
            self._updating = was

    def set_history(self, can_undo: bool, can_redo: bool) -> None:
        self.undo_button.setEnabled(can_undo)
        self.redo_button.setEnabled(can_redo)

    def set_counts(self, n_train: int, n_test: int) -> None:
        self.count_label.setText(f"{n_train} training points · {n_test} test points")

    # -- user edits ------------------------------------------------------------------------------------
    def _on_task(self) -> None:
        if not self._updating:
            self.task_changed.emit(self.task_combo.currentData())

    def _on_classes(self, k: int) -> None:
        if not self._updating:
            self.n_classes_changed.emit(k)

    def _on_live_change(self, *_args) -> None:
        if not self._updating:
            self._live.start()

    def _on_preset_picked(self, *_args) -> None:
        name = self.preset_combo.currentData()
        if name in PRESET_NOISE and name != self._last_preset:
            self._updating = True
            try:
                self.noise_spin.setValue(PRESET_NOISE[name])
            finally:
                self._updating = False
        self._on_generate()

    def _on_generate(self, *_args) -> None:
        self._live.stop()
        self._last_preset = self.preset_combo.currentData()
        self.generate_requested.emit(self.preset_combo.currentData(), self.count_spin.value(),
                                     self.noise_spin.value())

    def _on_split(self, v: int) -> None:
        self.split_label.setText(f"{v}%")
        if not self._updating:
            self.split_changed.emit(v / 100.0)
