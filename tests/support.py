"""Helpers for tests: run the CLI and MkDocs as a user would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"
SAMPLE = FIXTURES / "sample"
"""The sample digest frozen for tests; the live one at REPO may change any day."""


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "build_digest.py"), *args],
        cwd=cwd or REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def copy_digest(src: Path, dest: Path) -> Path:
    ignore = shutil.ignore_patterns(
        "site", ".digest-manifest.json", "__pycache__", ".cache"
    )  # a build's own cache stays with it
    shutil.copytree(src, dest, ignore=ignore)
    return dest


def copy_sample(dest: Path) -> Path:
    """A private copy of the sample digest's test fixture (never the live digest: see its README)."""
    return copy_digest(SAMPLE, dest)


def configure_search(root: Path, backend: str) -> Path:
    """Set the digest plugin's `search:` back end in a copied digest's mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = text.replace("\n  - digest\n", f"\n  - digest:\n      search: {backend}\n", 1)
    if changed == text:  # the digest entry has options already
        changed = text.replace("\n  - digest:\n", f"\n  - digest:\n      search: {backend}\n", 1)
    assert changed != text, "mkdocs.yml does not list the digest plugin"
    config.write_text(changed, encoding="utf-8")
    return root
