"""The package declares every folder of data it ships, so setuptools installs quietly.

setuptools prints a long "Package would be ignored" warning (about 40 lines each, twice) for
every importable folder missing from ``packages``; and a file no package-data pattern matches
is silently left out of the wheel. Both are checked here on the source tree.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

import pytest

from .conftest import ROOT

tomllib = pytest.importorskip("tomllib")
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
PACKAGES = SETUPTOOLS["packages"]
PACKAGE_DIR = SETUPTOOLS.get("package-dir", {})


def _folder(package: str) -> Path:
    for prefix, folder in sorted(PACKAGE_DIR.items(), key=lambda kv: -len(kv[0])):
        if package == prefix or package.startswith(prefix + "."):
            return ROOT / folder / Path(*package[len(prefix) :].split(".")[1:])
    return ROOT / Path(*package.split("."))


def _shipped_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.is_file() and p.suffix not in (".pyc",) and p.name != ".gitignore"]


def _source_folders() -> dict[str, Path]:
    """Every folder under the package roots that holds a file, by its package name."""
    found = {}
    for prefix, root in (("tanalyze", ROOT / "tanalyze"), ("tanalyze.dictionaries", ROOT / "dictionaries")):
        for folder in [root, *root.rglob("*")]:
            if folder.is_dir() and "__pycache__" not in folder.parts and _shipped_files(folder):
                rel = folder.relative_to(root).parts
                found[".".join((prefix, *rel))] = folder
    return found


def test_every_folder_with_files_is_a_declared_package():
    missing = sorted(set(_source_folders()) - set(PACKAGES))
    assert missing == [], f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_every_declared_package_exists():
    assert [p for p in PACKAGES if not _folder(p).is_dir()] == []


@pytest.mark.parametrize("package", PACKAGES)
def test_every_data_file_is_matched_by_package_data(package):
    patterns = SETUPTOOLS.get("package-data", {}).get(package, [])
    data = [p.name for p in _shipped_files(_folder(package)) if p.suffix != ".py"]
    unmatched = [n for n in data if not any(fnmatch.fnmatch(n, pat) for pat in patterns)]
    assert unmatched == [], f"{package}: not in its package-data, left out of the wheel: {unmatched}"


def test_the_shipped_data_is_declared():
    # What the wheel must hold for an installed tanalyze to run: dictionaries, the model, the schema.
    for package in ("tanalyze.dictionaries.entities", "tanalyze.data.ner.vocab", "tanalyze.schema"):
        assert package in PACKAGES
