"""The window's keyboard shortcuts, read from its actions and shortcuts (so Help's key list cannot go stale)."""
from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from gui.i18n import fill, tr


def _keys(sequences) -> str:
    return " / ".join(QKeySequence(k).toString(QKeySequence.NativeText) for k in sequences if not k.isEmpty())


def _what(action: QAction) -> str:
    name = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
    tip = (action.statusTip() or action.toolTip() or "").strip()
    if tip and tip.rstrip("…") != name:
        return f"{name}: {tip}"
    return name


def shortcut_rows(window: QWidget, modes: dict | None = None) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut in the window (menus and each mode's own File-menu
    actions) and every QShortcut of its modes; a run of digit shortcuts in one mode becomes one row ("1–8")."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    actions = list(getattr(window, "actions_by_name", {}).values())
    for mode in (modes or {}).values():
        get = getattr(mode, "model_actions", None)
        if callable(get):
            actions += [a for a in get() or [] if a not in actions]
    for a in actions:
        if id(a) in seen or not a.shortcuts():
            continue
        seen.add(id(a))
        rows.append((_keys(a.shortcuts()), _what(a)))
    for mode in (modes or {}).values():
        digits, others = [], []
        for sc in mode.findChildren(QShortcut):
            key = sc.key().toString(QKeySequence.NativeText)
            (digits if re.fullmatch(r"[0-9]", key) else others).append((key, sc))
        if digits:
            ks = sorted(k for k, _ in digits)
            what = digits[0][1].whatsThis() or fill(tr("choose class %1–%2 for new points"), ks[0], ks[-1])
            rows.append((f"{ks[0]}–{ks[-1]}" if len(ks) > 1 else ks[0], f"{mode.title}: {what}"))
        for key, sc in others:
            what = sc.whatsThis() or sc.objectName() or tr("shortcut")
            rows.append((key, f"{mode.title}: {what}"))
    return rows


def shortcut_table(window: QWidget, modes: dict | None = None) -> str:
    """The rows as an HTML table for the Help dialog."""
    import html
    cells = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>&nbsp;{html.escape(w)}</td></tr>"
                    for k, w in shortcut_rows(window, modes))
    return f"<table>{cells}</table>"
