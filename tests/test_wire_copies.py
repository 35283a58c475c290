"""Wire copies, unsigned pieces and sources a reader can weigh, on the `wire` fixture.

The fixture has an agency report republished by a local site (`via:`, no
original address), an unsigned editorial read on an aggregator (`via:` and
`url:`), and sources with publisher, date, the site they were read on and an
archived copy. The site is built with real MkDocs and its HTML inspected.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from newsdigest import pipeline
from newsdigest.exports import web_annotations
from newsdigest.site_paths import Linker
from support import FIXTURES, copy_digest, run_cli, run_mkdocs

WIRE = FIXTURES / "wire"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_digest(WIRE, tmp_path_factory.mktemp("wire") / "wire")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def card(site: Path, article: str) -> str:
    """The header card's line of facts (outlet, byline, dates, original)."""
    html = (site / "articles" / article / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<div class="dn-card">.*?<p class="dn-facts">(.*?)</p>', html, re.S)
    assert found, "no header card"
    return found.group(1)


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def original_link(card_html: str) -> tuple[str, str]:
    """(href, text) of the link digest.js uses for "Passage in the original"."""
    found: list[tuple[str, str]] = re.findall(r'<a href="([^"]+)" class="dn-original">([^<]+)</a>', card_html)
    assert len(found) == 1, found
    return found[0]


def test_agency_copy_names_both_publishers_and_links_the_copy_it_was_read_on(site: Path) -> None:
    html = card(site, "passes-closed")
    assert text_of(html) == (
        "Continental Press, via Local News 8 · By Continental Press · Published 14 January 2024"
        " · Original address not recorded; text from the copy at Local News 8"
    )
    assert original_link(html) == ("https://localnews8.example.com/storm-passes", "Local News 8")


def test_unsigned_piece_with_a_known_original_links_the_original(site: Path) -> None:
    html = card(site, "courier-view")
    assert text_of(html) == (
        "Valley Courier, via Mountain Aggregator · Unsigned · Published 15 January 2024 · Original article"
    )
    assert original_link(html) == (
        "https://valley-courier.example.net/opinion/keep-the-passes-open",
        "Original article",
    )
    assert '<a href="https://aggregator.example.com/keep-the-passes-open">Mountain Aggregator</a>' in html


def sources_of(site: Path, page: str) -> list[str]:
    html = (site / page / "index.html").read_text(encoding="utf-8")
    lists = re.findall(r'<ul class="dn-sources">(.*?)</ul>', html, re.S)
    return [text_of(item) for block in lists for item in re.findall(r"<li>(.*?)</li>", block, re.S)]


def test_note_sources_show_publisher_date_site_and_archive(site: Path) -> None:
    assert sources_of(site, "articles/passes-closed") == [
        "Road conditions bulletin — Regional Roads Agency, 14 January 2024 (roads.example.org) · archived copy",
        "Snow closes passes again — Continental Press, via Local News 8, 13 January 2024 (localnews8.example.com)",
        "Passes map (roads.example.org)",
    ]
    html = (site / "articles" / "passes-closed" / "index.html").read_text(encoding="utf-8")
    archive = "https://archive.example.org/web/20240114/https://roads.example.org/bulletins/2024-01-14"
    assert f'<a href="{archive}" class="dn-archive">archived copy</a>' in html


def test_claim_sources_use_the_same_credit_line(site: Path) -> None:
    assert (
        "Road conditions bulletin — Regional Roads Agency, 14 January 2024 (roads.example.org)"
        in sources_of(site, "stories/mountain-storm")
    )


def test_web_annotation_sources_carry_publisher_date_and_archived_copy() -> None:
    anchored = pipeline.build(WIRE).anchored
    data: dict[str, Any] = json.loads(web_annotations(anchored, Linker(True, "https://d.example.org/"), "D"))
    bodies = data["first"]["items"][0]["body"]
    assert bodies[2] == {
        "type": "SpecificResource",
        "purpose": "linking",
        "source": {
            "id": "https://roads.example.org/bulletins/2024-01-14",
            "dcterms:title": "Road conditions bulletin",
            "dcterms:publisher": "Regional Roads Agency",
            "dcterms:date": "2024-01-14",
        },
        "state": {
            "type": "TimeState",
            "cached": "https://archive.example.org/web/20240114/https://roads.example.org/bulletins/2024-01-14",
        },
    }
    assert bodies[4]["source"] == {"id": "https://www.roads.example.org/map", "dcterms:title": "Passes map"}
    context = json.loads((FIXTURES / "jsonld" / "anno.jsonld").read_text("utf-8"))
    expanded = jsonld.expand(
        data,
        {
            "documentLoader": lambda url, options=None: {
                "contextUrl": None,
                "documentUrl": url,
                "document": context,
            }
        },
    )
    body = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0][
        "http://www.w3.org/ns/activitystreams#items"
    ][0]["@list"][0][OA + "hasBody"][2]
    assert body[OA + "hasState"][0]["@type"] == [OA + "TimeState"]
    assert body[OA + "hasState"][0][OA + "cachedSource"] == [
        {"@id": "https://archive.example.org/web/20240114/https://roads.example.org/bulletins/2024-01-14"}
    ]


def test_bad_via_and_source_fields_are_reported_with_their_place(tmp_path: Path) -> None:
    root = copy_digest(WIRE, tmp_path / "wire")
    article = root / "articles" / "passes-closed.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            'via: {name: Local News 8, url: "https://localnews8.example.com/storm-passes"}',
            "via: {name: Local News 8}",
        ),
        encoding="utf-8",
    )
    notes = root / "annotations" / "passes-closed.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8")
        .replace("date: 2024-01-13", "date: 13/01/2024")
        .replace(
            "archive_url: https://archive.example.org/web/20240114/https://roads.example.org/bulletins/2024-01-14",
            "archive_url: javascript:alert(1)",
        ),
        encoding="utf-8",
    )
    result = run_cli("check", "--root", str(root))
    assert result.returncode == 1
    assert result.stderr == (
        "annotations/passes-closed.yml:12:22: notes[0].sources[0].archive_url: 'javascript:alert(1)' is not a web address\n"
        "  hint: give the full address starting with https:// or http://\n"
        "annotations/passes-closed.yml:17:15: notes[0].sources[1].date: '13/01/2024' is not a date\n"
        "  hint: write dates as YYYY-MM-DD, e.g. 2023-10-24\n"
        "articles/passes-closed.md:6:6: via: missing required field 'url'\n"
        "  hint: add `url:`; required for each via: name, url\n"
        "Build failed: 3 errors in 2 files. Nothing was written.\n"
    )


def test_editor_text_in_the_new_fields_never_becomes_markup(tmp_path: Path) -> None:
    root = copy_digest(WIRE, tmp_path / "wire")
    hostile = '<img src=x onerror=alert(1)>"'
    article = root / "articles" / "passes-closed.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("name: Local News 8", f"name: '{hostile}'"),
        encoding="utf-8",
    )
    notes = root / "annotations" / "passes-closed.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8")
        .replace("publisher: Regional Roads Agency", f"publisher: '{hostile}'")
        .replace("via: Local News 8", f"via: '{hostile}'"),
        encoding="utf-8",
    )
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    html = (root / "site" / "articles" / "passes-closed" / "index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in html
    assert (
        html.count("&lt;img src=x onerror=alert(1)&gt;&#x27;")
        + html.count("&lt;img src=x onerror=alert(1)&gt;&quot;")
        >= 3
    )
