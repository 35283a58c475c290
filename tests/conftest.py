"""Shared fixtures: copies of small digests, and a way to run the CLI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from support import FIXTURES, REPO

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def copy_digest(src: Path, dest: Path) -> Path:
    ignore = shutil.ignore_patterns("site", ".digest-manifest.json", "__pycache__")
    shutil.copytree(src, dest, ignore=ignore)
    return dest


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the small test digest."""
    return copy_digest(FIXTURES / "mini", tmp_path / "mini")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the repository's sample digest (no generated files)."""
    dest = tmp_path / "sample"
    dest.mkdir()
    for name in ("articles", "annotations", "mkdocs.yml"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    docs = dest / "docs"
    docs.mkdir()
    for page in (REPO / "docs").glob("*.md"):
        if page.name not in ("index.md", "glossary.md"):
            shutil.copy2(page, docs / page.name)
    return dest
