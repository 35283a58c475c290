"""Text normalization for quote matching, with a map back to the original.

Both the article's rendered text and the quote go through `normalize`, so an
editor's copy from a browser matches whatever quote marks, dashes and spaces
the article uses. The rules, in order (documented on the reference page):

1. Soft hyphens and zero-width characters are ignored (first, so that one
   between a letter and its accent does not keep them apart).
2. Unicode NFC.
3. Every run of whitespace, of any kind, counts as one space.
4. Curly, straight and angle quotes match: ‘ ’ ‚ ‛ ‹ › as ', and “ ” „ ‟ « » as ".
5. Hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar and minus match.
6. The ellipsis character matches three dots.
7. A space next to a quote mark is dropped: French typography puts a
   no-break or narrow no-break space inside guillemets, or none, and a copy
   may have either.

Letter case is kept. Only edits that change the text's length (or, for NFC,
its characters) are recorded, so common text maps back with one bisect.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .. import shortcuts

IGNORED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2039\u203a"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Every character for which str.isspace() is true (Unicode 15).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_ONE_FOR_ONE = {
    **dict.fromkeys(SPACES.replace(" ", ""), " "),
    **dict.fromkeys(SINGLE_QUOTES, "'"),
    **dict.fromkeys(DOUBLE_QUOTES, '"'),
    **dict.fromkeys(DASHES, "-"),
}
_ONE_FOR_ONE_CHARS = re.compile(f"[{re.escape(''.join(_ONE_FOR_ONE))}]")
_ASCII_ONE_FOR_ONE = str.maketrans({k: v for k, v in _ONE_FOR_ONE.items() if k.isascii()})
_IGNORED_RUNS = re.compile(f"[{re.escape(IGNORED)}]+")
_FOLDS = re.compile("(?<=[\"']) +| +(?=[\"'])| {2,}|\u2026")
"""Rules 3, 6 and 7 after the one-for-one replacements: spaces next to a quote mark, runs, ellipsis."""
_SPACED_QUOTES = ('" ', ' "', "' ", " '")
_RUNS = re.compile(" {2,}|\u2026")
# NFC never joins or reorders across the start of an ASCII character.
_NFC_CHUNKS = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


@dataclass(frozen=True, slots=True)
class Edits:
    """Where one normalization step replaced runs of its input."""

    out_starts: tuple[int, ...]
    """Where each edit's output starts in the step's output."""
    out_ends: tuple[int, ...]
    in_starts: tuple[int, ...]
    in_ends: tuple[int, ...]

    def to_input(self, pos: int, is_end: bool) -> int:
        """A boundary of the output as a boundary of the input.

        A boundary next to an edit stays outside it; one strictly inside an
        edit's output (see `splits`) snaps outwards to the whole run.
        """
        if not self.out_starts:
            return pos
        k = bisect.bisect_right(self.out_starts, pos - 1 if is_end else pos) - 1
        if k < 0:
            return pos
        if pos < self.out_ends[k] or (is_end and pos == self.out_ends[k]):
            return self.in_ends[k] if is_end else self.in_starts[k]
        return self.in_ends[k] + (pos - self.out_ends[k])

    def splits(self, pos: int) -> bool:
        """True when `pos` falls strictly inside one edit's output (inside "…" -> "...")."""
        k = bisect.bisect_right(self.out_starts, pos) - 1
        return k >= 0 and self.out_starts[k] < pos < self.out_ends[k]


def _apply(text: str, replacements: Iterable[tuple[int, int, str]]) -> tuple[str, Edits]:
    """`text` with each (start, end, replacement) made, left to right, and the Edits to map back."""
    parts: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    in_starts: list[int] = []
    in_ends: list[int] = []
    done = out_len = 0
    for start, end, replacement in replacements:
        parts += (text[done:start], replacement)
        out_len += start - done
        out_starts.append(out_len)
        out_len += len(replacement)
        out_ends.append(out_len)
        in_starts.append(start)
        in_ends.append(end)
        done = end
    parts.append(text[done:])
    return "".join(parts), Edits(tuple(out_starts), tuple(out_ends), tuple(in_starts), tuple(in_ends))


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus the edits of each step that produced it."""

    text: str
    steps: tuple[Edits, ...]
    """Last step first: the order in which a position is mapped back."""

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` back to a span of the original text."""
        for step in self.steps:
            start, end = step.to_input(start, False), step.to_input(end, True)
        return start, end

    def is_boundary(self, pos: int, is_end: bool) -> bool:
        """False when `pos` cuts through a character the original writes as one ("…")."""
        for step in self.steps:
            if step.splits(pos):
                return False
            pos = step.to_input(pos, is_end)
        return True


_NO_EDITS = Edits((), (), (), ())
# Below, `char in text` rules out a step before a regex scans for it: str.find is
# many times faster than a regex character class, and most texts need no edit
# (tests/test_shortcuts_data.py compares with the regex-only steps).


