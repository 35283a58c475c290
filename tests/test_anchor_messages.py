"""Anchoring errors as the editor reads them: the whole report, verbatim."""

from __future__ import annotations

import dataclasses
import datetime as dt

from newsdigest.anchor import anchor
from newsdigest.errors import Loc, format_report
from newsdigest.model import Article, Claim, Digest, Note, Quote, Statement, Story

BODY = """\
The army drove the terrorists out of a series of cities in the north.

The bridge opens in May. Work on the bridge starts soon.

Critics said the bridge
was too expensive.
"""


def article(article_id: str, body: str, body_line: int) -> Article:
    return Article(
        article_id,
        f"articles/{article_id}.md",
        "Title",
        "outlet",
        ("A. Writer",),
        dt.date(2024, 3, 2),
        "news-report",
        "en",
        "bridge",
        body,
        body_line,
    )


def quote(text: str, line: int, label: str, prefix: str | None = None, suffix: str | None = None) -> Quote:
    return Quote(text, prefix, suffix, Loc("annotations/toi.yml", line, 12), label)


def note(n: int, text: str, prefix: str | None = None, suffix: str | None = None) -> Note:
    return Note(f"n{n}", "toi", quote(text, 10 + 4 * n, f"notes[{n}]", prefix, suffix), "context", "", ())


def digest() -> Digest:
    notes = (
        note(0, "drove the terrorists out out a series of cities"),
        note(1, "the bridge"),
        note(2, "the bridge", prefix="Building"),
        note(3, "the bridge", suffix="starts soon"),
        note(4, "said the bridge was too expensive"),
    )
    claim = Claim(
        "cost",
        "bridge",
        "The bridge is too expensive.",
        (
            Statement(
                "toi",
                Quote(
                    "bridge was too cheap",
                    None,
                    None,
                    Loc("annotations/stories/bridge.yml", 7, 14),
                    "claims[0].statements.toi",
                ),
            ),
        ),
        "",
        (),
    )
    story = Story("bridge", "Bridge", dt.date(2024, 3, 2), "", ("toi",), (claim,))
    return Digest(articles={"toi": article("toi", BODY, 12)}, notes={"toi": notes}, stories={"bridge": story})


def test_report_of_every_anchoring_error() -> None:
    anchored = anchor(digest())
    assert (
        format_report(anchored.problems)
        == """\
annotations/stories/bridge.yml:7:14: claims[0].statements.toi.quote not found in articles/toi.md
  quote:   "bridge was too cheap"
  closest: "bridge was too expensive" (line 16, 77% similar)
  hint: quote the article word for word; only the style of quote marks, dashes and spaces, runs of spaces, \
line breaks and spaces beside quote marks are ignored
annotations/toi.yml:10:12: notes[0].quote not found in articles/toi.md
  quote:   "drove the terrorists out out a series of cities"
  closest: "drove the terrorists out of a series of cities" (line 12, 97% similar)
  hint: quote the article word for word; only the style of quote marks, dashes and spaces, runs of spaces, \
line breaks and spaces beside quote marks are ignored
annotations/toi.yml:14:12: notes[1].quote occurs 2 times in articles/toi.md (lines 14, 16)
  line 14, column 34: …in May. Work on [the bridge] starts soon. Critics said…
  line 16, column 14: …starts soon. Critics said [the bridge] was too expensive.
  hint: add `prefix:` or `suffix:` with a few neighbouring words to pick one
annotations/toi.yml:18:12: notes[2].prefix does not match the text before any occurrence of the quote \
in articles/toi.md (lines 14, 16)
  line 14, column 34: …in May. Work on [the bridge] starts soon. Critics said…
  line 16, column 14: …starts soon. Critics said [the bridge] was too expensive.
  hint: copy the words just before (`prefix:`) or just after (`suffix:`) one occurrence shown above
Build failed: 4 errors in 2 files. Nothing was written."""
    )


