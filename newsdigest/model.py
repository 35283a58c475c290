"""The plain data model passed between pipeline stages.

Every object is immutable and holds only data; `Loc` fields point back at
the YAML value an error message should name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .errors import Loc


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str
    publisher: str | None = None
    date: dt.date | None = None
    via: str | None = None
    """The site it was read on, when that republished the publisher's text."""
    archive_url: str | None = None
    loc: Loc | None = field(default=None, compare=False)
    """Where the `url:` value is written (for the desk's rules on addresses)."""


@dataclass(frozen=True, slots=True)
class Via:
    """The site a republished copy of an article was taken from."""

    name: str
    url: str


@dataclass(frozen=True, slots=True)
class Outlet:
    id: str
    name: str
    site: str
    type: str
    country: str
    owner: str
    profile: str
    sources: tuple[Source, ...]
    founded: int | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    path: str
    title: str
    outlet: str
    authors: tuple[str, ...]
    published: dt.date
    type: str
    language: str
    story: str
    body: str
    body_line: int
    """Line of the file on which `body` starts (1-based)."""
    retrieved: dt.date | None = None
    url: str | None = None
    subtitle: str | None = None
    via: Via | None = None
    title_at: tuple[int, int] = (0, 0)
    """File line and column of the headline's first character; column 0 if its characters do
    not sit one per column (an escape, a folded line). Quotes of the headline are reported there."""
    subtitle_at: tuple[int, int] = (0, 0)
    """The same for the deck."""


@dataclass(frozen=True, slots=True)
class Quote:
    """A passage to find in an article: the words, plus optional context."""

    text: str
    prefix: str | None
    suffix: str | None
    loc: Loc
    """Where the `quote:` value is written."""
    label: str
    """How messages name it, e.g. `notes[2]` or `claims[0].statements.toi`."""


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    article: str
    quote: Quote
    kind: str
    body: str
    sources: tuple[Source, ...]
    draft: bool = False
    reviewed: dt.date | None = None
    updated: dt.date | None = None
    rating: str | None = None
    """A fact-check note's finding (schema NOTE_RATINGS)."""


@dataclass(frozen=True, slots=True)
class Statement:
    """What one article said about a claim; `quote` is None when not mentioned (or pending)."""

    article: str
    quote: Quote | None
    pending: bool = False
    """No cell written yet: not yet compared."""
    loc: Loc | None = None
    """For a pending cell, where its entry belongs (the claim's `statements:`)."""
    assessment: str | None = None
    """How the quoted words compare with the record (schema ASSESSMENTS)."""


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    story: str
    claim: str
    statements: tuple[Statement, ...]
    conclusion: str
    sources: tuple[Source, ...]
    rating: str | None = None
    reviewed: dt.date | None = None
    updated: dt.date | None = None
    covers: tuple[str, ...] | None = None
    """Articles the conclusion takes into account, when the story file says so."""
    loc: Loc | None = None
    """Where the claim's `conclusion:` is written, for flags about it."""


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    date: dt.date
    summary: str
    articles: tuple[str, ...]
    claims: tuple[Claim, ...]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    definition: str
    sources: tuple[Source, ...]
    aliases: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    """Language tags of the article texts it applies to; empty: every language."""


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything the editors wrote, validated and cross-checked."""

    outlets: dict[str, Outlet] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)
    notes: dict[str, tuple[Note, ...]] = field(default_factory=dict)
    """Notes per article id, in file order."""
    stories: dict[str, Story] = field(default_factory=dict)
    glossary: tuple[Term, ...] = ()
