"""Shared browser-test fixtures: the built sample (one site per search back end), its server, Chromium.

Loaded by browser test modules with `pytest_plugins = ["browser_support"]`, so
the session fixtures (one build per back end, one browser) are shared.
Needs /usr/bin/chromium and axe-core, which scripts/install-browser.sh installs
(the README's test command and .ci/run call it; the tests never install
anything). Without them these tests skip locally, naming the script, and fail
when `CI` is set, so a CI machine cannot silently stop testing the reader's
experience.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdigest import pipeline
from support import REPO, configure_search, copy_sample, run_mkdocs

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_VERSION = "4.14.1"
"""The axe-core release scripts/install-browser.sh installs (AXE_VERSION there too)."""
AXE = (
    Path(os.environ.get("NEWSDIGEST_AXE_DIR") or Path.home() / ".cache" / "newsdigest-axe")
    / f"axe-core-{AXE_VERSION}"
    / "axe.min.js"
)
ARTIFACTS = REPO / "test-artifacts"
INSTALL_SCRIPT = "scripts/install-browser.sh"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    """Skip locally; under CI a missing browser is a failure, not a skip."""
    message = f"{reason}; install it with {INSTALL_SCRIPT}"
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def axe_problem() -> str | None:
    """Why axe-core cannot be used (missing, or not the whole file of the expected version), or None."""
    try:
        with AXE.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return f"axe-core {AXE_VERSION} is not installed at {AXE}"
    if f"axe v{AXE_VERSION}".encode() not in header or AXE.stat().st_size < 100_000:
        return f"{AXE} is not a complete axe-core {AXE_VERSION}"
    return None


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build_sample(tmp_path_factory: pytest.TempPathFactory, search: str) -> Path:
    """The sample digest, built with `mkdocs build --strict` into a private copy, with this search back end."""
    root = copy_sample(tmp_path_factory.mktemp(f"browser-{search}") / "sample")
    if search != "material":
        configure_search(root, search)
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def serve(directory: Path) -> Iterator[str]:
    """Base URL of `directory`, served on a free port of 127.0.0.1 until the generator closes."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample digest with Material's built-in search (the default)."""
    return build_sample(tmp_path_factory, "material")


@pytest.fixture(scope="session")
def site(built: Path) -> Iterator[str]:
    """Base URL of the built site."""
    yield from serve(built / "site")


@pytest.fixture(scope="session")
def built_pagefind(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample digest with `search: pagefind`."""
    return build_sample(tmp_path_factory, "pagefind")


@pytest.fixture(scope="session")
def site_pagefind(built_pagefind: Path) -> Iterator[str]:
    yield from serve(built_pagefind / "site")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the `playwright` package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh desktop-sized tab; fails the test on any JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def anchored(built: Path) -> Any:
    return pipeline.build(built).anchored


def serious_violations(tab: Any, selector: str = "") -> list[str]:
    """axe-core's serious and critical findings on the open page (or within `selector`), one text each."""
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found: list[str] = tab.evaluate(
        "async (selector) => (await axe.run(selector ? {include: [[selector]]} : document,"
        " {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => `${v.impact} ${v.id}: ${v.help}\\n`"
        " + v.nodes.slice(0, 3).map(n => '    ' + n.html.slice(0, 160)).join('\\n'))",
        selector,
    )
    return found


def open_page(tab: Any, site: str, path: str) -> None:
    tab.goto(site + path)
    tab.wait_for_load_state("load")


ANSWERS = """terms => {
  const answered = [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
    .map(link => new URL(link.href).searchParams.get('h')).filter(Boolean);
  const wanted = terms.split(' ');
  return answered.includes(terms) && answered.every(h => h.split(' ').every(term => wanted.includes(term)));
}"""


def wait_for_results(tab: Any, terms: str) -> None:
    """Wait until Material's result list answers the query whose search terms are `terms`.

    Material asks its worker at each keystroke and shows each answer, so while
    a word is typed, and for a moment after its last key, the list holds the
    results for a prefix of it. Each result link names the terms it answers
    (its `h` parameter, feature `search.highlight`).
    """
    tab.wait_for_function(ANSWERS, arg=terms)
