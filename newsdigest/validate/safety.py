"""Screening that keeps hostile text harmless: control characters, link schemes,
Markdown nesting, and ids that generated pages already use.

These functions only find things and return them; the caller, which knows
the file and line, turns a finding into a `Problem`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .. import shortcuts
from ..limits import MAX_ID_CHARS, MAX_MARKDOWN_CHARS, MAX_MARKDOWN_LEVEL, MAX_TEXT_CHARS
from ..site_paths import FIXED_PAGES

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 control characters other than tab and line feed (CR is normalized away)."""

ALLOWED_SCHEMES = ("http", "https", "mailto")
"""Link schemes a Markdown link may use; links without a scheme are relative and allowed,
except those that start with two slashes (`//host/path`), which lead to another site."""

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_STRIPPED_BY_BROWSERS = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_BRACKET_ESCAPE = re.compile(r"\\(?:x5[bB]|u005[bB]|U0000005[bB])")
_PREFIX = re.compile(r"[ \t>*+\-0-9.)]*")
_ENTITY_LIKE = re.compile(r"&[^;&]{1,32};")
"""Covers every entity markdown-it decodes in an address (`&name;`, `&#58;`, `&#x3a;`)."""
_SCHEME_RUN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+.-\\\t\n\r")
_GAP = frozenset(_C0_AND_SPACE + ">")
_DROPPED = str.maketrans("", "", "\t\n\r")
_NETWORK_PATH = re.compile(r"(?<!:)[/\\][\t\n\r]*[/\\]")
"""Two slashes (or backslashes, which browsers read as slashes) not right after a scheme's colon."""
LINK_HINT = (
    "links must start with https://, http:// or mailto:, or be relative; "
    "javascript:, data: and other schemes can run code in the reader's browser"
)
NETWORK_PATH_HINT = "write the address in full, starting with https://, or a relative link such as ../page/"
NESTING_HINT = "flatten the quotes or lists; text nested deeper would be dropped"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something unsafe in a Markdown text; `line` counts from 0 within that text."""

    line: int
    message: str
    hint: str


def control_character(text: str) -> tuple[int, int] | None:
    """(offset of the first control character, how many there are), or None."""
    first = CONTROL.search(text)
    if first is None:
        return None
    return first.start(), len(CONTROL.findall(text))


def brackets(text: str) -> int:
    """How many `[` the text holds or, through YAML escapes (`\\x5b`, `\\u005b` ...), makes."""
    return text.count("[") + len(_BRACKET_ESCAPE.findall(text))


def describe_char(char: str) -> str:
    return f"U+{ord(char):04X}"


def leaves_the_site(url: str) -> bool:
    """A scheme-less link that browsers read as another host's address: `//evil.example/x`.

    Cleaned as in link_scheme; a backslash counts as a slash, as browsers read it.
    """
    cleaned = _STRIPPED_BY_BROWSERS.sub("", url.strip(_C0_AND_SPACE))
    return link_scheme(url) is None and cleaned[:2] in ("//", "/\\", "\\/", "\\\\")


def link_scheme(url: str) -> str | None:
    """The scheme a browser would see in `url` (lowercase), or None for a relative link.

    Browsers drop leading and trailing spaces and controls, and every tab and
    line break, before they read the scheme; so does this.
    """
    cleaned = _STRIPPED_BY_BROWSERS.sub("", url.strip(_C0_AND_SPACE))
    found = _SCHEME.match(cleaned)
    return found.group(1).lower() if found else None


class _Permissive(MarkdownIt):
    """The digest's Markdown dialect, but keeping every link so it can be judged."""

    def validateLink(self, url: str) -> bool:
        return True

    def normalizeLink(self, url: str) -> str:
        return url


@lru_cache(maxsize=1)
def _screening_parser() -> MarkdownIt:
    return _Permissive("commonmark", {"html": False})


def _might_nest_deeply(source: str) -> bool:
    """Cheap upper bound: each level needs at least half a column of line prefix."""
    for line in source.split("\n"):
        prefix = _PREFIX.match(line)
        cols = len(prefix.group().expandtabs(4)) if prefix else 0
        if 2 * cols + 2 > MAX_MARKDOWN_LEVEL:
            return True
    return False


def _links(tokens: list[Token], line: int) -> Iterator[tuple[int, str]]:
    for token in tokens:
        here = token.map[0] if token.map else line
        if token.type == "link_open":
            yield here, str(token.attrGet("href") or "")
        elif token.type == "image":
            yield here, str(token.attrGet("src") or "")
        if token.children:
            yield from _links(token.children, here)


