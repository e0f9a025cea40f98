"""`python main.py train ...`: train a network headless, print progress and test metrics, save the model.

Examples:
    python main.py train                                   # circle, 2-8-8-2 tanh, SGD: the playground's start
    python main.py train --data spiral --hidden 16,16 --activation tanh --optimizer adam --lr 0.01
    python main.py train --data plane --hidden 16 --activation relu --optimizer adam --lr 0.01
    python main.py train --data mnist                      # the 98% preset (engine/presets.py)
    python main.py train --data mnist --preset quick --save digits.npz
    python main.py train --data points.csv --features x1,x2,x1^2,x2^2 --epochs 50
    python main.py train --data path/to/idx-folder --hidden 128 --epochs 3
"""
from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import numpy as np

from .api import PIXEL_SCALE as IMAGE_SCALE  # image inputs are pixel / 255 (one definition: engine/api.py)
from .api import pixels_to_inputs
from .errors import EngineError
from .layers import ACTIVATIONS
from .metrics import confusion_matrix, per_class_accuracy, r2_score, rmse
from .model import describe
from .pipeline import Pipeline
from .presets import MNIST_PRESETS
from .recipe import (
    CLASSIFICATION_LOSSES,
    DEFAULT_RECIPE,
    LOSSES,
    OPTIMIZER_NAMES,
    REGRESSION_LOSSES,
    build_loss,
    build_model_from_recipe,
    build_optimizer_from_recipe,
    build_transform_from_recipe,
    validate_recipe,
)
from .train import EpochReport, Trainer
from .train import predict as predict_scores


class CliError(Exception):
    """A problem with the command line that argparse cannot see (printed as 'error: ...')."""


def build_parser() -> argparse.ArgumentParser:
    from .data import CLASSIFICATION_PRESETS, FEATURES, REGRESSION_PRESETS
    presets = ", ".join([*CLASSIFICATION_PRESETS, *REGRESSION_PRESETS])
    p = argparse.ArgumentParser(
        prog="mlp-studio train", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Train a multi-layer perceptron without the window, print one line per epoch and the "
                    "final test metrics, and optionally save the model (open it in MLP Studio or with "
                    "engine.Pipeline.load).",
        epilog=__doc__.split("\n", 2)[2])
    d = p.add_argument_group("data")
    d.add_argument("--data", default="circle", metavar="NAME|FILE|FOLDER",
                   help=f"a preset ({presets}), 'mnist', a points .csv file, or a folder of IDX files "
                        "(default: circle)")
    d.add_argument("--n", type=int, default=500, help="points to generate for a preset (default 500)")
    d.add_argument("--noise", type=float, default=0.1, help="noise of a generated preset (default 0.1)")
    d.add_argument("--classes", type=int, default=2, help="classes of a classification preset (default 2)")
    d.add_argument("--test-fraction", type=float, default=0.2,
                   help="share of points held out for the test (default 0.2; images have their own test set)")
    d.add_argument("--val-fraction", type=float, default=0.0,
                   help="share of the training data used for validation each epoch (default 0)")
    d.add_argument("--limit", "--subset", type=int, default=None, metavar="N",
                   help="use at most the first N training examples (a quick run on part of MNIST)")
    n = p.add_argument_group("network and training (defaults: the playground's for points, the preset's for images)")
    n.add_argument("--preset", choices=sorted(MNIST_PRESETS), default=None,
                   help="an image recipe from engine/presets.py (default for image data: standard)")
    n.add_argument("--hidden", default=None, metavar="N,N,...",
                   help="hidden layer sizes, e.g. 8,8 ('' or 'none' for no hidden layer)")
    n.add_argument("--activation", default=None, metavar="NAME[,NAME...]",
                   help=f"one activation for all hidden layers or one per layer: {', '.join(ACTIVATIONS)}")
    n.add_argument("--features", default=None, metavar="F,F,...",
                   help=f"input features for 2D points, from: {', '.join(FEATURES)} (default x1,x2)")
    n.add_argument("--loss", choices=sorted(LOSSES), default=None,
                   help="default: cross_entropy for classification, mse for regression")
    n.add_argument("--optimizer", choices=OPTIMIZER_NAMES, default=None)
    n.add_argument("--lr", type=float, default=None, help="learning rate")
    n.add_argument("--momentum", type=float, default=None, help="momentum for --optimizer momentum")
    n.add_argument("--batch-size", type=int, default=None)
    n.add_argument("--l1", type=float, default=None, help="L1 penalty")
    n.add_argument("--l2", type=float, default=None, help="L2 penalty (weight decay)")
    n.add_argument("--dropout", type=float, default=None, help="dropout after every hidden layer")
    n.add_argument("--dtype", choices=("float32", "float64"), default=None)
    n.add_argument("--epochs", type=int, default=None, help="default: the preset's for images, 100 for points")
    n.add_argument("--seed", type=int, default=0, help="seed for data, weights and shuffling (default 0)")
    n.add_argument("--augment", choices=("on", "off"), default=None,
                   help="random shifts, rotations, slant, stroke width and elastic distortions of the training "
                        "images every epoch (engine/augment.py; default: the preset's)")
    o = p.add_argument_group("output")
    o.add_argument("--save", default=None, metavar="FILE.npz", help="save the trained model here")
    o.add_argument("--quiet", action="store_true", help="no per-epoch lines")
    o.add_argument("--checkpoint", default=None, metavar="FILE.npz",
                   help="save the model here after every epoch (to keep a long run's progress)")
    return p


