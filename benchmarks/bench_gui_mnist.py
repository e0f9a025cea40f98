"""Drive the real window's MNIST lab and print what a user would feel.

  1. Loads the bundled MNIST on the worker (time).
  2. Trains the app's MNIST preset (engine.presets.MNIST_PRESET, all 60,000 images) with the
     Training tab showing the live curves: wall time and final test accuracy (target >= 98.0%),
     and frame gaps of a 16 ms QTimer in the GUI thread all along (targets p95 <= 20 ms, max <= 50 ms).
  3. Draws strokes on the canvas, segment by segment, and times each segment until the
     probabilities are computed and painted (target <= 30 ms): idle, and while a network trains.

Each run is a fresh process; the script prints every run and the medians over the runs, then the
GUI thread's CPU time during training (time.thread_time() around the snapshot handlers, the curve
redraws and the plots' paints: robust to other load on the machine), and finally one profiled run
that times every event the GUI thread handles (exclusive CPU time per receiver and event type) and
how long a thread that wants the GIL can be kept waiting.

    python benchmarks/bench_gui_mnist.py [--offscreen] [--epochs N] [--runs 2] [--no-profile] [--lang bg]

Runs on whatever display Qt finds (QT_QPA_PLATFORM=offscreen works too). Numbers depend on the
machine and on what else runs on it (the load average is printed before and after).
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402


# -- measuring -----------------------------------------------------------------------------------
class Meter:
    """GUI-thread CPU (time.thread_time) and wall time per key, filled by wrapped methods."""

    def __init__(self):
        self.on = False
        self.reset()

    def reset(self):
        self.cpu = defaultdict(float)
        self.wall = defaultdict(float)
        self.max_cpu = defaultdict(float)
        self.n = defaultdict(int)
        self.values = defaultdict(int)   # other counters (e.g. loss points received)

    def add(self, key, cpu, wall):
        if self.on:
            self.cpu[key] += cpu
            self.wall[key] += wall
            self.max_cpu[key] = max(self.max_cpu[key], cpu)
            self.n[key] += 1

    def wrap(self, cls, name, key_of):
        orig = getattr(cls, name)
        meter = self

        @functools.wraps(orig)
        def wrapper(obj, *args, **kw):
            c0, w0 = time.thread_time(), time.perf_counter()
            try:
                return orig(obj, *args, **kw)
            finally:
                meter.add(key_of(obj, args), time.thread_time() - c0, time.perf_counter() - w0)
        setattr(cls, name, wrapper)

    def table(self, seconds):
        return {k: {"n_per_s": self.n[k] / seconds, "cpu_ms_per_s": 1000 * self.cpu[k] / seconds,
                    "mean_ms": 1000 * self.cpu[k] / max(self.n[k], 1), "max_ms": 1000 * self.max_cpu[k],
                    "wall_mean_ms": 1000 * self.wall[k] / max(self.n[k], 1)}
                for k in self.cpu}


def make_profiling_app():
    """A QApplication whose notify() times every event the GUI thread delivers (exclusive CPU time,
    by receiver class and event type). Only for the profiled run: it costs the GUI thread the GIL
    for every event."""
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication

    class ProfilingApp(QApplication):
        def __init__(self, argv):
            super().__init__(argv)
            self.gui_ident = threading.get_ident()
            self.stack = []
            self.on = False
            self.cpu = defaultdict(float)
            self.n = defaultdict(int)
            self.max_cpu = defaultdict(float)
            self.slow = []

        def notify(self, receiver, event):
            if not self.on or threading.get_ident() != self.gui_ident:
                return super().notify(receiver, event)
            c0, w0 = time.thread_time(), time.perf_counter()
            self.stack.append(0.0)
            try:
                return super().notify(receiver, event)
            finally:
                total = time.thread_time() - c0
                wall = time.perf_counter() - w0
                children = self.stack.pop()
                if self.stack:
                    self.stack[-1] += total
                try:
                    name = type(receiver).__name__
                    parent = receiver.parent() if hasattr(receiver, "parent") else None
                    if isinstance(parent, QAbstractScrollArea) and parent.viewport() is receiver:
                        name = type(parent).__name__ + ".viewport"
                    key = f"{name} {event.type().name}"
                except RuntimeError:   # the receiver was deleted while handling the event
                    key = "deleted object"
                own = total - children
                if not self.stack and wall > 0.004:   # a long top-level event: for the timeline
                    self.slow.append((time.perf_counter(), key, 1000 * total, 1000 * wall))
                self.cpu[key] += own
                self.n[key] += 1
                self.max_cpu[key] = max(self.max_cpu[key], own)

    return ProfilingApp([sys.argv[0]])


class GilProbe(threading.Thread):
    """A plain thread that sleeps 2 ms at a time: how late it wakes is how long it waited for the GIL
    (plus scheduling), i.e. how long other threads held the GIL in one piece."""

    def __init__(self):
        super().__init__(daemon=True)
        self.late: list[float] = []
        self.on = False
        self.quit = False

    def run(self):
        while not self.quit:
            t = time.perf_counter()
            time.sleep(0.002)
            if self.on:
                self.late.append((time.perf_counter() - t - 0.002) * 1000)


def make_probe():
    from PySide6.QtCore import QObject, Qt, QTimer, Slot

    class Probe(QObject):
        """Lives in the GUI thread: records the gaps between ticks of a 16 ms timer."""

        def __init__(self):
            super().__init__()
            self.gaps: list[float] = []
            self.times: list[float] = []   # when each gap ended (perf_counter)
            self._last = None
            self.timer = QTimer(self)
            self.timer.setInterval(16)
            self.timer.setTimerType(Qt.PreciseTimer)
            self.timer.timeout.connect(self.tick)

        @Slot()
        def tick(self):
            now = time.perf_counter()
            if self._last is not None:
                self.gaps.append((now - self._last) * 1000)
                self.times.append(now)
            self._last = now

        def start(self):
            self.gaps.clear()
            self.times.clear()
            self._last = None
            self.timer.start()

        def stop(self):
            self.timer.stop()

    return Probe()


def make_window():
    try:
        from gui.main_window import MainWindow
        w = MainWindow()
        w.tabs.setCurrentWidget(w.mnist)
        return w, w.mnist
    except Exception as exc:  # the other mode may be missing in a partial checkout
        print(f"(main window unavailable: {type(exc).__name__}: {exc}; using the MNIST lab alone)", file=sys.stderr)
        from gui.mnist import MnistLabMode
        m = MnistLabMode()
        m.resize(1400, 860)
        return m, m


def run_until(app, cond, timeout):
    """Run the real event loop until cond() or timeout seconds."""
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(20)
    check.timeout.connect(lambda: loop.quit() if cond() else None)
    check.start()
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    loop.exec()
    check.stop()
    return cond()


def spread(values) -> dict:
    """p50, p95, max and count of timings in ms (frame gaps or stroke latencies)."""
    v = np.asarray(values, float)
    if not len(v):
        return {"p50": float("nan"), "p95": float("nan"), "max": float("nan"), "n": 0}
    return {"p50": float(np.percentile(v, 50)), "p95": float(np.percentile(v, 95)), "max": float(v.max()),
            "n": int(len(v))}


def stroke_latencies(app, mode, n_strokes=6, seconds_between=0.05, while_busy=False):
    """Send real mouse events along strokes; time each segment until bars and preview are painted."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    draw = mode.draw
    canvas = draw.canvas
    size = canvas.width()
    lat = []
    rng = np.random.default_rng(0)
    for _ in range(n_strokes):
        if while_busy and not mode.busy():
            break
        canvas.clear()
        t = np.linspace(0, 2 * np.pi, 40)
        s = size / 280
        cx, cy = size / 2 + rng.normal(0, 20 * s), size / 2 + rng.normal(0, 20 * s)
        r = (60 + 30 * rng.random()) * s
        pts = [QPointF(cx + r * np.sin(a) * 0.7, cy - r * np.cos(a)) for a in t]
        send(canvas, QEvent.MouseButtonPress, pts[0], Qt.LeftButton, Qt.LeftButton)
        for p in pts[1:]:
            t0 = time.perf_counter()
            send(canvas, QEvent.MouseMove, p, Qt.NoButton, Qt.LeftButton)
            draw.bars.repaint()
            draw.preview.repaint()
            canvas.repaint()
            lat.append((time.perf_counter() - t0) * 1000)
            end = time.perf_counter() + seconds_between * rng.random()
            while time.perf_counter() < end:
                app.processEvents()
        send(canvas, QEvent.MouseButtonRelease, pts[-1], Qt.LeftButton, Qt.NoButton)
    return lat


