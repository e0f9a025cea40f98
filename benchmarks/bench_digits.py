"""Reading digits from other hands: robustness sets, augmentation cost and the *accurate* preset.

    python benchmarks/bench_digits.py                 # everything (a few minutes on two cores)
    python benchmarks/bench_digits.py --n 300 --skip-accurate
    python benchmarks/bench_digits.py --only epoch    # the augmentation's cost only

Prints
- per robustness set (tests/robustness.py: MNIST test digits thickened, thinned, rotated, sheared,
  slanted, redrawn with a constant-width pen, pasted on the 280×280 canvas; all passed through
  engine.digits.prepare), the accuracy of the shipped model and of a *standard* preset model
  (trained here with seed 0, or the file given with --baseline);
- the time of one training epoch on the 60,000 MNIST images with and without augmentation, for the
  standard and the robust presets' networks (wall clock and this process's CPU time, medians of five
  blocks of batches: on a shared machine the CPU time is the steadier figure);
- the MNIST test set read raw and through engine.digits.prepare, and prepare's time for a digit pasted
  at a random size and place on the Draw tab's 280×280 canvas (CPU milliseconds, median of five rounds);
- the *accurate* preset's MNIST test accuracy and training seconds (seed 0).
BLAS runs on one thread (as the app does while training).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import robustness  # noqa: E402

from engine import digits  # noqa: E402
from engine.idx import load_mnist  # noqa: E402
from engine.pipeline import Pipeline  # noqa: E402
from engine.presets import mnist_preset  # noqa: E402
from engine.recipe import (  # noqa: E402
    build_loss,
    build_model_from_recipe,
    build_optimizer_from_recipe,
    build_transform_from_recipe,
    validate_recipe,
)
from engine.train import EpochReport, Trainer  # noqa: E402

SHIPPED = ROOT / "resources" / "models" / "mnist_mlp.npz"


def train_preset(name: str, data, *, epochs=None, seed=0):
    """Train an MNIST preset as `main.py train --preset name` does; (pipeline, seconds, epoch seconds)."""
    p = mnist_preset(name)
    r = p["recipe"]
    X = (data.train_images.reshape(len(data.train_images), -1) / 255.0).astype(np.float32)
    rng = np.random.default_rng(seed)
    model = build_model_from_recipe(r, 784, 10, rng)
    opt = build_optimizer_from_recipe(r, model.parameters())
    tr = Trainer(model, build_loss(r), opt, X, data.train_labels, batch_size=r["batch_size"], rng=rng,
                 transform=build_transform_from_recipe(r, 784))
    decay = p.get("lr_decay", 1.0)
    t0 = time.perf_counter()
    epoch_seconds = []
    for rep in tr.run(p["epochs"] if epochs is None else epochs):
        if isinstance(rep, EpochReport):
            epoch_seconds.append(rep.seconds)
            opt.lr = opt.lr * decay
    seconds = time.perf_counter() - t0
    pipe = Pipeline(model, "classification", 10, None, np.zeros(784), np.full(784, 255.0),
                    tuple(data.class_names), {"preset": name})
    return pipe, seconds, epoch_seconds


def test_accuracy(pipe, data) -> float:
    X = data.test_images.reshape(len(data.test_images), -1).astype(np.float64)
    return float(np.mean(pipe.predict_proba(X).argmax(axis=1) == data.test_labels))


def prepared_accuracy(pipe, data) -> float:
    """MNIST test accuracy when every test image first goes through engine.digits.prepare."""
    X = np.stack([digits.prepare(a) for a in data.test_images]).reshape(len(data.test_images), -1)
    return float(np.mean(pipe.predict_proba(X.astype(np.float64)).argmax(axis=1) == data.test_labels))


def prepare_ms(data, n: int = 200, rounds: int = 5) -> float:
    """CPU milliseconds of one engine.digits.prepare call on a 280×280 canvas holding an MNIST test digit
    enlarged to 120–270 pixels at a random place (median of `rounds` rounds over n canvases)."""
    rng = np.random.default_rng(0)
    canvases = []
    for a in data.test_images[:n]:
        h = int(rng.integers(120, 271))
        r, c = (int(v) for v in rng.integers(0, 280 - h + 1, size=2))
        canvases.append(digits.place_digit(a, 280, h, (r, c)))
    times = []
    for _ in range(rounds):
        t0 = time.process_time()
        for c in canvases:
            digits.prepare(c)
        times.append((time.process_time() - t0) / n * 1000)
    return float(np.median(times))


def epoch_time(name: str, data, augment: bool, batches: int = 150, blocks: int = 5) -> tuple[float, float]:
    """(wall, CPU) seconds for one epoch (469 batches of 128), each the median over `blocks` timings of
    `batches` / `blocks` batches. The machine is shared: the median ignores a block slowed by another
    process, and the process's CPU time (one BLAS thread, no other threads) barely depends on the load."""
    p = mnist_preset(name)
    r = dict(p["recipe"])
    X = (data.train_images.reshape(len(data.train_images), -1) / 255.0).astype(np.float32)
    rng = np.random.default_rng(0)
    r = validate_recipe(r | {"augment": r["augment"] or True} if augment else r | {"augment": None})
    model = build_model_from_recipe(r, 784, 10, rng)
    opt = build_optimizer_from_recipe(r, model.parameters())
    tr = Trainer(model, build_loss(r), opt, X, data.train_labels, batch_size=r["batch_size"], rng=rng,
                 transform=build_transform_from_recipe(r, 784))
    it = tr.run(1)
    for _ in range(10):       # warm up
        next(it)
    per_block = max(1, batches // blocks)
    wall, cpu = [], []
    for _ in range(blocks):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(per_block):
            next(it)
        wall.append((time.perf_counter() - t0) / per_block)
        cpu.append((time.process_time() - c0) / per_block)
    n_batches = -(-len(X) // r["batch_size"])
    return float(np.median(wall)) * n_batches, float(np.median(cpu)) * n_batches


def print_epoch_times(data, batches: int = 150) -> None:
    print(f"one training epoch on 60,000 images (median of 5 blocks from {batches} timed batches, "
          "BLAS on one thread; wall clock, and CPU time of this process):")
    for name in ("standard", "robust"):
        (off, off_cpu), (on, on_cpu) = epoch_time(name, data, False, batches), epoch_time(name, data, True, batches)
        print(f"  {name:<9} network: {off:5.2f} s without augmentation, {on:5.2f} s with (×{on / off:.2f}); "
              f"CPU {off_cpu:5.2f} s → {on_cpu:5.2f} s (×{on_cpu / off_cpu:.2f})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="MNIST test images per robustness set (default 1000)")
    ap.add_argument("--baseline", default=None, help="a model file to compare with (default: train 'standard')")
    ap.add_argument("--model", default=str(SHIPPED), help="the model to test (default: the shipped one)")
    ap.add_argument("--skip-accurate", action="store_true", help="do not train the accurate preset")
    ap.add_argument("--skip-epochs", action="store_true", help="do not time epochs")
    ap.add_argument("--only", choices=("epoch",), default=None,
                    help="epoch: only the epoch times with and without augmentation (about a minute)")
    args = ap.parse_args()
    data = load_mnist()
    if args.only == "epoch":
        with threadpool_limits(1):
            print_epoch_times(data)
        return
    with threadpool_limits(1):
        shipped = Pipeline.load(args.model)
        if args.baseline:
            base, base_name = Pipeline.load(args.baseline), Path(args.baseline).name
        else:
            base, secs, _ = train_preset("standard", data)
            base_name = f"standard (trained here, {secs:.0f} s)"
        print(f"MNIST test set: shipped {100 * test_accuracy(shipped, data):.2f}%, "
              f"{base_name} {100 * test_accuracy(base, data):.2f}%")
        print(f"MNIST test set through engine.digits.prepare: shipped {100 * prepared_accuracy(shipped, data):.2f}%, "
              f"{base_name} {100 * prepared_accuracy(base, data):.2f}%")
        print(f"engine.digits.prepare on a 280×280 canvas: {prepare_ms(data):.2f} ms CPU per call", flush=True)
        imgs, labels = data.test_images[:args.n], data.test_labels[:args.n]
        t0 = time.perf_counter()
        sets = robustness.build(imgs)
        print(f"\nrobustness sets: {args.n} MNIST test digits each, through engine.digits.prepare "
              f"(built in {time.perf_counter() - t0:.0f} s)")
        print(f"{'set':<16}{'shipped':>10}{'standard':>10}")
        worst = 1.0
        for name, ims in sets.items():
            a, b = robustness.accuracy(shipped, ims, labels), robustness.accuracy(base, ims, labels)
            worst = min(worst, a)
            print(f"{name:<16}{100 * a:>9.1f}%{100 * b:>9.1f}%", flush=True)
        print(f"worst set, shipped model: {100 * worst:.1f}%")
        if not args.skip_epochs:
            print()
            print_epoch_times(data)
        if not args.skip_accurate:
            pipe, secs, _ = train_preset("accurate", data)
            print(f"\naccurate preset: {100 * test_accuracy(pipe, data):.2f}% MNIST test accuracy, "
                  f"trained in {secs:.1f} s")


if __name__ == "__main__":
    main()
