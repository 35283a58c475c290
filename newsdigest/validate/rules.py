"""The desk's editorial rules: what `check` holds the content to, set in mkdocs.yml.

    plugins:
      - digest:
          rules:
            min_notes: 12
            required_kinds: [fact-check, context]
            same_kinds_in_story: true
            avoid_hosts: {landingpage.example.com: "a mirror of example.com"}
            canonical_addresses: true
            max_unnoted_checkable: 10
            rated_fact_checks: true

Each finding is a flag of the build report; `check --strict` fails on flags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from ..errors import DigestError, Loc, Problem
from ..load.settings import PluginSettings
from ..schema.vocabularies import NOTE_KINDS

RULES_KEY = "rules"
WHERE = "the digest plugin's `rules:` in mkdocs.yml"
_HOST = re.compile(r"^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$")


@dataclass(frozen=True, slots=True)
class Rules:
    """The rules in force; the defaults are what `check` always enforced, plus clean addresses."""

    min_notes: int = 0
    """Every article has at least this many published notes (drafts do not count)."""
    required_kinds: tuple[str, ...] = ()
    """Every article has at least one note of each of these kinds."""
    same_kinds_in_story: bool = False
    """A kind of note used on one article of a story is used on every article of it."""
    avoid_hosts: tuple[tuple[str, str], ...] = ()
    """(host, why) pairs: sources on these hosts or their subdomains are flagged."""
    canonical_addresses: bool = True
    """Flag mobile, AMP and print forms of an address, and tracking parameters."""
    max_unnoted_checkable: int | None = None
    """Flag an article with more checkable sentences without a note than this; None: only count them."""
    rated_fact_checks: bool = False
    """Flag a fact-check note without a `rating:` (the methodology's scale, or `not-rated`)."""


def rules_from_settings(settings: PluginSettings) -> Rules:
    """The rules written in the digest plugin's options; every mistake reported at once."""
    return parse_rules(settings.options.get(RULES_KEY), settings.path, settings.text)


def parse_rules(value: Any, path: str = "mkdocs.yml", text: str = "") -> Rules:
    if value is None:
        return Rules()
    problems: list[Problem] = []

    def problem(key: str, message: str, hint: str) -> None:
        problems.append(Problem(option_loc(path, text, key), f"rules.{key}: {message}", hint))

    if not isinstance(value, dict):
        raise DigestError(
            [
                Problem(
                    option_loc(path, text, RULES_KEY), "rules: expected a mapping", f"see {WHERE} in the docs"
                )
            ]
        )
    known = {f.name for f in fields(Rules)}
    chosen: dict[str, Any] = {}
    for key, setting in value.items():
        if key not in known:
            problem(str(key), "unknown rule", f"the rules are: {', '.join(sorted(known))}")
        elif key in ("min_notes", "max_unnoted_checkable"):
            if setting is None and key == "max_unnoted_checkable":
                chosen[key] = None
            elif isinstance(setting, bool) or not isinstance(setting, int) or setting < 0:
                problem(key, f"expected a whole number, 0 or more, got {setting!r}", f"write e.g. `{key}: 3`")
            else:
                chosen[key] = setting
        elif key in ("same_kinds_in_story", "canonical_addresses", "rated_fact_checks"):
            if not isinstance(setting, bool):
                problem(
                    key, f"expected true or false, got {setting!r}", f"write `{key}: true` or `{key}: false`"
                )
            else:
                chosen[key] = setting
        elif key == "required_kinds":
            kinds = setting if isinstance(setting, list) else [setting]
            unknown = [k for k in kinds if k not in NOTE_KINDS]
            if unknown:
                problem(key, f"unknown note kind {unknown[0]!r}", f"the kinds are: {', '.join(NOTE_KINDS)}")
            else:
                chosen[key] = tuple(kinds)
        elif key == "avoid_hosts":
            hosts = avoid_hosts(setting)
            if hosts is None:
                problem(
                    key,
                    "expected host names, each with why it is avoided",
                    'write e.g. `avoid_hosts: {landingpage.example.com: "a mirror of example.com"}`',
                )
            else:
                chosen[key] = hosts
    if problems:
        raise DigestError(problems)
    return Rules(**chosen)


def avoid_hosts(setting: Any) -> tuple[tuple[str, str], ...] | None:
    """A mapping host -> why, or a plain list of hosts; None if it is neither."""
    if isinstance(setting, list):
        setting = dict.fromkeys(setting, "")
    if not isinstance(setting, dict):
        return None
    pairs = []
    for host, why in setting.items():
        if (
            not isinstance(host, str)
            or not _HOST.match(host.lower())
            or not isinstance(why, (str, type(None)))
        ):
            return None
        pairs.append((host.lower(), why or ""))
    return tuple(sorted(pairs))


def option_loc(path: str, text: str, key: str) -> Loc:
    """Where `key:` is written in the configuration file (after `rules:`), else its first line."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"\s*rules\s*:", line)), 0)
    for i in range(start, len(lines)):
        found = re.match(rf"(\s*)(?:-\s+)?{re.escape(key)}\s*:", lines[i])
        if found:
            return Loc(path, i + 1, len(found.group(1)) + 1)
    return Loc(path)
