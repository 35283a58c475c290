"""`new`: start an article: its file with front matter, and an empty notes file."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from ..errors import DigestError, Problem
from ..importer.files import ArticleFields, annotation_stub, article_text, create, exists_problem
from ..importer.options import (
    add_metadata_options,
    article_id,
    bad_values,
    story_lists,
    text_arg,
    unknown_references,
    via_of,
    via_problems,
)
from .common import require_digest


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--title", required=True, type=text_arg, help="headline as published")
    add_metadata_options(parser, needs_date=True)


def planned_files(root: Path, ident: str) -> tuple[str, str, list[Problem]]:
    """The two files `new` writes, and a problem for each that exists already."""
    article = f"articles/{ident}.md"
    notes = f"annotations/{ident}.yml"
    return article, notes, [exists_problem(rel) for rel in (article, notes) if (root / rel).exists()]


def next_steps(root: Path, fields: ArticleFields, article: str, notes: str) -> list[str]:
    steps = [f"paste the article's text below the front matter in {article}"]
    if fields.missing():
        steps.append(f"fill in {' and '.join(fields.missing())} in {article}")
    if not fields.authors:
        steps.append(
            f"no --author was given: the piece is shown as unsigned until you add names in {article}"
        )
    if fields.story and not story_lists(root, fields.story, Path(article).stem):
        steps.append(f"add '{Path(article).stem}' to `articles:` in annotations/stories/{fields.story}.yml")
    steps.append(f"write notes in {notes}, then run `python build_digest.py check`")
    return steps


def run(args: argparse.Namespace) -> int:
    root: Path = args.root
    require_digest(root)
    problems = bad_values(args) + via_problems(args)
    title: str | None = args.title
    ident, id_problems = article_id(args.id, title)
    problems += id_problems + unknown_references(root, args.outlet, args.story)
    if ident is not None:
        article, notes, taken = planned_files(root, ident)
        problems += taken
    if problems or ident is None or title is None:  # every mistake in the command at once
        raise DigestError(problems)
    fields = ArticleFields(
        title=title,
        outlet=args.outlet,
        published=args.date,
        authors=list(args.author),
        type=args.type,
        language=args.language or "en",
        story=args.story,
        subtitle=args.subtitle,
        url=args.url,
        via=via_of(args),
        retrieved=args.retrieved or dt.date.today(),
    )
    create(root, article, article_text(fields, ""))
    create(root, notes, annotation_stub(ident))
    print(f"Created {article} and {notes}.")
    print("Next:")
    for number, step in enumerate(next_steps(root, fields, article, notes), 1):
        print(f"  {number}. {step}")
    return 0
