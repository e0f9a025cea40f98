"""The project file: one zip archive holding a whole MLP Studio session (points, network, settings,
trained weights, loss history), written atomically and read back exactly.

Layout of the archive (a plain zip; any zip tool can open it):

    project.json        {"format": "mlp-studio-project", "version": 1, "state": <tree>}
    arrays/<n>.npy      one NumPy array per entry (np.save format, never pickled)
    blobs/<n>.bin       raw bytes values (e.g. a model saved with Pipeline.to_bytes())

<tree> is the caller's nested state with its arrays, bytes, tuples and NumPy scalars replaced by
one-key markers (``{"__array__": "arrays/3.npy"}`` ...). JSON values (str, int, float incl. NaN/inf,
bool, None, lists, dicts with str keys) are stored as they are. Every problem reading a file —
missing, truncated, corrupt, foreign, a newer version — raises ProjectFileError with a clear
message; no other exception escapes `load_project`.
"""
from __future__ import annotations

import io
import json
import math
import zipfile
from pathlib import Path

import numpy as np

from .errors import ProjectFileError
from .fileio import atomic_write_bytes

FORMAT = "mlp-studio-project"
VERSION = 1
EXTENSION = ".mlpproj"
HEADER = "project.json"
MODEL_FORMAT = "mlp-studio-model"  # to recognise a model file opened as a project

MAX_TOTAL_BYTES = 2 << 30   # refuse archives that claim more than 2 GiB unpacked
MAX_HEADER_BYTES = 64 << 20
MAX_ENTRIES = 100_000

_ARRAY, _BYTES, _TUPLE, _SCALAR, _DICT = "__array__", "__bytes__", "__tuple__", "__scalar__", "__dict__"
_MARKERS = (_ARRAY, _BYTES, _TUPLE, _SCALAR, _DICT)


# --------------------------------------------------------------------------- writing

class _Encoder:
    def __init__(self):
        self.entries: dict[str, bytes] = {}

    def _add(self, folder: str, suffix: str, data: bytes) -> str:
        name = f"{folder}/{len(self.entries)}{suffix}"
        self.entries[name] = data
        return name

    def encode(self, value, where: str):
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, (np.generic,)):
            return value
        if isinstance(value, np.ndarray):
            return {_ARRAY: self._add("arrays", ".npy", _npy_bytes(value, where))}
        if isinstance(value, np.generic):
            return {_SCALAR: self._add("arrays", ".npy", _npy_bytes(np.asarray(value), where))}
        if isinstance(value, (bytes, bytearray, memoryview)):
            return {_BYTES: self._add("blobs", ".bin", bytes(value))}
        if isinstance(value, tuple):
            return {_TUPLE: [self.encode(v, f"{where}[{i}]") for i, v in enumerate(value)]}
        if isinstance(value, list):
            return [self.encode(v, f"{where}[{i}]") for i, v in enumerate(value)]
        if isinstance(value, dict):
            out = {}
            for k, v in value.items():
                if not isinstance(k, str):
                    raise ProjectFileError(f"cannot save the project: key {k!r} in {where or 'the state'} "
                                           "is not a string")
                out[k] = self.encode(v, f"{where}.{k}" if where else k)
            return {_DICT: out} if any(k in _MARKERS for k in out) else out
        raise ProjectFileError(f"cannot save the project: {where or 'the state'} holds a "
                               f"{type(value).__name__}, which a project file cannot store")


def _npy_bytes(arr: np.ndarray, where: str) -> bytes:
    if arr.dtype.hasobject:
        raise ProjectFileError(f"cannot save the project: {where} is an array of Python objects")
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=False)
    return buf.getvalue()


