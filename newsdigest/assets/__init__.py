"""The digest's stylesheet and script, published at the same paths however the site is built.

`mkdocs build`/`serve` adds them as files (the digest plugin); `build_digest.py
pages` writes them into docs/, and mkdocs.yml links them with `extra_css` and
`extra_javascript`, so an engine that reads mkdocs.yml and docs/ but runs no
MkDocs plugin (Zensical) still gives readers badges and note panels.
"""

from __future__ import annotations

from importlib import resources

ASSET_DIR = "assets/digest"
"""Folder of the published assets, relative to docs/ and to the site root."""
STYLESHEET = f"{ASSET_DIR}/digest.css"
SCRIPT = f"{ASSET_DIR}/digest.js"


def published_assets() -> dict[str, str]:
    """Site path -> text, for the stylesheet and the script every page links to."""
    package = resources.files(__name__)
    return {
        path: package.joinpath(path.rsplit("/", 1)[1]).read_text("utf-8") for path in (STYLESHEET, SCRIPT)
    }