def send(widget, kind, pos, button, buttons):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication
    ev = QMouseEvent(kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.NoModifier)
    QApplication.sendEvent(widget, ev)


# -- one run (in a child process) ------------------------------------------------------------------
def one_run(epochs: int | None, profile: bool, lang: str | None = None) -> dict:
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    messages = defaultdict(int)

    def on_message(kind, _context, text):
        messages[text] += 1
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(text, file=sys.stderr)
    qInstallMessageHandler(on_message)

    app = make_profiling_app() if profile else None
    from gui.app import make_app
    app = make_app()
    import pyqtgraph as pg

    from engine.presets import MNIST_PRESET
    from gui.mnist.session import MnistSession
    from gui.mnist.training_plots import TrainingPlots

    meter = Meter()
    plot_names = {}
    meter.wrap(MnistSession, "_on_snapshot", lambda _o, a: f"snapshot handler: {type(a[1]).__name__}")
    meter.wrap(TrainingPlots, "_redraw_batches", lambda _o, a: "curve redraw (timer): setData")
    meter.wrap(pg.GraphicsView, "paintEvent", lambda o, a: f"paint: {plot_names.get(id(o), 'other plot')}")
    # parts of the snapshot handlers
    from gui.mnist.draw_panel import DrawPanel
    from gui.mnist.evaluation_view import EvaluationView
    meter.wrap(TrainingPlots, "refresh", lambda _o, a: "  part: plots.refresh")
    meter.wrap(DrawPanel, "set_pipeline", lambda _o, a: "  part: draw.set_pipeline")
    meter.wrap(EvaluationView, "set_evaluation", lambda _o, a: "  part: evaluation.set_evaluation")

    window, mode = make_window()
    if lang:
        from gui.i18n import set_language
        set_language(lang)      # as View → Language does: the window exists, its texts are retranslated
    window.show()
    for name, w in mode.plot_widgets().items():
        plot_names[id(w)] = name
    from gui.i18n import current_language
    info = {"platform": app.platformName(), "cores": os.cpu_count(), "language": current_language()}
    try:
        import threadpoolctl  # noqa: F401
        info["blas"] = "BLAS limited to 1 thread while training (threadpoolctl)"
    except ImportError:
        info["blas"] = "threadpoolctl not installed: BLAS threads not limited while training"

    # count the progress snapshots and the loss points they carry
    from gui.mnist import jobs
    orig_progress = jobs.TrainProgress.__init__

    def counting_init(self, *args, **kw):
        orig_progress(self, *args, **kw)
        if meter.on:
            meter.values["progress snapshots"] += 1
            meter.values["loss points sent"] += len(self.loss_x)
    jobs.TrainProgress.__init__ = counting_init

    probe = make_probe()
    out = {"info": info}
    t0 = time.perf_counter()
    probe.start()
    if mode.data() is None:
        if not mode.session.loading:
            mode.load_data(None)
        run_until(app, lambda: mode.data() is not None, 60)
    probe.stop()
    out["load_s"] = time.perf_counter() - t0
    out["load_gaps"] = spread(probe.gaps)
    out["stroke_idle"] = spread(stroke_latencies(app, mode))

    epochs = epochs or MNIST_PRESET["epochs"]
    mode.apply_preset("standard")
    mode.session.set_subset(60000)
    mode.session.set_epochs(epochs)
    mode.reset()
    mode.tabs.setCurrentWidget(mode.plots)
    run_until(app, lambda: False, 0.3)
    done = []
    mode.training_finished.connect(done.append)
    epoch_times = []
    mode.epoch_done.connect(lambda _e: epoch_times.append(time.perf_counter()))
    gil = GilProbe() if profile else None
    if gil is not None:
        gil.start()
        gil.on = True
    messages.clear()
    meter.reset()
    meter.on = True
    if profile:
        app.on = True
    probe.start()
    t0, c0 = time.perf_counter(), time.thread_time()
    mode.start_training()
    run_until(app, lambda: bool(done), 60 * epochs)
    wall, gui_cpu = time.perf_counter() - t0, time.thread_time() - c0
    probe.stop()
    meter.on = False
    if profile:
        app.on = False
    if gil is not None:
        gil.on = False
        gil.quit = True
    h = mode.plots.history()
    out["train"] = {
        "net": "-".join(str(x) for x in [784] + [u["units"] for u in MNIST_PRESET["recipe"]["hidden"]] + [10]),
        "epochs": epochs, "result": done[0] if done else "not finished", "wall_s": wall,
        "test_acc": float(h["test_acc"][-1]) if len(h["test_acc"]) else float("nan"),
        "gaps": spread(probe.gaps), "gui_cpu_ms_per_s": 1000 * gui_cpu / wall,
        "handlers": meter.table(wall),
        "progress_per_s": meter.values["progress snapshots"] / wall,
        "points_per_snapshot": meter.values["loss points sent"] / max(meter.values["progress snapshots"], 1),
        "curve_points": int(mode.plots.curve_batch.xData.size if mode.plots.curve_batch.xData is not None else 0),
        "toplevel_relayouts": sum(v for k, v in messages.items() if "propagateSizeHints" in k),
        "worst_gaps": [(round(probe.gaps[i], 1), round(probe.times[i] - t0, 2))
                       for i in np.argsort(probe.gaps)[::-1][:4]],
        "epoch_times": [round(t - t0, 2) for t in epoch_times],
    }
    if profile:
        out["profile"] = {k: {"cpu_ms_per_s": 1000 * app.cpu[k] / wall, "n_per_s": app.n[k] / wall,
                              "max_ms": 1000 * app.max_cpu[k]} for k in app.cpu}
        out["slow_events"] = [(round(t - t0, 3), k, round(c, 1), round(w, 1)) for t, k, c, w in app.slow]
        late = np.asarray(gil.late or [0.0])
        out["gil_late"] = {"p50": float(np.percentile(late, 50)), "p99": float(np.percentile(late, 99)),
                           "max": float(late.max()), "n": int(len(late))}
        return out   # the drawing part is not profiled

    # drawing while a network trains (3 more epochs, Draw tab visible)
    mode.tabs.setCurrentWidget(mode.draw)
    mode.session.set_epochs(epochs + 3)
    done.clear()
    probe.start()
    t0 = time.perf_counter()
    n0 = mode.session.history.h["batch_x"].n
    mode.start_training()
    run_until(app, lambda: mode.session.history.h["batch_x"].n > n0 + 5, 30)
    busy = mode.busy()
    lat_busy = stroke_latencies(app, mode, while_busy=True)
    mode.stop_training()
    run_until(app, lambda: bool(done), 30)
    probe.stop()
    out["stroke_busy"] = dict(spread(lat_busy), busy=busy)
    out["draw_gaps"] = dict(spread(probe.gaps), worst=[(round(probe.gaps[i], 1), round(probe.times[i] - t0, 2))
                                                          for i in np.argsort(probe.gaps)[::-1][:3]])
    for m in getattr(window, "modes", {mode: mode}).values():  # not window.close(): it may ask to save
        m.shutdown()
    window.hide()
    return out


