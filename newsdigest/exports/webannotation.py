"""Every note as a W3C Web Annotation, in one AnnotationCollection (JSON-LD).

Representation (https://www.w3.org/TR/annotation-model/):

- `id`: the note on its digest page (`.../articles/<article>/#note-<note>`),
  absolute when `site_url` is set, else relative to the site root.
- `motivation`, from the note's kind: fact-check and loaded-language ->
  `assessing` (the note judges the passage); context -> `describing` (it
  explains what the passage refers to); missing-context -> `commenting` (it
  remarks on what the article leaves out); correction -> `editing` (it states a
  change the text needs).
- `body`: first the note as a TextualBody (its Markdown rendered to HTML,
  `format` text/html, `purpose` = the motivation); then the kind as a
  TextualBody with `purpose` tagging (its value is the kind's id, such as
  `fact-check`); then each source as a SpecificResource with `purpose` linking
  whose `source` is the page (`id` its address, `dcterms:title` its title, and
  `dcterms:publisher` and `dcterms:date` when recorded); an archived copy is
  given as the body's `state`, a TimeState whose `cached` is the archive's address.
- `target`: the passage, in the documents where it can be found:
  1. the digest's own article page (`source`), whose text we render: two
     alternative selectors, each a CssSelector for the article's text element
     (`div.dn-text`) refined by a TextQuoteSelector (the highlighted passage
     with up to 32 characters before and after as prefix and suffix) or by a
     TextPositionSelector (start and end). Both count the element's text as a
     browser does (its DOM `textContent` in the page as served: line and block
     breaks as the HTML has them), so they hold on that page; render/page_text.py
     computes it, and tests/test_annotation_selectors.py resolves every selector
     in Chromium with independent implementations.
  2. the outlet's original page, when the front matter gives its address: a
     TextQuoteSelector only, its text with white space made single spaces. We
     do not have that page's text, so no position is claimed there.
  A note that could not be placed (preview builds only) has one target, the
  original page if known, else the digest page, with a TextQuoteSelector built
  from its own `quote`, `prefix` and `suffix`, and no positions.
- `created` and `modified`: the note's `reviewed` and `updated` dates, as
  midnight UTC (the model asks for a date-time with a time zone); left out
  when the note gives none.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..anchor import AnchoredArticle, AnchoredDigest, Highlight
from ..markdown_dialect import render_markdown
from ..memo import BuildMemo
from ..model import Article, Note, Source
from ..render.article import TEXT_ELEMENT
from ..render.page_text import PageText, page_text, text_on_page
from ..site_paths import Linker, article_page
from .links import site_file, site_link

ANNOTATIONS_FILE = "annotations.jsonld"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32
"""Characters of text kept before and after a passage in a TextQuoteSelector."""
COMPACT: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
MOTIVATIONS = {
    "fact-check": "assessing",
    "loaded-language": "assessing",
    "context": "describing",
    "missing-context": "commenting",
    "correction": "editing",
}


def quote_selector(text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT_CHARS) : start],
        "suffix": text[end : end + CONTEXT_CHARS],
    }


def single_spaced(text: str) -> str:
    return " ".join(text.split())


def on_digest_page(page: str, text: PageText, start: int, end: int) -> dict[str, Any]:
    """The passage on the digest's article page, in its text element."""
    refinements = [
        quote_selector(text.text, start, end),
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]
    return {
        "type": "SpecificResource",
        "source": page,
        "selector": [{"type": "CssSelector", "value": TEXT_ELEMENT, "refinedBy": r} for r in refinements],
    }


def on_original(url: str, text: PageText, start: int, end: int) -> dict[str, Any]:
    """The passage on the outlet's page: its words, with the words around it; no position."""
    quote = quote_selector(text.text, start, end)
    prefix, exact, suffix = (single_spaced(quote[k]) for k in ("prefix", "exact", "suffix"))
    selector = {"type": "TextQuoteSelector", "exact": exact}
    if prefix:
        selector["prefix"] = prefix + " " if quote["prefix"][-1:].isspace() else prefix
    if suffix:
        selector["suffix"] = " " + suffix if quote["suffix"][:1].isspace() else suffix
    return {"type": "SpecificResource", "source": url, "selector": selector}


def unplaced_target(source: str, note: Note) -> dict[str, Any]:
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": note.quote.text}
    if note.quote.prefix:
        selector["prefix"] = note.quote.prefix
    if note.quote.suffix:
        selector["suffix"] = note.quote.suffix
    return {"type": "SpecificResource", "source": source, "selector": selector}


