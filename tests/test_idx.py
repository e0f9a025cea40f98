"""Tests for engine.idx: the bundled MNIST, malformed IDX files and hand-made folders."""
import gzip
import hashlib
import shutil

import numpy as np
import pytest

from engine.errors import DataError
from engine.idx import DEFAULT_MNIST_DIR, ImageDataset, load_idx_folder, load_mnist, read_idx

TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
TRAIN_IMAGES_SHA256 = "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"
LABELS_GZ = DEFAULT_MNIST_DIR / "t10k-labels-idx1-ubyte.gz"


def idx_bytes(arr: np.ndarray, code: int = 0x08) -> bytes:
    """Encode `arr` as IDX (big-endian)."""
    dt = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}[code]
    head = bytes([0, 0, code, arr.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in arr.shape)
    return head + np.ascontiguousarray(arr, dtype=dt).tobytes()


@pytest.fixture(scope="module")
def mnist():
    calls = []
    data = load_mnist(progress=calls.append)
    return data, calls


# --------------------------------------------------------------------------- bundled MNIST

def test_mnist_shapes_and_counts(mnist):
    d, _ = mnist
    assert d.train_images.shape == (60000, 28, 28) and d.train_images.dtype == np.uint8
    assert d.test_images.shape == (10000, 28, 28) and d.test_images.dtype == np.uint8
    assert d.train_labels.dtype == np.int64 and d.test_labels.dtype == np.int64
    assert np.bincount(d.train_labels).tolist() == TRAIN_COUNTS
    assert np.bincount(d.test_labels).tolist() == TEST_COUNTS
    assert d.n_classes == 10 and d.class_names == tuple("0123456789")


def test_mnist_pixels(mnist):
    d, _ = mnist
    hist = np.bincount(d.train_images.ravel(), minlength=256).astype(np.float64)
    v = np.arange(256)
    mean = (hist * v).sum() / hist.sum()
    std = np.sqrt((hist * (v - mean) ** 2).sum() / hist.sum())
    assert abs(mean - 33.318) < 0.01 and abs(std - 78.567) < 0.01
    header = bytes([0, 0, 8, 3]) + b"".join(n.to_bytes(4, "big") for n in (60000, 28, 28))
    assert hashlib.sha256(header + d.train_images.tobytes()).hexdigest() == TRAIN_IMAGES_SHA256


def test_mnist_progress(mnist):
    _, calls = mnist
    assert 4 <= len(calls) <= 200
    assert all(0.0 <= c <= 1.0 for c in calls)
    assert calls == sorted(calls) and calls[-1] == pytest.approx(1.0)


# --------------------------------------------------------------------------- malformed files

def expect_error(path, *words):
    with pytest.raises(DataError) as e:
        read_idx(path)
    msg = str(e.value)
    assert path.name in msg
    for w in words:
        assert w in msg, msg
    return msg


def test_truncated_gzip(tmp_path):
    blob = LABELS_GZ.read_bytes()
    p = tmp_path / "t10k-labels-idx1-ubyte.gz"
    p.write_bytes(blob[: len(blob) // 2])
    expect_error(p, "truncated")


def test_truncated_data(tmp_path):
    raw = gzip.decompress(LABELS_GZ.read_bytes())
    p = tmp_path / "t10k-labels-idx1-ubyte"
    p.write_bytes(raw[:1008])  # header (8 bytes) + 1,000 labels
    expect_error(p, "truncated", "expected 10,000 data bytes, found 1,000")
    q = tmp_path / "short-header.gz"
    q.write_bytes(gzip.compress(raw[:6]))
    expect_error(q, "truncated")


def test_trailing_bytes(tmp_path):
    raw = gzip.decompress(LABELS_GZ.read_bytes())
    p = tmp_path / "t10k-labels-idx1-ubyte.gz"
    p.write_bytes(gzip.compress(raw + b"\x00\x01\x02"))
    expect_error(p, "trailing", "3")


def test_wrong_magic(tmp_path):
    raw = bytearray(gzip.decompress(LABELS_GZ.read_bytes()))
    for i, value in [(0, 1), (2, 0x07), (3, 0), (3, 5)]:
        bad = bytearray(raw)
        bad[i] = value
        p = tmp_path / f"bad-magic-{i}-{value}"
        p.write_bytes(bytes(bad))
        expect_error(p, "magic")
    text = tmp_path / "notes.txt"
    text.write_text("hello, this is not an IDX file", encoding="utf-8")
    expect_error(text, "magic")


def test_corrupt_gzip(tmp_path):
    blob = bytearray(LABELS_GZ.read_bytes())
    for i in range(len(blob) // 3, len(blob) // 3 + 64):
        blob[i] ^= 0x5A
    p = tmp_path / "t10k-labels-idx1-ubyte.gz"
    p.write_bytes(bytes(blob))
    expect_error(p)
    crc = bytearray(LABELS_GZ.read_bytes())
    crc[-8] ^= 0xFF  # damaged CRC-32 only: the data decompresses but must still be rejected
    p.write_bytes(bytes(crc))
    expect_error(p)
    p.write_bytes(b"\x1f\x8b" + b"garbage" * 10)
    expect_error(p)


def test_missing_file_and_directory(tmp_path):
    expect_error(tmp_path / "train-images-idx3-ubyte.gz", "not found")
    d = tmp_path / "folder-idx"
    d.mkdir()
    expect_error(d)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    expect_error(empty, "truncated")


def test_absurd_dimensions(tmp_path):
    p = tmp_path / "huge"
    p.write_bytes(bytes([0, 0, 8, 3]) + (100000).to_bytes(4, "big") * 3 + b"\x00" * 100)
    expect_error(p, "dimensions")


def test_dtypes_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    for code, arr in [(0x09, rng.integers(-128, 128, (3, 4)).astype(np.int8)),
                      (0x0B, rng.integers(-3000, 3000, (5,)).astype(np.int16)),
                      (0x0C, rng.integers(-10**9, 10**9, (2, 2, 2)).astype(np.int32)),
                      (0x0D, rng.normal(size=(4, 3)).astype(np.float32)),
                      (0x0E, rng.normal(size=(1, 2, 3, 4)))]:
        p = tmp_path / f"arr{code}"
        p.write_bytes(idx_bytes(arr, code))
        out = read_idx(p)
        assert out.shape == arr.shape and out.dtype == arr.dtype and out.dtype.isnative
        np.testing.assert_array_equal(out, arr)


# --------------------------------------------------------------------------- folders

def make_folder(path, compress, names=("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                                       "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"), seed=0):
    rng = np.random.default_rng(seed)
    path.mkdir()
    arrays = [rng.integers(0, 256, (12, 5, 4)).astype(np.uint8), np.arange(12) % 3,
              rng.integers(0, 256, (6, 5, 4)).astype(np.uint8), np.arange(6)[::-1] % 3]
    for name, arr in zip(names, arrays, strict=True):
        blob = idx_bytes(arr)
        if compress:
            (path / (name + ".gz")).write_bytes(gzip.compress(blob))
        else:
            (path / name).write_bytes(blob)
    return arrays


@pytest.mark.parametrize("compress", [False, True])
def test_small_folder_with_classes(tmp_path, compress):
    folder = tmp_path / "tiny"
    arrays = make_folder(folder, compress)
    (folder / "classes.txt").write_text("cat\ndog\nbird\n", encoding="utf-8")
    fracs = []
    d = load_idx_folder(folder, progress=fracs.append)
    assert d.class_names == ("cat", "dog", "bird") and d.n_classes == 3 and d.name == "tiny"
    for got, want in zip((d.train_images, d.train_labels, d.test_images, d.test_labels), arrays, strict=True):
        np.testing.assert_array_equal(got, want)
    assert d.train_images.shape == (12, 5, 4) and d.test_labels.dtype == np.int64
    assert fracs and fracs[-1] == pytest.approx(1.0)


def test_folder_alternative_names(tmp_path):
    folder = tmp_path / "emnist"
    make_folder(folder, True, names=("emnist-digits-train-images-idx3-ubyte", "emnist-digits-train-labels-idx1-ubyte",
                                     "emnist-digits-test-images-idx3-ubyte", "emnist-digits-test-labels-idx1-ubyte"))
    d = load_idx_folder(folder)
    assert len(d.train_images) == 12 and d.class_names == tuple("0123456789")
    dotted = tmp_path / "dotted"
    make_folder(dotted, False, names=("train-images.idx3-ubyte", "train-labels.idx1-ubyte",
                                      "t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte"))
    assert len(load_idx_folder(dotted).test_images) == 6


def test_folder_missing_file(tmp_path):
    folder = tmp_path / "partial"
    make_folder(folder, False)
    (folder / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(DataError, match="t10k-labels-idx1-ubyte") as e:
        load_idx_folder(folder)
    assert "looked for" in str(e.value)
    with pytest.raises(DataError):
        load_idx_folder(tmp_path / "no-such-folder")


def test_folder_bad_contents(tmp_path):
    folder = tmp_path / "swapped"
    make_folder(folder, False)
    shutil.copy(folder / "train-labels-idx1-ubyte", folder / "train-images-idx3-ubyte")
    with pytest.raises(DataError, match="train-images-idx3-ubyte"):
        load_idx_folder(folder)

    folder = tmp_path / "mismatch"
    make_folder(folder, False)
    (folder / "t10k-labels-idx1-ubyte").write_bytes(idx_bytes(np.zeros(5, np.uint8)))
    with pytest.raises(DataError, match="5 labels for 6 images"):
        load_idx_folder(folder)

    folder = tmp_path / "fewnames"
    make_folder(folder, False)
    (folder / "classes.txt").write_text("only\none\n", encoding="utf-8")
    with pytest.raises(DataError, match="classes.txt"):
        load_idx_folder(folder)


def test_image_dataset_validation():
    imgs = np.zeros((4, 3, 3), np.uint8)
    ImageDataset(imgs, np.array([0, 1, 2, 9]), imgs, np.zeros(4, np.int64))
    with pytest.raises(DataError):
        ImageDataset(imgs, np.array([0, 1, 2]), imgs, np.zeros(4, np.int64))
    with pytest.raises(DataError):
        ImageDataset(imgs, np.array([0, 1, 2, 10]), imgs, np.zeros(4, np.int64))
    with pytest.raises(DataError):
        ImageDataset(imgs.astype(np.float32), np.zeros(4, np.int64), imgs, np.zeros(4, np.int64))
    with pytest.raises(DataError):
        ImageDataset(imgs, np.zeros(4, np.int64), np.zeros((4, 2, 2), np.uint8), np.zeros(4, np.int64))


def test_zero_dimension_beside_huge_ones_is_a_clear_error(tmp_path):
    """A header like (0, 4294967295, 4294967295) declares no data but is no possible array shape."""
    import struct

    import pytest

    from engine.errors import DataError
    from engine.idx import read_idx
    path = tmp_path / "weird-idx3-ubyte"
    path.write_bytes(b"\x00\x00\x08\x03" + struct.pack(">III", 0, 0xFFFFFFFF, 0xFFFFFFFF))
    with pytest.raises(DataError, match="weird-idx3-ubyte: implausible dimensions"):
        read_idx(path)
