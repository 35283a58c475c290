"""The article page: header card, highlighted text with a legend, claims, notes."""

from __future__ import annotations

from .. import site_paths
from ..anchor import AnchoredArticle, Highlight
from ..model import Article, Digest, Outlet
from ..plural import counted
from ..schema.vocabularies import ARTICLE_TYPES, NOTE_KINDS
from .article_claims import claim_number, claims_section
from .common import badge, esc, page, time_tag
from .glossary import TermMarker
from .highlight import render_article, render_header_field
from .jsonld import news_article
from .notes import note_html
from .trust import Desk, credit_line

TYPE_HINTS = {
    "news-report": "The outlet's report of events.",
    "opinion": "The author argues a point of view. This is not a news report.",
    "analysis": "The author interprets events: interpretation, not straight reporting.",
    "editorial": "The outlet's own opinion. This is not a news report.",
    "interview": "The answers are the interviewee's own words.",
    "explainer": "Background on a subject rather than news of an event.",
    "press-release": "Written by the organisation it is about, not by independent reporters.",
}
"""One line under the type badge, so an opinion piece is never mistaken for reporting."""
CLAIM_LEGEND = "Claim compared across outlets"
TEXT_ELEMENT = "div.dn-text"
"""CSS selector of the element holding the article's own text (the Web Annotation export points at it)."""
TEXT_ELEMENT_START = '<div class="dn-text"'
TEXT_ID = "article-text"
"""Where the skip link leads."""
SKIP_LINK = f'<a class="dn-skip md-skip" href="#{TEXT_ID}">Skip to the article text</a>'
"""digest.js moves it to the start of the page; without the script it heads the content."""


def mark_attrs(h: Highlight, first: bool) -> str:
    """A highlight's first piece has its id (`hl-<note>`, `cl-<claim>`); the other pieces name it.

    The id already names the note or claim, so the first piece has no
    `data-target`. digest.js makes a note's first piece a focusable disclosure
    button; without the script it does nothing, so it is no keyboard stop.
    """
    if first:
        return f' id="{h.dom_id}" class="dn-hl dn-{h.kind}"'
    return f' class="dn-hl dn-{h.kind}" data-target="{h.target}"'


def reference(h: Highlight, number: str) -> str:
    """The link after a highlight to its note or claim card, named by the number it shows.

    The number is drawn by the stylesheet from `data-n`, so it adds nothing to
    the article's text (the text Web Annotation selectors count). digest.js
    turns the highlight into a button and this link into its visible number.
    """
    noun, target = ("Claim", "claim") if h.kind == "claim" else ("Note", "note")
    return (
        f'<a class="dn-ref" href="#{target}-{h.target}" aria-label="{noun} {number}" data-n="{number}"></a>'
    )


def byline(article: Article, outlet: Outlet) -> str:
    """`By Ana Pereira`; an unsigned piece is `Unsigned`, or signed by its agency."""
    if article.authors:
        return f"By {', '.join(article.authors)}"
    return f"By {outlet.name}" if outlet.type == "wire-service" else "Unsigned"


def header(
    digest: Digest,
    placed: AnchoredArticle,
    linker: site_paths.Linker,
    deck: str = "",
    desk: Desk | None = None,
) -> str:
    """The card under the headline: type, deck (`deck`, already rendered), facts, story, whose notes."""
    desk = desk or Desk()
    a = placed.article
    src = site_paths.article_page(a.id)
    outlet = digest.outlets[a.outlet]
    story = digest.stories[a.story]
    publisher = f'<a href="{linker.href(src, site_paths.outlet_page(outlet.id))}">{esc(outlet.name)}</a>'
    # digest.js builds each note's "Passage in the original" link from the one `dn-original` address:
    # the original when recorded, else the copy the text was taken from.
    if a.via:
        copy_class = "" if a.url else ' class="dn-original"'
        publisher += f', via <a href="{esc(a.via.url)}"{copy_class}>{esc(a.via.name)}</a>'
    facts = [publisher, esc(byline(a, outlet)), f"Published {time_tag(a.published)}"]
    if a.retrieved:
        facts.append(f"Retrieved {time_tag(a.retrieved)}")
    if a.url:
        facts.append(f'<a href="{esc(a.url)}" class="dn-original">Original article</a>')
    elif a.via:
        facts.append(f"Original address not recorded; text from the copy at {esc(a.via.name)}")
    else:
        facts.append("Original address not recorded")
    parts = [
        f'<p class="dn-type-line">{badge("type", a.type, ARTICLE_TYPES[a.type])} '
        f"<span>{esc(TYPE_HINTS[a.type])}</span></p>"
    ]
    if deck:
        parts.append(f'<p class="dn-subtitle dn-head" lang="{esc(a.language)}">{deck}</p>')
    parts.append(f'<p class="dn-facts">{" · ".join(facts)}</p>')
    counts = [f'<a href="#notes">{counted(len(placed.notes), "note")}</a>'] if placed.notes else []
    if placed.claims:
        counts.append(f'<a href="#claims">{counted(len(placed.claims), "claim", "compared")}</a>')
    parts.append(
        f'<p class="dn-facts">Story: <a href="{linker.href(src, site_paths.story_page(story.id))}">'
        f"{esc(story.title)}</a>{' · ' if counts else ''}{' · '.join(counts)}</p>"
    )
    parts.append(credit_line(desk, placed.notes, linker, src))
    return f'<div class="dn-card">{"".join(parts)}</div>'


