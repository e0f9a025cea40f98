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
from gui.i18n import QT_TR_NOOP, fill, integer, on_language_change, tr
from gui.widgets.colors import CLASS_HEX, CLASS_NAMES
from gui.widgets.forms import choice_box

# the labels here are English sources, shown through tr()
TASK_ITEMS = (("classification", QT_TR_NOOP("Classification (2D)")),
              ("regression", QT_TR_NOOP("Regression (2D surface)")),
              ("regression1d", QT_TR_NOOP("Regression (1D curve)")))
PRESETS = {"classification": ("circle", "xor", "blobs", "spiral", "moons"),
           "regression": ("plane", "gaussians"), "regression1d": ("curve1d",)}
PRESET_NOISE = {"spiral": 0.05}   # a preset's noise when picked (others keep theirs): the spiral reads at 0.05
LIVE_DELAY_MS = 250               # points and noise apply this long after the last change (one undo step each)
PRESET_LABELS = {"circle": QT_TR_NOOP("Circle"), "xor": QT_TR_NOOP("XOR"), "blobs": QT_TR_NOOP("Blobs"),
                 "spiral": QT_TR_NOOP("Spiral"), "moons": QT_TR_NOOP("Moons"), "plane": QT_TR_NOOP("Plane"),
                 "gaussians": QT_TR_NOOP("Gaussian bumps"), "curve1d": QT_TR_NOOP("Sine curve")}
