"""The hand-written case table (tests/anchor_cases/*.txt): expected errors and HTML, verbatim.

Every case is also checked against the invariants: visible text unchanged,
each placed note's highlighted text equal to its quote after normalization.
"""

from __future__ import annotations

import os

import pytest
from anchor_cases.checks import check_highlights
from anchor_cases.fixtures import HERE, Case, all_cases, digest_for, rewrite_expected, run

from newsdigest.anchor import anchor

UPDATE = os.environ.get("NEWSDIGEST_UPDATE_CASES") == "1"
CASES = all_cases()


@pytest.mark.skipif(not UPDATE, reason="set NEWSDIGEST_UPDATE_CASES=1 to rewrite expected output")
def test_rewrite_expected_output() -> None:
    for file in sorted(HERE.glob("*.txt")):
        rewrite_expected(file)


@pytest.mark.skipif(UPDATE, reason="expected output is being rewritten")
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case: Case) -> None:
    assert run(case) == case.expected


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_keeps_the_article_intact(case: Case) -> None:
    anchored = anchor(digest_for(case))
    placed = anchored.articles["a"]
    quotes = {f"hl-{n.id}": n.quote.text for n in placed.notes}
    check_highlights(placed.rendered, placed.highlights, quotes)
