"""`check`: validate and anchor everything, print the build report, write nothing."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from .. import pipeline
from ..errors import problem_json
from ..validate.report import report_text
from .common import counts, desk_rules, require_digest, summary_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (such as draft notes, or findings of the rules in mkdocs.yml) as errors",
    )


def run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    root: Path = args.root
    require_digest(root)
    anchored, report = pipeline.verify(
        root, strict=args.strict, rules=desk_rules(root), state_dir=root / "docs"
    )
    summary = counts(anchored)
    if args.format == "json":
        flags = [problem_json(p) for p in report.flags]
        print(json.dumps({"ok": True, "problems": [], "flags": flags, **summary}, indent=1))
    else:
        print(report_text(report))
        print(f"OK: {summary_line(summary)} ({time.monotonic() - started:.2f} s)")
    return 0
