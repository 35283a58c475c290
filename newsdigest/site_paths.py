"""Where each generated page lives, and links between pages.

Pages are written as raw HTML, which MkDocs does not rewrite, so links are
computed here the way MkDocs would compute them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass


def article_page(article_id: str) -> str:
    return f"articles/{article_id}.md"


def story_page(story_id: str) -> str:
    return f"stories/{story_id}.md"


def outlet_page(outlet_id: str) -> str:
    return f"outlets/{outlet_id}.md"


HOME = "index.md"
OUTLETS = "outlets/index.md"
GLOSSARY = "glossary.md"
ARCHIVE = "archive/index.md"
"""Every story, newest first, by year and month."""
TOPICS = "topics/index.md"
"""Stories by topic: Material's tags plugin writes the index there."""
FIXED_PAGES = (HOME, OUTLETS, GLOSSARY, ARCHIVE, TOPICS)
"""Pages the digest always writes; an id with one of their names is refused."""


@dataclass(frozen=True, slots=True)
class Linker:
    """Relative links from one generated page to another."""

    directory_urls: bool = True
    site_url: str = ""
    """The site's public address (mkdocs `site_url`), for absolute URLs in metadata; may be empty."""

    def url(self, src: str) -> str:
        """The URL MkDocs gives the page built from `src` (relative to the site root)."""
        stem = src.removesuffix(".md")
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"

    def href(self, from_src: str, to_src: str, fragment: str = "") -> str:
        here = self.url(from_src)
        base = here if here.endswith("/") or not here else posixpath.dirname(here)
        target = self.url(to_src)
        rel = posixpath.relpath(target or ".", base.rstrip("/") or ".")
        if (target == "" or target.endswith("/")) and rel != ".":
            rel += "/"
        if rel == ".":
            rel = "./"
        return rel + (f"#{fragment}" if fragment else "")

    def absolute(self, from_src: str, to_src: str, fragment: str = "") -> str:
        """An absolute URL when `site_url` is known, else the same relative link as `href`."""
        if not self.site_url:
            return self.href(from_src, to_src, fragment)
        return self.site_url.rstrip("/") + "/" + self.url(to_src) + (f"#{fragment}" if fragment else "")
