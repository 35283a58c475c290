"""Where each visible leaf of an inline block starts in the Markdown source.

markdown-it gives line ranges only for blocks. Columns are found by walking
the block's inline source alongside its tokens, consuming the markup of each
(emphasis delimiters, link brackets and destinations, code-span backticks,
images), then by lining each source line up with the block's content line.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from .. import markdown_dialect, shortcuts

LEAF_TYPES = {"text", "text_special", "code_inline", "softbreak", "hardbreak"}
DELIMITERS = {"em_open", "em_close", "strong_open", "strong_close"}
SEARCH_WINDOW = 256
"""How far past the expected place a leaf is looked for; keeps the walk linear."""
_SPACE = " \t\n"
_PLAIN_TAIL = re.compile(rf"[{_SPACE}]*(?:{markdown_dialect.NORMALIZED.pattern})\)")
"""A link tail with an address markdown-it takes as it is (tests/test_shortcuts_markdown.py)."""


@dataclass(frozen=True, slots=True)
class LeafPosition:
    token: Token
    line: int
    """0-based line of the source."""
    col: int
    """1-based column."""
    exact: bool
    """True when the leaf's characters sit one per source column from `col`."""


def line_offset(source_line: str, content_line: str, atx_heading: bool = False) -> int:
    """Columns to add to a content column to get the source column.

    The content line is the source line without its container prefix
    (list marker, `>`, indentation) and, in a heading, without its `#`s.
    """
    core = content_line.lstrip(" \t")
    lead = len(content_line) - len(core)
    if not core:
        return max(len(source_line) - len(content_line), 0)
    if atx_heading:
        found = source_line.find(core, source_line.find("#") + 1)
    elif source_line.endswith(core):
        found = len(source_line) - len(core)
    else:
        trimmed = source_line.rstrip()
        found = len(trimmed) - len(core.rstrip()) if trimmed.endswith(core.rstrip()) else -1
    return max(found - lead, 0) if found >= 0 else 0


def inline_positions(block: Token, atx_heading: bool, lines: list[str]) -> list[LeafPosition]:
    """Source line and column of every visible leaf of an `inline` token."""
    content = block.content
    first = block.map[0] if block.map else 0
    line_starts = [0] + [m.end() for m in re.finditer("\n", content)]
    offsets: dict[int, int] = {}

    def position(pos: int) -> tuple[int, int]:
        index = bisect.bisect_right(line_starts, pos) - 1
        if index not in offsets:
            end = line_starts[index + 1] - 1 if index + 1 < len(line_starts) else len(content)
            source = lines[first + index] if first + index < len(lines) else ""
            offsets[index] = line_offset(source, content[line_starts[index] : end], atx_heading)
        return first + index, pos - line_starts[index] + offsets[index] + 1

    out: list[LeafPosition] = []
    walker = _Walker(content)
    for token, pos, exact in walker.walk(block.children or [], emit=True):
        line, col = position(pos)
        out.append(LeafPosition(token, line, col, exact))
    return out


class _Walker:
    def __init__(self, content: str) -> None:
        self.content = content
        self.cursor = 0

    def walk(self, tokens: list[Token], emit: bool) -> list[tuple[Token, int, bool]]:
        found: list[tuple[Token, int, bool]] = []
        for token in tokens:
            if token.type in LEAF_TYPES:
                pos, exact = self.leaf(token)
                if emit:
                    found.append((token, pos, exact))
            elif token.type in DELIMITERS:
                self.expect(token.markup)
            elif token.type == "link_open":
                self.expect("<" if token.markup == "autolink" else "[")
            elif token.type == "link_close":
                if token.markup == "autolink":
                    self.expect(">")
                elif self.expect("]"):
                    self.skip_link_tail()
            elif token.type == "image" and self.expect("!["):
                self.walk(token.children or [], emit=False)
                if self.expect("]"):
                    self.skip_link_tail()
        return found

    def find(self, needle: str) -> int:
        return self.content.find(needle, self.cursor, self.cursor + len(needle) + SEARCH_WINDOW)

    def expect(self, markup: str) -> bool:
        found = self.find(markup)
        if found >= 0:
            self.cursor = found + len(markup)
        return found >= 0

    def leaf(self, token: Token) -> tuple[int, bool]:
        if token.type == "code_inline":
            return self.code_span(token)
        kind = token.type
        needle = token.content if kind == "text" else token.markup if kind == "text_special" else "\n"
        found = self.find(needle) if needle else -1
        if found < 0:
            return self.cursor, False
        self.cursor = found + len(needle)
        return found, token.type == "text"

    def code_span(self, token: Token) -> tuple[int, bool]:
        opener = self.find(token.markup)
        if opener < 0:
            return self.cursor, False
        start = opener + len(token.markup)
        closer = re.compile(f"(?<!`){token.markup}(?!`)").search(self.content, start)
        if not closer:
            return start, False
        raw = self.content[start : closer.start()]
        self.cursor = closer.end()
        skip = 1 if len(raw) > len(token.content) and raw.startswith((" ", "\n")) else 0
        return start + skip, raw[skip : skip + len(token.content)] == token.content

    def skip_link_tail(self) -> None:
        """Move past `(destination "title")` or `[label]` after a link's `]`."""
        text, pos = self.content, self.cursor
        if text.startswith("(", pos):
            end = _inline_link_tail(text, pos + 1)
            if end >= 0:
                self.cursor = end
                return
        if text.startswith("[", pos):
            end = _label_end(text, pos + 1)
            if end >= 0:
                self.cursor = end + 1


def _inline_link_tail(text: str, pos: int) -> int:
    """End of `  <dest>  "title"  )` starting at `pos`, as the link rule parses it; -1 if not."""
    plain = _PLAIN_TAIL.match(text, pos)  # most links: a plain address, no title
    return plain.end() if plain and shortcuts.take("link-tail") else parsed_link_tail(text, pos)


def parsed_link_tail(text: str, pos: int) -> int:
    """_inline_link_tail by markdown-it's own helpers."""
    pos = _skip_space(text, pos)
    destination = parseLinkDestination(text, pos, len(text))
    if destination.ok:
        md = markdown_dialect.parser()
        if md.validateLink(md.normalizeLink(destination.str)):
            start = pos = destination.pos
            pos = _skip_space(text, pos)
            title = parseLinkTitle(text, pos, len(text))
            if pos < len(text) and start != pos and title.ok:
                pos = _skip_space(text, title.pos)
    return pos + 1 if text.startswith(")", pos) else -1


def _label_end(text: str, pos: int) -> int:
    while pos < len(text):
        if text[pos] == "\\":
            pos += 2
            continue
        if text[pos] == "]":
            return pos
        if text[pos] == "[":
            return -1
        pos += 1
    return -1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _SPACE:
        pos += 1
    return pos
