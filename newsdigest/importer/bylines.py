"""Bylines in their real shapes: who wrote the piece, read from one paragraph.

Recognised shapes (a name is two to five capitalised words, particles such as
`de` or `van` allowed, or the name of a news agency):

- a label and names: `By Ana Pereira and Rui Costa`, `Par Claire Dubois`,
  `Author: Tom Reed`, `By Ana Pereira | Reuters`, `By Ana Pereira, staff writer`;
- a name and a role or affiliation: `Marta Silva, journalist, researcher at …`;
- an author bio: `Lazar Berman is The Times of Israel's diplomatic reporter`,
  `You can follow Lucas on Twitter`;
- a paragraph starting with the name of an author given with --author.

`By Calling for a Truce, …` is not a byline: "for" and "a" are not name words,
so a headline that happens to begin with "By" stays a headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .chrome import link_text

AGENCIES = {
    name.casefold(): name
    for name in (
        "AP", "The Associated Press", "Associated Press", "AFP", "Agence France-Presse", "Reuters",
        "dpa", "EFE", "ANSA", "UPI", "Xinhua", "Kyodo", "TASS", "PA", "PA Media", "Anadolu",
        "Anadolu Agency", "Europa Press", "Belga", "Lusa", "CNA", "Bernama", "Yonhap",
    )
}  # fmt: skip
"""News agencies, as they sign wire copy."""
LABEL = re.compile(
    r"^(?:(?:written |words |reporting |text |story )?by|from|par|por|von|door"
    r"|authors?|auteure?s?|autrice|autor(?:a|es)?|texte|signed)\b\s*[:\-–—]?\s*",
    re.I,
)
ROLES = (
    r"journalist|reporter|correspondent|editor|writer|columnist|researcher|analyst|contributor"
    r"|professor|lecturer|fellow|author|producer|staff|intern|photographer|freelancer?|director"
    r"|journaliste|correspondante?|rédact(?:eur|rice)|chercheu(?:r|se)|envoyée? spéciale?|chroniqueu(?:r|se)"
    r"|periodista|redactora?|corresponsal|investigador(?:a)?|reporterin|korrespondent(?:in)?|redakteur(?:in)?"
)
ROLE = re.compile(rf"\b(?:{ROLES})s?\b", re.I)
PARTICLES = {
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "van", "von", "der", "den",
    "ten", "ter", "bin", "ibn", "al", "el", "le", "la", "y", "e", "st.",
}  # fmt: skip
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-Z]\.|(?:al|el)-[A-Z][\w'’\-]*)$")
SPLIT_NAMES = re.compile(r"\s*,\s*|\s+(?:and|et|y|und|e|en)\s+|\s*&\s*")
TAIL = re.compile(r"\s+[|•·/]\s+|\s+[–—-]\s+|\s*\(")
"""What ends the names in a byline: `| Reuters`, `— AFP`, `(@handle)`."""
BIO = re.compile(
    r"^(?P<name>[^,.:;!?]{3,60}?)\s+(?:is|was|est|es|ist|é)\s+(?:a|an|the|une?|el|la|ein|eine|um|uma|\w+['’]s|\w+)\b",
)
FOLLOW = re.compile(
    r"(?:^|\.\s+)(?:you can )?follow (?!us\b|me\b)"
    r"(?:[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3}|him|her|them) on "
    r"(?:x|twitter|mastodon|bluesky|threads|instagram|linkedin|facebook|telegram)\b|^suivez\s+\S+.{0,40}\bsur\b",
    re.I,
)
BYLINE_MAX = 160
BIO_MAX = 400


@dataclass(slots=True)
class Byline:
    """Who a byline paragraph names, and in what shape it was written."""

    shape: str
    """`byline`, `byline with role` or `author bio`: the report's reason."""
    authors: list[str] = field(default_factory=list)
    agency: str | None = None


def plain(text: str) -> str:
    return " ".join(link_text(text).replace("\\", "").split()).strip("*_ ")


def agency(words: str) -> str | None:
    return AGENCIES.get(words.strip(" .").casefold())


def is_name(words: str) -> bool:
    """Two to five capitalised words (particles allowed inside): `Lucas Leiroz de Almeida`."""
    parts = words.split()
    if not 2 <= len(parts) <= 5:
        return False
    if not (NAME_WORD.match(parts[0]) and NAME_WORD.match(parts[-1])):
        return False
    return all(NAME_WORD.match(p) or p.lower() in PARTICLES for p in parts)


def names(text: str) -> tuple[list[str], str | None] | None:
    """The people and the agency in `Ana Pereira and Rui Costa, AFP`; None if a part is no name.

    A part starting in lower case, or naming a role, ends the list: what follows
    is an affiliation (`, staff writer`, `, researcher at …`).
    """
    people: list[str] = []
    found_agency = None
    for part in SPLIT_NAMES.split(TAIL.split(text, maxsplit=1)[0].strip(" .")):
        part = part.strip(" .*_")
        if not part:
            continue
        if (known := agency(part)) is not None:
            found_agency = found_agency or known
        elif is_name(part):
            people.append(part)
        elif (people or found_agency) and (part[:1].islower() or ROLE.search(part)):
            break
        else:
            return None
    if not people and found_agency is None:
        return None
    if found_agency is None and (after := TAIL.split(text, maxsplit=1)[1:]):
        found_agency = agency(re.split(r"[),;]", after[0])[0])
    return people, found_agency


def read_byline(text: str, given: Sequence[str] = ()) -> Byline | None:
    """What this paragraph says about the authors, if it is a byline or an author bio."""
    words = plain(text)
    if not words:
        return None
    named = [a for a in given if a]
    if any(words.startswith(a) for a in named):
        return Byline("byline", list(named))
    if len(words) <= BYLINE_MAX and (label := LABEL.match(words)) and (found := names(words[label.end() :])):
        return Byline("byline", *found)
    if len(words) <= BYLINE_MAX and (found := names(words)):
        people, known = found
        rest = words[len(people[0]) :] if people else ""
        if people and re.match(r"\s*,\s*", rest) and ROLE.search(rest):
            return Byline("byline with role", people, known)
        if not people and known and len(words.split()) <= 3:
            return Byline("byline", [], known)
    if len(words) <= BIO_MAX and (bio := BIO.match(words)) and ROLE.search(words):
        name = bio.group("name").strip()
        if is_name(name) or name in named:
            return Byline("author bio", [name])
    if len(words) <= BIO_MAX and FOLLOW.search(words):
        return Byline("author bio")
    return None
