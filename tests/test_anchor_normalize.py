"""Normalization rules, and the map from normalized text back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest.anchor.normalize import normalize, normalize_quote

RULES = [
    # (article text, quote that matches it, rule)
    ("caf\u00e9", "cafe\u0301", "NFC: decomposed accent in the quote"),
    ("cafe\u0301", "caf\u00e9", "NFC: decomposed accent in the article"),
    ("\u212b", "\u00c5", "NFC: singleton (angstrom sign)"),
    ("a\u00adb", "ab", "soft hyphen ignored"),
    ("ab", "a\u200bb", "zero-width space ignored"),
    ("a\u200c\u200d\u2060\ufeffb", "ab", "zero-width (non-)joiner, word joiner, BOM ignored"),
    ("a \u00a0\t\nb", "a b", "any whitespace run is one space"),
    ("a\u2009b\u202fc\u3000d", "a b c d", "thin, narrow no-break and ideographic spaces"),
    ("\u2018a\u2019 \u201ab\u201b", "'a' 'b'", "curly single quotes"),
    ("\u201ca\u201d \u201eb\u201f", '"a" "b"', "curly double quotes"),
    ("\u00aba\u00bb \u2039b\u203a", "\"a\" 'b'", "guillemets"),
    ("\u00ab\u00a0Oui\u00a0\u00bb, dit-il", '"Oui", dit-il', "no-break spaces inside guillemets"),
    ("\u00ab\u202fOui\u202f\u00bb", "\u00abOui\u00bb", "narrow no-break spaces inside guillemets"),
    ("\u00abOui\u00bb", "\u00ab Oui \u00bb", "no space inside guillemets"),
    ("il dit \u00ab\u00a0oui\u00a0\u00bb", 'il dit "oui"', "space before a quote mark"),
    ("\u201eJa\u201c, sagte sie", "\u201c Ja \u201d, sagte sie", "German low-high quotes"),
    ("\u201aja\u2018", "'ja'", "German single quotes"),
    ("a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h", "a-b-c-d-e-f-g-h", "every dash and minus"),
    ("wait\u2026", "wait...", "ellipsis character"),
    ("wait...", "wait\u2026", "three dots"),
]


@pytest.mark.parametrize(("article", "quote", "rule"), RULES, ids=[r[2] for r in RULES])
def test_rule(article: str, quote: str, rule: str) -> None:
    assert normalize(article).text == normalize_quote(quote)


def test_letter_case_is_kept() -> None:
    assert normalize_quote("The Mayor") == "The Mayor"


def test_quote_loses_outer_whitespace_and_ignored_characters() -> None:
    assert normalize_quote("\u200b \n mayor\u00a0said \u00ad") == "mayor said"


def test_map_back_skips_ignored_characters_at_the_edges() -> None:
    norm = normalize("extra\u00adordinary news\u200bpaper")
    assert norm.text == "extraordinary newspaper"
    assert norm.to_original(0, 5) == (0, 5)
    assert norm.to_original(5, 13) == (6, 14)
    assert norm.to_original(14, 18) == (15, 19)
    assert norm.to_original(18, 23) == (20, 25)


def test_map_back_covers_a_whole_whitespace_run() -> None:
    norm = normalize("a \n\t b")
    assert norm.text == "a b"
    assert norm.to_original(0, 3) == (0, 6)
    assert norm.to_original(2, 3) == (5, 6)


def test_an_ellipsis_is_only_matched_whole() -> None:
    norm = normalize("wait\u2026 now")
    assert norm.text == "wait... now"
    assert norm.to_original(0, 7) == (0, 5)
    assert [norm.is_boundary(p, False) for p in range(4, 8)] == [True, False, False, True]


def test_composed_characters_map_back_to_their_parts() -> None:
    norm = normalize("cafe\u0301s")
    assert norm.text == "caf\u00e9s"
    assert norm.to_original(0, 4) == (0, 5)
    assert norm.to_original(4, 5) == (5, 6)
    assert norm.to_original(0, 3) == (0, 3)


def test_a_dropped_space_beside_a_quote_mark_maps_back_outside_the_span() -> None:
    norm = normalize("dit \u00ab\u202fnon\u202f\u00bb.")
    assert norm.text == 'dit"non".'
    assert norm.to_original(4, 7) == (6, 9)  # non
    assert norm.to_original(3, 8) == (4, 11)  # « non »
    assert norm.to_original(0, 3) == (0, 3)  # dit


def test_plain_text_records_no_edits() -> None:
    norm = normalize("Plain text, single spaces.")
    assert all(not step.out_starts for step in norm.steps)


TRICKY = st.text(
    alphabet=list(
        "ab. \u00a0\u202f\n\t\u200b\u00ad\u2026\u2019'\"\u00ab\u00bb\u2039\u2014-e\u0301\u0327\u00e9q\u212b"
    ),
    max_size=30,
)


# deadline=None: no time limit per example (Hypothesis' default is 200 ms); a busy machine may pause any one.
@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(TRICKY, st.data())
def test_a_mapped_back_span_normalizes_to_the_span(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    start = data.draw(st.integers(0, len(norm.text)))
    end = data.draw(st.integers(start, len(norm.text)))
    if norm.is_boundary(start, False) and norm.is_boundary(end, True):
        orig_start, orig_end = norm.to_original(start, end)
        assert normalize(text[orig_start:orig_end]).text == norm.text[start:end]


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(TRICKY)
def test_normalizing_twice_changes_nothing(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once
