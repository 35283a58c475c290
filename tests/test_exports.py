"""Exports: notes as W3C Web Annotations (JSON-LD), stories as Atom and JSON Feed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import feedparser
import pytest
from pyld import jsonld

from fresh_process import build_elsewhere
from newsdigest import pipeline
from newsdigest.anchor import AnchoredDigest
from newsdigest.exports import atom_feed, json_feed, render_exports, web_annotations
from newsdigest.exports.webannotation import CONTEXT_CHARS, MOTIVATIONS
from newsdigest.model import Digest, Story
from newsdigest.render.article import TEXT_ELEMENT
from newsdigest.render.page_text import page_text, text_on_page
from newsdigest.site_paths import Linker
from support import FIXTURES, SAMPLE

OA = "http://www.w3.org/ns/oa#"
SITE = Linker(True, "https://digest.example.org/")
CONTEXT_FILE = FIXTURES / "jsonld" / "anno.jsonld"


@pytest.fixture(scope="module")
def sample() -> AnchoredDigest:
    return pipeline.without_drafts(pipeline.build(SAMPLE).anchored)


def collection(anchored: AnchoredDigest, linker: Linker = SITE) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(web_annotations(anchored, linker, "Digest"))
    return data


def items(anchored: AnchoredDigest, linker: Linker = SITE) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = collection(anchored, linker)["first"]["items"]
    return found


def local_loader(url: str, options: Any = None) -> dict[str, Any]:
    """The Web Annotation context from tests/fixtures, so expansion needs no network."""
    assert url == "http://www.w3.org/ns/anno.jsonld", url
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(CONTEXT_FILE.read_text("utf-8"))}


def test_collection_has_the_annotation_context_and_every_note(sample: AnchoredDigest) -> None:
    data = collection(sample)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["id"] == "https://digest.example.org/annotations.jsonld"
    notes = [n for placed in sample.articles.values() for n in placed.notes]
    assert data["total"] == len(notes) == len(data["first"]["items"]) > 0
    assert data["first"]["type"] == "AnnotationPage"
    assert {i["type"] for i in data["first"]["items"]} == {"Annotation"}


def test_expands_as_json_ld_with_the_right_types(sample: AnchoredDigest) -> None:
    expanded = jsonld.expand(collection(sample), {"documentLoader": local_loader})
    assert expanded[0]["@type"] == ["http://www.w3.org/ns/activitystreams#OrderedCollection"]
    page = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]
    annotations = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    first = annotations[0]
    assert first["@type"] == [OA + "Annotation"]
    assert first[OA + "motivatedBy"][0]["@id"].startswith(OA)
    target = first[OA + "hasTarget"][0]
    assert {s["@type"][0] for s in target[OA + "hasSelector"]} == {OA + "CssSelector"}
    refined = {s[OA + "refinedBy"][0]["@type"][0] for s in target[OA + "hasSelector"]}
    assert refined == {OA + "TextQuoteSelector", OA + "TextPositionSelector"}
    bodies = first[OA + "hasBody"]
    assert bodies[0]["@type"] == [OA + "TextualBody"]
    assert bodies[0]["http://purl.org/dc/elements/1.1/format"][0]["@value"] == "text/html"
    linking = [b for b in bodies if b.get(OA + "hasPurpose") == [{"@id": OA + "linking"}]]
    assert linking and all("http://purl.org/dc/terms/title" in b[OA + "hasSource"][0] for b in linking)


def test_selectors_count_the_text_element_as_the_browser_does(sample: AnchoredDigest) -> None:
    """Positions and quotes count the `textContent` of the page's text element (checked in Chromium by
    test_annotation_selectors.py); here, against the text computed from the page's HTML."""
    by_id = {a["id"]: a for a in items(sample)}
    for article_id, placed in sample.articles.items():
        text = page_text(placed)
        for mark in placed.highlights:
            if mark.kind == "claim":
                continue
            note = by_id[f"https://digest.example.org/articles/{article_id}/#note-{mark.target}"]
            on_page = note["target"][0]["selector"]
            assert [s["type"] for s in on_page] == ["CssSelector", "CssSelector"]
            assert {s["value"] for s in on_page} == {TEXT_ELEMENT}
            quote, position = (s["refinedBy"] for s in on_page)
            start, end = text.spans[mark.dom_id]
            assert position == {"type": "TextPositionSelector", "start": start, "end": end}
            assert quote["exact"] == text.text[start:end]
            assert text.text[:start].endswith(quote["prefix"]) and len(quote["prefix"]) <= CONTEXT_CHARS
            assert text.text[end:].startswith(quote["suffix"]) and len(quote["suffix"]) <= CONTEXT_CHARS
            assert note["motivation"] == MOTIVATIONS[mark.kind]


def test_targets_are_the_digest_page_then_the_original_by_quote_only(sample: AnchoredDigest) -> None:
    for item in items(sample):
        article_id = item["id"].split("/articles/")[1].split("/")[0]
        article = sample.digest.articles[article_id]
        digest_page, *original = item["target"]
        assert digest_page["source"] == f"https://digest.example.org/articles/{article_id}/"
        if article.url:
            (target,) = original
            assert target["source"] == article.url
            assert target["selector"]["type"] == "TextQuoteSelector"
            assert target["selector"]["exact"] == " ".join(
                digest_page["selector"][0]["refinedBy"]["exact"].split()
            )
        else:
            assert original == []


