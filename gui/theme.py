"""Light and dark: a palette for the chosen theme, and plots whose colours follow the palette.

"system" keeps whatever the platform gives (and follows it when it changes); "light"/"dark"
force Qt's Fusion style with a matching palette. Plots take their background from the palette's
Base colour and their axes/text from its Text colour, at creation (pyqtgraph config) and again
on every palette change (apply_to_plots).
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEMES = ("system", "light", "dark")
_system_style: str | None = None
_system_palette: QPalette | None = None


def dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for group in (QPalette.Active, QPalette.Inactive):
        p.setColor(group, QPalette.Window, window)
        p.setColor(group, QPalette.WindowText, text)
        p.setColor(group, QPalette.Base, base)
        p.setColor(group, QPalette.AlternateBase, QColor(50, 50, 54))
        p.setColor(group, QPalette.ToolTipBase, QColor(60, 60, 64))
        p.setColor(group, QPalette.ToolTipText, text)
        p.setColor(group, QPalette.PlaceholderText, QColor(150, 150, 150))
        p.setColor(group, QPalette.Text, text)
        p.setColor(group, QPalette.Button, QColor(55, 55, 58))
        p.setColor(group, QPalette.ButtonText, text)
        p.setColor(group, QPalette.BrightText, QColor(255, 90, 90))
        p.setColor(group, QPalette.Light, QColor(80, 80, 84))
        p.setColor(group, QPalette.Midlight, QColor(65, 65, 68))
        p.setColor(group, QPalette.Mid, QColor(40, 40, 42))
        p.setColor(group, QPalette.Dark, QColor(25, 25, 27))
        p.setColor(group, QPalette.Shadow, QColor(10, 10, 10))
        p.setColor(group, QPalette.Highlight, QColor(42, 130, 218))
        p.setColor(group, QPalette.HighlightedText, QColor(255, 255, 255))
        p.setColor(group, QPalette.Link, QColor(100, 170, 255))
        p.setColor(group, QPalette.LinkVisited, QColor(180, 140, 255))
    disabled = QColor(127, 127, 127)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText, QPalette.HighlightedText):
        p.setColor(QPalette.Disabled, role, disabled)
    p.setColor(QPalette.Disabled, QPalette.Base, QColor(40, 40, 42))
    p.setColor(QPalette.Disabled, QPalette.Window, window)
    p.setColor(QPalette.Disabled, QPalette.Button, QColor(50, 50, 53))
    return p


def apply_theme(name: str) -> None:
    """Switch the whole application to 'system', 'light' or 'dark'."""
    global _system_style, _system_palette
    app = QApplication.instance()
    if app is None or name not in THEMES:
        return
    if _system_style is None:
        _system_style = app.style().name()
        _system_palette = QPalette(app.palette())
    if name == "system":
        app.setStyle(_system_style)
        app.setPalette(_system_palette)
    else:
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if name == "dark" else app.style().standardPalette())
    configure_plot_colors()


def plot_colors(palette: QPalette | None = None) -> tuple[QColor, QColor]:
    if palette is None:
        app = QApplication.instance()
        palette = app.palette() if app is not None else QPalette()
    return palette.color(QPalette.Base), palette.color(QPalette.Text)


def configure_plot_colors(palette: QPalette | None = None) -> None:
    """New pyqtgraph plots take the palette's colours."""
    import pyqtgraph as pg
    background, foreground = plot_colors(palette)
    pg.setConfigOptions(background=background, foreground=foreground)


def apply_to_plots(root: QWidget, palette: QPalette | None = None) -> int:
    """Recolour every existing pyqtgraph view under `root` (backgrounds, axes, titles); returns the count."""
    import pyqtgraph as pg
    background, foreground = plot_colors(palette)
    count = 0
    for view in root.findChildren(pg.GraphicsView):
        if view.property("fixedColors"):  # a widget may opt out (e.g. an image with its own frame)
            continue
        view.setBackground(background)
        scene = view.scene()
        for item in scene.items() if scene is not None else ():
            if isinstance(item, pg.AxisItem):
                item.setPen(foreground)
                item.setTextPen(foreground)
            elif isinstance(item, pg.LabelItem):
                item.setAttr("color", foreground)
                item.setText(item.text)
        count += 1
    return count
