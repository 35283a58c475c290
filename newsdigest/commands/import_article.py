"""`import`: turn a raw article (text, Markdown or a saved web page) into an articles/ file."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from ..errors import DigestError, Loc, Problem
from ..importer import Extracted, Pick
from ..importer.files import ArticleFields, annotation_stub, article_text, create, exists_problem
from ..importer.options import (
    BadValue,
    add_metadata_options,
    article_id,
    bad_values,
    story_lists,
    text_arg,
    unknown_references,
    via_of,
    via_problems,
)
from ..importer.text import FORMATS, extract_text
from ..plural import counted
from .common import require_digest

SHOWN = 72
FIELDS = ("title", "subtitle", "authors", "published", "language")


def regex(value: str) -> re.Pattern[str] | BadValue:
    try:
        return re.compile(value, re.I)
    except re.error as exc:
        return BadValue(
            f"'{value}' is not a regular expression: {exc}",
            "write a pattern Python's re module accepts; put \\ before ( [ . * + ? to match them as text",
        )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source", type=Path, metavar="SOURCE", help="the raw article: a .txt, .md or .html file"
    )
    parser.add_argument(
        "--title", type=text_arg, help="headline (default: the first line, or the page's title)"
    )
    add_metadata_options(parser, needs_date=False)
    parser.add_argument(
        "--text-format",
        choices=FORMATS,
        default="auto",
        help="plain text with one paragraph per line (lines), Markdown (markdown), or decide from "
        "blank lines (auto, the default)",
    )
    parser.add_argument(
        "--drop",
        action="append",
        default=[],
        type=regex,
        metavar="REGEX",
        help="also drop paragraphs matching",
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        type=regex,
        metavar="REGEX",
        help="never drop paragraphs matching",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the article and the report; write nothing"
    )


def is_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in (".html", ".htm") or text.lstrip()[:15].lower().startswith(
        ("<!doctype", "<html")
    )


def missing_html_extra(rel: str, module: str) -> Problem:
    return Problem(
        Loc(rel),
        f"reading a saved web page needs the optional `html` dependencies ({module} is not installed)",
        'install them: pip install "newsdigest[html]" (in a clone: .venv/bin/pip install -c constraints.txt '
        '-e ".[html]"), or import the page\'s text saved as .txt',
    )


def extract(args: argparse.Namespace, rel: str) -> Extracted:
    path: Path = args.source
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DigestError([Problem(Loc(rel), "file not found", "check the path of SOURCE")]) from None
    except UnicodeDecodeError:
        raise DigestError([Problem(Loc(rel), "not valid UTF-8", "save the file as UTF-8")]) from None
    options = {
        "title": args.title,
        "subtitle": args.subtitle,
        "authors": args.author,
        "language": args.language,
        "drop": args.drop,
        "keep": args.keep,
    }
    if not is_html(path, text):
        return extract_text(text, text_format=args.text_format, **options)
    try:  # trafilatura and lxml are the optional `html` dependencies
        import trafilatura  # noqa: F401

        from ..importer.html import ExtractionFailed, extract_html
    except ImportError as exc:
        raise DigestError([missing_html_extra(rel, exc.name or "trafilatura")]) from None
    try:
        return extract_html(text, **options)
    except ExtractionFailed:
        raise DigestError(
            [
                Problem(
                    Loc(rel), "no article text found in this page", "save the page again, or paste its text"
                )
            ]
        ) from None


def fields_for(
    args: argparse.Namespace, found: Extracted, rel: str
) -> tuple[ArticleFields | None, list[Problem]]:
    published = args.date or found.published
    title = found.title
    problems = []
    if not title:
        problems.append(Problem(Loc(rel), "no title found", "give it with --title"))
    if published is None:
        problems.append(Problem(Loc(rel), "no publication date found", "give it with --date YYYY-MM-DD"))
    if not found.body.strip():
        problems.append(
            Problem(
                Loc(rel),
                "no article text is left once the header and the chrome are dropped",
                "see what was dropped with --dry-run; keep a paragraph with --keep REGEX",
            )
        )
    if problems or published is None:
        return None, problems
    fields = ArticleFields(
        title=title,
        outlet=args.outlet,
        published=published,
        authors=found.authors,
        type=args.type,
        language=found.language or "en",
        story=args.story,
        subtitle=found.subtitle,
        url=args.url or found.url,
        via=via_of(args),
        retrieved=args.retrieved or dt.date.today(),
    )
    return fields, []


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def letters(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def header_report(found: Extracted, args: argparse.Namespace) -> list[str]:
    """Each header field chosen and where it came from, so a wrong guess is corrected in one look."""
    picks = list(found.picks)
    if args.date:
        picks = [p for p in picks if p.field != "published"] + [
            Pick("published", 0, "--date", str(args.date))
        ]
    lines = ["Header (correct a wrong guess in the front matter):"]
    for pick in sorted(picks, key=lambda p: FIELDS.index(p.field)):
        where = f"line {pick.line}" if pick.line else pick.source
        lines.append(f"  {pick.field:<10} {where:<15} {shorten(pick.value)}")
        if pick.line and letters(pick.source) != letters(pick.value):
            lines.append(f"  {'':<10} {'':<15} from: {shorten(pick.source)}")
    missing = [f for f in ("title", "authors", "published") if f not in {p.field for p in picks}]
    if "authors" in missing:
        signer = f"; the byline names the agency {found.agency}" if found.agency else ""
        lines.append(f"  {'authors':<10} {'not found':<15} left empty: shown as unsigned{signer}")
    lines += [f"Check: {warning}" for warning in found.warnings]
    return lines


def report(found: Extracted, rel: str) -> list[str]:
    lines = [f"  {note}" for note in found.notes]
    if found.dropped:
        lines.append(f"Dropped {counted(len(found.dropped), 'paragraph')} of {rel}:")
        for item in found.dropped:
            text = shorten(item.text)
            where = f"line {item.line}" if item.line else "page"
            lines.append(f"  {where:>9}  {item.reason:<24}  {text}")
    return lines


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    require_digest(root)
    rel = str(args.source)
    problems = bad_values(args) + via_problems(args) + unknown_references(root, args.outlet, args.story)
    try:
        found = extract(args, rel)
    except DigestError as exc:
        raise DigestError(problems + exc.problems) from None
    fields, field_problems = fields_for(args, found, rel)
    ident, id_problems = article_id(args.id, fields.title if fields else None)
    problems += field_problems + id_problems
    if problems or fields is None or ident is None:  # every mistake in the command at once
        raise DigestError(problems)
    article, notes = f"articles/{ident}.md", f"annotations/{ident}.yml"
    text = article_text(fields, found.body)
    if args.dry_run:
        sys.stdout.write(text)
        print("\n".join(report(found, rel) + header_report(found, args)), file=sys.stderr)
        return 0
    if (root / article).exists():
        raise DigestError([exists_problem(article)])
    create(root, article, text)
    wrote = [article]
    if not (root / notes).exists():
        create(root, notes, annotation_stub(ident))
        wrote.append(notes)
    paragraphs = len([p for p in found.body.split("\n\n") if p.strip()])
    print(f"Imported {rel}: {counted(paragraphs, 'paragraph')} written to {' and '.join(wrote)}.")
    print("\n".join(report(found, rel) + header_report(found, args)))
    steps = [f"fill in {' and '.join(fields.missing())} in {article}"] if fields.missing() else []
    if fields.story and not story_lists(root, fields.story, ident):
        steps.append(f"add '{ident}' to `articles:` in annotations/stories/{fields.story}.yml")
    steps.append("write notes, then run `python build_digest.py check`")
    print("Next: " + "; ".join(steps) + ".")
    return 0