def test_placed_notes_carry_the_line_they_start_on() -> None:
    placed = anchor(digest()).articles["toi"]
    lines = {h.dom_id: (h.line, placed.rendered.text[h.start : h.end]) for h in placed.highlights}
    assert lines == {
        "hl-n3": (14, "the bridge"),
        "hl-n4": (16, "said the bridge\nwas too expensive"),
    }
    assert [n.id for n in placed.unplaced] == ["n0", "n1", "n2"]


FRENCH = """\
Le président a dit\u00a0: \u00ab\u202fnous ne reculerons pas\u202f\u00bb. Le ministre a dit\u00a0: \u00abnous ne reculerons pas\u00bb. Puis il a dit encore\u00a0: \u00ab nous ne reculerons pas \u00bb.

La Coalition internationale se réunit demain.
"""


def french(*notes: Note) -> Digest:
    return Digest(articles={"toi": article("toi", FRENCH, 8)}, notes={"toi": notes})


def test_guillemets_and_french_spaces_do_not_matter() -> None:
    anchored = anchor(french(note(0, "«\u00a0nous ne reculerons pas\u00a0». Puis", prefix="a dit :")))
    assert anchored.problems == []
    placed = anchored.articles["toi"]
    [mark] = placed.highlights
    assert placed.rendered.text[mark.start : mark.end] == "\u00abnous ne reculerons pas\u00bb. Puis"


def test_occurrences_on_one_line_show_their_columns_and_neighbouring_words() -> None:
    report = format_report(anchor(french(note(0, '"nous ne reculerons pas"'))).problems)
    assert (
        report
        == """\
annotations/toi.yml:10:12: notes[0].quote occurs 3 times in articles/toi.md (line 8)
  line 8, column 22:  …président a dit : [« nous ne reculerons pas »]. Le ministre a…
  line 8, column 70:  …ministre a dit : [«nous ne reculerons pas»]. Puis il a…
  line 8, column 119: …a dit encore : [« nous ne reculerons pas »]. La Coalition internationale…
  hint: add `prefix:` or `suffix:` with a few neighbouring words to pick one
Build failed: 1 error in 1 file. Nothing was written."""
    )


def test_a_quote_that_differs_only_in_letter_case_says_so() -> None:
    report = format_report(anchor(french(note(0, "la coalition internationale"))).problems)
    assert (
        report
        == """\
annotations/toi.yml:10:12: notes[0].quote not found in articles/toi.md
  quote:   "la coalition internationale"
  closest: "La Coalition internationale" (line 10, differs only in letter case)
  hint: letter case matters: write the capitals as the article does
Build failed: 1 error in 1 file. Nothing was written."""
    )


def with_header(*notes: Note) -> Digest:
    headed = dataclasses.replace(
        article("toi", BODY, 12),
        title="Council backs the bridge",
        title_at=(2, 9),
        subtitle="Work starts soon",
        subtitle_at=(3, 0),  # a folded value: only its line is known
    )
    return Digest(articles={"toi": headed}, notes={"toi": notes})


def test_headline_and_deck_are_quoted_like_the_text_but_never_across_them() -> None:
    anchored = anchor(
        with_header(note(0, "backs the"), note(1, "the bridge Work starts"), note(2, "the bridge"))
    )
    placed = anchored.articles["toi"]
    [mark] = placed.highlights
    assert (mark.dom_id, placed.rendered.text[mark.start : mark.end], mark.line) == ("hl-n0", "backs the", 2)
    assert (
        format_report(anchored.problems)
        == """\
annotations/toi.yml:14:12: notes[1].quote not found in articles/toi.md
  quote:   "the bridge Work starts"
  closest: "the bridge Work starts" (line 2, runs past the end of the headline or deck)
  hint: the headline, the deck and the text are quoted separately: end the quote where its part ends
annotations/toi.yml:18:12: notes[2].quote occurs 3 times in articles/toi.md (lines 2, 14, 16)
  line 2, column 23:  Council backs [the bridge]
  line 14, column 34: …in May. Work on [the bridge] starts soon. Critics said…
  line 16, column 14: …starts soon. Critics said [the bridge] was too expensive.
  hint: add `prefix:` or `suffix:` with a few neighbouring words to pick one
Build failed: 2 errors in 1 file. Nothing was written."""
    )
