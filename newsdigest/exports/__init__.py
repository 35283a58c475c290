"""Interoperability files written into the built site beside the pages.

- `annotations.jsonld`: every note as a W3C Web Annotation (see `webannotation`);
- `feed.xml` (Atom) and `feed.json` (JSON Feed 1.1): the stories, newest first (see `feeds`).

Each function takes the anchored digest that is being published (draft notes
already left out) and returns the file's text; the output depends only on the
input, so rebuilding an unchanged digest gives identical bytes.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..anchor import AnchoredDigest
from ..site_paths import Linker
from .feeds import ATOM_FILE, JSON_FILE, atom_feed, feeds, json_feed
from .links import site_link
from .webannotation import ANNOTATIONS_FILE, web_annotations

__all__ = [
    "ANNOTATIONS_FILE",
    "ATOM_FILE",
    "JSON_FILE",
    "atom_feed",
    "json_feed",
    "render_exports",
    "site_link",
    "web_annotations",
]


def render_exports(
    anchored: AnchoredDigest, linker: Linker, site_name: str, pages: Mapping[str, str] | None = None
) -> dict[str, str]:
    """File path (relative to the site root) -> text, for every export; `pages` are the rendered pages."""
    return {
        ANNOTATIONS_FILE: web_annotations(anchored, linker, site_name, pages),
        **feeds(anchored, linker, site_name),
    }
