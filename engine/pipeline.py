"""A trained network together with what it needs to read raw inputs, saved as one .npz file.

Pipeline = input features (e.g. x1², sin x1) → standardisation → MLP → probabilities or values.
"""
from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field

import numpy as np

from .errors import ModelFileError
from .fileio import atomic_write_bytes
from .model import build_model
from .module import Sequential
from .tasks import KINDS
from .train import make_grid, predict, predict_proba

FORMAT = "mlp-studio-model"
VERSION = 1


@dataclass
class Pipeline:
    model: Sequential
    task: str = "classification"            # or "regression"
    n_classes: int = 2                       # 0 for regression
    features: tuple[str, ...] | None = None  # None: the raw inputs as they are
    mean: np.ndarray | None = None           # subtracted after feature expansion
    std: np.ndarray | None = None            # divided by after that
    class_names: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)  # JSON-able notes (data set, epochs, accuracy, ...)

    def __post_init__(self):
        if self.task not in KINDS:
            raise ValueError(f"Pipeline: task must be 'classification' or 'regression', got {self.task!r}")
        self._grid_key = None
        self._grid_inputs = None

    # -- inputs ------------------------------------------------------------------------------
    def transform(self, X) -> np.ndarray:
        """Raw points → the network's input rows (features, then standardisation), in the model's dtype."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1:
            X = X[:, None]
        if self.features is not None:
            from .data import expand_features
            X = expand_features(X, self.features)
        if self.mean is not None:
            X = X - self.mean
        if self.std is not None:
            X = X / self.std
        return np.ascontiguousarray(X, dtype=self.dtype)

    @property
    def is_classification(self) -> bool:
        return self.task == "classification"

    @property
    def dtype(self):
        return self.model.parameters()[0].data.dtype

    # -- outputs -----------------------------------------------------------------------------
    def predict(self, X) -> np.ndarray:
        """Class labels (classification) or values of shape (n,) (regression)."""
        out = predict(self.model, self.transform(X))
        if not self.is_classification:
            return out[:, 0]
        return out.argmax(axis=1) if out.shape[1] > 1 else (out[:, 0] > 0).astype(np.int64)

    def predict_proba(self, X) -> np.ndarray:
        if not self.is_classification:
            raise ValueError("predict_proba: this is a regression network; use predict")
        return predict_proba(self.model, self.transform(X))

    def decision_grid(self, bounds, n: int = 200) -> np.ndarray:
        """Class probabilities (n, n, C) or values (n, n) on an n×n grid; row i is y, column j is x."""
        key = (tuple(map(float, bounds)), int(n), self.features,
               None if self.mean is None else self.mean.tobytes(), None if self.std is None else self.std.tobytes())
        if key != self._grid_key:  # the grid's network inputs are cached between calls
            self._grid_inputs = self.transform(make_grid(bounds, n))
            self._grid_key = key
        if not self.is_classification:
            return predict(self.model, self._grid_inputs, batch_size=1 << 30)[:, 0].reshape(n, n)
        p = predict_proba(self.model, self._grid_inputs, batch_size=1 << 30)
        return p.reshape(n, n, p.shape[1])

    # -- files -------------------------------------------------------------------------------
    def header(self) -> dict:
        return {"format": FORMAT, "version": VERSION, "model": self.model.get_config(), "task": self.task,
                "n_classes": self.n_classes, "features": None if self.features is None else list(self.features),
                "class_names": list(self.class_names), "meta": self.meta}

    def to_bytes(self) -> bytes:
        arrays = {f"param/{k}": v for k, v in self.model.state_dict().items()}
        if self.mean is not None:
            arrays["pre/mean"] = np.asarray(self.mean, np.float64)
        if self.std is not None:
            arrays["pre/std"] = np.asarray(self.std, np.float64)
        buf = io.BytesIO()
        np.savez(buf, header=np.array(json.dumps(self.header())), **arrays)
        return buf.getvalue()

    def save(self, path) -> None:
        """Write config and weights as one .npz, atomically (the old file survives a crash)."""
        atomic_write_bytes(path, self.to_bytes())

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "model file") -> Pipeline:
        if not bytes(data[:4]).startswith(b"PK"):   # np.load would try other formats and talk of pickles
            raise ModelFileError(f"{name}: not an MLP Studio model file (it is not a .npz archive).")
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                files = {k: z[k] for k in z.files}
        except (OSError, ValueError, EOFError, zipfile.BadZipFile, KeyError, RuntimeError, NotImplementedError) as exc:
            raise ModelFileError(f"{name}: not an MLP Studio model file "
                                 f"(it could not be read as .npz: {exc}).") from None
        except Exception as exc:  # zlib.error, struct.error, ... from a damaged archive
            raise ModelFileError(f"{name}: the file is damaged ({type(exc).__name__}: {exc}).") from None
        try:
            header = json.loads(str(files.pop("header")[()]))
        except KeyError:
            raise ModelFileError(f"{name}: not an MLP Studio model file (no header).") from None
        except (ValueError, TypeError) as exc:
            raise ModelFileError(f"{name}: the model header is damaged ({exc}).") from None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise ModelFileError(f"{name}: not an MLP Studio model file.")
        if header.get("version") != VERSION:
            raise ModelFileError(f"{name}: model format version {header.get('version')!r} is not supported "
                                 f"(this MLP Studio reads version {VERSION}).")
        try:
            state = {k[len("param/"):]: v for k, v in files.items() if k.startswith("param/")}
            _check_shapes(header["model"], state)  # before building: a forged header must not allocate gigabytes
            model = build_model(header["model"], np.random.default_rng(0))
            model.load_state_dict(state)
            feats = header.get("features")
            feats = None if feats is None else tuple(map(str, feats))
            pipe = cls(model, header["task"], int(header["n_classes"]), feats,
                       files.get("pre/mean"), files.get("pre/std"), tuple(map(str, header.get("class_names", ()))),
                       dict(header.get("meta") or {}))
            probe = np.zeros((1, pipe._n_raw_inputs()))
            pipe.predict(probe)  # the pieces must fit together
        except ModelFileError:
            raise
        except Exception as exc:
            raise ModelFileError(f"{name}: the model inside is inconsistent ({exc}).") from None
        return pipe

    def _n_raw_inputs(self) -> int:
        if self.features is not None:
            return 1 if all("x2" not in f for f in self.features) else 2
        return self.model[0].in_features

    @classmethod
    def load(cls, path) -> Pipeline:
        """Read a model file; any problem raises ModelFileError and nothing else changes."""
        from pathlib import Path
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ModelFileError(f"{p.name}: cannot be read ({exc.strerror or exc}).") from None
        return cls.from_bytes(data, p.name)


def _check_shapes(config, state: dict) -> None:
    """Every Linear layer in `config` must come with a weight (and bias) array of the matching shape."""
    layers = config.get("layers") if isinstance(config, dict) else None
    if not isinstance(layers, list):
        raise ValueError("no layer list")
    for i, spec in enumerate(layers):
        if not isinstance(spec, dict) or spec.get("type") != "Linear":
            continue
        shape = (spec.get("out_features"), spec.get("in_features"))
        w = state.get(f"{i}.weight")
        if w is None or w.shape != shape:
            raise ValueError(f"layer {i} should have a {shape} weight, found {None if w is None else w.shape}")
        b = state.get(f"{i}.bias")
        if spec.get("bias", True) and (b is None or b.shape != shape[:1]):
            raise ValueError(f"layer {i} should have a {shape[:1]} bias, found {None if b is None else b.shape}")


def save_model(path, pipeline: Pipeline) -> None:
    pipeline.save(path)


def load_model(path) -> Pipeline:
    return Pipeline.load(path)
