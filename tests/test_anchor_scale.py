"""1,000 notes on a 20,000-word article: all placed, the article intact. Not timed; see the report
in the issue for the benchmark figure."""

from __future__ import annotations

from anchor_cases.checks import check_highlights
from anchor_cases.large import large_digest

from newsdigest.anchor import anchor


def test_a_thousand_notes_on_a_twenty_thousand_word_article() -> None:
    digest = large_digest(words=20_000, notes=1_000)
    assert len(digest.articles["big"].body.split()) >= 20_000
    anchored = anchor(digest)
    assert anchored.problems == []
    placed = anchored.articles["big"]
    assert len(placed.highlights) == 1_000
    quotes = {f"hl-{n.id}": n.quote.text for n in placed.notes}
    check_highlights(placed.rendered, placed.highlights, quotes)
