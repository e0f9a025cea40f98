"""The project file format: exact round trips, atomic writes, clear errors for anything wrong."""
import io
import json
import math
import zipfile

import numpy as np
import pytest

import engine
from engine.errors import EngineError, ProjectFileError
from engine.project_file import FORMAT, HEADER, load_project, project_from_bytes, project_to_bytes, save_project


def assert_same(a, b, where="state"):
    """Deep equality including types, dtypes, shapes and NaNs."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for k in a:
            assert_same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), f"{where}: length"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{where}[{i}]")
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape, f"{where}: {a.dtype}{a.shape} != {b.dtype}{b.shape}"
        assert a.tobytes() == b.tobytes(), f"{where}: values differ"
    elif isinstance(a, np.generic):
        assert a.dtype == b.dtype and a.tobytes() == b.tobytes(), f"{where}: scalar differs"
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b)
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def sample_state(rng):
    model = engine.mlp([2, 5, 3], "tanh", rng=rng)
    pipe = engine.Pipeline(model, "classification", 3, ("x1", "x2"), np.zeros(2), np.ones(2), ("a", "b", "c"))
    return {
        "app": {"name": "MLP Studio", "version": "0.1.0"},
        "current_mode": "playground",
        "modes": {
            "playground": {
                "points": {"X": rng.normal(size=(57, 2)), "y": rng.integers(0, 3, 57)},
                "recipe": {"hidden": [{"units": 5, "activation": "tanh"}], "lr": 0.03, "l2": 0.0,
                           "features": ["x1", "x2"], "dtype": "float32"},
                "weights": pipe.to_bytes(),
                "state_dict": {k: v.copy() for k, v in model.state_dict().items()},
                "history": {"epoch": np.arange(40, dtype=np.int64), "loss": rng.random(40).astype(np.float32)},
                "seed": np.int64(7), "lr32": np.float32(0.1), "flag": np.bool_(True),
                "bounds": (-6.0, 6.0, -6.0, 6.0),
                "weird": {"__array__": "not an array", "__dict__": [1, {"__tuple__": 2}]},
                "specials": [float("nan"), float("inf"), -0.0, 1e-310, 2 ** 70, "ünïcødé ✓", None, True],
                "empty": np.zeros((0, 3), np.float32), "fortran": np.asfortranarray(rng.random((3, 4))),
                "big_endian": np.arange(5, dtype=">i4"), "strings": np.array(["ab", "c"]),
            },
            "mnist": {"recipe": {"hidden": []}, "history": [], "nothing": {}},
        },
    }


def test_round_trip_is_exact(tmp_path, rng):
    state = sample_state(rng)
    path = tmp_path / "p.mlpproj"
    save_project(path, state)
    back = load_project(path)
    assert_same(state, back)
    assert back["modes"]["playground"]["fortran"].flags.f_contiguous
    back["modes"]["playground"]["points"]["X"][0, 0] = 99.0  # arrays come back writable
    pipe = engine.Pipeline.from_bytes(back["modes"]["playground"]["weights"])
    assert pipe.n_classes == 3


def test_assert_same_can_fail(rng):
    a = sample_state(rng)
    b = sample_state(np.random.default_rng(1))
    with pytest.raises(AssertionError):
        assert_same(a, b)
    c = project_from_bytes(project_to_bytes(a))
    c["modes"]["playground"]["bounds"] = list(c["modes"]["playground"]["bounds"])
    with pytest.raises(AssertionError):
        assert_same(a, c)


def test_file_is_a_plain_zip_with_json_header(tmp_path, rng):
    path = tmp_path / "p.mlpproj"
    save_project(path, sample_state(rng))
    with zipfile.ZipFile(path) as z:
        header = json.loads(z.read(HEADER))
        assert header["format"] == FORMAT and header["version"] == 1
        assert any(n.startswith("arrays/") and n.endswith(".npy") for n in z.namelist())
        assert any(n.startswith("blobs/") for n in z.namelist())


def test_unstorable_state_raises_and_keeps_old_file(tmp_path, rng):
    path = tmp_path / "p.mlpproj"
    save_project(path, {"a": 1})
    before = path.read_bytes()
    for bad in ({"a": object()}, {"a": {1: 2}}, {"a": np.array([object()])}, [1, 2]):
        with pytest.raises(ProjectFileError) as info:
            save_project(path, bad)
        assert "cannot save" in str(info.value)
    assert path.read_bytes() == before
    assert list(tmp_path.iterdir()) == [path]  # no temporary files left behind


def test_unwritable_folder_raises_project_error(tmp_path):
    with pytest.raises(ProjectFileError) as info:
        save_project(tmp_path / "missing-folder" / "p.mlpproj", {"a": 1})
    assert "p.mlpproj" in str(info.value)


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"hello world, just some text\n", "not an MLP Studio project"),
    (b"PK\x03\x04" + b"\x00" * 20, "truncated or damaged"),
])
def test_foreign_and_broken_files(tmp_path, content, words):
    path = tmp_path / "x.mlpproj"
    path.write_bytes(content)
    with pytest.raises(ProjectFileError) as info:
        load_project(path)
    assert words in str(info.value) and "x.mlpproj" in str(info.value)


def test_model_file_is_recognised(tmp_path, rng):
    path = tmp_path / "m.npz"
    engine.Pipeline(engine.mlp([2, 3, 2], "relu", rng=rng)).save(path)
    with pytest.raises(ProjectFileError, match="model file"):
        load_project(path)


def test_missing_file(tmp_path):
    with pytest.raises(ProjectFileError, match="cannot be read"):
        load_project(tmp_path / "nope.mlpproj")


def _zip(entries: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in entries.items():
            z.writestr(k, v)
    return buf.getvalue()


def _npy_header(descr, shape) -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": descr, "fortran_order": False, "shape": shape})
    return buf.getvalue()


@pytest.mark.parametrize("entries, words", [
    ({HEADER: json.dumps({"format": FORMAT, "version": 99, "state": {}})}, "newer"),
    ({HEADER: json.dumps({"format": "other", "version": 1, "state": {}})}, "not an MLP Studio project"),
    ({HEADER: "{not json"}, "header is damaged"),
    ({HEADER: json.dumps({"format": FORMAT, "version": 1, "state": [1]})}, "not a dict"),
    ({HEADER: json.dumps({"format": FORMAT, "version": 1, "state": {"a": {"__array__": "arrays/0.npy"}}})}, "missing"),
    ({HEADER: json.dumps({"format": FORMAT, "version": 1, "state": {"a": {"__array__": "x", "b": 1}}})},
     "stray marker"),
    ({HEADER: json.dumps({"format": FORMAT, "version": 1, "state": {"a": {"__array__": "a.npy"}}}),
      "a.npy": _npy_header("|O", (1,)) + b"\x00" * 8},
     "Python objects"),
    ({HEADER: json.dumps({"format": FORMAT, "version": 1, "state": {"a": {"__array__": "a.npy"}}}),
      "a.npy": _npy_header("<f8", (10 ** 10,)) + b"\x00" * 16}, "damaged"),
])
def test_damaged_inner_structure(entries, words):
    with pytest.raises(ProjectFileError) as info:
        project_from_bytes(_zip(entries), "p.mlpproj")
    assert words in str(info.value) and str(info.value).startswith("p.mlpproj")
    assert isinstance(info.value, EngineError)


def test_parse_project_checks_the_shape_without_touching_the_file(tmp_path):
    from engine.project_file import parse_project, validate
    good = tmp_path / "good.mlpproj"
    save_project(good, {"current_mode": "a", "modes": {"a": {"x": np.arange(3)}}})
    before = good.read_bytes(), good.stat().st_mtime_ns
    state = parse_project(good)
    assert np.array_equal(state["modes"]["a"]["x"], np.arange(3)) and validate is parse_project
    assert (good.read_bytes(), good.stat().st_mtime_ns) == before
    for bad, needle in (({"app": {}}, "holds no modes"), ({"modes": {"a": [1]}}, "part 'a' is a list"),
                        ({"modes": {}, "current_mode": 3}, "current_mode is not a name")):
        path = tmp_path / "bad.mlpproj"
        save_project(path, bad)
        with pytest.raises(ProjectFileError, match=needle) as info:
            parse_project(path)
        assert str(info.value).startswith("bad.mlpproj: ")