# -- the parent: runs, medians, report ------------------------------------------------------------
def child(args, profile: bool) -> dict | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child"]
    if profile:
        cmd.append("--profile")
    if args.epochs:
        cmd += ["--epochs", str(args.epochs)]
    if args.lang:
        cmd += ["--lang", args.lang]
    env = dict(os.environ)
    if args.offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    for line in res.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    print(f"a run failed (exit {res.returncode}):\n{res.stdout[-2000:]}\n{res.stderr[-4000:]}")
    return None


def med(values):
    v = [x for x in values if x == x]
    return float(np.median(v)) if v else float("nan")


def load_line() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "load average unknown"


def report(runs: list[dict], prof: dict | None) -> None:
    info = runs[0]["info"] if runs else (prof or {}).get("info", {})
    print(f"Qt platform: {info.get('platform')}, cores: {info.get('cores')}, language: {info.get('language')}; "
          f"{info.get('blas')}")
    if runs:
        tr = runs[0]["train"]
        print(f"\n{len(runs)} run(s) of: load MNIST, draw, train {tr['net']} for {tr['epochs']} epochs on all "
              f"60,000 images with the Training tab visible, then train and draw with the Draw tab visible.")
        for i, r in enumerate(runs, 1):
            t, g = r["train"], r["train"]["gaps"]
            print(f"  run {i}: load {r['load_s']:.2f} s; training {t['result']} in {t['wall_s']:.1f} s, test accuracy "
                  f"{t['test_acc']:.2f}%; frame gaps p50 {g['p50']:.1f} / p95 {g['p95']:.1f} / max {g['max']:.1f} ms "
                  f"({g['n']} frames); Draw tab: p95 {r['draw_gaps']['p95']:.1f} / max {r['draw_gaps']['max']:.1f} ms")
            print(f"         worst gaps (ms @ s after the start): "
                  f"{', '.join(f'{g:.0f} @ {t:.2f}' for g, t in t['worst_gaps'])}; epochs ended at "
                  f"{', '.join(f'{x:.1f}' for x in t['epoch_times'])} s; Draw tab worst gaps: "
                  f"{', '.join(f'{g:.0f} @ {t:.2f}' for g, t in r['draw_gaps']['worst'])}")
        m = lambda f: med([f(r) for r in runs])  # noqa: E731
        print(f"\nmedians over {len(runs)} runs:")
        print(f"  load MNIST on the worker: {m(lambda r: r['load_s']):.2f} s "
              f"(frame gap max {m(lambda r: r['load_gaps']['max']):.1f} ms)")
        print(f"  stroke -> probabilities painted (idle): p50 {m(lambda r: r['stroke_idle']['p50']):.1f} ms, "
              f"p95 {m(lambda r: r['stroke_idle']['p95']):.1f} ms, max {m(lambda r: r['stroke_idle']['max']):.1f} ms "
              f"(target <= 30)")
        print(f"  MNIST preset in the app: {m(lambda r: r['train']['wall_s']):.1f} s wall time, test accuracy "
              f"{m(lambda r: r['train']['test_acc']):.2f}% (target >= 98.0%)")
        print("  during training (Training tab visible): frame gap p50 "
              f"{m(lambda r: r['train']['gaps']['p50']):.1f} ms, "
              f"p95 {m(lambda r: r['train']['gaps']['p95']):.1f} ms (target <= 20), "
              f"max {m(lambda r: r['train']['gaps']['max']):.1f} ms (target <= 50)")
        print("  stroke -> probabilities painted (while training): p50 "
              f"{m(lambda r: r['stroke_busy']['p50']):.1f} ms, "
              f"p95 {m(lambda r: r['stroke_busy']['p95']):.1f} ms, max {m(lambda r: r['stroke_busy']['max']):.1f} ms "
              f"(target <= 30)")
        print(f"  during training and drawing (Draw tab visible): frame gap p95 "
              f"{m(lambda r: r['draw_gaps']['p95']):.1f} ms (target <= 20), "
              f"max {m(lambda r: r['draw_gaps']['max']):.1f} ms "
              f"(target <= 50)")
        print("\nGUI-thread CPU while training with the Training tab visible (medians; time.thread_time):")
        print(f"  total {m(lambda r: r['train']['gui_cpu_ms_per_s']):.1f} ms per second of training; "
              f"{m(lambda r: r['train']['progress_per_s']):.1f} progress snapshots/s carrying "
              f"{m(lambda r: r['train']['points_per_snapshot']):.1f} new loss points each; "
              f"{m(lambda r: r['train']['curve_points']):.0f} points in the minibatch curve at the end; "
              f"{m(lambda r: r['train']['toplevel_relayouts']):.0f} top-level relayouts")
        keys = sorted({k for r in runs for k in r["train"]["handlers"]})
        print(f"  {'what (CPU ms; wall: incl. waiting for the GIL)':48s} {'calls/s':>8s} {'mean':>6s} {'max':>6s} "
              f"{'ms/s':>6s} {'wall mean':>9s}")
        def cost(k):
            return -m(lambda r: r["train"]["handlers"].get(k, {}).get("cpu_ms_per_s", 0))
        for k in sorted(keys, key=cost):
            g = lambda f, k=k: m(lambda r: r["train"]["handlers"].get(k, {}).get(f, float("nan")))  # noqa: E731
            print(f"  {k:48s} {g('n_per_s'):8.1f} {g('mean_ms'):6.2f} {g('max_ms'):6.2f} {g('cpu_ms_per_s'):6.2f} "
                  f"{g('wall_mean_ms'):9.2f}")
    if prof:
        t = prof["train"]
        print(f"\nprofiled run (every GUI-thread event timed; adds its own overhead): training {t['wall_s']:.1f} s, "
              f"GUI thread CPU {t['gui_cpu_ms_per_s']:.1f} ms/s, frame gaps p95 {t['gaps']['p95']:.1f} / max "
              f"{t['gaps']['max']:.1f} ms")
        print(f"  {'receiver and event (exclusive CPU)':52s} {'per s':>7s} {'max ms':>8s} {'ms/s':>7s}")
        top = sorted(prof["profile"].items(), key=lambda kv: -kv[1]["cpu_ms_per_s"])[:14]
        for k, v in top:
            print(f"  {k[:52]:52s} {v['n_per_s']:7.1f} {v['max_ms']:8.2f} {v['cpu_ms_per_s']:7.2f}")
        print("  around the worst frame gaps: top-level events longer than 4 ms wall (s, event, CPU ms, wall ms)")
        for g, at in t["worst_gaps"][:3]:
            near = [e for e in prof["slow_events"] if at - g / 1000 - 0.005 <= e[0] <= at + 0.005]
            print(f"    gap {g:.0f} ms ending at {at:.2f} s: "
                  + ("; ".join(f"{e[1]} {e[2]:.1f}/{e[3]:.1f}" for e in near) or "no long event (GIL or CPU wait)"))
        gl = prof["gil_late"]
        print("  GIL probe (a thread sleeping 2 ms, lateness = waiting for the GIL + scheduling): "
              f"p50 {gl['p50']:.2f} ms,"
              f" p99 {gl['p99']:.2f} ms, max {gl['max']:.1f} ms over {gl['n']} wake-ups")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--offscreen", action="store_true", help="use QT_QPA_PLATFORM=offscreen")
    ap.add_argument("--epochs", type=int, default=None, help="epochs of the preset (default: the preset's)")
    ap.add_argument("--runs", type=int, default=2, help="measured runs (fresh processes); medians are printed")
    ap.add_argument("--no-profile", action="store_true", help="skip the profiled run")
    ap.add_argument("--lang", default=None,
                    help="switch the app to this language (e.g. bg) once the window exists, as View → Language does")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--profile", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if args.child:
        print("RESULT " + json.dumps(one_run(args.epochs, args.profile, args.lang)), flush=True)
        return 0
    print(f"before: {load_line()}")
    runs = [r for r in (child(args, False) for _ in range(max(args.runs, 0))) if r is not None]
    prof = None if args.no_profile else child(args, True)
    report(runs, prof)
    print(f"\nafter: {load_line()}")
    return 0 if (runs or prof) else 1


if __name__ == "__main__":
    sys.exit(main())
