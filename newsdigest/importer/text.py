"""Import a raw article saved as text: plain (one paragraph per line) or Markdown.

Rules, in order:

1. Format: with `auto`, a text with no blank line between paragraphs is read
   as plain text, one paragraph per line (its Markdown characters are escaped so
   readers see them as written); otherwise it is read as Markdown, paragraphs
   separated by blank lines, and kept as written.
2. Header: title, deck, byline and dateline, as described in `blocks`.
3. Chrome: each paragraph of the text is checked against the rules in
   `chrome` (ornaments, images, label lines, legal notices, share and newsletter
   prompts, lines made only of links) and dropped if one matches.
4. Section breaks (`---`) left at the very start or end are dropped.
5. Links that lead nowhere, `[text](#)`, become their text.
6. An embedded post, its text followed by `— Name (@handle) Month D, YYYY`,
   becomes a block quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..plural import counted
from . import Dropped, Extracted
from .blocks import Block, looks_like_lines, quote_embedded_posts, split_blocks
from .chrome import Rules, is_separator, link_text, reason, unwrap_links
from .escape import escape_paragraph
from .header import Given, read_header
from .language import choose_language

FORMATS = ("auto", "lines", "markdown")
FIRST_PUBLISHED = re.compile(
    r"\b(?:originally|first) published (?:on|by|in|at) (?P<where>[^.*_\n]{2,60})", re.I
)
"""`This article was originally published on InfoBrics.`: the copy is a republication."""


def is_lines(text: str, text_format: str) -> bool:
    return looks_like_lines(text) if text_format == "auto" else text_format == "lines"


def extract_text(
    source: str,
    *,
    text_format: str = "auto",
    title: str | None = None,
    subtitle: str | None = None,
    authors: Sequence[str] = (),
    language: str | None = None,
    drop: Sequence[re.Pattern[str]] = (),
    keep: Sequence[re.Pattern[str]] = (),
) -> Extracted:
    """The article in `source` (the file's text), following the rules above.

    Every paragraph ends up in exactly one place: the body, a front-matter
    field (with a `Pick` saying which), or `dropped` with its reason.
    """
    source = source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines_mode = is_lines(source, text_format)
    markdown = not lines_mode
    blocks = split_blocks(source, one_per_line=lines_mode)
    rules = Rules(markdown=markdown, drop=tuple(drop), keep=tuple(keep))
    header, body = read_header(blocks, Given(title, subtitle, tuple(authors)), rules)
    result = Extracted(title=header.title, body="", subtitle=header.subtitle)
    result.authors = header.authors
    result.agency = header.agency
    result.published = header.published
    result.picks = header.picks
    result.dropped = header.dropped
    result.notes.append(
        "read as plain text, one paragraph per line" if lines_mode else "read as Markdown paragraphs"
    )
    kept: list[Block] = []
    for block in body:
        why = reason(block.text, rules)
        if why:
            result.dropped.append(Dropped(block.line, why, block.text))
        else:
            kept.append(block)
    while kept and is_separator(kept[0].text, rules):
        result.dropped.append(Dropped(kept[0].line, "section break at the start", kept.pop(0).text))
    while kept and is_separator(kept[-1].text, rules):
        result.dropped.append(Dropped(kept[-1].line, "section break at the end", kept.pop().text))
    unwrapped = 0
    final: list[Block] = []
    for block in kept:
        lines = []
        for line in block.lines:
            text, count = unwrap_links(line)
            unwrapped += count
            lines.append(escape_paragraph(text) if lines_mode else text)
        final.append(Block(block.line, tuple(lines)))
    final, posts = quote_embedded_posts(final)
    if unwrapped:
        result.notes.append(f"{unwrapped} links to nowhere, [text](#), became plain text")
    if posts:
        result.notes.append(f"{counted(posts, 'embedded post')} became a block quote")
    for block in kept:
        if first := FIRST_PUBLISHED.search(link_text(block.text)):
            where = first.group("where").strip()
            result.warnings.append(
                f"line {block.line} says the piece was first published by {where}: if so, that is its "
                "original publisher (--outlet, --url) and the site you copied it from goes in `via:`"
            )
    result.body = "\n\n".join(b.text for b in final)
    choose_language(result, language, None, link_text(" ".join(b.text for b in kept)))
    result.dropped.sort(key=lambda d: d.line)
    return result
