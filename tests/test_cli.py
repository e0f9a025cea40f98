"""`python main.py train`: headless training on presets, CSV files and IDX folders."""
import gzip
import io
import re
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
from engine.cli import build_parser, run
from engine.cli import main as cli_main
from engine.data import make_dataset, save_points_csv

ROOT = Path(__file__).resolve().parent.parent


def run_main(*args, timeout=120):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "train", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def test_train_a_preset_in_a_subprocess_and_save(tmp_path):
    model_file = tmp_path / "spiral.npz"
    r = run_main("--data", "spiral", "--n", "200", "--hidden", "8,8", "--activation", "tanh", "--epochs", "2",
                 "--seed", "3", "--save", str(model_file))
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    out = r.stdout
    assert re.search(r"epoch 1/2 .*loss \d+\.\d+ .*accuracy", out)
    assert re.search(r"epoch 2/2 ", out)
    assert "epoch 3/2" not in out
    m = re.search(r"test: loss (\d+\.\d+), accuracy +(\d+\.\d)%", out)
    assert m, out
    pipe = engine.Pipeline.load(model_file)
    assert pipe.features == ("x1", "x2") and pipe.task == "classification" and pipe.meta["epochs"] == 2
    assert engine.model.describe(pipe.model) == "2-8-8-2 tanh"
    # the saved model reproduces the printed test accuracy on the same held-out points
    rng = np.random.default_rng(3)                 # the CLI draws data, then the split, from --seed
    d = make_dataset("spiral", n=200, noise=0.1, n_classes=2, rng=rng)
    _, _, Xt, yt = engine.data.train_test_split(d.X, d.y, 0.2, rng)
    printed = float(m.group(2)) / 100
    assert engine.accuracy(pipe.predict(Xt), yt) == pytest.approx(printed, abs=0.0006)
    assert pipe.meta["test_accuracy"] == pytest.approx(printed, abs=0.0006)


def test_train_on_a_csv_file_in_a_subprocess(tmp_path):
    csv = tmp_path / "points.csv"
    save_points_csv(csv, make_dataset("blobs", n=150, noise=0.2, n_classes=3, rng=np.random.default_rng(0)))
    r = run_main("--data", str(csv), "--hidden", "6", "--activation", "relu", "--optimizer", "adam",
                 "--lr", "0.02", "--epochs", "20", "--features", "x1,x2,x1^2")
    assert r.returncode == 0, r.stderr
    assert "data: points (3 classes)" in r.stdout
    assert "epoch 20/20" in r.stdout
    acc = float(re.search(r"test: loss \S+, accuracy +(\d+\.\d)%", r.stdout).group(1))
    assert acc >= 80.0
    assert "confusion matrix" in r.stdout


def test_regression_preset_prints_r2(capsys, tmp_path):
    rc = cli_main(["--data", "plane", "--hidden", "8", "--optimizer", "adam", "--lr", "0.02", "--epochs", "30",
                   "--val-fraction", "0.2", "--save", str(tmp_path / "plane.npz")])
    out = capsys.readouterr().out
    assert rc == 0
    assert "| val loss" in out
    r2 = float(re.search(r"test: loss \S+, RMSE \S+, R² (-?\d+\.\d+)", out).group(1))
    assert r2 > 0.95
    pipe = engine.Pipeline.load(tmp_path / "plane.npz")
    assert pipe.task == "regression" and pipe.predict(np.zeros((3, 2))).shape == (3,)


