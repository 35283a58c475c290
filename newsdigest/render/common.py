"""Small HTML building blocks shared by every generated page."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any
from urllib.parse import urlsplit

from .. import markdown_dialect, shortcuts
from ..model import Source
from .folding import folded_copy

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
JSON_IN_HTML = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})
"""JSON inside HTML must never contain `</script>`, `<!--` or end a quoted attribute: the characters
are written as JSON escapes instead, exactly as Jinja's `tojson` filter (in Material's templates) does."""


def esc(text: str) -> str:
    """Escape text for an HTML element or a double-quoted attribute."""
    return escape(text, quote=True)


def esc_meta(text: str) -> str:
    """Escape a front-matter value that Material writes into HTML as it is (& < > and ")."""
    return escape(text, quote=False).replace('"', "&quot;")


def long_date(day: dt.date) -> str:
    """'24 October 2023', the same in every locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def time_tag(day: dt.date) -> str:
    return f'<time datetime="{day.isoformat()}">{long_date(day)}</time>'


def md_block(source: str) -> str:
    """A note body or similar: Markdown rendered with raw HTML disabled."""
    return markdown_dialect.render_markdown(source).strip()


def external_link(url: str, text: str) -> str:
    return f'<a href="{esc(url)}">{esc(text)}</a>'


def domain(url: str) -> str:
    """`https://www.example.org/a` -> `example.org`: where a link leads, in a word."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def source_item(source: Source) -> str:
    """`Title — Publisher, via Site, date (domain) · archived copy`, each part only when recorded."""
    credit = esc(source.publisher) if source.publisher else ""
    if source.via:
        credit += f"{', ' if credit else ''}via {esc(source.via)}"
    if source.date:
        credit += f"{', ' if credit else ''}{time_tag(source.date)}"
    parts = [external_link(source.url, source.title)]
    if credit:
        parts.append(f" — {credit}")
    if host := domain(source.url):
        parts.append(f" ({esc(host)})")
    if source.archive_url:
        parts.append(f' · <a href="{esc(source.archive_url)}" class="dn-archive">archived copy</a>')
    return "".join(parts)


def sources_list(sources: Iterable[Source], label: str = "Sources") -> str:
    """Sources as a list of links, after a label in words ('' where a heading names the list)."""
    items = "".join(f"<li>{source_item(s)}</li>" for s in sources)
    named = f'<p class="dn-sources-label">{esc(label)}</p>' if label else ""
    return f'{named}<ul class="dn-sources">{items}</ul>'


def badge(kind: str, value: str, label: str) -> str:
    return f'<span class="dn-badge dn-{kind}-{value}">{esc(label)}</span>'


def json_for_html(value: Any, **dumps_options: Any) -> str:
    """`value` as JSON that is safe in an HTML <script> element or attribute (see JSON_IN_HTML)."""
    return json.dumps(value, **dumps_options).translate(JSON_IN_HTML)


def json_ld(data: dict[str, Any]) -> str:
    """A schema.org JSON-LD block that no value can end early."""
    text = json_for_html(data, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/ld+json">{text}</script>'


def page(
    title: str,
    description: str,
    body: str,
    *,
    hide: Sequence[str] = (),
    tags: Sequence[str] = (),
) -> str:
    """A complete Markdown page: front matter and one raw HTML block.

    The body is raw HTML so MkDocs shows exactly what was rendered here;
    Material adds the page's <h1> from `title` (unless the body has its own, as an
    article page has), and the chips of `tags`
    (which its tags plugin also lists on the topics page). Material writes
    title, description and tags into its HTML as they are, so they are
    written here HTML-escaped.
    """
    meta: dict[str, object] = {"title": esc_meta(title), "description": esc_meta(description)}
    if hide:
        meta["hide"] = list(hide)
    if tags:
        meta["tags"] = [esc_meta(t) for t in tags]
    lines = ["---", *(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items())]
    inner = "\n".join(part for part in (body.strip(), folded_copy(body)) if part)  # see render/folding.py
    lines += ["---", "", f'<div class="dn-page">\n{inner}\n</div>', ""]
    return "\n".join(lines)


MAY_BE_MARKUP = re.compile(r"[\\`*_\[\]<&\x00\r]|(?m:^(?:[ \t\-+#>=~|]|[0-9]+[.)]))")
"""Characters that can make Markdown differ from its words: without them (a quote,
usually) plain() needs no parse (tests/test_shortcuts_markdown.py checks it)."""


def plain(source: str, limit: int = 160) -> str:
    """Markdown reduced to a short plain-text excerpt (for titles and descriptions)."""
    needs_parse = MAY_BE_MARKUP.search(source) or not shortcuts.take("plain-text")
    text = " ".join((parsed_words(source) if needs_parse else source).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def parsed_words(source: str) -> str:
    """The text of every paragraph and heading, blocks separated by a space."""
    words = []
    for block in markdown_dialect.parse(source):
        for t in block.children or ():
            words.append(
                " "
                if t.type in ("softbreak", "hardbreak")
                else t.content
                if t.type in ("text", "text_special", "code_inline")
                else ""
            )
        words.append(" ")
    return "".join(words)


def review_dates(reviewed: dt.date | None, updated: dt.date | None) -> str:
    """'Reviewed 21 November 2026 · updated 30 November 2026' (the update only when later); '' if undated."""
    if reviewed is None:
        return ""
    later = f" · updated {time_tag(updated)}" if updated is not None and updated > reviewed else ""
    return f'<p class="dn-reviewed">Reviewed {time_tag(reviewed)}{later}</p>'