# ------------------------------------------------------------------------------------------ data
class Data:
    """Training and test arrays ready for the network, plus what the saved Pipeline needs."""

    def __init__(self, name, task, n_classes, class_names, X, y, X_test, y_test, images, raw_dim):
        self.name, self.task, self.n_classes, self.class_names = name, task, n_classes, class_names
        self.X, self.y, self.X_test, self.y_test = X, y, X_test, y_test
        self.images, self.raw_dim = images, raw_dim
        self.is_classification = task == "classification"      # task: a Dataset's kind (engine.tasks.KINDS)


def load_data(args, rng) -> Data:
    """Points (preset or CSV) keep raw coordinates here; images become (n, h·w) float32 in [0, 1]."""
    from .data import CLASSIFICATION_PRESETS, REGRESSION_PRESETS, load_points_csv, make_dataset, train_test_split
    from .errors import DataError
    from .idx import load_idx_folder, load_mnist
    src = args.data
    path = Path(src)
    is_preset = src in CLASSIFICATION_PRESETS or src in REGRESSION_PRESETS
    if src.lower() == "mnist" or (path.is_dir() and not is_preset):
        img = load_mnist() if src.lower() == "mnist" else load_idx_folder(path)
        X = img.train_images.reshape(len(img.train_images), -1)
        Xt = img.test_images.reshape(len(img.test_images), -1)
        X, Xt = pixels_to_inputs(X), pixels_to_inputs(Xt)  # exactly what the saved Pipeline computes
        return Data(img.name, "classification", img.n_classes, img.class_names, X, img.train_labels, Xt,
                    img.test_labels, True, X.shape[1])
    if is_preset:
        ds = make_dataset(src, n=args.n, noise=args.noise, n_classes=args.classes, rng=rng)
    elif path.is_file():
        ds = load_points_csv(path)
    else:
        names = ", ".join([*CLASSIFICATION_PRESETS, *REGRESSION_PRESETS])
        raise DataError(f"--data {src!r} is neither a preset ({names}), 'mnist', a CSV file nor an IDX folder")
    X, y, Xt, yt = train_test_split(ds.X, ds.y, args.test_fraction, rng)
    return Data(ds.name, ds.task, ds.n_classes, ds.class_names or tuple(str(i) for i in range(ds.n_classes)),
                X, y, Xt, yt, False, ds.X.shape[1])


# ------------------------------------------------------------------------------------------ recipe
def _int_list(text: str, what: str) -> list[int]:
    text = text.strip()
    if text.lower() in ("", "none", "0"):
        return []
    try:
        return [int(s) for s in text.split(",")]
    except ValueError:
        raise CliError(f"--{what} must be comma-separated whole numbers, got {text!r}") from None


