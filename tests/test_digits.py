"""engine/digits.py: MNIST-style preprocessing of drawn or loaded digits."""
import numpy as np
import pytest

from engine import digits
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
