"""The article page: header card, highlighted text, notes, claims."""

from __future__ import annotations

from ..anchor import AnchoredArticle, Highlight
from ..model import Digest, Note
from ..schema import ARTICLE_TYPES, NOTE_KINDS
from . import urls
from .common import badge, esc, external_link, md_block, page, plain, sources_list, time_tag
from .highlight import render_article


def mark_attrs(h: Highlight, first: bool) -> str:
    """Highlights point at their note; the first piece is the keyboard stop."""
    ident = f' id="{h.dom_id}" tabindex="0"' if first else ""
    return f'{ident} class="dn-hl dn-{h.kind}" data-target="{h.target}"'


def header(digest: Digest, placed: AnchoredArticle, linker: urls.Linker) -> str:
    a = placed.article
    src = urls.article_page(a.id)
    outlet = digest.outlets[a.outlet]
    facts = [
        badge("type", a.type, ARTICLE_TYPES[a.type]),
        f'<a href="{linker.href(src, urls.outlet_page(outlet.id))}">{esc(outlet.name)}</a>',
        f"By {esc(', '.join(a.authors))}",
        f"Published {time_tag(a.published)}",
    ]
    if a.retrieved:
        facts.append(f"Retrieved {time_tag(a.retrieved)}")
    facts.append(external_link(a.url, "Original article") if a.url else "Original address not recorded")
    story = digest.stories[a.story]
    parts = [f'<p class="dn-facts">{" · ".join(facts)}</p>']
    if a.subtitle:
        parts.append(f'<p class="dn-subtitle">{esc(a.subtitle)}</p>')
    parts.append(
        f'<p class="dn-story-link">Story: <a href="{linker.href(src, urls.story_page(story.id))}">'
        f"{esc(story.title)}</a></p>"
    )
    return f'<div class="dn-card">{"".join(parts)}</div>'


def note_html(note: Note, placed: bool) -> str:
    kind = NOTE_KINDS[note.kind]
    back = f'<a class="dn-back" href="#hl-{note.id}">Back to the passage</a> · ' if placed else ""
    return (
        f'<section class="dn-note dn-{note.kind}">'
        f'<h3 id="note-{note.id}">{badge("kind", note.kind, kind)} '
        f"<q>{esc(plain(note.quote.text, 120))}</q></h3>"
        f"{md_block(note.body)}"
        f"{sources_list(note.sources)}"
        f'<p class="dn-note-links">{back}<a class="dn-permalink" href="#note-{note.id}">Permalink</a></p>'
        "</section>"
    )


def claims_box(digest: Digest, placed: AnchoredArticle, linker: urls.Linker) -> str:
    if not placed.claims:
        return ""
    src = urls.article_page(placed.article.id)
    items = "".join(
        f'<li><a href="{linker.href(src, urls.story_page(claim.story), f"claim-{claim.id}")}">'
        f'{esc(claim.claim)}</a> (<a href="#{mark.dom_id}">passage</a>)</li>'
        for claim, mark in sorted(placed.claims, key=lambda cm: cm[1].start)
    )
    return f'<aside class="dn-claims"><h2 id="claims">Claims in this article</h2><ul>{items}</ul></aside>'


def render_article_page(digest: Digest, placed: AnchoredArticle, linker: urls.Linker) -> str:
    a = placed.article
    starts = {h.target: h.start for h in placed.highlights if h.kind != "claim"}
    parts = [header(digest, placed, linker)]
    parts.append(
        f'<div class="dn-text" lang="{esc(a.language)}">\n'
        f"{render_article(placed.rendered, placed.highlights, mark_attrs)}</div>"
    )
    parts.append(claims_box(digest, placed, linker))
    shown = sorted((n for n in placed.notes if n.id in starts), key=lambda n: starts[n.id])
    if shown:
        parts.append('<h2 id="notes">Notes</h2>')
        parts.append("".join(note_html(n, True) for n in shown))
    if placed.unplaced:
        parts.append(
            '<div class="dn-unplaced admonition warning"><p class="admonition-title">'
            "These notes could not be placed in the current text</p>"
            + "".join(note_html(n, False) for n in placed.unplaced)
            + "</div>"
        )
    outlet = digest.outlets[a.outlet].name
    description = (
        f"{ARTICLE_TYPES[a.type]} by {', '.join(a.authors)} ({outlet}), with {len(placed.notes)} notes."
    )
    return page(a.title, description, "\n".join(p for p in parts if p))