def make_recipe(args, data: Data) -> tuple[dict, int]:
    """The recipe (validated) and number of epochs from the defaults, the preset and the options."""
    args.lr_decay = 1.0
    if data.images:
        preset = MNIST_PRESETS[args.preset or "standard"]
        recipe, epochs = copy.deepcopy(preset["recipe"]), preset["epochs"]
        args.lr_decay = preset.get("lr_decay", 1.0)
    else:
        if args.preset:
            raise CliError("--preset is for image data (mnist or an IDX folder)")
        recipe, epochs = copy.deepcopy(DEFAULT_RECIPE), 100
        recipe["features"] = ["x1", "x2"] if data.raw_dim == 2 else ["x1"]
        recipe["loss"] = "cross_entropy" if data.is_classification else "mse"
    if args.hidden is not None:
        units = _int_list(args.hidden, "hidden")
        old_acts = [h["activation"] for h in recipe["hidden"]] or ["relu"]
        recipe["hidden"] = [{"units": u, "activation": old_acts[min(i, len(old_acts) - 1)]}
                            for i, u in enumerate(units)]
    if args.activation is not None:
        acts = [a.strip() for a in args.activation.split(",")]
        if len(acts) == 1:
            acts = acts * len(recipe["hidden"])
        if len(acts) != len(recipe["hidden"]):
            raise CliError(f"--activation gives {len(acts)} names for {len(recipe['hidden'])} hidden layers")
        for h, a in zip(recipe["hidden"], acts, strict=True):
            h["activation"] = a
    if args.features is not None:
        if data.images:
            raise CliError("--features is for 2D points; image pixels are used as they are")
        recipe["features"] = [f.strip() for f in args.features.split(",") if f.strip()]
    for key in ("loss", "optimizer", "lr", "momentum", "batch_size", "l1", "l2", "dropout", "dtype"):
        value = getattr(args, key)
        if value is not None:
            recipe[key] = value
    if args.augment is not None:
        if not data.images and args.augment == "on":
            raise CliError("--augment is for image data (mnist or an IDX folder)")
        recipe["augment"] = args.augment == "on"
    if args.epochs is not None:
        epochs = args.epochs
    if epochs < 1:
        raise CliError(f"--epochs must be at least 1, got {epochs}")
    recipe = validate_recipe(recipe)
    wanted = CLASSIFICATION_LOSSES if data.is_classification else REGRESSION_LOSSES
    if recipe["loss"] not in wanted:
        raise CliError(f"--loss {recipe['loss']} does not fit {data.task} data; use one of {', '.join(wanted)}")
    if recipe["loss"] == "bce" and data.n_classes != 2:
        raise CliError(f"--loss bce needs exactly 2 classes, the data has {data.n_classes}")
    return recipe, epochs


# ------------------------------------------------------------------------------------------ run
def _pct(v: float) -> str:
    return f"{100 * v:5.1f}%"


def _metric(v: float, name: str) -> str:
    return f"accuracy {_pct(v)}" if name == "accuracy" else f"R² {v:.4f}"


