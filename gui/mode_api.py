"""The MODE INTERFACE: what the main window, the project controller and the file actions need from a
mode (a tab of the window). Required members are the `Mode` protocol; optional abilities are small
protocols of their own, checked with isinstance — a mode declares an ability by having its method.

Required (`Mode`):
  title: str                       the tab's name
  status: Signal(str or Message)   a message for the status bar (gui.messages.Message carries a severity)
  changed: Signal()                an unsaved change (edits, and training: a trained network is work)
  shutdown()                       stop its workers and wait for them (the window closes)
  play_pause(), step(), reset()    the Train menu
  undo(), redo()                   the Edit menu
  get_state() -> dict              everything a project stores
  set_state(dict)                  restore it, or raise ValueError and change nothing
  busy() -> bool                   training is running

Optional:
  UndoState      can_undo(), can_redo() -> bool   (Edit → Undo/Redo are enabled by them; without: enabled)
  TrainingProgress progress() -> hashable         e.g. (epoch, step): when it moves on, the project is
                                                  unsaved (without it, the shell counts `busy()` as training)
  StateValidator validate_state(dict)             raise ValueError like set_state would, changing nothing
  PointsImport   import_points_csv(path)          raise EngineError/ValueError, changing nothing, on a bad file
  PointsExport   export_points_csv(path)
  Plots          plot_widgets() -> {name: widget} for File → Export plot as PNG
  PipelineSource current_pipeline() -> engine.Pipeline | None
  PipelineSink   load_pipeline(pipeline)          raise ValueError if it does not fit
  ModelActions   model_actions() -> [QAction]     its own model file actions (used instead of the above)
"""
from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

MODE_MEMBERS = ("title", "status", "changed", "shutdown", "play_pause", "step", "reset", "undo", "redo",
                "get_state", "set_state", "busy")


@runtime_checkable
class Mode(Protocol):
    title: str
    status: Any
    changed: Any

    def shutdown(self) -> None: ...
    def play_pause(self) -> None: ...
    def step(self) -> None: ...
    def reset(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def get_state(self) -> dict: ...
    def set_state(self, state: dict) -> None: ...
    def busy(self) -> bool: ...


@runtime_checkable
class UndoState(Protocol):
    def can_undo(self) -> bool: ...
    def can_redo(self) -> bool: ...


@runtime_checkable
class TrainingProgress(Protocol):
    def progress(self): ...


@runtime_checkable
class StateValidator(Protocol):
    def validate_state(self, state: dict) -> None: ...


@runtime_checkable
class PointsImport(Protocol):
    def import_points_csv(self, path) -> None: ...


@runtime_checkable
class PointsExport(Protocol):
    def export_points_csv(self, path) -> None: ...


@runtime_checkable
class Plots(Protocol):
    def plot_widgets(self) -> dict: ...


@runtime_checkable
class PipelineSource(Protocol):
    def current_pipeline(self): ...


@runtime_checkable
class PipelineSink(Protocol):
    def load_pipeline(self, pipeline) -> None: ...


@runtime_checkable
class ModelActions(Protocol):
    def model_actions(self) -> list: ...


CAPABILITIES = {"undo_state": UndoState, "progress": TrainingProgress, "validate_state": StateValidator,
                "import_points": PointsImport, "export_points": PointsExport, "plots": Plots,
                "current_pipeline": PipelineSource, "load_pipeline": PipelineSink, "model_actions": ModelActions}


def check_mode(mode, key: str = "") -> None:
    """TypeError naming what is missing if `mode` does not implement the required interface."""
    if isinstance(mode, Mode):
        return
    missing = [name for name in MODE_MEMBERS if not hasattr(mode, name)]
    raise TypeError(f"mode {key or type(mode).__name__!r} lacks {', '.join(missing)} of the mode interface")


def capabilities(mode) -> frozenset[str]:
    """The names (keys of CAPABILITIES) of the optional abilities `mode` has."""
    if mode is None:
        return frozenset()
    return frozenset(name for name, proto in CAPABILITIES.items() if isinstance(mode, proto))


def can_undo(mode) -> bool:
    return bool(mode.can_undo()) if isinstance(mode, UndoState) else mode is not None


def can_redo(mode) -> bool:
    return bool(mode.can_redo()) if isinstance(mode, UndoState) else mode is not None
