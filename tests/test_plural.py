"""Counts read as English: one note, two notes, one story, no stories."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdigest import pipeline
from newsdigest.plural import counted, noun_for
from support import run_cli


@pytest.mark.parametrize(
    ("n", "noun", "after", "words"),
    [
        (1, "note", "", "1 note"),
        (2, "note", "", "2 notes"),
        (0, "note", "", "0 notes"),
        (1, "story", "", "1 story"),
        (3, "story", "", "3 stories"),
        (1, "claim", "compared", "1 claim compared"),
        (4, "claim", "compared", "4 claims compared"),
        (2, "embedded post", "", "2 embedded posts"),
    ],
)
def test_counted(n: int, noun: str, after: str, words: str) -> None:
    assert counted(n, noun, after) == words
    assert noun_for(n, noun) == words.split(" ", 1)[1].removesuffix(f" {after}" if after else "")


def test_pages_say_one_note_one_claim_one_story(mini: Path) -> None:
    pages = pipeline.build(mini).pages
    article = pages["articles/weekly-view.md"]
    assert '<a href="#notes">1 note</a> · <a href="#claims">1 claim compared</a>' in article
    assert "with 1 note." in article
    assert "An annotated digest: 1 story, 3 notes." in pages["index.md"]
    assert "2 claims in 1 story; 0 flags." in pages["report.md"]
    assert "1 notes" not in "".join(pages.values()) and "1 claims" not in "".join(pages.values())


def test_check_says_one_note(mini: Path) -> None:
    result = run_cli("check", "--root", str(mini))
    assert result.returncode == 0, result.stderr
    assert "  articles/weekly-view.md     1 note  (loaded language 1)\n" in result.stdout
    assert "\nOK: 2 articles, 3 notes, 1 story, 2 claims (" in result.stdout
