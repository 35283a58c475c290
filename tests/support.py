"""Helpers for tests: run the CLI and MkDocs as a user would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent
REPO = TESTS.parent
FIXTURES = TESTS / "fixtures"


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
    ignore = shutil.ignore_patterns("site", ".digest-manifest.json", "__pycache__")
    shutil.copytree(src, dest, ignore=ignore)
    return dest


def copy_sample(dest: Path) -> Path:
    """The repository's sample digest without any generated file."""
    dest.mkdir(parents=True)
    for name in ("articles", "annotations"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "docs").mkdir()
    generated = {"index.md", "glossary.md"}
    for page in (REPO / "docs").glob("*.md"):
        if page.name not in generated:
            shutil.copy2(page, dest / "docs" / page.name)
    return dest


def configure_search(root: Path, backend: str) -> Path:
    """Set the digest plugin's `search:` back end in a copied digest's mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = text.replace("\n  - digest\n", f"\n  - digest:\n      search: {backend}\n", 1)
    assert changed != text, "mkdocs.yml lists `- digest` without options"
    config.write_text(changed, encoding="utf-8")
    return root
