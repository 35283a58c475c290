"""Property: for any Markdown article and any quote copied from it, anchoring never corrupts it.

A quote is a span of the text the reader sees, copied the way an editor
might (other quote marks, dashes, spaces, an ellipsis typed as dots, no
soft hyphens, decomposed accents). It must land exactly on that span (or be
reported ambiguous, listing it); the rendered article must keep its visible
text; each note's highlighted text must equal its quote after normalization.
"""

from __future__ import annotations

import os
import unicodedata

from anchor_cases.checks import Article, check_highlights, place_span, quotable, trimmed
from anchor_cases.markdown_strategy import documents
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest.anchor import Highlight
from newsdigest.anchor.match import Found
from newsdigest.anchor.normalize import DASHES, DOUBLE_QUOTES, IGNORED, SINGLE_QUOTES, normalize_quote

SEARCH = int(os.environ.get("NEWSDIGEST_PROPERTY_SEARCH", "0"))
"""Set to a number of examples for a longer, random (not derandomized) bug hunt."""
CHECKS = settings(
    max_examples=SEARCH or 250,
    derandomize=not SEARCH,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
SWAPS = {
    **{c: "'" + SINGLE_QUOTES for c in "'" + SINGLE_QUOTES},
    **{c: '"' + DOUBLE_QUOTES for c in '"' + DOUBLE_QUOTES},
    **{c: DASHES for c in DASHES},
    "\u2026": ["...", "\u2026"],
}
"""Characters an editor's copy may write differently, and what it may write instead."""
WHITESPACE = [" ", "\n", "\u00a0", "  ", "\t", " \u200b"]


@st.composite
def editor_copy(draw: st.DrawFn, span: str) -> str:
    """`span` as an editor might paste it: same text after normalization."""
    out = []
    for char in span:
        if char.isspace():
            out.append(draw(st.sampled_from(WHITESPACE)) if draw(st.booleans()) else char)
        elif char in SWAPS and draw(st.booleans()):
            out.append(draw(st.sampled_from(list(SWAPS[char]))))
        elif char in IGNORED and draw(st.booleans()):
            continue
        else:
            out.append(char)
        if draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(IGNORED)))
    copy = "".join(out).replace("...", draw(st.sampled_from(["...", "\u2026"])))
    if draw(st.booleans()):
        copy = unicodedata.normalize("NFD", copy)
    return draw(st.sampled_from(["", " ", "\n"])) + copy + draw(st.sampled_from(["", " ", "\u00a0"]))


@CHECKS
@given(documents(), st.data())
def test_quotes_copied_from_any_article_land_where_copied(source: str, data: st.DataObject) -> None:
    article = Article.parse(source)
    text = article.text.text
    highlights: list[Highlight] = []
    quotes: dict[str, str] = {}
    for n in range(data.draw(st.integers(1, 4), label="notes")):
        start = data.draw(st.integers(0, len(text)), label="start")
        end = min(len(text), start + data.draw(st.integers(1, 60), label="length"))
        start, end = trimmed(text, start, end)
        if not quotable(text, start, end):
            continue
        quote = data.draw(editor_copy(text[start:end]), label="quote")
        assert normalize_quote(quote) == normalize_quote(text[start:end])
        result = place_span(article, start, end, quote, context=16)
        if isinstance(result, Found):
            highlights.append(article.highlight(f"hl-{n}", result))
            quotes[f"hl-{n}"] = quote
    check_highlights(article.text, highlights, quotes)


@CHECKS
@given(documents(), st.data())
def test_any_spans_render_without_changing_the_text(source: str, data: st.DataObject) -> None:
    """The renderer alone, with raw spans: edges on spaces and breaks, overlaps, nesting."""
    article = Article.parse(source)
    text = article.text.text
    highlights: list[Highlight] = []
    quotes: dict[str, str] = {}
    for n in range(data.draw(st.integers(1, 5), label="spans")):
        start = data.draw(st.integers(0, len(text)), label="start")
        end = data.draw(st.integers(start, len(text)), label="end")
        if not normalize_quote(text[start:end]):
            continue
        highlights.append(Highlight(f"hl-{n}", f"hl-{n}", "note", start, end, 1))
        quotes[f"hl-{n}"] = text[start:end]
    highlights.sort(key=lambda h: (h.start, -h.end, h.dom_id))
    check_highlights(article.text, highlights, quotes)
