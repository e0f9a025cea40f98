"""engine/augment.py: random training-image changes, and their hook into the Trainer and recipes."""
import numpy as np
import pytest
from scipy import ndimage as ndi

from engine import digits
from engine.augment import AUGMENT_DEFAULTS, Augmenter, validate_augment
from engine.idx import load_mnist
from engine.losses import CrossEntropyLoss
from engine.model import mlp
from engine.optim import SGD
from engine.recipe import build_transform_from_recipe, default_recipe, validate_recipe
from engine.train import EpochReport, Trainer

OFF = dict.fromkeys(AUGMENT_DEFAULTS, 0.0) | {"elastic_sigma": 4.0}


@pytest.fixture(scope="module")
def batch():
    d = load_mnist()
    return (d.test_images[:64].reshape(64, -1) / 255.0).astype(np.float32), d.test_labels[:64]


def only(**kw):
    return Augmenter(28, **(OFF | kw))


def test_reproducible_from_the_seed_and_new_each_call(batch):
    X, _ = batch
    a = Augmenter()
    out1 = a(X, np.random.default_rng(5))
    out2 = a(X, np.random.default_rng(5))
    np.testing.assert_array_equal(out1, out2)
    rng = np.random.default_rng(5)
    first, second = a(X, rng), a(X, rng)
    assert np.abs(first - second).mean() > 0.02     # a new variant every epoch
    assert np.abs(a(X, np.random.default_rng(6)) - out1).mean() > 0.02


def test_shape_dtype_and_pixel_range_kept(batch):
    X, _ = batch
    for dtype in (np.float32, np.float64):
        out = Augmenter()(X.astype(dtype), np.random.default_rng(0))
        assert out.shape == X.shape and out.dtype == dtype
        assert out.min() >= 0.0 and out.max() <= 1.0
        assert out.max() > 0.9      # strokes stay saturated
    assert not np.shares_memory(out, X)


def test_all_off_is_the_identity(batch):
    X, _ = batch
    np.testing.assert_allclose(only()(X, np.random.default_rng(0)), X, atol=1e-6)


def test_shift_moves_the_centre_of_mass_by_up_to_the_shift(batch):
    X, _ = batch
    out = only(shift=3.0)(X, np.random.default_rng(1))
    before = np.array([digits.center_of_mass(x.reshape(28, 28)) for x in X])
    after = np.array([digits.center_of_mass(x.reshape(28, 28)) for x in out])
    moved = np.abs(after - before)
    assert moved.max() <= 3.0 + 0.3
    assert moved.mean() > 0.8          # uniform in ±3: mean |shift| is 1.5
    # ink is moved, not made or lost (the digits stay inside the 28×28 field)
    np.testing.assert_allclose(out.sum(axis=1), X.sum(axis=1), rtol=0.08)


def _principal_angle(img):
    r, c = np.indices(img.shape)
    w = img / img.sum()
    cy, cx = (r * w).sum(), (c * w).sum()
    cov = np.cov(np.stack([(c - cx).ravel(), (r - cy).ravel()]), aweights=w.ravel())
    vals, vecs = np.linalg.eigh(cov)
    v = vecs[:, -1]
    return np.degrees(np.arctan2(v[1], v[0]))


def test_rotation_turns_elongated_digits_by_up_to_the_angle():
    img = np.zeros((28, 28), np.float32)
    img[4:24, 13:15] = 1.0                  # a vertical bar (an elongated "1")
    X = np.repeat(img.reshape(1, -1), 40, axis=0)
    out = only(rotate=30.0)(X, np.random.default_rng(2))
    turned = np.array([(_principal_angle(o.reshape(28, 28)) - 90 + 90) % 180 - 90 for o in out])
    assert np.abs(turned).max() <= 31
    assert np.abs(turned).mean() > 8     # uniform in ±30: mean 15


def test_scale_changes_the_ink_extent():
    img = np.zeros((28, 28), np.float32)
    img[6:22, 6:22] = 1.0
    X = np.repeat(img.reshape(1, -1), 40, axis=0)
    out = only(scale=0.2)(X, np.random.default_rng(3))
    ratio = out.sum(axis=1) / X.sum(axis=1)   # area scales with zoom²
    assert 0.8 ** 2 - 0.05 <= ratio.min() and ratio.max() <= 1.2 ** 2 + 0.05
    assert ratio.std() > 0.05


def test_shear_slants_vertical_strokes():
    img = np.zeros((28, 28), np.float32)
    img[4:24, 13:15] = 1.0
    X = np.repeat(img.reshape(1, -1), 40, axis=0)
    out = only(shear=0.4)(X, np.random.default_rng(4)).reshape(-1, 28, 28)
    # column of the ink's centre in the top rows minus in the bottom rows: shear × 14 rows apart
    top = np.array([digits.center_of_mass(o[4:10])[1] for o in out])
    bottom = np.array([digits.center_of_mass(o[18:24])[1] for o in out])
    slope = np.abs(top - bottom) / 14
    assert slope.max() <= 0.45 and slope.mean() > 0.1


