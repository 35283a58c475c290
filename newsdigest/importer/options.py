"""Command-line options shared by `new` and `import`, and their checks.

A value with the wrong shape (a date, an id, an address) is not refused by
argparse on the spot: it is kept as a `BadValue`, so that `bad_values` can
report it with every other mistake in the command at once, as DigestError,
together with names that must exist in the digest (the outlet, the story).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..errors import Loc, Problem
from ..limits import MAX_ID_CHARS
from ..schema.fields import ID_PATTERN
from ..schema.vocabularies import ARTICLE_TYPES
from ..slugs import make_id
from ..validate.records import suggest
from ..validate.safety import id_too_long

_ID = re.compile(ID_PATTERN)
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
OUTLETS_FILE = "annotations/outlets.yml"
STORIES_DIR = "annotations/stories"
OPTIONS = "articles/"
"""Where problems with the options are reported: the folder the command writes to."""


@dataclass(frozen=True, slots=True)
class BadValue:
    """An option value of the wrong shape, kept so that every mistake is reported at once."""

    message: str
    hint: str
    """What to type instead; `{option}` is replaced by the option's name."""


def date_arg(value: str) -> dt.date | BadValue:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return BadValue(f"'{value}' is not a date", "write YYYY-MM-DD, e.g. {option} 2023-10-24")


def id_arg(value: str) -> str | BadValue:
    if not _ID.match(value):
        suggestion = make_id(value) or "bridge-vote"
        return BadValue(
            f"'{value}' is not an id",
            f"use lowercase letters, digits and hyphens, e.g. {{option}} {suggestion}",
        )
    return value


def url_arg(value: str) -> str | BadValue:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        return BadValue(
            f"'{value}' is not a web address",
            "start it with https:// or http://, e.g. {option} https://example.org/news/story",
        )
    return value


def lang_arg(value: str) -> str | BadValue:
    if not _LANG.match(value):
        return BadValue(
            f"'{value}' is not a language tag", "use one such as en, fr or pt-BR, e.g. {option} fr"
        )
    return value


def text_arg(value: str) -> str | BadValue:
    if not value.strip():
        return BadValue("is empty", 'give the text in quotes, e.g. {option} "Council votes on bridge"')
    return " ".join(value.split())


def bad_values(args: argparse.Namespace) -> list[Problem]:
    """A problem for each option value of the wrong shape; such values become None or leave their list."""
    problems = []
    for name, value in sorted(vars(args).items()):
        values = value if isinstance(value, list) else [value]
        bad = [v for v in values if isinstance(v, BadValue)]
        if not bad:
            continue
        option = "--" + name.replace("_", "-")
        problems += [
            Problem(Loc(OPTIONS), f"{option}: {b.message}", b.hint.format(option=option)) for b in bad
        ]
        kept = [v for v in values if not isinstance(v, BadValue)]
        setattr(args, name, kept if isinstance(value, list) else None)
    return problems


def add_metadata_options(parser: argparse.ArgumentParser, *, needs_date: bool) -> None:
    """--outlet, --date, --story, --type, --author, --url, --via, --via-url, --id, --language, --subtitle…"""
    parser.add_argument(
        "--outlet", required=True, type=id_arg, metavar="ID", help="outlet id (from annotations/outlets.yml)"
    )
    date_help = "publication date, YYYY-MM-DD" + (
        "" if needs_date else " (default: the dateline or page data)"
    )
    parser.add_argument("--date", required=needs_date, type=date_arg, metavar="YYYY-MM-DD", help=date_help)
    parser.add_argument(
        "--story",
        type=id_arg,
        metavar="ID",
        help="story id (from annotations/stories/); fill in later if unset",
    )
    parser.add_argument(
        "--type",
        default="news-report",
        choices=list(ARTICLE_TYPES),
        help="kind of piece (default: news-report)",
    )
    parser.add_argument(
        "--author",
        action="append",
        default=[],
        type=text_arg,
        metavar="NAME",
        help="an author; repeat for each",
    )
    parser.add_argument(
        "--url", type=url_arg, help="address of the original; leave out if unknown, never guess"
    )
    parser.add_argument(
        "--via",
        type=text_arg,
        metavar="NAME",
        help="site the copy was taken from, when it republished another outlet's article (needs --via-url)",
    )
    parser.add_argument("--via-url", type=url_arg, metavar="URL", help="address of the copy on that site")
    parser.add_argument("--id", type=id_arg, help="article id and file name (default: made from the title)")
    parser.add_argument("--language", type=lang_arg, metavar="TAG", help="language tag (default: en)")
    parser.add_argument("--subtitle", type=text_arg, metavar="TEXT", help="standfirst or deck")
    parser.add_argument(
        "--retrieved", type=date_arg, metavar="YYYY-MM-DD", help="date the text was captured (default: today)"
    )


