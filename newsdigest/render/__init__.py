"""Stage 4: turn the anchored digest into Markdown pages (path -> text)."""

from __future__ import annotations

from ..anchor import AnchoredArticle, AnchoredDigest
from . import urls
from .article import render_article_page
from .glossary import render_glossary
from .site import render_archive, render_home, render_outlet, render_outlets, render_topics
from .story import render_story_page

Pages = dict[str, str]
"""Page path relative to the docs folder -> page source."""

_ARTICLE_PAGES: dict[str, tuple[AnchoredArticle, object, str]] = {}
"""Article pages of the previous build in this process, reused when their inputs are the
very same anchored article (see anchor's memo) in the same context: `mkdocs serve`
then re-renders only what an edit touched."""


def render(
    anchored: AnchoredDigest, linker: urls.Linker | None = None, site_name: str = "Annotated news digest"
) -> Pages:
    linker = linker or urls.Linker()
    digest = anchored.digest
    pages: Pages = {
        urls.HOME: render_home(anchored, linker, site_name),
        urls.ARCHIVE: render_archive(digest, linker),
        urls.TOPICS: render_topics(),
        urls.OUTLETS: render_outlets(digest, linker),
        urls.GLOSSARY: render_glossary(digest),
    }
    for outlet in digest.outlets.values():
        pages[urls.outlet_page(outlet.id)] = render_outlet(digest, outlet, linker)
    for story in digest.stories.values():
        pages[urls.story_page(story.id)] = render_story_page(anchored, story, linker, site_name)
    previous = dict(_ARTICLE_PAGES)
    _ARTICLE_PAGES.clear()
    for placed in anchored.articles.values():
        a = placed.article
        # what an article page shows besides the anchored article itself
        context = (digest.outlets.get(a.outlet), digest.stories.get(a.story), digest.glossary, linker)
        cached = previous.get(a.id)
        if cached is not None and cached[0] is placed and cached[1] == context:
            page = cached[2]
        else:
            page = render_article_page(digest, placed, linker)
        _ARTICLE_PAGES[a.id] = (placed, context, page)
        pages[urls.article_page(a.id)] = page
    return dict(sorted(pages.items()))
