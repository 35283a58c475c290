"""Golden files: the generated Markdown of each case folder, byte for byte.

Regenerate after an intended change with:
    python -m pytest tests/test_golden.py --update-goldens
and review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fresh_process import build_elsewhere
from newsdigest import pipeline
from support import FIXTURES

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(
    p.name for p in FIXTURES.iterdir() if (p / "articles").is_dir() and p.name != "sample"
)  # sample: too big for goldens


@pytest.mark.parametrize("case", CASES)
def test_generated_pages_match_golden_files(case: str, update_goldens: bool) -> None:
    pages = pipeline.build(FIXTURES / case).pages
    expected_dir = GOLDEN / case
    if update_goldens:
        for old in (p for p in expected_dir.rglob("*") if p.is_file()):
            old.unlink()
        for rel, text in pages.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_text(text, encoding="utf-8")
    expected = {
        p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in expected_dir.rglob("*")
        if p.is_file()
    }
    assert sorted(pages) == sorted(expected), "pages added or removed; rerun with --update-goldens"
    for rel, text in pages.items():
        assert text == expected[rel], f"{rel} differs from tests/golden/{case}/{rel}"


@pytest.mark.parametrize("hash_seed", ["1", "2"])
def test_fresh_processes_write_the_same_bytes(hash_seed: str) -> None:
    """Each build runs in its own process (no memo shared), under another hash seed."""
    expected = pipeline.build(FIXTURES / "mini").pages
    assert build_elsewhere(FIXTURES / "mini", "pages", hash_seed) == expected
