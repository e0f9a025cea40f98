"""Training loop: learning for real, reshuffling, pause/stop, reports, divergence, bad data."""
import dataclasses

import numpy as np
import pytest

import engine
from engine import BatchReport, DataError, DivergenceError, EpochReport, Module, Trainer
from engine.data import Standardizer, make_dataset, train_test_split


def standardized(name, n=400, noise=0.1, seed=0):
    d = make_dataset(name, n=n, noise=noise, rng=np.random.default_rng(seed))
    return Standardizer().fit_transform(d.X), d.y


def run_all(trainer, epochs):
    reports = list(trainer.run(epochs))
    return [r for r in reports if isinstance(r, EpochReport)], [r for r in reports if isinstance(r, BatchReport)]


# ------------------------------------------------------------------------------------------ learning
def test_spiral_reaches_97_percent_train_accuracy():
    rng = np.random.default_rng(0)
    X, y = standardized("spiral", n=500)
    model = engine.mlp([2, 32, 32, 2], "relu", rng=rng)
    trainer = Trainer(model, engine.CrossEntropyLoss(), engine.Adam(model.parameters(), lr=0.01), X, y,
                      batch_size=16, rng=rng)
    epochs, _ = run_all(trainer, 150)
    loss, acc = trainer.evaluate(X, y)
    assert acc >= 0.97
    assert engine.accuracy(engine.predict(model, X), y) == pytest.approx(acc)
    assert epochs[-1].train_loss < 0.3 * epochs[0].train_loss
    assert epochs[-1].metric_name == "accuracy"


def test_bce_single_logit_learns_two_classes():
    rng = np.random.default_rng(1)
    X, y = standardized("moons", n=300)
    model = engine.mlp([2, 16, 1], "tanh", rng=rng)
    trainer = Trainer(model, engine.BCEWithLogitsLoss(), engine.SGD(model.parameters(), lr=0.1, momentum=0.9),
                      X, y, batch_size=10, rng=rng)
    run_all(trainer, 40)
    assert trainer.evaluate(X, y)[1] >= 0.95
    p = engine.predict_proba(model, X)
    assert p.shape == (300, 2)
    np.testing.assert_allclose(p.sum(axis=1), 1, rtol=1e-6)


@pytest.mark.parametrize("loss_cls", [engine.MSELoss, engine.L1Loss])
def test_regression_on_the_plane(loss_cls):
    rng = np.random.default_rng(0)
    X, y = standardized("plane", noise=0.05)
    model = engine.mlp([2, 16, 16, 1], "tanh", rng=rng)
    trainer = Trainer(model, loss_cls(), engine.Adam(model.parameters(), lr=0.01), X, y, batch_size=16, rng=rng)
    epochs, _ = run_all(trainer, 60)
    assert epochs[-1].metric_name == "R²"
    assert epochs[-1].train_loss < 0.2 * epochs[0].train_loss
    r2 = engine.r2_score(engine.predict(model, X, task="regression"), y)
    assert r2 >= 0.99
    assert epochs[-1].train_metric == pytest.approx(r2)
    assert engine.rmse(engine.predict(model, X, task="regression"), y) < 0.2


def test_float64_training_stays_float64(rng):
    X, y = standardized("xor", n=100)
    model = engine.mlp([2, 8, 2], "tanh", rng=rng, dtype="float64")
    trainer = Trainer(model, engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.1), X.astype(np.float32),
                      y, batch_size=10, rng=rng)
    run_all(trainer, 2)
    assert trainer.X.dtype == np.float64
    assert all(p.data.dtype == np.float64 for p in model.parameters())


def test_same_seed_same_run_different_seed_different_run():
    X, y = standardized("circle", n=120)

    def weights(seed):
        model = engine.mlp([2, 6, 2], "tanh", rng=np.random.default_rng(0))
        t = Trainer(model, engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.1), X, y, batch_size=8,
                    rng=np.random.default_rng(seed))
        run_all(t, 3)
        return model.state_dict()

    a, b, c = weights(5), weights(5), weights(6)
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
    assert any(not np.array_equal(a[k], c[k]) for k in a)


