"""The text a reader sees in a rendered article, mapped back to its source.

Built once per article from markdown-it tokens. Each visible piece of text
(a "leaf": text, escape, entity, code span, line break, code block) gets an
offset range in `text`; blocks are separated by a newline. Offsets in `text`
map back to a line and column of the article file.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from markdown_it.token import Token

LEAF_TYPES = {"text", "text_special", "code_inline", "softbreak", "hardbreak"}
BLOCK_LEAVES = {"fence", "code_block"}


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

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of a character of `text`."""
        if not self.leaves:
            return 1, 1
        k = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        leaf = self.leaves[k]
        inside = max(0, min(offset, leaf.end) - leaf.start)
        if leaf.token.type in BLOCK_LEAVES:
            before = leaf.token.content[:inside]
            newlines = before.count("\n")
            return leaf.line + newlines, inside - (before.rfind("\n") + 1) + 1
        return leaf.line, leaf.col + (inside if leaf.exact else 0)

    def line_of(self, offset: int) -> int:
        return self.position(offset)[0]


def build(tokens: list[Token], source: str, first_line: int) -> RenderedText:
    """Collect the visible text of `tokens` (parsed from `source`).

    `first_line` is the file line on which `source` starts, so positions
    name lines of the article file, front matter included.
    """
    lines = source.split("\n")
    parts: list[str] = []
    leaves: list[Leaf] = []
    length = 0

    def add(token: Token, text: str, line: int, col: int, exact: bool) -> None:
        nonlocal length
        leaves.append(Leaf(token, length, length + len(text), line, col, exact))
        parts.append(text)
        length += len(text)

    for block in tokens:
        if block.type == "inline" and block.children:
            if length:
                parts.append("\n")
                length += 1
            for child, line, col, exact in _inline_positions(block, lines):
                text = "\n" if child.type in ("softbreak", "hardbreak") else child.content
                add(child, text, line + first_line, col, exact)
        elif block.type in BLOCK_LEAVES and block.content:
            if length:
                parts.append("\n")
                length += 1
            start = (block.map[0] if block.map else 0) + (1 if block.type == "fence" else 0)
            add(block, block.content, start + first_line, 1, False)
    return RenderedText(tokens, "".join(parts), leaves, [leaf.start for leaf in leaves])


def _inline_positions(block: Token, lines: list[str]) -> list[tuple[Token, int, int, bool]]:
    """(leaf, 0-based line in source, 1-based column, exact) for each leaf.

    markdown-it gives line ranges only for blocks; columns are found by
    walking the block's inline source alongside its tokens.
    """
    content = block.content
    first = block.map[0] if block.map else 0
    content_lines = content.split("\n")
    indents = [_indent(lines, first + i, text) for i, text in enumerate(content_lines)]
    out: list[tuple[Token, int, int, bool]] = []
    cursor = 0
    for child in block.children or []:
        if child.type == "link_close":
            cursor = _skip_link_tail(content, cursor)
            continue
        if child.type not in LEAF_TYPES:
            continue
        needle = {"text_special": child.markup, "softbreak": "\n", "hardbreak": "\n"}.get(
            child.type, child.content
        )
        found = content.find(needle, cursor) if needle else -1
        pos = found if found >= 0 else cursor
        line_index = content.count("\n", 0, pos)
        col = pos - (content.rfind("\n", 0, pos) + 1)
        line_index = min(line_index, len(indents) - 1)
        out.append((child, first + line_index, col + indents[line_index] + 1, child.type == "text"))
        if found >= 0:
            cursor = found + len(needle)
    return out


def _indent(lines: list[str], index: int, content_line: str) -> int:
    """Columns stripped from a source line (list markers, `>`, indentation)."""
    if index >= len(lines):
        return 0
    found = lines[index].find(content_line) if content_line else -1
    return max(found, 0)


def _skip_link_tail(content: str, pos: int) -> int:
    """Move past `](destination "title")` or `][label]` after a link's text."""
    if pos >= len(content) or content[pos] != "]":
        return pos
    pos += 1
    if pos < len(content) and content[pos] in "([":
        closer = ")" if content[pos] == "(" else "]"
        depth = 0
        for i in range(pos, len(content)):
            ch = content[i]
            if ch == "\\":
                continue
            if ch == content[pos]:
                depth += 1
            elif ch == closer:
                depth -= 1
                if depth == 0:
                    return i + 1
    return pos
