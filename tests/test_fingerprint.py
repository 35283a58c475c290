"""The no-op fingerprint changes with anything that can change the pages."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

from newsdigest import memo_store
from newsdigest.commands.cli import main
from newsdigest.load import fingerprint, inputs


def test_a_library_upgrade_changes_the_fingerprint(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint.inputs_fingerprint(mini, ())
    real = metadata.distribution

    class Upgraded:
        def __init__(self, dist: metadata.Distribution) -> None:
            self.version = dist.version + ".post1"
            self.requires = dist.requires

    def distribution(name: str) -> object:
        dist = real(name)
        return Upgraded(dist) if name == "mdurl" else dist  # a dependency of a dependency

    monkeypatch.setattr(metadata, "distribution", distribution)
    assert fingerprint.runtime_versions()["mdurl"].endswith(".post1")
    assert fingerprint.inputs_fingerprint(mini, ()) != before


def test_the_python_version_changes_the_fingerprint(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = fingerprint.inputs_fingerprint(mini, ())
    monkeypatch.setattr(sys, "version", "3.99.0 (a newer interpreter)")
    assert fingerprint.inputs_fingerprint(mini, ()) != before


def test_every_stage_of_the_code_is_hashed() -> None:
    files = {p.relative_to(fingerprint.PACKAGE).as_posix() for p in fingerprint.code_files()}
    assert {"pipeline.py", "render/article.py", "anchor/match.py", "assets/digest.js"} <= files
    assert {"load/fingerprint.py", "exports/webannotation.py", "markdown_dialect.py"} <= files


def test_the_runtime_libraries_are_listed_but_not_extras() -> None:
    versions = fingerprint.runtime_versions()
    assert versions["markdown-it-py"] == metadata.version("markdown-it-py")
    assert "mdurl" in versions and "pymdown-extensions" in versions
    assert "pytest" not in versions and "newsdigest" not in versions


def test_a_pages_run_reads_the_versions_and_lists_the_inputs_once(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The no-op check and the build share the library versions and the list of input files."""
    versions: list[str] = []
    folders: list[str] = []
    real_versions, real_listed = fingerprint.runtime_versions, inputs.listed

    def runtime_versions() -> dict[str, str]:
        versions.append("read")
        return real_versions()

    def listed(root: Path, folder: str, suffixes: tuple[str, ...]) -> list[str]:
        folders.append(folder)
        return real_listed(root, folder, suffixes)

    monkeypatch.setattr(fingerprint, "runtime_versions", runtime_versions)
    monkeypatch.setattr(inputs, "listed", listed)
    memo_store.environment.cache_clear()  # as in a new process
    try:
        assert main(["pages", "--root", str(mini)]) == 0
    finally:
        memo_store.environment.cache_clear()
    assert versions == ["read"]
    assert folders == ["articles", "annotations", "annotations/stories"]
