"""MLP Studio in Bulgarian and English (issue 13).

(a) the helpers: fill/num/percent/parse_float, Message, the engine's texts (every label, tip and description
    the registries hold is translated; real engine errors and diagnoses come out in Bulgarian);
(b) the committed .ts has no untranslated or obsolete text and the .qm is what lrelease makes of it;
(c) the window in Bulgarian: every mode, tab, dialog, question and a file dialog, with no English left;
(d) a live switch English → Bulgarian → English keeps every state and leaves no word of the other language;
(e) the language at start-up: the remembered choice, else the system locale;
(f) files written in Bulgarian are the files written in English (no decimal commas), and read back the same.
"""
from __future__ import annotations

import re
import shutil
import zipfile

import numpy as np
import pytest
from PySide6.QtCore import QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from gui import i18n
from gui.i18n import QT_TR_NOOP, fill, integer, num, parse_float, percent, set_language, sig, tr
from tests.i18n_walk import cyrillic, english_words, leftovers, texts
from tests.qt_wait import wait_until

CYR = re.compile(r"[\u0400-\u04FF]")
QM = i18n.qm_path("bg")
# Texts that stay English on purpose, as (where-substring, text-substring). Keep it short.
ALLOWLIST: tuple[tuple[str, str], ...] = ()


def _allowed(line: str) -> bool:
    return any(w in line and t in line for w, t in ALLOWLIST)


def english_left(widget) -> list[str]:
    return [line for line in leftovers(widget) if not _allowed(line)]


@pytest.fixture
def bulgarian(qapp):
    """The app in Bulgarian for one test (English again afterwards, whatever happens)."""
    assert QM.is_file(), f"{QM.name} is missing: python -m gui.i18n_build makes it"
    assert set_language("bg") and i18n.current_language() == "bg"
    yield
    set_language("en")


@pytest.fixture
def english(qapp):
    set_language("en")
    yield
    set_language("en")


def settle(ms: int = 50) -> None:
    wait_until(lambda: False, ms / 1000)


# -- (a) the helpers -----------------------------------------------------------------------------------------
def test_fill_places_values_in_the_current_locale(english):
    assert fill("Epoch %1 of %2", 3, 12345) == "Epoch 3 of 12,345"
    assert fill("%2 then %1", "a", "b") == "b then a"
    assert fill("%1 and %3", 1) == "1 and %3"               # a missing value leaves its placeholder
    assert fill("%1", 0.25) == "0.25" and fill("%1", True) == "True"
    assert fill("%1", "%2", "x") == "%2"                   # a value is never filled again
    set_language("bg")
    try:
        assert fill("%1", 0.25) == "0,25"
        assert re.fullmatch(r"12\s345", fill("%1", 12345)), fill("%1", 12345)
    finally:
        set_language("en")


def test_numbers_for_people_follow_the_locale(english):
    assert (num(0.5), num(2, 3), sig(0.000123456, 3), integer(1234567), percent(0.985)) == \
        ("0.50", "2.000", "0.000123", "1,234,567", "98.5%")
    assert num(float("nan")) == "NaN" and num(float("inf")) == "∞" and num("x") == "x"
    assert num(1.50, 3, trim=True) == "1.5"
    set_language("bg")
    try:
        assert (num(0.5), sig(0.000123456, 3), percent(0.985)) == ("0,50", "0,000123", "98,5%")
        assert num(1.50, 3, trim=True) == "1,5"
        assert re.fullmatch(r"1\s234\s567", integer(1234567))
    finally:
        set_language("en")


def test_parse_float_takes_the_locales_comma_and_a_plain_point(english):
    assert parse_float("0.5") == 0.5 and parse_float(" 1,234.5 ") == 1234.5
    with pytest.raises(ValueError):
        parse_float("abc")
    set_language("bg")
    try:
        assert parse_float("0,5") == 0.5 and parse_float("0.5") == 0.5
        assert parse_float("1\u00a0234,5") == 1234.5 and parse_float("-3,25") == -3.25
        with pytest.raises(ValueError):
            parse_float("една")
    finally:
        set_language("en")


