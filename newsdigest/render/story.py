"""The story page: summary, coverage, an overview of the comparison, and each claim.

Articles are ordered by publication date (earliest first) everywhere on the
page. The overview is a table of claims by articles, one mark per cell
(quoted, not mentioned, not yet compared) linking to the cell. Each claim is
a section: every quote on its own row (outlet, then the words at full width),
the articles that do not mention it gathered on one line, the pending ones
on another, and the conclusion as an admonition whose title names the rating
in words, with the rating's meaning and scope, and the dates it was reviewed
and updated. Each quote may carry its own assessment against the record.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import site_paths
from ..anchor import AnchoredDigest
from ..model import Claim, Digest, Statement, Story
from ..plural import counted
from ..schema.vocabularies import ARTICLE_TYPES, RATINGS
from .common import badge, esc, long_date, md_block, page, plain, review_dates, sources_list, time_tag
from .glossary import TermMarker
from .jsonld import claim_reviews
from .quoting import quotation
from .trust import Desk, assessment_label, rating_explained, report_link

ADMONITION_FOR_RATING = {
    "accurate": "success",
    "mostly-accurate": "success",
    "mixed": "warning",
    "misleading": "warning",
    "inaccurate": "failure",
    "unverifiable": "note dn-neutral",
}
"""Material admonition type for a rating's conclusion; unrated comparisons are `abstract`.
"Unverifiable" is neither a success nor a failure: a neutral grey (digest.css), not a green."""
ASSESSMENT_WORDS = {
    "matches": "matches",
    "partly": "partly",
    "contradicts": "contradicts",
    "unverifiable": "can't check",
}
"""A statement's assessment in the overview's narrow cells (the cards say it in full)."""
ORDER_NOTE = "Articles are listed by publication date, earliest first."
MARKS = {"quoted": "Quoted", "silent": "Not mentioned", "pending": "Not yet compared"}
"""Kind of cell -> the words a mark stands for (shown to screen readers and in the legend)."""


def by_date(digest: Digest, story: Story) -> list[str]:
    """The story's article ids by publication date; ties keep the story file's order."""
    position = {a: i for i, a in enumerate(story.articles)}
    return sorted(story.articles, key=lambda a: (digest.articles[a].published, position[a]))


def article_labels(digest: Digest, ordered: list[str]) -> dict[str, str]:
    """Outlet names; an outlet with several articles in the story gets each one's date too."""
    outlets = [digest.articles[a].outlet for a in ordered]
    labels = {}
    for article_id in ordered:
        article = digest.articles[article_id]
        name = digest.outlets[article.outlet].name
        labels[article_id] = (
            f"{name}, {long_date(article.published)}" if outlets.count(article.outlet) > 1 else name
        )
    return labels


def cell_id(claim: Claim, article_id: str) -> str:
    """`cell-<claim>--<article>`: ids never hold two hyphens in a row, so this never clashes."""
    return f"cell-{claim.id}--{article_id}"


def cell_kind(statement: Statement) -> str:
    return "pending" if statement.pending else "silent" if statement.quote is None else "quoted"


def mark(kind: str) -> str:
    return f'<span class="dn-mark dn-mark-{kind}" aria-hidden="true"></span>'


def coverage(
    anchored: AnchoredDigest,
    story: Story,
    ordered: list[str],
    linker: site_paths.Linker,
    note_counts: Mapping[str, int],
) -> str:
    digest = anchored.digest
    src = site_paths.story_page(story.id)
    rows = []
    for article_id in ordered:
        a = digest.articles[article_id]
        outlet = digest.outlets[a.outlet]
        notes = note_counts.get(article_id, 0)
        rows.append(
            f'<tr><td data-label="Outlet"><a href="{linker.href(src, site_paths.outlet_page(outlet.id))}">'
            f"{esc(outlet.name)}</a></td>"
            f'<td data-label="Type">{badge("type", a.type, ARTICLE_TYPES[a.type])}</td>'
            f'<td data-label="Date">{time_tag(a.published)}</td>'
            f'<td data-label="Headline"><a href="{linker.href(src, site_paths.article_page(a.id))}" '
            f'lang="{esc(a.language)}">{esc(a.title)}</a></td><td data-label="Notes">{notes}</td></tr>'
        )
    head = (
        '<tr><th scope="col">Outlet</th><th scope="col">Type</th><th scope="col">Date</th>'
        '<th scope="col">Headline</th><th scope="col">Notes</th></tr>'
    )
    table = f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    return f'<div class="dn-coverage">{table}</div>'


