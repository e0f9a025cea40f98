"""Soak test: the real window, offscreen, for 5 minutes (default) of continuous training while it
adds and removes points, changes the learning rate, switches modes, and saves and reopens the
project. Checks: no uncaught exception, no lost point, memory growth under 50 MB after warm-up.
Before that, a click check: 1,000 real mouse clicks (adds and erases, many on existing points) on a
5,000-point canvas, with the live Python objects (gc) and the RSS before and after.

    python benchmarks/soak.py                # 5 minutes
    python benchmarks/soak.py --seconds 60   # shorter
    python benchmarks/soak.py --seconds 0    # only the click memory check

Prints the figures; exits with status 1 if a check fails. Uses a temporary settings file and data
folder, so the user's own settings and recovery files are never touched.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LR_CHOICES = (0.003, 0.01, 0.03, 0.1, 0.3)
RSS_LIMIT_MB = 50.0
CLICK_RSS_LIMIT_MB = 30.0      # RSS growth allowed over the click check
CLICK_OBJECTS_LIMIT = 20_000   # live Python objects growth allowed over the click check (was ~2,000 per click)


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
    except (OSError, ValueError, AttributeError):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak, on Linux in KiB


class Soak:
    def __init__(self, args, workdir: Path):
        import numpy as np
        from PySide6.QtCore import QTimer

        from gui.app import make_app
        self.np = np
        self.args = args
        self.app = make_app()
        from gui.main_window import MainWindow
        self.window = w = MainWindow()
        w.resize(1280, 800)
        w.show()
        self.errors = []
        self._hook = sys.excepthook
        sys.excepthook = self._excepthook
        self.pg, self.mnist = w.playground, w.mnist
        self.rng = np.random.default_rng(args.seed)
        self.path = workdir / "soak.mlpproj"
        self.counts = {k: 0 for k in ("add", "remove", "lr", "switch", "save", "reopen", "restart")}
        self.lost = []
        self.t0 = time.perf_counter()
        self.rss_start = rss_mb()
        self.rss_base = None
        self.rss_peak = self.rss_start
        self.rss_trace = []
        self.gaps = []
        self.last_tick = None
        self.next_save = args.save_every
        self.next_switch = args.switch_every
        self.on_mnist_until = None
        self.mnist_loaded = False
        self.t_base = None
        self.mnist.data_loaded.connect(self._mnist_loaded)
        self.timer = QTimer()
        self.timer.setInterval(args.tick_ms)
        self.timer.timeout.connect(self.tick)

    # -- bookkeeping ---------------------------------------------------------------------------
    def _excepthook(self, etype, value, tb):
        self.errors.append(f"{etype.__name__}: {value}")
        traceback.print_exception(etype, value, tb, file=sys.stderr)

    def _mnist_loaded(self):
        self.mnist_loaded = True

    def points(self):
        ps = self.pg.points.current()
        return ps.xy.copy(), ps.label.copy()

    def check(self, ok: bool, what: str) -> None:
        if not ok:
            self.lost.append(f"{time.perf_counter() - self.t0:7.1f} s: {what}")
            print("CHECK FAILED:", self.lost[-1], file=sys.stderr)

    # -- actions -------------------------------------------------------------------------------
    def add_point(self):
        xy, lab = self.points()
        x, y = self.rng.uniform(-5.5, 5.5, 2)
        cls = int(self.rng.integers(0, self.pg.points.current().n_classes))
        if self.pg.points.add(float(x), float(y), cls):
            xy2, lab2 = self.points()
            self.check(len(xy2) == len(xy) + 1 and self.np.array_equal(xy2[:-1], xy)
                       and xy2[-1].tolist() == [x, y] and lab2[-1] == cls, "add lost or changed points")
            self.counts["add"] += 1

    def remove_point(self):
        xy, lab = self.points()
        if len(xy) < 50:
            return
        i = int(self.rng.integers(0, len(xy)))
        i = int(self.np.argmin(((xy - xy[i]) ** 2).sum(1)))  # the first point at those coordinates
        self.pg.points.erase_near(float(xy[i, 0]), float(xy[i, 1]), 1e-12)
        xy2, lab2 = self.points()
        expect_xy, expect_lab = self.np.delete(xy, i, 0), self.np.delete(lab, i)
        self.check(self.np.array_equal(xy2, expect_xy) and self.np.array_equal(lab2, expect_lab),
                   "erasing one point changed others")
        self.counts["remove"] += 1

    def change_lr(self):
        self.pg.builder.lr_spin.setValue(float(self.rng.choice(LR_CHOICES)))
        self.counts["lr"] += 1

    def save_and_reopen(self):
        w = self.window
        before_points = self.points()
        before_lr = self.pg.builder.lr_spin.value()
        if not w.project.write(self.path):
            self.check(False, f"save failed: {w.statusBar().currentMessage()}")
            return
        self.counts["save"] += 1
        if not w.project.open_project(self.path):
            self.check(False, f"reopen failed: {w.statusBar().currentMessage()}")
            return
        self.counts["reopen"] += 1
        after = self.points()
        self.check(self.np.array_equal(before_points[0], after[0]) and self.np.array_equal(before_points[1], after[1]),
                   f"save → reopen changed the points ({len(before_points[0])} → {len(after[0])})")
        self.check(abs(self.pg.builder.lr_spin.value() - before_lr) < 1e-12, "save → reopen changed the learning rate")

    def ensure_training(self):
        if self.window.mode is self.pg and not self.pg.busy():
            self.pg.play_pause()
            self.counts["restart"] += 1

    def click_memory_check(self, n_clicks: int) -> bool:
        """n real clicks on a 5,000-point canvas (left: add, right: erase; half of them on a point):
        prints the live Python objects and the RSS before and after; False if either grew too much."""
        import gc

        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication
        pg = self.pg
        self.window.tabs.setCurrentWidget(pg)
        pg.session.generate("blobs", 5000, 0.3)
        for _ in range(20):
            QApplication.processEvents()
        canvas = pg.canvas
        vp = canvas.viewport()

        def clicks(n):
            for i in range(n):
                xy = pg.points.current().xy
                on_point = i % 2 and len(xy)
                x, y = xy[int(self.rng.integers(len(xy)))] if on_point else self.rng.uniform(-5.5, 5.5, 2)
                button = Qt.LeftButton if i % 4 < 2 else Qt.RightButton
                QTest.mouseClick(vp, button, Qt.NoModifier, canvas.data_to_viewport(float(x), float(y)))
                if i % 50 == 0:
                    QApplication.processEvents()
            QApplication.processEvents()

        clicks(50)                        # warm-up: caches, first-use allocations
        gc.collect()
        objects0, rss0, n0 = len(gc.get_objects()), rss_mb(), pg.points.current().n
        t0 = time.perf_counter()
        clicks(n_clicks)
        seconds = time.perf_counter() - t0
        gc.collect()
        objects1, rss1, n1 = len(gc.get_objects()), rss_mb(), pg.points.current().n
        ok = objects1 - objects0 < CLICK_OBJECTS_LIMIT and rss1 - rss0 < CLICK_RSS_LIMIT_MB
        print(f"Click memory check: {n_clicks:,} clicks on a {n0:,}-point canvas ({n1:,} points after) "
              f"in {seconds:.1f} s")
        print(f"  live Python objects: {objects0:,} before, {objects1:,} after ({objects1 - objects0:+,}; "
              f"limit {CLICK_OBJECTS_LIMIT:,})")
        print(f"  RSS: {rss0:.1f} MB before, {rss1:.1f} MB after ({rss1 - rss0:+.1f} MB; "
              f"limit {CLICK_RSS_LIMIT_MB:.0f} MB)")
        print(f"  click check: {'PASS' if ok else 'FAIL'}", flush=True)
        return ok

    # -- the loop ------------------------------------------------------------------------------
    def tick(self):
        now = time.perf_counter()
        if self.last_tick is not None:
            self.gaps.append(now - self.last_tick)
        self.last_tick = now
        t = now - self.t0
        try:
            if t >= self.args.seconds:
                self.timer.stop()
                self.app.quit()
                return
            w = self.window
            if self.on_mnist_until is not None:
                if t >= self.on_mnist_until:
                    w.tabs.setCurrentWidget(self.pg)
                    self.on_mnist_until = None
                    self.counts["switch"] += 1
            elif t >= self.next_switch:
                w.tabs.setCurrentWidget(self.mnist)
                self.on_mnist_until = t + self.args.mnist_seconds
                self.next_switch = t + self.args.switch_every
                self.counts["switch"] += 1
            else:
                self.ensure_training()
                if t >= self.next_save:
                    self.save_and_reopen()
                    self.next_save = t + self.args.save_every
                else:
                    r = self.rng.random()
                    if r < 0.45:
                        self.add_point()
                    elif r < 0.85:
                        self.remove_point()
                    else:
                        self.change_lr()
            m = rss_mb()
            self.rss_peak = max(self.rss_peak, m)
            if (self.rss_base is None and t >= self.args.warmup and self.counts["reopen"] >= 1
                    and self.mnist_loaded and self.counts["switch"] >= 4 and w.mode is self.pg):
                self.rss_base, self.t_base = m, t  # warm: MNIST loaded and visited twice, a save → open done
            if not self.rss_trace or t - self.rss_trace[-1][0] >= 10:
                self.rss_trace.append((t, m))
                print(f"  {t:6.0f} s  RSS {m:7.1f} MB  points {len(self.pg.points.current().xy):4d}  "
                      f"epoch {self.pg.session.epoch:6d}  adds {self.counts['add']}  removes {self.counts['remove']}  "
                      f"saves {self.counts['save']}", flush=True)
        except Exception as exc:  # an action itself failed: count it as an exception
            self._excepthook(type(exc), exc, exc.__traceback__)

    def run(self) -> int:
        clicks_ok = True
        if self.args.clicks:
            clicks_ok = self.click_memory_check(self.args.clicks)
            self.t0 = time.perf_counter()
        self.timer.start()
        self.app.exec()
        sys.excepthook = self._hook
        np = self.np
        epochs = self.pg.session.epoch
        points_end = len(self.pg.points.current().xy)
        rss_end = rss_mb()
        t_close = time.perf_counter()
        self.window.project.modified = False
        self.window.close()
        close_s = time.perf_counter() - t_close
        autosave_left = self.window.autosave.path.exists()
        base = self.rss_base if self.rss_base is not None else self.rss_start
        growth = rss_end - base
        gaps = np.array(self.gaps) if self.gaps else np.zeros(1)
        print()
        print(f"MLP Studio soak: {self.args.seconds:.0f} s of training (offscreen, seed {self.args.seed})")
        print(f"  actions: {self.counts['add']} points added, {self.counts['remove']} removed, "
              f"{self.counts['lr']} learning-rate changes, {self.counts['switch']} mode switches, "
              f"{self.counts['save']} saves, {self.counts['reopen']} reopens, "
              f"{self.counts['restart']} training (re)starts")
        hist = self.pg.session.history.to_state()
        n_hist = sum(np.asarray(v).size for v in hist.values() if isinstance(v, np.ndarray))
        print(f"  training: {epochs:,} epochs in the playground at the end; points at the end: {points_end}; "
              f"loss-history values kept: {n_hist:,} ({n_hist * 8 / 2 ** 20:.1f} MB as float64)")
        print(f"  uncaught exceptions: {len(self.errors)}")
        print(f"  point checks failed: {len(self.lost)}")
        when = f" at {self.t_base:.0f} s" if self.t_base is not None else " (never reached: using the start)"
        print(f"  memory (RSS): start {self.rss_start:.1f} MB, after warm-up{when} {base:.1f} MB, "
              f"end {rss_end:.1f} MB, peak {self.rss_peak:.1f} MB; "
              f"growth after warm-up {growth:+.1f} MB (limit {RSS_LIMIT_MB:.0f} MB)")
        print(f"  GUI timer ({self.args.tick_ms} ms): median gap {np.median(gaps) * 1000:.0f} ms, "
              f"99th percentile {np.percentile(gaps, 99) * 1000:.0f} ms, max {gaps.max() * 1000:.0f} ms")
        print(f"  close: {close_s * 1000:.1f} ms; recovery file left after a clean exit: {autosave_left}")
        failed = bool(self.errors or self.lost or growth >= RSS_LIMIT_MB or autosave_left
                      or not clicks_ok)
        for e in self.errors[:10]:
            print("  exception:", e)
        for e in self.lost[:10]:
            print("  lost:", e)
        print("RESULT:", "FAIL" if failed else "PASS")
        return 1 if failed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300.0, help="how long to run (default 300)")
    ap.add_argument("--save-every", type=float, default=20.0, help="seconds between save → reopen cycles")
    ap.add_argument("--switch-every", type=float, default=30.0, help="seconds between visits to the MNIST lab")
    ap.add_argument("--mnist-seconds", type=float, default=3.0, help="how long each visit lasts")
    ap.add_argument("--tick-ms", type=int, default=50, help="one user action every this many ms")
    ap.add_argument("--warmup", type=float, default=60.0,
                    help="memory growth is measured from the first moment after this many seconds at which "
                         "MNIST is loaded, the MNIST lab was visited twice and one save → reopen is done")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--clicks", type=int, default=1000, help="clicks of the memory check first (0: none)")
    args = ap.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="mlp-soak-") as d:
        os.environ["MLP_STUDIO_SETTINGS"] = str(Path(d) / "settings.ini")
        os.environ["MLP_STUDIO_DATA_DIR"] = str(Path(d) / "data")
        os.environ["MLP_STUDIO_UNATTENDED"] = "1"
        return Soak(args, Path(d)).run()


if __name__ == "__main__":
    sys.exit(main())
