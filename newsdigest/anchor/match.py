"""Find one quote in an article's normalized text, or say why not.

Exact matching only: a near match is reported as a hint, never used. These
functions return results; the caller, which knows the file and line, turns
them into messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .normalize import Normalized, normalize_quote


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


@dataclass(frozen=True, slots=True)
class Ambiguous:
    starts: tuple[int, ...]
    """Rendered-text offsets of every occurrence left after prefix/suffix."""
    narrowed: bool
    """True when prefix/suffix were given but still left several."""


@dataclass(frozen=True, slots=True)
class ContextMismatch:
    which: str
    """'prefix', 'suffix' or 'prefix and suffix'."""
    starts: tuple[int, ...]
    """Every occurrence of the quote itself."""


Result = Found | NotFound | Ambiguous | ContextMismatch


def occurrences(haystack: str, needle: str) -> list[int]:
    found = []
    pos = haystack.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = haystack.find(needle, pos + 1)
    return found


def _preceded_by(text: str, pos: int, prefix: str) -> bool:
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return text.endswith(prefix, 0, end)


def _followed_by(text: str, pos: int, suffix: str) -> bool:
    start = pos
    while start < len(text) and text[start] == " ":
        start += 1
    return text.startswith(suffix, start)


def find_quote(norm: Normalized, rendered: str, quote: str,
               prefix: str | None = None, suffix: str | None = None) -> Result:
    """Locate `quote` in the article whose rendered text is `rendered`."""
    needle = normalize_quote(quote)
    hits = occurrences(norm.text, needle) if needle else []
    if not hits:
        return closest_passage(norm, rendered, needle)
    chosen = hits
    want_prefix = normalize_quote(prefix) if prefix else ""
    want_suffix = normalize_quote(suffix) if suffix else ""
    if want_prefix:
        chosen = [h for h in chosen if _preceded_by(norm.text, h, want_prefix)]
    if want_suffix:
        chosen = [h for h in chosen if _followed_by(norm.text, h + len(needle), want_suffix)]

    def starts(spans: list[int]) -> tuple[int, ...]:
        return tuple(norm.to_original(h, h + len(needle))[0] for h in spans)

    if not chosen:
        which = " and ".join(w for w, v in (("prefix", want_prefix), ("suffix", want_suffix)) if v)
        return ContextMismatch(which, starts(hits))
    if len(chosen) > 1:
        return Ambiguous(starts(chosen), bool(want_prefix or want_suffix))
    return Found(*norm.to_original(chosen[0], chosen[0] + len(needle)))


def closest_passage(norm: Normalized, rendered: str, needle: str) -> NotFound:
    """The passage most like `needle`, for a hint; never used as an anchor."""
    if not needle or not norm.text:
        return NotFound("", 0, 0)
    if len(needle) >= len(norm.text):
        return NotFound(rendered, 0, int(fuzz.ratio(needle, norm.text)))
    best = fuzz.partial_ratio_alignment(needle, norm.text)
    if best is None or best.score <= 0:
        return NotFound("", 0, 0)
    start, end = norm.to_original(best.dest_start, best.dest_end)
    return NotFound(rendered[start:end], start, int(best.score))
