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


@pytest.fixture
def shown_playground(qtbot):
    """A factory: make(seed) gives a PlaygroundMode shown at 1280×720 once its first snapshot is there;
    every mode made is shut down after the test."""
    from gui.playground import PlaygroundMode
    from tests.qt_wait import wait_until

    made = []

    def make(seed: int):
        m = PlaygroundMode(seed=seed)
        qtbot.addWidget(m)
        m.resize(1280, 720)
        m.show()
        made.append(m)
        assert wait_until(lambda: m.session.last_snapshot is not None, 30), "no first snapshot"
        return m

    yield make
    for m in made:
        m.shutdown()


@pytest.fixture
def window(qtbot, tmp_path):
    """The real main window (all modes) with its own settings and data folder; its modes shut down after."""
    from gui.app import configure_pyqtgraph
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    configure_pyqtgraph()
    w = MainWindow(settings=AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path / "data", seed=0)
    qtbot.addWidget(w)
    yield w
    for mode in w.modes.values():
        mode.shutdown()
