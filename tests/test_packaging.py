"""What `pip install .` ships: every sub-package, every resource, found by engine.resources.

.ci/run builds the real wheel and runs it from a fresh virtual environment; these tests keep the
package list and the resource patterns in pyproject.toml in step with the folders.
"""
import fnmatch
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import engine
from engine import resources

ROOT = Path(__file__).resolve().parent.parent
tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")


def config():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]


def source_packages():
    found = sorted(".".join(p.parent.relative_to(ROOT).parts) for top in ("engine", "gui")
                   for p in (ROOT / top).rglob("__init__.py") if "__pycache__" not in p.parts)
    return found


def test_every_sub_package_is_listed():
    listed = set(config()["packages"])
    assert set(source_packages()) <= listed, f"add to pyproject.toml: {sorted(set(source_packages()) - listed)}"
    assert listed - set(source_packages()) == {"engine._resources"}
    assert {p.split(".")[0] for p in listed} == {"engine", "gui"}  # the top-level names stay


# resources the app never reads at run time: the translations' sources (the app loads the compiled .qm)
NOT_SHIPPED = ["i18n/*.ts"]


def test_every_resource_file_is_package_data():
    cfg = config()
    assert cfg["package-dir"]["engine._resources"] == "resources"
    patterns = cfg["package-data"]["engine._resources"]
    files = [p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()]
    files = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in NOT_SHIPPED)]
    missed = [f for f in files if not any(fnmatch.fnmatch(f, pat) for pat in patterns)]
    assert files and not missed, f"resources not shipped in the wheel: {missed}"


def translations():
    """The compiled translations in the clone (resources/i18n/*.qm), as paths relative to resources/."""
    return sorted(p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources" / "i18n").glob("*.qm"))


def test_each_translation_source_has_its_compiled_file():
    sources = sorted((ROOT / "resources" / "i18n").glob("mlp_studio_*.ts"))
    assert sources, "resources/i18n/mlp_studio_bg.ts is missing (python -m gui.i18n_build makes it)"
    for ts in sources:
        assert ts.with_suffix(".qm").is_file(), f"{ts.name} has no .qm: run python -m gui.i18n_build"
    from gui.i18n import qm_path
    assert qm_path("bg") == (ROOT / "resources" / "i18n" / "mlp_studio_bg.qm").resolve()


def test_resources_are_found_in_a_clone():
    assert resources.mnist_dir() == (ROOT / "resources" / "mnist").resolve()
    assert resources.shipped_model_path().is_file() and engine.shipped_model_path() == resources.shipped_model_path()
    assert resources.icon_path().is_file() and resources.desktop_file_path().is_file()
    from engine.idx import DEFAULT_MNIST_DIR
    assert DEFAULT_MNIST_DIR == resources.mnist_dir()
    assert "Exec=mlp-studio" in resources.desktop_file_path().read_text()


def test_installed_package_data_comes_first(tmp_path, monkeypatch):
    fake_engine = tmp_path / "engine"
    (fake_engine / "_resources" / "mnist").mkdir(parents=True)
    monkeypatch.setattr(resources._resources, "files", lambda name: fake_engine)
    assert resources.mnist_dir() == (fake_engine / "_resources" / "mnist").resolve()
    (fake_engine / "_resources" / "mnist").rmdir()              # an editable install: no package data there
    assert resources.mnist_dir() == (ROOT / "resources" / "mnist").resolve()


def test_the_mnist_lab_uses_the_engines_shipped_model_path():
    text = (ROOT / "gui" / "mnist" / "mode.py").read_text()
    assert "shipped_model_path()" in text and '"resources"' not in text


def test_the_built_wheel_and_sdist_hold_the_sub_packages_and_resources(tmp_path):
    """Build both with the installed setuptools from a copy of the sources (no network, no files left here)."""
    pytest.importorskip("setuptools")
    src = tmp_path / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__",
                                                               ".pytest_cache", ".ruff_cache", "shots"))
    code = ("import sys; from setuptools import build_meta as b; out = sys.argv[1]; "  # build_meta rewrites argv
            "b.build_wheel(out); b.build_sdist(out)")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "dist")], cwd=src, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    (wheel,), (sdist,) = (tmp_path / "dist").glob("*.whl"), (tmp_path / "dist").glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as z:
        in_wheel = set(z.namelist())
    with tarfile.open(sdist) as t:
        in_sdist = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    for pkg in source_packages():
        init = pkg.replace(".", "/") + "/__init__.py"
        assert init in in_wheel and init in in_sdist, pkg
    shipped = ("mnist/train-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz", "models/mnist_mlp.npz",
               "icons/mlp-studio.svg", "mlp-studio.desktop", *translations())
    assert "i18n/mlp_studio_bg.qm" in shipped
    for f in shipped:
        assert f"engine/_resources/{f}" in in_wheel and f"resources/{f}" in in_sdist, f
    assert "resources/i18n/mlp_studio_bg.ts" in in_sdist
    assert not [n for n in in_wheel if n.endswith(".ts")], "a translation source (.ts) is in the wheel"
    assert "main.py" in in_wheel and "gui/platform_check.py" in in_wheel and "tests/conftest.py" in in_sdist
