"""Help lists every key the window has (read from its actions, so it cannot go stale) and long tooltips are
wrapped to a readable width (issue 9)."""
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QTabBar, QWidget

from gui.dialogs.keys import shortcut_rows
from gui.tooltips import WRAP_AT, is_rich, wrap_tooltip


def test_help_lists_every_shortcut_of_the_window(window):
    dialog = window.show_help()
    text = dialog.browser.toPlainText()
    for name, action in window.actions_by_name.items():
        for key in action.shortcuts():
            assert key.toString(QKeySequence.NativeText) in text, (name, key.toString())
    for mode in window.modes.values():
        for action in mode.model_actions() if hasattr(mode, "model_actions") else ():
            for key in action.shortcuts():
                assert key.toString(QKeySequence.NativeText) in text
    for key in ("1–8", "Ctrl+1", "Ctrl+2", "Space", "Ctrl+Z", "F1"):
        assert key in text, key
    rows = dict(shortcut_rows(window, window.modes))
    assert "Step" in rows["S"] and "Reset" in rows["R"] and "Play" in rows["Space"]
    assert "class 1–8" in rows["1–8"]
    dialog.close()


def test_a_new_action_appears_in_help_without_editing_it(window):
    from gui.dialogs.help import help_html
    window._action(window.edit_menu, "demo", "&Demo thing", lambda: None, QKeySequence("Ctrl+Alt+D"), "Demo.")
    assert "Demo thing" in help_html(window) and QKeySequence("Ctrl+Alt+D").toString(QKeySequence.NativeText) in \
        help_html(window)


def test_wrap_tooltip():
    long = "word " * 40 + "<x> & y"
    w = wrap_tooltip(long)
    assert is_rich(w) and "&lt;x&gt; &amp; y" in w
    assert wrap_tooltip("short tip") == "short tip"
    rich = "<b>already</b> rich " + "x " * 50
    assert wrap_tooltip(rich) == rich


def test_every_long_tooltip_in_the_window_wraps_to_a_readable_width(window, qtbot):
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    tips = []
    for w in [window, *window.findChildren(QWidget)]:
        tips.append(w.toolTip())
        if isinstance(w, QTabBar):
            tips += [w.tabToolTip(i) for i in range(w.count())]
        if isinstance(w, QComboBox):
            tips += [w.itemData(i, 3) for i in range(w.count()) if isinstance(w.itemData(i, 3), str)]
    long = [t for t in tips if t and len(t) > WRAP_AT]
    assert len(long) > 20
    probe = QLabel()
    probe.setWordWrap(True)          # how Qt's tooltip label shows rich text
    limit = 90 * probe.fontMetrics().averageCharWidth()
    for t in long:
        assert is_rich(t), t[:80]
        probe.setText(t)
        assert probe.sizeHint().width() <= limit, t[:80]
