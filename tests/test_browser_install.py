"""The browser tests find what scripts/install-browser.sh installed, and never install anything.

Missing tools skip with the script's name locally, and fail when `CI` is set.
Each case runs pytest on the tools check in a child process, with axe-core
looked for in an empty (or damaged) folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from browser_support import AXE_VERSION, INSTALL_SCRIPT

from support import REPO, TESTS

TOOLS_CHECK = "tests/test_browser.py::test_installed_tools_are_usable"


def run_tools_check(axe_dir: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env |= {"NEWSDIGEST_AXE_DIR": str(axe_dir), **({"CI": ci} if ci is not None else {})}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", TOOLS_CHECK],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_axe_skips_naming_the_install_script(tmp_path: Path) -> None:
    result = run_tools_check(tmp_path, ci=None)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 skipped"), result.stdout
    assert (
        f"axe-core {AXE_VERSION} is not installed at {tmp_path}/axe-core-{AXE_VERSION}/axe.min.js; "
        f"install it with {INSTALL_SCRIPT}" in result.stdout
    ), result.stdout
    assert list(tmp_path.iterdir()) == [], "the test run installed something"


def test_missing_axe_fails_under_ci(tmp_path: Path) -> None:
    result = run_tools_check(tmp_path, ci="true")
    assert result.returncode == 1, result.stdout
    assert re.search(r"^1 failed", result.stdout.splitlines()[-1]), result.stdout
    assert f"install it with {INSTALL_SCRIPT}" in result.stdout


def test_a_half_written_axe_file_is_not_trusted(tmp_path: Path) -> None:
    damaged = tmp_path / f"axe-core-{AXE_VERSION}" / "axe.min.js"
    damaged.parent.mkdir()
    damaged.write_text(f"/*! axe v{AXE_VERSION}\n * Copyright", encoding="utf-8")
    result = run_tools_check(tmp_path, ci=None)
    assert f"{damaged} is not a complete axe-core {AXE_VERSION}; install it with {INSTALL_SCRIPT}" in (
        result.stdout
    ), result.stdout


def test_the_script_installs_the_version_the_tests_look_for() -> None:
    script = (REPO / INSTALL_SCRIPT).read_text(encoding="utf-8")
    assert re.search(rf"^AXE_VERSION={re.escape(AXE_VERSION)}\b", script, re.M)
    fixtures = (TESTS / "browser_support.py").read_text(encoding="utf-8")
    assert "subprocess" not in fixtures and "npm" not in fixtures.replace("(npm", "")
