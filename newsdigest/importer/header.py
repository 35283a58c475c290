"""The header of a copied article, found by what each paragraph is rather than where it is.

1. The top is the paragraphs before the first paragraph of text, or, when a
   byline comes within the first TOP_WINDOW paragraphs, the paragraphs up to
   it (and the datelines and debris right after it).
2. In the top: page debris (`edges`) and site chrome are dropped; a byline
   gives the authors; a short paragraph that is mostly a date is the dateline;
   the first title-like paragraph (short, one line, not a sentence ending in a
   full stop) is the headline; short paragraphs above it are dropped as such;
   what lies between the headline and the byline is the deck. Without a
   byline, one paragraph right after the headline, before the first paragraph
   of text, is the deck (after a dateline it is the text: a deck comes first).
3. At the end, walking back from the last paragraph: page debris, bylines and
   author bios are taken out until a paragraph of text (chrome there is left to
   the chrome rules).
4. --title, --subtitle and --author win over the copy; the headline or deck
   they replace is listed as dropped, so no paragraph is ever lost unseen.

Every field chosen is recorded as a `Pick` with the line it came from, for the
import report.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from . import Dropped, Pick
from .blocks import Block
from .bylines import Byline, plain, read_byline
from .chrome import Rules, is_kept, is_separator, link_text, reason
from .dates import dateline_date
from .edges import edge_reason
from .paragraph_kinds import is_heading, is_prose, is_short_title, is_title_like, words_of

TOP_WINDOW = 8
END_WINDOW = 15
DECK_MIN_WORDS = 4
SAME = 0.85
"""Similarity from which a paragraph counts as the --title or --subtitle given."""


@dataclass(frozen=True, slots=True)
class Given:
    """What the editor gave as options; it wins over the copy."""

    title: str | None = None
    subtitle: str | None = None
    authors: Sequence[str] = ()


@dataclass(slots=True)
class Header:
    title: str = ""
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    """A news agency named in the byline (`By Ana Pereira, AFP`)."""
    published: dt.date | None = None
    picks: list[Pick] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def plain_line(text: str, markdown: bool) -> str:
    """A header paragraph as plain text for the front matter: link targets, `#` and escapes gone."""
    words = " ".join(link_text(text).split())
    if not markdown:
        return words
    words = re.sub(r"^#{1,6}\s+", "", words)
    if re.fullmatch(r"(\*{1,2}|_{1,2}).+\1", words):
        words = words.strip("*_")
    return MARKDOWN_ESCAPE.sub(r"\1", words)


def similar(a: str, b: str) -> bool:
    x, y = " ".join(a.lower().split()), " ".join(b.lower().split())
    return x == y or difflib.SequenceMatcher(None, x, y).ratio() >= SAME


class HeaderReader:
    def __init__(self, blocks: list[Block], given: Given, rules: Rules) -> None:
        self.blocks = blocks
        self.given = given
        self.rules = rules
        self.header = Header()
        self.byline: Byline | None = None
        self.deck: list[Block] = []
        self.consumed: set[int] = set()
        """Indexes of the paragraphs the header uses or drops."""

    def drop(self, block: Block, why: str) -> None:
        self.header.dropped.append(Dropped(block.line, why, block.text))

    def debris(self, block: Block) -> str | None:
        if is_kept(block.text, self.rules):
            return None
        return reason(block.text, self.rules) or edge_reason(block.text)

    def take_byline(self, block: Block, found: Byline) -> None:
        self.drop(block, found.shape)
        if self.byline is None and (found.authors or found.agency):
            self.byline = found
            value = ", ".join(found.authors) or f"(unsigned; agency {found.agency})"
            self.header.picks.append(Pick("authors", block.line, block.text, value))

    def take_dateline(self, block: Block, day: dt.date) -> None:
        self.drop(block, "dateline")
        if self.header.published is None:
            self.header.published = day
            self.header.picks.append(Pick("published", block.line, block.text, day.isoformat()))

    def header_part(self, block: Block) -> bool:
        """Drop debris, a byline or a dateline; False for anything else."""
        if why := self.debris(block):
            self.drop(block, why)
        elif found := read_byline(block.text, self.given.authors):
            self.take_byline(block, found)
        elif day := dateline_date(plain(block.text)):
            self.take_dateline(block, day)
        else:
            return False
        return True

    def top_end(self) -> tuple[int, bool]:
        """Where the top ends (rule 1), and whether it ends with a byline."""
        blocks = self.blocks
        for i, block in enumerate(blocks[:TOP_WINDOW]):
            if not self.debris(block) and read_byline(block.text, self.given.authors):
                end = i + 1
                while end < len(blocks) and self.is_header_part(blocks[end]):
                    end += 1
                return end, True
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if is_prose(block) and not (i <= 2 and after and read_byline(after.text, self.given.authors)):
                break
        return next((i for i, b in enumerate(blocks) if is_prose(b)), len(blocks)), False

    def is_header_part(self, block: Block) -> bool:
        return bool(
            self.debris(block)
            or read_byline(block.text, self.given.authors)
            or dateline_date(plain(block.text))
        )

    def read_top(self, first_is_title: bool) -> None:
        """Read the top (rule 2): every paragraph it uses or drops joins `consumed`."""
        end, has_byline = self.top_end()
        title_at: int | None = None
        above: list[int] = []
        for i, block in enumerate(self.blocks[:end]):
            if first_is_title and i == 0:
                title_at = 0
            elif self.header_part(block):
                pass
            elif title_at is None and is_title_like(block):
                title_at = i
            elif title_at is None:
                above.append(i)
                continue
            elif has_byline:
                self.deck.append(block)
            else:
                break
            self.consumed.add(i)
        if title_at is None and (short := [i for i in above if is_short_title(self.blocks[i])]):
            title_at = short[0]  # a two-word headline, with nothing longer before the text
            above = [i for i in above if i < title_at]
            self.consumed.add(title_at)
        if title_at is None:
            self.choose_title(None)
            return
        for i in above:
            self.drop(self.blocks[i], "above the headline")
            self.consumed.add(i)
        if not has_byline:
            self.deck_without_byline(title_at)
        self.choose_title(self.blocks[title_at])

    def deck_without_byline(self, title_at: int) -> None:
        """One short paragraph between the headline and the first paragraph of text is the deck.

        Not after a dateline: a news brief's short first sentence there is its lede.
        """
        rest = [i for i in range(title_at + 1, len(self.blocks)) if i not in self.consumed]
        if len(rest) < 2:
            return
        if any(dateline_date(plain(self.blocks[i].text)) for i in range(title_at + 1, rest[0])):
            return
        deck, after = self.blocks[rest[0]], self.blocks[rest[1]]
        if is_prose(deck) or len(words_of(deck).split()) < DECK_MIN_WORDS or not is_prose(after):
            return
        if self.debris(deck) or is_heading(deck):
            return
        self.deck.append(deck)
        self.consumed.add(rest[0])

    def choose_title(self, block: Block | None) -> None:
        header, given = self.header, self.given
        if given.title:
            header.title = given.title
            if block is not None:
                same = similar(words_of(block), given.title)
                self.drop(block, "headline (same as --title)" if same else "headline; --title used instead")
            header.picks.append(Pick("title", 0, "--title", given.title))
        elif block is not None:
            header.title = plain_line(block.text, self.rules.markdown)
            header.picks.append(Pick("title", block.line, block.text, header.title))

    def choose_subtitle(self, body: list[Block]) -> list[Block]:
        """The deck, or the --subtitle given; a deck it replaces is dropped. Returns the body."""
        header, given = self.header, self.given
        deck_text = " ".join(plain_line(b.text, self.rules.markdown) for b in self.deck)
        if not given.subtitle:
            if self.deck:
                header.subtitle = deck_text
                header.picks.append(
                    Pick("subtitle", self.deck[0].line, "\n".join(b.text for b in self.deck), deck_text)
                )
            return body
        header.subtitle = given.subtitle
        header.picks.append(Pick("subtitle", 0, "--subtitle", given.subtitle))
        same = similar(deck_text, given.subtitle)
        for block in self.deck:
            self.drop(block, "deck (same as --subtitle)" if same else "deck; --subtitle used instead")
        # A deck the rules took for text: the paragraph the editor gave as --subtitle.
        for i, block in enumerate(body[:2]):
            if not self.deck and similar(words_of(block), given.subtitle):
                self.drop(block, "deck (same as --subtitle)")
                return body[:i] + body[i + 1 :]
        return body

    def read_end(self, body: list[Block]) -> list[Block]:
        """Take page debris, bylines and author bios off the end (rule 3)."""
        taken: set[int] = set()
        i = len(body) - 1
        while i >= 0 and len(body) - i <= END_WINDOW:
            block = body[i]
            if is_kept(block.text, self.rules):
                break
            if reason(block.text, self.rules) or is_separator(block.text, self.rules):
                i -= 1
                continue
            if why := edge_reason(block.text):
                self.drop(block, why)
            elif found := read_byline(block.text, self.given.authors):
                self.take_byline(block, found)
            elif (day := dateline_date(plain(block.text))) and len(plain(block.text).split()) <= 8:
                self.take_dateline(block, day)
            else:
                break
            taken.add(i)
            i -= 1
        return [b for i, b in enumerate(body) if i not in taken]

    def authors(self) -> None:
        header, named = self.header, [a for a in self.given.authors if a]
        if named:
            header.authors = named
            header.picks = [p for p in header.picks if p.field != "authors"]
            header.picks.append(Pick("authors", 0, "--author", ", ".join(named)))
        elif self.byline is not None:
            header.authors = list(self.byline.authors)
        if self.byline is not None:
            header.agency = self.byline.agency


def read_header(
    blocks: list[Block], given: Given, rules: Rules, *, first_is_title: bool = False
) -> tuple[Header, list[Block]]:
    """The header found in `blocks`, and the blocks of the article's text."""
    reader = HeaderReader(blocks, given, rules)
    if not blocks:
        reader.choose_title(None)
        return reader.header, []
    reader.read_top(first_is_title)
    body = reader.choose_subtitle([b for i, b in enumerate(blocks) if i not in reader.consumed])
    body = reader.read_end(body)
    reader.authors()
    reader.header.picks.sort(key=lambda p: ("title", "subtitle", "authors", "published").index(p.field))
    return reader.header, body
