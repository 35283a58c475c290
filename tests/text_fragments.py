"""Text-fragment links (`#:~:text=`) as the reader's browser gets them.

digest.js builds the "Passage in the original" links in the page; this is the
reference it is checked against (tests/test_browser.py, test_render_metadata.py).
"""

from __future__ import annotations

TEXT_FRAGMENT_SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$'()*+./:;=?@_~"
)
"""Characters a text directive may carry as they are; `-`, `&` and `,` are syntax there."""
WORDS_IN_FULL = 10
"""Quotes up to this many words are matched whole; longer ones by their first and last words."""
EDGE_WORDS = 5


def encode_text_directive_part(text: str) -> str:
    """Percent-encode one part of a `:~:text=` directive (UTF-8, per the Text Fragments spec)."""
    return "".join(
        ch if ch in TEXT_FRAGMENT_SAFE else "".join(f"%{b:02X}" for b in ch.encode("utf-8")) for ch in text
    )


def text_fragment_url(url: str, quote: str) -> str:
    """`url` scrolled to `quote` with a text fragment; long quotes use `textStart,textEnd`."""
    words = quote.split()
    if len(words) <= WORDS_IN_FULL:
        directive = encode_text_directive_part(" ".join(words))
    else:
        start = " ".join(words[:EDGE_WORDS])
        end = " ".join(words[-EDGE_WORDS:])
        directive = f"{encode_text_directive_part(start)},{encode_text_directive_part(end)}"
    base = url.split("#", 1)[0]
    return f"{base}#:~:text={directive}"
