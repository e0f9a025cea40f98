"""IDX files (the MNIST format): a robust reader and a loader for a folder of the four standard files.

Every problem — missing file, bad gzip, wrong magic, truncated or over-long data — raises DataError
with a message naming the file and what is wrong; no other exception type escapes (except one
raised by a caller's `progress` callback, which is passed through untouched).
"""
from __future__ import annotations

import gzip
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import DataError
from .resources import mnist_dir

DEFAULT_MNIST_DIR = mnist_dir()  # resources/mnist in a clone, package data in a wheel install

# dtype code -> big-endian NumPy dtype as stored in the file
IDX_DTYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
MAX_BYTES = 2 ** 31  # refuse headers that claim more data than this
_GZIP_MAGIC = b"\x1f\x8b"


def _io(fname, fn, *args, eof="the compressed file ends early"):
    """Call fn(*args), turning any I/O or decompression failure into DataError naming `fname`."""
    try:
        return fn(*args)
    except EOFError:
        raise DataError(f"{fname}: truncated gzip stream ({eof})") from None
    except (zlib.error, gzip.BadGzipFile) as e:
        raise DataError(f"{fname}: corrupt gzip data ({e})") from None
    except FileNotFoundError:
        raise DataError(f"{fname}: file not found") from None
    except OSError as e:
        raise DataError(f"{fname}: cannot read file ({e.strerror or e})") from None
    except (ValueError, MemoryError) as e:
        raise DataError(f"{fname}: cannot read file ({e or type(e).__name__})") from None


