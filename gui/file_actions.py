"""Import and export for the current mode: points CSV, plot PNG, model file, NumPy script.

Each action needs an optional ability of the mode (gui/mode_api.py: PointsImport, PointsExport, Plots,
PipelineSource, PipelineSink; ModelActions replaces Save/Load model) and is disabled when the mode has
none of it.
"""
from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWidgets import QFileDialog

from engine import EngineError, Pipeline
from engine.export import numpy_script
from engine.fileio import atomic_write_bytes, atomic_write_text
from gui.constants import CSV_FILTER, MODEL_FILTER, PNG_FILTER, SCRIPT_FILTER
from gui.engine_text import translated
from gui.errors import short_message
from gui.i18n import QT_TR_NOOP, fill, tr
from gui.messages import Message
from gui.mode_api import PipelineSink, PipelineSource, Plots, PointsExport, PointsImport

# The names in the file dialogs' filters (gui/constants.py): translated, the patterns kept (file_filter).
FILTER_NAMES = (QT_TR_NOOP("MLP Studio projects"), QT_TR_NOOP("CSV files"), QT_TR_NOOP("PNG images"),
                QT_TR_NOOP("MLP Studio models"), QT_TR_NOOP("Python scripts"), QT_TR_NOOP("All files"))
# The modes' plot names (their `plot_widgets()` keys, English), shown in File → Export plot as PNG.
PLOT_NAMES = (QT_TR_NOOP("Loss curve"), QT_TR_NOOP("Accuracy curve"), QT_TR_NOOP("R² curve"),
              QT_TR_NOOP("Confusion matrix"), QT_TR_NOOP("First-layer weights"), QT_TR_NOOP("Decision map"),
              QT_TR_NOOP("Fitted curve"), QT_TR_NOOP("Prediction map"), QT_TR_NOOP("Network diagram"))
# The modes' titles in English, for the title written into an exported script (files stay English).
ENGLISH_TITLES = {"playground": "2D playground", "mnist": "MNIST lab"}


def file_filter(english: str) -> str:
    """A Qt name filter such as "CSV files (*.csv);;All files (*)" in the current language: each name
    translated, each pattern kept."""
    parts = []
    for part in english.split(";;"):
        name, sep, pattern = part.partition(" (")
        parts.append(tr(name) + sep + pattern if sep else tr(part))
    return ";;".join(parts)


def widget_png_bytes(widget, scale: float = 2.0) -> bytes:
    """A PNG of a plot (pyqtgraph's exporter, at `scale`× its size) or of any widget (a screen grab)."""
    image = None
    plot_item = getattr(widget, "plotItem", None)
    if hasattr(widget, "export_image"):            # a widget that knows its own tight picture
        image = widget.export_image(scale)
    elif plot_item is not None:
        import pyqtgraph.exporters as pge
        exporter = pge.ImageExporter(plot_item)
        exporter.parameters()["width"] = max(int(widget.width() * scale), 400)
        image = exporter.export(toBytes=True)
    if image is None or image.isNull():
        image = widget.grab().toImage()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    if not image.save(buf, "PNG"):
        raise OSError(tr("the image could not be encoded as PNG"))
    buf.close()
    return bytes(data.data())


