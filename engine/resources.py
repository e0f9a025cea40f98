"""Where the files MLP Studio reads at run time live: the bundled MNIST, the shipped model, the icon.

In a wheel install they are package data inside `engine/_resources/` (pyproject.toml maps the
top-level `resources/` folder there); in a plain clone or an editable install they are read from
`resources/` beside `engine/`. Everything here is found through `importlib.resources`, so no path
depends on the current folder.
"""
from __future__ import annotations

from importlib import resources as _resources
from pathlib import Path

SHIPPED_MODEL_NAME = "mnist_mlp.npz"
ICON_NAME = "mlp-studio.svg"
DESKTOP_FILE_NAME = "mlp-studio.desktop"


def resources_dir() -> Path:
    """The folder holding mnist/, models/ and icons/ (installed package data first, then the clone's)."""
    installed = Path(str(_resources.files("engine") / "_resources")).resolve()
    if (installed / "mnist").is_dir() or (installed / "models").is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "resources"


def mnist_dir() -> Path:
    """The folder of the four bundled MNIST IDX files (.gz)."""
    return resources_dir() / "mnist"


def shipped_model_path() -> Path:
    """The model trained by the engine that ships with the app (see resources/models/README.md)."""
    return resources_dir() / "models" / SHIPPED_MODEL_NAME


def icon_path() -> Path:
    """The application icon (SVG)."""
    return resources_dir() / "icons" / ICON_NAME


def desktop_file_path() -> Path:
    """The freedesktop.org `.desktop` entry (see the README for where to copy it)."""
    return resources_dir() / DESKTOP_FILE_NAME
