"""What the importer drops as site chrome, and why.

A rule looks at one paragraph (a block of lines) at a time. The rules are
deliberately narrow: each names a kind of chrome sites add around an article
(a share or newsletter prompt, a legal notice, a "Region:" label, a line of
links). Everything dropped is reported with its line and rule, so an editor
can check it; `--keep REGEX` protects paragraphs, `--drop REGEX` adds more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LINK = re.compile(r"(?<!!)\[((?:[^\[\]\\]|\\.)*)\]\(([^()\s]*)\)")
"""A Markdown inline link `[text](target)` without nested brackets."""
PLACEHOLDER_TARGETS = {"", "#"}
"""Link targets that lead nowhere (saved pages keep `(#)` where the address was)."""
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)$")
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
ORNAMENT_MARKDOWN = re.compile(r"^(?:\\\*|[•·◆◇∗]|\s)+$")
ORNAMENT_TEXT = re.compile(r"^[\s*•·◆◇∗~=_-]+$")
LABELS = (
    "Region",
    "Regions",
    "Theme",
    "Themes",
    "In-depth Report",
    "Topic",
    "Topics",
    "Tag",
    "Tags",
    "Filed under",
    "Category",
    "Categories",
    "Section",
)
LABEL_LINE = re.compile(r"^(?:" + "|".join(re.escape(label) for label in LABELS) + r")\s*:\s*(.+)$", re.I)
PROMPTS = re.compile(
    r"share (?:button|this (?:article|story)|widely)|click here|follow us on|subscribe to"
    r"|sign up (?:for|to)|(?:receive|get)\b[^.]{0,40}\bnewsletter|read in \d+ languages"
    r"|translate website|become a (?:member|subscriber|patron)|support (?:our|independent) journalism"
    r"|feel free to repost",
    re.I,
)
PROMPT_MAX = 600
"""Longer paragraphs are never taken for a prompt."""
LEGAL = re.compile(
    r"^\W*(?:disclaimer\b|copyright\b|©|for media inquiries\b|articles by:)"
    r"|the original source of this article is|contains copyrighted material|all rights reserved",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Rules:
    markdown: bool = True
    """True for Markdown input, where `---` is a section break and `\\*` an ornament."""
    drop: tuple[re.Pattern[str], ...] = ()
    keep: tuple[re.Pattern[str], ...] = ()


def unwrap_links(text: str) -> tuple[str, int]:
    """`[text](#)` -> `text`; links to real addresses are kept. Returns (text, how many)."""
    count = 0

    def plain(match: re.Match[str]) -> str:
        nonlocal count
        if match.group(2) in PLACEHOLDER_TARGETS:
            count += 1
            return match.group(1)
        return match.group(0)

    return LINK.sub(plain, text), count


def link_text(text: str) -> str:
    """The text with every link reduced to its words, for matching."""
    return LINK.sub(lambda m: m.group(1), text)


def is_separator(text: str, rules: Rules) -> bool:
    return rules.markdown and bool(THEMATIC_BREAK.match(text))


def only_links(text: str) -> bool:
    if not LINK.search(text):
        return False
    rest = LINK.sub("", text)
    return not re.sub(r"[\s*_\\,.;:|·•–—-]+", "", rest)


def label_list(rest: str) -> bool:
    """`Europe, Middle East` after a label: short items, no sentence."""
    items = [i.strip() for i in link_text(rest).split(",")]
    return all(0 < len(i) <= 60 for i in items) and not re.search(r"[.!?]\s", rest)


def is_kept(text: str, rules: Rules) -> bool:
    """True when a --keep pattern protects this paragraph."""
    words = link_text(text)
    return any(p.search(text) or p.search(words) for p in rules.keep)


def reason(text: str, rules: Rules) -> str | None:
    """Why this paragraph is chrome, or None to keep it."""
    words = link_text(text)
    if is_kept(text, rules):
        return None
    for pattern in rules.drop:
        if pattern.search(text) or pattern.search(words):
            return f"matches --drop {pattern.pattern!r}"
    flat = " ".join(text.split())
    ornament = ORNAMENT_MARKDOWN if rules.markdown else ORNAMENT_TEXT
    if ornament.match(flat) and not is_separator(flat, rules):
        return "ornament"
    if IMAGE.match(flat):
        return "image"
    if (label := LABEL_LINE.match(flat)) and label_list(label.group(1)):
        return "label line"
    if LEGAL.search(words):
        return "legal notice"
    if len(words) <= PROMPT_MAX and PROMPTS.search(words):
        return "share/newsletter prompt"
    if only_links(flat):
        return "line of links"
    return None