def test_a_message_translates_when_read_and_follows_a_switch(english):
    from gui.messages import Message
    msg = Message.info(QT_TR_NOOP("Training has stalled: the loss has hardly changed over the last %1 epochs."), 20)
    engine_msg = Message.error("pts.csv: line 3: label 2.5 is negative")       # an engine text with values
    assert msg.text.startswith("Training has stalled") and "20" in msg.text
    set_language("bg")
    try:
        assert CYR.search(msg.text) and "20" in msg.text and str(msg) == msg.text
        assert CYR.search(engine_msg.text) and "pts.csv" in engine_msg.text and "2,5" in engine_msg.text
        assert engine_msg.is_error and not msg.is_error
    finally:
        set_language("en")
    assert msg.text.startswith("Training has stalled") and engine_msg.text == engine_msg.source
    assert Message.info("").text == ""


def test_qts_own_texts_follow_including_the_gaps_of_its_translation(bulgarian):
    from PySide6.QtCore import QCoreApplication
    for context, source in [("QPlatformTheme", "Cancel"), *i18n.QT_GAPS["bg"]]:
        assert CYR.search(QCoreApplication.translate(context, source)), (context, source)
    assert CYR.search(tr("2D classification"))                  # the gaps' translator hides nothing of ours
    assert tr("%n point(s)", "", 3).startswith("3") and tr("not a known text") == "not a known text"


def test_texts_follow_any_translator_and_run_once_per_switch(english):
    """Registered texts follow a translator installed by anyone (once the event loop runs), and our own
    switch runs each of them once, however many translators it installs and removes."""
    from PySide6.QtCore import QCoreApplication, QObject

    class Marking(QTranslator):
        def isEmpty(self):  # noqa: N802 (Qt's name)
            return False

        def translate(self, context, source, disambiguation=None, n=-1):
            return f"«{source}»" if context == i18n.CONTEXT else None

    owner, seen = QObject(), []
    i18n.on_language_change(owner, lambda: seen.append(tr("2D classification")))
    assert seen == ["2D classification"]
    set_language("bg")                       # installs three translators
    settle()
    assert len(seen) == 2 and CYR.search(seen[-1])
    set_language("en")                       # removes them
    settle()
    assert seen[2:] == ["2D classification"]
    marking = Marking()
    QCoreApplication.installTranslator(marking)
    try:
        settle()
        assert seen[3:] == ["«2D classification»"]
    finally:
        QCoreApplication.removeTranslator(marking)
    settle()
    assert seen[4:] == ["2D classification"]


def test_plot_tick_labels_follow_the_locale(english, qtbot):
    import pyqtgraph as pg

    from gui import plot_locale
    was = plot_locale.installed()
    plot_locale.install()
    try:
        plot = pg.PlotWidget()
        qtbot.addWidget(plot)
        plot.setXRange(0, 1, padding=0)
        plot.resize(400, 300)
        plot.show()
        plot.grab()
        axis = plot.getPlotItem().getAxis("bottom")
        assert axis.tickStrings([0.5, 1.5], 1, 0.5) == ["0.5", "1.5"]
        set_language("bg")
        assert axis.picture is None                                # redrawn after the switch
        assert axis.tickStrings([0.5, 1.5], 1, 0.5) == ["0,5", "1,5"]
        assert plot_locale.localized(["1e-05", "12", "-0.5", "x.y"]) == ["1e-05", "12", "-0,5", "x.y"]
        set_language("en")
        assert axis.tickStrings([0.5, 1.5], 1, 0.5) == ["0.5", "1.5"]
    finally:
        set_language("en")
        if not was:
            plot_locale.uninstall()


def _registry_texts():
    """Every label, tip and description the engine's registries hold, as (kind, text)."""
    from engine.layers import ACTIVATIONS
    from engine.losses import LOSSES
    from engine.presets import MNIST_PRESETS
    from engine.tasks import TASKS
    for task in TASKS.values():
        yield "label", task.label
        yield "label", task.metric_label
    for cls in ACTIVATIONS.values():
        yield "label", cls.label
        yield "description", cls.tip
    for cls in LOSSES.values():
        yield "label", cls.name
    for name, preset in MNIST_PRESETS.items():
        yield "label", name.capitalize()
        yield "description", preset["description"]


