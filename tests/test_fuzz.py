"""Fuzzing the file readers: thousands of corrupted, truncated and random inputs to the project,
model, points-CSV and IDX readers must always end in the project's own clear error (or a valid
result) — never another exception, a crash or a hang.

Set MLP_FUZZ_SCALE=10 for a longer hunt; the default keeps this file well under a minute.
"""
import gzip
import io
import json
import os
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine
from engine.data import Dataset, load_points_csv
from engine.errors import DataError, ModelFileError, ProjectFileError
from engine.idx import read_idx
from engine.project_file import HEADER, load_project, project_from_bytes, project_to_bytes

SCALE = float(os.environ.get("MLP_FUZZ_SCALE", "1"))
MAX_SECONDS = 5.0  # one input taking longer than this counts as a hang


def fuzz_settings(n):
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much, HealthCheck.large_base_example])


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def expect(reader, arg, error):
    """Run reader(arg): a result or `error` is fine; any other exception fails the test; so does slowness."""
    t0 = time.perf_counter()
    try:
        result = reader(arg)
    except error as exc:
        assert str(exc).strip(), "an error without a message"
        result = exc
    elapsed = time.perf_counter() - t0
    assert elapsed < MAX_SECONDS, f"the reader took {elapsed:.1f} s on one input (a hang)"
    return result


# --------------------------------------------------------------------------- byte-level mutation

@st.composite
def mutated(draw, seeds):
    """A valid seed file, damaged by a few random edits (or replaced by random bytes)."""
    data = bytearray(draw(st.sampled_from(seeds)))
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=600))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["truncate", "flip", "set", "insert", "delete", "duplicate"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "truncate":
            del data[pos:]
        elif op == "flip" and data:
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            blob = draw(st.binary(min_size=1, max_size=8))
            data[pos:pos + len(blob)] = blob
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 32))]
        elif op == "duplicate":
            data[pos:pos] = data[pos:pos + draw(st.integers(1, 64))]
    return bytes(data)


def _small_pipelines():
    rng = np.random.default_rng(0)
    a = engine.Pipeline(engine.mlp([2, 3, 2], "tanh", rng=rng), "classification", 2, ("x1", "x2"),
                        np.zeros(2), np.ones(2), ("red", "blue"))
    b = engine.Pipeline(engine.mlp([3, 2, 1], "relu", rng=rng, dtype="float64"), "regression", 0,
                        ("x1", "x1^2", "sin x1"), np.ones(3), np.full(3, 2.0))
    c = engine.Pipeline(engine.mlp([4, 3], "tanh", rng=rng), "classification", 3)
    return [a, b, c]


PIPELINES = _small_pipelines()
MODEL_SEEDS = [p.to_bytes() for p in PIPELINES]


def _project_seeds():
    rng = np.random.default_rng(1)
    states = [
        {"modes": {"playground": {"X": rng.normal(size=(6, 2)), "y": np.arange(6) % 2, "lr": 0.03,
                                  "model": MODEL_SEEDS[0], "history": (1.0, 0.5), "n": np.int64(3)}},
         "current_mode": "playground"},
        {"a": [1, "two", None, True, {"__dict__": 1}], "b": np.float32(2.5), "c": np.zeros((2, 0))},
    ]
    seeds = [project_to_bytes(s) for s in states]
    buf = io.BytesIO()  # the same content stored uncompressed, so edits hit the JSON and .npy bytes
    with zipfile.ZipFile(io.BytesIO(seeds[0])) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    return seeds + [buf.getvalue()]


PROJECT_SEEDS = _project_seeds()

CSV_SEEDS = [
    b"x1,x2,label\n0.5,-1.25,0\n1,2,1\n-3.5,4,2\n",
    b"x,target\n0.1,2.5\n-1,3\n# comment\n\n2,1e-3\n",
    b"\xef\xbb\xbfx1,x2,target\n1,2,3.5\n4,5,6\n",
    b"1,2,0\n3,4,1\n5,6,1\n",
]


def _idx(arr, code=0x08):
    dt = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}[code]
    head = bytes([0, 0, code, arr.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in arr.shape)
    return head + np.ascontiguousarray(arr, dtype=dt).tobytes()


_r = np.random.default_rng(2)
IDX_SEEDS = [_idx(_r.integers(0, 256, (3, 4, 4))), _idx(np.arange(7) % 10),
             _idx(_r.normal(size=(2, 3)), 0x0D), _idx(_r.integers(-5, 5, (5,)), 0x0C)]
IDX_SEEDS += [gzip.compress(s) for s in IDX_SEEDS[:2]]


# --------------------------------------------------------------------------- project files

@fuzz_settings(1500)
@given(data=mutated(PROJECT_SEEDS))
def test_project_reader_bytes(data):
    result = expect(lambda d: project_from_bytes(d, "fuzz.mlpproj"), data, ProjectFileError)
    assert isinstance(result, (dict, ProjectFileError))
    if isinstance(result, ProjectFileError):
        assert str(result).startswith("fuzz.mlpproj")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
                    | st.sampled_from(["__array__", "__bytes__", "__tuple__", "__scalar__", "__dict__",
                                       "arrays/0.npy", "blobs/1.bin", "project.json"]),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                        st.sampled_from(["__array__", "__bytes__", "__tuple__", "__scalar__", "__dict__", "a", "b"]),
                        kids, max_size=3),
                    max_leaves=12)


@fuzz_settings(600)
@given(header=st.one_of(JSON, st.fixed_dictionaries({"format": st.just("mlp-studio-project"),
                                                      "version": st.sampled_from([1, 1, 2, "1", None, True]),
                                                      "state": JSON})),
       entry=mutated([PROJECT_SEEDS[0][:0] + b"\x93NUMPY\x01\x00v\x00" + b"{}" * 3, b"abc",
                      np.lib.format.magic(1, 0) + b"\x10\x00{'descr': '<i4', }\n"]),
       raw_header=st.booleans(), junk=st.binary(max_size=40))
