"""The claims an article makes, on its page: each claim's rating and what the other outlets said.

One card per claim, in the order of its passage. A claim highlight links to
its card (digest.js opens the card beside the passage instead), and the card
links back to the passage and on to the whole comparison on the story page.
"""

from __future__ import annotations

from .. import site_paths
from ..anchor import AnchoredArticle
from ..model import Claim, Digest
from ..schema.vocabularies import RATINGS
from .common import badge, esc, plain
from .quoting import quotation

STATEMENT_EXCERPT = 300
"""Characters of another outlet's statement shown on a card (the story page has them all)."""


def claim_number(position: int) -> str:
    """`C1`, `C2`…: claims are numbered apart from notes, so a reference never reads as a note's."""
    return f"C{position}"


def other_outlets(digest: Digest, claim: Claim, article_id: str) -> str:
    """What each other article in the comparison says about the claim, in a line each."""
    items = []
    for statement in claim.statements:
        if statement.article == article_id:
            continue
        article = digest.articles[statement.article]
        outlet = esc(digest.outlets[article.outlet].name)
        if statement.pending:
            said = "not yet compared."
        elif statement.quote is None:
            said = "does not mention it."
        else:
            said = quotation(plain(statement.quote.text, STATEMENT_EXCERPT), article.language)
        items.append(f"<li><strong>{outlet}</strong>: {said}</li>")
    if not items:
        return "<p>No other outlet's coverage is compared yet.</p>"
    return f'<p>Other outlets:</p><ul class="dn-others">{"".join(items)}</ul>'


def claim_card(
    digest: Digest, placed: AnchoredArticle, claim: Claim, number: str, href: str, mark: str
) -> str:
    """One claim: rating, this article's words, the other outlets', links to passage and comparison."""
    rating = (
        f"Rating of the claim: {badge('rating', claim.rating, RATINGS[claim.rating])}"
        if claim.rating
        else "The claim is not rated yet."
    )
    own = next((s.quote for s in claim.statements if s.article == placed.article.id and s.quote), None)
    words = (
        f"<p>This article: {quotation(plain(own.text, STATEMENT_EXCERPT), placed.article.language)}</p>"
        if own
        else ""
    )
    links = (
        f'<p class="dn-note-links" data-search-exclude>'
        f'<a href="#{mark}" aria-label="Back to the passage of claim {number}">Back to the passage</a> · '
        f'<a href="{href}" aria-label="Compare all outlets on claim {number}">'
        "Compare all outlets</a></p>"
    )
    return (
        f'<section class="dn-claim-card">'
        f'<h3 id="claim-{claim.id}"><span class="dn-num">{number}.</span> {esc(claim.claim)}</h3>'
        f'<p class="dn-claim-rating">{rating}</p>{words}{other_outlets(digest, claim, placed.article.id)}'
        f"{links}</section>"
    )


def claims_section(digest: Digest, placed: AnchoredArticle, linker: site_paths.Linker) -> str:
    """Claims this article makes, each with what the story's other coverage says."""
    if not placed.claims:
        return ""
    src = site_paths.article_page(placed.article.id)
    cards = "".join(
        claim_card(
            digest,
            placed,
            claim,
            claim_number(position),
            linker.href(src, site_paths.story_page(claim.story), f"claim-{claim.id}"),
            mark.dom_id,
        )
        for position, (claim, mark) in enumerate(sorted(placed.claims, key=lambda cm: cm[1].start), 1)
    )
    return (
        '<section class="dn-claims" aria-labelledby="claims">'
        '<h2 id="claims">Claims in this article</h2>'
        "<p>Claims this article makes, compared with the other coverage on the story page.</p>"
        f"{cards}</section>"
    )
