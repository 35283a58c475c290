"""Command line: `python build_digest.py [COMMAND] ...`; see `--help`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import DigestError, format_report, problem_json, sort_problems
from . import COMMANDS

DESCRIPTION = "Build an annotated news digest: articles + YAML annotations -> MkDocs pages."


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build_digest.py", description=DESCRIPTION)
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        p = sub.add_parser(command.NAME, help=command.HELP, description=command.DESCRIPTION)
        command.add_arguments(p)
        p.add_argument("--root", type=Path, default=Path("."), help="the digest folder (default: .)")
        p.add_argument(
            "--format", choices=("text", "json"), default="text", help="how to print problems (default: text)"
        )
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv if argv is not None else sys.argv[1:] or ["pages"])
    if args.command is None:  # options given without a command: the default command
        args = parser().parse_args(["pages", *(argv if argv is not None else sys.argv[1:])])
    command = next(c for c in COMMANDS if args.command == c.NAME)
    try:
        return int(command.run(args))
    except DigestError as exc:
        if args.format == "json":
            problems = [problem_json(p) for p in sort_problems(exc.problems)]
            print(json.dumps({"ok": False, "problems": problems}, indent=1))
        else:
            print(format_report(exc.problems, exc.nothing_written), file=sys.stderr)
        return 1