class Spy(Module):
    """Records the training batches it sees (inputs are row numbers)."""

    def __init__(self, batch_size):
        self.batches, self.batch_size = [], batch_size

    def forward(self, x):
        if self.training and len(x) == self.batch_size:
            self.batches.append(x[:, 0].astype(int).tolist())
        return x

    def backward(self, g):
        return g


def shuffled_epochs(seed, n=20, bs=5, epochs=3):
    spy = Spy(bs)
    model = engine.Sequential(spy, engine.Linear(1, 2, rng=np.random.default_rng(0)))
    X, y = np.arange(n, dtype=float)[:, None], np.arange(n) % 2
    trainer = Trainer(model, engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.0), X, y,
                      batch_size=bs, rng=np.random.default_rng(seed))
    run_all(trainer, epochs)
    per_epoch = n // bs
    return [sum(spy.batches[e * per_epoch:(e + 1) * per_epoch], []) for e in range(epochs)]


def test_minibatches_are_reshuffled_every_epoch_from_the_generator():
    orders = shuffled_epochs(seed=3)
    for order in orders:
        assert sorted(order) == list(range(20))        # every point once per epoch
    assert orders[0] != orders[1] != orders[2]
    assert orders != [list(range(20))] * 3
    assert shuffled_epochs(seed=3) == orders            # the generator decides the order
    assert shuffled_epochs(seed=4) != orders


def test_large_data_sets_gather_batches_the_same_way(monkeypatch):
    """The per-batch gather path (used for big data) sees the same batches as the per-epoch one."""
    default = shuffled_epochs(seed=3)
    monkeypatch.setattr(engine.train, "GATHER_PER_EPOCH_BYTES", 0)
    assert shuffled_epochs(seed=3) == default


# ------------------------------------------------------------------------------------------ reports
def make_trainer(rng, n=50, bs=8, **kw):
    X, y = standardized("blobs", n=n)
    model = engine.mlp([2, 5, 2], "tanh", rng=rng)
    return Trainer(model, engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.05), X, y,
                   batch_size=bs, rng=rng, **kw)


