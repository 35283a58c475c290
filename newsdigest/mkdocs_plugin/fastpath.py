"""Shortcuts that spare MkDocs work on generated pages without changing its output.

A generated page body is finished HTML. Left to MkDocs, each page would set up
a Python-Markdown instance with every configured extension, which then runs
html.parser over the body twice only to pass it through unchanged; and
Material's search plugin would run html.parser over every inline tag of it.
ReadyPage and search_view avoid both (shortcuts `ready-html` and
`search-view`, see newsdigest/shortcuts.py), and tests/test_fastpath.py
checks that the built pages and search index are the same bytes without them.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .. import shortcuts

HTML_PAGE_START = '<div class="dn-page">'
"""How every generated page body starts (see render.common.page): one raw HTML block."""

_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"')

INLINE_TAGS = "a abbr b bdi cite data dfn em i mark q s small span strong time u".split()
"""Tags whose text Material's search keeps but whose markup it drops."""

_INLINE = re.compile(rf"</?(?:{'|'.join(INLINE_TAGS)})\b[^>]*>")
_SPECIAL = re.compile(
    rf"<(?:{'|'.join(INLINE_TAGS)})\b[^>]*(?:data-search-|headerlink)[^>]*>"  # excluded text, permalinks
    r'|\sdata-search-\w+="'  # attributes that Material's search removes from the page it indexes
)


def is_ready_html(body: str) -> bool:
    return body.startswith(HTML_PAGE_START)


class ReadyPage(Page):
    """A generated page, whose body MkDocs passes to the theme as it is.

    MkDocs lets a plugin give a file its own page object (`File.page`, set in
    on_files); this one overrides only the public `render` step. Python-Markdown
    would stash the one raw HTML block and give it back unchanged, with no
    table of contents, no title and no links to rewrite (its tree processors
    never see stashed HTML): that is what is set here, without it.
    """

    def read_source(self, config: MkDocsConfig) -> None:
        super().read_source(config)
        if shortcuts.take("page-release"):  # MkDocs reads a page's file once: keep one copy of its text
            self.file.content_string = ""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        body = (self.markdown or "").strip()
        if not is_ready_html(body) or not shortcuts.take("ready-html"):
            super().render(config, files)
            return
        self.markdown = self.content = body  # one string for both (it differs only by a last line break)
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = anchor_ids(body)
        self.links_to_anchors = {}

    def release(self) -> None:
        """Once the page is written: free its text, which MkDocs keeps to the end of the build.

        Nothing after a page's `post_page` event reads a generated page's text (MkDocs
        checks links with the ids collected in `render`; Material's search has indexed
        it already), and at 10,000 articles those texts are most of the build's memory.
        The file's own copy is freed as soon as the page is read (`read_source`).
        """
        if shortcuts.take("page-release"):
            self.markdown = self.content = None


def nav_titles(nav: object) -> dict[str, str]:
    """The title mkdocs.yml's `nav` gives a page, by path (its first mention), as MkDocs reads it.

    A page object made before the navigation keeps its own title, so ReadyPage is given this one.
    """
    titles: dict[str, str] = {}

    def walk(data: object) -> None:
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, str):
                    titles.setdefault(value, str(key))
                else:
                    walk(value)  # a section: its pages
        elif isinstance(data, list):
            for item in data:
                walk(item)

    walk(nav)
    return titles


def anchor_ids(body: str) -> set[str]:
    """The `id`s of a generated page, as MkDocs collects them to check links to `page#id`."""
    return {html.unescape(value) for value in _ID.findall(body)}


def search_view(body: str) -> str:
    """The page as Material's search needs it: inline tags dropped, their text kept.

    Material's search parser keeps the text of inline elements and drops
    their tags, so removing them beforehand gives the same index entries at
    less than half the parsing time. Pages where an inline element is
    excluded from search or is a heading's permalink, or with attributes the
    search plugin edits, are left as they are.
    """
    if _SPECIAL.search(body):
        return body
    return _INLINE.sub("", body)
