"""The one Markdown dialect of the digest: CommonMark, raw HTML off.

Article bodies and note bodies are rendered here, not by MkDocs, so the text
a quote is matched against is exactly the text the reader is shown.
"""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """CommonMark without raw HTML; escapes and entities stay separate tokens."""
    md = MarkdownIt("commonmark", {"html": False})
    md.disable("text_join")  # keep `text_special` tokens so source columns can be mapped
    md.add_render_rule("text_special", _render_text_special)
    return md


def _render_text_special(self: object, tokens: list[Token], idx: int, options: object, env: object) -> str:
    from markdown_it.common.utils import escapeHtml

    return escapeHtml(tokens[idx].content)


def parse(source: str) -> list[Token]:
    return parser().parse(source)


@lru_cache(maxsize=65536)
def render_markdown(source: str) -> str:
    """HTML for a note body, conclusion or profile.

    Cached: a note body is rendered for its article page and again for the
    Web Annotation export, and again on every rebuild under `mkdocs serve`.
    """
    return str(parser().render(source))


def render_inline(source: str) -> str:
    """HTML for one line of inline Markdown, without a wrapping paragraph."""
    return str(parser().renderInline(source))
