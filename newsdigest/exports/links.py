"""Addresses of pages as seen from a file at the root of the built site."""

from __future__ import annotations

from ..site_paths import Linker


def site_link(linker: Linker, src: str, fragment: str = "") -> str:
    """The URL of the page built from `src`: absolute when `site_url` is set, else relative to the site root.

    The exports live at the site root, so a relative link resolves correctly
    from them; readers that need absolute addresses need `site_url` in mkdocs.yml.
    """
    path = linker.url(src) or "./"
    if linker.site_url:
        path = linker.site_url.rstrip("/") + "/" + linker.url(src)
    return path + (f"#{fragment}" if fragment else "")


def site_file(linker: Linker, name: str) -> str:
    """The URL of a file at the site root (such as `feed.xml`)."""
    return linker.site_url.rstrip("/") + "/" + name if linker.site_url else name