def test_every_engine_label_tip_and_description_is_translated(bulgarian):
    """A new activation, task, loss or preset cannot be forgotten: its texts must be in gui/engine_text.py
    and in the .qm (a label may stay the same, e.g. ReLU; a tip or description may not)."""
    from gui.engine_text import NAMES, translated
    ours = QTranslator()
    assert ours.load(str(QM))
    names = set(NAMES)
    missing, untranslated, same = [], [], []
    for kind, text in _registry_texts():
        if text not in names:
            missing.append(text)
        elif not ours.translate("", text):
            untranslated.append(text)
        elif kind == "description" and (translated(text) == text or not CYR.search(translated(text))):
            same.append(text)
    assert not missing, f"add to gui/engine_text.py (QT_TR_NOOP) and translate: {missing}"
    assert not untranslated, f"not translated in the .qm: {untranslated}"
    assert not same, f"still English in Bulgarian: {same}"


def _engine_errors(tmp_path):
    """Real messages of the engine's exceptions a user can cause (bad files, bad pictures, bad settings)."""
    from engine import Pipeline
    from engine.data import load_points_csv
    from engine.digits import prepare
    from engine.project_file import load_project
    from engine.recipe import default_recipe, validate_recipe
    cases = []

    def catch(fn):
        with pytest.raises(ValueError) as info:
            fn()
        cases.append(str(info.value))

    bad = tmp_path / "pts.csv"
    bad.write_text("x1,x2,label\n0.5,1.5,0\n1.0,x,1\n", encoding="utf-8")
    catch(lambda: load_points_csv(bad))
    neg = tmp_path / "neg.csv"
    neg.write_text("x1,x2,label\n0.5,1.5,-1\n", encoding="utf-8")
    catch(lambda: load_points_csv(neg))
    empty = tmp_path / "empty.csv"
    empty.write_text("x1,x2,label\n", encoding="utf-8")
    catch(lambda: load_points_csv(empty))
    header = tmp_path / "header.csv"
    header.write_text("x1,x2,y\n0.5,1.5,0\n", encoding="utf-8")
    catch(lambda: load_points_csv(header))
    notmodel = tmp_path / "model.npz"
    notmodel.write_bytes(b"hello")
    catch(lambda: Pipeline.load(notmodel))
    catch(lambda: Pipeline.load(tmp_path / "missing.npz"))
    notproject = tmp_path / "p.mlpproj"
    notproject.write_bytes(b"")
    catch(lambda: load_project(notproject))
    catch(lambda: prepare(np.zeros((40, 40), np.uint8)))
    catch(lambda: prepare(np.full((40, 40), 255, np.uint8)))
    catch(lambda: validate_recipe(dict(default_recipe(), lr=-1.0)))
    from engine.runs import Run
    catch(lambda: Run.from_dict({"name": "Run 1", "curves": {}, "recipe": dict(default_recipe(), lr=50.0)}))
    return cases


