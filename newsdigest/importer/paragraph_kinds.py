"""What a paragraph at the top of a copied article looks like: prose, a title, a heading.

header.py reads the header with these tests, by what each paragraph is
rather than where it is.
"""

from __future__ import annotations

import re

from .blocks import Block
from .bylines import plain

TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 220
PROSE_WORDS = 35
"""A paragraph this long is text, whatever it ends with."""
SENTENCE_WORDS = 12
"""A paragraph ending a sentence with this many words is text."""
SENTENCE_END = re.compile(r"[.!?…][\"”’»)*_\\]*$")


def words_of(block: Block) -> str:
    return plain(block.text).lstrip("# ")


def is_heading(block: Block) -> bool:
    return len(block.lines) == 1 and bool(re.match(r"#{1,6}\s", block.lines[0]))


def is_prose(block: Block) -> bool:
    words = words_of(block).split()
    return len(words) >= PROSE_WORDS or (
        len(words) >= SENTENCE_WORDS and bool(SENTENCE_END.search(words[-1]))
    )


def is_title_like(block: Block) -> bool:
    text = words_of(block)
    words = text.split()
    if is_heading(block):
        return len(words) >= 2
    if len(block.lines) > 1 or not 3 <= len(words) <= TITLE_MAX_WORDS or len(text) > TITLE_MAX_CHARS:
        return False
    starts = text[:1].isupper() or text[:1] in "\"“«‘'0123456789"
    return starts and not re.search(r"[.:;,][\"”’»)*_]*$", text)


def is_short_title(block: Block) -> bool:
    """One or two capitalised words on one line: a headline only when nothing longer comes first."""
    words = words_of(block).split()
    return len(block.lines) == 1 and 1 <= len(words) <= 2 and words[0][:1].isupper()
