"""main.py as the `mlp-studio` command: the window opens offscreen with its icon and closes on --quit-after."""
import os
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parent.parent


def test_the_window_opens_and_quits_after_the_given_seconds(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MLP_STUDIO_UNATTENDED": "1", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "MLP_STUDIO_DATA_DIR": str(tmp_path / "data")}
    probe = (f"import sys; sys.path.insert(0, {str(ROOT)!r}); import main\n"
             "from PySide6.QtCore import QTimer\n"
             "from PySide6.QtWidgets import QApplication\n"
             "def look():\n"
             "    app = QApplication.instance()\n"
             "    print('icon:', not app.windowIcon().isNull(), 'desktop:', app.desktopFileName(),\n"
             "          'windows:', [w.windowTitle() for w in app.topLevelWidgets() if w.isVisible()][:1],\n"
             "          flush=True)\n"
             "import gui.app\n"
             "real_run = gui.app.run\n"
             "def run(argv):\n"
             "    QTimer.singleShot(500, look)\n"
             "    return real_run(argv)\n"
             "gui.app.run = run\n"
             "sys.exit(main.main(['--quit-after', '1.5']))\n")
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180, env=env,
                       cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "Traceback" not in r.stderr
    assert "icon: True desktop: mlp-studio" in r.stdout and "MLP Studio" in r.stdout


def test_quit_after_needs_a_number(capsys):
    assert main.main(["--quit-after", "soon"]) == 2
    assert "--quit-after" in capsys.readouterr().err


def test_install_desktop_writes_the_entry_and_the_icon(tmp_path, capsys):
    assert main.install_desktop(tmp_path, command="/opt/x/bin/mlp-studio") == 0
    entry = (tmp_path / "applications" / "mlp-studio.desktop").read_text()
    assert "Exec=/opt/x/bin/mlp-studio\n" in entry and "Icon=mlp-studio" in entry and "[Desktop Entry]" in entry
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "mlp-studio.svg"
    assert icon.read_text().lstrip().startswith("<svg")
    assert "installed" in capsys.readouterr().out
    (tmp_path / "blocked").write_text("a file where a folder should be")
    assert main.install_desktop(tmp_path / "blocked") == 1
