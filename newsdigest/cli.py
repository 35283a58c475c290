"""Command line: `python build_digest.py [pages|check] ...`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import pipeline
from .anchor import AnchoredDigest
from .errors import DigestError, Problem, format_report, sort_problems
from .render.urls import Linker
from .report import report_text
from .write import write_pages

DESCRIPTION = "Build an annotated news digest: articles + YAML annotations -> MkDocs pages."


def site_settings(root: Path) -> tuple[Linker, str]:
    """use_directory_urls and site_name from the digest's mkdocs.yml, if any."""
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        return Linker(), pipeline.Options().site_name
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return Linker(bool(config["use_directory_urls"])), str(config["site_name"])


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="build_digest.py", description=DESCRIPTION)
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    pages = sub.add_parser(
        "pages",
        help="write the digest's Markdown pages into docs/ (the default)",
        description="Validate, anchor and write the generated Markdown pages.",
    )
    pages.add_argument("--out", type=Path, help="folder for the pages (default: ROOT/docs)")
    pages.add_argument(
        "--preview",
        action="store_true",
        help="build even if some quotes cannot be placed (they are listed on the page)",
    )
    check = sub.add_parser(
        "check",
        help="validate and anchor everything; write nothing",
        description="Validate every file and place every quote. Exit 1 on any problem.",
    )
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument("--strict", action="store_true", help="treat warnings (such as draft notes) as errors")
    for p in (pages, check):
        p.add_argument("--root", type=Path, default=Path("."), help="the digest folder (default: .)")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    command = args.command or "pages"
    root: Path = args.root
    fmt = getattr(args, "format", "text")
    started = time.monotonic()
    try:
        if not (root / "articles").is_dir():
            print(
                f"{root}: no articles/ folder here; use --root to point at a digest folder", file=sys.stderr
            )
            return 1
        if command == "check":
            anchored, report = pipeline.check(root, strict=args.strict)
            summary = counts(anchored)
            if fmt == "json":
                flags = [problem_json(p) for p in report.flags]
                print(json.dumps({"ok": True, "problems": [], "flags": flags, **summary}, indent=1))
            else:
                print(report_text(report))
                print(f"OK: {summary_line(summary)} ({time.monotonic() - started:.2f} s)")
            return 0
        linker, site_name = site_settings(root)
        options = pipeline.Options(strict=not args.preview, linker=linker, site_name=site_name)
        result = pipeline.build(root, options)
        for warning in result.warnings:
            print(warning.format(), file=sys.stderr)
        written = write_pages(result.pages, args.out or root / "docs")
        print(
            f"{len(written.written)} pages written, {len(written.unchanged)} unchanged, "
            f"{len(written.removed)} removed: {summary_line(counts(result.anchored))} "
            f"({time.monotonic() - started:.2f} s)"
        )
        return 0
    except DigestError as exc:
        if fmt == "json":
            problems = [problem_json(p) for p in sort_problems(exc.problems)]
            print(json.dumps({"ok": False, "problems": problems}, indent=1))
        else:
            print(format_report(exc.problems, exc.nothing_written), file=sys.stderr)
        return 1


def problem_json(p: Problem) -> dict[str, object]:
    return {
        "path": p.loc.path,
        "line": p.loc.line,
        "column": p.loc.col,
        "message": p.message,
        "hint": p.hint,
        "details": list(p.details),
        "warning": p.warning,
    }


def counts(anchored: AnchoredDigest) -> dict[str, int]:
    digest = anchored.digest
    return {
        "articles": len(digest.articles),
        "notes": sum(len(n) for n in digest.notes.values()),
        "stories": len(digest.stories),
        "claims": sum(len(s.claims) for s in digest.stories.values()),
        "unplaced": sum(len(a.unplaced) for a in anchored.articles.values()),
    }


def summary_line(c: dict[str, int]) -> str:
    stories = "story" if c["stories"] == 1 else "stories"
    return f"{c['articles']} articles, {c['notes']} notes, {c['stories']} {stories}, {c['claims']} claims"
