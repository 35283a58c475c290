"""The article's text as a browser counts it on the article page.

A Web Annotation client reads the text of an element as the DOM's
`textContent`: every text node in document order, entities decoded, line
and block breaks exactly as the HTML has them. The export's selectors count
in that text, so they hold on the page the reader (or a tool) loads.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..anchor import AnchoredArticle
from .article import TEXT_ELEMENT_START, mark_attrs, text_element
from .highlight import render_article

_TAG_OR_TEXT = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>|[^<]+")
"""Our HTML escapes `<`, `>` and `"` in text and attribute values, so a tag ends at the first `>`."""
_ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')


@dataclass(slots=True)
class PageText:
    """The `textContent` of the article text element, and each highlight's span in it."""

    text: str = ""
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Highlight DOM id (`hl-<note>`, `cl-<claim>`) -> (start, end) from its first piece to its last."""


def count_text(element_html: str) -> PageText:
    """The text of an element's HTML as the DOM has it, with the span of each highlight."""
    parts: list[str] = []
    length = 0
    open_marks: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    for found in _TAG_OR_TEXT.finditer(element_html):
        closing, tag, attributes = found.groups()
        if tag is None:
            text = html.unescape(found.group(0))
            parts.append(text)
            length += len(text)
        elif tag == "mark" and closing:
            dom_id = open_marks.pop()
            spans[dom_id] = (spans[dom_id][0], length)
        elif tag == "mark":
            attrs = dict(_ATTRIBUTE.findall(attributes))
            dom_id = attrs.get("id") or (
                ("cl-" if "dn-claim" in attrs.get("class", "").split() else "hl-")
                + attrs.get("data-target", "")
            )
            open_marks.append(dom_id)
            spans.setdefault(dom_id, (length, length))
    return PageText("".join(parts), spans)


def text_on_page(page_source: str) -> PageText:
    """The article text element's text, read from a rendered article page.

    The element holds only the article's paragraphs, lists, quotes and code,
    marks and glossary <abbr>s: its first `</div>` closes it.
    """
    start = page_source.index(TEXT_ELEMENT_START)
    return count_text(page_source[start : page_source.index("</div>", start)])


def page_text(placed: AnchoredArticle) -> PageText:
    """The same text for an article whose page is not at hand (glossary terms add no text)."""
    return count_text(
        text_element(placed.article, render_article(placed.rendered, placed.highlights, mark_attrs))
    )
