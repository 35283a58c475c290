"""Stage 4: turn the anchored digest into Markdown pages (path -> text)."""

from __future__ import annotations

from functools import partial

from .. import site_paths
from ..anchor import AnchoredArticle, AnchoredDigest
from ..memo import BuildMemo
from ..model import Digest
from .article import render_article_page
from .glossary import render_glossary
from .site import render_archive, render_home, render_outlet, render_outlets, render_topics
from .story import render_story_page
from .trust import Desk

Pages = dict[str, str]
"""Page path relative to the docs folder -> page source."""

_ARTICLE_PAGES: BuildMemo[tuple[object, ...], str] = BuildMemo()
"""Article pages of the previous build in this process, by everything a page shows:
`mkdocs serve` then re-renders only what an edit touched."""


def _article_page(
    digest: Digest, placed: AnchoredArticle, linker: site_paths.Linker, desk: Desk, _key: object
) -> str:
    return render_article_page(digest, placed, linker, desk)


def render(
    anchored: AnchoredDigest,
    linker: site_paths.Linker | None = None,
    site_name: str = "Annotated news digest",
    desk: Desk | None = None,
) -> Pages:
    linker = linker or site_paths.Linker()
    desk = desk or Desk()
    digest = anchored.digest
    pages: Pages = {
        site_paths.HOME: render_home(anchored, linker, site_name),
        site_paths.ARCHIVE: render_archive(digest, linker),
        site_paths.TOPICS: render_topics(),
        site_paths.OUTLETS: render_outlets(digest, linker),
        site_paths.GLOSSARY: render_glossary(digest),
    }
    for outlet in digest.outlets.values():
        pages[site_paths.outlet_page(outlet.id)] = render_outlet(digest, outlet, linker)
    for story in digest.stories.values():
        pages[site_paths.story_page(story.id)] = render_story_page(anchored, story, linker, site_name, desk)
    _ARTICLE_PAGES.start()
    for placed in anchored.articles.values():
        a = placed.article
        key = (
            a,
            placed.notes,
            tuple(placed.highlights),
            tuple(placed.unplaced),
            tuple(placed.claims),
            digest.outlets.get(a.outlet),
            digest.stories.get(a.story),
            digest.glossary,
            linker,
            desk,
        )
        pages[site_paths.article_page(a.id)] = _ARTICLE_PAGES.get(
            key, partial(_article_page, digest, placed, linker, desk)
        )
    return dict(sorted(pages.items()))