def test_quiet_prints_no_epoch_lines(capsys):
    assert cli_main(["--data", "xor", "--n", "100", "--epochs", "3", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "epoch 1/3" not in out and "test:" in out


def write_idx(path, array):
    dims = array.shape
    code = {np.dtype(np.uint8): 0x08}[array.dtype]
    head = bytes([0, 0, code, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims)
    with gzip.open(path, "wb") as f:
        f.write(head + array.tobytes())


def test_train_on_an_idx_folder(tmp_path, capsys):
    """Tiny fake 'digits': class k is a bright k-th row, on 8×8 images."""
    rng = np.random.default_rng(0)

    def images(n):
        y = rng.integers(0, 4, n)
        x = rng.integers(0, 60, (n, 8, 8)).astype(np.uint8)
        x[np.arange(n), y * 2, :] = 250
        return x, y.astype(np.uint8)

    folder = tmp_path / "idx"
    folder.mkdir()
    (xtr, ytr), (xte, yte) = images(300), images(100)
    write_idx(folder / "train-images-idx3-ubyte.gz", xtr)
    write_idx(folder / "train-labels-idx1-ubyte.gz", ytr)
    write_idx(folder / "t10k-images-idx3-ubyte.gz", xte)
    write_idx(folder / "t10k-labels-idx1-ubyte.gz", yte)
    save = tmp_path / "digits.npz"
    rc = cli_main(["--data", str(folder), "--preset", "tiny", "--epochs", "15", "--batch-size", "16",
                   "--lr", "0.01", "--save", str(save)])
    out = capsys.readouterr().out
    assert rc == 0
    assert "network: 64-32-10 relu" in out
    acc = float(re.search(r"test: loss \S+, accuracy +(\d+\.\d)%", out).group(1))
    assert acc >= 90
    pipe = engine.Pipeline.load(save)
    assert pipe.features is None
    raw = xte.reshape(100, -1)
    assert engine.accuracy(pipe.predict(raw), yte) == pytest.approx(acc / 100, abs=0.006)


@pytest.mark.parametrize("args,expected", [
    (["--data", "no-such-thing"], "no-such-thing"),
    (["--data", "spiral", "--hidden", "8,x"], "--hidden"),
    (["--data", "spiral", "--activation", "swish"], "swish"),
    (["--data", "spiral", "--hidden", "4,4", "--activation", "relu,tanh,relu"], "--activation"),
    (["--data", "spiral", "--lr", "-1"], "lr"),
    (["--data", "spiral", "--epochs", "0"], "--epochs"),
    (["--data", "spiral", "--loss", "mse"], "mse"),
    (["--data", "spiral", "--classes", "3", "--loss", "bce"], "bce"),
    (["--data", "spiral", "--features", "x1,x9"], "x9"),
    (["--data", "spiral", "--test-fraction", "2"], "--test-fraction"),
    (["--data", "spiral", "--preset", "quick"], "--preset"),
])
def test_bad_options_give_a_clear_error(capsys, args, expected):
    rc = cli_main(args)
    err = capsys.readouterr().err
    assert rc == 1
    assert err.startswith("error: ") and expected in err
    assert "Traceback" not in err


def test_bad_csv_and_usage_errors(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n1,2,0\n1,two,1\n")
    assert cli_main(["--data", str(bad)]) == 1
    assert "bad.csv" in capsys.readouterr().err
    assert cli_main(["--optimizer", "rmsprop"]) == 2          # argparse's own usage error
    assert "rmsprop" in capsys.readouterr().err
    assert cli_main(["--help"]) == 0
    assert "--data" in capsys.readouterr().out


def test_divergence_is_reported_not_a_traceback(capsys):
    rc = cli_main(["--data", "plane", "--hidden", "16,16", "--activation", "relu", "--optimizer", "momentum",
                   "--lr", "9", "--epochs", "20"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "learning rate" in err


def test_main_py_help_subprocess():
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "train", "--help"], capture_output=True, text=True,
                       timeout=60, cwd=ROOT)
    assert r.returncode == 0 and "--save" in r.stdout


NO_QT_PROBE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import main
code = main.main(sys.argv[1:])
qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))
print('qt modules:', qt)
sys.exit(code)
"""


@pytest.mark.parametrize("flag, expected", [("--version", r"^mlp-studio \d+\.\d+"), ("--help", r"^usage: mlp-studio"),
                                            ("-h", r"mlp-studio train")])
def test_version_and_help_need_no_display_and_no_qt(flag, expected):
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-c", NO_QT_PROBE, flag], capture_output=True, text=True, timeout=60,
                       env=env, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert re.search(expected, r.stdout, re.M), r.stdout
    assert "qt modules: []" in r.stdout


def test_subset_is_an_alias_of_limit(tmp_path):
    out = io.StringIO()
    args = build_parser().parse_args(["--data", "circle", "--n", "300", "--subset", "50", "--epochs", "1"])
    assert args.limit == 50
    assert run(args, out) == 0
    assert re.search(r"50 training", out.getvalue())


def test_export_torch_from_the_command_line(tmp_path):
    model = tmp_path / "spiral.npz"
    assert run_main("--data", "spiral", "--n", "100", "--epochs", "1", "--save", str(model)).returncode == 0
    r = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "--torch", str(model)], capture_output=True,
                       text=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "spiral_torch.py").is_file() and (tmp_path / "spiral_torch_weights.npz").is_file()
    assert "spiral_torch.py" in r.stdout