def test_reports_per_batch_and_per_epoch(rng):
    X, y = standardized("blobs", n=60)
    Xtr, ytr, Xv, yv = train_test_split(X, y, 0.25, rng)
    model = engine.mlp([2, 5, 2], "tanh", rng=rng)
    trainer = Trainer(model, engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.05), Xtr, ytr,
                      batch_size=8, rng=rng, X_val=Xv, y_val=yv)
    reports = list(trainer.run(2))
    n_batches = -(-len(Xtr) // 8)
    assert len(reports) == 2 * (n_batches + 1)
    assert isinstance(reports[n_batches], EpochReport) and isinstance(reports[-1], EpochReport)
    batches = [r for r in reports if isinstance(r, BatchReport)]
    assert [b.step for b in batches] == list(range(1, 2 * n_batches + 1))
    assert [b.batch for b in batches[:n_batches]] == list(range(1, n_batches + 1))
    assert all(b.n_batches == n_batches and np.isfinite(b.loss) for b in batches)
    e = reports[-1]
    assert (e.epoch, e.step, e.lr) == (2, 2 * n_batches, 0.05)
    assert np.isfinite(e.val_loss) and 0 <= e.val_metric <= 1
    assert (e.val_loss, e.val_metric) == pytest.approx(trainer.evaluate(Xv, yv))
    assert e.seconds > 0
    for r in (batches[0], e):
        with pytest.raises(dataclasses.FrozenInstanceError):
            r.epoch = 0  # type: ignore[misc]


def test_without_validation_set_val_fields_are_nan(rng):
    e = list(make_trainer(rng).run(1))[-1]
    assert np.isnan(e.val_loss) and np.isnan(e.val_metric)


def test_full_train_eval_reports_end_of_epoch_metrics(rng):
    trainer = make_trainer(rng, full_train_eval=True)
    e = list(trainer.run(1))[-1]
    assert (e.train_loss, e.train_metric) == pytest.approx(trainer.evaluate(trainer.X, trainer.y))


def test_pause_and_stop_between_batches(rng):
    trainer = make_trainer(rng, n=80, bs=8)
    gen = trainer.run(5)
    first = [next(gen) for _ in range(5)]
    assert [r.step for r in first] == [1, 2, 3, 4, 5]
    paused = trainer.model.state_dict()
    assert trainer.step == 5                       # nothing runs while nobody pulls
    nxt = next(gen)
    assert isinstance(nxt, BatchReport) and nxt.step == 6
    assert any(not np.array_equal(paused[k], v) for k, v in trainer.model.state_dict().items())
    stopped = trainer.model.state_dict()
    gen.close()                                    # stop
    with pytest.raises(StopIteration):
        next(gen)
    assert trainer.step == 6
    for k, v in trainer.model.state_dict().items():
        np.testing.assert_array_equal(v, stopped[k])
    # a new run continues from there, counting on
    r = next(trainer.run(1))
    assert r.step == 7 and r.epoch == 2


def test_lr_change_between_batches_is_used(rng):
    trainer = make_trainer(rng)
    gen = trainer.run(1)
    next(gen)
    trainer.optimizer.lr = 0.0
    before = trainer.model.state_dict()
    next(gen)
    for k, v in trainer.model.state_dict().items():
        np.testing.assert_array_equal(v, before[k])
    assert [r for r in gen][-1].lr == 0.0


# ------------------------------------------------------------------------------------------ divergence
def diverging_trainer(snapshot_every=50):
    rng = np.random.default_rng(0)
    X, y = standardized("plane", n=200)
    model = engine.mlp([2, 16, 16, 1], "relu", rng=rng)
    opt = engine.SGD(model.parameters(), lr=0.001, momentum=0.9)
    return Trainer(model, engine.MSELoss(), opt, X, y, batch_size=10, rng=rng, snapshot_every=snapshot_every)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # overflow on the way to inf is the point
def test_divergence_raises_and_restores_the_last_epoch_weights():
    trainer = diverging_trainer(snapshot_every=10 ** 9)   # snapshots only at epoch ends
    last = None
    for _ in trainer.run(1):
        last = trainer.model.state_dict()
    trainer.optimizer.lr = 1e3
    with pytest.raises(DivergenceError) as info:
        for r in trainer.run(20):
            if isinstance(r, EpochReport):
                last = trainer.model.state_dict()
    msg = str(info.value)
    assert "learning rate" in msg and "1000" in msg
    for k, v in trainer.model.state_dict().items():
        assert np.all(np.isfinite(v))
        np.testing.assert_array_equal(v, last[k])
    assert trainer.optimizer.step_count == 0           # momentum forgotten with the bad weights


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_divergence_with_mid_epoch_snapshots_restores_a_snapshot():
    trainer = diverging_trainer(snapshot_every=3)
    trainer.optimizer.lr = 1e4
    states = {0: trainer.model.state_dict()}
    with pytest.raises(DivergenceError, match="too high"):
        for r in trainer.run(10):
            states[r.step] = trainer.model.state_dict()
    restored = trainer.model.state_dict()
    # the snapshot at step s (s a multiple of 3) holds the weights after step s − 1
    candidates = [s for s in states if (s + 1) % 3 == 0 or s == 0]
    assert any(all(np.array_equal(restored[k], states[s][k]) for k in restored) for s in candidates)
    assert all(np.all(np.isfinite(v)) for v in restored.values())


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_divergence_message_names_the_right_weights_when_counters_continue():
    """A trainer that continues another run's counters (as the playground does) must not claim the
    kept weights are 'from step 0' when it diverges before its first snapshot."""
    trainer = diverging_trainer(snapshot_every=10 ** 9)
    trainer.epoch, trainer.step = 50, 1033
    trainer.optimizer.lr = 1e4
    with pytest.raises(DivergenceError) as info:
        for _ in trainer.run(5):
            pass
    msg = str(info.value)
    assert "step 0)" not in msg and "started from" in msg
    trainer2 = diverging_trainer(snapshot_every=10 ** 9)
    for _ in trainer2.run(1):
        pass
    trainer2.optimizer.lr = 1e4
    with pytest.raises(DivergenceError) as info:
        for _ in trainer2.run(5):
            pass
    assert f"from step {trainer2._snapshot_step})" in str(info.value) and trainer2._snapshot_step > 0


def test_divergence_error_is_an_engine_error():
    assert issubclass(DivergenceError, engine.EngineError)


# ------------------------------------------------------------------------------------------ bad data
@pytest.mark.parametrize("bad", ["label_too_big", "nan_input", "length", "empty", "fractional_label"])
def test_bad_training_data_gives_a_clear_data_error(rng, bad):
    X, y = np.zeros((6, 2)), np.array([0, 1, 0, 1, 0, 1])
    if bad == "label_too_big":
        y = y * 3
    elif bad == "nan_input":
        X[2, 1] = np.nan
    elif bad == "length":
        y = y[:4]
    elif bad == "empty":
        X, y = X[:0], y[:0]
    elif bad == "fractional_label":
        y = y + 0.5
    model = engine.mlp([2, 2], rng=rng)
    with pytest.raises(DataError):
        Trainer(model, engine.CrossEntropyLoss(), engine.SGD(model.parameters(), lr=0.1), X, y, batch_size=2, rng=rng)


def test_dropout_is_off_in_predict(rng):
    X, y = standardized("circle", n=100)
    model = engine.mlp([2, 16, 2], "relu", rng=rng, dropout=0.5)
    trainer = Trainer(model, engine.CrossEntropyLoss(), engine.Adam(model.parameters(), lr=0.01), X, y,
                      batch_size=10, rng=rng)
    run_all(trainer, 2)
    np.testing.assert_array_equal(engine.predict(model, X), engine.predict(model, X))
    assert model.training                      # predict restores the mode it found


def test_predict_in_chunks_equals_one_go(rng):
    model = engine.mlp([2, 4, 3], "tanh", rng=rng)
    X = rng.standard_normal((25, 2))
    np.testing.assert_allclose(engine.predict_scores(model, X, batch_size=7), engine.predict_scores(model, X),
                               rtol=1e-6)
    p = engine.predict_proba(model, X, batch_size=7)
    assert p.shape == (25, 3)
    np.testing.assert_allclose(p.sum(axis=1), 1, rtol=1e-6)
    with pytest.raises(DataError):
        engine.predict(model, np.zeros(3))


# ------------------------------------------------------------------------------------------ metrics
def test_metrics_on_known_values():
    y = np.array([0, 0, 1, 1, 2, 2])
    pred = np.array([0, 1, 1, 1, 0, 2])
    assert engine.zero_one_loss(pred, y) == pytest.approx(2 / 6)
    assert engine.accuracy(pred, y) == pytest.approx(1 - 2 / 6)
    scores = np.eye(3)[pred] * 5 - 1                 # scores whose argmax is `pred`
    assert engine.accuracy(scores, y) == pytest.approx(4 / 6)
    cm = engine.confusion_matrix(y, pred, 3)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 2, 0], [1, 0, 1]])
    per = engine.per_class_accuracy(y, pred, 4)
    np.testing.assert_allclose(per[:3], [0.5, 1.0, 0.5])
    assert np.isnan(per[3])                           # a class with no samples
    with pytest.raises(ValueError):
        engine.confusion_matrix(y, pred, 2)
    t = np.array([1.0, 2.0, 3.0, 4.0])
    assert engine.rmse(t + np.array([1, -1, 1, -1]), t) == pytest.approx(1.0)
    assert engine.r2_score(t, t) == pytest.approx(1.0)
    assert engine.r2_score(np.full(4, t.mean()), t) == pytest.approx(0.0)
    assert engine.r2_score(t[::-1], t) == pytest.approx(1 - 20 / 5)


def test_input_width_mismatch_is_a_clear_data_error(rng):
    from engine import SGD, CrossEntropyLoss, DataError, Trainer, mlp
    model = mlp([3, 4, 2], "tanh", rng=rng)
    X = rng.standard_normal((20, 2))
    y = rng.integers(0, 2, 20)
    import pytest
    with pytest.raises(DataError, match="2 columns.*takes 3 inputs"):
        Trainer(model, CrossEntropyLoss(), SGD(model.parameters(), lr=0.1), X, y, batch_size=5, rng=rng)
