"""The story page: summary, coverage, and the claim comparison."""

from __future__ import annotations

from ..anchor import AnchoredDigest
from ..model import Claim, Story
from ..schema import ARTICLE_TYPES, RATINGS
from . import urls
from .common import badge, esc, md_block, page, plain, sources_list, time_tag


def coverage(anchored: AnchoredDigest, story: Story, linker: urls.Linker) -> str:
    digest = anchored.digest
    src = urls.story_page(story.id)
    rows = []
    for article_id in story.articles:
        a = digest.articles[article_id]
        outlet = digest.outlets[a.outlet]
        rows.append(
            f'<tr><td><a href="{linker.href(src, urls.outlet_page(outlet.id))}">{esc(outlet.name)}</a></td>'
            f"<td>{badge('type', a.type, ARTICLE_TYPES[a.type])}</td><td>{time_tag(a.published)}</td>"
            f'<td><a href="{linker.href(src, urls.article_page(a.id))}">{esc(a.title)}</a></td></tr>'
        )
    head = "<tr><th>Outlet</th><th>Type</th><th>Date</th><th>Headline</th></tr>"
    return f'<table class="dn-coverage"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def claim_rows(anchored: AnchoredDigest, story: Story, claim: Claim, linker: urls.Linker) -> str:
    digest = anchored.digest
    src = urls.story_page(story.id)
    cells = []
    for statement in claim.statements:
        a = digest.articles[statement.article]
        label = esc(digest.outlets[a.outlet].name)
        if statement.quote is None:
            cells.append(
                f'<td class="dn-cell dn-not-mentioned" data-label="{label}"><em>Not mentioned</em></td>'
            )
            continue
        href = linker.href(src, urls.article_page(a.id), f"cl-{claim.id}")
        cells.append(
            f'<td class="dn-cell" data-label="{label}"><a class="dn-quote" href="{href}">'
            f"<q>{esc(plain(statement.quote.text, 400))}</q></a></td>"
        )
    rating = f" {badge('rating', claim.rating, 'Rating: ' + RATINGS[claim.rating])}" if claim.rating else ""
    head = f'<tr class="dn-claim" id="claim-{claim.id}"><th scope="row">{esc(claim.claim)}{rating}</th>'
    conclusion = (
        f'<tr class="dn-conclusion"><td colspan="{len(claim.statements) + 1}">'
        f'<div class="dn-conclusion-body"><strong>Conclusion.</strong> {md_block(claim.conclusion)}</div>'
        f"{sources_list(claim.sources)}</td></tr>"
    )
    return head + "".join(cells) + "</tr>" + conclusion


def render_story_page(anchored: AnchoredDigest, story: Story, linker: urls.Linker) -> str:
    digest = anchored.digest
    columns = "".join(
        f'<th scope="col">{esc(digest.outlets[digest.articles[a].outlet].name)}'
        f"<br>{badge('type', digest.articles[a].type, ARTICLE_TYPES[digest.articles[a].type])}</th>"
        for a in story.articles
    )
    table = (
        f'<table class="dn-compare"><thead><tr><th scope="col">Claim</th>{columns}</tr></thead>'
        f"<tbody>{''.join(claim_rows(anchored, story, c, linker) for c in story.claims)}</tbody></table>"
    )
    tags = "".join(f'<span class="dn-tag">{esc(t)}</span>' for t in story.tags)
    body = "\n".join(
        [
            f'<p class="dn-facts">{time_tag(story.date)}{" · " + tags if tags else ""}</p>',
            f'<div class="dn-summary">{md_block(story.summary)}</div>',
            '<h2 id="coverage">Coverage</h2>',
            coverage(anchored, story, linker),
            '<h2 id="claims">Claim comparison</h2>',
            f'<div class="dn-compare-wrap">{table}</div>'
            if story.claims
            else "<p>No claims compared yet.</p>",
        ]
    )
    return page(story.title, plain(story.summary), body)
