"""The stories as feeds: Atom 1.0 (`feed.xml`) and JSON Feed 1.1 (`feed.json`).

Stories come newest first (by their `date`, then id). A story's date is the
day of the event, written as midnight UTC. Each entry links to the story page
and carries its summary, its topics, and the articles it compares.

Feed readers need absolute addresses: set `site_url` in mkdocs.yml. Without it
links are relative to the site root and entry ids are stable `urn:uuid:` names
derived from the site name and the story id.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import xml.etree.ElementTree as ET
from typing import Any

from ..anchor import AnchoredDigest
from ..markdown_dialect import render_markdown
from ..model import Digest, Story
from ..plural import counted
from ..render.common import esc, long_date, plain
from ..site_paths import Linker, article_page, story_page
from .links import site_file, site_link

ATOM_FILE = "feed.xml"
JSON_FILE = "feed.json"
ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
GENERATOR = "newsdigest"
EPOCH = dt.date(1970, 1, 1)


def timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def newest_first(digest: Digest) -> list[Story]:
    return sorted(digest.stories.values(), key=lambda s: (-s.date.toordinal(), s.id))


def feed_id(site_name: str, what: str) -> str:
    """A permanent id for feeds without `site_url`: a UUID derived from the site name and `what`."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'newsdigest:{site_name}:{what}')}"


def story_id(linker: Linker, site_name: str, story: Story) -> str:
    if linker.site_url:
        return site_link(linker, story_page(story.id))
    return feed_id(site_name, f"stories/{story.id}")


def story_html(digest: Digest, story: Story, linker: Linker) -> str:
    """The entry's content: the summary and the articles it compares."""
    items = []
    for article_id in story.articles:
        article = digest.articles.get(article_id)
        if article is None:
            continue
        outlet = digest.outlets.get(article.outlet)
        who = f"{esc(outlet.name)}: " if outlet else ""
        href = esc(site_link(linker, article_page(article.id)))
        items.append(
            f'<li>{who}<a href="{href}">{esc(article.title)}</a> ({long_date(article.published)})</li>'
        )
    parts = [render_markdown(story.summary).strip()]
    if items:
        parts.append("<p>Articles compared:</p>\n<ul>\n" + "\n".join(items) + "\n</ul>")
    if story.claims:
        count = len(story.claims)
        parts.append(f"<p>{counted(count, 'claim', 'compared')}.</p>")
    return "\n".join(parts)


def atom_feed(anchored: AnchoredDigest, linker: Linker | None = None, site_name: str = "") -> str:
    """An Atom 1.0 feed of the stories (RFC 4287)."""
    linker = linker or Linker()
    name = site_name or "Annotated news digest"
    digest = anchored.digest
    stories = newest_first(digest)
    ET.register_namespace("", ATOM_NS)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", site_file(linker, ATOM_FILE) if linker.site_url else feed_id(name, "feed"))
    sub(feed, "title", name)
    sub(feed, "subtitle", "Stories: how outlets covered each event, claims compared.")
    sub(feed, "updated", timestamp(stories[0].date if stories else EPOCH))
    sub(feed, "link", rel="alternate", type="text/html", href=site_link(linker, "index.md"))
    sub(feed, "link", rel="self", type="application/atom+xml", href=site_file(linker, ATOM_FILE))
    author = sub(feed, "author")
    sub(author, "name", name)
    sub(feed, "generator", GENERATOR)
    for story in stories:
        entry = sub(feed, "entry")
        sub(entry, "id", story_id(linker, name, story))
        sub(entry, "title", story.title)
        sub(entry, "published", timestamp(story.date))
        sub(entry, "updated", timestamp(story.date))
        sub(entry, "link", rel="alternate", type="text/html", href=site_link(linker, story_page(story.id)))
        for tag in story.tags:
            sub(entry, "category", term=tag)
        sub(entry, "summary", plain(story.summary, 500), type="text")
        sub(entry, "content", story_html(digest, story, linker), type="html")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_feed(anchored: AnchoredDigest, linker: Linker | None = None, site_name: str = "") -> str:
    """A JSON Feed 1.1 of the stories (https://www.jsonfeed.org/version/1.1/)."""
    linker = linker or Linker()
    name = site_name or "Annotated news digest"
    digest = anchored.digest
    feed: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": name}
    if linker.site_url:
        feed["home_page_url"] = site_link(linker, "index.md")
        feed["feed_url"] = site_file(linker, JSON_FILE)
    feed["description"] = "Stories: how outlets covered each event, claims compared."
    feed["authors"] = [{"name": name}]
    items = []
    for story in newest_first(digest):
        item: dict[str, Any] = {
            "id": story_id(linker, name, story),
            "url": site_link(linker, story_page(story.id)),
            "title": story.title,
            "content_html": story_html(digest, story, linker),
            "summary": plain(story.summary, 500),
            "date_published": timestamp(story.date),
        }
        if story.tags:
            item["tags"] = list(story.tags)
        items.append(item)
    feed["items"] = items
    return json.dumps(feed, indent=1, ensure_ascii=False) + "\n"