def test_the_engines_errors_and_diagnoses_come_out_in_bulgarian(bulgarian, tmp_path):
    from engine.diagnose import UnitHealth, diagnose
    from gui.engine_text import translated
    from gui.errors import short_message, user_message
    texts = _engine_errors(tmp_path)
    rise = np.linspace(1.0, 0.2, 40)
    found = [diagnose([1.0, float("nan")]), diagnose(np.full(40, 0.7), guess=0.69),
             diagnose(rise, rise * 4 + 0.5, guess=0.69),
             diagnose(rise[:5] * 5, guess=0.69),
             diagnose([0.5] * 5, health=UnitHealth(("ReLU", "Tanh"), (np.ones(4, bool), np.zeros(3, bool)),
                                                   (np.zeros(4, bool), np.ones(3, bool)), (0.0, 0.95)))]
    kinds = {d.kind for ds in found for d in ds}
    assert {"diverged", "stalled", "overfitting", "lr_too_high", "dead_relu", "saturated"} <= kinds, kinds
    texts += [t for ds in found for d in ds for t in (d.text, d.advice)]
    bad = []
    for text in texts:
        shown = translated(text)
        if shown == text or not CYR.search(shown) or english_words(re.sub(r"\S+\.(csv|npz|mlpproj)", "", shown)):
            bad.append(f"{text!r} → {shown!r}")
    assert not bad, "\n".join(bad)
    assert "0,5" in translated("pts.csv: line 3: column 2: value 0.5 is not finite")       # numbers in the locale
    blew = translated("Training diverged at epoch 1, step 5: the loss became nan. The learning rate (10.0) is "
                      "probably too high — try a smaller one. The weights this run started from were kept.")
    assert "стана NaN" in blew and "(10,0)" in blew and "дивергира" in blew, blew      # not Python's 'nan'
    assert "стана ∞" in translated("Training diverged at epoch 1, step 5: the loss became inf. The learning rate "
                                   "(10.0) is probably too high — try a smaller one. The weights this run started "
                                   "from were kept.")
    assert translated("no such engine text, 1.5") == "no such engine text, 1.5" and translated(None) == ""
    from engine import DataError
    assert CYR.search(short_message(DataError(texts[0]))) and CYR.search(user_message(ValueError(texts[0])))
    assert CYR.search(short_message(MemoryError())) and CYR.search(short_message(RuntimeError("boom")))
    assert CYR.search(short_message(OSError(2, "No such file", "x.csv")))


# -- (b) the committed translation files -----------------------------------------------------------------------
def test_the_committed_ts_is_complete_and_the_qm_is_up_to_date():
    from gui import i18n_build
    if shutil.which(i18n_build.LUPDATE) is None or shutil.which(i18n_build.LRELEASE) is None:
        pytest.skip("pyside6-lupdate/pyside6-lrelease are not installed (they come with PySide6-Essentials)")
    assert i18n_build.languages() == ["bg"]
    assert i18n_build.sources() == sorted(i18n_build.sources()) and "gui/main_window.py" in i18n_build.sources()
    problems = i18n_build.check("bg")
    assert not problems, "\n".join(problems)


def test_the_build_check_finds_untranslated_obsolete_and_stale(tmp_path):
    """--check is not a rubber stamp: it sees an unfinished text, an obsolete one and a stale .qm."""
    from gui import i18n_build
    if shutil.which(i18n_build.LUPDATE) is None:
        pytest.skip("pyside6-lupdate is not installed (it comes with PySide6-Essentials)")
    root = tmp_path / "app"
    (root / "gui").mkdir(parents=True)
    (root / "gui" / "a.py").write_text('from gui.i18n import tr\ntr("Hello")\ntr("Bye")\n', encoding="utf-8")
    folder = tmp_path / "i18n"
    i18n_build.build(["bg"], folder, root)
    assert any("2 not translated" in p for p in i18n_build.check("bg", folder, root))
    ts = folder / "mlp_studio_bg.ts"
    text = ts.read_text(encoding="utf-8").replace('<translation type="unfinished"></translation>',
                                                   "<translation>Здравей</translation>", 1)
    ts.write_text(text.replace('<translation type="unfinished"></translation>', "<translation>Чао</translation>"),
                  encoding="utf-8")
    assert any("not what lrelease makes" in p for p in i18n_build.check("bg", folder, root))
    i18n_build.build(["bg"], folder, root)
    assert i18n_build.check("bg", folder, root) == []
    (root / "gui" / "a.py").write_text('from gui.i18n import tr\ntr("Hello")\ntr("New")\n', encoding="utf-8")
    problems = i18n_build.check("bg", folder, root)
    assert any("obsolete" in p and "Bye" in p for p in problems), problems
    assert any("not in the .ts yet" in p and "New" in p for p in problems), problems


# -- (c) the window in Bulgarian ---------------------------------------------------------------------------
def _modal(action, handle, timeout_s: float = 10.0):
    """Run `action` (which opens a blocking dialog), call `handle(dialog)` on the dialog once it shows,
    then close it; returns what `handle` returned."""
    out = {}

    def poll():
        w = QApplication.activeModalWidget()
        if isinstance(w, QDialog) and w.isVisible():
            try:
                out["value"] = handle(w)
            finally:
                w.reject()
            return
        if not out.get("gave_up"):
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
    QTimer.singleShot(int(timeout_s * 1000), lambda: out.setdefault("gave_up", True))
    action()
    assert "value" in out, "no dialog showed"
    return out["value"]


