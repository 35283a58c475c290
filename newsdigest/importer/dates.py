"""Dates in a copy's header: `October 27, 2023`, `Published : 24 Oct 2023, 11:28 AM`, `24 octobre 2023`."""

from __future__ import annotations

import datetime as dt
import re

MONTH_WORDS = (
    ("january", "jan", "janvier", "enero"),
    ("february", "feb", "février", "fevrier", "févr", "febrero"),
    ("march", "mar", "mars", "marzo"),
    ("april", "apr", "avril", "abril"),
    ("may", "mai", "mayo"),
    ("june", "jun", "juin", "junio"),
    ("july", "jul", "juillet", "juil", "julio"),
    ("august", "aug", "août", "aout", "agosto"),
    ("september", "sep", "sept", "septembre", "septiembre"),
    ("october", "oct", "octobre", "octubre"),
    ("november", "nov", "novembre", "noviembre"),
    ("december", "dec", "décembre", "decembre", "déc", "diciembre"),
)
MONTH_NUMBERS = {word: number for number, words in enumerate(MONTH_WORDS, 1) for word in words}
MONTH = r"(?P<month>\b(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\b\.?)"
DATES = (
    re.compile(MONTH + r"\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})", re.I),
    re.compile(
        r"\b(?P<day>\d{1,2})(?:er|st|nd|rd|th)?\s+(?:de\s+)?" + MONTH + r",?\s+(?:de\s+)?(?P<year>\d{4})",
        re.I,
    ),
    re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b"),
)
"""`October 27, 2023`, `27 Oct. 2023`, `1er octobre 2023`, `24 de octubre de 2023`, `2023-10-27`."""
DATELINE_MAX = 100
DATELINE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last updated|first published|on|at|le|à|mis à jour"
    r"|publié(?:e)?|modifié(?:e)?"
    r"|publicado|actualizado|veröffentlicht|am|pm|gmt|utc|cet|cest|edt|est|bst|ist|h)\b"
    r"|\b\d{1,2}[:h.]\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b",
    re.I,
)
DATELINE_OTHER_WORDS = 4
"""A dateline may name the outlet or the place (`Global Research, October 27, 2023`), little more."""


def date_match(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first real date written in the text, and where it is."""
    for pattern in DATES:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = (
                int(parts["mon"]) if parts.get("mon") else MONTH_NUMBERS[parts["month"].rstrip(".").lower()]
            )
            try:
                return dt.date(int(parts["year"]), month, int(parts["day"])), match
            except ValueError:
                continue
    return None


def find_date(text: str) -> dt.date | None:
    found = date_match(text)
    return found[0] if found else None


def dateline_date(text: str) -> dt.date | None:
    """The date of a dateline: a short paragraph that is mostly a date (and a time, a label, a place)."""
    if len(text) > DATELINE_MAX or not (found := date_match(text)):
        return None
    day, match = found
    rest = DATELINE_WORDS.sub(" ", text[: match.start()] + " " + text[match.end() :])
    others = re.findall(r"[^\W\d_]{2,}", rest)
    return day if len(others) <= DATELINE_OTHER_WORDS else None
