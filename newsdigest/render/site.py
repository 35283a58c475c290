"""Pages about the whole digest: home, archive, topics, outlets."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from .. import site_paths
from ..anchor import AnchoredDigest
from ..memo import BuildMemo
from ..model import Article, Digest, Outlet, Story
from ..plural import counted, noun_for
from ..schema.vocabularies import ARTICLE_TYPES, OUTLET_TYPES
from ..slugs import tag_slug
from .common import MONTHS, badge, esc, esc_meta, external_link, page, plain, sources_list, time_tag
from .profile import profile_html

LATEST = 10
"""Stories on the home page; the archive lists them all."""
TAGS_DIRECTIVE = "<!-- material/tags -->"
"""Where Material's tags plugin writes its index of tagged pages (the story pages)."""


def stories_newest_first(digest: Digest) -> list[Story]:
    return sorted(digest.stories.values(), key=lambda s: (-s.date.toordinal(), s.id))


def tag_anchor(tag: str) -> str:
    """The anchor Material's tags plugin gives a tag on the topics page (its default slugify)."""
    return "tag:" + tag_slug(esc_meta(tag))  # the plugin sees the tag as the page's front matter has it


StoryItemKey = tuple[Story, tuple[str, ...], int, str, site_paths.Linker]
"""What a story's entry in a list shows: the story, its outlets' names, its note count, the page
listing it and the way links are written."""


def story_item_key(digest: Digest, story: Story, src: str, linker: site_paths.Linker) -> StoryItemKey:
    outlets = sorted(
        {digest.outlets[digest.articles[a].outlet].name for a in story.articles if a in digest.articles}
    )
    notes = sum(len(digest.notes.get(a, ())) for a in story.articles)
    return (story, tuple(outlets), notes, src, linker)


def story_item(key: StoryItemKey) -> str:
    story, outlets, notes, src, linker = key
    tags = "".join(
        f'<a class="md-tag" href="{linker.href(src, site_paths.TOPICS, tag_anchor(t))}">{esc(t)}</a>'
        for t in story.tags
    )
    return (
        f'<li class="dn-story-item"><p class="dn-story-title">{time_tag(story.date)} · '
        f'<a href="{linker.href(src, site_paths.story_page(story.id))}">'
        f"<strong>{esc(story.title)}</strong></a></p>"
        f"<p>{esc(plain(story.summary, 280))}</p>"
        f'<p class="dn-facts">{counted(len(story.articles), "article")} ({esc(", ".join(outlets))}) · '
        f"{counted(notes, 'note')} · {counted(len(story.claims), 'claim', 'compared')}</p>"
        + (f'<p class="md-tags">{tags}</p>' if tags else "")
        + "</li>"
    )


_HOME_ITEMS: BuildMemo[StoryItemKey, str] = BuildMemo(story_item)
_ARCHIVE_ITEMS: BuildMemo[StoryItemKey, str] = BuildMemo(story_item)
"""Each story's entry on the home page and in the archive, from the last build (one memo a page:
a memo finds a key of the last build by its first part, the story)."""


def render_home(anchored: AnchoredDigest, linker: site_paths.Linker, site_name: str) -> str:
    digest = anchored.digest
    notes = sum(len(n) for n in digest.notes.values())
    claims = sum(len(s.claims) for s in digest.stories.values())
    counts = ((len(digest.stories), "story", ""), (len(digest.articles), "article", ""), (notes, "note", ""))
    stats = "".join(
        f'<div class="card"><strong>{n}</strong> {noun_for(n, noun)}{after}</div>'
        for n, noun, after in (*counts, (claims, "claim", " compared"))
    )
    latest = stories_newest_first(digest)[:LATEST]
    _HOME_ITEMS.start()
    items = "".join(_HOME_ITEMS.get(story_item_key(digest, s, site_paths.HOME, linker)) for s in latest)
    body = (
        "<p>News articles on the same events, side by side: every note sits on the words it discusses, "
        "and each story compares what the outlets say about its main claims.</p>"
        f'<div class="grid dn-stats">{stats}</div>'
        f'<h2 id="latest">Latest stories</h2><ul class="dn-stories">{items}</ul>'
        f'<p><a href="{linker.href(site_paths.HOME, site_paths.ARCHIVE)}">All stories by date</a> · '
        f'<a href="{linker.href(site_paths.HOME, site_paths.TOPICS)}">Stories by topic</a> · '
        f'<a href="{linker.href(site_paths.HOME, site_paths.OUTLETS)}">Outlets</a></p>'
    )
    description = f"An annotated digest: {counted(len(digest.stories), 'story')}, {counted(notes, 'note')}."
    return page(site_name, description, body, hide=["toc"])


ArchiveKey = tuple[tuple[int, int, str], ...]
"""The archive's entries, newest first: (year, month, the story's entry)."""


def render_archive(digest: Digest, linker: site_paths.Linker) -> str:
    """Every story, newest first, under its year and month (put together from each story's entry)."""
    _ARCHIVE_ITEMS.start()
    _ARCHIVES.start()
    entries = tuple(
        (s.date.year, s.date.month, _ARCHIVE_ITEMS.get(story_item_key(digest, s, site_paths.ARCHIVE, linker)))
        for s in stories_newest_first(digest)
    )
    return _ARCHIVES.get(entries)


