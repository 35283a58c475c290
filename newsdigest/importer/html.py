"""Import a saved web page: trafilatura finds the article, we keep its words.

trafilatura (a maintained, benchmarked boilerplate remover) separates the
article from navigation, comments, footers and widgets, and reads the page's
metadata (title, author, date, canonical address). Its structured XML output
is turned into Markdown here, keeping paragraphs, headings, quotes, lists,
emphasis and links; the same chrome rules as for text then apply.

Every block of visible page text that is not in the result is reported as
dropped, so nothing disappears unseen.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from . import Dropped, Extracted, Pick
from .blocks import Block, split_blocks
from .bylines import read_byline
from .chrome import Rules, link_text, reason
from .escape import escape_block_start, escape_inline
from .header import Given, read_header
from .language import choose_language

BLOCK_TAGS = {
    "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption", "td", "th", "dt", "dd",
    "pre", "div", "section", "aside", "nav", "header", "footer", "form", "button", "label", "article",
    "main", "ul", "ol", "table", "tr", "figure", "address",
}  # fmt: skip
INVISIBLE = {"script", "style", "noscript", "template", "head", "svg", "iframe"}
XML_BLOCKS = {"head", "p", "quote", "list", "code", "table"}
"""Block elements of trafilatura's XML; anything else is inline text."""
MIN_CHARS = 200
"""Less text than this is not an article (trafilatura then returned navigation or a fragment)."""
EMPHASIS = {"#i": "*", "#em": "*", "#b": "**", "#strong": "**", "#t": "`"}


class ExtractionFailed(Exception):
    """trafilatura found no article text in the page."""


