"""An article's notes, listed after its text."""

from __future__ import annotations

from .. import site_paths
from ..model import Note
from ..schema.vocabularies import NOTE_KINDS
from .common import esc, md_block, plain, review_dates, sources_list
from .glossary import TermMarker
from .quoting import quotation
from .trust import Desk, rating_explained, report_link

HEADING_QUOTE = 70
"""Characters of the quoted passage shown in a note's heading."""


def note_html(
    note: Note,
    terms: TermMarker,
    *,
    placed: bool = False,
    number: int = 0,
    language: str = "",
    desk: Desk | None = None,
    linker: site_paths.Linker | None = None,
    src: str = "",
) -> str:
    """One note: kind, the passage, body, sources and links.

    The heading links to the note itself (its permalink). A `placed` note
    links back to its highlight; digest.js adds the link to the passage in
    the original, built from the highlight's text, so the page does not carry
    a long text-fragment address per note. The links are kept out of the
    search index, where they would repeat on every note. The badge takes its
    colour from the kind class on the section. `language` is the article's,
    for the quoted passage. A fact-check note shows its rating with the
    rating's meaning; every note ends with the desk's "Report an error" link
    (render/trust.py), addressed to the note's permalink on `src`.
    """
    desk, linker = desk or Desk(), linker or site_paths.Linker()
    prefix = f"{number}. " if number else ""
    heading = (
        f'{prefix}<span class="dn-badge">{esc(NOTE_KINDS[note.kind])}</span> '
        f"{quotation(plain(note.quote.text, HEADING_QUOTE), language)}"
    )
    links = [f'<a href="#hl-{note.id}">Back to the passage</a>'] if placed else []
    what = f"{NOTE_KINDS[note.kind].lower()} note on “{plain(note.quote.text, HEADING_QUOTE)}”"
    if report := report_link(desk, linker, src, f"note-{note.id}", what):
        links.append(report)
    back = f'<p class="dn-note-links" data-search-exclude>{" · ".join(links)}</p>' if links else ""
    rating = rating_explained(note.rating, desk, linker, src) if note.rating else ""
    return (
        f'<section class="dn-note dn-{note.kind}">'
        f'<h3 id="note-{note.id}"><a href="#note-{note.id}">{heading}</a></h3>'
        f"{rating}"
        f"{terms.wrap(md_block(note.body))}"
        f"{review_dates(note.reviewed, note.updated)}"
        f"{sources_list(note.sources)}"
        f"{back}"
        "</section>"
    )
