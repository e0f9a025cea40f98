"""Drive the real window's 2D playground while it trains flat out, and print what a user would feel.

For a 2-8-8-2 net (circle, batch 10) and a 2-64-64-64-8 net (8-class blobs), measures:
  - frame gaps of a 16 ms QTimer in the GUI thread (p95 and max; targets <= 20 ms and <= 50 ms),
  - decision-map refreshes per second (target >= 15),
  - training steps per second inside the app (target >= 10,000 for 2-8-8-2, batch 10),
and, because wall-clock figures swing with whatever else runs on the machine, where the CPU time goes
(thread CPU clocks, which do not grow when other programs compete for the cores):
  - worker thread: CPU per training step, per snapshot (map and thumbnails), the whole thread's CPU,
    and the wall time it waited for the GUI to finish drawing;
  - GUI thread: its whole CPU, the snapshot handler, and the paints of the canvas, the loss/accuracy
    plots and the network diagram.
Each case runs --runs times; the summary gives the medians.

    python benchmarks/bench_gui_playground.py [--seconds 6] [--runs 2] [--offscreen] [--alone] [--lang bg]

Runs on whatever display Qt finds (QT_QPA_PLATFORM=offscreen works too).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QObject, QTimer, Slot  # noqa: E402

CPU = defaultdict(float)      # GUI-thread CPU seconds per instrumented function
CALLS = defaultdict(int)


def instrument(cls, name, label=None, by_type=False):
    """Wrap cls.name so each call adds its GUI-thread CPU time to CPU[label]."""
    orig = getattr(cls, name)

    def wrapper(self, *args, **kwargs):
        t0 = time.thread_time()
        try:
            return orig(self, *args, **kwargs)
        finally:
            key = f"{label or name}:{type(self).__name__}" if by_type else (label or name)
            CPU[key] += time.thread_time() - t0
            CALLS[key] += 1

    wrapper.__name__ = name
    setattr(cls, name, wrapper)


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


def thread_cpu(ident) -> float:
    try:
        return time.clock_gettime(time.pthread_getcpuclockid(ident))
    except (OSError, AttributeError, TypeError, ValueError):
        return float("nan")


def run_case(app, mode, probe, recipe, preset, n_classes, seconds) -> dict:
    from engine.recipe import default_recipe
    mode.set_task("classification")
    mode.panel.classes_spin.setValue(n_classes)
    mode.session.generate(preset, 500, 0.2)
    mode.session.set_recipe(default_recipe(**recipe))
    mode.reset()
    wait(app, 0.3)
    mode.play_pause()
    wait(app, 1.0)                      # warm up (the map resolution settles)
    job = mode.controller.job
    e0, s0 = mode.session.counters
    st0 = dict(job.stats)
    CPU.clear()
    CALLS.clear()
    load0 = os.getloadavg()[0]
    saver = getattr(getattr(mode.window(), "project", None), "autosave", None)   # the 30 s autosave runs too
    a0 = getattr(saver, "writes", 0)
    wc0, gc0 = thread_cpu(job.thread_ident), time.thread_time()
    t0 = time.perf_counter()
    probe.start()
    wait(app, seconds)
    probe.stop()
    dt = time.perf_counter() - t0
    wc1, gc1 = thread_cpu(job.thread_ident), time.thread_time()
    st1 = dict(job.stats)
    autosaves = getattr(saver, "writes", 0) - a0
    e1, s1 = mode.session.counters
    grid = job.grid_n
    mode.play_pause()
    wait(app, 0.3)
    gaps = np.array(probe.gaps) if probe.gaps else np.array([np.nan])
    d = {k: st1[k] - st0[k] for k in st0}
    n_snap = max(d["snapshots"], 1)
    n_calls = max(CALLS["snapshot handler"], 1)
    r = {
        "p50": np.percentile(gaps, 50), "p95": np.percentile(gaps, 95), "max": np.max(gaps),
        "maps": probe.snaps / dt, "steps": (s1 - s0) / dt, "epochs": (e1 - e0) / dt, "grid": grid,
        "load": (load0 + os.getloadavg()[0]) / 2, "autosaves": autosaves,
        # worker (CPU clocks of the worker thread)
        "w_cpu": (wc1 - wc0) / dt, "step_us": 1e6 * d["train_cpu"] / max(d["steps"], 1),
        "step_wall_us": 1e6 * d["train_wall"] / max(d["steps"], 1),
        "train_share": d["train_cpu"] / dt, "snap_ms": 1e3 * d["snap_cpu"] / n_snap,
        "map_ms": 1e3 * d["map_cpu"] / n_snap, "thumb_ms": 1e3 * d["thumb_cpu"] / n_snap,
        "snap_share": d["snap_cpu"] / dt, "wait_share": d["gui_wait"] / dt,
        # GUI thread
        "g_cpu": (gc1 - gc0) / dt, "handler_ms": 1e3 * CPU["snapshot handler"] / n_calls,
    }
    for key, label in (("paint:PointsCanvas", "canvas_ms"), ("paint:PlotWidget", "plots_ms"),
                       ("paint:NetworkDiagram", "diagram_ms")):
        r[label] = 1e3 * CPU[key] / n_calls          # per snapshot
        r[label.replace("_ms", "_hz")] = CALLS[key] / dt
    return r


def describe(name, r) -> str:
    return (f"{name}: frame gap p50 {r['p50']:.1f} ms, p95 {r['p95']:.1f} ms (target <= 20), "
            f"max {r['max']:.1f} ms (target <= 50); map refreshes {r['maps']:.1f}/s (target >= 15); "
            f"{r['steps']:,.0f} steps/s, {r['epochs']:,.0f} epochs/s; grid {r['grid']}²; load {r['load']:.1f}; "
            f"autosaves {r['autosaves']:g}")


def breakdown(r) -> str:
    return (f"    worker CPU {100 * r['w_cpu']:.0f}% of a core: training {100 * r['train_share']:.0f}% "
            f"({r['step_us']:.1f} µs CPU / {r['step_wall_us']:.1f} µs wall per step), snapshots "
            f"{100 * r['snap_share']:.0f}% ({r['snap_ms']:.2f} ms CPU each: map {r['map_ms']:.2f}, "
            f"thumbnails+weights {r['thumb_ms']:.2f}); waiting for the GUI {100 * r['wait_share']:.0f}% of wall time\n"
            f"    GUI CPU {100 * r['g_cpu']:.0f}% of a core; per snapshot: handler {r['handler_ms']:.2f} ms, "
            f"paints: canvas {r['canvas_ms']:.2f} ms ({r['canvas_hz']:.0f}/s), plots {r['plots_ms']:.2f} ms "
            f"({r['plots_hz']:.0f}/s), diagram {r['diagram_ms']:.2f} ms ({r['diagram_hz']:.0f}/s)")


CASES = (
    ("2-8-8-2 batch 10 (circle)",
     {"hidden": [{"units": 8, "activation": "tanh"}] * 2, "batch_size": 10, "lr": 0.03}, "circle", 2),
    ("2-64-64-64-8 batch 10 (blobs, 8 classes)",
     {"hidden": [{"units": 64, "activation": "relu"}] * 3, "batch_size": 10, "lr": 0.01}, "blobs", 8),
)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=6.0)
    ap.add_argument("--runs", type=int, default=2, help="runs per case; the summary gives the medians")
    ap.add_argument("--alone", action="store_true", help="the playground widget without the main window")
    ap.add_argument("--offscreen", action="store_true", help="use QT_QPA_PLATFORM=offscreen")
    ap.add_argument("--speed", type=int, default=None,
                    help="training speed level (gui/playground/speed.py SPEEDS; default: full speed)")
    ap.add_argument("--lang", default=None,
                    help="switch the app to this language (e.g. bg) once the window exists, as View → Language does")
    args = ap.parse_args(argv)
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import pyqtgraph as pg

    from gui.app import make_app
    from gui.playground.canvas import PointsCanvas
    from gui.playground.network_diagram import NetworkDiagram
    from gui.playground.run import NetworkRun
    instrument(NetworkRun, "_on_snapshot", "snapshot handler")   # the session's and the view's handling in it
    instrument(pg.GraphicsView, "paintEvent", "paint", by_type=True)   # the canvas and the two plots
    instrument(NetworkDiagram, "paintEvent", "paint", by_type=True)
    assert issubclass(PointsCanvas, pg.GraphicsView)
    app = make_app()
    window, mode = make_window(args.alone)
    if args.lang:
        from gui.i18n import current_language, set_language
        set_language(args.lang)
        print(f"language: {current_language()}")
    window.show()
    if hasattr(mode, "set_speed"):
        from gui.playground.speed import FULL_SPEED
        mode.set_speed(FULL_SPEED if args.speed is None else args.speed)
    probe = Probe()
    mode.controller.snapshot.connect(probe.on_snapshot)
    wait(app, 0.5)
    print(f"Qt platform: {app.platformName()}, cores: {os.cpu_count()}, load average at start "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results = {}
    for i in range(args.runs):
        for name, recipe, preset, k in CASES:
            r = run_case(app, mode, probe, recipe, preset, k, args.seconds)
            results.setdefault(name, []).append(r)
            print(f"run {i + 1}: " + describe(name, r))
            print(breakdown(r))
    print(f"\nMedians over {args.runs} run(s):")
    for name, rs in results.items():
        med = {k: float(np.median([r[k] for r in rs])) for k in rs[0]}
        med["grid"] = int(med["grid"])
        print(describe(name, med))
        print(breakdown(med))
    mode.shutdown()
    project = getattr(window, "project", None)
    if project is not None:
        project.modified = False        # no "save changes?" question on close
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
