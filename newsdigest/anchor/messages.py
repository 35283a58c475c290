"""Why a quote could not be placed, as the editor reads it.

The matcher returns results; here they become `Problem`s naming the line,
and the column and neighbouring words of each occurrence, so a `prefix:` or
`suffix:` can be copied straight from the message.
"""

from __future__ import annotations

from ..errors import Problem
from ..model import Quote
from .match import Ambiguous, ContextMismatch, NotFound
from .text import RenderedText

NOT_FOUND_HINT = (
    "quote the article word for word; only the style of quote marks, dashes and spaces, "
    "runs of spaces, line breaks and spaces beside quote marks are ignored"
)
CASE_HINT = "letter case matters: write the capitals as the article does"
ACROSS_HINT = "the headline, the deck and the text are quoted separately: end the quote where its part ends"
SHOWN = 100
"""Longest quote or passage shown in a message, in characters."""
LINES_SHOWN = 10
"""Most occurrence lines listed in a message."""
CONTEXT_WORDS = 4
"""Words shown on each side of an occurrence."""


def not_found(quote: Quote, path: str, text: RenderedText, result: NotFound) -> Problem:
    details = [f'quote:   "{shorten(quote.text)}"']
    if result.closest:
        line = text.line_of(result.closest_start)
        how = (
            "differs only in letter case"
            if result.case_only
            else "runs past the end of the headline or deck"
            if result.across
            else f"{result.similarity}% similar"
        )
        details.append(f'closest: "{shorten(result.closest)}" (line {line}, {how})')
    hint = CASE_HINT if result.case_only else ACROSS_HINT if result.across else NOT_FOUND_HINT
    return Problem(quote.loc, f"{quote.label}.quote not found in {path}", hint, tuple(details))


def several(quote: Quote, path: str, text: RenderedText, result: Ambiguous | ContextMismatch) -> Problem:
    """The quote occurs more than once, or its prefix/suffix fits no occurrence."""
    lines = line_list(text, result.starts)
    details = occurrences(text, result.starts, result.ends)
    if isinstance(result, Ambiguous) and not result.narrowed_by:
        return Problem(
            quote.loc,
            f"{quote.label}.quote occurs {len(result.starts)} times in {path} ({lines})",
            "add `prefix:` or `suffix:` with a few neighbouring words to pick one",
            details,
        )
    if isinstance(result, Ambiguous):
        return Problem(
            quote.loc,
            f"{quote.label}.quote still occurs {len(result.starts)} times in {path} "
            f"with this {result.narrowed_by} ({lines})",
            "use more neighbouring words in `prefix:` or `suffix:`",
            details,
        )
    where = {"prefix": "before", "suffix": "after"}.get(result.which, "around")
    verb = "do" if " and " in result.which else "does"
    return Problem(
        quote.loc,
        f"{quote.label}.{result.which.replace(' and ', '/')} {verb} not match the text "
        f"{where} any occurrence of the quote in {path} ({lines})",
        "copy the words just before (`prefix:`) or just after (`suffix:`) one occurrence shown above",
        details,
    )


def occurrences(text: RenderedText, starts: tuple[int, ...], ends: tuple[int, ...]) -> tuple[str, ...]:
    """`line 14, column 26: …in May. Work on [the bridge] starts soon.` for each occurrence.

    The occurrence is in brackets between a few words on each side, whitespace
    shown as single spaces; at most LINES_SHOWN are listed.
    """
    places = [text.position(start) for start in starts[:LINES_SHOWN]]
    labels = [f"line {line}, column {col}:" for line, col in places]
    width = max(map(len, labels), default=0)
    out = []
    for label, start, end in zip(labels, starts, ends, strict=False):
        low = max([0, *(b + 1 for b in text.barriers if b < start)])
        high = min([len(text.text), *(b for b in text.barriers if b >= end)])
        before = text.text[max(low, start - SHOWN) : start].split()
        after = text.text[end : min(high, end + SHOWN)].split()
        head = " ".join(before[-CONTEXT_WORDS:])
        tail = " ".join(after[:CONTEXT_WORDS])
        cut_head = "…" if len(before) > CONTEXT_WORDS or start - SHOWN > low else ""
        cut_tail = "…" if len(after) > CONTEXT_WORDS or end + SHOWN < high else ""
        space_before = " " if head and text.text[start - 1].isspace() else ""
        space_after = " " if tail and text.text[end].isspace() else ""
        passage = shorten(text.text[start:end])
        shown = f"{cut_head}{head}{space_before}[{passage}]{space_after}{tail}{cut_tail}"
        out.append(f"{label.ljust(width)} {shown}")
    if len(starts) > LINES_SHOWN:
        out.append(f"and {len(starts) - LINES_SHOWN} more")
    return tuple(out)


def line_list(text: RenderedText, starts: tuple[int, ...]) -> str:
    """`line 3` or `lines 3, 12, 40`: each distinct line once, at most LINES_SHOWN."""
    lines = list(dict.fromkeys(text.line_of(s) for s in starts))
    shown = ", ".join(str(n) for n in lines[:LINES_SHOWN])
    more = f" and {len(lines) - LINES_SHOWN} more" if len(lines) > LINES_SHOWN else ""
    return f"line {shown}" if len(lines) == 1 else f"lines {shown}{more}"


def shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHOWN else flat[: SHOWN - 1] + "…"