def extract_xml(page: str) -> Any:
    import trafilatura

    xml = trafilatura.extract(
        page,
        output_format="xml",
        include_formatting=True,
        include_links=True,
        include_images=False,
        include_tables=True,
        include_comments=False,
        with_metadata=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not xml:
        raise ExtractionFailed
    return etree.fromstring(xml.encode("utf-8"))


def inline(element: Any) -> str:
    """The Markdown of an element's text and inline children."""
    parts = [escape_inline(element.text or "")]
    for child in element:
        content = inline(child)
        if child.tag == "hi" and content.strip():
            mark = EMPHASIS.get(child.get("rend", ""), "")
            parts.append(f"{mark}{content}{mark}" if mark != "`" else f"`{''.join(child.itertext())}`")
        elif child.tag == "ref" and re.match(r"https?://", child.get("target", "")):
            parts.append(f"[{content}]({child.get('target')})")
        elif child.tag == "lb":
            parts.append("\\\n")
        else:
            parts.append(content)
        parts.append(escape_inline(child.tail or ""))
    return "".join(parts)


def paragraph(element: Any) -> str:
    lines = [" ".join(line.split()) for line in inline(element).split("\n")]
    return escape_block_start("\n".join(line for line in lines if line))


def to_markdown(main: Any) -> list[str]:
    """Markdown paragraphs for trafilatura's <main> element."""
    if not any(child.tag in XML_BLOCKS for child in main):
        return [p for p in [paragraph(main)] if p.strip()]
    out: list[str] = []
    for element in main:
        tag = element.tag
        if tag == "head":
            level = int((element.get("rend") or "h2").lstrip("h") or 2)
            out.append("#" * min(max(level, 1), 6) + " " + paragraph(element))
        elif tag == "quote":
            inner = to_markdown(element) if len(element) and element[0].tag == "p" else [paragraph(element)]
            out.append("\n>\n".join("\n".join(f"> {line}" for line in p.split("\n")) for p in inner))
        elif tag == "list":
            mark = "1." if element.get("rend") == "ol" else "-"
            out.append("\n".join(f"{mark} {paragraph(item)}" for item in element if item.tag == "item"))
        elif tag == "code":
            out.append("```\n" + "".join(element.itertext()).strip("\n") + "\n```")
        elif tag == "table":
            for row in element.iter("row"):
                cells = [paragraph(cell) for cell in row if cell.tag == "cell"]
                out.append(" · ".join(c for c in cells if c))
        else:
            out.append(paragraph(element))
    return [p for p in out if p.strip()]


def flat(text: str) -> str:
    """Text without Markdown marks, link addresses or case, for comparing with the page."""
    text = re.sub(r"\]\([^)]*\)", "", text)
    return " ".join(re.sub(r"[*_`\\#>\[\]]", "", text).split()).lower()


def own_text(element: Any) -> str:
    """The element's text, leaving out what its block-level descendants hold."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        parts.append(" " if child.tag in BLOCK_TAGS else own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def page_blocks(page: str) -> list[tuple[int, str]]:
    """(line, text) of every block of visible text in the page, without its inner blocks."""
    root = lxml_html.fromstring(page)
    for bad in [e for e in root.iter(*INVISIBLE) if e.getparent() is not None]:
        bad.drop_tree()
    found = []
    for element in root.iter(*BLOCK_TAGS):
        text = " ".join(own_text(element).split())
        if text:
            found.append((element.sourceline or 0, text))
    return found


def extract_html(
    page: str,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    authors: Sequence[str] = (),
    language: str | None = None,
    drop: Sequence[re.Pattern[str]] = (),
    keep: Sequence[re.Pattern[str]] = (),
) -> Extracted:
    doc = extract_xml(page)
    main = doc.find("main")
    paragraphs = to_markdown(main if main is not None else doc)
    if len("".join(main.itertext() if main is not None else doc.itertext()).strip()) < MIN_CHARS:
        raise ExtractionFailed
    page_title = " ".join((doc.get("title") or "").split())
    if paragraphs and flat(paragraphs[0].lstrip("#")) == flat(page_title):
        paragraphs = paragraphs[1:]  # the headline, already the title
    blocks = split_blocks("\n\n".join([page_title or "Untitled", *paragraphs]), one_per_line=False)
    rules = Rules(markdown=True, drop=tuple(drop), keep=tuple(keep))
    header, body = read_header(blocks, Given(title, subtitle, tuple(authors)), rules, first_is_title=True)
    result = Extracted(title=title or page_title, body="", subtitle=header.subtitle, url=doc.get("url"))
    result.picks = [p for p in header.picks if p.field != "title"]
    if title:
        result.picks.append(Pick("title", 0, "--title", title))
        if page_title and flat(page_title) != flat(title):
            header.dropped.append(Dropped(0, "headline; --title used instead", page_title))
    elif page_title:
        result.picks.append(Pick("title", 0, "page metadata", page_title))
    named = [a.strip() for a in re.split(r";|\band\b", doc.get("author") or "") if a.strip()]
    result.authors = header.authors or named
    result.agency = header.agency
    if named and not header.authors:
        result.picks.append(Pick("authors", 0, "page metadata", ", ".join(named)))
    date = doc.get("date")
    result.published = header.published or (dt.date.fromisoformat(date) if date else None)
    if date and not header.published:
        result.picks.append(Pick("published", 0, "page metadata", date))
    used = [
        name for name, value in (("title", page_title), ("date", date), ("address", doc.get("url"))) if value
    ]
    result.notes.append("read as a web page with trafilatura")
    if used:
        result.notes.append(f"{', '.join(used)} taken from the page's metadata")
    result.dropped = [Dropped(0, d.reason, d.text) for d in header.dropped]
    kept: list[Block] = []
    for block in body:
        why = reason(block.text, rules)
        if why:
            result.dropped.append(Dropped(0, why, block.text))
        else:
            kept.append(block)
    result.body = "\n\n".join(b.text for b in kept)
    page_lang = language_tag(lxml_html.fromstring(page).get("lang") or "")
    choose_language(result, language, page_lang, link_text(result.body))
    report_page_text(page, result)
    result.picks.sort(key=lambda p: FIELD_ORDER.index(p.field))
    return result


FIELD_ORDER = ("title", "subtitle", "authors", "published", "language")


def language_tag(lang: str) -> str | None:
    """The page's `lang` as a tag such as `en` or `en-GB`, if it is one."""
    primary, _, rest = lang.strip().partition("-")
    tag = primary.lower() + (f"-{rest}" if rest else "")
    return tag if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", tag) else None


def page_reason(text: str) -> str:
    """Why a block of page text is not in the article, in the terms of the chrome rules if one fits."""
    if found := read_byline(text):
        return found.shape
    return reason(text, Rules()) or "outside the article"


def report_page_text(page: str, result: Extracted) -> None:
    """Add every block of page text missing from the result; give each dropped block its page line."""
    have = f" {flat(' '.join([result.title, result.subtitle or '', result.body]))} "
    blocks = page_blocks(page)
    lines = {flat(text): line for line, text in reversed(blocks)}
    dropped = [Dropped(lines.get(flat(d.text), 0), d.reason, d.text) for d in result.dropped]
    reported = {flat(d.text) for d in dropped}
    for line, text in blocks:
        if f" {flat(text)} " not in have and flat(text) not in reported:
            reported.add(flat(text))
            dropped.append(Dropped(line, page_reason(text), text))
    result.dropped = sorted(dropped, key=lambda d: d.line)
