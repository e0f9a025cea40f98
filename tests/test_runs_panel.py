"""The Runs panel shows a RunLog: table, overlay of the selected runs, highlighted differences."""
import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.recipe import default_recipe
from engine.runs import Run, RunLog
from gui.runs.runs_panel import RunsPanel


def _run(name, lr, n, weights=True):
    curves = {"train_loss": np.geomspace(1, 0.05 / lr, n), "test_loss": np.geomspace(1.2, 0.08 / lr, n),
              "train_metric": np.linspace(0.5, 0.97, n), "test_metric": np.linspace(0.5, 0.93, n),
              "seconds": np.linspace(0.05, 0.05 * n, n)}
    return Run(name, default_recipe(lr=lr), 0, {"preset": "circle"}, curves, 90, 0.05 * n, 30 * n,
               {"0.weight": np.zeros((8, 2))} if weights else None)


@pytest.fixture
def panel(qtbot):
    p = RunsPanel()
    qtbot.addWidget(p)
    p.resize(900, 700)
    p.show()
    log = RunLog()
    log.add(_run("slow", 0.01, 30))
    log.add(_run("fast", 0.1, 50, weights=False))
    p.show_log(log)
    return p, log


def test_overlay_draws_one_curve_per_selected_run_from_its_data(panel, qtbot):
    p, log = panel
    assert p.table.rowCount() == 2
    assert p.plot.drawn() == []
    p.show_log(log, select=[0, 1])
    drawn = p.plot.drawn()
    assert len(drawn) == 2
    np.testing.assert_allclose(drawn[0][1], log.runs[0].curves["test_loss"])
    np.testing.assert_allclose(drawn[1][0], np.arange(1, 51))
    p.x_axis.setCurrentIndex(1)       # against seconds
    np.testing.assert_allclose(p.plot.drawn()[1][0], log.runs[1].curves["seconds"])
    assert "lr" in p.differ.text() and "0.01 / 0.1" in p.differ.text()
    assert not p.restore_btn.isEnabled()                 # two selected
    p.show_log(log, select=[1])
    assert not p.restore_btn.isEnabled()                 # its weights were not kept
    p.show_log(log, select=[0])
    assert p.restore_btn.isEnabled()
    with qtbot.waitSignal(p.restore_requested) as sig:
        p.restore_btn.click()
    assert sig.args == [0]


def test_sorting_and_rename_forward_the_log_index(panel, qtbot):
    p, log = panel
    p.table.sortItems(3, Qt.DescendingOrder)            # epochs: "fast" (50) first
    assert p.table.item(0, 0).text() == "fast"
    p.show_log(log, select=[])
    p.table.sortItems(3, Qt.DescendingOrder)
    p.table.selectRow(0)
    assert p.selected() == [1]
    with qtbot.waitSignal(p.rename_requested) as sig:
        p.table.item(0, 0).setText("quick")
    assert sig.args == [1, "quick"]
    with qtbot.waitSignal(p.delete_requested) as sig:
        p.delete_btn.click()
    assert sig.args == [[1]]


def test_what_changed_keeps_a_readable_width_in_a_narrow_panel(panel, qtbot):
    """The playground's side panel is ~500 px: the "What changed" column is not squeezed to "…" by the
    figures' columns (the table scrolls sideways instead)."""
    from gui.runs.runs_panel import CHANGES_WIDTH
    p, log = panel
    p.resize(500, 400)
    p.show()
    qtbot.waitExposed(p)
    assert p.table.columnWidth(1) >= CHANGES_WIDTH >= 200
