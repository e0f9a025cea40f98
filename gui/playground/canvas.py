"""PointsCanvas: the data plane. Draws points, the decision/value map and the fitted curve; turns
mouse input into intents (add, paint stroke, erase) for the mode. It never edits data itself."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsItem

from engine.tasks import task_of
from gui.i18n import on_language_change, tr
from gui.widgets.colors import CLASS_HEX, diverging_rgb, is_dark
from gui.widgets.palette import FollowsPalette

TEST_SIZE = 10             # test-point ring diameter (pixels)
PAINT_SPACING = 0.3        # data units between painted points
VALUE_LEVELS = 65          # colours of the value scale (2D regression points share these brushes)


class _Dots(pg.ScatterPlotItem):
    """Point markers that only draw: clicks and hovers go through to the plane below (pyqtgraph's own
    handler would swallow a click on a marker and build one SpotItem object per point to find it)."""

    def mouseClickEvent(self, ev):
        ev.ignore()

    def hoverEvent(self, ev):
        pass


class _CanvasViewBox(pg.ViewBox):
    """A fixed view whose left/right mouse buttons add and erase points instead of panning."""

    def __init__(self, canvas):
        super().__init__(enableMenu=False)
        self.canvas = canvas
        self.setMouseEnabled(False, False)

    def mouseClickEvent(self, ev):
        if ev.button() not in (Qt.LeftButton, Qt.RightButton):
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.canvas._click(p.x(), p.y(), ev.button() == Qt.RightButton)

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() not in (Qt.LeftButton, Qt.RightButton):
            ev.ignore()
            return
        ev.accept()
        erase = ev.button() == Qt.RightButton
        if ev.isStart():
            p0 = self.mapSceneToView(ev.buttonDownScenePos())
            self.canvas._stroke_start(p0.x(), p0.y(), erase)
        p = self.mapSceneToView(ev.scenePos())
        self.canvas._stroke_move(p.x(), p.y())
        if ev.isFinish():
            self.canvas._stroke_end()

    def wheelEvent(self, ev, axis=None):
        ev.ignore()


class PointsCanvas(FollowsPalette, pg.PlotWidget):
    add_requested = Signal(float, float)        # click with the add tool
    erase_requested = Signal(float, float)      # right click, or click with the eraser
    stroke_started = Signal()
    stroke_point = Signal(float, float, bool)   # (x, y, erase) along a drag
    stroke_finished = Signal()

    def __init__(self, parent=None):
        self.vb = _CanvasViewBox(self)
        super().__init__(parent, viewBox=self.vb)
        self.eraser = False
        self._last = None
        self._erase_stroke = False
        self.one_d = False
        pi = self.getPlotItem()
        pi.setMenuEnabled(False)
        pi.hideButtons()
        pi.showGrid(x=False, y=False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setLevels(None)      # finished RGBA bytes: no levels, no lookup table (the fast path)
        self.image.setZValue(-10)
        self._image_geometry = None     # (shape, bounds) the image item is placed for
        self.addItem(self.image)
        self.curve = pg.PlotDataItem(pen=pg.mkPen("#D55E00", width=3))
        self.curve.setZValue(5)
        self.addItem(self.curve)
        self.focus_curve = pg.PlotDataItem(pen=pg.mkPen("#009E73", width=2, style=Qt.DashLine))
        self.focus_curve.setZValue(6)
        self.addItem(self.focus_curve)
        self.train_points = _Dots(size=8, pxMode=True)
        self.train_points.setZValue(10)
        # Test points: a ring in the class colour between two contrasting rings (a wide halo below it),
        # so a blue ring still reads on a blue region, in light and dark themes alike.
        self.test_halo = _Dots(size=TEST_SIZE, pxMode=True)
        self.test_halo.setZValue(8)
        self.test_points = _Dots(size=TEST_SIZE, pxMode=True)
        self.test_points.setZValue(9)
        for item in (self.train_points, self.test_halo, self.test_points):
            item.setCacheMode(QGraphicsItem.DeviceCoordinateCache)   # the map changes under them, they do not
            self.addItem(item)
        # shared brushes and pens: the points index into these (no Python object per point)
        self._brushes = np.array([pg.mkBrush(h) for h in CLASS_HEX], dtype=object)
        self._test_pens = np.array([pg.mkPen(h, width=2.2) for h in CLASS_HEX], dtype=object)
        rgb = diverging_rgb(np.linspace(-1.0, 1.0, VALUE_LEVELS), 1.0)
        self._value_brushes = np.array([pg.mkBrush(*c) for c in rgb], dtype=object)
        self._value_pens = np.array([pg.mkPen(QColor(*c), width=2) for c in rgb], dtype=object)
        self._square_margins = None
        self.vb.sigResized.connect(self._keep_square)
        self.show_test = True
        self._map_image = None
        self._focus_image = None
        self.set_task("classification")
        self._ready = True
        self.apply_palette()
        on_language_change(self, self._retranslate)

    def _retranslate(self) -> None:
        self.setToolTip(tr("Left click: add a point of the selected class · drag: paint points · right click or "
                           "the eraser: remove the nearest point. Filled dots are training points, rings are "
                           "test points the network never trains on."))

    # -- look ------------------------------------------------------------------------------------
    def apply_palette(self) -> None:
        pal = self.palette()
        dark = is_dark(pal)
        self.setBackground(pal.color(QPalette.Base))
        fg = pal.color(QPalette.Text)
        for name in ("left", "bottom"):
            ax = self.getPlotItem().getAxis(name)
            ax.setPen(pg.mkPen(fg))
            ax.setTextPen(pg.mkPen(fg))
        self._outline = pg.mkPen(QColor(250, 250, 250) if dark else QColor(30, 30, 30), width=1)
        self._strong_outline = pg.mkPen(QColor(255, 255, 255) if dark else QColor(0, 0, 0), width=2)
        self._halo = pg.mkPen(QColor(245, 245, 245) if dark else QColor(25, 25, 25), width=4.0)
        self.test_halo.setPen(self._halo)
        self.train_points.setPen(self._strong_outline if getattr(self, "_strong", False) else self._outline)
        self.curve.setPen(pg.mkPen("#D55E00", width=3))

    def set_task(self, task) -> None:
        """Show the plane of `task` (its bounds; a curve in 1D, a map in 2D)."""
        t = task_of(task)
        self.one_d, self._bounds = t.one_d, t.bounds
        one_d = self.one_d
        xmin, xmax, ymin, ymax = self._bounds
        # The view shows exactly the map's bounds; in 2-D the view box is kept square (see _keep_square)
        # instead of locking the aspect, which would pad the view with empty margins.
        self.vb.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)
        self._keep_square()
        self.getPlotItem().setLabel("bottom", "x" if one_d else "x₁")
        self.getPlotItem().setLabel("left", "y" if one_d else "x₂")
        self.image.setVisible(not one_d)
        self.curve.setVisible(one_d)
        self.clear_model()

    @property
    def bounds(self):
        return self._bounds

    # -- points ----------------------------------------------------------------------------------
    def set_points(self, ps, is_test, task: str, vmax: float = 1.0) -> None:
        """Draw a PointSet: training points filled, test points as rings (hidden when show_test is off)."""
        if task_of(task).is_classification:
            brushes = self._brushes[ps.label % len(self._brushes)]
            pens = self._test_pens[ps.label % len(self._test_pens)]
        elif task_of(task).one_d:
            brushes = np.full(ps.n, self._brushes[1], dtype=object)
            pens = np.full(ps.n, self._test_pens[1], dtype=object)
        else:
            t = np.clip(ps.target / max(float(vmax), 1e-12), -1.0, 1.0)
            level = np.rint((t + 1.0) * 0.5 * (VALUE_LEVELS - 1)).astype(np.intp)
            brushes, pens = self._value_brushes[level], self._value_pens[level]
        tr = ~is_test
        regression_2d = not task_of(task).is_classification and not task_of(task).one_d
        # 2D regression points share the map's colours: a bigger dot with a heavier contrasting outline reads
        self._strong = regression_2d
        pen = self._strong_outline if regression_2d else self._outline
        self.train_points.setData(pos=ps.xy[tr], brush=brushes[tr], pen=pen, symbol="o",
                                  size=10 if regression_2d else 8)
        te = is_test if self.show_test else np.zeros_like(is_test)
        self.test_halo.setData(pos=ps.xy[te], brush=None, pen=self._halo, symbol="o", size=TEST_SIZE)
        self.test_points.setData(pos=ps.xy[te], brush=None, pen=pens[te], symbol="o", size=TEST_SIZE)

    @property
    def focus_image(self):
        """The hovered neuron's picture shown instead of the map (2D), or None."""
        return self._focus_image

    # -- model pictures ---------------------------------------------------------------------------
    def clear_model(self) -> None:
        self._map_image = None
        self._focus_image = None
        self._image_geometry = None
        self.image.clear()
        self.curve.setData([], [])
        self.focus_curve.setData([], [])

    def set_map(self, image: np.ndarray | None, bounds) -> None:
        self._map_image = image
        if image is not None and self._focus_image is None:
            self._show_image(image, bounds)

    def set_focus(self, image, bounds) -> None:
        """The hovered neuron's picture (an RGBA image, or (xs, ys) in 1-D) instead of the map; None ends it."""
        if self.one_d:
            if image is None:
                self.focus_curve.setData([], [])
            else:
                self.focus_curve.setData(image[0], image[1])
            return
        self._focus_image = image
        shown = image if image is not None else self._map_image
        if shown is None:
            self.image.clear()
        else:
            self._show_image(shown, bounds)

    def _show_image(self, image, bounds) -> None:
        """Upload finished RGBA bytes; the item is only re-placed when the size or bounds change."""
        self.image.setImage(image, autoLevels=False)
        geometry = (image.shape, tuple(bounds))
        if geometry != self._image_geometry:
            xmin, xmax, ymin, ymax = bounds
            self.image.setRect(xmin, ymin, xmax - xmin, ymax - ymin)
            self._image_geometry = geometry

    def _keep_square(self) -> None:
        """2-D: pad the plot's layout so the view box is square and the map fills it edge to edge."""
        lay = self.getPlotItem().layout
        if self.one_d:
            if self._square_margins is not None:
                self._square_margins = None
                lay.setContentsMargins(0, 0, 0, 0)
            return
        r = self.vb.geometry()
        ml, mt, mr, mb = self._square_margins or (0, 0, 0, 0)
        w, h = r.width() + ml + mr, r.height() + mt + mb     # the view box's room without padding
        if w <= 0 or h <= 0:
            return
        side = min(w, h)
        dx, dy = (w - side) / 2, (h - side) / 2
        margins = (round(dx), round(dy), round(dx), round(dy))
        if margins != self._square_margins:
            self._square_margins = margins
            lay.setContentsMargins(*margins)

    def set_curve(self, xs, ys) -> None:
        self.curve.setData(xs, ys)

    # -- mouse → intents ---------------------------------------------------------------------------
    def _click(self, x: float, y: float, right: bool) -> None:
        if right or self.eraser:
            self.erase_requested.emit(x, y)
        else:
            self.add_requested.emit(x, y)

    def _stroke_start(self, x, y, right) -> None:
        self._erase_stroke = right or self.eraser
        self._last = None
        self.stroke_started.emit()
        self._stroke_move(x, y)

    def _stroke_move(self, x, y) -> None:
        """Emit points every PAINT_SPACING along the path (mouse moves arrive at most ~100 times a second)."""
        if self._last is None:
            self._last = (x, y)
            self.stroke_point.emit(x, y, self._erase_stroke)
            return
        lx, ly = self._last
        d = float(np.hypot(x - lx, y - ly))
        n = int(d // PAINT_SPACING)
        for k in range(1, n + 1):
            t = k * PAINT_SPACING / d
            px, py = lx + (x - lx) * t, ly + (y - ly) * t
            self._last = (px, py)
            self.stroke_point.emit(px, py, self._erase_stroke)

    def _stroke_end(self) -> None:
        self._last = None
        self.stroke_finished.emit()

    def export_image(self, scale: float = 2.0) -> QImage:
        """A PNG-ready picture of the map and its axes only: no square-keeping margins, and room above the
        top tick label so it is not cut off (File → Export plot as PNG)."""
        pi = self.getPlotItem()
        rect = self.vb.sceneBoundingRect()
        for name in ("left", "bottom"):
            rect = rect.united(pi.getAxis(name).sceneBoundingRect())
        pad = self.fontMetrics().height() / 2 + 2
        rect = QRectF(rect.left() - 2, rect.top() - pad, rect.width() + 2 + pad, rect.height() + pad + 2)
        image = QImage(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)),
                       QImage.Format_ARGB32)
        image.fill(self.palette().color(QPalette.Base))
        p = QPainter(image)
        p.setRenderHint(QPainter.Antialiasing, True)
        self.scene().render(p, QRectF(0, 0, image.width(), image.height()), rect)
        p.end()
        return image

    def data_to_viewport(self, x: float, y: float):
        """Widget position of a data point (for tests and tools)."""
        return self.mapFromScene(self.vb.mapViewToScene(QPointF(x, y)))
