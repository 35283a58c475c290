"""Render an article's tokens to HTML with its highlights as <mark> pieces.

A highlight that crosses element boundaries (a link, emphasis, a paragraph
break) becomes one piece per element, so every piece sits inside a single
element and the markup is never broken. Overlapping highlights nest.
Without highlights the output is exactly markdown-it's. A caller may put
something (a link to the note) just after each highlight's last piece: it
goes outside every mark, and after the end of an article link it sits in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any, cast

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

from .. import markdown_dialect
from ..anchor import BREAKS, Highlight, RenderedText

MarkAttrs = Callable[[Highlight, bool], str]
"""Attributes for a highlight's piece, given whether it is the first piece."""
AfterMark = Callable[[Highlight], str]
"""HTML written just after a highlight's last piece (outside every mark and link)."""
Piece = tuple[int, int, int]
"""(start, end, highlight index), offsets local to one leaf's content."""
Rule = Callable[[Sequence[Token], int, Any, Any], str]

MARKED_LEAVES = ("text", "text_special", "code_inline", "fence", "code_block")
TEXT_RUN = {"text", "text_special"}
"""Leaf types whose default rendering is just their escaped content."""
_PLACEHOLDER = "\0"
"""Stands for a leaf's content in the default rule's output; markdown-it never keeps a NUL."""


def default_attrs(h: Highlight, first: bool) -> str:
    ident = f' id="{h.dom_id}"' if first else ""
    return f'{ident} class="dn-hl dn-{h.kind}" data-target="{h.dom_id}"'


def no_after(h: Highlight) -> str:
    return ""


@dataclass(slots=True)
class Marking:
    """What every leaf of one page needs to write its marks."""

    highlights: Sequence[Highlight]
    attrs: MarkAttrs
    started: set[int]
    """Highlights whose first piece is written (it has the id)."""
    after: AfterMark = no_after
    ends: dict[int, int] = field(default_factory=dict)
    """Highlight index -> text offset where its last piece ends."""
    link_depth: int = 0
    deferred: list[str] = field(default_factory=list)
    """`after` HTML of highlights that ended inside a link, written after the link."""

    def ended(self, index: int) -> str:
        html = self.after(self.highlights[index])
        if html and self.link_depth:
            self.deferred.append(html)
            return ""
        return html


def last_piece_ends(text: RenderedText, highlights: Sequence[Highlight]) -> dict[int, int]:
    """Highlight index -> the text offset where its last rendered piece ends (breaks are not rendered)."""
    ends: dict[int, int] = {}
    for index, h in enumerate(highlights):
        k = text.leaf_index(h.start)
        while k < len(text.leaves) and text.leaves[k].start < h.end:
            leaf = text.leaves[k]
            if max(h.start, leaf.start) < min(h.end, leaf.end) and leaf.token.type not in BREAKS:
                ends[index] = min(h.end, leaf.end)
            k += 1
    return ends


def pieces_by_leaf(text: RenderedText, highlights: Sequence[Highlight]) -> dict[int, list[Piece]]:
    """For each leaf (by id of its token): the pieces of highlights inside it."""
    out: dict[int, list[Piece]] = {}
    for index, h in enumerate(highlights):
        k = text.leaf_index(h.start)
        while k < len(text.leaves) and text.leaves[k].start < h.end:
            leaf = text.leaves[k]
            lo, hi = max(h.start, leaf.start), min(h.end, leaf.end)
            if lo < hi and leaf.token.type not in BREAKS:
                out.setdefault(id(leaf.token), []).append((lo - leaf.start, hi - leaf.start, index))
            k += 1
    return out


def marked(content: str, pieces: list[Piece], marking: Marking, base: int = -1) -> str:
    """`content` escaped, with nested <mark> elements for each piece.

    The content is cut wherever a piece starts or ends; each stretch opens
    the marks covering it, outermost first, and closes them again. `base`:
    the text offset of `content`, to tell a highlight's last piece (-1: unknown).
    """
    highlights = marking.highlights
    cuts = sorted({0, len(content), *(p[0] for p in pieces), *(p[1] for p in pieces)})
    by_start = sorted(pieces)
    order = {i: (highlights[i].start, -highlights[i].end, i) for _, _, i in pieces}
    active: list[Piece] = []
    html = []
    next_piece = 0
    for lo, hi in pairwise(cuts):
        active = [p for p in active if p[1] > lo]
        while next_piece < len(by_start) and by_start[next_piece][0] <= lo:
            active.append(by_start[next_piece])
            next_piece += 1
        active.sort(key=lambda p: order[p[2]])
        for _, _, i in active:
            html.append(f"<mark{marking.attrs(highlights[i], i not in marking.started)}>")
            marking.started.add(i)
        html.append(escapeHtml(content[lo:hi]) + "</mark>" * len(active))
        if base >= 0:
            html.extend(
                marking.ended(i) for _, end, i in active if end == hi and marking.ends.get(i) == base + hi
            )
    return "".join(html)


