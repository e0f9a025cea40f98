"""Drive the real window's 2D playground while it trains flat out, and print what a user would feel.

For a 2-8-8-2 net (circle, batch 10) and a 2-64-64-64-8 net (8-class blobs), measures:
  - frame gaps of a 16 ms QTimer in the GUI thread (p95 and max; targets ≤ 20 ms and ≤ 50 ms),
  - decision-map refreshes per second (target ≥ 15),
  - training steps per second inside the app (target ≥ 10,000 for 2-8-8-2, batch 10).

    python benchmarks/bench_gui_playground.py [--seconds 6] [--offscreen]

Runs on whatever display Qt finds (QT_QPA_PLATFORM=offscreen works too). Numbers depend on the
machine and on what else runs on it.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QObject, QTimer, Slot  # noqa: E402


class Probe(QObject):
    """Lives in the GUI thread: records timer gaps and snapshot arrivals."""

    def __init__(self):
        super().__init__()
        self.gaps: list[float] = []
        self.snaps = 0
        self._last = None
        self.timer = QTimer(self)
        self.timer.setInterval(16)
        self.timer.timeout.connect(self.tick)

    @Slot()
    def tick(self):
        now = time.perf_counter()
        if self._last is not None:
            self.gaps.append((now - self._last) * 1000)
        self._last = now

    @Slot(object)
    def on_snapshot(self, snap):
        if snap.image is not None or snap.curve is not None:
            self.snaps += 1

    def start(self):
        self.gaps.clear()
        self.snaps = 0
        self._last = None
        self.timer.start()

    def stop(self):
        self.timer.stop()


def make_window(alone=False):
    try:
        if alone:
            raise RuntimeError("--alone")
        from gui.main_window import MainWindow
        w = MainWindow()
        return w, w.playground
    except Exception as exc:  # the other mode may be missing in a partial checkout
        print(f"(main window unavailable: {type(exc).__name__}: {exc}; using the playground alone)")
        from gui.playground import PlaygroundMode
        m = PlaygroundMode()
        m.resize(1400, 860)
        return m, m


def wait(app, seconds):
    """Run the real event loop for `seconds`."""
    from PySide6.QtCore import QEventLoop
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def run_case(app, mode, probe, name, recipe, preset, n_classes, seconds):
    from engine.recipe import default_recipe
    mode.set_task("classification")
    mode.panel.classes_spin.setValue(n_classes)
    mode._generate(preset, 500, 0.2)
    mode.builder.set_recipe(default_recipe(**recipe))
    mode.reset()
    wait(app, 0.3)
    mode.play_pause()
    wait(app, 1.0)                      # warm up
    e0, s0 = mode._counters
    t0 = time.perf_counter()
    probe.start()
    wait(app, seconds)
    probe.stop()
    dt = time.perf_counter() - t0
    e1, s1 = mode._counters
    mode.play_pause()
    wait(app, 0.3)
    gaps = np.array(probe.gaps)
    print(f"{name}: frame gap p50 {np.percentile(gaps, 50):.1f} ms, p95 {np.percentile(gaps, 95):.1f} ms "
          f"(target <= 20), max {gaps.max():.1f} ms (target <= 50); "
          f"map refreshes {probe.snaps / dt:.1f}/s (target >= 15); "
          f"{(s1 - s0) / dt:,.0f} steps/s, {(e1 - e0) / dt:,.0f} epochs/s; grid {mode.controller.job.grid_n}²")
    return gaps, (s1 - s0) / dt


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=6.0)
    ap.add_argument("--alone", action="store_true", help="the playground widget without the main window")
    ap.add_argument("--offscreen", action="store_true", help="use QT_QPA_PLATFORM=offscreen")
    args = ap.parse_args(argv)
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from gui.app import make_app
    app = make_app()
    window, mode = make_window(args.alone)
    window.show()
    probe = Probe()
    mode.controller.snapshot.connect(probe.on_snapshot)
    wait(app, 0.5)
    print(f"Qt platform: {app.platformName()}, cores: {os.cpu_count()}")
    run_case(app, mode, probe, "2-8-8-2 batch 10 (circle)",
             {"hidden": [{"units": 8, "activation": "tanh"}] * 2, "batch_size": 10, "lr": 0.03}, "circle", 2,
             args.seconds)
    run_case(app, mode, probe, "2-64-64-64-8 batch 10 (blobs, 8 classes)",
             {"hidden": [{"units": 64, "activation": "relu"}] * 3, "batch_size": 10, "lr": 0.01}, "blobs", 8,
             args.seconds)
    mode.shutdown()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
