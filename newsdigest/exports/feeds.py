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
from ..memo import BuildMemo
from ..model import Article, Digest, Story
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


Members = tuple[tuple[Article, str | None], ...]
"""The articles a story compares (those present), each with its outlet's name (None: no such outlet)."""
ContentKey = tuple[Story, Members, Linker]
Entries = tuple[tuple[Story, str], ...]
"""The stories, newest first, each with its entry's content (HTML)."""
FeedKey = tuple[Entries, Linker, str]
"""What a feed shows: its entries, the way links are written and the site's name."""


def content_key(digest: Digest, story: Story, linker: Linker) -> ContentKey:
    members = []
    for article_id in story.articles:
        article = digest.articles.get(article_id)
        if article is not None:
            outlet = digest.outlets.get(article.outlet)
            members.append((article, outlet.name if outlet else None))
    return (story, tuple(members), linker)


def story_html(key: ContentKey) -> str:
    """The entry's content: the summary and the articles it compares."""
    story, members, linker = key
    items = []
    for article, outlet_name in members:
        who = f"{esc(outlet_name)}: " if outlet_name is not None else ""
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


_CONTENTS: BuildMemo[ContentKey, str] = BuildMemo(story_html)
"""Each story's entry content, from the last build: a save renders the entries it touched."""


def story_entries(digest: Digest, linker: Linker) -> Entries:
    """Every story, newest first, with its entry's content (both feeds show the same)."""
    _CONTENTS.start()
    return tuple((story, _CONTENTS.get(content_key(digest, story, linker))) for story in newest_first(digest))


def feed_key(anchored: AnchoredDigest, linker: Linker, site_name: str) -> FeedKey:
    return (story_entries(anchored.digest, linker), linker, site_name)


def feeds(anchored: AnchoredDigest, linker: Linker, site_name: str) -> dict[str, str]:
    """Both feeds, file -> text; each is made again only when its stories or their entries changed."""
    key = feed_key(anchored, linker, site_name)
    _ATOM.start()
    _JSON.start()
    return {ATOM_FILE: _ATOM.get(key), JSON_FILE: _JSON.get(key)}


def atom_feed(anchored: AnchoredDigest, linker: Linker | None = None, site_name: str = "") -> str:
    """An Atom 1.0 feed of the stories (RFC 4287)."""
    return atom_text(feed_key(anchored, linker or Linker(), site_name))


def json_feed(anchored: AnchoredDigest, linker: Linker | None = None, site_name: str = "") -> str:
    """A JSON Feed 1.1 of the stories (https://www.jsonfeed.org/version/1.1/)."""
    return json_text(feed_key(anchored, linker or Linker(), site_name))


def atom_text(key: FeedKey) -> str:
    entries, linker, site_name = key
    name = site_name or "Annotated news digest"
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
    sub(feed, "updated", timestamp(entries[0][0].date if entries else EPOCH))
    sub(feed, "link", rel="alternate", type="text/html", href=site_link(linker, "index.md"))
    sub(feed, "link", rel="self", type="application/atom+xml", href=site_file(linker, ATOM_FILE))
    author = sub(feed, "author")
    sub(author, "name", name)
    sub(feed, "generator", GENERATOR)
    for story, content in entries:
        entry = sub(feed, "entry")
        sub(entry, "id", story_id(linker, name, story))
        sub(entry, "title", story.title)
        sub(entry, "published", timestamp(story.date))
        sub(entry, "updated", timestamp(story.date))
        sub(entry, "link", rel="alternate", type="text/html", href=site_link(linker, story_page(story.id)))
        for tag in story.tags:
            sub(entry, "category", term=tag)
        sub(entry, "summary", plain(story.summary, 500), type="text")
        sub(entry, "content", content, type="html")
    ET.indent(feed, space=" ")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def json_text(key: FeedKey) -> str:
    entries, linker, site_name = key
    name = site_name or "Annotated news digest"
    feed: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": name}
    if linker.site_url:
        feed["home_page_url"] = site_link(linker, "index.md")
        feed["feed_url"] = site_file(linker, JSON_FILE)
    feed["description"] = "Stories: how outlets covered each event, claims compared."
    feed["authors"] = [{"name": name}]
    items = []
    for story, content in entries:
        item: dict[str, Any] = {
            "id": story_id(linker, name, story),
            "url": site_link(linker, story_page(story.id)),
            "title": story.title,
            "content_html": content,
            "summary": plain(story.summary, 500),
            "date_published": timestamp(story.date),
        }
        if story.tags:
            item["tags"] = list(story.tags)
        items.append(item)
    feed["items"] = items
    return json.dumps(feed, indent=1, ensure_ascii=False) + "\n"


_ATOM: BuildMemo[FeedKey, str] = BuildMemo(atom_text)
_JSON: BuildMemo[FeedKey, str] = BuildMemo(json_text)
"""The last build's feeds: the same stories with the very same entries give the same feeds."""
