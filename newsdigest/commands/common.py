"""Helpers shared by commands: settings from mkdocs.yml, counts, timing."""

from __future__ import annotations

from pathlib import Path

from .. import pipeline
from ..anchor import AnchoredDigest
from ..errors import DigestError, Loc, Problem
from ..load.settings import read_plugin_settings
from ..site_paths import Linker
from ..validate.rules import Rules, rules_from_settings


def require_digest(root: Path) -> None:
    if not (root / "articles").is_dir():
        raise DigestError(
            [Problem(Loc(str(root)), "no articles/ folder here", "use --root to point at a digest folder")]
        )


def site_settings(root: Path) -> tuple[Linker, str]:
    """use_directory_urls and site_name from the digest's mkdocs.yml, if any."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Linker(), pipeline.Options().site_name
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return Linker(bool(config["use_directory_urls"])), str(config["site_name"])


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
    stories = "story" if c["stories"] == 1 else "stories"
    return f"{c['articles']} articles, {c['notes']} notes, {c['stories']} {stories}, {c['claims']} claims"
