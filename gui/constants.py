"""Names and numbers the whole app shares. A leaf module: it imports nothing from gui/, so any gui
module may import it without creating an import loop."""
from __future__ import annotations

from engine.project_file import EXTENSION as PROJECT_EXTENSION

APP_NAME = "MLP Studio"
ORG_NAME = "MLP Studio"
VERSION = "0.1.0"

AUTOSAVE_MS = 30_000                       # autosave this long after the first unsaved change
PROJECT_FILTER = f"MLP Studio projects (*{PROJECT_EXTENSION});;All files (*)"
CSV_FILTER = "CSV files (*.csv);;All files (*)"
PNG_FILTER = "PNG images (*.png)"
MODEL_FILTER = "MLP Studio models (*.npz);;All files (*)"
SCRIPT_FILTER = "Python scripts (*.py)"

STATUS_MS = 8000                           # how long an info message stays in the status bar
ERROR_MS = 15000                           # ... and an error
