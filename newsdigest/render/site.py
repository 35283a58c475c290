"""Pages about the whole digest: home, archive, topics, outlets."""

from __future__ import annotations

from itertools import groupby

from .. import site_paths
from ..anchor import AnchoredDigest
from ..model import Digest, Outlet, Story
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


def story_item(digest: Digest, story: Story, src: str, linker: site_paths.Linker) -> str:
    outlets = sorted(
        {digest.outlets[digest.articles[a].outlet].name for a in story.articles if a in digest.articles}
    )
    notes = sum(len(digest.notes.get(a, ())) for a in story.articles)
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
    items = "".join(story_item(digest, s, site_paths.HOME, linker) for s in latest)
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


def render_archive(digest: Digest, linker: site_paths.Linker) -> str:
    """Every story, newest first, under its year and month."""
    parts = []
    stories = stories_newest_first(digest)
    for year, in_year in groupby(stories, key=lambda s: s.date.year):
        parts.append(f'<h2 id="y{year}">{year}</h2>')
        for month, in_month in groupby(in_year, key=lambda s: s.date.month):
            parts.append(f'<h3 id="m{year}-{month:02d}">{MONTHS[month - 1]} {year}</h3>')
            parts.append(
                '<ul class="dn-stories">'
                + "".join(story_item(digest, s, site_paths.ARCHIVE, linker) for s in in_month)
                + "</ul>"
            )
    body = "".join(parts) or "<p>No stories yet.</p>"
    return page("Stories", "Every story in the digest, newest first.", body)


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
    rows = "".join(
        f'<tr><td><a href="{linker.href(site_paths.OUTLETS, site_paths.outlet_page(o.id))}">'
        f"{esc(o.name)}</a></td>"
        f"<td>{esc(OUTLET_TYPES[o.type])}</td><td>{esc(o.country)}</td>"
        f"<td>{sum(1 for a in digest.articles.values() if a.outlet == o.id)}</td></tr>"
        for o in sorted(digest.outlets.values(), key=lambda o: o.name.casefold())
    )
    head = (
        '<tr><th scope="col">Outlet</th><th scope="col">Type</th><th scope="col">Country</th>'
        '<th scope="col">Articles</th></tr>'
    )
    body = f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>"
    return page("Outlets", "Every outlet in the digest, with a sourced profile.", body)


def render_outlet(digest: Digest, outlet: Outlet, linker: site_paths.Linker) -> str:
    src = site_paths.outlet_page(outlet.id)
    facts = [
        badge("outlet", outlet.type, OUTLET_TYPES[outlet.type]),
        esc(outlet.country),
        f"Owner: {esc(outlet.owner)}",
        external_link(outlet.site, "Website"),
    ]
    if outlet.founded:
        facts.insert(2, f"Founded {outlet.founded}")
    articles = sorted(
        (a for a in digest.articles.values() if a.outlet == outlet.id),
        key=lambda a: (-a.published.toordinal(), a.id),
    )
    items = "".join(
        f"<li>{time_tag(a.published)} · {badge('type', a.type, ARTICLE_TYPES[a.type])} "
        f'<a href="{linker.href(src, site_paths.article_page(a.id))}">{esc(a.title)}</a>'
        f'<br><span class="dn-facts">{counted(len(digest.notes.get(a.id, ())), "note")} · story: '
        f'<a href="{linker.href(src, site_paths.story_page(a.story))}">'
        f"{esc(digest.stories[a.story].title)}</a>"
        "</span></li>"
        for a in articles
    )
    body = "\n".join(
        [
            f'<p class="dn-facts">{" · ".join(facts)}</p>',
            '<h2 id="profile">Profile</h2>',
            profile_html(outlet.profile),
            '<h3 id="profile-sources">Sources for this profile</h3>',
            sources_list(outlet.sources, label=""),
            '<h2 id="articles">Articles</h2>',
            f'<ul class="dn-articles">{items}</ul>' if items else "<p>None yet.</p>",
        ]
    )
    return page(outlet.name, plain(outlet.profile), body)