def _open_window(tmp_path, qtbot):
    from gui.app import configure_pyqtgraph
    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    configure_pyqtgraph()
    w = MainWindow(settings=AppSettings(tmp_path / "settings.ini"), data_dir=tmp_path / "data", seed=0)
    qtbot.addWidget(w)
    w.resize(1280, 720)
    w.show()
    return w


@pytest.fixture
def bg_window(bulgarian, qtbot, tmp_path):
    w = _open_window(tmp_path, qtbot)
    yield w
    for mode in w.modes.values():
        mode.shutdown()


def test_every_mode_tab_and_view_is_bulgarian(bg_window):
    from tests.test_layout import visit_all
    found = []
    for where in visit_all(bg_window):
        found += [f"{where} — {line}" for line in english_left(bg_window)]
    for task in ("regression", "regression1d", "classification"):
        bg_window.set_current_mode_key("playground")
        bg_window.playground.set_task(task)
        settle(200)
        found += [f"playground {task} — {line}" for line in english_left(bg_window)]
    assert not found, "\n".join(dict.fromkeys(found))


def test_every_dialog_is_bulgarian(bg_window, qtbot, tmp_path, monkeypatch):
    w, found = bg_window, []

    def walk(name, dialog):
        found.extend(f"{name} — {line}" for line in english_left(dialog))
        return True

    walk("help", w.show_help())
    walk("about", w.show_about())
    from gui.runs.compare_dialog import CompareDialog
    walk("compare", CompareDialog(w.playground.runs_tab))
    # the lab's dialogs: a warning, the augmented samples, the "train a new network?" question
    lab = w.mnist
    w.set_current_mode_key("mnist")
    assert wait_until(lambda: lab.data() is not None, 120), "MNIST did not load"
    assert lab.load_model(tmp_path / "missing.npz") is False and lab.last_message_box is not None
    walk("lab warning", lab.last_message_box)
    lab.last_message_box.close()
    walk("augmented samples", lab.show_augmented_samples())
    lab.apply_preset("tiny")
    lab.session.set_subset(2000)
    with qtbot.waitSignal(lab.training_finished, timeout=120000):
        lab.step()
    lab.play_pause()
    box = lab.last_message_box
    assert box is not None and box.property("discard")
    walk("lab question", box)
    box.button(QMessageBox.Cancel).click()
    # the window's questions and its error box (they never open while unattended)
    monkeypatch.delenv("MLP_STUDIO_UNATTENDED", raising=False)
    try:
        w.errors.report("pts.csv: line 3: label 2.5 is negative")
        boxes = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
        assert boxes
        for b in boxes:
            walk("error box", b)
            b.close()
        w.project.mark_modified()
        _modal(w.project.maybe_save, lambda d: walk("unsaved changes", d))
        _modal(lambda: w.project.error(tr("Open project"), "p.mlpproj: not an MLP Studio project file."),
               lambda d: walk("project error", d))
    finally:
        monkeypatch.setenv("MLP_STUDIO_UNATTENDED", "1")    # before the window closes (it would ask)
    # a file dialog of the app's own (Qt's widgets, not the system's), opened as File → Import points does
    folder = tmp_path / "files"                  # a folder and a file in it: their types are shown too
    (folder / "sub").mkdir(parents=True)
    (folder / "points.csv").write_text("x1,x2,label\n", encoding="utf-8")
    w.settings.set_last_folder("csv", folder / "points.csv")
    QApplication.setAttribute(Qt.AA_DontUseNativeDialogs, True)
    try:
        w.set_current_mode_key("playground")
        assert _modal(lambda: w.files.import_points(w.playground),
                      lambda d: isinstance(d, QFileDialog) and walk("file dialog", d))
    finally:
        QApplication.setAttribute(Qt.AA_DontUseNativeDialogs, False)
    assert not found, "\n".join(dict.fromkeys(found))