def test_project_reader_structure(header, entry, raw_header, junk):
    """A valid zip with a damaged inside: random JSON trees, markers pointing anywhere, bad .npy."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(HEADER, junk if raw_header else json.dumps(header))
        z.writestr("arrays/0.npy", entry)
        z.writestr("blobs/1.bin", junk)
    expect(lambda d: project_from_bytes(d, "p"), buf.getvalue(), ProjectFileError)


@fuzz_settings(150)
@given(data=mutated(PROJECT_SEEDS))
def test_project_reader_from_disk(folder, data):
    path = folder / "fuzz.mlpproj"
    path.write_bytes(data)
    expect(load_project, path, ProjectFileError)


# --------------------------------------------------------------------------- model files

@fuzz_settings(1500)
@given(data=mutated(MODEL_SEEDS))
def test_model_reader_bytes(data):
    result = expect(lambda d: engine.Pipeline.from_bytes(d, "fuzz.npz"), data, ModelFileError)
    if isinstance(result, engine.Pipeline):
        result.predict(np.zeros((2, result._n_raw_inputs())))


@fuzz_settings(600)
@given(which=st.integers(0, len(PIPELINES) - 1), path=st.lists(st.sampled_from(
    ["model", "layers", 0, 1, 2, "in_features", "out_features", "type", "features", "task", "n_classes",
     "class_names", "meta", "version", "format", "dtype", "negative_slope", "bias", "init"]), min_size=1, max_size=4),
       value=JSON, drop=st.sampled_from([None, "param/0.weight", "pre/mean", "pre/std", "param/2.bias"]),
       reshape=st.booleans())
def test_model_reader_structure(which, path, value, drop, reshape):
    """Valid .npz archives whose header JSON has one value replaced, or whose arrays are missing or odd."""
    pipe = PIPELINES[which]
    header = pipe.header()
    node = header
    for key in path[:-1]:
        nxt = node[key] if isinstance(node, dict) and key in node else (
            node[key] if isinstance(node, list) and isinstance(key, int) and key < len(node) else None)
        if not isinstance(nxt, (dict, list)):
            break
        node = nxt
    last = path[-1]
    if isinstance(node, dict):
        node[str(last)] = value
    elif isinstance(node, list) and isinstance(last, int) and last < len(node):
        node[last] = value
    arrays = {f"param/{k}": v for k, v in pipe.model.state_dict().items()}
    if pipe.mean is not None:
        arrays["pre/mean"], arrays["pre/std"] = pipe.mean, pipe.std
    arrays.pop(drop, None)
    if reshape:
        arrays = {k: (v.reshape(-1)[:-1] if v.size > 1 else v.astype(np.int8)) for k, v in arrays.items()}
    buf = io.BytesIO()
    np.savez(buf, header=np.array(json.dumps(header)), **arrays)
    result = expect(engine.Pipeline.from_bytes, buf.getvalue(), ModelFileError)
    if isinstance(result, engine.Pipeline):
        result.predict(np.zeros((2, result._n_raw_inputs())))


@fuzz_settings(150)
@given(data=mutated(MODEL_SEEDS))
def test_model_reader_from_disk(folder, data):
    path = folder / "fuzz.npz"
    path.write_bytes(data)
    expect(engine.Pipeline.load, path, ModelFileError)


# --------------------------------------------------------------------------- points CSV

CELL = st.one_of(st.floats().map(repr), st.integers(-20, 20).map(str), st.text(max_size=4),
                 st.sampled_from(["x1", "x2", "X1", "label", "target", "x", "", " ", "#", "nan", "inf", "-0",
                                  "1e999", "1_000", "0x10", "\ufeff", "\u00a0", "7", "8", "1.5"]))
CSV_TEXT = st.lists(st.lists(CELL, max_size=5).map(",".join), max_size=12).map("\n".join)


@fuzz_settings(1000)
@given(data=st.one_of(mutated(CSV_SEEDS), CSV_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass"))))
def test_points_csv_reader(folder, data):
    path = folder / "fuzz.csv"
    path.write_bytes(data)
    result = expect(load_points_csv, path, DataError)
    assert isinstance(result, (Dataset, DataError))


# --------------------------------------------------------------------------- IDX

@fuzz_settings(1000)
@given(data=mutated(IDX_SEEDS))
def test_idx_reader(folder, data):
    path = folder / "fuzz-idx3-ubyte"
    path.write_bytes(data)
    result = expect(read_idx, path, DataError)
    assert isinstance(result, (np.ndarray, DataError))


@fuzz_settings(600)
@given(code=st.sampled_from([0x08, 0x09, 0x0B, 0x0C, 0x0D, 0x0E, 0x00, 0x0A, 0xFF]), ndim=st.integers(0, 6),
       dims=st.lists(st.one_of(st.integers(0, 9), st.integers(0, 2 ** 32 - 1)), min_size=6, max_size=6),
       body=st.binary(max_size=300), zipped=st.booleans(), prefix=st.sampled_from([b"\0\0", b"\0\1", b"\x1f\x8b"]))
def test_idx_reader_headers(folder, code, ndim, dims, body, zipped, prefix):
    """Headers that claim any type, rank and (huge) sizes, over too little or too much data."""
    raw = prefix + bytes([code, ndim]) + b"".join(d.to_bytes(4, "big") for d in dims[:ndim]) + body
    path = folder / "fuzz-h-idx1-ubyte"
    path.write_bytes(gzip.compress(raw) if zipped else raw)
    expect(read_idx, path, DataError)