def run(args, out=None) -> int:
    from .data import Standardizer, expand_features, train_test_split
    say = lambda *a: print(*a, file=out or sys.stdout, flush=True)  # noqa: E731
    for name, value, low, high in (("--test-fraction", args.test_fraction, 0.0, 0.9),
                                   ("--val-fraction", args.val_fraction, 0.0, 0.9)):
        if not low <= value <= high:
            raise CliError(f"{name} must be between {low} and {high}, got {value}")
    if args.limit is not None and args.limit < 1:
        raise CliError(f"--limit must be at least 1, got {args.limit}")
    rng = np.random.default_rng(args.seed)
    t0 = time.perf_counter()
    data = load_data(args, rng)
    recipe, epochs = make_recipe(args, data)
    X, y = data.X, data.y
    if args.limit is not None:
        X, y = X[:args.limit], y[:args.limit]
    X_val = y_val = None
    if args.val_fraction > 0:
        X, y, X_val, y_val = train_test_split(X, y, args.val_fraction, rng)

    # inputs: images are already in [0, 1]; points go through features and standardisation
    if data.images:
        mean, std = np.zeros(data.raw_dim), np.full(data.raw_dim, IMAGE_SCALE)
        prep = (lambda A: A)  # noqa: E731
    else:
        feats = recipe["features"]
        scaler = Standardizer().fit(expand_features(X, feats))
        mean, std = scaler.mean, scaler.scale
        prep = (lambda A: scaler.transform(expand_features(A, feats)))  # noqa: E731
    dtype = np.dtype(recipe["dtype"])
    Xn = np.ascontiguousarray(prep(X), dtype)
    Xv = None if X_val is None else np.ascontiguousarray(prep(X_val), dtype)
    n_out = data.n_classes if data.is_classification else 1
    model = build_model_from_recipe(recipe, Xn.shape[1], n_out, rng)
    optimizer = build_optimizer_from_recipe(recipe, model.parameters())
    loss_fn = build_loss(recipe)
    trainer = Trainer(model, loss_fn, optimizer, Xn, y, batch_size=recipe["batch_size"], rng=rng,
                      X_val=Xv, y_val=y_val, transform=build_transform_from_recipe(recipe, Xn.shape[1]))

    what = f"{data.n_classes} classes" if data.is_classification else "regression"
    say(f"data: {data.name} ({what}): {len(Xn):,} training, {0 if Xv is None else len(Xv):,} validation, "
        f"{len(data.X_test):,} test examples (loaded in {time.perf_counter() - t0:.1f} s)")
    opt_text = recipe["optimizer"]
    if opt_text == "momentum":
        opt_text += f" ({recipe['momentum']:g})"
    say(f"network: {describe(model)}, {model.num_parameters():,} parameters, {recipe['dtype']}"
        + ("" if data.images else f"; features {', '.join(recipe['features'])}"))
    say(f"training: {epochs} epoch{'s' if epochs != 1 else ''}, loss {recipe['loss']}, {opt_text} lr {recipe['lr']:g}, "
        f"batch {recipe['batch_size']}" + "".join(f", {k} {recipe[k]:g}" for k in ("l1", "l2", "dropout") if recipe[k])
        + (f", lr ×{args.lr_decay:g} per epoch" if args.lr_decay != 1 else "")
        + (", augmented (" + ", ".join(f"{k} {v:g}" for k, v in recipe["augment"].items()) + ")"
           if recipe["augment"] else ""))

    width = len(str(epochs))
    t_train = time.perf_counter()
    try:
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported below, not as warnings
            for r in trainer.run(epochs):
                if isinstance(r, EpochReport) and not args.quiet:
                    val = "" if Xv is None else f" | val loss {r.val_loss:.4f} {_metric(r.val_metric, r.metric_name)}"
                    say(f"epoch {r.epoch:{width}d}/{epochs}  loss {r.train_loss:.4f}  "
                        f"{_metric(r.train_metric, r.metric_name)}{val}  ({r.seconds:.2f} s)")
                if isinstance(r, EpochReport):
                    if args.lr_decay != 1:
                        optimizer.lr = optimizer.lr * args.lr_decay
                    if args.checkpoint:
                        _pipeline(model, data, recipe, mean, std, {
                            "data": data.name, "epochs": trainer.epoch, "steps": trainer.step, "seed": args.seed,
                            "recipe": recipe, "trained_with": "main.py train (checkpoint)"}).save(args.checkpoint)
    except KeyboardInterrupt:
        say(f"interrupted during epoch {trainer.epoch}; evaluating the network as it is")
    train_seconds = time.perf_counter() - t_train

    # test metrics
    Xt = np.ascontiguousarray(prep(data.X_test), dtype) if len(data.X_test) else None
    meta = {"data": data.name, "epochs": trainer.epoch, "steps": trainer.step, "seed": args.seed,
            "recipe": recipe, "trained_with": "main.py train"}
    say(f"trained {trainer.epoch} epoch{'s' if trainer.epoch != 1 else ''} ({trainer.step:,} steps) "
        f"in {train_seconds:.2f} s")
    if Xt is None:
        say("test: no test examples (use --test-fraction > 0)")
    else:
        test_loss, test_metric = trainer.evaluate(Xt, data.y_test)
        if data.is_classification:
            pred = predict_scores(model, Xt)
            say(f"test: loss {test_loss:.4f}, accuracy {_pct(test_metric).strip()} "
                f"({int(round(test_metric * len(Xt))):,} of {len(Xt):,} right)")
            labels = pred.argmax(axis=1) if pred.shape[1] > 1 else (pred[:, 0] > 0).astype(np.int64)
            per = per_class_accuracy(data.y_test, labels, data.n_classes)
            if data.n_classes <= 20:
                say("per class: " + ", ".join(f"{name} {_pct(a).strip() if np.isfinite(a) else '—'}"
                                              for name, a in zip(data.class_names, per, strict=True)))
            if data.n_classes <= 10:
                cm = confusion_matrix(data.y_test, labels, data.n_classes)
                w = max(len(str(cm.max())), max(len(s) for s in data.class_names), 3)
                say("confusion matrix (rows: true class, columns: predicted):")
                say(" " * (w + 1) + " ".join(f"{s:>{w}}" for s in data.class_names))
                for name, row in zip(data.class_names, cm, strict=True):
                    say(f"{name:>{w}} " + " ".join(f"{v:>{w}d}" for v in row))
            meta["test_accuracy"] = float(test_metric)
        else:
            pred = predict_scores(model, Xt)[:, 0]
            say(f"test: loss {test_loss:.4f}, RMSE {rmse(pred, data.y_test):.4f}, R² {r2_score(pred, data.y_test):.4f}")
            meta["test_r2"] = float(test_metric)
    if args.save:
        pipe = _pipeline(model, data, recipe, mean, std, meta)
        try:
            pipe.save(args.save)
        except OSError as exc:
            raise CliError(f"cannot save the model to {args.save}: {exc.strerror or exc}") from None
        say(f"saved the model to {args.save}")
    return 0


