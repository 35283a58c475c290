"""The text a reader sees in a rendered article, mapped back to its source.

Built once per article from markdown-it tokens. Each visible piece of text
(a "leaf": text, escape, entity, code span, line break, code block) gets an
offset range in `text`; line breaks are "\\n" and blocks are separated by
"\\n". Image alt text is not visible text. Offsets in `text` map back to a
line and column of the article file.

The headline and the deck, which the page shows above the body, come first,
each as a block of its own (`header`); a quote may not run from one of them
into the next or into the body (`barriers`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it.token import Token

from .columns import inline_positions, line_offset

BLOCK_LEAVES = {"fence", "code_block"}
BREAKS = {"softbreak", "hardbreak"}


@dataclass(slots=True)
class Leaf:
    token: Token
    start: int
    end: int
    line: int
    """Source line (1-based, in the article file) where the leaf starts."""
    col: int
    """Source column (1-based) where the leaf starts."""
    exact: bool
    """True when each character sits at its own source column (plain text)."""


@dataclass(slots=True)
class RenderedText:
    tokens: list[Token]
    text: str
    leaves: list[Leaf]
    starts: list[int]
    """`leaf.start` of every leaf, for bisecting."""
    source_lines: list[str]
    first_line: int
    header: tuple[Token, ...] = ()
    """One `text` token per header field (headline, deck), rendered by the page header."""
    barriers: tuple[int, ...] = ()
    """Offsets of the separators after each header field: no quote may contain one."""

    def leaf_index(self, offset: int) -> int:
        """Index of the leaf holding `offset` (or the one before a block separator)."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of a character of `text`."""
        if not self.leaves:
            return self.first_line, 1
        leaf = self.leaves[self.leaf_index(offset)]
        inside = max(0, min(offset, leaf.end) - leaf.start)
        if leaf.token.type in BLOCK_LEAVES:
            before = leaf.token.content[:inside]
            line = leaf.line + before.count("\n")
            line_start = before.rfind("\n") + 1
            line_end = leaf.token.content.find("\n", line_start)
            content_line = leaf.token.content[line_start : line_end if line_end >= 0 else None]
            index = line - self.first_line
            source = self.source_lines[index] if index < len(self.source_lines) else ""
            return line, inside - line_start + line_offset(source, content_line) + 1
        return leaf.line, leaf.col + (inside if leaf.exact else 0)

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


def source_lines(source: str) -> list[str]:
    """The source's lines as markdown-it numbers them."""
    source = source.replace("\0", "\ufffd")
    return source.split("\n") if "\r" not in source else re.split(r"\r\n?|\n", source)


@dataclass(frozen=True, slots=True)
class HeaderField:
    """A plain-text field shown above the body (headline, deck), and where it is written."""

    text: str
    line: int
    col: int
    """0 when its characters do not sit one per column."""


def build(
    tokens: list[Token], source: str, first_line: int, header: tuple[HeaderField, ...] = ()
) -> RenderedText:
    """Collect the visible text of `header` then of `tokens` (parsed from `source`).

    `first_line` is the file line on which `source` starts, so positions
    name lines of the article file, front matter included.
    """
    lines = source_lines(source)
    parts: list[str] = []
    leaves: list[Leaf] = []
    length = 0

    def add(token: Token, text: str, line: int, col: int, exact: bool) -> None:
        nonlocal length
        leaves.append(Leaf(token, length, length + len(text), line, col, exact))
        parts.append(text)
        length += len(text)

    def new_block() -> None:
        nonlocal length
        if length:
            parts.append("\n")
            length += 1

    header_tokens = []
    barriers = []
    for field in header:
        new_block()
        token = Token("text", "", 0, content=field.text)
        add(token, field.text, field.line, max(field.col, 1), field.col > 0)
        header_tokens.append(token)
        barriers.append(length)
    previous: Token | None = None
    for block in tokens:
        if block.type == "inline" and block.children:
            new_block()
            atx = previous is not None and previous.type == "heading_open" and previous.markup[:1] == "#"
            for leaf in inline_positions(block, atx, lines):
                text = "\n" if leaf.token.type in BREAKS else leaf.token.content
                add(leaf.token, text, leaf.line + first_line, leaf.col, leaf.exact)
        elif block.type in BLOCK_LEAVES and block.content:
            new_block()
            start = (block.map[0] if block.map else 0) + (1 if block.type == "fence" else 0)
            content_line = block.content.partition("\n")[0]
            col = line_offset(lines[start] if start < len(lines) else "", content_line) + 1
            add(block, block.content, start + first_line, col, False)
        previous = block
    text = "".join(parts)
    starts = [leaf.start for leaf in leaves]
    header_parts = (tuple(header_tokens), tuple(barriers))
    return RenderedText(tokens, text, leaves, starts, lines, first_line, *header_parts)
