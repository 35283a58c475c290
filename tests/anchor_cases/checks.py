"""Shared checks for the anchoring tests: anchor quotes, render, read the HTML back.

The invariants every test relies on (the issue's "never corrupt the article"):
- the visible text of the article is the same with and without highlights;
- each highlight's pieces, joined with the whitespace between them, read as
  its quote after normalization, and every piece of it has its data-target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from itertools import pairwise

from newsdigest.anchor import Highlight
from newsdigest.anchor.match import Ambiguous, Found, Result, find_quote, splits_character
from newsdigest.anchor.normalize import IGNORED, Normalized, normalize_quote
from newsdigest.anchor.stage import read_text
from newsdigest.anchor.text import RenderedText
from newsdigest.render.highlight import default_attrs, render_article


class VisibleText(HTMLParser):
    """Text nodes of an HTML fragment (entities decoded), and where each note's marks are."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.marks: dict[str, list[tuple[int, int]]] = {}
        """Visible-text spans inside each note's marks, adjacent pieces joined."""
        self.first_pieces: dict[str, int] = {}
        """Offset of the piece carrying id=<dom_id>, per note."""
        self.open_marks: list[str] = []
        self.open_tags: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open_tags.append(tag)
        if tag == "mark":
            found = dict(attrs)
            target = found.get("data-target")
            assert target, f"mark without data-target at offset {self.length}"
            if found.get("id") is not None:
                assert found["id"] == target and target not in self.first_pieces, found
                self.first_pieces[target] = self.length
            self.open_marks.append(target)

    def handle_endtag(self, tag: str) -> None:
        assert self.open_tags and self.open_tags.pop() == tag, f"</{tag}> closes another element"
        if tag == "mark":
            self.open_marks.pop()

    def handle_data(self, data: str) -> None:
        start = self.length
        self.parts.append(data)
        self.length += len(data)
        for target in dict.fromkeys(self.open_marks):
            spans = self.marks.setdefault(target, [])
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], self.length)
            else:
                spans.append((start, self.length))


def read_html(html: str) -> VisibleText:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    assert not parser.open_tags, f"unclosed {parser.open_tags}"
    return parser


def check_highlights(text: RenderedText, highlights: Sequence[Highlight], quotes: dict[str, str]) -> str:
    """Render `highlights` and check the invariants; returns the HTML."""
    html = render_article(text, highlights, default_attrs)
    plain = read_html(render_article(text, [], default_attrs)).text
    seen = read_html(html)
    visible = seen.text
    assert visible == plain, "highlighting changed the visible text"
    for h in highlights:
        spans = seen.marks.get(h.dom_id)
        assert spans, f"{h.dom_id}: no marks"
        assert seen.first_pieces.get(h.dom_id) == spans[0][0], f"{h.dom_id}: id not on the first piece"
        for (_, gap_start), (gap_end, _) in pairwise(spans):
            gap = visible[gap_start:gap_end]
            assert not gap.strip(), f"{h.dom_id}: unmarked {gap!r} inside the highlight"
        shown = visible[spans[0][0] : spans[-1][1]]
        assert normalize_quote(shown) == normalize_quote(quotes[h.dom_id]), (h.dom_id, shown)
    return html


@dataclass
class Article:
    source: str
    text: RenderedText
    norm: Normalized

    @classmethod
    def parse(cls, source: str, first_line: int = 1) -> Article:
        return cls(source, *read_text(source, first_line))

    def find(self, quote: str, prefix: str | None = None, suffix: str | None = None) -> Result:
        return find_quote(self.norm, self.text.text, quote, prefix, suffix)

    def highlight(self, dom_id: str, result: Result) -> Highlight:
        assert isinstance(result, Found), result
        return Highlight(dom_id, dom_id, "note", result.start, result.end, self.text.line_of(result.start))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without outer whitespace and ignored characters."""
    while start < end and (text[start].isspace() or text[start] in IGNORED):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in IGNORED):
        end -= 1
    return start, end


def quotable(text: str, start: int, end: int) -> bool:
    """True when the span holds visible text and does not cut a character in two."""
    return bool(normalize_quote(text[start:end])) and not (
        splits_character(text, start) or splits_character(text, end)
    )


def place_span(article: Article, start: int, end: int, quote: str, context: int) -> Result:
    """Anchor `quote`, copied from text[start:end]; check it lands there or is reported ambiguous.

    When ambiguous, `context` characters either side are tried as prefix/suffix.
    """
    text = article.text.text
    result = article.find(quote)
    if isinstance(result, Ambiguous):
        assert start in result.starts, (start, result)
        low = max(0, start - context)
        while low < start and splits_character(text, low):
            low += 1
        high = min(len(text), end + context)
        while high > end and splits_character(text, high):
            high -= 1
        result = article.find(quote, text[low:start] or None, text[end:high] or None)
        if isinstance(result, Ambiguous):
            assert start in result.starts, (start, result)
            return result
    assert isinstance(result, Found), (quote, result)
    assert (result.start, result.end) == (start, end), (quote, result, start, end)
    return result
