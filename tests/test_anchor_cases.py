"""The hand-written case table (tests/anchor_cases/*.txt): expected errors and HTML, verbatim.

Every case is also checked against the invariants: visible text unchanged,
each placed note's highlighted text equal to its quote after normalization.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from anchor_cases.checks import check_highlights
from anchor_cases.fixtures import Case, all_cases, digest_for, rewrite_expected, run

from newsdigest.anchor import anchor

CASES = all_cases()
REWRITTEN: set[Path] = set()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case: Case, update_goldens: bool) -> None:
    """Expected output is rewritten with `pytest --update-goldens` (review the diff)."""
    if update_goldens and case.file not in REWRITTEN:
        rewrite_expected(case.file)
        REWRITTEN.add(case.file)
        case = next(c for c in all_cases() if c.id == case.id)
    assert run(case) == case.expected


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_keeps_the_article_intact(case: Case) -> None:
    anchored = anchor(digest_for(case))
    placed = anchored.articles["a"]
    quotes = {f"hl-{n.id}": n.quote.text for n in placed.notes}
    check_highlights(placed.rendered, placed.highlights, quotes)
