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
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Other changes worth telling the editor (links unwrapped, posts quoted, metadata used)."""