def overview(
    digest: Digest,
    story: Story,
    ordered: list[str],
    labels: dict[str, str],
    desk: Desk,
    linker: site_paths.Linker,
) -> str:
    """Claims by articles, one linked mark (and assessment) per cell: the comparison at a glance."""
    src = site_paths.story_page(story.id)
    legend = " ".join(f"{mark(kind)} {words.lower()}," for kind, words in MARKS.items()).rstrip(",")
    caption = (
        f"<caption>Each claim against each article: {legend}. {ORDER_NOTE} "
        "Select a mark to go to what the article says.</caption>"
    )
    heads = "".join(f'<th scope="col"><span class="dn-col">{esc(labels[a])}</span></th>' for a in ordered)
    rows = []
    for number, claim in enumerate(story.claims, 1):
        cells = {s.article: s for s in claim.statements}
        rating = (
            rating_explained(claim.rating, desk, linker, src, claim=True) if claim.rating else "not rated"
        )
        marks = []
        for article_id in ordered:
            kind = cell_kind(cells[article_id])
            assessment = cells[article_id].assessment
            words = (
                f'<span class="dn-sr">: </span><span class="dn-assess-word dn-assessment-{assessment}">'
                f"{ASSESSMENT_WORDS[assessment]}</span>"
                if assessment
                else ""
            )
            marks.append(
                f'<td><a class="dn-mark-link" href="#{cell_id(claim, article_id)}">{mark(kind)}'
                f'<span class="dn-sr">{MARKS[kind]}</span>{words}</a></td>'
            )
        rows.append(
            f'<tr><th scope="row"><a href="#claim-{claim.id}">{number}. {esc(claim.claim)}</a> '
            f'<span class="dn-overview-rating">{rating}</span></th>{"".join(marks)}</tr>'
        )
    return (
        '<div class="dn-overview-wrap"><table class="dn-overview">'
        f'{caption}<thead><tr><th scope="col">Claim</th>{heads}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def statement_rows(
    anchored: AnchoredDigest,
    story: Story,
    claim: Claim,
    ordered: list[str],
    labels: dict[str, str],
    linker: site_paths.Linker,
) -> str:
    """One row per quote (outlet, then the quote at full width); the others gathered on a line each."""
    digest = anchored.digest
    src = site_paths.story_page(story.id)
    cells = {s.article: s for s in claim.statements}
    quoted: list[str] = []
    gathered: dict[str, list[str]] = {"silent": [], "pending": []}
    for article_id in ordered:
        statement = cells[article_id]
        kind = cell_kind(statement)
        if statement.quote is None:
            gathered[kind].append(f'<span id="{cell_id(claim, article_id)}">{esc(labels[article_id])}</span>')
            continue
        a = digest.articles[article_id]
        href = linker.href(src, site_paths.article_page(a.id), f"cl-{claim.id}")
        quoted.append(
            f'<li class="dn-statement" id="{cell_id(claim, article_id)}">'
            f'<p class="dn-cell-head"><strong>{esc(labels[article_id])}</strong> '
            f"{badge('type', a.type, ARTICLE_TYPES[a.type])} {time_tag(a.published)} "
            f"{assessment_label(statement.assessment)}</p>"
            f'<blockquote><p><a class="dn-quote" href="{href}">'
            f"{quotation(plain(statement.quote.text, 400), a.language)}</a></p></blockquote></li>"
        )
    parts = [f'<ul class="dn-statements">{"".join(quoted)}</ul>'] if quoted else []
    for kind, names in gathered.items():
        if names:
            parts.append(
                f'<p class="dn-gathered dn-{kind}">{mark(kind)} <strong>{MARKS[kind]}:</strong> '
                f"{', '.join(names)}.</p>"
            )
    return "".join(parts)


