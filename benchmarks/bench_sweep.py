"""The MNIST lab's sweep (1-, 2- and 3-layer perceptrons) on a 10,000-image training subset, timed.

Trains the runs one after another exactly as the lab's sweep does (gui.runs.sweep_job.SweepJob on
the calling thread, one BLAS thread per process by default like the app's worker) and prints each
run's wall time, steps/s and final test accuracy (on all 10,000 test images), then the total
(target <= 60 s on a 2-core machine). With --png PATH it saves the overlay of the runs' test-loss
curves (the Runs panel's OverlayPlot, offscreen) to PATH.

With --gui it instead runs the sweeps inside the real modes (the worker thread, the Runs tab
updating) and prints the frame gaps of a 16 ms QTimer in the GUI thread meanwhile (targets: p95
<= 20 ms, max <= 50 ms): the playground's "Compare…" of 0-3 hidden layers, then the MNIST lab's
1/2/3-layer sweep on the subset.

    python benchmarks/bench_sweep.py [--subset 10000] [--epochs 20] [--sweep layers|activation] [--png out.png]
    python benchmarks/bench_sweep.py --gui [--offscreen]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--subset", type=int, default=10_000)
    ap.add_argument("--epochs", type=int, default=20)
    ap.add_argument("--sweep", default="layers", choices=("layers", "activation"))
    ap.add_argument("--png", default=None)
    ap.add_argument("--blas-threads", type=int, default=1)
    ap.add_argument("--gui", action="store_true")
    ap.add_argument("--offscreen", action="store_true")
    args = ap.parse_args()
    if args.gui:
        gui(args)
        return

    from threadpoolctl import threadpool_limits

    from engine.idx import load_mnist
    from engine.presets import MNIST_SEED, mnist_preset
    from engine.runs import RunLog
    from gui.runs.lab_sweep import lab_recipes, make_image_net, subset
    from gui.runs.sweep_job import SweepJob

    t0 = time.perf_counter()
    ds = load_mnist()
    print(f"loaded MNIST in {time.perf_counter() - t0:.1f} s; load average {os.getloadavg()[0]:.2f}")
    Xtr, ytr = subset(ds.train_images, ds.train_labels, args.subset)
    recipes = lab_recipes(args.sweep, mnist_preset()["recipe"])
    job = SweepJob(recipes, (Xtr, ytr, ds.test_images, ds.test_labels), make_image_net(10), epochs=args.epochs,
                   seed=MNIST_SEED, data_info={"data": "MNIST", "n_train": len(Xtr), "n_test": len(ds.test_images)})
    log = RunLog()
    t0 = time.perf_counter()
    with threadpool_limits(args.blas_threads):
        for p in job:
            if p is not None and p.run is not None:
                r = log.add(p.run)
                print(f"  {r.name:28s} {r.n_parameters:>9,} parameters  {r.seconds:6.1f} s  "
                      f"{r.steps_per_second:7.0f} steps/s  test accuracy {r.final('test_metric'):.4f}  "
                      f"test loss {r.final('test_loss'):.4f}")
    total = time.perf_counter() - t0
    print(f"sweep '{args.sweep}' of {len(log)} runs, {args.epochs} epochs on {len(Xtr):,} images: {total:.1f} s "
          f"(target <= 60 s); load average {os.getloadavg()[0]:.2f}")
    if args.png:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from gui.file_actions import widget_png_bytes
        from gui.runs.runs_panel import RunsPanel
        app = QApplication.instance() or QApplication([])
        panel = RunsPanel()
        panel.resize(900, 640)
        panel.show_log(log, select=range(len(log)))
        panel.show()
        app.processEvents()
        Path(args.png).write_bytes(widget_png_bytes(panel.plot))
        print(f"overlay saved to {args.png}")


def gui(args) -> None:
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from engine.idx import load_mnist
    from gui.mnist.mode import MnistLabMode
    from gui.playground import PlaygroundMode
    app = QApplication.instance() or QApplication([])

    def measure(name, runs, start):
        gaps, last = [], [time.perf_counter()]

        def tick():
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now
        timer = QTimer()
        timer.setInterval(16)
        timer.timeout.connect(tick)
        ended = []
        runs.sweep_finished.connect(ended.append)
        loop = QEventLoop()
        runs.sweep_finished.connect(lambda _r: loop.quit())
        t0 = time.perf_counter()
        start()
        last[0] = time.perf_counter()
        timer.start()
        if not ended:
            loop.exec()
        timer.stop()
        g = np.array(gaps[1:] or [np.nan])
        print(f"{name}: {len(runs.log)} runs in {time.perf_counter() - t0:.1f} s ({ended[0]}); frame gap "
              f"p50 {np.percentile(g, 50):.1f} ms, p95 {np.percentile(g, 95):.1f} ms (target <= 20), "
              f"max {g.max():.1f} ms (target <= 50); load average {os.getloadavg()[0]:.2f}")

    m = PlaygroundMode(seed=1)
    m.resize(1280, 720)
    m.show()
    m.side_tabs.setCurrentWidget(m.runs_tab)
    app.processEvents()
    measure("playground Compare… hidden layers 0-3, 300 epochs each", m.session.runs,
            lambda: m.session.runs.start_sweep("layers", [0, 1, 2, 3], epochs=300))
    m.shutdown()
    lab = MnistLabMode(auto_load_data=False)
    lab.resize(1280, 720)
    lab.show()
    lab.set_data(load_mnist())
    lab.tabs.setCurrentWidget(lab.runs_tab)
    app.processEvents()
    measure(f"MNIST lab sweep 1/2/3-layer, {args.subset:,} images, {args.epochs} epochs", lab.session.run_records,
            lambda: lab.session.run_records.start_lab_sweep("layers", epochs=args.epochs, subset_n=args.subset))
    lab.shutdown()


if __name__ == "__main__":
    main()
