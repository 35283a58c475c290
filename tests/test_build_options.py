"""One set of build options from mkdocs.yml, whether `pages` or `mkdocs build` runs the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from newsdigest.mkdocs_plugin.options import build_options
from support import run_cli, run_mkdocs

EXPORTS = ("feed.xml", "feed.json", "annotations.jsonld")


def configure(root: Path, settings: str, plugin: str = "  - digest\n") -> None:
    """Add top-level `settings` to mkdocs.yml and replace its `- digest` entry with `plugin`."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\n  - digest\n" in text
    config.write_text(settings + text.replace("\n  - digest\n", "\n" + plugin, 1), encoding="utf-8")


@pytest.mark.parametrize("directory_urls", ["true", "false"])
def test_pages_and_mkdocs_build_write_the_same_exports(
    tmp_path: Path, mini: Path, directory_urls: str
) -> None:
    configure(mini, f"site_url: https://digest.example/news/\nuse_directory_urls: {directory_urls}\n")
    built = run_mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=mini)
    assert built.returncode == 0, built.stderr
    written = run_cli("pages", "--root", str(mini), "--out", str(tmp_path / "pages"))
    assert written.returncode == 0, written.stderr
    for name in EXPORTS:
        from_pages = (tmp_path / "pages" / name).read_text(encoding="utf-8")
        assert from_pages == (tmp_path / "site" / name).read_text(encoding="utf-8"), name
    feed = (tmp_path / "pages" / "feed.xml").read_text(encoding="utf-8")
    page = "stories/bridge-vote/" if directory_urls == "true" else "stories/bridge-vote.html"
    assert f'href="https://digest.example/news/{page}"' in feed
    assert '"id":"https://digest.example/news/annotations.jsonld"' in (
        tmp_path / "pages" / "annotations.jsonld"
    ).read_text(encoding="utf-8")


def test_the_plugins_preview_option_applies_to_both(mini: Path) -> None:
    configure(mini, "site_description: preview\n", "  - digest:\n      preview: true\n")
    config = load_config(str(mini / "mkdocs.yml"))
    assert build_options(config).strict is False
    assert build_options(config).site_name == "Mini Digest"


def test_preview_defaults_to_serve_only(mini: Path) -> None:
    config = load_config(str(mini / "mkdocs.yml"))
    assert build_options(config).strict is True
    assert build_options(config, serving=True).strict is False
    assert build_options(config, preview=True).strict is False
    assert build_options(None).strict is True
