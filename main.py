"""MLP Studio: `python main.py` opens the app; `python main.py train --help` trains headless."""
import sys


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("train", "-h", "--help"):
        from engine.cli import main as cli_main
        return cli_main(argv[1:] if argv[0] == "train" else argv)
    from gui.app import run
    return run(argv)


def main_entry() -> None:
    sys.exit(main(sys.argv[1:]))


if __name__ == "__main__":
    main_entry()
