"""What the generated pages tell a reader: header card, notes, comparison, home and archive."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from pymdownx.slugs import slugify

from newsdigest import pipeline, site_paths
from newsdigest.model import Digest, Story
from newsdigest.render.common import esc_meta, plain
from newsdigest.render.site import render_archive, stories_newest_first, tag_anchor
from support import FIXTURES


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return pipeline.build(FIXTURES / "mini").pages


def test_article_card_names_type_outlet_author_dates_and_original(pages: dict[str, str]) -> None:
    page = pages["articles/daily-report.md"]
    card = re.search(r'<div class="dn-card">.*?</div>', page, re.S)
    assert card
    assert '<span class="dn-badge dn-type-news-report">News report</span>' in card.group()
    assert '<a href="../../outlets/daily-news/">Daily News</a>' in card.group()
    assert "By Ana Pereira" in card.group()
    assert 'Published <time datetime="2024-03-02">2 March 2024</time>' in card.group()
    assert 'Retrieved <time datetime="2024-03-03">3 March 2024</time>' in card.group()
    assert (
        '<a href="https://example.org/news/bridge" class="dn-original">Original article</a>' in card.group()
    )


def test_an_opinion_piece_says_so_in_words(pages: dict[str, str]) -> None:
    page = pages["articles/weekly-view.md"]
    assert '<span class="dn-badge dn-type-opinion">Opinion</span>' in page
    assert "This is not a news report." in page
    assert "Original address not recorded" in page


def test_legend_names_the_kinds_used_in_the_article(pages: dict[str, str]) -> None:
    legend = re.search(r'<details class="dn-legend".*?</details>', pages["articles/daily-report.md"], re.S)
    assert legend
    assert "<summary>How to read this page</summary>" in legend.group()
    assert "Tap or click a highlight to read its note" in legend.group()
    assert "Tap or click a claim to see its rating and what other outlets said" in legend.group()
    names = re.findall(r'id="kind-([a-z-]+)">([^<]+)<', legend.group())
    assert names == [
        ("context", "Context"),
        ("fact-check", "Fact check"),
        ("claim", "Claim compared across outlets"),
    ]


def test_notes_follow_the_text_in_passage_order_with_sources_and_links(pages: dict[str, str]) -> None:
    page = pages["articles/daily-report.md"]
    notes = re.findall(r'<section class="dn-note dn-([a-z-]+)"><h3 id="note-([a-z0-9-]+)">', page)
    assert notes == [("fact-check", "vote-count"), ("context", "cost")]
    # The heading is the note's permalink; its text names the note.
    assert (
        '<h3 id="note-vote-count"><a href="#note-vote-count">1. <span class="dn-badge">Fact check</span> '
        '<q lang="en">voted 9 to 2 on Friday</q></a></h3>'
    ) in page
    assert page.index('<div class="dn-text"') < page.index('<h2 id="notes">')
    vote = page[page.index('id="note-vote-count"') :].split("</section>")[0]
    assert "<strong>nine</strong>" in vote
    assert '<ul class="dn-sources"><li><a href="https://example.org/council/minutes/2024-03-01">' in vote
    assert (
        '<p class="dn-note-links" data-search-exclude><a href="#hl-vote-count">Back to the passage</a></p>'
    ) in vote
    assert "Permalink" not in vote
    # digest.js adds "Passage in the original" from the card's link and the highlight (test_browser.py).
    assert "#:~:text=" not in page


def test_no_link_to_the_original_passage_when_the_address_is_unknown(pages: dict[str, str]) -> None:
    page = pages["articles/weekly-view.md"]
    assert "#:~:text=" not in page and "dn-original" not in page


def test_highlights_are_no_keyboard_stops_without_the_script(pages: dict[str, str]) -> None:
    page = pages["articles/daily-report.md"]
    assert "tabindex" not in page
    assert re.findall(r'<mark id="(hl-[a-z-]+)" class=', page) == ["hl-vote-count", "hl-cost"]
    assert '<mark id="cl-cost" class="dn-hl dn-claim">' in page


def test_claims_section_gives_each_claim_its_rating_the_other_outlets_and_links(
    pages: dict[str, str],
) -> None:
    page = pages["articles/daily-report.md"]
    section = page[page.index('<section class="dn-claims"') :].split('<h2 id="notes">')[0]
    assert '<h2 id="claims">Claims in this article</h2>' in section, "a real heading"
    cost = section[section.index('<h3 id="claim-cost">') :].split("</section>")[0]
    assert '<span class="dn-num">C1.</span> The bridge will cost about €40 million</h3>' in cost
    assert 'Rating of the claim: <span class="dn-badge dn-rating-accurate">Accurate</span>' in cost
    assert '<li><strong>Weekly View</strong>: <q lang="en" class="dn-own-quotes">costing &quot;€40' in cost
    assert "<li><strong>Weekly View</strong>: does not mention it.</li>" in section
    assert (
        '<a href="#cl-cost" aria-label="Back to the passage of claim C1">Back to the passage</a> · '
        '<a href="../../stories/bridge-vote/#claim-cost" aria-label="Compare all outlets on claim C1">'
        "Compare all outlets</a>"
    ) in cost
    assert ">passage</a>" not in page, "no link reads just 'passage'"


def test_every_highlight_is_followed_by_a_link_to_its_note_or_claim(pages: dict[str, str]) -> None:
    """Without the script, each highlight is one link away from its note; the number adds no text."""
    page = pages["articles/daily-report.md"]
    refs = re.findall(
        r'<a class="dn-ref" href="#([a-z]+-[a-z-]+)" aria-label="([^"]+)" data-n="([^"]+)"></a>', page
    )
    assert refs == [
        ("note-vote-count", "Note 1", "1"),
        ("note-cost", "Note 2", "2"),
        ("claim-cost", "Claim C1", "C1"),
        ("claim-opening", "Claim C2", "C2"),
    ]
    assert '<a class="dn-skip md-skip" href="#article-text">Skip to the article text</a>' in page
    assert '<div class="dn-text" id="article-text" lang="en">' in page


def test_story_compares_each_article_per_claim(pages: dict[str, str]) -> None:
    page = pages["stories/bridge-vote.md"]
    assert 'tags: ["Infrastructure"]' in page
    assert '<h3 id="claim-cost"><span class="dn-num">1.</span> The bridge will cost about €40 million' in page
    assert '<span class="dn-rating dn-rating-accurate">Rating: Accurate</span>' in page  # with its meaning
    assert (
        '<div class="admonition success dn-conclusion"><p class="admonition-title">Conclusion: Accurate</p>'
        in page
    )
    assert '<p class="admonition-title">Conclusion (not rated)</p>' in page
    opening = page[page.index('id="claim-opening"') :].split("admonition")[0]
    rows = re.findall(r'<li class="dn-statement" id="([^"]+)">(.*?)</li>', opening, re.S)
    assert [r[0] for r in rows] == ["cell-opening--daily-report"]
    assert 'href="../../articles/daily-report/#cl-opening"' in rows[0][1]
    assert (
        '<p class="dn-gathered dn-silent"><span class="dn-mark dn-mark-silent" aria-hidden="true"></span> '
        '<strong>Not mentioned:</strong> <span id="cell-opening--weekly-view">Weekly View</span>.</p>'
    ) in opening


def test_coverage_table_lists_outlet_type_date_and_headline(pages: dict[str, str]) -> None:
    page = pages["stories/bridge-vote.md"]
    table = page[page.index('<div class="dn-coverage">') :].split("</table>")[0]
    assert re.findall(r'<th scope="col">([^<]+)</th>', table) == [
        "Outlet",
        "Type",
        "Date",
        "Headline",
        "Notes",
    ]
    assert (
        '<td data-label="Headline"><a href="../../articles/weekly-view/" lang="en">A bridge too far</a>'
        in table
    )


def test_home_counts_and_links_to_archive_and_topics(pages: dict[str, str]) -> None:
    home = pages["index.md"]
    stats = re.findall(r'<div class="card"><strong>(\d+)</strong> ([a-z ]+)</div>', home)
    assert stats == [("1", "story"), ("2", "articles"), ("3", "notes"), ("2", "claims compared")]
    assert '<a href="archive/">All stories by date</a>' in home
    assert '<a class="md-tag" href="topics/#tag:infrastructure">Infrastructure</a>' in home
    assert "articles/" not in home.split('class="dn-stories"')[0]


def test_topics_page_is_left_to_materials_tags_plugin(pages: dict[str, str]) -> None:
    assert "\n<!-- material/tags -->\n" in pages[site_paths.TOPICS]


@pytest.mark.parametrize(
    "tag", ["Gaza war", "Emmanuel Macron", "Islamic State", "Côte d'Ivoire", "Covid-19", "Q&A"]
)
def test_tag_anchors_match_the_tags_plugin(tag: str) -> None:
    """The plugin slugifies the tag as written in the front matter, which is HTML-escaped."""
    assert tag_anchor(tag) == "tag:" + slugify(case="lower")(esc_meta(tag), "-")


def test_front_matter_values_hold_no_markup() -> None:
    from newsdigest.render.common import page

    text = page('A <b>"bold"</b> & title', "<script>x</script>", "<p>body</p>", tags=["<i>t</i>"])
    assert text.splitlines()[1:4] == [
        'title: "A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; title"',
        'description: "&lt;script&gt;x&lt;/script&gt;"',
        'tags: ["&lt;i&gt;t&lt;/i&gt;"]',
    ]


def story(story_id: str, day: str) -> Story:
    return Story(story_id, story_id.title(), dt.date.fromisoformat(day), "Summary.", (), ())


def test_archive_lists_every_story_newest_first_by_year_and_month() -> None:
    digest = Digest(
        stories={
            s.id: s
            for s in [
                story("old", "2022-12-30"),
                story("newer", "2023-10-24"),
                story("newest", "2023-10-27"),
                story("also-newest", "2023-10-27"),
                story("march", "2023-03-01"),
            ]
        }
    )
    assert [s.id for s in stories_newest_first(digest)] == ["also-newest", "newest", "newer", "march", "old"]
    page = render_archive(digest, site_paths.Linker())
    headings = re.findall(r"<h[23] id=\"([^\"]+)\">([^<]+)</h[23]>", page)
    assert headings == [
        ("y2023", "2023"),
        ("m2023-10", "October 2023"),
        ("m2023-03", "March 2023"),
        ("y2022", "2022"),
        ("m2022-12", "December 2022"),
    ]
    assert page.index("Also-Newest") < page.index("Newest</strong>") < page.index("March")


def test_every_note_body_appears_once_on_its_page() -> None:
    """Notes open in place by reusing the listed note, so no body is written twice."""
    result = pipeline.build(FIXTURES / "mini")
    for article_id, notes in result.anchored.digest.notes.items():
        text = " ".join(
            html.unescape(re.sub(r"<[^>]+>", "", result.pages[site_paths.article_page(article_id)])).split()
        )
        for note in notes:
            assert text.count(plain(note.body, 40).removesuffix("…")) == 1, note.id
