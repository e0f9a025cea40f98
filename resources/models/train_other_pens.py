"""Train the shipped MNIST model: the `robust` preset on the training digits plus a copy of each drawn with
another pen and read through engine.digits.prepare. Run from the repository root:

    OPENBLAS_NUM_THREADS=1 python resources/models/train_other_pens.py --out resources/models/mnist_mlp.npz --max-grow 7

Why: a digit written with a pen two or three times MNIST's width reaches the network through `prepare`,
which redraws its strokes at MNIST's width — but where the heavy pen filled a loop (the eye of a 6, 8 or 9,
the gap of a 4) the filled blob stays, and MNIST's training images never look like that. So the network
(the `robust` preset's recipe: 784-512-256-10, dropout 0.1, Adam 0.001 × 0.95 per epoch, batch 128, 60
epochs, on-the-fly augmentation by engine/augment.py, seed 0) learns from the 60,000 training images as
they are plus one copy of each drawn again at twice MNIST's resolution — half of them with the ink grown
or shrunk by a random radius (MIN_GROW … max-grow pixels, distance transform), half with its middle line
redrawn by a round pen of constant radius 0.5 … max-grow — and then passed through `prepare`, exactly as
a drawing is. Both halves get the augmentation. Only training images are used; the test set is read
once at the end, for the accuracy printed and stored in the file.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from scipy import ndimage as ndi

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine import digits  # noqa: E402
from engine.errors import DataError  # noqa: E402
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

UP = 2            # the pen is applied at twice MNIST's resolution (strokes about 5 pixels wide there)
MAX_GROW = 7.0    # the largest pen radius or growth there: strokes up to about 9.5 MNIST pixels wide (×3.6)
MIN_GROW = -1.2   # the most it shrinks: 2.6 → about 1.4 MNIST pixels wide


def other_pen(img: np.ndarray, grow: float, constant: bool) -> np.ndarray:
    """A 28×28 uint8 digit drawn again at UP× resolution (float 0–255): its ink grown by `grow` pixels
    (shrunk if negative), or with `constant` its middle line (ridges of the distance transform) drawn
    with a round pen of radius `grow` (a pen of constant width)."""
    up = ndi.zoom(img.astype(np.float64), UP, order=1, grid_mode=True, mode="grid-constant")
    ink = np.pad(up > 127, int(np.ceil(abs(grow))) + 2)
    if constant:
        dist = ndi.distance_transform_edt(ink)
        ink = ink & (dist >= ndi.maximum_filter(dist, size=3)) & (dist >= 1.0)
        grow = max(grow, 0.5)
    if grow >= 0:
        new = ndi.distance_transform_edt(~ink) <= grow
    else:
        new = ndi.distance_transform_edt(ink) > -grow
    return ndi.gaussian_filter(new * 255.0, 0.6)


def other_pen_set(images, rng, max_grow: float = None) -> np.ndarray:
    """One copy of every image drawn with another pen, read through digits.prepare: (n, 784) float32 in
    [0, 1]. Half are the ink grown by MIN_GROW…MAX_GROW pixels, half redrawn with a constant pen of radius
    0.5…MAX_GROW (UP× resolution); a copy the pen erased is replaced by the image itself."""
    hi = MAX_GROW if max_grow is None else max_grow
    constant = rng.random(len(images)) < 0.5
    radii = np.where(constant, rng.uniform(0.5, hi, len(images)), rng.uniform(MIN_GROW, hi, len(images)))
    out = np.empty((len(images), 784), np.float32)
    for i, (img, r, c) in enumerate(zip(images, radii, constant, strict=True)):
        try:
            out[i] = digits.prepare(other_pen(img, r, c)).ravel() / 255.0
        except DataError:
            out[i] = digits.prepare(img).ravel() / 255.0
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, help="the model file to write")
    ap.add_argument("--epochs", type=int, default=None, help="default: the robust preset's (60)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-grow", type=float, default=MAX_GROW, help="largest pen radius or growth (2× pixels)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    preset = mnist_preset("robust")
    recipe = validate_recipe(preset["recipe"])
    epochs = preset["epochs"] if args.epochs is None else args.epochs
    data = load_mnist()
    rng = np.random.default_rng(args.seed)
    pens = other_pen_set(data.train_images, rng, args.max_grow)
    print(f"other-pen copies of the training images made in {time.perf_counter() - t0:.0f} s", flush=True)
    X = np.concatenate([(data.train_images.reshape(-1, 784) / 255.0).astype(np.float32), pens])
    y = np.concatenate([data.train_labels, data.train_labels])
    model = build_model_from_recipe(recipe, 784, 10, np.random.default_rng(args.seed))
    opt = build_optimizer_from_recipe(recipe, model.parameters())
    tr = Trainer(model, build_loss(recipe), opt, X, y, batch_size=recipe["batch_size"], rng=rng,
                 transform=build_transform_from_recipe(recipe, 784))
    for rep in tr.run(epochs):
        if isinstance(rep, EpochReport):
            print(f"epoch {rep.epoch}: loss {rep.train_loss:.4f}, {rep.seconds:.0f} s", flush=True)
            opt.lr = opt.lr * preset.get("lr_decay", 1.0)
    seconds = time.perf_counter() - t0
    meta = {"data": "MNIST", "epochs": epochs, "steps": tr.step, "seed": args.seed, "recipe": recipe,
            "trained_with": "resources/models/train_other_pens.py",
            "other_pens": {"copies": len(pens), "up": UP, "min_grow": MIN_GROW, "max_grow": args.max_grow},
            "seconds": round(seconds)}
    pipe = Pipeline(model, "classification", 10, None, np.zeros(784), np.full(784, 255.0),
                    tuple(data.class_names), meta)
    acc = float(np.mean(pipe.predict(data.test_images.reshape(-1, 784).astype(np.float64)) == data.test_labels))
    pipe.meta["test_accuracy"] = round(acc, 4)
    pipe.save(args.out)
    print(f"MNIST test accuracy {100 * acc:.2f}%; {seconds:.0f} s in all; saved {args.out}")


if __name__ == "__main__":
    main()
