"""engine/digits.py: MNIST-style preprocessing of drawn or loaded digits, and the shipped model on them."""
from pathlib import Path

import numpy as np
import pytest
import robustness
from scipy import ndimage as ndi

from engine import digits
from engine.errors import DataError
from engine.idx import load_mnist


@pytest.fixture(scope="module")
def mnist_test():
    d = load_mnist()
    return d.test_images[:200], d.test_labels[:200]


def corr(a, b):
    a = np.asarray(a, float).ravel() - np.mean(a)
    b = np.asarray(b, float).ravel() - np.mean(b)
    return float(a @ b / np.sqrt((a @ a) * (b @ b)))


def test_resize_shrink_is_area_average(rng):
    img = rng.random((12, 18))
    out = digits.resize(img, 4, 6)  # 3×3 blocks
    expect = img.reshape(4, 3, 6, 3).mean(axis=(1, 3))
    np.testing.assert_allclose(out, expect, atol=1e-12)


def test_resize_fractional_shrink_keeps_mean_and_constants(rng):
    img = rng.random((50, 37))
    out = digits.resize(img, 20, 13)
    assert out.shape == (20, 13)
    assert out.mean() == pytest.approx(img.mean(), rel=1e-9)
    np.testing.assert_allclose(digits.resize(np.full((50, 37), 7.0), 20, 13), 7.0)


def test_resize_enlarge_is_bilinear():
    img = np.array([[0.0, 10.0]])
    out = digits.resize(img, 1, 4)
    # centres of the 4 output pixels map to -0.25, 0.25, 0.75, 1.25 → clipped, linear in between
    np.testing.assert_allclose(out, [[0.0, 2.5, 7.5, 10.0]])
    np.testing.assert_allclose(digits.resize(np.full((3, 3), 4.0), 10, 7), 4.0)


def test_resize_rejects_bad_input():
    with pytest.raises(ValueError):
        digits.resize(np.zeros((0, 3)), 2, 2)
    with pytest.raises(ValueError):
        digits.resize(np.zeros((3, 3)), 0, 2)


def test_bounding_box_and_empty():
    img = np.zeros((30, 40))
    img[5:9, 10:25] = 1
    assert digits.bounding_box(img) == (5, 9, 10, 25)
    assert digits.bounding_box(np.zeros((5, 5))) is None
    out = digits.to_mnist(np.zeros((100, 100)))
    assert out.shape == (28, 28) and out.dtype == np.uint8 and not out.any()


def test_box_scaled_to_20_keeping_aspect_and_centred():
    img = np.zeros((300, 300))
    img[40:240, 200:300] = 255  # 200 tall, 100 wide, at the right edge
    out = digits.to_mnist(img)
    top, bottom, left, right = digits.bounding_box(out, 0.01)
    assert 20 <= bottom - top <= 21 and 10 <= right - left <= 11  # edges may straddle a pixel
    assert out.sum() / 255 == pytest.approx(20 * 10, rel=0.02)  # ink area: 20 × 10 pixels
    cy, cx = digits.center_of_mass(out)
    assert abs(cy - digits.CENTER) <= 0.5 and abs(cx - digits.CENTER) <= 0.5
    assert out.max() == 255


def test_antialiased_edges_are_grey():
    img = np.zeros((280, 280))
    img[20:260, 20:24] = img[20:260, 256:260] = 255  # the box is 240×240: scale 1/12
    img[20:260, 133:147] = 255  # a stroke 14 px wide → 1.17 px, straddling pixel edges
    out = digits.to_mnist(img)
    values = set(np.unique(out))
    assert any(0 < v < 255 for v in values), values


def test_small_off_centre_same_as_large_centred(mnist_test, rng):
    images, _ = mnist_test
    for img in images[:20]:
        large = digits.place_digit(img, 280, 280, (0, 0))
        r, c = rng.integers(0, 280 - 90, size=2)
        small = digits.place_digit(img, 280, 90, (int(r), int(c)))
        a, b = digits.to_mnist(large), digits.to_mnist(small)
        assert corr(a, b) > 0.98
        assert np.abs(a.astype(int) - b.astype(int)).mean() < 8


