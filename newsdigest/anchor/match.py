"""Find one quote in an article's normalized text, or say why not.

Exact matching only: a near match is reported as a hint, never used. These
functions return results; the caller, which knows the file and line, turns
them into messages.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from .normalize import IGNORED, Normalized, normalize_quote

ZWJ = "\u200d"
MIN_SIMILARITY = 60
"""Below this the closest passage is noise, and no hint is shown."""
WIDEN = 20


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    """Span in the article's rendered text."""


@dataclass(frozen=True, slots=True)
class NotFound:
    closest: str
    """The most similar passage, in rendered text ("" if nothing is close)."""
    closest_start: int
    similarity: int
    """0-100."""
    case_only: bool = False
    """The quote occurs in the article with other letter case (then `closest` is that passage)."""
    across: bool = False
    """The quote occurs only across the end of the headline or deck (then `closest` is that passage)."""


@dataclass(frozen=True, slots=True)
class Ambiguous:
    starts: tuple[int, ...]
    """Rendered-text offsets of every occurrence left after prefix/suffix."""
    narrowed_by: str
    """'prefix', 'suffix' or 'prefix and suffix' when they were given but left several; else ''."""
    ends: tuple[int, ...] = ()
    """Where each of those occurrences ends."""


@dataclass(frozen=True, slots=True)
class ContextMismatch:
    which: str
    """'prefix', 'suffix' or 'prefix and suffix'."""
    starts: tuple[int, ...]
    """Every occurrence of the quote itself."""
    ends: tuple[int, ...] = ()


Result = Found | NotFound | Ambiguous | ContextMismatch


def occurrences(haystack: str, needle: str) -> list[int]:
    found = []
    pos = haystack.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def splits_character(text: str, pos: int) -> bool:
    """True when a highlight edge at `pos` would cut a character in two.

    Covers a base letter and its combining marks, emoji skin-tone modifiers
    and zero-width-joiner sequences; the reader sees each as one character.
    """
    if not 0 < pos < len(text) or text[pos - 1].isspace():
        return False
    return _extends(text[pos]) or text[pos - 1] == ZWJ


def _extends(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or char == ZWJ or "\U0001f3fb" <= char <= "\U0001f3ff"


def _preceded_by(text: str, pos: int, prefix: str) -> bool:
    end = pos - 1 if pos > 0 and text[pos - 1] == " " else pos
    return text.endswith(prefix, 0, end)


def _followed_by(text: str, pos: int, suffix: str) -> bool:
    start = pos + 1 if pos < len(text) and text[pos] == " " else pos
    return text.startswith(suffix, start)


def find_quote(
    norm: Normalized,
    rendered: str,
    quote: str,
    prefix: str | None = None,
    suffix: str | None = None,
    barriers: tuple[int, ...] = (),
) -> Result:
    """Locate `quote` in the article whose rendered text is `rendered` (normalized as `norm`).

    No occurrence may contain a rendered offset listed in `barriers`.
    """
    needle = normalize_quote(quote)
    spans: dict[int, tuple[int, int]] = {}
    crossing: tuple[int, int] | None = None
    for hit in occurrences(norm.text, needle) if needle else []:
        end = hit + len(needle)
        if norm.is_boundary(hit, False) and norm.is_boundary(end, True):
            start_end = norm.to_original(hit, end)
            if any(splits_character(rendered, edge) for edge in start_end):
                continue
            if any(start_end[0] <= b < start_end[1] for b in barriers):
                crossing = crossing or start_end
            else:
                spans[hit] = start_end
    if not spans and crossing is not None:
        return NotFound(rendered[crossing[0] : crossing[1]], crossing[0], 99, across=True)
    if not spans:
        return closest_passage(norm, rendered, needle, barriers)
    want_prefix = normalize_quote(prefix) if prefix else ""
    want_suffix = normalize_quote(suffix) if suffix else ""
    chosen = [
        hit
        for hit in spans
        if (not want_prefix or _preceded_by(norm.text, hit, want_prefix))
        and (not want_suffix or _followed_by(norm.text, hit + len(needle), want_suffix))
    ]
    context = " and ".join(w for w, v in (("prefix", want_prefix), ("suffix", want_suffix)) if v)
    if not chosen:
        every = spans.values()
        return ContextMismatch(context, tuple(s for s, _ in every), tuple(e for _, e in every))
    if len(chosen) > 1:
        picked = [spans[hit] for hit in chosen]
        return Ambiguous(tuple(s for s, _ in picked), context, tuple(e for _, e in picked))
    return Found(*spans[chosen[0]])


def closest_passage(norm: Normalized, rendered: str, needle: str, barriers: tuple[int, ...] = ()) -> NotFound:
    """The passage most like `needle`, for a hint; never used as an anchor.

    The passage is widened to whole words (at most `WIDEN` characters each
    way) and its similarity is measured as shown, so the figure is honest.
    """
    nothing = NotFound("", 0, 0)
    if not needle or not norm.text.strip(" "):
        return nothing
    other_case = _other_case(norm, rendered, needle, barriers)
    if other_case is not None:
        start, end = other_case
        return NotFound(rendered[start:end], start, 99, case_only=True)
    if len(needle) >= len(norm.text):
        start, end = 0, len(rendered)
    else:
        best = fuzz.partial_ratio_alignment(needle, norm.text)
        if best is None:
            return nothing
        start, end = norm.to_original(best.dest_start, best.dest_end)
    start, end = _whole_words(rendered, start, end)
    passage = rendered[start:end]
    similarity = min(99, round(fuzz.ratio(needle, normalize_quote(passage))))
    return NotFound(passage, start, similarity) if similarity >= MIN_SIMILARITY else nothing


def _other_case(
    norm: Normalized, rendered: str, needle: str, barriers: tuple[int, ...]
) -> tuple[int, int] | None:
    """The rendered span of the first place where `needle` occurs if letter case is ignored."""
    lowered = norm.text.lower()
    wanted = needle.lower()
    if len(lowered) != len(norm.text) or len(wanted) != len(needle):
        return None  # a letter whose lower case is longer (İ): offsets would drift
    hit = lowered.find(wanted)
    while hit >= 0:
        end = hit + len(wanted)
        if norm.is_boundary(hit, False) and norm.is_boundary(end, True):
            start_end = norm.to_original(hit, end)
            crosses = any(start_end[0] <= b < start_end[1] for b in barriers)
            if not crosses and not any(splits_character(rendered, edge) for edge in start_end):
                return start_end
        hit = lowered.find(wanted, hit + 1)
    return None


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    def inside_word(pos: int) -> bool:
        return 0 < pos < len(text) and (
            (_is_wordish(text[pos - 1]) and _is_wordish(text[pos])) or splits_character(text, pos)
        )

    low, high = max(0, start - WIDEN), min(len(text), end + WIDEN)
    while start > low and inside_word(start):
        start -= 1
    while end < high and inside_word(end):
        end += 1
    while start < end and (text[start].isspace() or text[start] in IGNORED):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in IGNORED):
        end -= 1
    return start, end


def _is_wordish(char: str) -> bool:
    return char.isalnum() or _extends(char)
