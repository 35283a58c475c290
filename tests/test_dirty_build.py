"""`mkdocs serve --dirty`: only pages whose generated content changed are rebuilt."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def test_dirty_rebuild_touches_only_changed_pages(mini: Path) -> None:
    config_file = str(mini / "mkdocs.yml")
    build(load_config(config_file))
    site = mini / "site"
    unchanged = site / "articles" / "weekly-view" / "index.html"
    changed = site / "articles" / "daily-report" / "index.html"
    old = 1_000_000_000
    for page in (unchanged, changed):
        os.utime(page, (old, old))
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("comes from", "came from"), encoding="utf-8")
    build(load_config(config_file), dirty=True)
    assert unchanged.stat().st_mtime == old
    assert changed.stat().st_mtime > old
    assert "The estimate came from" in changed.read_text(encoding="utf-8")