def test_thickness_makes_strokes_wider_or_thinner(batch):
    X, _ = batch
    out = only(thickness=1.0)(X, np.random.default_rng(5))
    change = out.sum(axis=1) / X.sum(axis=1)
    assert change.max() > 1.3 and change.min() < 0.8       # some thicker, some thinner
    # never more than full dilation, never less than full erosion
    imgs = X.reshape(-1, 28, 28)
    cross = ndi.generate_binary_structure(2, 1)[None]
    hi = ndi.grey_dilation(imgs, footprint=cross).reshape(len(X), -1)
    lo = ndi.grey_erosion(imgs, footprint=cross).reshape(len(X), -1)
    assert np.all(out <= hi + 1e-5) and np.all(out >= lo - 1e-5)


def test_elastic_field_moves_pixels_by_about_alpha_times_the_smoothed_noise(batch):
    X, _ = batch
    a = only(elastic_alpha=30.0, elastic_sigma=5.0)
    rows, cols = a._grid(2000, np.random.default_rng(6))
    base_r, base_c = np.indices((28, 28))
    d = np.hypot(rows - base_r, cols - base_c)[:, 8:20, 8:20]   # away from the field's faded border
    # uniform(−1, 1) smoothed by a Gaussian of σ px: std ≈ (1/√3) / (2√π σ); times α
    expect = 30.0 * (1 / np.sqrt(3)) / (2 * np.sqrt(np.pi) * 5.0)
    assert np.std(rows - base_r) == pytest.approx(expect, rel=0.35)
    assert d.max() < 6 * expect
    out = a(X, np.random.default_rng(6))
    assert 0.03 < np.abs(out - X).mean() < 0.2
    # smooth: neighbouring pixels move almost together
    step = np.abs(np.diff(rows, axis=2)).mean()
    assert step < 0.2 * np.abs(rows - base_r).mean() + 0.05


def test_validation_names_the_setting():
    assert validate_augment(None) is None and validate_augment(False) is None
    assert validate_augment(True) == AUGMENT_DEFAULTS
    assert validate_augment({"rotate": 5})["rotate"] == 5.0
    for bad in ({"rotate": -1}, {"rotate": 90}, {"spin": 1}, {"elastic_sigma": 0}, {"shift": True}, "yes"):
        with pytest.raises(ValueError, match="augment"):
            validate_augment(bad)
    with pytest.raises(ValueError, match="augment"):
        validate_recipe(default_recipe() | {"augment": {"shear": 5}})
    with pytest.raises(ValueError):
        Augmenter()(np.zeros((3, 10)), np.random.default_rng(0))


def test_recipe_builds_the_transform_only_for_square_images():
    r = validate_recipe(default_recipe(features=None) | {"augment": True})
    assert isinstance(build_transform_from_recipe(r, 784), Augmenter)
    assert build_transform_from_recipe(validate_recipe(default_recipe()), 2) is None
    with pytest.raises(ValueError, match="square images"):
        build_transform_from_recipe(r, 10)


def _train(X, y, transform, seed=0, epochs=2):
    rng = np.random.default_rng(seed)
    model = mlp([784, 16, 10], ["relu"], rng=rng, dtype="float32")
    t = Trainer(model, CrossEntropyLoss(), SGD(model.parameters(), lr=0.05), X, y, batch_size=32, rng=rng,
                transform=transform)
    reps = [r for r in t.run(epochs) if isinstance(r, EpochReport)]
    assert np.array_equal(t.y, y) and np.array_equal(t.T.argmax(axis=1), y)   # labels untouched
    return model.layers[0].weight.data.copy(), reps


def test_trainer_applies_it_to_training_batches_only_and_reproducibly(batch):
    X, y = batch
    seen = []

    def spy(xb, rng):
        seen.append(xb.copy())
        return Augmenter()(xb, rng)

    w1, reps = _train(X, y, spy)
    assert len(seen) == 2 * 2          # 64 images, batch 32, 2 epochs
    w2, _ = _train(X, y, Augmenter())
    np.testing.assert_array_equal(w1, w2)             # same seed, same run
    w3, _ = _train(X, y, None)
    assert not np.allclose(w1, w3)                   # the transform changed what was learned
    assert all(np.isfinite(r.train_loss) for r in reps)
    assert all(s.shape == (32, 784) for s in seen)   # the transform sees input batches only, never labels


