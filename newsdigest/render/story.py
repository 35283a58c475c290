"""The story page: summary, coverage, and the claim comparison.

Each claim is a section: its statement, one card per article (a grid with
one column per article on wide screens, stacked on narrow ones), and the
conclusion as an admonition whose title names the rating in words.
"""

from __future__ import annotations

from .. import site_paths
from ..anchor import AnchoredDigest
from ..model import Claim, Story
from ..plural import counted
from ..schema.fields import ARTICLE_TYPES, RATINGS
from .common import badge, esc, md_block, page, plain, sources_list, time_tag
from .glossary import TermMarker
from .jsonld import claim_reviews

ADMONITION_FOR_RATING = {
    "accurate": "success",
    "mostly-accurate": "success",
    "mixed": "warning",
    "misleading": "warning",
    "inaccurate": "failure",
    "unverifiable": "question",
}
"""Material admonition type for a rating's conclusion; unrated comparisons are `abstract`."""


def coverage(anchored: AnchoredDigest, story: Story, linker: site_paths.Linker) -> str:
    digest = anchored.digest
    src = site_paths.story_page(story.id)
    rows = []
    for article_id in story.articles:
        a = digest.articles[article_id]
        outlet = digest.outlets[a.outlet]
        notes = len(digest.notes.get(article_id, ()))
        rows.append(
            f'<tr><td data-label="Outlet"><a href="{linker.href(src, site_paths.outlet_page(outlet.id))}">'
            f"{esc(outlet.name)}</a></td>"
            f'<td data-label="Type">{badge("type", a.type, ARTICLE_TYPES[a.type])}</td>'
            f'<td data-label="Date">{time_tag(a.published)}</td>'
            f'<td data-label="Headline"><a href="{linker.href(src, site_paths.article_page(a.id))}">'
            f'{esc(a.title)}</a></td><td data-label="Notes">{notes}</td></tr>'
        )
    head = (
        '<tr><th scope="col">Outlet</th><th scope="col">Type</th><th scope="col">Date</th>'
        '<th scope="col">Headline</th><th scope="col">Notes</th></tr>'
    )
    table = f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    return f'<div class="dn-coverage">{table}</div>'


def statement_cards(anchored: AnchoredDigest, story: Story, claim: Claim, linker: site_paths.Linker) -> str:
    digest = anchored.digest
    src = site_paths.story_page(story.id)
    cards = []
    for statement in claim.statements:
        a = digest.articles[statement.article]
        head = (
            f'<p class="dn-cell-head"><strong>{esc(digest.outlets[a.outlet].name)}</strong> '
            f"{badge('type', a.type, ARTICLE_TYPES[a.type])}</p>"
        )
        if statement.quote is None:
            cards.append(f'<div class="card dn-cell dn-not-mentioned">{head}<p>Not mentioned</p></div>')
            continue
        href = linker.href(src, site_paths.article_page(a.id), f"cl-{claim.id}")
        cards.append(
            f'<div class="card dn-cell">{head}<blockquote><p><a class="dn-quote" href="{href}">'
            f"<q>{esc(plain(statement.quote.text, 400))}</q></a></p></blockquote></div>"
        )
    return (
        f'<div class="grid dn-statements" style="--dn-cols:{max(len(claim.statements), 1)}">'
        f"{''.join(cards)}</div>"
    )


def claim_section(
    anchored: AnchoredDigest,
    story: Story,
    claim: Claim,
    number: int,
    linker: site_paths.Linker,
    terms: TermMarker,
) -> str:
    rating = f" {badge('rating', claim.rating, 'Rating: ' + RATINGS[claim.rating])}" if claim.rating else ""
    kind = ADMONITION_FOR_RATING.get(claim.rating or "", "abstract")
    title = f"Conclusion: {RATINGS[claim.rating]}" if claim.rating else "Conclusion (not rated)"
    return (
        f'<section class="dn-claim">'
        f'<h3 id="claim-{claim.id}"><span class="dn-num">{number}.</span> {esc(claim.claim)}{rating}</h3>'
        f"{statement_cards(anchored, story, claim, linker)}"
        f'<div class="admonition {kind} dn-conclusion"><p class="admonition-title">{title}</p>'
        f"{terms.wrap(md_block(claim.conclusion))}{sources_list(claim.sources)}</div>"
        "</section>"
    )


def render_story_page(
    anchored: AnchoredDigest,
    story: Story,
    linker: site_paths.Linker,
    site_name: str = "Annotated news digest",
) -> str:
    digest = anchored.digest
    terms = TermMarker(digest.glossary)
    notes = sum(len(digest.notes.get(a, ())) for a in story.articles)
    facts = [time_tag(story.date), counted(len(story.articles), "article"), counted(notes, "note")]
    if story.claims:
        facts.append(f'<a href="#claims">{counted(len(story.claims), "claim", "compared")}</a>')
    claims = "".join(
        claim_section(anchored, story, c, i, linker, terms) for i, c in enumerate(story.claims, 1)
    )
    body = "\n".join(
        part
        for part in [
            claim_reviews(digest, story, linker, site_name),
            f'<p class="dn-facts">{" · ".join(facts)}</p>',
            f'<div class="dn-summary">{terms.wrap(md_block(story.summary))}</div>',
            '<h2 id="coverage">Coverage</h2>',
            coverage(anchored, story, linker),
            '<h2 id="claims">Claim comparison</h2>',
            "<p>What each article says about the story's main claims, and what the evidence shows. "
            "Select a quote to see it highlighted in its article.</p>" + claims
            if story.claims
            else "<p>No claims compared yet.</p>",
        ]
        if part
    )
    return page(story.title, plain(story.summary), body, hide=["toc"], tags=story.tags)
