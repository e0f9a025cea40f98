"""Runs and sweeps (engine/runs.py): records, differences, CSV, project round trip, weight cap."""
import csv
import io

import numpy as np
import pytest

from engine.layers import ACTIVATIONS
from engine.recipe import default_recipe
from engine.runs import Run, RunLog, differences, differing_settings, sweep


def _run(name="run", lr=0.03, epochs=5, weights=True, seed=0):
    rng = np.random.default_rng(seed)
    curves = {"train_loss": np.geomspace(1, 0.1, epochs), "test_loss": np.geomspace(1.1, 0.2, epochs),
              "train_metric": np.linspace(0.5, 0.9, epochs), "test_metric": np.linspace(0.5, 0.85, epochs),
              "seconds": np.linspace(0.1, 1, epochs)}
    w = {"0.weight": rng.normal(size=(8, 2)), "0.bias": rng.normal(size=8)} if weights else None
    return Run(name, default_recipe(lr=lr), seed, {"preset": "circle", "n_train": 240, "n_test": 60}, curves,
               123, 1.5, 300, w)


def test_sweep_recipes_differ_only_in_the_swept_setting():
    base = default_recipe()
    for setting, values in [("layers", [0, 1, 2, 3]), ("activation", sorted(ACTIVATIONS)),
                            ("lr", [0.001, 0.01, 0.1, 1.0]), ("batch_size", [1, 10, 100]),
                            ("optimizer", ["sgd", "momentum", "adam"]), ("width", [2, 8, 32])]:
        runs = sweep(base, setting, values)
        assert len(runs) == len(values)
        for _, r in runs:
            diff = differences(base, r)
            assert set(diff) <= {setting}, (setting, diff)
        assert len({str(r) for _, r in runs}) == len(values)
    assert [len(r["hidden"]) for _, r in sweep(base, "layers", [0, 1, 2, 3])] == [0, 1, 2, 3]
    crossed = sweep(base, "layers", [1, 2], ("lr", [0.01, 0.1]))
    assert len(crossed) == 4
    assert all(set(differences(base, r)) <= {"layers", "lr"} for _, r in crossed)
    with pytest.raises(ValueError, match="setting"):
        sweep(base, "colour", [1])
    with pytest.raises(ValueError, match="activation"):
        sweep(base, "activation", ["swoosh"])


def test_log_names_changes_csv_and_round_trip():
    log = RunLog(max_weights=2)
    log.add(_run("a"))
    log.add(_run("a", lr=0.1, seed=1))
    assert [r.name for r in log.runs] == ["a", "a (2)"]
    assert log.changes(0) == "first run"
    assert "lr 0.03 → 0.1" in log.changes(1)
    assert differing_settings(log.runs) == {"lr", "seed"}
    rows = list(csv.DictReader(io.StringIO(log.to_csv())))
    assert len(rows) == 2 and float(rows[1]["train_loss"]) == pytest.approx(0.1)
    log.add(_run("c", seed=2))
    assert [r.weights is not None for r in log.runs] == [False, True, True]   # the cap keeps the newest
    back = RunLog.from_dict(log.to_dict())
    assert [r.name for r in back.runs] == [r.name for r in log.runs]
    for a, b in zip(log.runs, back.runs, strict=True):
        assert a.recipe == b.recipe and a.data == b.data and a.epochs == b.epochs
        np.testing.assert_array_equal(a.curves["test_loss"], b.curves["test_loss"])
        assert (a.weights is None) == (b.weights is None)
        if a.weights is not None:
            np.testing.assert_array_equal(a.weights["0.weight"], b.weights["0.weight"])
    log.rename(0, "baseline")
    log.delete([1])
    assert [r.name for r in log.runs] == ["baseline", "c"]
    with pytest.raises(ValueError):
        log.rename(0, "  ")


def test_damaged_runs_are_refused_with_a_message():
    d = _run().to_dict()
    d["curves"]["test_loss"] = [1.0]
    with pytest.raises(ValueError, match="damaged"):
        Run.from_dict(d)
    with pytest.raises(ValueError, match="damaged"):
        RunLog.from_dict({"runs": "no"})