def targets(placed: AnchoredArticle, note: Note, text: PageText, page: str) -> list[dict[str, Any]]:
    url = placed.article.url
    span = text.spans.get(f"hl-{note.id}")
    if span is None:
        return [unplaced_target(url or page, note)]
    found = [on_digest_page(page, text, *span)]
    if url:
        found.append(on_original(url, text, *span))
    return found


def source_body(source: Source) -> dict[str, Any]:
    """A source as a linking body; an archived copy is the TimeState's `cached` copy of the page."""
    page: dict[str, Any] = {"id": source.url, "dcterms:title": source.title}
    if source.publisher:
        page["dcterms:publisher"] = source.publisher
    if source.date:
        page["dcterms:date"] = source.date.isoformat()
    body: dict[str, Any] = {"type": "SpecificResource", "purpose": "linking", "source": page}
    if source.archive_url:
        body["state"] = {"type": "TimeState", "cached": source.archive_url}
    return body


def annotation(
    placed: AnchoredArticle, note: Note, text: PageText, linker: Linker, creator: dict[str, Any]
) -> dict[str, Any]:
    article = placed.article
    page = site_link(linker, article_page(article.id))
    motivation = MOTIVATIONS.get(note.kind, "commenting")
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": render_markdown(note.body).strip(),
            "format": "text/html",
            "purpose": motivation,
        },
        {"type": "TextualBody", "value": note.kind, "purpose": "tagging"},
    ]
    bodies += [source_body(s) for s in note.sources]
    data: dict[str, Any] = {
        "id": site_link(linker, article_page(article.id), f"note-{note.id}"),
        "type": "Annotation",
        "motivation": motivation,
        "creator": creator,
    }
    if note.reviewed is not None:
        data["created"] = f"{note.reviewed.isoformat()}T00:00:00Z"
    if note.updated is not None:
        data["modified"] = f"{note.updated.isoformat()}T00:00:00Z"
    data["body"] = bodies
    data["target"] = targets(placed, note, text, page)
    return data


FragmentKey = tuple[Article, tuple[Note, ...], tuple[Highlight, ...], str | None, Linker, str]
"""An article's notes as annotations depend on: the article, its notes, their highlights,
its rendered page (None: not at hand), the way links are written and the site's name."""


def article_fragment(key: FragmentKey) -> tuple[int, str]:
    """(how many, the JSON of one article's annotations, comma-separated) for the collection."""
    article, notes, highlights, page, linker, site_name = key
    placed = AnchoredArticle(article, notes, highlights)
    text = text_on_page(page) if page is not None else page_text(placed)
    creator = creator_of(linker, site_name)
    items = [json.dumps(annotation(placed, n, text, linker, creator), **COMPACT) for n in notes]
    return len(items), ",".join(items)


_FRAGMENTS: BuildMemo[FragmentKey, tuple[int, str]] = BuildMemo(article_fragment, persist="web-annotations")
"""Each article's annotations, from earlier builds: an edit re-exports only that article."""


def creator_of(linker: Linker, site_name: str) -> dict[str, Any]:
    creator: dict[str, Any] = {"type": "Organization", "name": site_name or "Annotated news digest"}
    if linker.site_url:
        creator["homepage"] = linker.site_url
    return creator


def web_annotations(
    anchored: AnchoredDigest,
    linker: Linker | None = None,
    site_name: str = "",
    pages: Mapping[str, str] | None = None,
) -> str:
    """The AnnotationCollection of every note, articles by id and notes in file order.

    `pages` (the rendered pages, by path) saves rendering each article's text again.
    The collection is put together from per-article fragments, each remembered.
    """
    linker = linker or Linker()
    _FRAGMENTS.start()
    total, fragments = 0, []
    for _, placed in sorted(anchored.articles.items()):
        page = (pages or {}).get(article_page(placed.article.id))
        count, fragment = _FRAGMENTS.get(
            (placed.article, placed.notes, tuple(placed.highlights), page, linker, site_name)
        )
        if count:
            total += count
            fragments.append(fragment)
    own = site_file(linker, ANNOTATIONS_FILE)
    collection = {
        "@context": CONTEXT,
        "id": own,
        "type": "AnnotationCollection",
        "label": f"{creator_of(linker, site_name)['name']}: context notes",
        "total": total,
        "first": {"id": f"{own}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": []},
    }
    # Compact: the standard library's C encoder writes it; with `indent` it falls back to
    # pure Python (docs/scale.md: what that cost). The items go last, in place of the empty list.
    head = json.dumps(collection, **COMPACT)
    pieces = [head.removesuffix("[]}}"), "["]
    for i, fragment in enumerate(fragments):
        pieces += (",", fragment) if i else (fragment,)
    pieces.append("]}}\n")
    return "".join(pieces)  # one copy of the items (joining, then adding, made three at once)
