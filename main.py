"""MLP Studio: `mlp-studio` (or `python main.py`) opens the app; `train` and `export` work without a window."""
import sys

USAGE = """\
usage: mlp-studio [PROJECT.mlpproj] [--quit-after SECONDS]
       mlp-studio train [OPTIONS]          train a network headless (mlp-studio train --help)
       mlp-studio export --torch MODEL.npz [-o FILE.py]
                                           a PyTorch (or --numpy: NumPy-only) script of a saved model
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
