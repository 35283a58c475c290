"""schema.org metadata: NewsArticle on article pages, ClaimReview on story pages.

The digest reproduces articles, so NewsArticle describes the original (its
address, outlet and authors), not the page that shows it. A ClaimReview is
given for every rated claim with a conclusion: a comparison without a verdict
is not a review of a claim, and ClaimReview's readers expect a `reviewRating`
(docs/methodology.md says so to readers). Its `datePublished` and
`dateModified` are the claim's `reviewed` and `updated` dates, left out when
the story file gives none (never the day of the event).
"""

from __future__ import annotations

from typing import Any

from .. import site_paths
from ..model import Article, Claim, Digest, Story
from ..schema.vocabularies import ARTICLE_TYPES, RATINGS
from .common import json_ld, plain

CONTEXT = "https://schema.org"


def organization(name: str, url: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def article_object(digest: Digest, article: Article) -> dict[str, Any]:
    """The original article as a schema.org NewsArticle."""
    outlet = digest.outlets[article.outlet]
    data: dict[str, Any] = {"@type": "NewsArticle", "headline": article.title}
    if article.subtitle:
        data["alternativeHeadline"] = article.subtitle
    data["genre"] = ARTICLE_TYPES[article.type]
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    elif outlet.type == "wire-service":
        data["author"] = [organization(outlet.name, outlet.site)]
    data["datePublished"] = article.published.isoformat()
    data["publisher"] = organization(outlet.name, outlet.site)
    data["inLanguage"] = article.language
    if article.url:
        data["url"] = article.url
    return data


def news_article(digest: Digest, article: Article) -> str:
    return json_ld({"@context": CONTEXT, **article_object(digest, article)})


def claim_review(
    digest: Digest, story: Story, claim: Claim, linker: site_paths.Linker, site_name: str
) -> dict[str, Any]:
    src = site_paths.story_page(story.id)
    appearances = [
        article_object(digest, digest.articles[s.article])
        for s in claim.statements
        if s.quote is not None and s.article in digest.articles
    ]
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": linker.absolute(src, src, f"claim-{claim.id}"),
        "claimReviewed": claim.claim,
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
        "author": organization(site_name, linker.site_url),
    }
    if claim.reviewed is not None:
        review["datePublished"] = claim.reviewed.isoformat()
    if claim.updated is not None:
        review["dateModified"] = claim.updated.isoformat()
    review["reviewBody"] = plain(claim.conclusion, 10_000)
    if claim.rating:
        review["reviewRating"] = {"@type": "Rating", "alternateName": RATINGS[claim.rating]}
    return review


def claim_reviews(digest: Digest, story: Story, linker: site_paths.Linker, site_name: str) -> str:
    reviews = [
        claim_review(digest, story, c, linker, site_name)
        for c in story.claims
        if c.conclusion.strip() and c.rating
    ]
    if not reviews:
        return ""
    return json_ld({"@context": CONTEXT, "@graph": reviews})