def _pipeline(model, data, recipe, mean, std, meta) -> Pipeline:
    return Pipeline(model, data.task, data.n_classes if data.is_classification else 0,
                    None if data.images else tuple(recipe["features"]), mean, std,
                    tuple(data.class_names) if data.is_classification else (), meta)


def main(argv: list[str] | None = None) -> int:
    """Entry point for `python main.py train ...`; returns the exit code (0 ok, 1 error, 2 usage, 130 ^C)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help or a usage error: argparse has printed its message
        return int(exc.code or 0)
    try:
        return run(args)
    except (CliError, EngineError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


# ------------------------------------------------------------------------------------------ export
def build_export_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="mlp-studio export",
        description="Write a saved model (.npz from MLP Studio or `mlp-studio train --save`) as a standalone "
                    "Python file: --torch builds the same torch.nn.Sequential (features, scaling, layers) and "
                    "loads the weights from FILE_weights.npz beside it; --numpy needs only NumPy.")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--torch", action="store_true", help="a PyTorch script (PyTorch is needed only to run it)")
    kind.add_argument("--numpy", action="store_true", help="a NumPy-only script with the weights inside")
    p.add_argument("model", metavar="MODEL.npz", help="the saved model")
    p.add_argument("-o", "--output", default=None, metavar="FILE.py",
                   help="where to write the script (default: MODEL_torch.py or MODEL_numpy.py beside the model)")
    return p


def export_main(argv: list[str] | None = None, out=None) -> int:
    """`mlp-studio export --torch|--numpy MODEL.npz [-o FILE.py]`; returns the exit code (0 ok, 1 error, 2 usage)."""
    parser = build_export_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    say = lambda *a: print(*a, file=out or sys.stdout, flush=True)  # noqa: E731
    model_path = Path(args.model)
    default = model_path.with_name(model_path.stem + ("_torch.py" if args.torch else "_numpy.py"))
    target = Path(args.output) if args.output else default
    try:
        pipe = Pipeline.load(model_path)
        title = f"{pipe.meta.get('data', model_path.stem)} network exported from MLP Studio"
        if args.torch:
            from .torch_export import export_torch
            script, weights = export_torch(pipe, target, title=title)
            say(f"wrote {script} and its weights {weights.name}; run it with: python {script.name} (needs torch)")
        else:
            from .export import numpy_script
            from .fileio import atomic_write_bytes
            atomic_write_bytes(target, numpy_script(pipe, title=title).encode("utf-8"))
            say(f"wrote {target}; run it with: python {target.name} (needs numpy)")
    except (EngineError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
