"""Render an article's tokens to HTML with its highlights as <mark> pieces.

A highlight that crosses element boundaries (a link, emphasis, a paragraph
break) becomes one piece per text leaf, so every piece sits inside a single
element and the markup is never broken. Overlapping highlights nest.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from markdown_it.token import Token

from .. import markdown
from ..anchor import Highlight
from ..anchor.text import RenderedText

MarkAttrs = Callable[[Highlight, bool], str]
"""Attributes for a highlight's piece, given whether it is the first piece."""


def default_attrs(h: Highlight, first: bool) -> str:
    ident = f' id="{h.dom_id}"' if first else ""
    return f'{ident} class="dn-hl dn-{h.kind}" data-target="{h.dom_id}"'


def pieces_by_leaf(text: RenderedText, highlights: Sequence[Highlight]) -> dict[int, list[tuple[int, int, int]]]:
    """For each leaf (by id of its token): (local start, local end, highlight index)."""
    out: dict[int, list[tuple[int, int, int]]] = {}
    for index, h in enumerate(highlights):
        k = max(bisect.bisect_right(text.starts, h.start) - 1, 0)
        while k < len(text.leaves) and text.leaves[k].start < h.end:
            leaf = text.leaves[k]
            lo, hi = max(h.start, leaf.start), min(h.end, leaf.end)
            if lo < hi and leaf.token.type not in ("softbreak", "hardbreak"):
                out.setdefault(id(leaf.token), []).append((lo - leaf.start, hi - leaf.start, index))
            k += 1
    return out


def marked(content: str, pieces: list[tuple[int, int, int]], highlights: Sequence[Highlight],
           attrs: MarkAttrs, started: set[int]) -> str:
    """`content` escaped, with nested <mark> elements for each piece."""
    cuts = sorted({0, len(content), *(p[0] for p in pieces), *(p[1] for p in pieces)})
    html = []
    for lo, hi in zip(cuts, cuts[1:]):
        active = sorted((i for s, e, i in pieces if s <= lo and hi <= e),
                        key=lambda i: (highlights[i].start, -highlights[i].end, i))
        opened = []
        for i in active:
            opened.append(f"<mark{attrs(highlights[i], i not in started)}>")
            started.add(i)
        html.append("".join(opened) + escape(content[lo:hi], quote=False) + "</mark>" * len(active))
    return "".join(html)


def render_article(text: RenderedText, highlights: Sequence[Highlight],
                   attrs: MarkAttrs = default_attrs) -> str:
    """The article body as HTML, highlights included."""
    env: dict[str, Any] = {
        "pieces": pieces_by_leaf(text, highlights), "highlights": highlights,
        "attrs": attrs, "started": set(),
    }
    md = markdown.parser()
    rules = dict(md.renderer.rules)
    for name in ("text", "text_special"):
        rules[name] = _leaf
    rules["code_inline"] = _code_inline
    rules["fence"] = rules["code_block"] = _code_block
    renderer = type(md.renderer)()
    renderer.rules = rules
    return renderer.render(text.tokens, md.options, env)


def _content(token: Token, env: dict[str, Any]) -> str:
    pieces = env["pieces"].get(id(token))
    if not pieces:
        return escape(token.content, quote=False)
    return marked(token.content, pieces, env["highlights"], env["attrs"], env["started"])


def _leaf(tokens: list[Token], idx: int, options: object, env: dict[str, Any]) -> str:
    return _content(tokens[idx], env)


def _code_inline(tokens: list[Token], idx: int, options: object, env: dict[str, Any]) -> str:
    return f"<code>{_content(tokens[idx], env)}</code>"


def _code_block(tokens: list[Token], idx: int, options: object, env: dict[str, Any]) -> str:
    token = tokens[idx]
    lang = token.info.strip().split(" ")[0] if token.info else ""
    cls = f' class="language-{escape(lang)}"' if lang else ""
    return f"<pre><code{cls}>{_content(token, env)}</code></pre>\n"
