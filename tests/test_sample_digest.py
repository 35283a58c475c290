"""The sample fixture is the full digest other tests rely on: two outlets, a story, every kind of file.

It runs on tests/fixtures/sample, not on the live digest: the live digest is held to
its standard by `build_digest.py check --strict` and the rules in mkdocs.yml.
"""

from __future__ import annotations

from newsdigest import pipeline
from support import SAMPLE


def test_sample_meets_the_counts_with_zero_flags() -> None:
    anchored, report = pipeline.verify(SAMPLE, strict=True)
    digest = anchored.digest
    assert report.flags == []
    assert sorted(digest.articles) == ["gr-anti-hamas-coalition", "toi-macron-coalition"]
    for article_id in digest.articles:
        assert len(digest.notes[article_id]) >= 12, article_id
    [story] = digest.stories.values()
    assert len(story.claims) >= 8
    assert len(digest.glossary) >= 10
    assert sorted(digest.outlets) == ["global-research", "times-of-israel"]


def test_every_statement_is_sourced_and_every_claim_covers_every_article() -> None:
    anchored, _ = pipeline.verify(SAMPLE)
    digest = anchored.digest
    for notes in digest.notes.values():
        for note in notes:
            assert note.sources and all(
                s.title and s.url.startswith(("https://", "http://")) for s in note.sources
            ), note.id
    for story in digest.stories.values():
        for claim in story.claims:
            assert claim.sources, claim.id
            assert [s.article for s in claim.statements] == list(story.articles), claim.id
    for outlet in digest.outlets.values():
        assert outlet.sources and outlet.profile.strip()
    for term in digest.glossary:
        assert term.sources, term.term


def test_no_unplaced_quote_in_the_sample() -> None:
    anchored, _ = pipeline.verify(SAMPLE)
    assert all(not a.unplaced for a in anchored.articles.values())
    placed = {h.target for a in anchored.articles.values() for h in a.highlights if h.kind != "claim"}
    assert placed == {n.id for notes in anchored.digest.notes.values() for n in notes}


def test_both_articles_are_held_to_the_same_standard() -> None:
    _anchored, report = pipeline.verify(SAMPLE)
    kinds = {path: set(counts) for path, counts in report.notes_per_article.items()}
    for path, present in kinds.items():
        assert {"fact-check", "loaded-language", "context"} <= present, path