def test_note_body_kind_and_sources(sample: AnchoredDigest) -> None:
    notes = {n.id: n for placed in sample.articles.values() for n in placed.notes}
    for item in items(sample):
        note = notes[item["id"].rsplit("#note-", 1)[1]]
        text, tag, *sources = item["body"]
        assert text["format"] == "text/html" and text["value"].startswith("<")
        assert tag == {"type": "TextualBody", "value": note.kind, "purpose": "tagging"}
        assert [(s["source"]["id"], s["source"]["dcterms:title"]) for s in sources] == [
            (s.url, s.title) for s in note.sources
        ]
        assert {s["purpose"] for s in sources} == {"linking"}


def test_without_site_url_ids_are_relative_to_the_site_root(sample: AnchoredDigest) -> None:
    data = collection(sample, Linker(True))
    assert data["id"] == "annotations.jsonld"
    assert data["first"]["items"][0]["id"].startswith("articles/gr-anti-hamas-coalition/#note-")
    flat = collection(sample, Linker(False))
    assert flat["first"]["items"][0]["id"].startswith("articles/gr-anti-hamas-coalition.html#note-")


def test_draft_notes_are_not_exported(mini: Path) -> None:
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("    sources:", "    status: draft\n    sources:", 1),
                     encoding="utf-8")  # fmt: skip
    anchored = pipeline.build(mini).anchored
    drafts = {n.id for placed in anchored.articles.values() for n in placed.notes if n.draft}
    assert drafts
    exported = {i["id"].rsplit("#note-", 1)[1] for i in items(pipeline.without_drafts(anchored))}
    assert not drafts & exported


def stories_digest() -> AnchoredDigest:
    stories = {
        sid: Story(sid, f"Story {sid}", day, f"Summary of **{sid}**.", (), (), tags)
        for sid, day, tags in [
            ("older", dt.date(2024, 1, 5), ("Transport",)),
            ("newest", dt.date(2024, 3, 1), ()),
            ("middle", dt.date(2024, 2, 1), ("Budget", "City")),
            ("also-middle", dt.date(2024, 2, 1), ()),
        ]
    }
    return AnchoredDigest(Digest(stories=stories), {}, [])


def test_atom_feed_parses_newest_first() -> None:
    feed = feedparser.parse(atom_feed(stories_digest(), SITE, "Digest"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Digest"
    assert feed.feed.updated == "2024-03-01T00:00:00Z"
    assert [e.title for e in feed.entries] == [
        "Story newest",
        "Story also-middle",
        "Story middle",
        "Story older",
    ]
    newest, _, middle, _ = feed.entries
    assert newest.link == "https://digest.example.org/stories/newest/"
    assert newest.id == "https://digest.example.org/stories/newest/"
    assert newest.published == "2024-03-01T00:00:00Z"
    assert "<strong>newest</strong>" in newest.content[0].value
    assert newest.summary == "Summary of newest."
    assert [t.term for t in middle.tags] == ["Budget", "City"]


def test_atom_feed_of_the_sample(sample: AnchoredDigest) -> None:
    feed = feedparser.parse(atom_feed(sample, Linker(True), "Digest"))
    assert not feed.bozo
    (entry,) = feed.entries
    assert entry.id.startswith("urn:uuid:")
    assert entry.link == "stories/macron-coalition-proposal/"
    assert 'Global Research: <a href="articles/gr-anti-hamas-coalition/">' in entry.content[0].value


def test_json_feed_is_version_1_1_newest_first() -> None:
    feed = json.loads(json_feed(stories_digest(), SITE, "Digest"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Digest"
    assert feed["home_page_url"] == "https://digest.example.org/"
    assert feed["feed_url"] == "https://digest.example.org/feed.json"
    dates = [item["date_published"] for item in feed["items"]]
    assert dates == [
        "2024-03-01T00:00:00Z",
        "2024-02-01T00:00:00Z",
        "2024-02-01T00:00:00Z",
        "2024-01-05T00:00:00Z",
    ]
    assert all(dt.datetime.fromisoformat(d.replace("Z", "+00:00")) for d in dates)
    assert len({item["id"] for item in feed["items"]}) == 4
    first = feed["items"][0]
    assert first["url"] == "https://digest.example.org/stories/newest/"
    assert first["content_html"] == "<p>Summary of <strong>newest</strong>.</p>"
    assert feed["items"][2]["tags"] == ["Budget", "City"]


def test_json_feed_without_site_url_omits_absolute_addresses(sample: AnchoredDigest) -> None:
    feed = json.loads(json_feed(sample, Linker(True), "Digest"))
    assert "home_page_url" not in feed and "feed_url" not in feed
    assert feed["items"][0]["url"] == "stories/macron-coalition-proposal/"


@pytest.mark.parametrize("hash_seed", ["1", "2"])
def test_exports_are_deterministic(sample: AnchoredDigest, hash_seed: str) -> None:
    """A build in a new process (no memo shared, another hash seed) exports the same bytes."""
    first = render_exports(sample, SITE, "Digest")
    assert set(first) == {"annotations.jsonld", "feed.xml", "feed.json"}
    assert build_elsewhere(SAMPLE, "exports", hash_seed, SITE.site_url) == first


def test_text_read_from_the_page_equals_the_text_rendered_again(mini: Path) -> None:
    """The export reads each article's text from its rendered page; without the page it renders it."""
    result = pipeline.build(mini)
    for article_id, placed in result.anchored.articles.items():
        assert text_on_page(result.pages[f"articles/{article_id}.md"]) == page_text(placed)
