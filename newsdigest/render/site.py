"""Pages about the whole digest: home, outlets, glossary."""

from __future__ import annotations

from ..anchor import AnchoredDigest
from ..model import Digest, Outlet
from ..schema import ARTICLE_TYPES, OUTLET_TYPES
from . import urls
from .common import badge, esc, external_link, md_block, page, plain, sources_list, time_tag


def stories_newest_first(digest: Digest) -> list[str]:
    return sorted(digest.stories, key=lambda s: (-digest.stories[s].date.toordinal(), s))


def render_home(anchored: AnchoredDigest, linker: urls.Linker, site_name: str) -> str:
    digest = anchored.digest
    notes = sum(len(n) for n in digest.notes.values())
    claims = sum(len(s.claims) for s in digest.stories.values())
    counts = (
        f'<p class="dn-counts"><strong>{len(digest.stories)}</strong> stories · '
        f"<strong>{len(digest.articles)}</strong> articles · <strong>{notes}</strong> notes · "
        f"<strong>{claims}</strong> claims compared</p>"
    )
    items = []
    for story_id in stories_newest_first(digest):
        story = digest.stories[story_id]
        outlets = sorted(
            {digest.outlets[digest.articles[a].outlet].name for a in story.articles if a in digest.articles}
        )
        items.append(
            f'<li class="dn-story-item"><p>{time_tag(story.date)} · '
            f'<a href="{linker.href(urls.HOME, urls.story_page(story_id))}">'
            f"<strong>{esc(story.title)}</strong></a></p>"
            f"<p>{esc(plain(story.summary, 280))}</p>"
            f'<p class="dn-facts">{len(story.articles)} articles ({esc(", ".join(outlets))}) · '
            f"{len(story.claims)} claims compared</p></li>"
        )
    body = f'{counts}<h2 id="latest">Latest stories</h2><ul class="dn-stories">{"".join(items)}</ul>'
    return page(site_name, f"An annotated digest: {len(digest.stories)} stories, {notes} notes.", body)


def render_outlets(digest: Digest, linker: urls.Linker) -> str:
    rows = "".join(
        f'<tr><td><a href="{linker.href(urls.OUTLETS, urls.outlet_page(o.id))}">{esc(o.name)}</a></td>'
        f"<td>{esc(OUTLET_TYPES[o.type])}</td><td>{esc(o.country)}</td>"
        f"<td>{sum(1 for a in digest.articles.values() if a.outlet == o.id)}</td></tr>"
        for o in sorted(digest.outlets.values(), key=lambda o: o.name.casefold())
    )
    head = "<tr><th>Outlet</th><th>Type</th><th>Country</th><th>Articles</th></tr>"
    body = f'<table class="dn-outlets"><thead>{head}</thead><tbody>{rows}</tbody></table>'
    return page("Outlets", "Every outlet in the digest, with a sourced profile.", body)


def render_outlet(digest: Digest, outlet: Outlet, linker: urls.Linker) -> str:
    src = urls.outlet_page(outlet.id)
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
        f'<a href="{linker.href(src, urls.article_page(a.id))}">{esc(a.title)}</a></li>'
        for a in articles
    )
    body = "\n".join(
        [
            f'<p class="dn-facts">{" · ".join(facts)}</p>',
            '<h2 id="profile">Profile</h2>',
            md_block(outlet.profile),
            '<h3 id="profile-sources">Sources for this profile</h3>',
            sources_list(outlet.sources),
            '<h2 id="articles">Articles</h2>',
            f'<ul class="dn-articles">{items}</ul>' if items else "<p>None yet.</p>",
        ]
    )
    return page(outlet.name, plain(outlet.profile), body)


def render_glossary(digest: Digest) -> str:
    entries = []
    for term in sorted(digest.glossary, key=lambda t: t.term.casefold()):
        aliases = (
            f' <span class="dn-aliases">(also: {esc(", ".join(term.aliases))})</span>' if term.aliases else ""
        )
        entries.append(
            f"<dt>{esc(term.term)}{aliases}</dt><dd><p>{esc(term.definition)}</p>"
            f"{sources_list(term.sources)}</dd>"
        )
    body = f'<dl class="dn-glossary">{"".join(entries)}</dl>'
    return page("Glossary", "Terms used in the articles, explained.", body)
