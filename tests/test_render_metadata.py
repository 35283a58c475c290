"""Text-fragment links to the original, and schema.org JSON-LD."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from text_fragments import encode_text_directive_part, text_fragment_url

from newsdigest import pipeline
from newsdigest.render.common import json_ld
from newsdigest.site_paths import Linker
from support import FIXTURES


@pytest.mark.parametrize(
    ("text", "encoded"),
    [
        ("9 to 2", "9%20to%202"),
        ("well-known", "well%2Dknown"),
        ("Smith & Jones", "Smith%20%26%20Jones"),
        ("yes, no", "yes%2C%20no"),
        ("“€40 million”", "%E2%80%9C%E2%82%AC40%20million%E2%80%9D"),
        ("it's (not) a.b:c;d=e?f@g_h~i!j$k*l+m/n", "it's%20(not)%20a.b:c;d=e?f@g_h~i!j$k*l+m/n"),
        ("#%", "%23%25"),
    ],
)
def test_text_directive_parts_are_percent_encoded_per_the_spec(text: str, encoded: str) -> None:
    assert encode_text_directive_part(text) == encoded


def test_a_short_quote_is_matched_whole_and_spacing_is_collapsed() -> None:
    url = text_fragment_url("https://example.org/a#top", "voted 9\nto  2 on Friday")
    assert url == "https://example.org/a#:~:text=voted%209%20to%202%20on%20Friday"


def test_a_long_quote_is_matched_by_its_first_and_last_words() -> None:
    quote = "one two three four five six seven eight nine ten-ish eleven, twelve"
    url = text_fragment_url("https://example.org/a", quote)
    assert url == (
        "https://example.org/a#:~:text=one%20two%20three%20four%20five,"
        "eight%20nine%20ten%2Dish%20eleven%2C%20twelve"
    )


def unscript(block: str) -> Any:
    inner = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', block, re.S)
    assert inner, block
    return json.loads(inner.group(1))


def test_json_ld_cannot_be_ended_by_a_value() -> None:
    hostile = {"headline": "</script><script>alert(1)</script> & <!-- -->"}
    block = json_ld(hostile)
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert "\\u003c/script\\u003e" in inner
    assert unscript(block) == hostile


def page_json_ld(text: str) -> list[Any]:
    return [unscript(m) for m in re.findall(r'<script type="application/ld\+json">.*?</script>', text, re.S)]


def test_story_page_has_a_claim_review_for_each_rated_claim() -> None:
    result = pipeline.build(FIXTURES / "mini", pipeline.Options(site_name="Mini Digest"))
    (data,) = page_json_ld(result.pages["stories/bridge-vote.md"])
    reviews = data["@graph"]
    assert [r["@type"] for r in reviews] == ["ClaimReview"], "the unrated comparison is not a ClaimReview"
    (cost,) = reviews
    assert cost["claimReviewed"] == "The bridge will cost about €40 million"
    assert cost["url"] == "./#claim-cost"
    assert cost["reviewRating"] == {"@type": "Rating", "alternateName": "Accurate"}
    assert cost["author"] == {"@type": "Organization", "name": "Mini Digest"}
    assert "datePublished" not in cost, "an undated claim has no review date (never the event's day)"
    appearances = cost["itemReviewed"]["appearance"]
    assert [a["headline"] for a in appearances] == ["Council approves the new bridge", "A bridge too far"]
    assert appearances[0]["url"] == "https://example.org/news/bridge"
    assert "url" not in appearances[1], "an unknown address is left out, never guessed"


def test_claim_review_urls_are_absolute_when_the_site_address_is_known() -> None:
    linker = Linker(site_url="https://digest.example/")
    result = pipeline.build(FIXTURES / "mini", pipeline.Options(linker=linker))
    (data,) = page_json_ld(result.pages["stories/bridge-vote.md"])
    assert data["@graph"][0]["url"] == "https://digest.example/stories/bridge-vote/#claim-cost"
    assert data["@graph"][0]["author"]["url"] == "https://digest.example/"


def test_article_page_describes_the_original_as_a_news_article() -> None:
    pages = pipeline.build(FIXTURES / "mini").pages
    (report,) = page_json_ld(pages["articles/daily-report.md"])
    assert report == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council approves the new bridge",
        "genre": "News report",
        "author": [{"@type": "Person", "name": "Ana Pereira"}],
        "datePublished": "2024-03-02",
        "publisher": {"@type": "Organization", "name": "Daily News", "url": "https://example.org/"},
        "inLanguage": "en",
        "url": "https://example.org/news/bridge",
    }
    (opinion,) = page_json_ld(pages["articles/weekly-view.md"])
    assert opinion["genre"] == "Opinion" and "url" not in opinion
