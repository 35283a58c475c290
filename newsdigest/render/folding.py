"""Accent-free copies of a page's words, so search finds "rétropédaler" when "retropedaler" is typed.

Neither search back end folds accents: Material's index (lunr) and Pagefind
both match "é" only to "é". A generated page therefore ends with a hidden
paragraph holding each of its accented words once, written without accents;
both back ends index it, a reader never sees it (`hidden` also keeps it from
screen readers), and a query typed with accents still matches the original.
"""

from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def fold(word: str) -> str:
    """`word` without combining marks (é -> e, ç -> c); letters that are not composed stay (ø, ß)."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def folded_words(body_html: str) -> list[str]:
    """The accent-free form of every word of the HTML's text that has accents, each once, sorted."""
    text = html.unescape(_TAG.sub(" ", body_html))
    found = set()
    for word in _WORD.findall(text):
        if not word.isascii():
            plain = fold(word)
            if plain != word:
                found.add(plain)
    return sorted(found)


def folded_copy(body_html: str) -> str:
    """The hidden paragraph of folded words ("" when the page has no accented word)."""
    words = folded_words(body_html)
    return f'<p class="dn-folded" hidden>{html.escape(" ".join(words))}</p>' if words else ""
