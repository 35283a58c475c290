"""Plain text made safe as Markdown: what the reader sees is the text itself.

Only what Markdown would otherwise change is escaped (a `#` or `1.` starting
a paragraph, `*`, `_`, backticks, `<`, entities, link syntax), so ordinary
text — brackets, quotes, dashes — is written exactly as it came.
"""

from __future__ import annotations

import re

BLOCK_START = re.compile(
    r"^(?:#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$))|(?=([-*_])(?:[ \t]*\1){2,}[ \t]*$)"
    r"|=+(?=[ \t]*$)|~~~|```)"
)
INLINE = re.compile(
    r"\\(?=[!-/:-@\[-`{-~])"  # a backslash that would escape the next character
    r"|[*_`<]"  # emphasis, code spans, autolinks
    r"|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)"  # entities
    r"|!?\[(?=(?:[^\[\]\\]|\\.)*\][(\[:])"  # link or image syntax, or a reference label
)


def escape_inline(text: str) -> str:
    """Escape Markdown syntax inside a line of plain text."""

    def escaped(match: re.Match[str]) -> str:
        found = match.group(0)
        if found.startswith("!"):
            return "!\\" + found[1:]
        return "\\" + found

    return INLINE.sub(escaped, text)


def escape_block_start(line: str) -> str:
    """Escape a character that would make a line a heading, list, quote, rule or fence."""
    match = BLOCK_START.match(line)
    if not match:
        return line
    if line[0].isdigit():
        digits = len(match.group(0))
        return line[:digits] + "\\" + line[digits:]
    return "\\" + line


def escape_paragraph(text: str) -> str:
    """One paragraph of plain text as Markdown that renders to the same text."""
    line = " ".join(text.split())
    return escape_block_start(escape_inline(line))
