"""The one Markdown dialect of the digest: CommonMark, raw HTML off.

Article bodies and note bodies are rendered here, not by MkDocs, so the text
a quote is matched against is exactly the text the reader is shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common import normalize_url
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from . import shortcuts

NORMALIZED = re.compile(r"(?:https?://[a-z0-9.-]+)?[A-Za-z0-9._~/-]*")
"""Addresses markdown-it's normalizeLink returns unchanged (tests/test_shortcuts_markdown.py checks it)."""


class _Dialect(MarkdownIt):
    """markdown-it with a faster normalizeLink (called for every link, twice; docs/scale.md)."""

    def normalizeLink(self, url: str) -> str:
        if NORMALIZED.fullmatch(url) and shortcuts.take("normalize-link"):
            return url
        return normalize_link(url)


@lru_cache(maxsize=4096)
def normalize_link(url: str) -> str:
    return normalize_url.normalizeLink(url)


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """CommonMark without raw HTML; escapes and entities stay separate tokens."""
    md = _Dialect("commonmark", {"html": False})
    md.disable("text_join")  # keep `text_special` tokens so source columns can be mapped
    md.core.ruler.at("normalize", _normalize)
    md.core.ruler.push("drop_link_titles", drop_link_titles)
    md.add_render_rule("text_special", _render_text_special)
    return md


def _normalize(state: StateCore) -> None:
    """markdown-it's first step (line ends to \\n, NUL to U+FFFD) without its two regex passes."""
    src = state.src
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    state.src = src.replace("\0", "\ufffd")


def drop_link_titles(state: StateCore) -> None:
    """No `title` on links and images: Material shows a title as HTML in its tooltip.

    `[x](https://example.org "<img src=x onerror=...>")` would otherwise run
    script when a reader points at the link; the title is dropped, the link kept.
    """
    for token in state.tokens:
        for child in token.children or ():
            if child.type in ("link_open", "image") and "title" in child.attrs:
                del child.attrs["title"]


def _render_text_special(self: object, tokens: list[Token], idx: int, options: object, env: object) -> str:
    return escapeHtml(tokens[idx].content)


def parse(source: str) -> list[Token]:
    return parser().parse(source)


@lru_cache(maxsize=65536)
def render_markdown(source: str) -> str:
    """HTML for a note body, conclusion or profile.

    Cached: a note body is rendered for its article page and again for the
    Web Annotation export, and again on every rebuild under `mkdocs serve`.
    """
    simple = simple_html(source)
    if simple is not None and shortcuts.take("note-renderer"):
        return simple
    return str(parser().render(source))


# The shape of most note bodies, rendered without markdown-it (docs/scale.md): paragraphs
# of text with **strong**, *emphasis* and [links](address), each set off by spaces or
# plain punctuation so that CommonMark's delimiter rules have a single reading.
# tests/test_shortcuts_markdown.py checks that the HTML is markdown-it's.
_PLAIN = r"[^\\`*_\[\]<&!\x00-\x1f\x7f]"
_INNER = r"[^\W_](?:[^*_\[\]\\`<&!\x00-\x1f\x7f]*[^\W_])?"
_EDGE = r"[^\s\[\]*_\\`<&!\x00-\x1f\x7f]"
_LABEL = rf"{_EDGE}(?:[^\[\]*_\\`<&!\x00-\x1f\x7f]*{_EDGE})?"
_BEFORE, _AFTER = r"(?<![^ (\"'])", r"(?=[ .,;:!?)\"']|$)"
_PIECE = re.compile(
    rf"(?P<text>{_PLAIN}+|&(?![^\s;]*;)|!(?!\[))"
    rf"|{_BEFORE}\*\*(?P<strong>{_INNER})\*\*{_AFTER}"
    rf"|{_BEFORE}\*(?P<em>{_INNER})\*{_AFTER}"
    rf"|\[(?P<label>{_LABEL})\]\((?P<href>{NORMALIZED.pattern})\)"
)
_LINE_START = re.compile(r"[^\W\d_]|[0-9](?![0-9]*[.)])|[\"'(\[]|\*\*?[^\W_]")
"""Starts no block (list, heading, quote, code, break, underline) and ends none."""


def simple_html(source: str) -> str | None:
    """markdown-it's HTML for `source` if it has the simple shape above, else None."""
    text = source[:-1] if source.endswith("\n") else source
    if not text:
        return None
    html: list[str] = []
    for paragraph in text.split("\n\n"):
        if paragraph != paragraph.strip():
            return None
        lines = []
        for line in paragraph.split("\n"):
            inline = _inline_html(line) if _LINE_START.match(line) and line[-1] != " " else None
            if inline is None:
                return None
            lines.append(inline)
        html += ("<p>", "\n".join(lines), "</p>\n")
    return "".join(html)


def _inline_html(line: str) -> str | None:
    out = []
    pos = 0
    while pos < len(line):
        piece = _PIECE.match(line, pos)
        if piece is None:
            return None
        if (text := piece["text"]) is not None:
            out.append(escapeHtml(text))
        elif (strong := piece["strong"]) is not None:
            out.append(f"<strong>{escapeHtml(strong)}</strong>")
        elif (em := piece["em"]) is not None:
            out.append(f"<em>{escapeHtml(em)}</em>")
        else:
            out.append(f'<a href="{piece["href"]}">{escapeHtml(piece["label"])}</a>')
        pos = piece.end()
    return "".join(out)
