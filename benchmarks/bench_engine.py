"""Engine speed and accuracy figures, side by side with PyTorch (CPU) when it is installed.

    python benchmarks/bench_engine.py            # everything (about a minute and a half)
    python benchmarks/bench_engine.py --quick    # fewer repetitions, no preset run
    python benchmarks/bench_engine.py --only mnist,preset,tiny,grid

Targets (on 2 cores):
  * MNIST 784-256-128-10 ReLU, batch 128, Adam 1e-3, float32, 60,000 images per epoch: seconds per
    epoch at most 0.75x PyTorch eager (torch.optim.Adam default) and at most 1.0x Adam(fused=True).
    Epochs are interleaved (engine, torch eager, torch fused, engine, ...) and medians reported.
  * The MNIST preset (engine/presets.py, seed 0) reaches at least 98.0% test accuracy; wall clock printed.
  * 2-8-8-2 tanh net, batch 10, SGD, 500-point spiral: at most 35 µs per training step.
  * Class probabilities of that net on a 200x200 grid: at most 3 ms.
These are printed figures, not tests: the machine's load changes them.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

import engine  # noqa: E402
from engine.data import Standardizer, grid_bounds, make_dataset  # noqa: E402

try:
    import torch
    import torch.nn.functional as F
except Exception as exc:  # noqa: BLE001 - any import failure means "no torch"
    torch = None
    TORCH_MISSING = f"{type(exc).__name__}: {exc}"


def median(xs):
    return statistics.median(xs)


def fmt_ratio(a, b):
    return f"{a / b:.2f}x" if b else "n/a"


def header(title):
    print(f"\n== {title} " + "=" * max(0, 70 - len(title)))


def torch_note():
    if torch is None:
        print(f"  PyTorch is not importable ({TORCH_MISSING}); engine figures only.")
        return False
    print(f"  PyTorch {torch.__version__}, {torch.get_num_threads()} threads")
    return True


# ---------------------------------------------------------------------------------------- MNIST
def load_mnist_arrays():
    from engine.idx import load_mnist
    d = load_mnist()
    X = d.train_images.reshape(len(d.train_images), -1).astype(np.float32) / np.float32(255)
    Xt = d.test_images.reshape(len(d.test_images), -1).astype(np.float32) / np.float32(255)
    return X, d.train_labels, Xt, d.test_labels


def engine_mnist_epoch_fn(X, y, seed=0):
    rng = np.random.default_rng(seed)
    model = engine.mlp([784, 256, 128, 10], "relu", rng=rng)
    opt = engine.Adam(model.parameters(), lr=1e-3)
    trainer = engine.Trainer(model, engine.CrossEntropyLoss(), opt, X, y, batch_size=128, rng=rng)

    def epoch():
        t0 = time.perf_counter()
        for _ in trainer.run(1):
            pass
        return time.perf_counter() - t0
    return epoch, model


def torch_mnist_epoch_fn(X, y, fused, seed=0):
    torch.manual_seed(seed)
    net = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                              torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, **({"fused": True} if fused else {}))
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    n, bs = len(X), 128
    gen = torch.Generator().manual_seed(seed)

    def epoch():
        t0 = time.perf_counter()
        perm = torch.randperm(n, generator=gen)
        for i in range(0, n, bs):
            idx = perm[i:i + bs]
            xb, yb = Xt[idx], yt[idx]
            out = net(xb)
            loss = F.cross_entropy(out, yb)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss.item()  # the engine reports every batch loss as a Python float too
        return time.perf_counter() - t0
    return epoch


def bench_mnist(reps):
    header("MNIST epoch: 784-256-128-10 ReLU, batch 128, Adam 1e-3, float32, 60,000 images")
    have_torch = torch_note()
    X, y, Xt, yt = load_mnist_arrays()
    runners = {"engine": engine_mnist_epoch_fn(X, y)[0]}
    if have_torch:
        runners["torch eager"] = torch_mnist_epoch_fn(X, y, fused=False)
        runners["torch fused"] = torch_mnist_epoch_fn(X, y, fused=True)
    for fn in runners.values():  # warm-up epoch each (allocations, thread pools, caches)
        fn()
    times = {k: [] for k in runners}
    for r in range(reps):
        for k, fn in runners.items():
            times[k].append(fn())
        print(f"  round {r + 1}: " + ", ".join(f"{k} {v[-1]:.3f} s" for k, v in times.items()), flush=True)
    med = {k: median(v) for k, v in times.items()}
    print("  median seconds per epoch: " + ", ".join(f"{k} {v:.3f}" for k, v in med.items()))
    if have_torch:
        e = med["engine"]
        print(f"  engine / torch eager = {fmt_ratio(e, med['torch eager'])}  (target <= 0.75x)")
        print(f"  engine / torch fused = {fmt_ratio(e, med['torch fused'])}  (target <= 1.00x)")
    return med


def bench_preset():
    from engine.presets import MNIST_PRESET, MNIST_SEED
    from engine.recipe import build_loss, build_model_from_recipe, build_optimizer_from_recipe
    recipe, epochs = MNIST_PRESET["recipe"], MNIST_PRESET["epochs"]
    header(f"MNIST preset: {MNIST_PRESET.get('description', '')}")
    t0 = time.perf_counter()
    X, y, Xt, yt = load_mnist_arrays()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    rng = np.random.default_rng(MNIST_SEED)
    model = build_model_from_recipe(recipe, 784, 10, rng)
    opt = build_optimizer_from_recipe(recipe, model.parameters())
    trainer = engine.Trainer(model, build_loss(recipe), opt, X, y, batch_size=recipe["batch_size"], rng=rng)
    for rep in trainer.run(epochs):
        if isinstance(rep, engine.EpochReport):
            print(f"  epoch {rep.epoch:2d}: loss {rep.train_loss:.4f}, train accuracy {rep.train_metric:.4f}, "
                  f"{rep.seconds:.2f} s", flush=True)
    acc = engine.accuracy(engine.predict(model, Xt), yt)
    t_train = time.perf_counter() - t0
    print(f"  test accuracy {acc * 100:.2f}% (target >= 98.0%), training wall clock {t_train:.1f} s "
          f"(target < 30 s), data loading {t_load:.1f} s")
    return acc, t_train


# ---------------------------------------------------------------------------------------- tiny net
def spiral():
    d = make_dataset("spiral", n=500, noise=0.1, n_classes=2, rng=np.random.default_rng(0))
    X = Standardizer().fit_transform(d.X).astype(np.float32)
    return X, d.y


def bench_tiny(reps):
    header("Tiny net: 2-8-8-2 tanh, batch 10, SGD lr 0.03, 500-point spiral (µs per training step)")
    have_torch = torch_note()
    X, y = spiral()
    n, bs = len(X), 10
    res = {}

    def plain_loop(epochs):
        rng = np.random.default_rng(0)
        model = engine.mlp([2, 8, 8, 2], "tanh", rng=rng)
        loss_fn, opt = engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.03)
        steps = 0
        t0 = time.perf_counter()
        for _ in range(epochs):
            perm = rng.permutation(n)
            Xs, ys = X[perm], y[perm]
            for i in range(0, n, bs):
                out = model.forward(Xs[i:i + bs])
                loss_fn(out, ys[i:i + bs])
                opt.zero_grad()
                model.backward(loss_fn.backward())
                opt.step()
                steps += 1
        return (time.perf_counter() - t0) / steps * 1e6

    def trainer_run(epochs):
        rng = np.random.default_rng(0)
        model = engine.mlp([2, 8, 8, 2], "tanh", rng=rng)
        trainer = engine.Trainer(model, engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.03),
                                 X, y, batch_size=bs, rng=rng)
        t0 = time.perf_counter()
        for _ in trainer.run(epochs):
            pass
        return (time.perf_counter() - t0) / trainer.step * 1e6

    def torch_loop(epochs):
        torch.manual_seed(0)
        net = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(),
                                  torch.nn.Linear(8, 2))
        opt = torch.optim.SGD(net.parameters(), lr=0.03)
        Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
        steps = 0
        t0 = time.perf_counter()
        for _ in range(epochs):
            perm = torch.randperm(n)
            Xs, ys = Xt[perm], yt[perm]
            for i in range(0, n, bs):
                loss = F.cross_entropy(net(Xs[i:i + bs]), ys[i:i + bs])
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                steps += 1
        return (time.perf_counter() - t0) / steps * 1e6

    fns = {"engine plain loop": plain_loop, "engine Trainer.run": trainer_run}
    if have_torch:
        fns["torch"] = torch_loop
    for fn in fns.values():
        fn(2)  # warm-up
    times = {k: [] for k in fns}
    for _ in range(reps):
        for k, fn in fns.items():
            times[k].append(fn(20 if k != "torch" else 4))
    for k, v in times.items():
        res[k] = median(v)
        target = "  (target <= 35 µs)" if k.startswith("engine") else ""
        print(f"  {k:20s} {res[k]:7.1f} µs/step{target}")
    if have_torch:
        print(f"  torch / engine plain loop = {res['torch'] / res['engine plain loop']:.1f}x")
    return res


def bench_grid(reps):
    header("Class probabilities of the tiny net on a 200x200 grid (ms)")
    rng = np.random.default_rng(0)
    d = make_dataset("spiral", n=500, noise=0.1, n_classes=2, rng=np.random.default_rng(0))
    std = Standardizer().fit(d.X)
    model = engine.mlp([2, 8, 8, 2], "tanh", rng=rng)
    pipe = engine.Pipeline(model, "classification", 2, ("x1", "x2"), std.mean, std.scale)
    bounds = grid_bounds(d.X)
    pipe.decision_grid(bounds, 200)
    grid = pipe.transform(engine.make_grid(bounds, 200))

    def t(fn):
        ts = []
        for _ in range(reps):
            t0 = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - t0)
        return median(ts) * 1e3

    a = t(lambda: pipe.decision_grid(bounds, 200))
    b = t(lambda: engine.predict_proba(model, grid))

    def uncached():
        pipe._grid_key = None  # forget the cached grid inputs, as after the data's bounds change
        pipe.decision_grid(bounds, 200)
    c = t(uncached)
    print(f"  Pipeline.decision_grid (cached grid inputs)   {a:6.2f} ms  (target <= 3 ms)")
    print(f"  engine.predict_proba on the 40,000 grid rows  {b:6.2f} ms  (target <= 3 ms)")
    print(f"  Pipeline.decision_grid (new bounds each call) {c:6.2f} ms")
    return a, b


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer repetitions; skip the preset run")
    ap.add_argument("--only", default="mnist,preset,tiny,grid", help="comma-separated parts to run")
    ap.add_argument("--reps", type=int, default=0, help="MNIST rounds (default 7, quick 3)")
    ap.add_argument("--threads", type=int, default=0,
                    help="limit BLAS (NumPy, via threadpoolctl) and PyTorch to this many threads "
                         "(default: leave both at their defaults)")
    args = ap.parse_args(argv)
    if args.threads:
        try:
            from threadpoolctl import threadpool_limits
            threadpool_limits(limits=args.threads, user_api="blas")
            print(f"NumPy BLAS limited to {args.threads} thread(s)")
        except ImportError:
            print("threadpoolctl is not installed: NumPy's BLAS threads are not limited")
        if torch is not None:
            torch.set_num_threads(args.threads)
    parts = set(args.only.split(","))
    if args.quick:
        parts.discard("preset")
    print(f"numpy {np.__version__}, {os.cpu_count()} CPUs, python {sys.version.split()[0]}")
    if "mnist" in parts:
        bench_mnist(args.reps or (3 if args.quick else 7))
    if "preset" in parts:
        bench_preset()
    if "tiny" in parts:
        bench_tiny(3 if args.quick else 7)
    if "grid" in parts:
        bench_grid(20 if args.quick else 100)
    return 0


if __name__ == "__main__":
    sys.exit(main())
