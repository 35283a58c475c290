"""Every command of build_digest.py has --help and is documented in README.md, and what README shows runs."""

from __future__ import annotations

import argparse
import re
import shlex
import shutil
from pathlib import Path

import pytest
from desk_week import DESK, start

from newsdigest.commands import COMMANDS
from newsdigest.commands.cli import CommandParser, parser
from support import REPO, run_cli, run_mkdocs

NAMES = [command.name for command in COMMANDS]


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
    command = next(c for c in COMMANDS if name == c.name)
    assert " ".join(command.description.split()[:4]) in " ".join(result.stdout.split())


def test_top_level_help_lists_every_command() -> None:
    text = parser().format_help()
    for name in NAMES:
        assert re.search(rf"^\s+{re.escape(name)}\s", text, re.M), name


def readme_section(title: str) -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    begin = readme.index(f"\n## {title}\n")
    return readme[begin : readme.index("\n## ", begin + 1)]


def shown_commands(section: str) -> list[list[str]]:
    """Every command line the section shows, in a code block or in `inline code`, split as a shell would."""
    blocks = re.findall(r"```bash\n(.*?)```", section, re.S)
    prose = re.sub(r"```.*?```", "", section, flags=re.S)
    inline = re.findall(r"`([^`\n]*\b(?:build_digest\.py|mkdocs) [^`\n]*)`", prose)
    lines = [line for block in blocks for line in block.splitlines() if line.strip()] + inline
    return [[w for w in shlex.split(line) if not re.fullmatch(r"[A-Z_0-9]+=\S*", w)] for line in lines]


def digest_arguments(words: list[str]) -> list[str] | None:
    """The arguments given to build_digest.py, or None for another program."""
    return words[words.index("build_digest.py") + 1 :] if "build_digest.py" in words else None


def option_names(sub: argparse.ArgumentParser) -> set[str]:
    assert isinstance(sub, CommandParser)
    sub.add_options()  # a command's options are added when it first parses
    return {name for action in sub._actions for name in action.option_strings}


ADDING = readme_section("Adding an article")


def test_adding_an_article_shows_the_commands_of_the_workflow() -> None:
    shown = shown_commands(ADDING)
    digest = [args[0] for words in shown if (args := digest_arguments(words))]
    assert {"import", "check"} <= set(digest), shown
    assert ["mkdocs", "serve"] in [[Path(w).name for w in words] for words in shown]


@pytest.mark.parametrize("words", shown_commands(ADDING), ids=" ".join)
def test_every_command_in_adding_an_article_parses(words: list[str]) -> None:
    args = digest_arguments(words)
    if args is None:
        assert Path(words[0]).name == "mkdocs", words
        result = run_mkdocs(words[1], "--help", cwd=REPO)
        assert result.returncode == 0, result.stderr
        return
    parser().parse_args(args)  # an unknown command or option, or a bad value, exits here


def test_every_option_named_in_adding_an_article_exists() -> None:
    """Options quoted in the prose (`--via NAME`, `--dry-run` …) belong to a command the section shows."""
    top = parser()
    subs = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction)).choices
    shown = {args[0] for words in shown_commands(ADDING) if (args := digest_arguments(words))}
    known = set().union(*(option_names(subs[name]) for name in shown))
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", ADDING))
    assert named and named <= known, sorted(named - known)


def test_the_import_shown_in_adding_an_article_runs(tmp_path: Path) -> None:
    """On the desk's week (tests/fixtures/desk_week), with one of its raw copies as `copy.txt`."""
    root = start(tmp_path / "desk")
    (root / "annotations" / "stories").mkdir()
    shutil.copy(
        DESK / "stories" / "airport-tram.start.yml", root / "annotations" / "stories" / "airport-tram.yml"
    )
    shutil.copy(DESK / "raw" / "npa-tram-approved.txt", root / "copy.txt")
    imports = [a for words in shown_commands(ADDING) if (a := digest_arguments(words)) and a[0] == "import"]
    assert imports
    for args in imports:
        result = run_cli(*args, "--retrieved", "2025-03-05", cwd=root)
        assert result.returncode == 0, result.stderr
        article_id = args[args.index("--id") + 1]
        assert (root / "articles" / f"{article_id}.md").is_file()
