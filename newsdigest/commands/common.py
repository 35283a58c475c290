"""Helpers shared by commands: settings from mkdocs.yml, counts, timing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..anchor import AnchoredDigest
from ..errors import DigestError, Loc, Problem
from ..load.settings import read_plugin_settings
from ..plural import counted
from ..validate.rules import Rules, rules_from_settings

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


def require_digest(root: Path) -> None:
    if not (root / "articles").is_dir():
        raise DigestError(
            [Problem(Loc(str(root)), "no articles/ folder here", "use --root to point at a digest folder")]
        )


def site_config(root: Path) -> MkDocsConfig | None:
    """The digest's mkdocs.yml, loaded and validated as MkDocs does; None when there is none."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return None
    from mkdocs.config import load_config

    return load_config(str(config_file))


def desk_rules(root: Path) -> Rules:
    """The editorial rules in the digest plugin's settings in mkdocs.yml (the defaults if none)."""
    return rules_from_settings(read_plugin_settings(root))


def counts(anchored: AnchoredDigest) -> dict[str, int]:
    digest = anchored.digest
    return {
        "articles": len(digest.articles),
        "notes": sum(len(n) for n in digest.notes.values()),
        "stories": len(digest.stories),
        "claims": sum(len(s.claims) for s in digest.stories.values()),
        "unplaced": sum(len(a.unplaced) for a in anchored.articles.values()),
    }


def summary_line(c: dict[str, int]) -> str:
    nouns = {"articles": "article", "notes": "note", "stories": "story", "claims": "claim"}
    return ", ".join(counted(c[key], noun) for key, noun in nouns.items())