def project_to_bytes(state: dict) -> bytes:
    """The project file's bytes for `state` (a dict); ProjectFileError if something cannot be stored."""
    if not isinstance(state, dict):
        raise ProjectFileError(f"cannot save the project: the state must be a dict, got {type(state).__name__}")
    enc = _Encoder()
    try:
        tree = enc.encode(state, "")
        header = json.dumps({"format": FORMAT, "version": VERSION, "state": tree},
                            ensure_ascii=False, allow_nan=True)
    except RecursionError:
        raise ProjectFileError("cannot save the project: the state is nested too deeply") from None
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(HEADER, header.encode("utf-8"))
        for name, data in enc.entries.items():
            # Stored, not deflated: weights and coordinates shrink by only ~7%, and deflating a trained
            # MNIST net (~1 MB) took ~32 ms — a visible freeze, since the GUI thread autosaves every 30 s.
            z.writestr(name, data, compress_type=zipfile.ZIP_STORED)
    return buf.getvalue()


def save_project(path, state: dict) -> None:
    """Write `state` to `path` atomically: after a crash the old file or the new one is there, never half.

    Raises ProjectFileError if the state cannot be stored or the file cannot be written."""
    data = project_to_bytes(state)
    p = Path(path)
    try:
        atomic_write_bytes(p, data)
    except OSError as exc:
        raise ProjectFileError(f"{p.name}: cannot be saved ({exc.strerror or exc}).") from None


# --------------------------------------------------------------------------- reading