def legend(placed: AnchoredArticle, has_terms: bool) -> str:
    """How to read the page, folded: the highlight styles used in this article, each named in words."""
    kinds = [k for k in NOTE_KINDS if any(h.kind == k for h in placed.highlights)]
    keys = [f'<span class="dn-key dn-{k}" id="kind-{k}">{esc(NOTE_KINDS[k])}</span>' for k in kinds]
    if placed.claims:
        keys.append(f'<span class="dn-key dn-claim" id="kind-claim">{CLAIM_LEGEND}</span>')
    if not keys and not has_terms:
        return ""
    lines = [f'<p class="dn-keys">Highlights: {" ".join(keys)}</p>'] if keys else []
    if kinds:
        lines.append(
            "<p>Tap or click a highlight to read its note beside the passage. "
            "The small number after it is the note's number in the list after the text.</p>"
        )
    if placed.claims:
        lines.append(
            "<p>Tap or click a claim to see its rating and what other outlets said; "
            "its number starts with C.</p>"
        )
    if has_terms:
        lines.append(
            '<p class="dn-legend-terms">Words with a dotted underline '
            '(<span class="dn-key-term">like this</span>) are in the glossary: '
            "point at, tap or focus one for its definition.</p>"
        )
    return (
        '<details class="dn-legend" data-search-exclude><summary>How to read this page</summary>'
        f"{''.join(lines)}</details>"
    )


def text_element(article: Article, inner_html: str) -> str:
    """The element holding the article's own text (see TEXT_ELEMENT)."""
    return f'{TEXT_ELEMENT_START} id="{TEXT_ID}" lang="{esc(article.language)}">\n{inner_html}</div>'


def render_article_page(
    digest: Digest, placed: AnchoredArticle, linker: site_paths.Linker, desk: Desk | None = None
) -> str:
    a = placed.article
    desk = desk or Desk()
    src = site_paths.article_page(a.id)
    terms = TermMarker(digest.glossary)
    starts = {h.target: h.start for h in placed.highlights if h.kind != "claim"}
    shown = sorted((n for n in placed.notes if n.id in starts), key=lambda n: starts[n.id])
    numbers = {f"hl-{n.id}": str(i) for i, n in enumerate(shown, 1)}
    claim_marks = sorted((mark for _, mark in placed.claims), key=lambda m: m.start)
    numbers.update({m.dom_id: claim_number(i) for i, m in enumerate(claim_marks, 1)})

    def after(h: Highlight) -> str:
        return reference(h, numbers[h.dom_id]) if h.dom_id in numbers else ""

    started: set[int] = set()  # the headline and deck come first: their pieces are the first ones
    rendered, highlights = placed.rendered, placed.highlights
    headline = render_header_field(rendered, 0, highlights, mark_attrs, started, after)
    deck = render_header_field(rendered, 1, highlights, mark_attrs, started, after) if a.subtitle else ""
    article_terms = TermMarker(digest.glossary, terms.defined, a.language)  # the notes take every term
    text = article_terms.wrap(render_article(rendered, highlights, mark_attrs, started, after))
    parts = [
        SKIP_LINK,
        f'<h1 class="dn-head" lang="{esc(a.language)}">{headline}</h1>',
        news_article(digest, a),
        header(digest, placed, linker, deck, desk),
        legend(placed, bool(terms.defined)),
        text_element(a, text),
        claims_section(digest, placed, linker),
    ]
    if shown:
        parts.append('<h2 id="notes">Notes</h2>')
        parts.extend(
            note_html(n, terms, placed=True, number=i, language=a.language, desk=desk, linker=linker, src=src)
            for i, n in enumerate(shown, 1)
        )
    if placed.unplaced:
        parts.append(
            '<div class="dn-unplaced admonition warning"><p class="admonition-title">'
            "These notes could not be placed in the current text</p>"
            + "".join(
                note_html(n, terms, language=a.language, desk=desk, linker=linker, src=src)
                for n in placed.unplaced
            )
            + "</div>"
        )
    outlet = digest.outlets[a.outlet].name
    who = byline(a, digest.outlets[a.outlet])
    notes = counted(len(placed.notes), "note")
    description = f"{ARTICLE_TYPES[a.type]} {who[:1].lower()}{who[1:]} ({outlet}), with {notes}."
    return page(a.title, description, "\n".join(p for p in parts if p), hide=["toc"])
