"""Turning a raw article (plain text, Markdown or a saved web page) into an articles/ file.

`text.extract_text` and `html.extract_html` both return an `Extracted`: the
article's own words as Markdown, what the header said (title, deck, byline,
date), and everything dropped on the way, with the reason, for the report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Dropped:
    """A paragraph left out of the article, and why."""

    line: int
    """Line of the source file where it starts (0 when unknown)."""
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class Pick:
    """A front-matter value the importer chose, and the paragraph (or option) it came from."""

    field: str
    line: int
    """Line of the source file (0 for an option or the page's metadata)."""
    source: str
    """The paragraph as written, or the option (`--title`) or `page metadata`."""
    value: str


@dataclass(slots=True)
class Extracted:
    title: str
    body: str
    """The article's text as Markdown."""
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    agency: str | None = None
    """A news agency the byline names (`By Ana Pereira, AFP`): the signer of an unsigned wire copy."""
    dropped: list[Dropped] = field(default_factory=list)
    picks: list[Pick] = field(default_factory=list)
    """Where each header field came from, in front-matter order, for the report."""
    warnings: list[str] = field(default_factory=list)
    """Guesses the editor should check (a language that disagrees with --language)."""
    notes: list[str] = field(default_factory=list)
    """Other changes worth telling the editor (links unwrapped, posts quoted, metadata used)."""
