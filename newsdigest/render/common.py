"""Small HTML building blocks shared by every generated page."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from html import escape

from .. import markdown
from ..model import Source

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def esc(text: str) -> str:
    """Escape text for an HTML element or a double-quoted attribute."""
    return escape(text, quote=True)


def long_date(day: dt.date) -> str:
    """'24 October 2023', the same in every locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def time_tag(day: dt.date) -> str:
    return f'<time datetime="{day.isoformat()}">{long_date(day)}</time>'


def md_block(source: str) -> str:
    """A note body or similar: Markdown rendered with raw HTML disabled."""
    return markdown.render_markdown(source).strip()


def md_inline(source: str) -> str:
    return markdown.render_inline(source)


def external_link(url: str, text: str) -> str:
    return f'<a href="{esc(url)}" rel="noopener">{esc(text)}</a>'


def sources_list(sources: Iterable[Source]) -> str:
    items = "".join(f"<li>{external_link(s.url, s.title)}</li>" for s in sources)
    return f'<ul class="dn-sources">{items}</ul>'


def badge(kind: str, value: str, label: str) -> str:
    return f'<span class="dn-badge dn-{kind}-{value}">{esc(label)}</span>'


def page(title: str, description: str, body: str, *, hide_toc: bool = False) -> str:
    """A complete Markdown page: front matter and one raw HTML block.

    The body is raw HTML so MkDocs shows exactly what was rendered here;
    Material adds the page's <h1> from `title`.
    """
    meta = {"title": title, "description": description}
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())]
    if hide_toc:
        lines.append("hide: [toc]")
    lines += ["---", "", f'<div class="dn-page">\n{body.strip()}\n</div>', ""]
    return "\n".join(lines)


def plain(source: str, limit: int = 160) -> str:
    """Markdown reduced to a short plain-text excerpt (for titles and descriptions)."""
    words = []
    for block in markdown.parse(source):
        for t in block.children or ():
            words.append(
                " "
                if t.type in ("softbreak", "hardbreak")
                else t.content
                if t.type in ("text", "text_special", "code_inline")
                else ""
            )
        words.append(" ")
    text = " ".join("".join(words).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
