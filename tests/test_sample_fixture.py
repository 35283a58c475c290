"""The sample fixture is configured like the project, so tests on it test the project's site.

Only the tool's side of mkdocs.yml is compared (theme, Markdown extensions,
plugins, validation): `nav` and the digest plugin's options are the desk's,
and a desk changing them must not break a test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from newsdigest.load.settings import _Lenient
from support import REPO, SAMPLE

TOOL_KEYS = (
    "theme",
    "markdown_extensions",
    "validation",
    "docs_dir",
    "extra",
    "extra_css",
    "extra_javascript",
)


def tool_side(config_file: Path) -> dict[str, Any]:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Lenient)
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config.get("plugins", [])]
    return {"plugins": plugins, **{key: config.get(key) for key in TOOL_KEYS}}


def test_fixture_mkdocs_yml_follows_the_project() -> None:
    assert tool_side(SAMPLE / "mkdocs.yml") == tool_side(REPO / "mkdocs.yml"), (
        "mkdocs.yml's theme, extensions or plugins changed: copy the change into tests/fixtures/sample/mkdocs.yml"
    )


def test_every_page_in_the_fixture_nav_exists_or_is_generated() -> None:
    config = yaml.load((SAMPLE / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)

    def pages(nav: Any) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, list):
            return [p for item in nav for p in pages(item)]
        return [p for value in nav.values() for p in pages(value)]

    hand_written = [p for p in pages(config["nav"]) if (SAMPLE / "docs" / p).is_file()]
    assert {"methodology.md", "reference.md", "guarantees.md"} <= set(hand_written)
