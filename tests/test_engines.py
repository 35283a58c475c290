"""The same digest builds with ProperDocs (the maintained fork of MkDocs 1.x) and with MkDocs.

ProperDocs is installed once into its own virtual environment under
~/.cache/newsdigest-properdocs (or $NEWSDIGEST_PROPERDOCS_CACHE), so the
project's environment keeps MkDocs as it is. ProperDocs finds plugins through
both the `properdocs.plugins` and the `mkdocs.plugins` entry-point groups, and
redirects `mkdocs.*` imports to its own modules, so the `digest` plugin loads
there unchanged.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import REPO, SAMPLE, copy_sample, run_mkdocs

PROPERDOCS = "1.6.7"
CACHE = Path(os.environ.get("NEWSDIGEST_PROPERDOCS_CACHE", Path.home() / ".cache" / "newsdigest-properdocs"))
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">.*?</article>', re.S)


def properdocs_venv() -> Path:
    """A venv with ProperDocs and this project (editable); made once per ProperDocs version and pyproject."""
    key = hashlib.sha256((PROPERDOCS + (REPO / "pyproject.toml").read_text("utf-8")).encode()).hexdigest()[
        :12
    ]
    venv = CACHE / f"properdocs-{PROPERDOCS}-{key}"
    ready = venv / "ready"
    if ready.is_file():
        return venv
    for old in CACHE.glob("properdocs-*"):  # environments for other versions, and half-made ones
        shutil.rmtree(old, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    install = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            f"properdocs=={PROPERDOCS}",
            "-e",
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    if install.returncode != 0:
        pytest.skip(
            f"ProperDocs {PROPERDOCS} could not be installed (no package index?): {install.stderr[-400:]}"
        )
    ready.write_text(PROPERDOCS + "\n", encoding="utf-8")
    return venv


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    venv = properdocs_venv()
    root = copy_sample(tmp_path_factory.mktemp("engines") / "sample")
    mkdocs = run_mkdocs("build", "--strict", "-d", "site-mkdocs", cwd=root)
    assert mkdocs.returncode == 0, mkdocs.stderr
    properdocs = subprocess.run(
        [str(venv / "bin" / "properdocs"), "build", "--strict", "-f", "mkdocs.yml", "-d", "site-properdocs"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert properdocs.returncode == 0, properdocs.stderr
    return root / "site-mkdocs", root / "site-properdocs", properdocs.stderr


def article_body(site: Path, article_id: str) -> str:
    html = (site / "articles" / article_id / "index.html").read_text(encoding="utf-8")
    match = ARTICLE.search(html)
    assert match, f"no article element in {site.name}/articles/{article_id}/"
    return match.group(0)


def test_properdocs_version_and_plugin_group(two_builds: tuple[Path, Path, str]) -> None:
    venv = properdocs_venv()
    version = subprocess.run([str(venv / "bin" / "properdocs"), "--version"], capture_output=True, text=True)
    assert f"version {PROPERDOCS}" in version.stdout
    probe = "from properdocs.plugins import get_plugins; p = get_plugins()['digest']; print(p.group, p.value)"
    found = subprocess.run([str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True)
    group, value = found.stdout.split()
    assert group in ("mkdocs.plugins", "properdocs.plugins"), found.stderr
    assert value == "newsdigest.mkdocs_plugin.plugin:DigestPlugin"


def test_mkdocs_and_properdocs_coexist_in_one_environment(two_builds: tuple[Path, Path, str]) -> None:
    """Material depends on MkDocs, so the ProperDocs environment has both; each runs as itself."""
    venv = properdocs_venv()
    mkdocs = subprocess.run([str(venv / "bin" / "mkdocs"), "--version"], capture_output=True, text=True)
    assert mkdocs.returncode == 0 and "mkdocs, version 1.6.1" in mkdocs.stdout


@pytest.mark.parametrize("article_id", sorted(p.stem for p in (SAMPLE / "articles").glob("*.md")))
def test_article_pages_are_the_same_with_both_engines(
    two_builds: tuple[Path, Path, str], article_id: str
) -> None:
    with_mkdocs, with_properdocs, _ = two_builds
    body = article_body(with_mkdocs, article_id)
    assert 'class="dn-page"' in body and "<mark" in body, "the digest plugin did not render the article"
    assert article_body(with_properdocs, article_id) == body


def test_both_engines_build_the_same_pages(two_builds: tuple[Path, Path, str]) -> None:
    with_mkdocs, with_properdocs, _ = two_builds

    def pages(site: Path) -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))

    assert pages(with_properdocs) == pages(with_mkdocs)