def _read_exact(fname, stream, n) -> bytes:
    """Read up to n bytes, looping over short reads; returns fewer only at end of file."""
    parts, got = [], 0
    while got < n:
        chunk = _io(fname, stream.read, n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_idx(path, progress=None) -> np.ndarray:
    """Read an IDX file (raw or gzip-compressed, detected by content) into a native-endian array.

    `progress`, if given, is called with a fraction in [0, 1] a few times while the data is read.
    """
    path = Path(path)
    fname = path.name
    f = _io(fname, open, path, "rb")
    stream = f
    try:
        if _read_exact(fname, f, 2) == _GZIP_MAGIC:
            _io(fname, f.seek, 0)
            stream = _io(fname, gzip.GzipFile, None, "rb", 9, f)
        else:
            _io(fname, f.seek, 0)
        head = _read_exact(fname, stream, 4)
        if len(head) < 4:
            raise DataError(f"{fname}: truncated: file too short for an IDX header ({len(head)} bytes)")
        if head[0] != 0 or head[1] != 0 or head[2] not in IDX_DTYPES or not 1 <= head[3] <= 4:
            raise DataError(f"{fname}: not an IDX file: bad magic number 0x{head.hex().upper()} "
                            "(expected 00 00, a type code 08/09/0B/0C/0D/0E and 1 to 4 dimensions)")
        dtype = np.dtype(IDX_DTYPES[head[2]])
        ndim = head[3]
        raw_dims = _read_exact(fname, stream, 4 * ndim)
        if len(raw_dims) < 4 * ndim:
            raise DataError(f"{fname}: truncated: header ends inside the dimension list")
        dims = tuple(int.from_bytes(raw_dims[4 * i: 4 * i + 4], "big") for i in range(ndim))
        total = dtype.itemsize
        span = dtype.itemsize   # the same without zero dimensions: (0, 2³², 2³²) holds nothing but
        for d in dims:          # still cannot be an array shape
            total *= d
            span *= max(d, 1)
        if span > MAX_BYTES:
            raise DataError(f"{fname}: implausible dimensions {dims} ({total:,} bytes of data); "
                            "the header is probably corrupt")

        if stream is f:  # uncompressed: the file size tells at once whether the data is all there
            avail = _io(fname, os.fstat, f.fileno()).st_size - 4 - 4 * ndim
            if avail < total:
                raise DataError(f"{fname}: truncated: expected {total:,} data bytes, found {max(avail, 0):,}")
        # compressed: the buffer grows as data arrives, so a corrupt header claiming gigabytes costs nothing
        buf = bytearray(total if stream is f else min(total, 1 << 24))
        chunk = max(1 << 18, total // 16 + 1)
        got = 0
        if progress:
            progress(0.0)
        while got < total:
            if got == len(buf):
                buf.extend(bytes(min(len(buf), total - len(buf))))
            n = _io(fname, stream.readinto, memoryview(buf)[got: min(got + chunk, len(buf))],
                    eof=f"expected {total:,} data bytes, the compressed file ends after about {got:,}")
            if not n:
                break
            got += n
            if progress:
                progress(got / total)
        if got < total:
            raise DataError(f"{fname}: truncated: expected {total:,} data bytes, found {got:,}")
        extra = 0
        while True:  # reading to the end also makes gzip verify its CRC and length
            more = _io(fname, stream.read, 1 << 20)
            if not more:
                break
            extra += len(more)
        if extra:
            raise DataError(f"{fname}: {extra:,} unexpected trailing bytes after the "
                            f"{total:,} data bytes declared by the header {dims}")
    finally:
        try:
            stream.close()
            f.close()
        except Exception:  # closing a broken gzip stream must not mask the real error
            pass
    arr = np.frombuffer(buf, dtype=dtype).reshape(dims)
    return arr if dtype.itemsize == 1 else arr.astype(dtype.newbyteorder("="))


@dataclass(frozen=True, eq=False)
class ImageDataset:
    """Train/test images (n, h, w) uint8 with int64 labels in 0..n_classes-1."""

    train_images: np.ndarray
    train_labels: np.ndarray
    test_images: np.ndarray
    test_labels: np.ndarray
    class_names: tuple = field(default=tuple(str(i) for i in range(10)))
    name: str = "MNIST"

    def __post_init__(self):
        names = tuple(str(s) for s in self.class_names)
        if not names:
            raise DataError(f"{self.name}: at least one class name is needed")
        object.__setattr__(self, "class_names", names)
        for part in ("train", "test"):
            images = np.asarray(getattr(self, f"{part}_images"))
            labels = np.asarray(getattr(self, f"{part}_labels"))
            if images.ndim != 3 or images.dtype != np.uint8:
                raise DataError(f"{self.name}: {part} images must be a 3-D uint8 array (n, h, w), "
                                f"got {images.ndim}-D {images.dtype}")
            if labels.ndim != 1 or not np.issubdtype(labels.dtype, np.integer):
                raise DataError(f"{self.name}: {part} labels must be a 1-D integer array, "
                                f"got {labels.ndim}-D {labels.dtype}")
            if len(images) != len(labels):
                raise DataError(f"{self.name}: {len(images):,} {part} images but {len(labels):,} labels")
            if len(labels) and (labels.min() < 0 or labels.max() >= len(names)):
                raise DataError(f"{self.name}: {part} labels must lie in 0..{len(names) - 1}, "
                                f"found {labels.min()}..{labels.max()}")
            object.__setattr__(self, f"{part}_images", images)
            object.__setattr__(self, f"{part}_labels", labels.astype(np.int64, copy=False))
        if len(self.train_images) == 0:
            raise DataError(f"{self.name}: no training images")
        if self.train_images.shape[1:] != self.test_images.shape[1:]:
            raise DataError(f"{self.name}: train images are {self.train_images.shape[1:]} "
                            f"but test images are {self.test_images.shape[1:]}")

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    @property
    def image_shape(self) -> tuple:
        return tuple(self.train_images.shape[1:])


# role -> (regex for the standard part of the name, description for messages)
_ROLES = {
    "train_images": (r"train-images[-.]idx3-ubyte", "train-images-idx3-ubyte"),
    "train_labels": (r"train-labels[-.]idx1-ubyte", "train-labels-idx1-ubyte"),
    "test_images": (r"(?:t10k|test)-images[-.]idx3-ubyte", "t10k-images-idx3-ubyte"),
    "test_labels": (r"(?:t10k|test)-labels[-.]idx1-ubyte", "t10k-labels-idx1-ubyte"),
}


def _find(folder: Path, names, role) -> Path:
    """The file in `names` playing `role`; prefers an uncompressed file and the shortest name."""
    pattern, std = _ROLES[role]
    rx = re.compile(rf"^(?:.*[-_.])?{pattern}(?:\.gz)?$", re.IGNORECASE)
    hits = sorted((n for n in names if rx.match(n)), key=lambda n: (n.lower().endswith(".gz"), len(n), n))
    if not hits:
        raise DataError(f"{folder}: missing file for {role.replace('_', ' ')}: looked for {std}, {std}.gz, "
                        f"{std.replace('-idx', '.idx')}[.gz] or a name ending in one of these"
                        + (" (test files may also be named test-… instead of t10k-…)"
                           if role.startswith("test") else ""))
    bases = {re.sub(r"\.gz$", "", n, flags=re.IGNORECASE) for n in hits}
    if len(bases) > 1:
        raise DataError(f"{folder}: several candidate files for {role.replace('_', ' ')}: {', '.join(sorted(bases))}")
    return folder / hits[0]


def _read_class_names(path: Path, needed: int) -> tuple:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise DataError(f"{path.name}: cannot read file ({e.strerror or e})") from None
    except UnicodeDecodeError:
        raise DataError(f"{path.name}: not UTF-8 text") from None
    names = tuple(s.strip() for s in text.splitlines() if s.strip())
    if len(names) < needed:
        raise DataError(f"{path.name}: {len(names)} class names, but the labels need at least {needed}")
    return names


def load_idx_folder(folder=None, progress=None) -> ImageDataset:
    """Load the four IDX files (and optional classes.txt, one class name per line) from `folder`.

    `folder` None means DEFAULT_MNIST_DIR.  `progress(fraction)` is reported over all four files.
    """
    folder = DEFAULT_MNIST_DIR if folder is None else Path(folder)
    if not folder.is_dir():
        raise DataError(f"{folder}: not a folder")
    try:
        names = [p.name for p in folder.iterdir() if p.is_file()]
    except OSError as e:
        raise DataError(f"{folder}: cannot list folder ({e.strerror or e})") from None
    paths = {role: _find(folder, names, role) for role in _ROLES}
    sizes = {}
    for role, p in paths.items():
        try:
            sizes[role] = max(p.stat().st_size, 1)
        except OSError:
            sizes[role] = 1
    grand, done = sum(sizes.values()), 0
    arrays = {}
    for role, p in paths.items():
        sub = None
        if progress:
            def sub(frac, base=done, w=sizes[role]):
                progress((base + frac * w) / grand)
        a = read_idx(p, sub)
        done += sizes[role]
        if role.endswith("images") and (a.ndim != 3 or a.dtype != np.uint8):
            raise DataError(f"{p.name}: expected 3-D unsigned-byte images, got {a.ndim}-D {a.dtype}")
        if role.endswith("labels") and (a.ndim != 1 or not np.issubdtype(a.dtype, np.integer)):
            raise DataError(f"{p.name}: expected 1-D integer labels, got {a.ndim}-D {a.dtype}")
        arrays[role] = a
    for part in ("train", "test"):
        ni, nl = len(arrays[f"{part}_images"]), len(arrays[f"{part}_labels"])
        if ni != nl:
            raise DataError(f"{paths[part + '_labels'].name}: {nl:,} labels for {ni:,} images in "
                            f"{paths[part + '_images'].name}")
    labels = np.concatenate([arrays["train_labels"], arrays["test_labels"]])
    if len(labels) and labels.min() < 0:
        raise DataError(f"{folder}: negative labels")
    needed = int(labels.max()) + 1 if len(labels) else 1
    classes_file = folder / "classes.txt"
    class_names = (_read_class_names(classes_file, needed) if classes_file.is_file()
                   else tuple(str(i) for i in range(max(10, needed))))
    name = "MNIST" if folder.resolve() == DEFAULT_MNIST_DIR else folder.name
    return ImageDataset(arrays["train_images"], arrays["train_labels"], arrays["test_images"],
                        arrays["test_labels"], class_names, name)


def load_mnist(progress=None) -> ImageDataset:
    """The bundled MNIST digits (resources/mnist)."""
    return load_idx_folder(DEFAULT_MNIST_DIR, progress)
