"""Shared fixtures: copies of small digests, and a way to run the CLI."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import FIXTURES, copy_digest, copy_sample

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
pytest.register_assert_rewrite("browser_support")  # fixtures for the browser tests, loaded as a plugin


def pytest_configure(config: pytest.Config) -> None:
    """Builds of the fixtures in place keep their persistent cache out of the checkout.

    The fixtures are inputs, shared by every test: a test reads them, never
    writes into them. One folder for the session, removed at its end (each
    digest folder gets its own subfolder in it).
    """
    if "NEWSDIGEST_CACHE_DIR" not in os.environ:
        os.environ["NEWSDIGEST_CACHE_DIR"] = _SESSION_CACHES = tempfile.mkdtemp(prefix="digest-caches-")
        config.add_cleanup(lambda: shutil.rmtree(_SESSION_CACHES, ignore_errors=True))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the small test digest."""
    return copy_digest(FIXTURES / "mini", tmp_path / "mini")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A private copy of the sample digest's fixture (no generated files)."""
    return copy_sample(tmp_path / "sample")


@pytest.fixture(autouse=True)
def _no_leaked_store() -> Iterator[None]:
    yield
    from newsdigest import memo

    assert memo.current_store() is None, "a test left the persistent cache in use"
    assert not memo._bypassed and not memo._one_shot
