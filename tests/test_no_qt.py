"""The engine is pure NumPy: importing it (and using it) must not load any Qt or plotting module."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_PREFIXES = ("PySide", "PyQt", "shiboken", "pyqtgraph", "qtpy", "matplotlib", "gui")

SCRIPT = f"""
import json, sys
sys.path.insert(0, {str(ROOT)!r})
import numpy as np
import engine, engine.cli, engine.presets, engine.recipe, engine.data, engine.idx
model = engine.mlp([2, 4, 2], "tanh", rng=np.random.default_rng(0))
engine.Pipeline(model, features=("x1", "x2")).decision_grid((-1, 1, -1, 1), 5)
bad = sorted(m for m in sys.modules if m.split(".")[0].startswith({QT_PREFIXES!r}))
print(json.dumps(bad))
"""


def test_importing_the_engine_loads_no_qt():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == [], f"engine imported GUI modules: {loaded}"


def test_the_check_would_notice_qt():
    """The same probe does see Qt once something imports it (so the test above can fail)."""
    script = SCRIPT.replace("import numpy as np", "import numpy as np\nimport PySide6.QtCore")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "PySide6.QtCore" in json.loads(out.stdout.strip().splitlines()[-1])