def test_mnist_images_survive_the_round_trip(mnist_test):
    images, _ = mnist_test
    cs = [corr(digits.to_mnist(img), img) for img in images[:50]]
    assert np.median(cs) > 0.95 and min(cs) > 0.75


def test_ink_on_dark_inverts_light_background():
    paper = np.full((40, 40), 230.0)
    paper[10:30, 18:22] = 20.0  # dark ink
    g = digits.ink_on_dark(paper)
    assert g[0, 0] == 0 and g[20, 20] == pytest.approx(210.0)
    dark = np.zeros((40, 40))
    dark[10:30, 18:22] = 200.0
    np.testing.assert_allclose(digits.ink_on_dark(dark), dark)


def test_grayscale_of_rgb():
    rgb = np.zeros((2, 2, 3))
    rgb[..., 1] = 100
    np.testing.assert_allclose(digits.to_grayscale(rgb), 58.7)
    out = digits.to_mnist(np.dstack([np.eye(30) * 255] * 3))
    assert out.shape == (28, 28) and out.max() == 255


def test_place_digit_clips_at_the_edges():
    digit = np.full((28, 28), 255, np.uint8)
    canvas = digits.place_digit(digit, 100, 50, (80, -20))
    assert canvas.shape == (100, 100)
    assert canvas[80:, :30].min() == 255 and canvas[:80].max() == 0 and canvas[:, 30:].max() == 0


# -- prepare: the one preprocessing for canvas, image files and arrays ---------------------------------


def _stroke_image(width, size=200):
    """A ring and a bar drawn with a pen `width` pixels wide (bright on black)."""
    r, c = np.indices((size, size))
    ring = np.abs(np.hypot(r - size * 0.35, c - size * 0.5) - size * 0.2) <= width / 2
    bar = (np.abs(c - size * 0.68) <= width / 2) & (r > size * 0.35) & (r < size * 0.9)
    return (ring | bar) * 255.0


@pytest.mark.parametrize("w", [3, 4, 6, 10, 16])
def test_stroke_width_measures_the_pen(w):
    img = _stroke_image(w) > 0
    assert digits.stroke_width(img) == pytest.approx(w, abs=0.6 + 0.05 * w)


@pytest.mark.parametrize("w", [3, 20, 40])
def test_normalize_stroke_redraws_at_mnist_width(w):
    ink = ndi.zoom(_stroke_image(w), 0.4, order=1) > 127       # a digit-sized drawing at WORK scale
    out = digits.normalize_stroke(ink)
    assert digits.stroke_width(out > 0.5) == pytest.approx(digits.STROKE_TARGET, abs=1.5)


def test_mnist_stroke_constant_matches_a_measurement(mnist_test):
    images, _ = mnist_test
    median, q1, q3 = digits.measure_mnist_stroke(images)
    assert q1 < digits.MNIST_STROKE < q3
    assert median == pytest.approx(digits.MNIST_STROKE, abs=1.0)


def test_thin_small_and_thick_large_give_the_same_input():
    thin_small = np.zeros((280, 280))
    thin_small[100:180, 120:200] = ndi.zoom(_stroke_image(5), 0.4, order=1)
    thick_large = np.zeros((280, 280))
    thick_large[20:260, 20:260] = ndi.zoom(_stroke_image(25), 1.2, order=1)   # a 30 px marker
    a, b = digits.prepare(thin_small), digits.prepare(thick_large)
    assert corr(a, b) > 0.95
    # without stroke normalisation they differ much more
    assert corr(digits.prepare(thin_small, stroke=False), digits.prepare(thick_large, stroke=False)) < corr(a, b) - 0.05


