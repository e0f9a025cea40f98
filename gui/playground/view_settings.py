"""ViewSettings: what the playground's user set besides the data and the network — the view switches,
the stop conditions, the class and value new points get, and each task's preset. A project saves
them (PlaygroundState); the session owns one and the view forwards the user's choices to it.
"""
from __future__ import annotations

from engine.tasks import task_of
from gui.i18n import QT_TR_NOOP
from gui.messages import Message
from gui.widgets.colors import CLASS_NAMES_SHOWN


class ViewSettings:
    """Owned by a PlaygroundSession; uses its points, controller, messages and signals."""

    def __init__(self, session):
        self._s = session
        self.view: dict = {}
        self.stop: tuple = (0, 0.0)            # (max_epochs, target_loss); 0 = no limit
        self.new_value = 1.0
        self.presets: dict = {}
        self._selected = 0

    def load(self, st) -> None:
        """Take the settings of a PlaygroundState."""
        self.view, self.stop, self.presets = dict(st.view), tuple(st.stop), dict(st.presets)
        self.new_value = float(st.new_value)
        self._selected = int(st.selected_class)

    @property
    def selected_class(self) -> int:
        """The class new points get (0 when the selected one is gone with a smaller class count)."""
        return self._selected if 0 <= self._selected < self._s.n_classes else 0

    def select_class(self, i: int) -> None:
        s, i = self._s, int(i)
        if task_of(s.task).is_classification and 0 <= i < s.n_classes:
            self._selected = i
            s.settings_changed.emit()
            s.say(Message.info(QT_TR_NOOP("Drawing class %1 (%2)."), i + 1, Message.info(CLASS_NAMES_SHOWN[i])),
                  cause="class")

    def set_eraser(self, on: bool) -> None:
        self.view["eraser"] = bool(on)
        self._s.say(Message.info(QT_TR_NOOP("Eraser: click a point (or drag over points) to remove it.")) if on else "",
                    cause="tool")
        self._s.changed.emit()

    def set_new_value(self, v: float) -> None:
        """The target value of points clicked in 2D regression."""
        self.new_value = float(v)

    def set_view(self, key: str, on: bool) -> None:
        """A view switch: show_test, discretize, per_batch, log_loss, gradients, eraser."""
        if key not in self.view:
            raise ValueError(f"unknown view setting {key!r}")
        s = self._s
        self.view[key] = bool(on)
        if key == "discretize":
            s.controller.set_discretize(on)
        elif key == "gradients":
            s.controller.set_grad_view(on)
            if on:
                s.say(Message.info(QT_TR_NOOP("Gradient view: line width = |∂L/∂w|, colour = the direction of the "
                                              "update −η∂L/∂w; the bar under each neuron is its error signal δ. "
                                              "Hover a line for its numbers.")))
        elif key == "show_test":
            s.points_changed.emit()
        s.changed.emit()

    def set_stop(self, max_epochs: int, target_loss: float) -> None:
        """Stop training at this epoch or below this loss (0: never)."""
        self.stop = (int(max_epochs), float(target_loss))
        self._s.controller.set_stop(*self.stop)
        self._s.changed.emit()
