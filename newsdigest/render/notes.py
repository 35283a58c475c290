"""An article's notes, listed after its text, and the box of claims it makes."""

from __future__ import annotations

from ..anchor import AnchoredArticle
from ..model import Note
from ..schema import NOTE_KINDS
from . import urls
from .common import badge, esc, md_block, plain, sources_list
from .glossary import TermMarker

HEADING_QUOTE = 70
"""Characters of the quoted passage shown in a note's heading."""


def note_html(
    note: Note, terms: TermMarker, *, quote: str = "", original: str | None = None, number: int = 0
) -> str:
    """One note: kind, the passage, body, sources and links.

    `quote` is the highlighted text (empty when the note could not be placed);
    with the `original` address it gives a link to the passage in the original.
    """
    links = []
    if quote:
        links.append(f'<a href="#hl-{note.id}">Back to the passage</a>')
        if original:
            links.append(
                f'<a href="{esc(urls.text_fragment_url(original, quote))}">Passage in the original</a>'
            )
    links.append(f'<a href="#note-{note.id}">Permalink</a>')
    prefix = f"{number}. " if number else ""
    return (
        f'<section class="dn-note dn-{note.kind}">'
        f'<h3 id="note-{note.id}">{prefix}{badge("kind", note.kind, NOTE_KINDS[note.kind])} '
        f"<q>{esc(plain(note.quote.text, HEADING_QUOTE))}</q></h3>"
        f"{terms.wrap(md_block(note.body))}"
        f"{sources_list(note.sources)}"
        f'<p class="dn-note-links">{" · ".join(links)}</p>'
        "</section>"
    )


def claims_box(placed: AnchoredArticle, linker: urls.Linker) -> str:
    """Claims this article makes, each linked to its row in the story's comparison."""
    if not placed.claims:
        return ""
    src = urls.article_page(placed.article.id)
    items = "".join(
        f'<li><a href="{linker.href(src, urls.story_page(claim.story), f"claim-{claim.id}")}">'
        f'{esc(claim.claim)}</a> (<a href="#{mark.dom_id}">passage</a>)</li>'
        for claim, mark in sorted(placed.claims, key=lambda cm: cm[1].start)
    )
    return (
        '<div class="dn-claims admonition abstract">'
        '<p class="admonition-title" id="claims">Claims in this article</p>'
        f"<p>Compared with the other coverage on the story page:</p><ul>{items}</ul></div>"
    )
