"""Before Qt loads its platform plugin: say clearly what a Linux machine lacks, instead of Qt's abort.

Qt's xcb (X11) plugin needs a dozen small X libraries; a fresh desktop often lacks some of them
(libxcb-cursor0 above all, needed since Qt 6.5), and Qt then aborts with "could not load the Qt
platform plugin xcb". `check()` tries to load each library the plugin links to and, if any is
missing, prints one paragraph naming them with the exact install command, and returns exit code 2.
No Qt module is imported here.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

EXIT_MISSING = 2

# The shared libraries Qt's xcb plugin (libqxcb.so + libQt6XcbQpa.so) links to, with the package that
# provides each on Debian/Ubuntu and on Fedora.
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
}


def _can_load(soname: str) -> bool:
    import ctypes
    try:
        ctypes.CDLL(soname)  # the dynamic loader's own search: LD_LIBRARY_PATH, ld.so.cache, system folders
    except OSError:
        return False
    return True


def uses_xcb(env: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will load its xcb plugin: Linux, and QT_QPA_PLATFORM unset or xcb (and not a Wayland session)."""
    if not platform.startswith("linux"):
        return False
    wanted = env.get("QT_QPA_PLATFORM", "").strip().lower()
    if wanted:
        return wanted.split(":")[0].split(";")[0] == "xcb"
    if env.get("XDG_SESSION_TYPE", "").lower() == "wayland" and env.get("WAYLAND_DISPLAY"):
        return False  # Qt picks its wayland plugin here
    return True


def missing_libraries(can_load: Callable[[str], bool] = _can_load) -> list[str]:
    """The xcb plugin's libraries that cannot be loaded, in XCB_LIBRARIES order."""
    return [name for name in XCB_LIBRARIES if not can_load(name)]


def message(missing: list[str]) -> str:
    """One paragraph: what is missing, the exact install commands, and the ways around it."""
    debian = sorted({XCB_LIBRARIES[m][0] for m in missing})
    fedora = sorted({XCB_LIBRARIES[m][1] for m in missing})
    return (
        f"MLP Studio cannot open its window: Qt's X11 (xcb) platform plugin needs {len(missing)} "
        f"system librar{'y' if len(missing) == 1 else 'ies'} this machine lacks ({', '.join(missing)}). "
        f"On Debian/Ubuntu install them with:\n\n"
        f"    sudo apt install {' '.join(debian)}\n\n"
        f"(on Fedora: sudo dnf install {' '.join(fedora)}), then start MLP Studio again. "
        "Alternatively run it under Wayland with QT_QPA_PLATFORM=wayland, or without a screen with "
        "QT_QPA_PLATFORM=offscreen (headless training needs no Qt at all: mlp-studio train --help).")


def no_display_message() -> str:
    return ("MLP Studio cannot open its window: there is no display (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set). Start it from a desktop session, or run it with QT_QPA_PLATFORM=offscreen "
            "(no visible window), or train headless: mlp-studio train --help.")


def check(env: Mapping[str, str] | None = None, platform: str | None = None,
          can_load: Callable[[str], bool] = _can_load, out=None) -> int:
    """0 if Qt can be started; otherwise print the reason to `out` (stderr) and return EXIT_MISSING."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if not uses_xcb(env, platform):
        return 0
    out = out or sys.stderr
    missing = missing_libraries(can_load)
    if missing:
        print(message(missing), file=out)
        return EXIT_MISSING
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        print(no_display_message(), file=out)
        return EXIT_MISSING
    return 0
