"""Anchor every note and claim statement; collect what cannot be placed.

Each article is parsed once; every quote is matched against the same
normalized text, so the cost grows with article length plus quote count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .. import markdown_dialect
from ..errors import Problem
from ..memo import BuildMemo
from ..model import Article, Claim, Digest, Note, Quote
from ..progress import Progress
from . import messages
from . import text as rendered_text
from .match import Found, NotFound, find_quote
from .normalize import Normalized, normalize


@dataclass(frozen=True, slots=True)
class Highlight:
    """A placed passage: a note's (`hl-<id>`) or a claim statement's (`cl-<id>`)."""

    dom_id: str
    target: str
    """Note id, or claim id for a claim statement."""
    kind: str
    """Note kind, or 'claim'."""
    start: int
    end: int
    line: int


@dataclass(slots=True)
class AnchoredArticle:
    article: Article
    notes: tuple[Note, ...]
    highlights: tuple[Highlight, ...] = ()
    unplaced: tuple[Note, ...] = ()
    claims: tuple[tuple[Claim, Highlight], ...] = ()
    """Tuples, and the very ones anchoring made: keys built from them hash once a build (memo_store)."""

    @property
    def rendered(self) -> rendered_text.RenderedText:
        """The article's visible text, worked out from the article alone (and once per build)."""
        return _VISIBLE.get(self.article)


@dataclass(slots=True)
class AnchoredDigest:
    digest: Digest
    articles: dict[str, AnchoredArticle]
    problems: list[Problem]
    """Quotes that could not be placed (errors in strict mode)."""


def read_text(body: str, first_line: int) -> tuple[rendered_text.RenderedText, Normalized]:
    """An article body's visible text, and that text normalized for matching."""
    text = rendered_text.build(markdown_dialect.parse(body), body, first_line)
    return text, normalize(text.text)


def visible_text(article: Article) -> rendered_text.RenderedText:
    """The article's visible text, headline and deck first, as the page shows them."""
    header = [rendered_text.HeaderField(article.title, *article.title_at)]
    if article.subtitle:
        header.append(rendered_text.HeaderField(article.subtitle, *article.subtitle_at))
    body = article.body
    return rendered_text.build(markdown_dialect.parse(body), body, article.body_line, tuple(header))


_VISIBLE: BuildMemo[Article, rendered_text.RenderedText] = BuildMemo(visible_text, asked_again=True)
"""Visible texts asked for in this build and the previous one (this process only: a parsed
text is slower to load from disk than to parse again)."""


def done_with_text(article: Article) -> None:
    """No later stage reads the article's visible text (its page is rendered).

    A one-shot build frees it then, rather than at its end: the markdown-it tokens and
    leaves of every article are the largest part of the build's peak memory.
    """
    _VISIBLE.done_with(article)


Statements = tuple[tuple[Claim, Quote], ...]
"""The claim statements that quote one article: (claim, quote)."""
AnchorKey = tuple[Article, tuple[Note, ...], Statements]


def anchor_article(key: AnchorKey) -> tuple[AnchoredArticle, tuple[Problem, ...]]:
    """Place one article's notes and claim statements; the result must not be mutated."""
    placement = _ANCHORED.get(key)
    article, notes, _ = key
    highlights, unplaced, claims, problems = placement
    return AnchoredArticle(article, notes, highlights, unplaced, claims), problems


Placement = tuple[
    tuple[Highlight, ...], tuple[Note, ...], tuple[tuple[Claim, Highlight], ...], tuple[Problem, ...]
]
"""What anchoring adds to an article and its quotes: highlights, unplaced notes, placed claims, problems."""


def placement(key: AnchorKey) -> Placement:
    """Place one article's notes and claim statements."""
    article, notes, statements = key
    problems: list[Problem] = []
    placed = AnchoredArticle(article, notes)
    norm = normalize(placed.rendered.text)
    highlights: list[Highlight] = []
    unplaced: list[Note] = []
    claims: list[tuple[Claim, Highlight]] = []
    for note in notes:
        span = place(placed, norm, note.quote, problems)
        if span is None:
            unplaced.append(note)
        else:
            highlights.append(Highlight(f"hl-{note.id}", note.id, note.kind, *span))
    for claim, quote in statements:
        span = place(placed, norm, quote, problems)
        if span is not None:
            mark = Highlight(f"cl-{claim.id}", claim.id, "claim", *span)
            highlights.append(mark)
            claims.append((claim, mark))
    highlights.sort(key=lambda h: (h.start, -h.end, h.dom_id))
    return tuple(highlights), tuple(unplaced), tuple(claims), tuple(problems)


_ANCHORED: BuildMemo[AnchorKey, Placement] = BuildMemo(placement, persist="anchored")
"""Articles anchored by earlier builds, in this process and (persisted) in earlier ones."""


def anchor(
    digest: Digest, progress: Progress | None = None, each: Callable[[AnchoredArticle], None] | None = None
) -> AnchoredDigest:
    """Place all quotes; problems are returned, not raised, so preview can go on.

    An article whose text, notes and quoting claims are unchanged since the
    previous build in this process is not parsed again.
    """
    statements: dict[str, list[tuple[Claim, Quote]]] = {}
    for story in digest.stories.values():
        for claim in story.claims:
            for statement in claim.statements:
                if statement.quote is not None:
                    statements.setdefault(statement.article, []).append((claim, statement.quote))
    problems: list[Problem] = []
    articles: dict[str, AnchoredArticle] = {}
    _ANCHORED.start()
    _VISIBLE.start()
    progress = progress or Progress.off()
    for article_id, article in progress.track(sorted(digest.articles.items()), "anchoring"):
        key = (article, digest.notes.get(article_id, ()), tuple(statements.get(article_id, ())))
        result = anchor_article(key)
        if each is not None:  # while the article's parsed text is at hand
            each(result[0])
        articles[article_id] = result[0]
        problems += result[1]
    return AnchoredDigest(digest, articles, problems)


def place(
    article: AnchoredArticle, norm: Normalized, quote: Quote, problems: list[Problem]
) -> tuple[int, int, int] | None:
    """(start, end, line) of the quote, or None after recording why not."""
    text = article.rendered
    result = find_quote(norm, text.text, quote.text, quote.prefix, quote.suffix, text.barriers)
    if isinstance(result, Found):
        return result.start, result.end, text.line_of(result.start)
    path = article.article.path
    if isinstance(result, NotFound):
        problems.append(messages.not_found(quote, path, text, result))
    else:
        problems.append(messages.several(quote, path, text, result))
    return None