# the class colours' names (gui/widgets/colors.py CLASS_NAMES), for lupdate
COLOR_NAMES = (QT_TR_NOOP("orange"), QT_TR_NOOP("blue"), QT_TR_NOOP("green"), QT_TR_NOOP("red"),
               QT_TR_NOOP("sky blue"), QT_TR_NOOP("purple"), QT_TR_NOOP("yellow"), QT_TR_NOOP("grey"))


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
        self._task = "classification"
        self._counts = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.title_label = QLabel()
        lay.addWidget(self.title_label)
        form = QFormLayout()
        form.setVerticalSpacing(3)
        self.task_combo = choice_box(TASK_ITEMS, "", self._on_task)
        form.addRow("Task", self.task_combo)
        self._task_label = form.labelForField(self.task_combo)
        self.classes_spin = QSpinBox()
        self.classes_spin.setRange(2, 8)
        self.classes_spin.valueChanged.connect(self._on_classes)
        form.addRow("Classes", self.classes_spin)
        self._classes_label = form.labelForField(self.classes_spin)
        self.value_spin = QDoubleSpinBox()
        self.value_spin.setRange(-5.0, 5.0)
        self.value_spin.setSingleStep(0.5)
        self.value_spin.setValue(1.0)
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
            b.setObjectName(f"class_{i}")
            self.class_group.addButton(b, i)
            self.class_buttons.append(b)
            grid.addWidget(b, i // 4, i % 4)
        self.class_buttons[0].setChecked(True)
        self.class_group.idClicked.connect(self.class_selected)
        lay.addWidget(self.class_box)

        tools = QHBoxLayout()
        self.add_tool = QToolButton()
        self.add_tool.setCheckable(True)
        self.add_tool.setChecked(True)
        self.erase_tool = QToolButton()
        self.erase_tool.setCheckable(True)
        tool_group = QButtonGroup(self)
        tool_group.addButton(self.add_tool)
        tool_group.addButton(self.erase_tool)
        self.erase_tool.toggled.connect(self.tool_changed)
        self.undo_button = QToolButton()
        self.undo_button.setText("↶")
        self.undo_button.clicked.connect(self.undo_requested)
        self.redo_button = QToolButton()
        self.redo_button.setText("↷")
        self.redo_button.clicked.connect(self.redo_requested)
        self.clear_button = QToolButton()
        self.clear_button.clicked.connect(self.clear_requested)
        for w in (self.add_tool, self.erase_tool, self.undo_button, self.redo_button, self.clear_button):
            tools.addWidget(w)
        tools.addStretch(1)
        lay.addLayout(tools)

        pform = QFormLayout()
        pform.setVerticalSpacing(3)
        prow = QHBoxLayout()
        self.preset_combo = QComboBox()
        self.preset_combo.activated.connect(self._on_preset_picked)   # user picks only, not set_preset()
        prow.addWidget(self.preset_combo, 1)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generate")
        self.generate_button.clicked.connect(self._on_generate)
        prow.addWidget(self.generate_button)
        pform.addRow("Preset", prow)
        self._preset_label = pform.labelForField(prow)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(10, 5000)
        self.count_spin.setSingleStep(50)
        self.count_spin.setValue(300)
        pform.addRow("Points", self.count_spin)
        self._points_label = pform.labelForField(self.count_spin)
        self.noise_spin = QDoubleSpinBox()
        self.noise_spin.setRange(0.0, 3.0)
        self.noise_spin.setSingleStep(0.1)
        self.noise_spin.setValue(0.2)
        pform.addRow("Noise", self.noise_spin)
        self._noise_label = pform.labelForField(self.noise_spin)
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
        self.split_label = QLabel()
        self.split_label.setMinimumWidth(36)
        self.split_slider.valueChanged.connect(self._on_split)
        srow.addWidget(self.split_slider, 1)
        srow.addWidget(self.split_label)
        pform.addRow("Test share", srow)
        self._split_row_label = pform.labelForField(srow)
        lay.addLayout(pform)
        self.show_test_check = QCheckBox()
        self.show_test_check.setChecked(True)
        self.show_test_check.toggled.connect(self.show_test_changed)
        self.discretize_check = QCheckBox()
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
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        """The panel's fixed texts in the current language (and the ones that follow the state)."""
        self.title_label.setText(tr("<b>Data</b>"))
        self._task_label.setText(tr("Task"))
        for i, (_, label) in enumerate(TASK_ITEMS):
            self.task_combo.setItemText(i, tr(label))
        self.task_combo.setToolTip(tr("Classification: predict a class for each point (softmax + cross-entropy). "
                                      "Regression: predict a number (a linear output, squared or absolute error). "
                                      "Each task keeps its own points."))
        self._classes_label.setText(tr("Classes"))
        self.classes_spin.setToolTip(tr("How many classes (2–8). The output layer has one neuron per class. "
                                        "Fewer classes removes the points of the dropped ones (Undo brings them "
                                        "back)."))
        self._value_label.setText(tr("New point value"))
        self.value_spin.setToolTip(tr("The target value y given to points you click (2D regression)."))
        tip = tr("Draw class %1 (%2); key %3.")
        for i, b in enumerate(self.class_buttons):
            b.setToolTip(fill(tip, i + 1, tr(CLASS_NAMES[i]), i + 1))
        self.add_tool.setText(tr("✎ Add"))
        self.add_tool.setToolTip(tr("Left click adds a point, dragging paints a stream of points."))
        self.erase_tool.setText(tr("⌫ Erase"))
        self.erase_tool.setToolTip(tr("Left click (or drag) removes the nearest points. Right click always "
                                      "erases."))
        self.undo_button.setToolTip(tr("Undo the last change to the points or to the network "
                                       "(a changed network gets its trained weights back) (Ctrl+Z)."))
        self.redo_button.setToolTip(tr("Redo (Ctrl+Shift+Z)."))
        self.clear_button.setText(tr("Clear"))
        self.clear_button.setToolTip(tr("Remove all points of this task (Undo brings them back)."))
        self._preset_label.setText(tr("Preset"))
        for i in range(self.preset_combo.count()):
            self.preset_combo.setItemText(i, tr(PRESET_LABELS[self.preset_combo.itemData(i)]))
        self.preset_combo.setToolTip(tr("A ready-made data set; picking one draws a fresh sample (Undo brings the "
                                        "old points back). Circle and XOR are not linearly separable: a network "
                                        "without hidden layers (or hand-made features) cannot solve them."))
        self.generate_button.setText(tr("Generate"))
        self.generate_button.setToolTip(tr("Replace the points with a fresh sample of the preset (Undo brings the "
                                           "old points back)."))
        self._points_label.setText(tr("Points"))
        self.count_spin.setToolTip(tr("How many points the preset makes. More data makes each epoch longer "
                                      "but the learned boundary more trustworthy."))
        self._noise_label.setText(tr("Noise"))
        self.noise_spin.setToolTip(tr("Random jitter added to the points (in plane units). Noisy data tempts a "
                                      "big network to overfit: watch the test loss rise while the training loss "
                                      "falls."))
        self._split_row_label.setText(tr("Test share"))
        self.split_slider.setToolTip(tr("Share of points held out as a test set. The network never trains on "
                                        "them, so the test loss shows how well it generalises."))
        self.split_label.setText(_percent(self.split_slider.value()))
        self.show_test_check.setText(tr("Show test points"))
        self.show_test_check.setToolTip(tr("Draw the held-out test points as rings. They never change the "
                                           "training."))
        self._discretize_text()
        self.discretize_check.setToolTip(tr("Show only the predicted class (or value bands) instead of shading by "
                                            "how sure the network is."))
        if self._counts is not None:
            self.set_counts(*self._counts)

    def _discretize_text(self) -> None:
        self.discretize_check.setText(tr("Discretize (2D only)") if task_of(self._task).one_d
                                      else tr("Discretize map"))

    # -- setters (no signals) ----------------------------------------------------------------------
    def set_task(self, task: str) -> None:
        self._updating = True
        try:
            self.task_combo.setCurrentIndex([k for k, _ in TASK_ITEMS].index(task))
            current = self.preset_combo.currentData()
            self.preset_combo.clear()
            for name in PRESETS[task]:
                self.preset_combo.addItem(tr(PRESET_LABELS[name]), name)
            if current in PRESETS[task]:
                self.preset_combo.setCurrentIndex(PRESETS[task].index(current))
            t = task_of(task)
            classify = t.is_classification
            for w in (self.classes_spin, self._classes_label, self.class_box):
                w.setVisible(classify)
            for w in (self.value_spin, self._value_label):
                w.setVisible(t.is_regression and not t.one_d)
            self._task = task
            self._discretize_text()
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
            self.split_label.setText(_percent(int(round(f * 100))))
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
        self._counts = (n_train, n_test)
        self.count_label.setText(tr("%n training points", "", int(n_train)) + " · "
                                 + tr("%n test points", "", int(n_test)))

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
        self.split_label.setText(_percent(v))
        if not self._updating:
            self.split_changed.emit(v / 100.0)


def _percent(v: int) -> str:
    """A whole percentage in the current locale ("30%")."""
    return integer(v) + "%"
