"""Reading a built site: ids, links and text of its HTML pages."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.scripts: list[dict[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if "id" in found:
            self.ids.add(found["id"])
        if tag == "a" and "href" in found:
            self.links.append(found["href"])
        if tag == "mark":
            self.marks.append(found)
        if tag == "script":
            self.scripts.append(found)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points to, or None for external links."""
    if href.startswith(("http://", "https://", "mailto:", "/")):
        return None
    target, _, fragment = href.partition("#")
    if not target:
        return page, fragment
    base = page.parent.relative_to(site).as_posix()
    joined = posixpath.normpath(posixpath.join(base, target))
    path = site / joined
    if href.split("#")[0].endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, fragment