def archive_page(entries: ArchiveKey) -> str:
    parts = []
    for year, in_year in groupby(entries, key=lambda e: e[0]):
        parts.append(f'<h2 id="y{year}">{year}</h2>')
        for month, in_month in groupby(in_year, key=lambda e: e[1]):
            parts.append(f'<h3 id="m{year}-{month:02d}">{MONTHS[month - 1]} {year}</h3>')
            parts.append('<ul class="dn-stories">' + "".join(item for _, _, item in in_month) + "</ul>")
    body = "".join(parts) or "<p>No stories yet.</p>"
    return page("Stories", "Every story in the digest, newest first.", body)


_ARCHIVES: BuildMemo[ArchiveKey, str] = BuildMemo(archive_page)
"""The last build's archive page: the same entries (the very strings, compared at once) give the same page."""


def render_topics() -> str:
    """The topics index: Material's tags plugin lists the story pages under each tag here."""
    return "\n".join(
        [
            "---",
            'title: "Topics"',
            'description: "Stories by topic."',
            "---",
            "",
            "Every story is tagged with the topics it covers. "
            "Select a topic on a story page to come back here.",
            "",
            TAGS_DIRECTIVE,
            "",
        ]
    )


def render_outlets(digest: Digest, linker: site_paths.Linker) -> str:
    counts = Counter(a.outlet for a in digest.articles.values())
    rows = "".join(
        f'<tr><td><a href="{linker.href(site_paths.OUTLETS, site_paths.outlet_page(o.id))}">'
        f"{esc(o.name)}</a></td>"
        f"<td>{esc(OUTLET_TYPES[o.type])}</td><td>{esc(o.country)}</td>"
        f"<td>{counts[o.id]}</td></tr>"
        for o in sorted(digest.outlets.values(), key=lambda o: o.name.casefold())
    )
    head = (
        '<tr><th scope="col">Outlet</th><th scope="col">Type</th><th scope="col">Country</th>'
        '<th scope="col">Articles</th></tr>'
    )
    body = f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>"
    return page("Outlets", "Every outlet in the digest, with a sourced profile.", body)


def render_outlet_pages(digest: Digest, linker: site_paths.Linker) -> dict[str, str]:
    """Every outlet's page, path -> text, put together from each article's entry (remembered per article)."""
    _OUTLET_ITEMS.start()
    _OUTLET_PAGES.start()
    by_outlet: dict[str, list[Article]] = {outlet_id: [] for outlet_id in digest.outlets}
    for article in digest.articles.values():
        by_outlet.setdefault(article.outlet, []).append(article)
    pages = {}
    for outlet in digest.outlets.values():
        articles = sorted(by_outlet[outlet.id], key=lambda a: (-a.published.toordinal(), a.id))
        items = tuple(
            _OUTLET_ITEMS.get((a, len(digest.notes.get(a.id, ())), digest.stories[a.story].title, linker))
            for a in articles
        )
        pages[site_paths.outlet_page(outlet.id)] = _OUTLET_PAGES.get((outlet, items))
    return pages


OutletItemKey = tuple[Article, int, str, site_paths.Linker]
"""What an article's entry on its outlet's page shows: the article, its note count, its story's
title and the way links are written."""


def outlet_item(key: OutletItemKey) -> str:
    article, notes, story_title, linker = key
    src = site_paths.outlet_page(article.outlet)
    return (
        f"<li>{time_tag(article.published)} · {badge('type', article.type, ARTICLE_TYPES[article.type])} "
        f'<a href="{linker.href(src, site_paths.article_page(article.id))}">{esc(article.title)}</a>'
        f'<br><span class="dn-facts">{counted(notes, "note")} · story: '
        f'<a href="{linker.href(src, site_paths.story_page(article.story))}">'
        f"{esc(story_title)}</a>"
        "</span></li>"
    )


_OUTLET_ITEMS: BuildMemo[OutletItemKey, str] = BuildMemo(outlet_item)
"""Each article's entry on its outlet's page, from the last build: a save renders the entries it touched."""


def outlet_page(key: tuple[Outlet, tuple[str, ...]]) -> str:
    """An outlet's page: its profile, then its articles' entries, newest first."""
    outlet, items = key
    facts = [
        badge("outlet", outlet.type, OUTLET_TYPES[outlet.type]),
        esc(outlet.country),
        f"Owner: {esc(outlet.owner)}",
        external_link(outlet.site, "Website"),
    ]
    if outlet.founded:
        facts.insert(2, f"Founded {outlet.founded}")
    body = "\n".join(
        [
            f'<p class="dn-facts">{" · ".join(facts)}</p>',
            '<h2 id="profile">Profile</h2>',
            profile_html(outlet.profile),
            '<h3 id="profile-sources">Sources for this profile</h3>',
            sources_list(outlet.sources, label=""),
            '<h2 id="articles">Articles</h2>',
            f'<ul class="dn-articles">{"".join(items)}</ul>' if items else "<p>None yet.</p>",
        ]
    )
    return page(outlet.name, plain(outlet.profile), body)


_OUTLET_PAGES: BuildMemo[tuple[Outlet, tuple[str, ...]], str] = BuildMemo(outlet_page)
"""The last build's outlet pages: the same outlet and entries (the very strings) give the same page."""