def might_link_unsafely(source: str) -> bool:
    """False only when no link in `source` can have a refused scheme; a cheap, conservative scan.

    A link needs `]` or `<`. Its address comes from the source as written,
    except that entities (`&#58;`) can spell any character, so a text with
    anything like an entity is suspect. Otherwise a scheme ends at a `:` in
    the source, after a run of scheme characters (backslashes and tabs or
    line breaks included: escapes and browsers drop them). An address can
    start only after `(`, `<` or a reference's `]:`, then spaces, controls and
    the `>` of a block-quote line, so a run with none of those before it
    starts no address; and a run that spells http, https or mailto is allowed.
    tests/test_shortcuts_markdown.py compares the scan with the full parse.
    """
    if "]" not in source and "<" not in source:
        return False
    if _ENTITY_LIKE.search(source) or _NETWORK_PATH.search(source):
        return True
    colon = source.find(":")
    while colon >= 0:
        start = colon
        while start and source[start - 1] in _SCHEME_RUN:
            start -= 1
        before = start
        while before and source[before - 1] in _GAP:
            before -= 1
        if before and source[before - 1] in "(<:":
            name = source[start:colon].translate(_DROPPED).lower()
            if name and name not in ALLOWED_SCHEMES:
                return True
        colon = source.find(":", colon + 1)
    return False


def markdown_findings(source: str) -> list[Finding]:
    """Links with a scheme other than http(s)/mailto, and nesting that would drop text.

    The full parse runs only when the cheap scans cannot rule both out.
    """
    if not might_link_unsafely(source) and not _might_nest_deeply(source) and shortcuts.take("link-scan"):
        return []
    return parsed_findings(source)


def parsed_findings(source: str) -> list[Finding]:
    """markdown_findings by a full parse (what the cheap scans must agree with)."""
    tokens = _screening_parser().parse(source)
    found: list[Finding] = []
    deep = [t for t in tokens if t.level > MAX_MARKDOWN_LEVEL]
    if deep:
        line = next((t.map[0] for t in deep if t.map), 0)
        found.append(
            Finding(
                line, f"Markdown is nested too deeply (more than {MAX_MARKDOWN_LEVEL} levels)", NESTING_HINT
            )
        )
    for line, url in _links(tokens, 0):
        scheme = link_scheme(url)
        shown = url if len(url) <= 60 else url[:59] + "…"
        if scheme is not None and scheme not in ALLOWED_SCHEMES:
            found.append(
                Finding(line, f"link to '{shown}' is not allowed ({scheme}: links are refused)", LINK_HINT)
            )
        elif leaves_the_site(url):
            message = f"link to '{shown}' is not allowed (a link starting with // leads to another site)"
            found.append(Finding(line, message, NETWORK_PATH_HINT))
    return found


@lru_cache(maxsize=1)
def reserved_ids() -> frozenset[str]:
    """Ids that would give a page the path of a page the digest always writes.

    For example an outlet `index` would be written to outlets/index.md, the
    list of outlets.
    """
    return frozenset(PurePosixPath(p).stem for p in FIXED_PAGES)


def id_too_long(value: str) -> tuple[str, str]:
    """(message, hint) for an id over MAX_ID_CHARS: ids become file names and web addresses."""
    return (
        f"id is too long ({len(value):,} characters; the limit is {MAX_ID_CHARS})",
        "use a shorter id: a few words joined by hyphens, e.g. bridge-vote",
    )


def text_problem(kind: str, value: str) -> tuple[str, str] | None:
    """(message, hint) when one text value is too long or holds a control character."""
    if kind == "id" and len(value) > MAX_ID_CHARS:
        return id_too_long(value)
    limit = MAX_MARKDOWN_CHARS if kind == "markdown" else MAX_TEXT_CHARS
    if len(value) > limit:
        return (
            f"is too long ({len(value):,} characters; the limit is {limit:,})",
            "shorten it; long texts belong in the article or a linked source",
        )
    found = control_character(value)
    if found is not None:
        return (
            f"contains the control character {describe_char(value[found[0]])}",
            "remove it; escapes such as \\x1b or \\0 are not allowed in text",
        )
    return None


def is_web_address(value: str) -> bool:
    """An absolute http(s) address with a host and no spaces."""
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in value)