# -- (d) a live switch ------------------------------------------------------------------------------------------
def _same(a, b, where="state") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return [f"{where}: keys {sorted(set(a) ^ set(b), key=str)}"]
        return [p for k in a for p in _same(a[k], b[k], f"{where}.{k}")]
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return [f"{where}: length {len(a)} vs {len(b)}"]
        return [p for i, (x, y) in enumerate(zip(a, b, strict=True)) for p in _same(x, y, f"{where}[{i}]")]
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        ok = np.shape(a) == np.shape(b) and np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True)
        return [] if ok else [f"{where}: arrays differ"]
    if isinstance(a, float) and isinstance(b, float) and a != a and b != b:
        return []
    return [] if a == b else [f"{where}: {a!r} vs {b!r}"]


def _menu_texts(window) -> list[str]:
    return [text for where, text in texts(window) if where.startswith("menu ")]


def test_live_switch_keeps_every_state_and_leaves_no_old_words(english, qtbot, tmp_path):
    w = _open_window(tmp_path, qtbot)
    try:
        pg, lab = w.playground, w.mnist
        pg.session.generate("spiral", 120, 0.1)
        pg.session.add_point(1.0, 2.0)
        r = pg.builder.recipe()
        r["hidden"] = [{"units": 5, "activation": "relu"}, {"units": 3, "activation": "tanh"}]
        pg.builder.set_recipe(r)
        pg.builder.recipe_changed.emit()
        for _ in range(3):
            before_step = pg.session.epoch
            pg.step()
            assert wait_until(lambda e=before_step: pg.session.epoch > e and not pg.busy(), 30)
        assert pg.session.epoch >= 3
        w.set_current_mode_key("mnist")
        assert wait_until(lambda: lab.data() is not None, 120), "MNIST did not load"
        lab.apply_preset("quick")
        lab.session.set_epochs(3)
        w.set_current_mode_key("playground")
        settle(300)
        before = {k: m.get_state() for k, m in w.modes.items()}
        menus_before = _menu_texts(w)

        assert set_language("bg")
        settle(200)
        for key in w.modes:
            w.set_current_mode_key(key)
            settle(200)
            left = english_left(w)
            assert not left, f"{key} in Bulgarian:\n" + "\n".join(left)
        assert CYR.search(w.menuBar().actions()[0].text())
        during = {k: m.get_state() for k, m in w.modes.items()}

        set_language("en")
        w.set_current_mode_key("playground")
        settle(200)
        for key in w.modes:
            w.set_current_mode_key(key)
            settle(200)
            assert not cyrillic(w), f"{key} back in English:\n" + "\n".join(cyrillic(w))
        w.set_current_mode_key("playground")
        settle(200)
        after = {k: m.get_state() for k, m in w.modes.items()}
        assert not _same(before, during), "\n".join(_same(before, during))
        assert not _same(before, after), "\n".join(_same(before, after))
        assert _menu_texts(w) == menus_before                  # the same English menus as before the switch
    finally:
        for mode in w.modes.values():
            mode.shutdown()


# -- (e) the language at start-up --------------------------------------------------------------------------
def _system(monkeypatch, name):
    class SystemLocale(QLocale):
        @staticmethod
        def system():
            return QLocale(name)
    monkeypatch.setattr(i18n, "QLocale", SystemLocale)


@pytest.mark.parametrize(("system", "chosen", "expected"), [
    ("bg_BG", "", "bg"), ("en_US", "", "en"), ("de_DE", "", "en"), ("bg_BG", "en", "en"), ("en_GB", "bg", "bg"),
    ("bg_BG", "xx", "bg"),
])
def test_start_language_remembered_choice_else_system(english, monkeypatch, tmp_path, system, chosen, expected):
    from gui.settings import AppSettings
    assert QM.is_file(), f"{QM.name} is missing"
    settings = AppSettings(tmp_path / "settings.ini")
    if chosen:
        settings.q.setValue(i18n.SETTINGS_KEY, chosen)
    _system(monkeypatch, system)
    try:
        assert i18n.start_language(settings) == expected == i18n.current_language()
        assert (QLocale().decimalPoint() == ",") == (expected == "bg")
        assert bool(CYR.search(tr("2D classification"))) == (expected == "bg")
    finally:
        monkeypatch.undo()
        set_language("en")


