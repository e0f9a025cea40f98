"""gui/platform_check.py: a Linux machine without Qt's X11 libraries gets one clear paragraph and exit code 2."""
import io
import subprocess
import sys
from pathlib import Path

import pytest

from gui import platform_check as pc

ROOT = Path(__file__).resolve().parent.parent
X11 = {"DISPLAY": ":0", "XDG_SESSION_TYPE": "x11"}


def hide(*names):
    """A loader that cannot find the given libraries (and finds every other one)."""
    return lambda soname: soname not in names


def test_missing_libraries_are_named_with_the_install_lines():
    out = io.StringIO()
    code = pc.check(X11, "linux", hide("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"), out)
    text = out.getvalue()
    assert code == pc.EXIT_MISSING == 2
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in text
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in text
    assert "sudo dnf install xcb-util-cursor xcb-util-keysyms xcb-util-wm" in text
    assert "QT_QPA_PLATFORM=offscreen" in text and "QT_QPA_PLATFORM=wayland" in text


def test_nothing_missing_or_not_xcb_passes_silently():
    out = io.StringIO()
    everything_missing = hide(*pc.XCB_LIBRARIES)
    assert pc.check(X11, "linux", hide(), out) == 0
    assert pc.check({**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux", everything_missing, out) == 0
    assert pc.check({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux",
                    everything_missing, out) == 0
    assert pc.check(X11, "darwin", everything_missing, out) == 0
    assert pc.check(X11, "win32", everything_missing, out) == 0
    assert out.getvalue() == ""
    # QT_QPA_PLATFORM=xcb asks for the plugin even on a Wayland session
    assert pc.check({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"},
                    "linux", everything_missing, out) == 2


def test_no_display_is_a_clear_message_too():
    out = io.StringIO()
    assert pc.check({}, "linux", hide(), out) == 2
    assert "no display" in out.getvalue() and "QT_QPA_PLATFORM=offscreen" in out.getvalue()


def test_the_real_loader_finds_a_library_that_exists_and_not_one_that_does_not():
    if not sys.platform.startswith("linux"):
        pytest.skip("the loader check is for Linux")
    assert pc._can_load("libc.so.6")
    assert not pc._can_load("libmlp-studio-does-not-exist.so.9")


CHILD = f"""
import ctypes, os, sys
sys.path.insert(0, {str(ROOT)!r})
real = ctypes.CDLL
def fake(name, *a, **k):          # this machine 'lacks' two of the xcb plugin's libraries
    if name in ("libxcb-cursor.so.0", "libxkbcommon-x11.so.0"):
        raise OSError(name + ": cannot open shared object file")
    return real(name, *a, **k)
ctypes.CDLL = fake
import main
code = main.main([])
print("qt loaded:", any(m.startswith("PySide6") for m in sys.modules))
sys.exit(code)
"""


def test_the_app_stops_before_qt_with_exit_code_2():
    env = {k: v for k, v in __import__("os").environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", XDG_SESSION_TYPE="x11")
    if not sys.platform.startswith("linux"):
        pytest.skip("the xcb check runs on Linux")
    r = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    assert r.returncode == 2, (r.stdout, r.stderr)
    # (plus any library this machine really lacks)
    assert "libxcb-cursor.so.0" in r.stderr and "libxkbcommon-x11.so.0" in r.stderr
    install = next(line for line in r.stderr.splitlines() if "sudo apt install" in line).split()
    assert "libxcb-cursor0" in install and "libxkbcommon-x11-0" in install
    assert "qt loaded: False" in r.stdout
    assert "Traceback" not in r.stderr and "could not load the Qt platform plugin" not in r.stderr
