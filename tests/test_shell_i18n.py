"""The shell's texts follow a live language switch (issue 13): menus, window title, status message, Help
(kept open between uses), About and the file dialogs' filters change to the new language and back, with a
small test translation compiled here (the app's own .qm is built by the release, not by the tests)."""
import shutil
import subprocess
from xml.sax.saxutils import escape

import pytest
from fake_mode import make_window
from PySide6.QtCore import QLocale

import gui.i18n as i18n
from gui.constants import CSV_FILTER, PROJECT_FILTER
from gui.dialogs.help import HELP_PARTS, help_html
from gui.file_actions import file_filter

TEST_BG = {
    "&File": "&Файл", "&Help": "&Помощ", "Untitled": "Без име", "Opened %1": "Отворен е %1",
    "What training does": "Какво прави обучението", "%1 Help": "Помощ за %1", "About %1": "За %1",
    "MLP Studio itself is free software under the MIT licence.": "Самото MLP Studio е свободен софтуер.",
    "CSV files": "CSV файлове", "All files": "Всички файлове", "MLP Studio projects": "Проекти на MLP Studio",
    "Start a new project: the default points and network.": "Започване на нов проект.",
}


def compile_qm(folder, entries) -> str:
    messages = "".join(f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
                       for s, t in entries.items())
    ts = folder / "test_bg.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="bg_BG">'
                  f"<context><name></name>{messages}</context></TS>", encoding="utf-8")
    qm = folder / "test_bg.qm"
    subprocess.run([shutil.which("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    return str(qm)


@pytest.fixture
def bulgarian(tmp_path, monkeypatch):
    """gui.i18n loads a small Bulgarian test translation; English and the old default locale come back after."""
    if shutil.which("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    qm = compile_qm(tmp_path, TEST_BG)
    monkeypatch.setattr(i18n, "qm_path", lambda code: tmp_path / "test_bg.qm" if code == "bg" else tmp_path / "none")
    before = QLocale()
    yield qm
    i18n.set_language("en")
    QLocale.setDefault(before)


def test_file_filters_translate_names_and_keep_patterns(qtbot, bulgarian):
    assert file_filter(CSV_FILTER) == CSV_FILTER          # English: unchanged
    i18n.set_language("bg")
    assert file_filter(CSV_FILTER) == "CSV файлове (*.csv);;Всички файлове (*)"
    assert file_filter(PROJECT_FILTER) == "Проекти на MLP Studio (*.mlpproj);;Всички файлове (*)"
    i18n.set_language("en")
    assert file_filter(PROJECT_FILTER) == PROJECT_FILTER


def test_help_is_the_same_text_in_pieces():
    text = help_html()
    assert text.count("<li>") == sum(tag == "li" for tag, _ in HELP_PARTS) == 5
    assert text.count("<ul>") == text.count("</ul>") == 1
    for phrase in ("<b>multi-layer perceptron</b>", "W ← W − η ∂L/∂W", "<h3>Keys</h3>", "60,000 handwritten",
                   "<i>Show samples…</i>", "run anywhere."):
        assert phrase in text, phrase


def test_shell_texts_follow_a_live_language_switch(qtbot, tmp_path, bulgarian):
    env = {"dir": tmp_path, "settings": tmp_path / "settings.ini", "data": tmp_path / "data"}
    w = make_window(qtbot, env)
    path = tmp_path / "p.mlpproj"
    assert w.project.write(path) and w.project.open_project(path)
    help_dialog = w.show_help()
    about = w.show_about()
    qtbot.addWidget(about)

    def shown():
        return {"menus": [a.text() for a in w.menuBar().actions()], "title": w.windowTitle(),
                "status": w.statusBar().currentMessage(), "new tip": w.actions_by_name["new"].statusTip(),
                "help title": help_dialog.windowTitle(), "help": help_dialog.browser.toPlainText(),
                "about title": about.windowTitle(), "about": about.label.text()}

    english = shown()
    assert english["title"] == "p.mlpproj — MLP Studio" and english["status"] == "Opened p.mlpproj"
    w.set_language("bg")
    assert i18n.current_language() == "bg" and w.settings.q.value("language") == "bg"
    now = shown()
    assert now["menus"][0] == "&Файл" and now["menus"][-1] == "&Помощ"
    assert now["status"] == "Отворен е p.mlpproj" and now["new tip"] == "Започване на нов проект."
    assert now["help title"] == "Помощ за MLP Studio" and "Какво прави обучението" in now["help"]
    assert "What training does" not in now["help"]
    assert now["about title"] == "За MLP Studio" and "Самото MLP Studio" in now["about"]
    w.project.new_project()
    assert w.windowTitle() == "Без име — MLP Studio"
    assert help_dialog is w.show_help()                    # the same Help, kept open, in the new language
    w.set_language("en")
    assert w.windowTitle() == "Untitled — MLP Studio"
    w.project.open_project(path)
    assert shown() == english