def test_same_mnist_digit_thin_small_or_thick_large(mnist_test):
    images, _ = mnist_test
    cs = []
    for img in images[:30]:
        big = ndi.zoom(img.astype(float), 8, order=1)
        thick = ndi.grey_dilation(big, footprint=np.ones((13, 13)))        # a bold marker, 224 px
        thin = ndi.grey_erosion(ndi.zoom(img.astype(float), 3, order=1), footprint=np.ones((2, 2)))  # fine pen
        cs.append(corr(digits.prepare(thick), digits.prepare(np.pad(thin, (10, 150)))))
    assert np.median(cs) > 0.95


def test_prepare_reads_every_source_the_same(mnist_test):
    images, _ = mnist_test
    img = images[3]
    a = digits.prepare(img)
    assert a.shape == (28, 28) and a.dtype == np.uint8 and a.max() == 255
    np.testing.assert_array_equal(digits.prepare(img / 255.0), a)                   # floats in [0, 1]
    np.testing.assert_array_equal(digits.prepare(np.dstack([img] * 3)), a)          # RGB
    np.testing.assert_array_equal(digits.prepare(255 - img), a)                     # dark ink on paper
    assert corr(a, img) > 0.85


def test_photo_like_image_gives_a_sensible_digit(mnist_test):
    images, labels = mnist_test
    img = images[0]                          # a 7
    r, c = np.indices((300, 400))
    paper = 200 + 40 * (c / 400) - 25 * (r / 300)                 # uneven light
    ink = ndi.grey_dilation(ndi.zoom(img.astype(float), 9, order=1), footprint=np.ones((9, 9)))  # thick marker
    photo = paper.copy()
    photo[30:282, 80:332] -= 0.8 * ink
    photo += np.random.default_rng(0).normal(0, 6, photo.shape)    # sensor noise
    out = digits.prepare(np.clip(photo, 0, 255))
    ref = digits.prepare(img)
    assert corr(out, ref) > 0.85


@pytest.mark.parametrize("image", [np.zeros((50, 50)), np.full((50, 50), 255.0), np.full((50, 50), 120.0),
                                   np.zeros((40, 40, 3))])
def test_blank_or_uniform_picture_is_a_clear_error(image):
    with pytest.raises(DataError, match="blank"):
        digits.prepare(image)


def test_all_ink_picture_is_a_clear_error():
    img = np.full((60, 60), 255.0)
    img[0, :] = 0                                  # a dark border line: the rest is "ink"
    img[:, 0] = img[-1, :] = img[:, -1] = 0
    with pytest.raises(DataError, match="all ink"):
        digits.prepare(img)
    with pytest.raises(DataError):
        digits.prepare(np.zeros((3,)))


def test_faint_stroke_touching_the_ink_is_kept_faint_speck_alone_is_not():
    img = np.zeros((120, 120))
    img[20:100, 58:64] = 255            # a sure stroke
    img[20:26, 20:58] = 70              # a faint bar joined to it (a thin pen's light touch)
    img[90:96, 90:110] = 70             # the same faint grey, touching nothing
    g = digits.ink_on_dark(img)
    level = max(digits.otsu_threshold(g / g.max()), 0.2)
    assert 70 / 255 < level             # Otsu alone would drop the faint bar
    ink = digits.find_ink(g)
    assert ink[20:26, 20:58].all() and ink[20:100, 58:64].all()
    assert not ink[90:96, 90:110].any()


def test_otsu_threshold_splits_two_groups(rng):
    v = np.concatenate([rng.uniform(0.0, 0.2, 2000), rng.uniform(0.7, 1.0, 500)])
    assert 0.2 <= digits.otsu_threshold(v) <= 0.7
    w = np.concatenate([rng.uniform(0.0, 0.1, 2000), rng.uniform(0.35, 0.45, 500)])
    assert 0.1 <= digits.otsu_threshold(w) <= 0.35


