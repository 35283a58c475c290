"""Command line: `python build_digest.py [COMMAND] ...`; see `--help`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import DigestError, format_report, problem_json, sort_problems
from . import COMMANDS, Command

DESCRIPTION = "Build an annotated news digest: articles + YAML annotations -> MkDocs pages."


class CommandParser(argparse.ArgumentParser):
    """One command's parser; its options are added (and its module imported) when it first parses."""

    def __init__(self, *, command: Command, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.command = command
        self._options_added = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.add_options()
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self.add_options()
        return super().format_help()

    def add_options(self) -> None:
        if self._options_added:
            return
        self._options_added = True
        self.command.load().add_arguments(self)
        self.add_argument("--root", type=Path, default=Path("."), help="the digest folder (default: .)")
        self.add_argument(
            "--format", choices=("text", "json"), default="text", help="how to print problems (default: text)"
        )


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build_digest.py", description=DESCRIPTION)
    sub = top.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for command in COMMANDS:
        sub.add_parser(command.name, help=command.help, description=command.description, command=command)
    return top


def with_command(argv: list[str]) -> list[str]:
    """The arguments with the default command, `pages`, first when they name none (`--root x`)."""
    if not argv or (argv[0].startswith("-") and argv[0] not in ("-h", "--help")):
        return ["pages", *argv]
    return argv


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(with_command(argv if argv is not None else sys.argv[1:]))
    command = next(c for c in COMMANDS if args.command == c.name).load()
    try:
        return int(command.run(args))
    except DigestError as exc:
        if args.format == "json":
            problems = [problem_json(p) for p in sort_problems(exc.problems)]
            print(json.dumps({"ok": False, "problems": problems}, indent=1))
        else:
            print(format_report(exc.problems, exc.nothing_written), file=sys.stderr)
        return 1