def test_cli_trains_with_augmentation_and_checkpoints(tmp_path, capsys):
    from test_cli import write_idx

    from engine.cli import main as cli_main
    from engine.pipeline import Pipeline
    rng = np.random.default_rng(0)

    def images(n):
        y = rng.integers(0, 3, n)
        x = np.zeros((n, 12, 12), np.uint8)
        for i, k in enumerate(y):       # a bar in one of three places
            x[i, 2 + 3 * k:4 + 3 * k, 2:10] = 255
        return x, y.astype(np.uint8)

    folder = tmp_path / "idx"
    folder.mkdir()
    (xtr, ytr), (xte, yte) = images(120), images(30)
    write_idx(folder / "train-images-idx3-ubyte.gz", xtr)
    write_idx(folder / "train-labels-idx1-ubyte.gz", ytr)
    write_idx(folder / "t10k-images-idx3-ubyte.gz", xte)
    write_idx(folder / "t10k-labels-idx1-ubyte.gz", yte)
    ck = tmp_path / "ck.npz"
    rc = cli_main(["--data", str(folder), "--preset", "robust", "--hidden", "16", "--epochs", "2",
                   "--checkpoint", str(ck)])
    out = capsys.readouterr().out
    assert rc == 0 and "augmented (rotate" in out and "lr ×0.95 per epoch" in out
    assert Pipeline.load(ck).meta["epochs"] == 2
    rc = cli_main(["--data", str(folder), "--preset", "robust", "--hidden", "16", "--epochs", "1", "--augment", "off"])
    assert rc == 0 and "augmented" not in capsys.readouterr().out
    assert cli_main(["--data", "circle", "--augment", "on"]) == 1
    assert "--augment is for image data" in capsys.readouterr().err


def _field_stats(d):
    """Mean |d|, std of d, and the correlation of d with d shifted by 2, 4 and 8 pixels (along rows and
    columns, averaged), for displacement maps d of shape (m, 28, 28)."""
    corr = []
    for lag in (2, 4, 8):
        a = np.concatenate([d[:, :, :-lag].ravel(), d[:, :-lag, :].ravel()])
        b = np.concatenate([d[:, :, lag:].ravel(), d[:, lag:, :].ravel()])
        corr.append(np.corrcoef(a, b)[0, 1])
    return np.abs(d).mean(), d.std(), np.array(corr)


@pytest.mark.parametrize("alpha, sigma", [(30.0, 5.0), (34.0, 4.0), (20.0, 8.0)])
def test_elastic_field_has_the_statistics_of_gaussian_filtered_uniform_noise(alpha, sigma):
    # Simard's recipe, computed here the direct way: uniform(−1, 1) noise per pixel and direction, a Gaussian
    # filter (zero outside, as the augmentation's field), times alpha. The Augmenter draws the same field
    # from its few low-frequency components; its size, spread and correlation length must match.
    m = 3000
    noise = np.random.default_rng(7).uniform(-1, 1, (m, 28, 28))
    ref = alpha * ndi.gaussian_filter(noise, (0, sigma, sigma), mode="constant", truncate=3.0)
    a = only(elastic_alpha=alpha, elastic_sigma=sigma)
    rows, cols = a._grid(m // 2, np.random.default_rng(8))
    base_r, base_c = np.indices((28, 28))
    ours = np.concatenate([rows - base_r, cols - base_c])
    for sl in (np.s_[:, :, :], np.s_[:, 8:20, 8:20], np.s_[:, :4, :]):    # everywhere, centre, border rows
        (m_ref, s_ref, c_ref), (m_our, s_our, c_our) = _field_stats(ref[sl]), _field_stats(ours[sl])
        assert m_our == pytest.approx(m_ref, rel=0.1) and s_our == pytest.approx(s_ref, rel=0.1)
        np.testing.assert_allclose(c_our, c_ref, rtol=0.1, atol=0.03)
    assert abs(ours.mean()) < 0.05 * s_ref        # no drift
    # and it is a different draw each time, not a fixed pattern
    assert np.corrcoef(ours[0].ravel(), ours[1].ravel())[0, 1] < 0.9


def test_batch_resampler_matches_scipy_map_coordinates_per_image():
    # zero outside, fading linearly over the last pixel (scipy's "grid-constant"), never the neighbour image
    from engine.augment import _sample_bilinear
    rng = np.random.default_rng(9)
    img = rng.random((20, 28, 28), dtype=np.float32)
    rows = (np.indices((28, 28))[0] + rng.normal(0, 6, (20, 28, 28))).astype(np.float32)   # many outside
    cols = (np.indices((28, 28))[1] + rng.normal(0, 6, (20, 28, 28))).astype(np.float32)
    rows[0, 0, :4], cols[0, 0, :4] = [-1.0, 27.0, 27.5, 28.0], [0.0, 27.0, -0.5, 3.0]           # edges exactly
    got = _sample_bilinear(img, rows, cols)
    want = np.stack([ndi.map_coordinates(i, [r, c], order=1, mode="grid-constant", prefilter=False)
                     for i, r, c in zip(img, rows.astype(np.float64), cols.astype(np.float64), strict=True)])
    np.testing.assert_allclose(got, want, atol=1e-5)
