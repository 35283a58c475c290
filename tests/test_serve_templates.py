"""Under `mkdocs serve` the theme's templates are compiled once per process, not on every save.

Shortcut `template-cache` (newsdigest/mkdocs_plugin/template_cache.py): every Jinja
environment the theme makes shares the compiled templates, the build's own and the
ones Material's search plugin makes while it reads the configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from newsdigest import shortcuts


@pytest.mark.skipif("template-cache" in shortcuts.OFF, reason="NEWSDIGEST_SHORTCUTS turns it off")
def test_a_save_compiles_no_template_again(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config_file = str(mini / "mkdocs.yml")
    site = str(mini / "site")
    first = load_config(config_file, site_dir=site)
    first.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty` starts
    build(first, dirty=True)
    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: Any, name: str | None = None, *args: Any) -> Any:
        compiled.append(name)
        return compile_template(self, source, name, *args)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("comes from", "came from"), encoding="utf-8")
    build(load_config(config_file, site_dir=site), dirty=True)  # a save: MkDocs reads mkdocs.yml again
    page = mini / "site" / "articles" / "daily-report" / "index.html"
    assert "The estimate came from" in page.read_text(encoding="utf-8"), "the save was built"
    assert [name for name in compiled if name is not None] == [], "every template came compiled"
