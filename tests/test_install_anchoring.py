"""scripts/install-anchoring.sh, run with a stand-in `npm` that lays out the two packages."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from support import REPO

FAKE_NPM = """#!/bin/sh
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    install|--*) shift ;;
    *) name="${1%@*}"; version="${1##*@}"
       mkdir -p "$prefix/node_modules/$name"
       printf '{"name": "%s", "version": "%s"}\\n' "$name" "$version" > "$prefix/node_modules/$name/package.json"
       shift ;;
  esac
done
"""


def install(tmp_path: Path, folder: str) -> subprocess.CompletedProcess[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    npm = bin_dir / "npm"
    npm.write_text(FAKE_NPM)
    npm.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "NEWSDIGEST_ANCHORING_DIR": folder}
    return subprocess.run(
        ["bash", str(REPO / "scripts" / "install-anchoring.sh")],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_folder_named_with_a_trailing_slash_is_installed(tmp_path: Path) -> None:
    """The old script (mkdir -p "$DIR") took `folder/`; the lock file "$DIR.lock" made it fail."""
    folder = tmp_path / "anchoring"
    result = install(tmp_path, f"{folder}/")
    assert result.returncode == 0, result.stderr
    assert (folder / "node_modules" / "dom-anchor-text-quote" / "package.json").is_file()
    again = install(tmp_path, f"{folder}/")
    assert again.returncode == 0, again.stderr
    assert "already installed" in again.stdout
