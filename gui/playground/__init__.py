"""The 2D playground: draw points, build a network, watch it learn (the main window's first mode)."""
from gui.playground.mode import PlaygroundMode

__all__ = ["PlaygroundMode"]
