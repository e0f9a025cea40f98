"""Shared test setup: headless Qt, the repo on sys.path, and seeded generators."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never touch the user's real settings or recovery files, and never open a modal prompt nobody answers.
import atexit  # noqa: E401,E402
import shutil
import tempfile

_SANDBOX = tempfile.mkdtemp(prefix="mlp-studio-tests-")
atexit.register(shutil.rmtree, _SANDBOX, True)
os.environ.setdefault("MLP_STUDIO_SETTINGS", os.path.join(_SANDBOX, "settings.ini"))
os.environ.setdefault("MLP_STUDIO_DATA_DIR", os.path.join(_SANDBOX, "data"))
os.environ.setdefault("MLP_STUDIO_UNATTENDED", "1")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture
def rng():
    return np.random.default_rng(1234)
