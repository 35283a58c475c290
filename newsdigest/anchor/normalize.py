"""Text normalization for quote matching, with a map back to the original.

Both the article's rendered text and the quote go through `normalize`, so an
editor's copy from a browser matches whatever quote marks, dashes and spaces
the article uses. The rules, in order (documented on the reference page):

1. Unicode NFC (applied to the article text before rendering, and to quotes).
2. Soft hyphens and zero-width characters are ignored.
3. Every run of whitespace, of any kind, counts as one space.
4. Curly and straight quotes match: ‘ ’ ‚ ‛ as ', and “ ” „ ‟ as ".
5. Hyphen, non-breaking hyphen, figure/en/em dash, horizontal bar and minus match.
6. The ellipsis character matches three dots.

Letter case is kept. Only edits that change length are recorded, so common
text (single spaces, no ellipses) maps back with one bisect per lookup.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

IGNORED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
SINGLE_QUOTES = "\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Every character for which str.isspace() is true (Unicode 15).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)

_TABLE = str.maketrans(
    {**dict.fromkeys(SPACES, " "), **dict.fromkeys(SINGLE_QUOTES, "'"),
     **dict.fromkeys(DOUBLE_QUOTES, '"'), **dict.fromkeys(DASHES, "-")}
)
_IGN = re.escape(IGNORED)
_EDITS = re.compile(f"[ {_IGN}]*[{_IGN}][ {_IGN}]*| {{2,}}|\u2026")


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus the length-changing edits made to get it."""

    text: str
    norm_starts: tuple[int, ...]
    """Where each edit's output starts in `text`."""
    norm_ends: tuple[int, ...]
    orig_starts: tuple[int, ...]
    orig_ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of `text` back to a span of the original text."""
        return self._map(start, is_end=False), self._map(end, is_end=True)

    def _map(self, pos: int, is_end: bool) -> int:
        k = bisect.bisect_right(self.norm_starts, pos - 1 if is_end else pos) - 1
        if k < 0:
            return pos
        if pos < self.norm_ends[k] or (is_end and pos == self.norm_ends[k]):
            # inside an edit's output: snap outwards to the whole edited run
            return self.orig_ends[k] if is_end else self.orig_starts[k]
        return self.orig_ends[k] + (pos - self.norm_ends[k])


def nfc(text: str) -> str:
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def normalize(text: str) -> Normalized:
    """Normalize NFC text (rules 2-6), recording length-changing edits."""
    translated = text.translate(_TABLE)
    parts: list[str] = []
    norm_starts: list[int] = []
    norm_ends: list[int] = []
    orig_starts: list[int] = []
    orig_ends: list[int] = []
    last = 0
    out_len = 0
    for match in _EDITS.finditer(translated):
        run = match.group()
        repl = "..." if run == "\u2026" else (" " if " " in run else "")
        parts.append(translated[last:match.start()])
        out_len += match.start() - last
        norm_starts.append(out_len)
        orig_starts.append(match.start())
        parts.append(repl)
        out_len += len(repl)
        norm_ends.append(out_len)
        orig_ends.append(match.end())
        last = match.end()
    parts.append(translated[last:])
    return Normalized("".join(parts), tuple(norm_starts), tuple(norm_ends),
                      tuple(orig_starts), tuple(orig_ends))


def normalize_quote(text: str) -> str:
    """A quote as it is searched for: normalized, without outer spaces."""
    return normalize(nfc(text)).text.strip(" ")
