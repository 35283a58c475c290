"""Glossary terms become tooltips without changing the text or the highlights."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdigest import pipeline
from newsdigest.model import Source, Term
from newsdigest.render import render
from newsdigest.render.glossary import TermMarker, glossary_abbreviations, term_key
from support import FIXTURES, SAMPLE

SOURCES = (Source("A source", "https://example.org/"),)
DAESH = Term("Daesh", "The jihadist group that calls itself the Islamic State.", SOURCES, ("ISIS", "Islamic State"))
COUNCIL = Term("council", 'The elected "city" government & its <staff>.', SOURCES)
ABBR_TAG = re.compile(r"</?abbr[^>]*>")


def marker() -> TermMarker:
    return TermMarker((DAESH, COUNCIL))


def test_first_occurrence_carries_the_definition_and_aliases_share_it() -> None:
    html = marker().wrap("<p>ISIS, or Daesh, is not a state; ISIS lost.</p>")
    assert html == (
        '<p><abbr data-t="daesh" title="The jihadist group that calls itself the Islamic State.">ISIS</abbr>, '
        'or <abbr data-t="daesh">Daesh</abbr>, is not a state; <abbr data-t="daesh">ISIS</abbr> lost.</p>'
    )


def test_definitions_are_escaped_in_the_title() -> None:
    html = marker().wrap("<p>The council met.</p>")
    assert 'title="The elected &quot;city&quot; government &amp; its &lt;staff&gt;."' in html


def test_whole_words_only_and_a_capital_at_the_start_of_a_sentence() -> None:
    html = marker().wrap("<p>Council members and councillors; the council.</p>")
    assert re.findall(r"<abbr[^>]*>([^<]*)</abbr>", html) == ["Council", "council"]


def test_longest_name_wins_and_spacing_may_differ() -> None:
    html = marker().wrap("<p>the Islamic\nState group</p>")
    assert re.findall(r"<abbr[^>]*>([^<]*)</abbr>", html) == ["Islamic\nState"]


def test_tags_attributes_code_and_quoted_headings_are_left_alone() -> None:
    source = (
        '<p><a href="https://example.org/ISIS" title="ISIS">see</a> <code>ISIS</code> <q>ISIS</q> '
        '<mark class="dn-hl" data-target="isis">ISIS</mark></p>'
    )
    html = marker().wrap(source)
    assert ABBR_TAG.sub("", html) == source
    assert html.count("<abbr") == 1
    assert '<mark class="dn-hl" data-target="isis"><abbr data-t="daesh"' in html


def test_one_definition_per_page_across_text_and_notes() -> None:
    terms = marker()
    terms.wrap("<p>ISIS</p>")
    assert "title=" not in terms.wrap("<p>Daesh</p>")


@given(st.lists(st.sampled_from(["ISIS", "Daesh", "council", "Council", " ", "x", "<b>", "</b>", "&amp;", "-", "\n"])))
def test_removing_the_abbr_tags_gives_back_the_html_exactly(parts: list[str]) -> None:
    source = "<p>" + "".join(parts) + "</p>"
    assert ABBR_TAG.sub("", marker().wrap(source)) == source


@pytest.mark.parametrize("root", [FIXTURES / "mini", SAMPLE], ids=["mini", "sample"])
def test_article_pages_keep_their_text_and_highlights(root: Path) -> None:
    """Without the <abbr> tags, the page is exactly what it is without a glossary."""
    result = pipeline.build(root)
    anchored = result.anchored
    bare = replace(anchored, digest=replace(anchored.digest, glossary=()))
    plain_pages = render(bare)
    for path, text in result.pages.items():
        if not path.startswith("articles/"):
            continue
        assert ABBR_TAG.sub("", text) == plain_pages[path]
    assert any("<abbr" in text for path, text in result.pages.items() if path.startswith("articles/"))


def test_glossary_page_lists_every_term_with_an_anchor() -> None:
    digest = pipeline.build(SAMPLE).anchored.digest
    page = pipeline.build(SAMPLE).pages["glossary.md"]
    for term in digest.glossary:
        assert f'<dt id="term-{term_key(term)}">' in page
        for alias in term.aliases:
            assert alias in page


def test_hand_written_pages_can_get_the_same_tooltips_from_abbreviations() -> None:
    import markdown

    text = glossary_abbreviations((DAESH, COUNCIL))
    assert text.splitlines()[0] == "*[council]: The elected \"city\" government & its <staff>."
    html = markdown.markdown("ISIS met the council.\n\n" + text, extensions=["abbr"])
    assert '<abbr title="The jihadist group that calls itself the Islamic State.">ISIS</abbr>' in html
    assert "<abbr title=\"The elected &quot;city&quot; government &amp; its &lt;staff&gt;.\">council</abbr>" in html