def render_article(
    text: RenderedText,
    highlights: Sequence[Highlight],
    attrs: MarkAttrs = default_attrs,
    started: set[int] | None = None,
    after: AfterMark = no_after,
) -> str:
    """The article body as HTML, highlights included.

    `started`: highlights whose first piece is already on the page (in the
    header, rendered first by render_header_field); filled in as pieces are written.
    `after`: HTML for just after each highlight's last piece.
    """
    marking = Marking(highlights, attrs, set() if started is None else started, after)
    if after is not no_after:
        marking.ends = last_piece_ends(text, highlights)
    env: dict[str, Any] = {
        "pieces": pieces_by_leaf(text, highlights),
        "marking": marking,
        "starts": leaf_starts(text),
    }
    md = markdown_dialect.parser()
    return _renderer().render(text.tokens, md.options, env)


def leaf_starts(text: RenderedText) -> dict[int, int]:
    """Token id -> the text offset of its (first) leaf."""
    starts: dict[int, int] = {}
    for leaf in text.leaves:
        starts.setdefault(id(leaf.token), leaf.start)
    return starts


def render_header_field(
    text: RenderedText,
    index: int,
    highlights: Sequence[Highlight],
    attrs: MarkAttrs,
    started: set[int],
    after: AfterMark = no_after,
) -> str:
    """Header field `index` (0 the headline, 1 the deck) escaped, with its highlights' pieces."""
    token = text.header[index]
    leaves = [leaf for leaf in text.leaves if leaf.token is token]
    pieces = [
        (max(h.start, leaf.start) - leaf.start, min(h.end, leaf.end) - leaf.start, i)
        for leaf in leaves
        for i, h in enumerate(highlights)
        if h.start < leaf.end and leaf.start < h.end
    ]
    marking = Marking(highlights, attrs, started, after, last_piece_ends(text, highlights))
    return marked(token.content, pieces, marking, leaves[0].start if leaves else -1)


@lru_cache(maxsize=1)
def _renderer() -> _MarkingRenderer:
    return _MarkingRenderer()


class _MarkingRenderer(RendererHTML):
    """markdown-it's renderer, with marks in leaves. Renders a run of adjacent text, escape
    and entity tokens as one, so a highlight over "Smith &amp; Jones" is one <mark>, not three."""

    def __init__(self) -> None:
        super().__init__()
        defaults = cast(RendererHTML, markdown_dialect.parser().renderer).rules
        rules: dict[str, Any] = dict(defaults)
        rules.update({name: _with_marks(defaults[name]) for name in MARKED_LEAVES})
        rules["link_open"] = _counting_links(defaults.get("link_open"), +1)
        rules["link_close"] = _counting_links(defaults.get("link_close"), -1)
        self.rules = rules

    def renderInline(self, tokens: Sequence[Token], options: Any, env: Any) -> str:
        html = []
        i = 0
        while i < len(tokens):
            j = i + 1
            while tokens[i].type in TEXT_RUN and j < len(tokens) and tokens[j].type in TEXT_RUN:
                j += 1
            if j - i > 1 and any(id(t) in env["pieces"] for t in tokens[i:j]):
                html.append(_marked_run(tokens[i:j], env))
            else:
                html.extend(
                    self.rules[tokens[k].type](tokens, k, options, env)
                    if tokens[k].type in self.rules
                    else self.renderToken(tokens, k, options, env)
                    for k in range(i, j)
                )
            i = j
        return "".join(html)


def _marked_run(run: Sequence[Token], env: dict[str, Any]) -> str:
    pieces: list[Piece] = []
    latest: dict[int, int] = {}
    """Highlight index -> position in `pieces` of its last piece, to join it with the next."""
    offset = 0
    for token in run:
        for start, end, index in env["pieces"].get(id(token), []):
            k = latest.get(index)
            if k is not None and pieces[k][1] == start + offset:
                pieces[k] = (pieces[k][0], end + offset, index)
            else:
                latest[index] = len(pieces)
                pieces.append((start + offset, end + offset, index))
        offset += len(token.content)
    content = "".join(token.content for token in run)
    return marked(content, pieces, env["marking"], env["starts"].get(id(run[0]), -1))


def _with_marks(default: Rule) -> Rule:
    """The default rule for a leaf, with the leaf's content marked up."""

    def rule(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        pieces = env["pieces"].get(id(token))
        if not pieces:
            return default(tokens, idx, options, env)
        html = default([replace(token, content=_PLACEHOLDER)], 0, options, env)
        body = marked(token.content, pieces, env["marking"], env["starts"].get(id(token), -1))
        return html.replace(_PLACEHOLDER, body, 1)

    return rule


def _counting_links(default: Rule | None, step: int) -> Rule:
    """A link's opening or closing tag as markdown-it writes it; after the closing tag, the
    `after` HTML of highlights that ended inside the link (a link cannot hold a link)."""

    def rule(tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        html = (
            default(tokens, idx, options, env)
            if default
            else _renderer().renderToken(tokens, idx, options, env)
        )
        marking: Marking = env["marking"]
        marking.link_depth += step
        if marking.link_depth == 0 and marking.deferred:
            html += "".join(marking.deferred)
            marking.deferred.clear()
        return html

    return rule
