"""Stage 3: place every note and claim statement on the text it quotes."""

from .stage import AnchoredArticle, AnchoredDigest, Highlight, anchor, done_with_text
from .text import BREAKS, RenderedText

__all__ = [
    "BREAKS",
    "AnchoredArticle",
    "AnchoredDigest",
    "Highlight",
    "RenderedText",
    "anchor",
    "done_with_text",
]
