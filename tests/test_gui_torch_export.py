"""File → Export for PyTorch in the main window: enabled with a trained network, writes the .py and weights."""
import numpy as np
import pytest
from fake_mode import BareMode, FakeMode
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.main_window import MainWindow
from gui.settings import AppSettings


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("MLP_STUDIO_UNATTENDED", raising=False)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Discard))
    w = MainWindow(modes={"bare": BareMode(), "fake": FakeMode(title="Fake A")},
                   settings=AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path / "data")
    qtbot.addWidget(w)
    w.warnings = warnings
    return w


def test_export_for_pytorch_from_the_file_menu(window, tmp_path, monkeypatch):
    w = window
    action = w.actions_by_name["export_torch"]
    w.file_menu.aboutToShow.emit()
    assert not action.isEnabled() and not w.files.export_torch(w.mode)   # no network in this mode
    w.tabs.setCurrentIndex(1)
    w.file_menu.aboutToShow.emit()
    assert action in w.file_menu.actions() and action.isEnabled()
    target = tmp_path / "net_torch.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    action.trigger()
    assert target.is_file() and (tmp_path / "net_torch_weights.npz").is_file()
    assert "torch.nn" in target.read_text() or "from torch import nn" in target.read_text()
    pipe = w.mode.current_pipeline()
    with np.load(tmp_path / "net_torch_weights.npz", allow_pickle=False) as z:
        np.testing.assert_array_equal(z["net.0.weight"], pipe.model[0].weight.data)
    assert "net_torch.py" in w.statusBar().currentMessage()
    try:
        import torch  # noqa: F401
    except ImportError:
        return  # the comparison with PyTorch itself is in tests/test_torch_export.py
    import importlib.util
    spec = importlib.util.spec_from_file_location("net_torch", target)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    X = np.random.default_rng(0).normal(size=(20, 2))
    np.testing.assert_allclose(m.predict_proba(m.load_model(), X).numpy(), pipe.predict_proba(X), atol=1e-5)

