"""Small stand-ins for a mode (the MODE INTERFACE of gui/mode_api.py plus its optional abilities), for
testing the window, projects, autosave and the kill test without the real modes."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

import engine
from engine.data import Dataset, load_points_csv, save_points_csv


class FakeMode(QWidget):
    status = Signal(object)   # str or gui.messages.Message
    changed = Signal()

    def __init__(self, parent=None, title="Fake", seed=0):
        super().__init__(parent)
        self.title = title
        rng = np.random.default_rng(seed)
        self.X = rng.normal(size=(20, 2))
        self.y = (self.X[:, 0] > 0).astype(np.int64)
        self.lr = 0.03
        self.model = engine.mlp([2, 4, 2], "tanh", rng=rng)
        self.history = np.zeros(0, np.float32)
        self.calls: list[str] = []
        self.shutdowns = 0
        self.refuse = False  # set_state raises ValueError when true
        self.undo_stack: list[str] = []   # what can be undone; can_undo() tells the Edit menu
        self.redo_stack: list[str] = []
        self.running = False
        self.epochs = 0
        self.plot = pg.PlotWidget(self)
        self.curve = self.plot.plot([0, 1, 2], [1.0, 0.5, 0.3])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title, self))
        layout.addWidget(self.plot)

    # --- user actions used by tests
    def add_point(self, x, y, label):
        self.X = np.vstack([self.X, [[x, y]]])
        self.y = np.append(self.y, label)
        self.changed.emit()

    def train_a_bit(self, steps=1, *, emit=True):
        for p in self.model.parameters():
            p.data += 0.01
        self.history = np.append(self.history, np.float32(1.0 / (len(self.history) + 1)))
        self.epochs += steps
        if emit:
            self.changed.emit()

    def edit(self, what="edit"):
        self.undo_stack.append(what)
        self.redo_stack.clear()
        self.changed.emit()

    # --- MODE INTERFACE
    def shutdown(self):
        self.shutdowns += 1

    def play_pause(self):
        self.calls.append("play_pause")
        self.running = not self.running

    def step(self):
        self.calls.append("step")

    def reset(self):
        self.calls.append("reset")

    def undo(self):
        self.calls.append("undo")
        if self.undo_stack:
            self.redo_stack.append(self.undo_stack.pop())
            self.changed.emit()

    def redo(self):
        self.calls.append("redo")
        if self.redo_stack:
            self.undo_stack.append(self.redo_stack.pop())
            self.changed.emit()

    def busy(self):
        return self.running

    def get_state(self):
        return {"points": {"X": self.X.copy(), "y": self.y.copy()}, "lr": self.lr,
                "model": engine.Pipeline(self.model).to_bytes(), "history": self.history.copy()}

    def set_state(self, state):
        if self.refuse:
            raise ValueError("this fake refuses the state")
        try:
            X, y = np.asarray(state["points"]["X"], np.float64), np.asarray(state["points"]["y"])
            lr = float(state["lr"])
            model = engine.Pipeline.from_bytes(state["model"]).model
            history = np.asarray(state["history"], np.float32)
        except (KeyError, TypeError, engine.EngineError) as exc:
            raise ValueError(f"bad fake state: {exc}") from None
        self.X, self.y, self.lr, self.model, self.history = X, y, lr, model, history
        self.changed.emit()

    # --- optional abilities (gui/mode_api.py)
    def can_undo(self):
        return bool(self.undo_stack)

    def can_redo(self):
        return bool(self.redo_stack)

    def progress(self):
        return self.epochs

    def export_points_csv(self, path):
        save_points_csv(path, Dataset(self.X, self.y, "classification", int(self.y.max()) + 1, "fake"))

    def import_points_csv(self, path):
        d = load_points_csv(path)
        self.X, self.y = d.X, d.y
        self.changed.emit()

    def plot_widgets(self):
        return {"Loss curve": self.plot}

    def current_pipeline(self):
        return engine.Pipeline(self.model, "classification", 2, ("x1", "x2"))

    def load_pipeline(self, pipeline):
        self.model = pipeline.model
        self.changed.emit()


class BareMode(QWidget):
    """Only the required part of the interface: every optional menu item must be disabled, Undo/Redo
    stay enabled (a mode that cannot tell whether it can undo is asked anyway)."""
    status = Signal(str)
    changed = Signal()
    title = "Bare"

    def shutdown(self): pass
    def play_pause(self): pass
    def step(self): pass
    def reset(self): pass
    def undo(self): pass
    def redo(self): pass
    def busy(self): return False
    def get_state(self): return {"n": 1}
    def set_state(self, state): pass


def make_window(qtbot, env, modes=None, **kw):
    """A MainWindow over two FakeModes (or `modes`) with the settings and data folder of `env`."""
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    if modes is None:
        modes = {"fake": FakeMode(title="Fake A"), "other": FakeMode(title="Fake B", seed=1)}
    w = MainWindow(modes=modes, settings=AppSettings(env["settings"]), data_dir=env["data"], **kw)
    qtbot.addWidget(w)
    return w
