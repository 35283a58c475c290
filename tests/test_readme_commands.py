"""Every command of build_digest.py has --help and is documented in README.md."""

from __future__ import annotations

import re

import pytest

from newsdigest.commands import COMMANDS
from newsdigest.commands.cli import parser
from support import REPO, run_cli

NAMES = [command.NAME for command in COMMANDS]


def documented() -> set[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    return set(re.findall(r"build_digest\.py\s+([a-z][a-z-]*)", readme))


@pytest.mark.parametrize("name", NAMES)
def test_command_is_documented_in_the_readme(name: str) -> None:
    assert name in documented(), f"README.md never shows `python build_digest.py {name} ...`"


@pytest.mark.parametrize("name", NAMES)
def test_command_has_help(name: str) -> None:
    result = run_cli(name, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: build_digest.py {name} ")
    command = next(c for c in COMMANDS if name == c.NAME)
    assert " ".join(command.DESCRIPTION.split()[:4]) in " ".join(result.stdout.split())


def test_top_level_help_lists_every_command() -> None:
    text = parser().format_help()
    for name in NAMES:
        assert re.search(rf"^\s+{re.escape(name)}\s", text, re.M), name