def test_specks_are_ignored():
    img = np.zeros((280, 280))
    img[60:220, 130:150] = 255            # a "1"
    noisy = img.copy()
    noisy[5:8, 5:8] = noisy[270:273, 260:263] = 255   # dust far away
    assert corr(digits.prepare(noisy), digits.prepare(img)) > 0.99


def test_deskew_straightens_a_slanted_bar():
    img = np.zeros((100, 100))
    for r in range(10, 90):
        c = int(30 + 0.5 * (r - 10))
        img[r, c:c + 8] = 255
    out = digits.deskew(img)
    rows = np.flatnonzero(out.sum(axis=1) > 0)
    centres = [digits.center_of_mass(out[r:r + 1])[1] for r in rows[5:-5]]
    assert np.ptp(centres) < 3              # was 0.5 × 80 = 40 px of lean
    assert digits.prepare(img, deskew_slant=True).shape == (28, 28)


# -- the shipped model on digits from other hands (sets built by tests/robustness.py) -------------------
SHIPPED = Path(__file__).resolve().parent.parent / "resources" / "models" / "mnist_mlp.npz"
SHIPPED_TEST_ACCURACY_FLOOR = 0.99
ROBUST_N = 200          # MNIST test digits per set (the benchmark uses 1000)
# Floors: what the shipped model reached on these 200 digits per set, minus one point (two digits), so
# BLAS's summation order cannot tip them (reached: thick x2 98.5%, thick x3 95.0%, thin 99.5%, rotated
# 97.5%, sheared 99.5%, slanted 97.0%, pen thin 99.0%, pen medium 98.5%, pen bold 97.5%, canvas 99.5%;
# see resources/models/README.md for the 1000-digit figures). The previous shipped model (robust preset
# without the other pens) fails thick x3 here (91.0%) and the floor below (99.15%).
FLOORS = {"thick x2": 0.975, "thick x3": 0.94, "thin": 0.985, "rotated ±20°": 0.965, "sheared ±0.3": 0.985,
          "slanted": 0.96, "pen thin": 0.98, "pen medium": 0.975, "pen bold": 0.965, "canvas 280": 0.985}
# MNIST's own test digits read through prepare (the last 2000): 99.45% reached; the previous model 99.15%.
PREPARED_MNIST_FLOOR = 0.992


@pytest.fixture(scope="module")
def robust_sets():
    d = load_mnist()
    images, labels = d.test_images[-ROBUST_N:], d.test_labels[-ROBUST_N:]   # not the images used above
    return robustness.build(images, seed=11), labels


def test_shipped_model_reads_digits_from_other_hands(robust_sets):
    from engine.pipeline import Pipeline
    sets, labels = robust_sets
    pipe = Pipeline.load(SHIPPED)
    acc = {name: robustness.accuracy(pipe, imgs, labels) for name, imgs in sets.items()}
    low = {k: f"{100 * v:.1f}% < {100 * FLOORS[k]:.0f}%" for k, v in acc.items() if v < FLOORS[k]}
    assert not low, low


def test_shipped_model_is_the_robust_preset_at_99_percent():
    from engine.pipeline import Pipeline
    pipe = Pipeline.load(SHIPPED)
    d = load_mnist()
    acc = float(np.mean(pipe.predict(d.test_images.reshape(len(d.test_images), -1)) == d.test_labels))
    assert acc >= SHIPPED_TEST_ACCURACY_FLOOR
    assert pipe.meta.get("recipe", {}).get("augment"), "the shipped model was trained with augmentation"
    assert SHIPPED.stat().st_size < 10 << 20


def test_shipped_model_reads_mnist_through_prepare():
    from engine.pipeline import Pipeline
    d = load_mnist()
    images, labels = d.test_images[-2000:], d.test_labels[-2000:]
    X = np.stack([digits.prepare(a) for a in images]).reshape(len(images), -1).astype(np.float64)
    acc = float(np.mean(Pipeline.load(SHIPPED).predict_proba(X).argmax(axis=1) == labels))
    assert acc >= PREPARED_MNIST_FLOOR, f"{100 * acc:.2f}%"
