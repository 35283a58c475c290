"""Command-line options shared by `new` and `import`, and their checks.

Values with the wrong shape (a date, an id, an address) are refused by
argparse with its usual message; names that must exist in the digest (the
outlet, the story) are checked against its files and reported as DigestError.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..errors import DigestError, Loc, Problem
from ..limits import MAX_ID_CHARS
from ..schema.fields import ARTICLE_TYPES, ID_PATTERN
from ..slugs import make_id
from ..validate.records import suggest
from ..validate.safety import id_too_long

_ID = re.compile(ID_PATTERN)
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
OUTLETS_FILE = "annotations/outlets.yml"
STORIES_DIR = "annotations/stories"


def date_arg(value: str) -> dt.date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(f"'{value}' is not a date: write YYYY-MM-DD, e.g. 2023-10-24")


def id_arg(value: str) -> str:
    if not _ID.match(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not an id: use lowercase letters, digits and hyphens")
    return value


def url_arg(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise argparse.ArgumentTypeError(f"'{value}' is not a web address: start it with https:// or http://")
    return value


def lang_arg(value: str) -> str:
    if not _LANG.match(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not a language tag: use one such as en, fr or pt-BR")
    return value


def text_arg(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty")
    return " ".join(value.split())


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


def via_of(args: argparse.Namespace) -> dict[str, str] | None:
    """`via:` from --via and --via-url; both or neither."""
    if bool(args.via) != bool(args.via_url):
        given, needed = ("--via", "--via-url URL") if args.via else ("--via-url", '--via "Site name"')
        raise DigestError(
            [Problem(Loc("articles/"), f"{given} needs {needed.split()[0]} too", f"add {needed}")]
        )
    return {"name": args.via, "url": args.via_url} if args.via else None


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


def require_known_references(root: Path, outlet: str, story: str | None) -> None:
    """Refuse an outlet or story the digest does not have, before anything is written."""
    problems = []
    outlets = outlet_ids(root)
    if outlets is not None and outlet not in outlets:
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
    if problems:
        raise DigestError(problems)


def article_id(chosen: str | None, title: str) -> str:
    """The --id given, else one made from the title."""
    if chosen and len(chosen) > MAX_ID_CHARS:
        message, _ = id_too_long(chosen)
        hint = "give a shorter id: a few words joined by hyphens, e.g. --id bridge-vote"
        raise DigestError([Problem(Loc("articles/"), f"--id: {message}", hint)])
    if chosen:
        return chosen
    slug = make_id(title)
    if not slug:
        raise DigestError(
            [
                Problem(
                    Loc("articles/"),
                    "cannot make an id from this title",
                    "give one with --id, e.g. --id bridge-vote",
                )
            ]
        )
    return slug
