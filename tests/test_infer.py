"""Sequential.infer: the one inference path (predict, predict_proba, Pipeline, the playground's pictures)."""
import tracemalloc

import numpy as np
import pytest

import engine
from engine import Linear, predict_proba
from engine import predict_scores as predict  # raw outputs (engine.predict gives labels)


def _columns_by_forward(model, x):
    """The diagram's columns from the training forward pass: the input, each Linear block's output after
    its activations, the raw outputs."""
    model.eval()
    outs = model.forward_all(x.copy())
    model.train()
    before_linear = [i for i, layer in enumerate(model.layers) if isinstance(layer, Linear)][1:]
    return [x] + [outs[i - 1] for i in before_linear] + [outs[-1]]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("acts", [["sigmoid", "leaky_relu", "tanh"], ["relu", "identity", "relu"],
                                  list(engine.ACTIVATIONS)[:3]])
def test_infer_gives_every_column_of_the_forward_pass(rng, dtype, acts):
    model = engine.mlp([3, 7, 6, 5, 4], acts, rng=rng, dropout=0.3, dtype=dtype)
    x = rng.standard_normal((64, 3)).astype(dtype)
    x_before = x.copy()
    expected = _columns_by_forward(model, x)
    cols = model.infer(x, keep_all=True)
    assert model.training and np.array_equal(x, x_before)      # no mode change, input untouched
    assert len(cols) == len(expected) == 5
    for c, e in zip(cols, expected, strict=True):
        assert c.dtype == np.dtype(dtype)
        np.testing.assert_allclose(c, e, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(model.infer(x), expected[-1], rtol=1e-5, atol=1e-6)


def test_every_registered_activation_infers_like_it_trains(rng):
    for name in engine.ACTIVATIONS:
        model = engine.mlp([2, 6, 3], [name], rng=rng, dtype="float64")
        x = rng.standard_normal((20, 2)) * 3
        np.testing.assert_allclose(model.infer(x), model.forward(x), rtol=1e-12, atol=1e-12, err_msg=name)


def test_infer_writes_into_out_and_reuses_its_buffers(rng):
    model = engine.mlp([2, 16, 16, 3], "tanh", rng=rng)
    x = rng.standard_normal((500, 2)).astype(np.float32)
    out = np.empty((500, 3), np.float32)
    assert model.infer(x, out=out) is out
    np.testing.assert_allclose(out, model.forward(x), rtol=1e-5, atol=1e-6)
    a = model.infer(x)
    assert model.infer(x) is a                               # the same buffer next time
    with pytest.raises(ValueError, match="out must be"):
        model.infer(x, out=np.empty((500, 2), np.float32))
    with pytest.raises(ValueError, match="2-D"):
        model.infer(x[0])


def test_infer_allocates_nothing_once_warm(rng):
    model = engine.mlp([2, 64, 64, 2], ["relu", "tanh"], rng=rng)
    x = rng.standard_normal((4096, 2)).astype(np.float32)
    out = np.empty((4096, 2), np.float32)
    model.infer(x, out=out)
    tracemalloc.start()
    try:
        for _ in range(5):
            model.infer(x, out=out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4096 * 64 * 4 // 4          # far less than one layer's activations (1 MiB)


def test_buffers_are_kept_for_a_few_batch_sizes_only(rng):
    model = engine.mlp([2, 8, 2], "relu", rng=rng)
    for n in range(1, 20):
        model.infer(np.zeros((n, 2), np.float32))
    assert len(model._infer_buffers) <= model._MAX_BUFFER_SETS


def test_predict_in_chunks_and_probabilities(rng):
    model = engine.mlp([2, 8, 3], "tanh", rng=rng, dtype="float64")
    X = rng.standard_normal((1000, 2))
    whole = predict(model, X)
    np.testing.assert_allclose(predict(model, X, batch_size=128), whole, rtol=1e-12)
    assert predict(model, X) is not predict(model, X)        # a fresh array each call, never a buffer
    p = predict_proba(model, X, batch_size=300)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p, engine.softmax(whole), rtol=1e-10)
    one = engine.mlp([2, 4, 1], "relu", rng=rng, dtype="float64")
    p1 = predict_proba(one, X)
    np.testing.assert_allclose(p1[:, 1], 1 / (1 + np.exp(-predict(one, X)[:, 0])), rtol=1e-10)
    np.testing.assert_allclose(p1.sum(axis=1), 1.0)


@pytest.mark.parametrize("c", [2, 3, 8])
def test_in_place_softmax_matches_the_textbook_formula(rng, c):
    from engine.layers import softmax_
    z = rng.standard_normal((50, c)) * 20
    z[0] = [800.0] + [-800.0] * (c - 1)                        # no overflow at the extremes
    e = np.exp(z - z.max(axis=1, keepdims=True))
    expected = e / e.sum(axis=1, keepdims=True)
    got = z.copy()
    assert softmax_(got) is not None
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-15)


def test_threads_do_not_share_buffers(rng):
    import threading
    model = engine.mlp([2, 32, 32, 3], "tanh", rng=rng, dtype="float64")
    xs = [rng.standard_normal((256, 2)) for _ in range(4)]
    expected = [model.forward(x) for x in xs]
    errors = []

    def work(i):
        for _ in range(200):
            if not np.allclose(model.infer(xs[i]), expected[i], rtol=1e-12, atol=1e-12):
                errors.append(i)
                return

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
