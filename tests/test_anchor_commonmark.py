"""Every CommonMark 0.31.2 spec example: visible text, and random quotes anchored and highlighted.

Spans are drawn with a fixed seed per example, so a failure names its example.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from anchor_cases.checks import (
    Article,
    check_highlights,
    place_span,
    quotable,
    read_html,
    trimmed,
)

from newsdigest.anchor.match import Found
from newsdigest.markdown_dialect import render_markdown
from newsdigest.render.highlight import render_article

SPEC = json.loads((Path(__file__).parent / "data" / "commonmark-0.31.2-examples.json").read_text("utf-8"))
EXAMPLES = SPEC["examples"]
SPANS_PER_EXAMPLE = 6


def collapse(text: str) -> str:
    return " ".join(text.split())


def test_all_examples_are_there() -> None:
    assert len(EXAMPLES) == 655


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"example-{e['example']}")
def test_rendering_without_highlights_is_markdown_its(example: dict[str, str]) -> None:
    article = Article.parse(example["markdown"])
    html = render_article(article.text, [])
    assert html == render_markdown(example["markdown"])
    assert collapse(read_html(html).text) == collapse(article.text.text)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: f"example-{e['example']}")
def test_random_quotes_anchor_and_highlight(example: dict[str, str]) -> None:
    article = Article.parse(example["markdown"])
    text = article.text.text
    rng = random.Random(example["example"])
    highlights, quotes = [], {}
    for n in range(SPANS_PER_EXAMPLE if text.strip() else 0):
        start, end = trimmed(text, *sorted(rng.sample(range(len(text) + 1), 2)))
        if not quotable(text, start, end):
            continue
        result = place_span(article, start, end, text[start:end], context=12)
        if isinstance(result, Found):
            dom_id = f"hl-{n}"
            highlights.append(article.highlight(dom_id, result))
            quotes[dom_id] = text[start:end]
    check_highlights(article.text, highlights, quotes)
