"""Kill tests: SIGKILL a process while it saves a project — the previous file must still be intact and
open; SIGKILL the app with unsaved work — the next start must offer the autosave back."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from engine.project_file import load_project

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

SAVER = textwrap.dedent("""
    import sys, time
    import numpy as np
    sys.path.insert(0, sys.argv[2])
    from engine.project_file import save_project
    path = sys.argv[1]
    rng = np.random.default_rng(0)
    big = rng.random(3_000_000)          # 24 MB of float64: a save takes a while
    for line in sys.stdin:               # one save per request, so the parent knows which save it hits
        gen = int(line)
        print("start", gen, flush=True)
        t = time.perf_counter()
        save_project(path, {"gen": gen, "big": big + gen, "tail": np.full(1000, gen)})
        print("saved", gen, time.perf_counter() - t, flush=True)
""")


def _read_until(proc, word):
    while True:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"the child ended before {word!r}: {proc.stderr.read()}")
        parts = line.split()
        if parts and parts[0] == word:
            return parts


def _reap(proc):
    """Kill the child if it still runs and close its pipes."""
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()


def _request(proc, gen):
    proc.stdin.write(f"{gen}\n")
    proc.stdin.flush()


def test_kill_during_save_keeps_previous_file(tmp_path):
    path = tmp_path / "big.mlpproj"
    script = tmp_path / "saver.py"
    script.write_text(SAVER)
    rng = np.random.default_rng(7)
    kills_mid_save = 0
    for round_ in range(10):
        proc = subprocess.Popen([sys.executable, str(script), str(path), str(ROOT)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _request(proc, 2 * round_ + 1)
            saved = _read_until(proc, "saved")          # one full save in this round
            last_saved, duration = int(saved[1]), float(saved[2])
            _request(proc, 2 * round_ + 2)
            start = _read_until(proc, "start")           # the next save has begun
            time.sleep(float(rng.uniform(0.05, 0.9)) * duration)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            _reap(proc)
        state = load_project(path)                       # intact and opens: the old save or the new one
        new = int(start[1])
        assert state["gen"] in (last_saved, new)
        assert state["big"].shape == (3_000_000,) and np.all(state["tail"] == state["gen"])
        np.testing.assert_array_equal(state["big"][:5], np.random.default_rng(0).random(5) + state["gen"])
        kills_mid_save += state["gen"] == last_saved
    assert kills_mid_save >= 5  # most kills really hit a save in progress


RECOVERY_CHILD = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, sys.argv[2]); sys.path.insert(0, os.path.join(sys.argv[2], "tests"))
    from gui.app import make_app
    app = make_app()
    from fake_mode import FakeMode
    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    w = MainWindow(modes={"fake": FakeMode()}, settings=AppSettings(os.path.join(sys.argv[1], "s.ini")),
                   data_dir=sys.argv[1])
    w.modes["fake"].add_point(42.0, -42.0, 1)
    assert w.project.autosave_now()
    print("autosaved", flush=True)
    time.sleep(60)
""")


def test_killed_app_offers_its_autosave_on_next_start(tmp_path, qtbot, monkeypatch):
    from fake_mode import FakeMode
    from PySide6.QtWidgets import QMessageBox

    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    script = tmp_path / "child.py"
    script.write_text(RECOVERY_CHILD)
    env = {**os.environ, "MLP_STUDIO_UNATTENDED": "1"}
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path), str(ROOT)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _read_until(proc, "autosaved")
        # while the child runs, its autosave is not offered to anyone
        w = MainWindow(modes={"fake": FakeMode()}, settings=AppSettings(tmp_path / "s.ini"), data_dir=tmp_path)
        qtbot.addWidget(w)
        assert w.autosave.orphans() == []
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        _reap(proc)
    monkeypatch.delenv("MLP_STUDIO_UNATTENDED", raising=False)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    assert w.project.offer_recovery()
    assert w.modes["fake"].X[-1].tolist() == [42.0, -42.0]
    assert w.project.modified
    w.project.modified = False  # let the test end without a prompt
