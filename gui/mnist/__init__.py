"""The MNIST lab: train the project's own framework on handwritten digits, evaluate it, draw digits."""
from gui.mnist.mode import MnistLabMode

__all__ = ["MnistLabMode"]