def via_problems(args: argparse.Namespace) -> list[Problem]:
    """`--via` and `--via-url` come together or not at all."""
    if bool(args.via) == bool(args.via_url):
        return []
    given, needed = ("--via", "--via-url URL") if args.via else ("--via-url", '--via "Site name"')
    return [Problem(Loc(OPTIONS), f"{given} needs {needed.split()[0]} too", f"add {needed}")]


def via_of(args: argparse.Namespace) -> dict[str, str] | None:
    """`via:` from --via and --via-url (via_problems has checked they come together)."""
    return {"name": args.via, "url": args.via_url} if args.via and args.via_url else None


def outlet_ids(root: Path) -> list[str] | None:
    """Ids in outlets.yml, or None when the file cannot be read (`check` reports why)."""
    try:
        data = yaml.safe_load((root / OUTLETS_FILE).read_text(encoding="utf-8"))
        return [str(o["id"]) for o in data["outlets"] if isinstance(o, dict) and "id" in o]
    except FileNotFoundError:
        return []
    except (OSError, yaml.YAMLError, TypeError, KeyError):
        return None


def story_ids(root: Path) -> list[str]:
    folder = root / STORIES_DIR
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.iterdir() if p.suffix in (".yml", ".yaml"))


def story_lists(root: Path, story: str, article: str) -> bool:
    """True if the story file already names `article` under `articles:`."""
    try:
        data = yaml.safe_load((root / STORIES_DIR / f"{story}.yml").read_text(encoding="utf-8"))
        return article in data.get("articles", [])
    except (OSError, yaml.YAMLError, AttributeError, TypeError):
        return False


def unknown_references(root: Path, outlet: str | None, story: str | None) -> list[Problem]:
    """An outlet or story the digest does not have (None: the option was malformed or missing)."""
    problems = []
    outlets = outlet_ids(root)
    if outlet is not None and outlets is not None and outlet not in outlets:
        problems.append(
            Problem(
                Loc(OUTLETS_FILE),
                f"no outlet '{outlet}'",
                f"{suggest(outlet, outlets)}Known outlets: {', '.join(outlets) or 'none yet'}. "
                "Add the outlet to annotations/outlets.yml first",
            )
        )
    stories = story_ids(root)
    if story is not None and story not in stories:
        problems.append(
            Problem(
                Loc(f"{STORIES_DIR}/{story}.yml"),
                f"no story '{story}'",
                f"{suggest(story, stories)}Known stories: {', '.join(stories) or 'none yet'}. "
                "Create the story file first, or leave out --story and fill it in later",
            )
        )
    return problems


def article_id(chosen: str | None, title: str | None) -> tuple[str | None, list[Problem]]:
    """The --id given, else one made from the title; or the problem with it (None: no title to use)."""
    if chosen and len(chosen) > MAX_ID_CHARS:
        message, _ = id_too_long(chosen)
        hint = "give a shorter id: a few words joined by hyphens, e.g. --id bridge-vote"
        return None, [Problem(Loc(OPTIONS), f"--id: {message}", hint)]
    if chosen or not title:
        return chosen, []
    slug = make_id(title)
    if not slug:
        hint = "give one with --id, e.g. --id bridge-vote"
        return None, [Problem(Loc(OPTIONS), "cannot make an id from this title", hint)]
    return slug, []
