"""Glossary terms become tooltips without changing the text or the highlights."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest import pipeline
from newsdigest.model import Source, Term
from newsdigest.render import render
from newsdigest.render.glossary import TermMarker, term_key
from support import FIXTURES, SAMPLE

SOURCES = (Source("A source", "https://example.org/"),)
DAESH = Term(
    "Daesh", "The jihadist group that calls itself the Islamic State.", SOURCES, ("ISIS", "Islamic State")
)
COUNCIL = Term("council", 'The elected "city" government & its <staff>.', SOURCES)
ABBR_TAG = re.compile(r"</?abbr[^>]*>")
LEGEND_TERMS = re.compile(r'<p class="dn-legend-terms">.*?</p>')
"""The legend's line about glossary terms, on pages that have some."""


def marker() -> TermMarker:
    return TermMarker((DAESH, COUNCIL))


def test_only_the_first_use_is_marked_and_aliases_are_the_same_term() -> None:
    html = marker().wrap("<p>ISIS, or Daesh, is not a state; ISIS lost.</p>")
    assert html == (
        '<p><abbr data-t="daesh" data-d="The jihadist group that calls itself the Islamic State.">ISIS</abbr>, '
        "or Daesh, is not a state; ISIS lost.</p>"
    )


def test_each_text_wrapped_marks_its_own_first_use() -> None:
    """An article's text, then each note: a term is marked once in each; the page defines it once."""
    terms = marker()
    article = terms.wrap("<p>ISIS and the council; ISIS again, the council again.</p>")
    notes = [terms.wrap("<p>Daesh, Daesh.</p>"), terms.wrap("<p>No term.</p>"), terms.wrap("<p>ISIS.</p>")]
    assert re.findall(r"<abbr[^>]*>([^<]*)</abbr>", article) == ["ISIS", "council"]
    assert [re.findall(r"<abbr[^>]*>([^<]*)</abbr>", n) for n in notes] == [["Daesh"], [], ["ISIS"]]
    assert "data-d=" not in "".join(notes)


def test_definitions_are_escaped_and_never_in_a_title() -> None:
    """Material renders a `title` as HTML; the definition goes in `data-d`, which digest.js shows as text."""
    html = marker().wrap("<p>The council met.</p>")
    assert 'data-d="The elected &quot;city&quot; government &amp; its &lt;staff&gt;."' in html
    assert "title=" not in html


def test_whole_words_only_and_a_capital_at_the_start_of_a_sentence() -> None:
    html = marker().wrap("<p>Councillors met. Council members agreed.</p>")
    assert re.findall(r"<abbr[^>]*>([^<]*)</abbr>", html) == ["Council"]
    assert re.findall(r"<abbr[^>]*>([^<]*)</abbr>", marker().wrap("<p>The council.</p>")) == ["council"]


def test_longest_name_wins_and_spacing_may_differ() -> None:
    html = marker().wrap("<p>the Islamic\nState group</p>")
    assert re.findall(r"<abbr[^>]*>([^<]*)</abbr>", html) == ["Islamic\nState"]


def test_tags_attributes_code_quotes_links_and_highlights_are_left_alone() -> None:
    """A term in a link or a highlight (a button) could take no focus or tap: the next use is marked."""
    source = (
        '<p><a href="https://example.org/ISIS" title="ISIS">see ISIS</a> <code>ISIS</code> <q>ISIS</q> '
        '<mark class="dn-hl" data-target="isis">ISIS</mark> and then ISIS</p>'
    )
    html = marker().wrap(source)
    assert ABBR_TAG.sub("", html) == source
    assert html.count("<abbr") == 1
    assert html.endswith(
        'and then <abbr data-t="daesh" data-d="The jihadist group that calls itself the Islamic State.">ISIS</abbr></p>'
    )


def test_one_definition_per_page_across_text_and_notes() -> None:
    terms = marker()
    terms.wrap("<p>ISIS</p>")
    assert "data-d=" not in terms.wrap("<p>Daesh</p>")
    assert "data-d=" in terms.wrap_page("<p>Daesh</p>"), "a new page defines the term again"


@settings(deadline=None)  # no time limit per example (200 ms by default): a busy machine may pause any one
@given(
    st.lists(
        st.sampled_from(["ISIS", "Daesh", "council", "Council", " ", "x", "<b>", "</b>", "&amp;", "-", "\n"])
    )
)
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
        assert LEGEND_TERMS.sub("", ABBR_TAG.sub("", text)) == plain_pages[path]
    assert any("<abbr" in text for path, text in result.pages.items() if path.startswith("articles/"))


def test_glossary_page_lists_every_term_with_an_anchor() -> None:
    digest = pipeline.build(SAMPLE).anchored.digest
    page = pipeline.build(SAMPLE).pages["glossary.md"]
    for term in digest.glossary:
        assert f'<dt id="term-{term_key(term)}">' in page
        for alias in term.aliases:
            assert alias in page


def test_hand_written_pages_get_the_terms_without_a_title(tmp_path: Path) -> None:
    """The plugin wraps terms in hand-written pages as in generated ones; no `abbr` definitions, no title."""
    from support import copy_digest, run_mkdocs

    root = copy_digest(FIXTURES / "mini", tmp_path / "mini")
    about = "# About\n\nThe council met. `council` stays code.\n"
    (root / "docs" / "about.md").write_text(about, encoding="utf-8")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert '<abbr data-t="council" data-d="The elected city government.">council</abbr> met.' in page
    assert "<code>council</code>" in page
    assert "<abbr title" not in page
