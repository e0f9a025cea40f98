"""MLP Studio: `mlp-studio` (or `python main.py`) opens the app; `train` and `export` work without a window."""
import sys

USAGE = """\
usage: mlp-studio [PROJECT.mlpproj] [--quit-after SECONDS]
       mlp-studio train [OPTIONS]          train a network headless (mlp-studio train --help)
       mlp-studio export --torch MODEL.npz [-o FILE.py]
                                           a PyTorch (or --numpy: NumPy-only) script of a saved model
       mlp-studio install-desktop          add MLP Studio to the desktop's menu (Linux; your user only)
       mlp-studio --version | --help

MLP Studio builds a multi-layer perceptron by clicking, trains it live, and shows backpropagation
learning. Without arguments it opens the window; --quit-after closes it after SECONDS (for checks).
"""


def version() -> str:
    """The installed distribution's version, or the source tree's when run from a clone."""
    from importlib import metadata
    try:
        return metadata.version("mlp-studio")
    except metadata.PackageNotFoundError:
        from gui.app import VERSION  # gui.app imports no Qt at module level
        return VERSION


def install_desktop(data_home=None, command=None) -> int:
    """Copy the .desktop entry (Exec = this command's full path) and the icon under ~/.local/share."""
    import os
    import shutil
    from pathlib import Path

    from engine.resources import desktop_file_path, icon_path
    data = Path(data_home or os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    exe = command or shutil.which(sys.argv[0]) or sys.argv[0]
    exe = str(Path(exe).resolve())
    if exe.endswith(".py"):  # started as `python main.py`
        exe = f"{sys.executable} {exe}"
    apps, icons = data / "applications", data / "icons" / "hicolor" / "scalable" / "apps"
    try:
        apps.mkdir(parents=True, exist_ok=True)
        icons.mkdir(parents=True, exist_ok=True)
        text = desktop_file_path().read_text(encoding="utf-8").replace("Exec=mlp-studio", f"Exec={exe}", 1)
        (apps / "mlp-studio.desktop").write_text(text, encoding="utf-8")
        shutil.copyfile(icon_path(), icons / "mlp-studio.svg")
    except OSError as exc:
        print(f"error: cannot install the menu entry: {exc}", file=sys.stderr)
        return 1
    print(f"installed {apps / 'mlp-studio.desktop'} and {icons / 'mlp-studio.svg'}")
    return 0


def _window(argv: list[str]) -> int:
    quit_after = None
    if "--quit-after" in argv:
        i = argv.index("--quit-after")
        try:
            quit_after = float(argv[i + 1])
        except (IndexError, ValueError):
            print("error: --quit-after needs a number of seconds", file=sys.stderr)
            return 2
        argv = argv[:i] + argv[i + 2:]
    from gui.platform_check import check  # before any Qt import: a missing X library gets a clear message
    code = check()
    if code:
        return code
    from engine.resources import icon_path
    from gui.app import make_app, run
    app = make_app([sys.argv[0], *argv])  # run() below reuses this QApplication
    from PySide6.QtGui import QIcon
    app.setWindowIcon(QIcon(str(icon_path())))
    app.setDesktopFileName("mlp-studio")  # matches resources/mlp-studio.desktop
    if quit_after is not None:
        from PySide6.QtCore import QTimer
        QTimer.singleShot(int(quit_after * 1000), app.quit)
    return run(argv)


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(USAGE, end="")
        return 0
    if argv and argv[0] in ("-V", "--version"):
        print(f"mlp-studio {version()}")
        return 0
    if argv and argv[0] == "train":
        from engine.cli import main as cli_main
        return cli_main(argv[1:])
    if argv and argv[0] == "install-desktop":
        return install_desktop()
    if argv and argv[0] == "export":
        from engine.cli import export_main
        return export_main(argv[1:])
    return _window(argv)


def main_entry() -> None:
    try:
        code = main(sys.argv[1:])
        sys.stdout.flush()
    except BrokenPipeError:  # `mlp-studio train ... | head`: the reader left; no traceback for that
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)


if __name__ == "__main__":
    main_entry()
