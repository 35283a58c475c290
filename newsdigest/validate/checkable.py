"""A rough, honest signal of coverage: checkable sentences that no note or claim touches.

The methodology says every checkable claim gets a note. Deciding what is
checkable takes an editor; this only points at the likeliest candidates:
sentences that state a figure (a digit) or quote someone (a quotation mark),
and that no note and no claim statement overlaps. The build report counts
them per article and lists them, so a desk sees what it has not yet looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..anchor import AnchoredArticle
from ..memo import BuildMemo
from ..model import Article

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+|\n")
CHECKABLE = re.compile(r"\d|[\"“”„«»]")
MIN_WORDS = 5
"""Shorter pieces are headings, captions or datelines rather than statements."""
EXCERPT_WORDS = 12


@dataclass(frozen=True, slots=True)
class Unnoted:
    line: int
    col: int
    excerpt: str
    """The sentence's first words, enough to find it."""


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, trimmed."""
    spans = []
    start = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        if piece.strip():
            spans.append((start + lead, start + len(piece.rstrip())))
        if match:
            start = match.end()
    return spans


UnnotedKey = tuple[Article, tuple[tuple[int, int], ...]]
"""An article and the (start, end) of every highlight in it, in order."""


def unnoted_checkable(placed: AnchoredArticle) -> list[Unnoted]:
    """Sentences with a figure or a quotation that no highlight overlaps, in text order."""
    return list(_UNNOTED.get((placed.article, tuple(sorted((h.start, h.end) for h in placed.highlights)))))


def start_build() -> None:
    _UNNOTED.start()


def unnoted_in(key: UnnotedKey) -> tuple[Unnoted, ...]:
    article, covered = key
    rendered = AnchoredArticle(article, ()).rendered
    text = rendered.text
    found = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if len(sentence.split()) < MIN_WORDS or not CHECKABLE.search(sentence):
            continue
        if any(h_start < end and start < h_end for h_start, h_end in covered):
            continue
        words = sentence.split()
        excerpt = " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")
        line, col = rendered.position(start)
        found.append(Unnoted(line, col, excerpt))
    return tuple(found)


_UNNOTED: BuildMemo[UnnotedKey, tuple[Unnoted, ...]] = BuildMemo(
    unnoted_in, persist="unnoted", asked_again=True
)
"""Each article's unnoted sentences, from earlier builds: the report costs what an edit touched."""
