"""Paragraphs of a raw article, and its header: title, deck, byline, dateline.

Rules for the header (both text formats):

1. The first paragraph is the title (a leading `#` is removed).
2. A byline is a paragraph starting with "By " or with the name of an author
   given with --author, among the three paragraphs after the title. The
   paragraphs between the title and the byline are the deck (the subtitle).
3. A short paragraph right after the byline (or right after the title when
   there is no byline) that contains a date is the dateline.
4. Everything after that is the article's text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .chrome import link_text

MONTHS = "january february march april may june july august september october november december".split()
MONTH_NUMBERS = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
MONTH_NAMES = sorted({n.capitalize() for n in MONTHS} | {n[:3].capitalize() for n in MONTHS} | {"Sept"})
MONTH = r"(?P<month>\b(?:" + "|".join(MONTH_NAMES) + r")\b\.?)"
DATES = (
    re.compile(MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})\s+" + MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})"),
)
"""`October 27, 2023`, `27 Oct. 2023`, `2023-10-27`."""
DATELINE_MAX = 100
BYLINE_WINDOW = 3
BYLINE = re.compile(r"^(?:by|from)\s+(?=\S)", re.I)
TWEET_CREDIT = re.compile(r"^[—–]\s*.+\(@\w{1,15}\)\s+\w+\.?\s+\d{1,2},\s+\d{4}\s*$")
"""The last line of an embedded post: `— Name (@handle) October 24, 2023`."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph: its first line number in the source and its lines."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(slots=True)
class Header:
    title: str = ""
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: dt.date | None = None
    byline: Block | None = None
    dateline: Block | None = None
    deck: list[Block] = field(default_factory=list)


def split_blocks(text: str, one_per_line: bool, first_line: int = 1) -> list[Block]:
    """Paragraphs: every non-blank line (`one_per_line`), or runs of lines between blank lines."""
    blocks: list[Block] = []
    current: list[str] = []
    start = first_line
    for number, raw in enumerate(text.split("\n"), first_line):
        line = raw.rstrip("\r")
        if not line.strip():
            if current:
                blocks.append(Block(start, tuple(current)))
                current = []
            continue
        if one_per_line:
            blocks.append(Block(number, (line.strip(),)))
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append(Block(start, tuple(current)))
    return blocks


def looks_like_lines(text: str) -> bool:
    """True when the text has no blank line between paragraphs (one paragraph per line)."""
    return not re.search(r"\S[^\n]*\n[ \t]*\n[ \t]*\S", text.strip())


def find_date(text: str) -> dt.date | None:
    for pattern in DATES:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mon"]) if parts.get("mon") else MONTH_NUMBERS[parts["month"][:3].lower()]
        try:
            return dt.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            return None
    return None


def byline_authors(text: str) -> list[str]:
    """`By [Ana Pereira](#) and Rui Costa` -> ['Ana Pereira', 'Rui Costa']."""
    names = BYLINE.sub("", " ".join(link_text(text).split()))
    parts = re.split(r",\s*|\s+and\s+|\s*&\s*", names)
    return [p.strip(" *_") for p in parts if p.strip(" *_")]


def is_byline(block: Block, authors: list[str]) -> bool:
    words = " ".join(link_text(block.text).split()).strip("*_ ")
    return bool(BYLINE.match(words)) or any(words.startswith(a) for a in authors if a)


def read_header(blocks: list[Block], authors: list[str]) -> tuple[Header, list[Block]]:
    """The header found at the top of `blocks`, and the blocks of the article's text."""
    header = Header()
    if not blocks:
        return header, []
    header.title = " ".join(" ".join(blocks[0].lines).lstrip("#").split())
    rest = blocks[1:]
    at = next((i for i, b in enumerate(rest[:BYLINE_WINDOW]) if is_byline(b, authors)), None)
    if at is not None:
        header.deck = rest[:at]
        header.byline = rest[at]
        header.subtitle = " ".join(" ".join(b.text.split()) for b in header.deck) or None
        named = [a for a in authors if a]
        header.authors = named or byline_authors(rest[at].text)
        rest = rest[at + 1 :]
    if rest and len(rest[0].text) <= DATELINE_MAX and (day := find_date(link_text(rest[0].text))):
        header.dateline = rest[0]
        header.published = day
        rest = rest[1:]
    return header, rest


def quote_embedded_posts(blocks: list[Block]) -> tuple[list[Block], int]:
    """An embedded post (its text, then `— Name (@handle) Date`) becomes one `>` quote."""
    out: list[Block] = []
    count = 0
    for block in blocks:
        credit = TWEET_CREDIT.match(block.lines[-1].strip())
        if credit and len(block.lines) == 1 and out:
            post = out.pop()
            out.append(Block(post.line, tuple(f"> {line}" for line in (*post.lines, *block.lines))))
            count += 1
        elif credit and len(block.lines) > 1:
            out.append(Block(block.line, tuple(f"> {line}" for line in block.lines)))
            count += 1
        else:
            out.append(block)
    return out, count
