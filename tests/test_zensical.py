"""`build_digest.py pages` output is a complete site source for engines that run no MkDocs plugin.

Zensical (from the makers of Material for MkDocs) reads mkdocs.yml and docs/
but runs no MkDocs plugin, so everything the digest needs must be in docs/
and linked from mkdocs.yml: the pages, and the digest's stylesheet and script.
Zensical is installed, when it can be, into its own cached environment
(tests/cached_venv.py) under ~/.cache/newsdigest-zensical or
$NEWSDIGEST_ZENSICAL_CACHE; it is never a dependency of the project. The
same checks run on MkDocs, which must link each asset once, whether `pages`
wrote it into docs/ or not.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import open_page, serve

from cached_venv import ENV, ToolSpec, Unavailable, cache_root, ensure
from newsdigest.assets import SCRIPT, STYLESHEET, published_assets
from support import REPO, copy_sample, run_mkdocs

pytest_plugins = ["browser_support"]

ZENSICAL = "0.0.73"
"""The newest release installable with this project's Python here (later ones need wheels not published)."""
SPEC = ToolSpec(name="zensical", requirements=(f"zensical=={ZENSICAL}",), project=False)
ARTICLE = "articles/toi-macron-coalition/index.html"


@functools.cache
def zensical() -> Path:
    try:
        env = ensure(SPEC, cache_root("NEWSDIGEST_ZENSICAL_CACHE", "newsdigest-zensical")).path
    except Unavailable as exc:
        pytest.skip(f"Zensical {ZENSICAL} could not be installed here, so it is not tested: {exc}")
    return env / "bin" / "zensical"


def write_pages(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "build_digest.py"), "pages", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=300,
        env=ENV,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, written by `pages`, then built by `zensical build` alone."""
    tool = zensical()
    root = copy_sample(tmp_path_factory.mktemp("zensical") / "sample")
    write_pages(root)
    built = subprocess.run(
        [str(tool), "build", "--clean"], cwd=root, capture_output=True, text=True, timeout=600, env=ENV
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return root / "site"


def asset_links(html: str) -> list[str]:
    return re.findall(
        r'<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="([^"]*assets/digest/[^"]*)"', html
    )


def test_pages_writes_the_assets_into_docs(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    write_pages(root)
    for path, text in published_assets().items():
        assert (root / "docs" / path).read_text(encoding="utf-8") == text


def test_zensical_builds_the_articles_with_the_digest_assets(zensical_site: Path) -> None:
    html = (zensical_site / ARTICLE).read_text(encoding="utf-8")
    assert 'class="dn-page"' in html and "<mark" in html
    assert asset_links(html) == [f"../../{STYLESHEET}", f"../../{SCRIPT}"]
    for path, text in published_assets().items():
        assert (zensical_site / path).read_text(encoding="utf-8") == text


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    yield from serve(zensical_site)


def test_note_panels_work_on_the_zensical_site(page: Any, zensical_url: str) -> None:
    """digest.js runs on Zensical's pages: a highlight opens its note in place."""
    open_page(page, zensical_url, ARTICLE.removesuffix("index.html"))
    mark = page.locator(".dn-text mark[role=button]").first
    mark.click()
    assert mark.get_attribute("aria-expanded") == "true"
    panel_id = mark.get_attribute("aria-controls")
    assert panel_id and page.locator(f"#{panel_id}").is_visible()


@pytest.mark.parametrize("after_pages", [False, True], ids=["plugin-only", "after-pages"])
def test_mkdocs_links_each_asset_once(tmp_path: Path, after_pages: bool) -> None:
    """mkdocs.yml links the assets and the plugin adds them only if it does not; docs/ copies are replaced."""
    root = copy_sample(tmp_path / "sample")
    if after_pages:
        write_pages(root)
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    html = (root / "site" / ARTICLE).read_text(encoding="utf-8")
    assert asset_links(html) == [f"../../{STYLESHEET}", f"../../{SCRIPT}"]
    for path, text in published_assets().items():
        assert (root / "site" / path).read_text(encoding="utf-8") == text
