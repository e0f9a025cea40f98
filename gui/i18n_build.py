"""Build the app's translations: `python -m gui.i18n_build` (see the README, "Languages").

    python -m gui.i18n_build            update resources/i18n/mlp_studio_<lang>.ts from the sources
                                        (pyside6-lupdate over every gui/**/*.py), then compile each .qm
                                        (pyside6-lrelease)
    python -m gui.i18n_build --lang xx  the same, starting a new language xx (an empty .ts to translate)
    python -m gui.i18n_build --check    change nothing; report texts the .ts lacks or has not translated,
                                        obsolete entries, and a .qm that differs from what lrelease makes
                                        of its .ts; exit status 1 if any

The .ts (XML, reviewed by a person, e.g. in Qt Linguist) is the source; the .qm is what the app loads.
lupdate runs with `-locations none -no-obsolete` on a sorted list of files, so the .ts changes only when
a text does.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
PREFIX = "mlp_studio_"
TARGETS = {"bg": "bg_BG"}        # lupdate's -target-language for a code (default: the code itself)
LUPDATE, LRELEASE = "pyside6-lupdate", "pyside6-lrelease"


def sources(root: Path = ROOT) -> list[str]:
    """Every Python file of the GUI, relative to `root`, sorted (so the .ts is the same on every machine)."""
    return sorted(p.relative_to(root).as_posix() for p in (root / "gui").rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(code: str, folder: Path = I18N) -> Path:
    return folder / f"{PREFIX}{code}.ts"


def languages(folder: Path = I18N) -> list[str]:
    """The codes of the languages that have a .ts."""
    return sorted(p.stem[len(PREFIX):] for p in folder.glob(f"{PREFIX}*.ts"))


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} not found: it comes with PySide6 (pip install PySide6-Essentials)")
    return found


def lupdate(ts: Path, code: str, root: Path = ROOT) -> None:
    """Update (or create) `ts` from the GUI sources under `root`, keeping its translations."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool(LUPDATE), *sources(root), "-locations", "none", "-no-obsolete",
                    "-target-language", TARGETS.get(code, code), "-ts", str(ts)],
                   cwd=root, check=True, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool(LRELEASE), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)


def _entries(ts: Path) -> dict[str, str]:
    """(source + U+0004 + disambiguation) -> state: "finished", "unfinished" or "obsolete"."""
    out = {}
    for message in ET.parse(ts).getroot().iter("message"):
        key = (message.findtext("source") or "") + ("\u0004" + message.findtext("comment")
                                                    if message.find("comment") is not None else "")
        kind = message.find("translation").get("type", "")
        state = "obsolete" if kind in ("obsolete", "vanished") else kind or "finished"
        if state == "finished" and not _translated(message):
            state = "unfinished"
        out[key] = state
    return out


def _translated(message) -> bool:
    t = message.find("translation")
    forms = t.findall("numerusform")
    return all((f.text or "").strip() for f in forms) if forms else bool((t.text or "").strip())


def check(code: str, folder: Path = I18N, root: Path = ROOT) -> list[str]:
    """What is wrong with language `code`'s committed .ts and .qm (nothing: an empty list)."""
    ts, problems = ts_path(code, folder), []
    if not ts.is_file():
        return [f"{ts.name}: missing"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copy(ts, fresh)
        lupdate(fresh, code, root)
        now, committed = _entries(fresh), _entries(ts)
        new = sorted(k for k in now if k not in committed)
        gone = sorted(k for k, s in committed.items() if k not in now or s == "obsolete")
        unfinished = sorted(k for k, s in committed.items() if s == "unfinished" and k in now)
        for title, keys in (("not in the .ts yet (run python -m gui.i18n_build)", new),
                            ("obsolete (run python -m gui.i18n_build)", gone),
                            ("not translated", unfinished)):
            if keys:
                shown = "; ".join(repr(k.replace("\u0004", " | "))[:80] for k in keys[:10])
                problems.append(f"{ts.name}: {len(keys)} {title}: {shown}{' …' if len(keys) > 10 else ''}")
        if fresh.read_bytes() != ts.read_bytes() and not (new or gone):
            problems.append(f"{ts.name}: differs from what lupdate writes (run python -m gui.i18n_build)")
        qm, made = ts.with_suffix(".qm"), Path(tmp) / "made.qm"
        lrelease(ts, made)
        if not qm.is_file():
            problems.append(f"{qm.name}: missing (run python -m gui.i18n_build)")
        elif qm.read_bytes() != made.read_bytes():
            problems.append(f"{qm.name}: not what lrelease makes of {ts.name} (run python -m gui.i18n_build)")
    return problems


def build(codes, folder: Path = I18N, root: Path = ROOT) -> None:
    for code in codes:
        ts = ts_path(code, folder)
        lupdate(ts, code, root)
        lrelease(ts, ts.with_suffix(".qm"))
        states = _entries(ts)
        todo = sum(s == "unfinished" for s in states.values())
        print(f"{ts.relative_to(root) if ts.is_relative_to(root) else ts}: {len(states)} texts, {todo} to translate")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.i18n_build", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report problems, change nothing (exit 1 if any)")
    parser.add_argument("--lang", action="append", default=[], metavar="CODE",
                        help="only this language (a new one is started); may be repeated")
    args = parser.parse_args(argv)
    codes = args.lang or languages()
    if not codes:
        print(f"no {PREFIX}*.ts in {I18N}; start one with --lang CODE", file=sys.stderr)
        return 1
    try:
        if args.check:
            problems = [p for code in codes for p in check(code)]
            for p in problems:
                print(p)
            if not problems:
                print(f"translations up to date: {', '.join(codes)}")
            return 1 if problems else 0
        build(codes)
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or ""
        print(f"i18n_build: {exc}\n{detail}".rstrip(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
