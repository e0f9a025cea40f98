"""PlaygroundMode: the main window's first mode — draw 2-D data, build a network, watch it learn.

It only lays the widgets out, shows its PlaygroundSession (which holds the whole state, see
session.py) and forwards the user's intent to it. It implements the mode interface of the main
window: title, status, changed, shutdown, play_pause, step, reset, undo, redo, get_state, set_state,
busy, and the File menu's import_points_csv, export_points_csv, plot_widgets, current_pipeline and
load_pipeline.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from engine import Pipeline
from engine.data import load_points_csv, save_points_csv
from engine.tasks import task_of
from gui.engine_text import translated
from gui.i18n import QT_TR_NOOP, fill, integer, on_language_change, tr
from gui.playground.mode_layout import build_layout
from gui.playground.session import PlaygroundSession
from gui.playground.speed import clamp_speed
from gui.playground.state import PlaygroundState
from gui.playground.text import describe_neuron
from gui.runs.playground_runs import parse_runs
from gui.settings import AppSettings
from gui.widgets.network_builder import ACTIVATION_LABELS

SEVERITY_COLORS = {"info": "palette(window-text)", "error": "#D55E00"}
SPEED_KEY = "playground/speed"      # the training speed, remembered between runs of the app


# the names of the plots File → Export plot as PNG offers (English keys; shown through tr())
PLOT_NAMES = (QT_TR_NOOP("Decision map"), QT_TR_NOOP("Fitted curve"), QT_TR_NOOP("Prediction map"),
              QT_TR_NOOP("Loss curve"), QT_TR_NOOP("Accuracy curve"), QT_TR_NOOP("R² curve"),
              QT_TR_NOOP("Network diagram"))


class PlaygroundMode(QWidget):
    status = Signal(object)        # a Message or a plain str (info) for the status bar
    changed = Signal()

    @property
    def title(self) -> str:
        return tr("2D playground")

    def __init__(self, parent=None, *, seed=None):
        super().__init__(parent)
        self._hover_text = ""
        self.session = PlaygroundSession(self, seed=seed)
        self.session.set_speed(clamp_speed(AppSettings().q.value(SPEED_KEY, self.session.speed)))
        build_layout(self)
        self._connect()
        s = self.session
        self._show_task(s.task)
        self._show_recipe()
        self._show_settings()
        self._show_points()
        self._show_network()
        self._show_message(*s.message)
        self.train_bar.speed.set_speed(s.speed)
        on_language_change(self, self._retranslate, now=False)

    def _retranslate(self) -> None:
        """After a language switch: the texts this mode builds from the session's state (the widgets
        translate their own fixed texts)."""
        self.diagram.set_layer_labels(self._layer_labels())
        s = self.session
        hovered = s.focus
        if (hovered is not None and s.last_snapshot is not None and self._hover_text
                and s.message[0] == self._hover_text):        # the hovered neuron's description: say it anew
            self._describe_hovered(*hovered)
        self._show_message(*s.message)

    # -- the session's parts, for the shell and tests ---------------------------------------------
    @property
    def points(self):
        return self.session.points

    @property
    def controller(self):
        return self.session.controller

    @property
    def task(self) -> str:
        return self.session.task

    # -- wiring (the widgets: mode_layout.py) -----------------------------------------------------------
    def _connect(self) -> None:
        s, c, p, tb = self.session, self.canvas, self.panel, self.train_bar
        c.add_requested.connect(self._add_or_pick)                       # step-view hook
        c.erase_requested.connect(s.erase_at)
        c.stroke_started.connect(s.begin_stroke)
        c.stroke_point.connect(s.stroke_point)
        c.stroke_finished.connect(s.end_stroke)
        p.task_changed.connect(self.set_task)
        p.n_classes_changed.connect(s.set_n_classes)
        p.class_selected.connect(s.select_class)
        p.tool_changed.connect(self._set_eraser)
        p.generate_requested.connect(s.generate)
        p.clear_requested.connect(s.clear)
        p.undo_requested.connect(self.undo)
        p.redo_requested.connect(self.redo)
        p.split_changed.connect(s.set_test_fraction)
        p.show_test_changed.connect(lambda on: s.settings.set_view("show_test", on))
        p.discretize_changed.connect(lambda on: s.settings.set_view("discretize", on))
        p.value_spin.valueChanged.connect(s.settings.set_new_value)
        self.builder.recipe_changed.connect(self._on_builder_edit)
        tb.play_clicked.connect(self.play_pause)
        tb.step_clicked.connect(self.step)
        tb.step_batch_clicked.connect(self.step_batch)
        tb.speed.speed_changed.connect(self.set_speed)
        tb.stop_clicked.connect(self.stop)
        tb.reset_clicked.connect(self.reset)
        tb.stop_conditions_changed.connect(s.settings.set_stop)
        self.diagram.hovered.connect(self._on_hover)
        self.diagram.message.connect(self._on_line_hover)
        self.diagram_panel.shared_scale.toggled.connect(s.set_shared_scale)
        self.diagram_panel.view_changed.connect(lambda v: s.settings.set_view("gradients", v == "gradients"))
        self.plots.per_batch.toggled.connect(lambda on: s.settings.set_view("per_batch", on))
        self.plots.log_y.toggled.connect(lambda on: s.settings.set_view("log_loss", on))
        s.points_changed.connect(self._show_points)
        s.task_changed.connect(self._show_task)
        s.recipe_changed.connect(self._show_recipe)
        s.network_changed.connect(self._show_network)
        s.settings_changed.connect(self._show_settings)
        s.snapshot.connect(self._draw_snapshot)
        s.history_changed.connect(self.plots.changed)
        s.counters_changed.connect(self.train_bar.set_counters)
        s.running_changed.connect(self._show_running)
        s.message_changed.connect(self._show_message)
        s.undo_changed.connect(self._show_undo)
        s.changed.connect(self.changed)
        s.status.connect(self._forward_status)

    def _forward_status(self, message) -> None:
        self.status.emit(message)

    def _add_or_pick(self, x: float, y: float) -> None:                # step-view hook: an armed
        if not self.step_tab.pick(x, y):                                 # "Pick a point" takes the click
            self.session.add_point(x, y)

    # -- the mode interface: intent goes to the session ----------------------------------------------
    def busy(self) -> bool:
        return self.session.running

    def play_pause(self) -> None:
        self.session.play_pause()

    def step(self) -> None:
        self.session.step()

    def stop(self) -> None:
        self.session.stop()

    def step_batch(self) -> None:
        """One minibatch (one SGD step), then pause."""
        self.session.step_batch()

    def set_speed(self, level: int) -> None:
        """The training speed (a level of gui/playground/speed.py SPEEDS), remembered for the next start."""
        self.session.set_speed(level)
        self.train_bar.speed.set_speed(self.session.speed)
        AppSettings().q.setValue(SPEED_KEY, self.session.speed)

    def reset(self) -> None:
        self.session.reset()

    def undo(self) -> None:
        self.session.undo()

    def redo(self) -> None:
        self.session.redo()

    def shutdown(self) -> None:
        self.session.shutdown()

    def set_task(self, task: str) -> None:
        self.session.set_task(task)
        self.panel.set_task(self.session.task)

    def select_class(self, i: int) -> None:
        self.session.select_class(i)

    def get_state(self) -> dict:
        return self.session.state().to_dict() | {"runs": self.session.runs.to_dict()}   # runs hook

    def set_state(self, state: dict) -> None:
        """Restore a saved state exactly, as one unit; ValueError (changing nothing) if it is bad."""
        runs = parse_runs(state)                                       # runs hook
        self.session.set_state(state)
        self.session.runs.load(runs)                                   # runs hook

    def validate_state(self, state: dict) -> None:
        """ValueError, as set_state would raise it, changing nothing."""
        PlaygroundState.from_dict(state)
        parse_runs(state)                                              # runs hook

    def can_undo(self) -> bool:
        return self.session.can_undo()

    def can_redo(self) -> bool:
        return self.session.can_redo()

    def progress(self) -> tuple[int, int]:
        """(epoch, step) of the shown network: when it moves on, the project has unsaved work."""
        return self.session.epoch, self.session.step_count

    # -- the File menu (gui/file_actions.py) ---------------------------------------------------------
    def import_points_csv(self, path) -> None:
        """Load a points CSV into the task it fits (switching task if needed) as one undoable step;
        raises EngineError/ValueError with a clear message, changing nothing, on a bad file."""
        ds = load_points_csv(path)
        self.session.import_points(ds, ds.name)

    def export_points_csv(self, path) -> None:
        """Write the current task's points as CSV (atomically)."""
        save_points_csv(path, self.session.points_dataset())
        self.session.clear_errors()

    def plot_widgets(self) -> dict:
        t = task_of(self.task)
        map_name = "Decision map" if t.is_classification else ("Fitted curve" if t.one_d else "Prediction map")
        metric = "Accuracy" if t.is_classification else "R²"
        return {map_name: self.canvas, "Loss curve": self.plots.loss_plot,
                f"{metric} curve": self.plots.metric_plot, "Network diagram": self.diagram}

    def current_pipeline(self) -> Pipeline | None:
        return self.session.current_pipeline()

    def load_pipeline(self, pipeline: Pipeline) -> None:
        self.session.load_pipeline(pipeline)

    # -- user edits of the network --------------------------------------------------------------------
    def _on_builder_edit(self) -> None:
        try:
            self.session.set_recipe(self.builder.recipe())
        except ValueError as exc:
            self.session.say(fill(tr("Cannot use this network: %1"), translated(str(exc))), "error")
            self._show_recipe()

    def _set_eraser(self, on: bool) -> None:
        self.session.settings.set_eraser(on)
        self.canvas.eraser = self.session.view["eraser"]

    def _on_hover(self, column: int, neuron: int) -> None:
        focus = None if column < 0 else (column, neuron)
        self.session.set_focus(focus)
        if focus is None:
            self.canvas.set_focus(None, self.canvas.bounds)
            self.session.clear_message("hover")
        elif self.session.last_snapshot is not None:
            self._describe_hovered(column, neuron)

    def _describe_hovered(self, column: int, neuron: int) -> None:
        """The message line describes the hovered neuron (in the current language)."""
        task = task_of(self.task)
        self._hover_text = describe_neuron(self.session.last_snapshot, column, neuron, task.is_classification,
                                           self.diagram.view == "gradients", one_d=task.one_d)
        self.session.say(self._hover_text, cause="hover")

    def _on_line_hover(self, text: str) -> None:
        if text:
            self.status.emit(text)

    # -- showing the session ---------------------------------------------------------------------------
    def _show_task(self, task: str) -> None:
        t = task_of(task)
        self.panel.set_task(task)
        self.canvas.set_task(task)
        self.builder.set_available_features(t.features)
        self.builder.set_task(t.kind, self.session.n_outputs)
        self.panel.set_preset(*self.session.settings.presets[task])

    def _show_recipe(self) -> None:
        if self.builder.recipe() == self.session.recipe():
            return                          # (the builder's own edit: its rows stay, with their focus)
        self.builder.blockSignals(True)
        try:
            self.builder.set_recipe(self.session.recipe())
        finally:
            self.builder.blockSignals(False)

    def _show_settings(self) -> None:
        """Presets, view switches, stop conditions and the class, as the session has them (no signals)."""
        s, p, view = self.session, self.panel, self.session.view
        checks = ((p.show_test_check, "show_test"), (p.discretize_check, "discretize"), (p.erase_tool, "eraser"),
                  (self.plots.per_batch, "per_batch"), (self.plots.log_y, "log_loss"))
        quiet = [w for w, _ in checks] + [p.add_tool, p.value_spin, self.train_bar, self.diagram_panel]
        for w in quiet:
            w.blockSignals(True)
        try:
            for w, key in checks:
                w.setChecked(view[key])
            p.add_tool.setChecked(not view["eraser"])
            self.canvas.show_test, self.canvas.eraser = view["show_test"], view["eraser"]
            self.diagram_panel.set_view("gradients" if view["gradients"] else "weights")
            self.plots.loss_plot.setLogMode(y=view["log_loss"])
            p.value_spin.setValue(s.settings.new_value)
            p.set_preset(*s.settings.presets[s.task])
            self.train_bar.set_stop_conditions(*s.settings.stop)
        finally:
            for w in quiet:
                w.blockSignals(False)
        p.select_class(s.selected_class)

    def _show_points(self) -> None:
        s = self.session
        ps = s.points.current()
        test = s.points.is_test(ps)
        self.canvas.show_test = s.view["show_test"]
        self.canvas.set_points(ps, test, s.task, s.vmax())
        t = task_of(s.task)
        if t.one_d:
            self.color_bar.set_curve()
        elif t.is_classification:
            self.color_bar.set_classes(ps.n_classes)
        else:
            self.color_bar.set_values(s.vmax())
        self.color_bar.set_show_test(s.view["show_test"])
        self.panel.set_counts(int((~test).sum()), int(test.sum()))
        self.panel.set_split(s.points.test_fraction)
        if task_of(s.task).is_classification:
            self.panel.set_n_classes(ps.n_classes)
            self.panel.select_class(s.selected_class)
        self.builder.set_task(task_of(s.task).kind, s.n_outputs)
        self._show_undo()

    def _layer_labels(self) -> list[str]:
        """A heading per hidden layer: its width and activation ("8 ReLU")."""
        return [f"{integer(h['units'])} {translated(ACTIVATION_LABELS[h['activation']])}"
                for h in self.session.recipe()["hidden"]]

    def _show_network(self) -> None:
        s = self.session
        recipe = s.recipe()
        outs = [f"{i + 1}" for i in range(s.n_outputs)] if task_of(s.task).is_classification else ["ŷ"]
        self.diagram.set_structure(recipe["features"], self._layer_labels(), outs)
        self.canvas.clear_model()
        self.diagnoses_view.show_diagnoses(())
        self.train_bar.set_counters(s.epoch, s.step_count)
        self.plots.show(s.history)
        self._show_running(s.running)

    def _show_running(self, running: bool) -> None:
        self.train_bar.set_running(running)
        self.builder.set_training(running)

    def _show_undo(self) -> None:
        self.panel.set_history(self.session.can_undo(), self.session.can_redo())

    def _show_message(self, text, severity: str) -> None:
        """The message line: `text` a str or a Message (translated when shown)."""
        color = SEVERITY_COLORS.get(severity, SEVERITY_COLORS["info"])
        text = str(text or "")
        self.message.setText(f"<span style='color:{color}'>{text}</span>" if text else "")

    def _draw_snapshot(self, snap) -> None:
        if snap.one_d:
            self.canvas.set_curve(*snap.curve)
        else:
            self.canvas.set_map(snap.image, snap.bounds)
        if snap.focus is not None and snap.focus == self.session.focus:
            self.canvas.set_focus(snap.focus_image, snap.bounds)
        self.diagram.set_snapshot(snap)
        self.diagnoses_view.show_diagnoses(snap.diagnoses)

    # -- show / hide ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.session.set_visible(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.session.set_visible(False)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
