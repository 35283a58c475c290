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
- `target`: `source` is the original article's address when the front matter
  gives one, else the digest page; `scope` is the digest page when the source is
  the original. Selectors: a TextQuoteSelector (the highlighted passage, with up to
  32 characters before and after as prefix and suffix) and a TextPositionSelector
  (start and end, counted in characters of the article's text as the digest
  renders it: the text quotes are matched against, blocks separated by one
  newline). On the original page positions may differ; prefer the quote there.
  A note that could not be placed (preview builds only) gets a TextQuoteSelector
  built from its own `quote`, `prefix` and `suffix`, and no positions.
- `created` and `modified`: the note's `reviewed` and `updated` dates, as
  midnight UTC (the model asks for a date-time with a time zone); left out
  when the note gives none.
"""

from __future__ import annotations

import json
from typing import Any

from ..anchor import AnchoredDigest
from ..anchor.stage import AnchoredArticle, Highlight
from ..markdown_dialect import render_markdown
from ..model import Note, Source
from ..site_paths import Linker, article_page
from .links import site_file, site_link

ANNOTATIONS_FILE = "annotations.jsonld"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32
"""Characters of text kept before and after a passage in a TextQuoteSelector."""
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


def selectors(placed: AnchoredArticle, note: Note, mark: Highlight | None) -> list[dict[str, Any]]:
    if mark is None:
        selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": note.quote.text}
        if note.quote.prefix:
            selector["prefix"] = note.quote.prefix
        if note.quote.suffix:
            selector["suffix"] = note.quote.suffix
        return [selector]
    text = placed.rendered.text
    return [
        quote_selector(text, mark.start, mark.end),
        {"type": "TextPositionSelector", "start": mark.start, "end": mark.end},
    ]


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
    placed: AnchoredArticle, note: Note, mark: Highlight | None, linker: Linker, creator: dict[str, Any]
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
    target: dict[str, Any] = {"type": "SpecificResource", "source": article.url or page}
    if article.url:
        target["scope"] = page
    target["selector"] = selectors(placed, note, mark)
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
    data["target"] = target
    return data


def web_annotations(anchored: AnchoredDigest, linker: Linker | None = None, site_name: str = "") -> str:
    """The AnnotationCollection of every note, articles by id and notes in file order."""
    linker = linker or Linker()
    creator: dict[str, Any] = {"type": "Organization", "name": site_name or "Annotated news digest"}
    if linker.site_url:
        creator["homepage"] = linker.site_url
    items = []
    for _, placed in sorted(anchored.articles.items()):
        marks = {h.target: h for h in placed.highlights if h.kind != "claim"}
        for note in placed.notes:
            items.append(annotation(placed, note, marks.get(note.id), linker, creator))
    own = site_file(linker, ANNOTATIONS_FILE)
    collection = {
        "@context": CONTEXT,
        "id": own,
        "type": "AnnotationCollection",
        "label": f"{creator['name']}: context notes",
        "total": len(items),
        "first": {"id": f"{own}#page-1", "type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    # Compact: the standard library's C encoder writes it (with `indent` it falls back to
    # pure Python, most of this export's time at 10,000 notes).
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