def test_the_language_chosen_in_the_menu_is_remembered(english, qtbot, tmp_path):
    from gui.settings import AppSettings
    w = _open_window(tmp_path, qtbot)
    try:
        w.set_language("bg")
        assert i18n.current_language() == "bg" and CYR.search(w.menuBar().actions()[0].text())
        assert i18n.start_language(AppSettings(tmp_path / "settings.ini")) == "bg"
        w.set_language("en")
        assert i18n.start_language(AppSettings(tmp_path / "settings.ini")) == "en"
    finally:
        for mode in w.modes.values():
            mode.shutdown()


# -- (f) files written in Bulgarian -----------------------------------------------------------------------
def test_files_written_in_bulgarian_match_english_and_read_back(english, qtbot, tmp_path):
    from engine import Pipeline
    from engine.data import load_points_csv
    w = _open_window(tmp_path, qtbot)
    try:
        pg = w.playground
        pg.session.generate("moons", 80, 0.15)
        pg.session.add_point(0.123456, -1.5)
        for _ in range(2):
            pg.step()
            assert wait_until(lambda: not pg.busy(), 30)
        written = {}
        for lang in ("en", "bg"):
            set_language(lang)
            d = tmp_path / lang
            d.mkdir()
            assert w.files.export_points(pg, d / "points.csv")
            assert w.files.export_script(pg, d / "net.py")
            assert w.files.save_model(pg, d / "model.npz")
            assert w.project.write(d / "project.mlpproj")
            written[lang] = d
        set_language("en")
        en, bg = written["en"], written["bg"]
        # text files: the same bytes in both languages, and every number with a decimal point
        for name in ("points.csv", "net.py"):
            assert (bg / name).read_bytes() == (en / name).read_bytes(), name
        lines = (bg / "points.csv").read_text(encoding="utf-8").splitlines()
        for line in lines[1:]:
            fields = line.split(",")
            assert len(fields) == len(lines[0].split(",")) and all(float(f) == float(f) for f in fields), line
        ds, ours = load_points_csv(bg / "points.csv"), pg.session.points_dataset()
        np.testing.assert_array_equal(ds.X, ours.X)
        np.testing.assert_array_equal(ds.y, ours.y)
        # the model and the project: read back under English, identical
        a, b = Pipeline.load(en / "model.npz"), Pipeline.load(bg / "model.npz")
        grid = np.random.default_rng(0).uniform(-6, 6, (200, 2))
        np.testing.assert_array_equal(a.predict_proba(grid), b.predict_proba(grid))
        np.testing.assert_array_equal(b.predict_proba(grid), pg.current_pipeline().predict_proba(grid))
        for path in (bg / "model.npz", bg / "project.mlpproj"):
            with zipfile.ZipFile(path) as z:
                for info in z.infolist():
                    if info.filename.endswith((".json", ".txt")):
                        text = z.read(info).decode("utf-8")
                        assert not re.search(r"\d,\d{1,2}(?!\d)", text), f"{path.name}/{info.filename}: {text[:200]}"
                        assert not CYR.search(text), f"{path.name}/{info.filename} has Cyrillic"
        before = {k: m.get_state() for k, m in w.modes.items()}
        assert w.project.open_project(bg / "project.mlpproj")
        after = {k: m.get_state() for k, m in w.modes.items()}
        assert not _same(before, after), "\n".join(_same(before, after))
        # the lab's model file
        set_language("bg")
        assert w.mnist.save_model(tmp_path / "lab.npz")
        set_language("en")
        mine, back = w.mnist.pipeline(), Pipeline.load(tmp_path / "lab.npz")
        x = np.random.default_rng(1).uniform(0, 1, (20, 784)).astype(np.float32)
        np.testing.assert_array_equal(mine.predict_proba(x), back.predict_proba(x))
    finally:
        set_language("en")
        for mode in w.modes.values():
            mode.shutdown()
