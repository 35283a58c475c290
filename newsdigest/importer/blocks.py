"""Paragraphs of a raw article: splitting the text, and quoting embedded posts.

The header (title, deck, byline, dateline) is read from these paragraphs by
`header`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