def _read_npy(raw: bytes, name: str) -> np.ndarray:
    """Parse .npy bytes without trusting the header: no pickles, no allocation beyond the data present."""
    bio = io.BytesIO(raw)
    version = np.lib.format.read_magic(bio)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(bio)
    elif version == (2, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(bio)
    else:
        raise ProjectFileError(f"array {name} has an unsupported .npy version {version}")
    if dtype.hasobject:
        raise ProjectFileError(f"array {name} holds Python objects, which a project file never contains")
    count = math.prod(int(d) for d in shape)
    data = memoryview(raw)[bio.tell():]
    if count * dtype.itemsize != len(data):
        raise ProjectFileError(f"array {name} is damaged: {len(data)} bytes of data for shape {shape} {dtype}")
    flat = np.frombuffer(data, dtype=dtype, count=count) if count else np.empty(0, dtype)
    arr = flat.reshape(shape, order="F" if fortran else "C")
    return np.array(arr, copy=True, order="K")


class _Decoder:
    def __init__(self, read):
        self.read = read  # name -> bytes (raises ProjectFileError if missing)

    def decode(self, value):
        if isinstance(value, list):
            return [self.decode(v) for v in value]
        if not isinstance(value, dict):
            return value
        marker = [k for k in value if k in _MARKERS]
        if not marker:
            return {k: self.decode(v) for k, v in value.items()}
        if len(value) != 1:
            raise ProjectFileError(f"the project data is damaged (stray marker {marker[0]!r})")
        key, arg = next(iter(value.items()))
        if key == _DICT:
            if not isinstance(arg, dict):
                raise ProjectFileError("the project data is damaged (bad dict marker)")
            return {k: self.decode(v) for k, v in arg.items()}
        if key == _TUPLE:
            if not isinstance(arg, list):
                raise ProjectFileError("the project data is damaged (bad tuple marker)")
            return tuple(self.decode(v) for v in arg)
        if not isinstance(arg, str):
            raise ProjectFileError(f"the project data is damaged (bad {key} reference)")
        if key == _BYTES:
            return self.read(arg)
        arr = _read_npy(self.read(arg), arg)
        if key == _SCALAR:
            if arr.ndim != 0:
                raise ProjectFileError(f"the project data is damaged ({arg} is not a scalar)")
            return arr[()]
        return arr


def project_from_bytes(data: bytes, name: str = "project file") -> dict:
    """Parse a project file's bytes; ProjectFileError (naming `name`) for anything wrong."""
    try:
        return _parse(data, name)
    except ProjectFileError as exc:
        msg = str(exc)
        raise ProjectFileError(msg if msg.startswith(name) else f"{name}: {msg}") from None
    except MemoryError:
        raise ProjectFileError(f"{name}: the file is too large to open.") from None
    except RecursionError:
        raise ProjectFileError(f"{name}: the project data is damaged (nested too deeply).") from None
    except Exception as exc:  # zipfile/zlib/struct/json/numpy errors from a damaged archive
        raise ProjectFileError(f"{name}: the file is damaged and cannot be opened "
                               f"({type(exc).__name__}: {exc}).") from None


def _parse(data: bytes, name: str) -> dict:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ProjectFileError(f"expected bytes, got {type(data).__name__}")
    if not bytes(data[:4]) == b"PK\x03\x04":
        if not data:
            raise ProjectFileError(f"{name}: the file is empty, not an MLP Studio project.")
        raise ProjectFileError(f"{name}: not an MLP Studio project file.")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ProjectFileError(f"{name}: the project file is truncated or damaged "
                               "(not a complete zip archive).") from None
    with z:
        infos = {i.filename: i for i in z.infolist()}
        if len(infos) > MAX_ENTRIES:
            raise ProjectFileError(f"{name}: implausibly many entries ({len(infos):,}); the file is damaged.")
        if sum(i.file_size for i in infos.values()) > MAX_TOTAL_BYTES:
            raise ProjectFileError(f"{name}: the archive claims more than {MAX_TOTAL_BYTES >> 30} GiB of data; "
                                   "it is damaged or not a project.")
        if HEADER not in infos:
            if any(n == "header.npy" for n in infos):
                raise ProjectFileError(f"{name}: this is a model file, not a project; open it with "
                                       "File → Load model….")
            raise ProjectFileError(f"{name}: not an MLP Studio project file (no {HEADER} inside).")
        if infos[HEADER].file_size > MAX_HEADER_BYTES:
            raise ProjectFileError(f"{name}: the project header is implausibly large; the file is damaged.")

        def read(entry: str) -> bytes:
            info = infos.get(entry)
            if info is None:
                raise ProjectFileError(f"the entry {entry!r} is missing; the file is damaged")
            return z.read(info)

        try:
            header = json.loads(read(HEADER).decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ProjectFileError(f"{name}: the project header is damaged ({exc}).") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ProjectFileError(f"{name}: not an MLP Studio project file.")
        version = header.get("version")
        if version != VERSION:
            newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
            raise ProjectFileError(f"{name}: project format version {version!r} is not supported "
                                   f"(this MLP Studio reads version {VERSION}"
                                   + ("; the file was written by a newer MLP Studio)." if newer else ")."))
        state = _Decoder(read).decode(header.get("state"))
        if not isinstance(state, dict):
            raise ProjectFileError(f"{name}: the project data is damaged (the state is not a dict).")
        return state


def load_project(path) -> dict:
    """Read a project file and return its state dict. Any problem raises ProjectFileError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ProjectFileError(f"{p.name}: cannot be read ({exc.strerror or exc}).") from None
    return project_from_bytes(data, p.name)


def check_project_state(state, name: str = "project") -> dict:
    """`state` if it has the shape of an MLP Studio project ({"modes": {key: dict, ...}, ...}); else
    ProjectFileError naming `name`. The modes' own parts are checked by the modes."""
    if not isinstance(state, dict) or not isinstance(state.get("modes"), dict):
        raise ProjectFileError(f"{name}: not a complete MLP Studio project (it holds no modes).")
    for key, part in state["modes"].items():
        if not isinstance(part, dict):
            raise ProjectFileError(f"{name}: the project data is damaged (the part {key!r} is a "
                                   f"{type(part).__name__}, not a dict).")
    current = state.get("current_mode")
    if current is not None and not isinstance(current, str):
        raise ProjectFileError(f"{name}: the project data is damaged (current_mode is not a name).")
    return state


def parse_project(path) -> dict:
    """Read and check the project file at `path` without touching anything: its state dict, or
    ProjectFileError with a clear message (unreadable, damaged, foreign, newer, or holding no modes)."""
    p = Path(path)
    return check_project_state(load_project(p), p.name)


validate = parse_project   # the same check, by the name a caller looking for "validate" tries first
parse = parse_project
