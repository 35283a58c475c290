"""Stage 3: place every note and claim statement on the text it quotes."""

from .stage import AnchoredArticle, AnchoredDigest, Highlight, anchor

__all__ = ["AnchoredArticle", "AnchoredDigest", "Highlight", "anchor"]