def claim_section(
    anchored: AnchoredDigest,
    story: Story,
    claim: Claim,
    number: int,
    ordered: list[str],
    labels: dict[str, str],
    linker: site_paths.Linker,
    terms: TermMarker,
    desk: Desk,
) -> str:
    """A claim: the quotes (each with its assessment), then the conclusion, its rating and what it rates."""
    src = site_paths.story_page(story.id)
    kind = ADMONITION_FOR_RATING.get(claim.rating or "", "abstract")
    title = f"Conclusion: {RATINGS[claim.rating]}" if claim.rating else "Conclusion (not rated)"
    rating = rating_explained(claim.rating, desk, linker, src, claim=True) if claim.rating else ""
    what = f"claim {number}, “{plain(claim.claim, 70)}”"
    report = report_link(desk, linker, src, f"claim-{claim.id}", what)
    return (
        f'<section class="dn-claim">'
        f'<h3 id="claim-{claim.id}"><span class="dn-num">{number}.</span> {esc(claim.claim)}</h3>'
        f"{statement_rows(anchored, story, claim, ordered, labels, linker)}"
        f'<div class="admonition {kind} dn-conclusion"><p class="admonition-title">{title}</p>{rating}'
        f"{terms.wrap(md_block(claim.conclusion))}{review_dates(claim.reviewed, claim.updated)}"
        f"{sources_list(claim.sources)}"
        + (f'<p class="dn-note-links" data-search-exclude>{report}</p>' if report else "")
        + "</div></section>"
    )


def render_story_page(
    anchored: AnchoredDigest,
    story: Story,
    linker: site_paths.Linker,
    note_counts: Mapping[str, int],
    site_name: str = "Annotated news digest",
    desk: Desk | None = None,
) -> str:
    """The story's page; `note_counts` (article id -> notes) is all it shows of the notes."""
    digest = anchored.digest
    desk = desk or Desk()
    terms = TermMarker(digest.glossary)
    ordered = by_date(digest, story)
    labels = article_labels(digest, ordered)
    notes = sum(note_counts.get(a, 0) for a in story.articles)
    facts = [time_tag(story.date), counted(len(story.articles), "article"), counted(notes, "note")]
    if story.claims:
        facts.append(f'<a href="#claims">{counted(len(story.claims), "claim", "compared")}</a>')
    claims = "".join(
        claim_section(anchored, story, c, i, ordered, labels, linker, terms, desk)
        for i, c in enumerate(story.claims, 1)
    )
    comparison = (
        [
            '<h2 id="overview">At a glance</h2>',
            overview(digest, story, ordered, labels, desk, linker),
            '<h2 id="claims">Claim comparison</h2>',
            "<p>What each article says about the story's main claims, and what the evidence shows. "
            "Select a quote to see it highlighted in its article.</p>" + claims,
        ]
        if story.claims
        else ['<h2 id="claims">Claim comparison</h2>', "<p>No claims compared yet.</p>"]
    )
    body = "\n".join(
        part
        for part in [
            claim_reviews(digest, story, linker, site_name),
            f'<p class="dn-facts">{" · ".join(facts)}</p>',
            f'<div class="dn-summary">{terms.wrap(md_block(story.summary))}</div>',
            '<h2 id="coverage">Coverage</h2>',
            f"<p>{ORDER_NOTE}</p>",
            coverage(anchored, story, ordered, linker, note_counts),
            *comparison,
        ]
        if part
    )
    return page(story.title, plain(story.summary), body, hide=["toc"], tags=story.tags)