class FileActions(QObject):
    def __init__(self, window, settings, report):
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.report = report  # report(title, message): error for the user (title translated; message a
        #                       translated str or a Message)

    # -- helpers -----------------------------------------------------------------------------
    def _ask(self, save: bool, kind: str, title: str, filters: str, suffix: str, name: str = "") -> Path | None:
        start = self.settings.last_folder(kind)
        if name:
            start = str(Path(start) / name)
        if save:
            chosen, _ = QFileDialog.getSaveFileName(self.window, title, start, file_filter(filters))
        else:
            chosen, _ = QFileDialog.getOpenFileName(self.window, title, start, file_filter(filters))
        if not chosen:
            return None
        path = Path(chosen)
        if save and not path.suffix:
            path = path.with_suffix(suffix)
        self.settings.set_last_folder(kind, path)
        return path

    def _run(self, title: str, fn, done: Message) -> bool:
        """Run `fn()`; an error goes to `report(title, …)`, success shows `done` in the status bar."""
        try:
            fn()
        except (EngineError, ValueError) as exc:
            self.report(title, translated(str(exc)))
            return False
        except OSError as exc:
            self.report(title, short_message(exc))
            return False
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            self.report(title, short_message(exc))
            return False
        self.window.show_status(done, 6000)
        return True

    # -- points --------------------------------------------------------------------------------
    def import_points(self, mode, path=None) -> bool:
        if not isinstance(mode, PointsImport):
            return False
        path = path or self._ask(False, "csv", tr("Import points"), CSV_FILTER, ".csv")
        if path is None:
            return False
        return self._run(tr("Import points"), lambda: mode.import_points_csv(Path(path)),
                         Message.info(QT_TR_NOOP("Imported points from %1"), Path(path).name))

    def export_points(self, mode, path=None) -> bool:
        if not isinstance(mode, PointsExport):
            return False
        path = path or self._ask(True, "csv", tr("Export points"), CSV_FILTER, ".csv", "points.csv")
        if path is None:
            return False
        return self._run(tr("Export points"), lambda: mode.export_points_csv(Path(path)),
                         Message.info(QT_TR_NOOP("Exported points to %1"), Path(path).name))

    # -- plots ---------------------------------------------------------------------------------
    def plots(self, mode) -> dict:
        if not isinstance(mode, Plots):
            return {}
        try:
            return dict(mode.plot_widgets() or {})
        except Exception:
            traceback.print_exc(file=sys.stderr)
            return {}

    def export_plot(self, mode, name: str, path=None) -> bool:
        widget = self.plots(mode).get(name)
        if widget is None:
            return False
        slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-") or "plot"
        path = path or self._ask(True, "image", fill(tr("Export %1 as PNG"), tr(name)), PNG_FILTER, ".png",
                                 f"{slug}.png")
        if path is None:
            return False
        return self._run(tr("Export plot"), lambda: atomic_write_bytes(path, widget_png_bytes(widget)),
                         Message.info(QT_TR_NOOP("Saved the %1 as %2"), Message.info(name), Path(path).name))

    # -- models --------------------------------------------------------------------------------
    def pipeline(self, mode):
        return mode.current_pipeline() if isinstance(mode, PipelineSource) else None

    def save_model(self, mode, path=None) -> bool:
        pipe = self._need_pipeline(mode, tr("Save model"))
        if pipe is None:
            return False
        path = path or self._ask(True, "model", tr("Save model"), MODEL_FILTER, ".npz", "model.npz")
        if path is None:
            return False
        return self._run(tr("Save model"), lambda: pipe.save(path),
                         Message.info(QT_TR_NOOP("Saved the model as %1"), Path(path).name))

    def load_model(self, mode, path=None) -> bool:
        if not isinstance(mode, PipelineSink):
            return False
        path = path or self._ask(False, "model", tr("Load model"), MODEL_FILTER, ".npz")
        if path is None:
            return False
        return self._run(tr("Load model"), lambda: mode.load_pipeline(Pipeline.load(path)),
                         Message.info(QT_TR_NOOP("Loaded the model %1"), Path(path).name))

    def export_script(self, mode, path=None) -> bool:
        return self._export(mode, path, tr("Export NumPy script"), tr("Export the network as a NumPy script"),
                            "mlp_network.py",
                            lambda pipe, p, title: atomic_write_text(p, numpy_script(pipe, title=title)),
                            lambda p: Path(p).name)

    def export_torch(self, mode, path=None) -> bool:
        """The network as a PyTorch .py file plus its weights (.npz) beside it (engine/torch_export.py)."""
        from engine.torch_export import export_torch  # writes text and arrays; never imports torch
        return self._export(mode, path, tr("Export for PyTorch"), tr("Export the network for PyTorch"),
                            "mlp_network_torch.py", lambda pipe, p, title: export_torch(pipe, p, title=title),
                            lambda p: Message.info(QT_TR_NOOP("%1 and its weights"), Path(p).with_suffix(".py").name))

    def _export(self, mode, path, what, question, default_name, write, written) -> bool:
        """Export the mode's network as a script: `write(pipe, path, title)`; `written(path)` names the result."""
        pipe = self._need_pipeline(mode, what)
        if pipe is None:
            return False
        path = path or self._ask(True, "script", question, SCRIPT_FILTER, ".py", default_name)
        if path is None:
            return False
        title = f"{self._english_title(mode)} network exported from MLP Studio"   # in the file: not translated
        return self._run(what, lambda: write(pipe, path, title),
                         Message.info(QT_TR_NOOP("Exported the network as %1"), written(path)))

    def _english_title(self, mode) -> str:
        for key, one in getattr(self.window, "modes", {}).items():
            if one is mode and key in ENGLISH_TITLES:
                return ENGLISH_TITLES[key]
        return mode.title

    def _need_pipeline(self, mode, title):
        try:
            pipe = self.pipeline(mode)
        except Exception as exc:
            traceback.print_exc(file=sys.stderr)
            self.report(title, short_message(exc))
            return None
        if pipe is None:
            self.report(title, tr("There is no trained network yet: train it first."))
        return pipe