def _drop_ignored(text: str) -> tuple[str, Edits]:
    if text.isascii() or not any(char in text for char in IGNORED):
        return text, _NO_EDITS
    return _apply(text, ((m.start(), m.end(), "") for m in _IGNORED_RUNS.finditer(text)))


def _nfc(text: str) -> tuple[str, Edits]:
    if unicodedata.is_normalized("NFC", text):
        return text, _NO_EDITS
    return _apply(
        text,
        (
            edit
            for chunk in _NFC_CHUNKS.finditer(text)
            if (edit := _nfc_edit(chunk.group(), chunk.start())) is not None
        ),
    )


def _nfc_edit(old: str, at: int) -> tuple[int, int, str] | None:
    """The smallest replacement that composes `old` (found at offset `at`), if any."""
    if unicodedata.is_normalized("NFC", old):
        return None
    new = unicodedata.normalize("NFC", old)
    head = _common_prefix_length(old, new)
    tail = _common_prefix_length(old[head:][::-1], new[head:][::-1])
    return at + head, at + len(old) - tail, new[head : len(new) - tail]


def _common_prefix_length(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _fold(text: str) -> tuple[str, Edits]:
    if text.isascii():  # str.translate is quick on ASCII only
        translated = text.translate(_ASCII_ONE_FOR_ONE)
    else:
        translated = text
        for char, replacement in _ONE_FOR_ONE.items():  # no replacement is itself replaced
            if char in translated:
                translated = translated.replace(char, replacement)
    spaced_quote = any(pair in translated for pair in _SPACED_QUOTES)
    if "  " not in translated and "\u2026" not in translated and not spaced_quote:
        return translated, _NO_EDITS
    return _apply(translated, _fold_edits(translated, spaced_quote))


def _fold_edits(text: str, spaced_quote: bool) -> list[tuple[int, int, str]]:
    """The edits `_FOLDS` and `fold_replacement` make, found faster.

    Spaces are common and quote marks beside spaces rare: rather than try the
    quote rules at every space, runs and ellipses are found by a literal-led
    pattern and each quote mark beside a space by str.find. Each run is
    maximal either way, so both find the same edits
    (tests/test_shortcuts_data.py compares them).
    """
    edits = {m.start(): (m.end(), "..." if m.group() == "\u2026" else " ") for m in _RUNS.finditer(text)}
    for pair in _SPACED_QUOTES if spaced_quote else ():
        found = text.find(pair)
        while found >= 0:
            if pair[0] == " ":  # spaces before a quote mark at found + 1
                start = found
                while start > 0 and text[start - 1] == " ":
                    start -= 1
                edits[start] = (found + 1, "")
            else:  # spaces after a quote mark at found
                end = found + 1
                while end < len(text) and text[end] == " ":
                    end += 1
                edits[found + 1] = (end, "")
            found = text.find(pair, found + 1)
    return [(start, end, replacement) for start, (end, replacement) in sorted(edits.items())]


def fold_replacement(found: re.Match[str]) -> str:
    """What a match of `_FOLDS` becomes: nothing next to a quote mark, else one space or three dots."""
    if found.group() == "\u2026":
        return "..."
    text, start, end = found.string, found.start(), found.end()
    beside_quote = (start > 0 and text[start - 1] in "\"'") or (end < len(text) and text[end] in "\"'")
    return "" if beside_quote else " "


def normalize(text: str) -> Normalized:
    """Apply rules 1-7, recording the edits needed to map positions back."""
    if not shortcuts.take("normalize-steps"):
        return normalize_by_regex(text)
    visible, ignored_edits = _drop_ignored(text)
    composed, nfc_edits = _nfc(visible)
    folded, fold_edits = _fold(composed)
    return Normalized(folded, (fold_edits, nfc_edits, ignored_edits))


def normalize_by_regex(text: str) -> Normalized:
    """normalize() as first written, every step by regex (what the shortcuts above must equal)."""
    visible, ignored = _apply(text, ((m.start(), m.end(), "") for m in _IGNORED_RUNS.finditer(text)))
    chunks = _NFC_CHUNKS.finditer(visible)
    composed, nfc = _apply(visible, (e for c in chunks if (e := _nfc_edit(c.group(), c.start()))))
    translated = _ONE_FOR_ONE_CHARS.sub(lambda m: _ONE_FOR_ONE[m.group()], composed)
    folds = ((m.start(), m.end(), fold_replacement(m)) for m in _FOLDS.finditer(translated))
    folded, fold = _apply(translated, folds)
    return Normalized(folded, (fold, nfc, ignored))


def normalize_quote(text: str) -> str:
    """A quote as it is searched for: normalized, without outer spaces."""
    return normalize(text).text.strip(" ")
