"""Stage 2a: what one article, annotation or story file yields on its own, cached by its bytes.

A piece is everything `assemble` needs from one file that does not depend
on any other file: its model object, the problems found in it, and the
references it makes to other files (outlet, story, article ids, located).
`assemble` then checks the references against the ids of this build. As a
piece depends only on the file's path, kind and bytes, it is kept in the
persistent cache under the hash of those bytes: an edit parses and validates
one file, and a file the stat index knows unchanged is not even read.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .. import model as m
from ..errors import Loc, Problem
from ..limits import MAX_ID_CHARS
from ..load.inputs import PIECE_KINDS, InputFile, RawDigest, parse_file
from ..load.reading import read_source
from ..load.stat_index import Source
from ..memo import BuildMemo, identify
from ..schema.fields import ID_PATTERN
from . import safety
from .claim_cells import claim_statements
from .parts import quote_at, sources
from .review_dates import covered_articles, review_dates
from .scalars import INVALID, KeyPath
from .text_at import text_at
from .validated_file import validate_file

_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to another file's id, and where it is written."""

    value: str
    loc: Loc


@dataclass(frozen=True, slots=True)
class Piece:
    path: str
    kind: str
    problems: tuple[Problem, ...]
    """Problems found in the file alone (reported whatever the other files say)."""
    present: bool = True
    """The file could be read as its kind: its name is a known id (False: missing front matter)."""
    article: m.Article | None = None
    """An article file's article, if the file alone is valid (its references are checked later)."""
    outlet: Ref | None = None
    story_ref: Ref | None = None
    story: m.Story | None = None
    """A story file's story, if the file alone is valid."""
    articles: tuple[Ref, ...] = ()
    """A story's article references (none when the story's name or data is invalid)."""
    notes: tuple[m.Note, ...] = ()
    note_problems: tuple[Problem, ...] = ()
    """Problems of an annotation file's notes, reported only when its article exists."""

    @property
    def stem(self) -> str:
        return self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def file_id(f: InputFile, what: str, problems: list[Problem]) -> bool:
    if len(f.stem) > MAX_ID_CHARS:
        message, hint = safety.id_too_long(f.stem)
        problems.append(Problem(Loc(f.path), f"file name: {message}", f"rename the file; {hint}"))
        return False
    if _ID.fullmatch(f.stem):
        return True
    problems.append(
        Problem(
            Loc(f.path),
            f"file name '{f.stem}' is not a valid {what} id",
            "rename the file with lowercase letters, digits and hyphens",
        )
    )
    return False


def piece_of_file(f: InputFile) -> Piece:
    """The piece of a parsed file (its parse problems are the caller's)."""
    checked, found = validate_file(f)
    problems = list(found)
    data, fields, locs = checked.data, checked.fields, checked.locs
    if f.kind == "article":
        named = file_id(f, "article", problems)
        outlet = Ref(fields["outlet"], locs[("outlet",)]) if "outlet" in fields else None
        story = Ref(fields["story"], locs[("story",)]) if "story" in fields else None
        article = article_of(f, data) if named and data is not INVALID else None
        return Piece(f.path, f.kind, tuple(problems), article=article, outlet=outlet, story_ref=story)
    if f.kind == "story":
        if not file_id(f, "story", problems) or data is INVALID:
            return Piece(f.path, f.kind, tuple(problems))
        refs = tuple(Ref(a, locs[("articles", i)]) for i, a in enumerate(data["articles"]))
        whole = story_of(f, data, locs, problems)
        return Piece(f.path, f.kind, tuple(problems), story=whole, articles=refs)
    note_problems: list[Problem] = []
    notes = notes_of(f, checked.items("notes"), locs, note_problems)
    return Piece(f.path, f.kind, tuple(problems), notes=notes, note_problems=tuple(note_problems))


def article_of(f: InputFile, data: Any) -> m.Article:
    return m.Article(
        id=f.stem,
        path=f.path,
        title=data["title"],
        outlet=data["outlet"],
        authors=tuple(data["authors"]),
        published=data["published"],
        type=data["type"],
        language=data["language"],
        story=data["story"],
        body=f.body,
        body_line=f.body_line,
        retrieved=data.get("retrieved"),
        url=data.get("url"),
        subtitle=data.get("subtitle"),
        via=m.Via(data["via"]["name"], data["via"]["url"]) if "via" in data else None,
        title_at=text_at(f, "title"),
        subtitle_at=text_at(f, "subtitle"),
    )


def notes_of(
    f: InputFile, items: list[tuple[int, Any]], locs: Mapping[KeyPath, Loc], problems: list[Problem]
) -> tuple[m.Note, ...]:
    notes = []
    ids: dict[str, int] = {}
    for i, item in items:
        if item["id"] in ids:
            problems.append(
                Problem(
                    locs[("notes", i, "id")],
                    f"notes[{i}]: duplicate note id '{item['id']}'",
                    f"notes[{ids[item['id']]}] already uses it; give each note its own id",
                )
            )
            continue
        ids[item["id"]] = i
        if "rating" in item and item["kind"] != "fact-check":
            problems.append(
                Problem(
                    locs[("notes", i, "rating")],
                    f"notes[{i}]: `rating` is for fact-check notes, and this one is `kind: {item['kind']}`",
                    "remove `rating:`, or make the note `kind: fact-check` if it tests a statement",
                )
            )
            continue
        quote = quote_at(item, locs, ("notes", i), f"notes[{i}]")
        reviewed, updated = review_dates(item, locs, ("notes", i), problems)
        notes.append(
            m.Note(
                id=item["id"],
                article=f.stem,
                quote=quote,
                kind=item["kind"],
                body=item["body"],
                sources=sources(item, locs, ("notes", i)),
                draft=item.get("status") == "draft",
                reviewed=reviewed,
                updated=updated,
                rating=item.get("rating"),
            )
        )
    return tuple(notes)


def story_of(f: InputFile, data: Any, locs: Mapping[KeyPath, Loc], problems: list[Problem]) -> m.Story | None:
    """The story, if its claims are valid (its article references are checked later)."""
    ok = True
    claims = []
    ids: set[str] = set()
    for i, item in enumerate(data["claims"]):
        if item["id"] in ids:
            problems.append(
                Problem(
                    locs[("claims", i, "id")],
                    f"claims[{i}]: duplicate claim id '{item['id']}'",
                    "give each claim its own id",
                )
            )
            ok = False
        ids.add(item["id"])
        statements = claim_statements(item, data["articles"], locs, ("claims", i), problems)
        reviewed, updated = review_dates(item, locs, ("claims", i), problems)
        covers = covered_articles(item, data["articles"], locs, ("claims", i), problems)
        if statements is None:
            ok = False
            continue
        claims.append(
            m.Claim(
                id=item["id"],
                story=f.stem,
                claim=item["claim"],
                statements=statements,
                conclusion=item["conclusion"],
                sources=sources(item, locs, ("claims", i)),
                rating=item.get("rating"),
                reviewed=reviewed,
                updated=updated,
                covers=covers,
                loc=locs[("claims", i, "conclusion")],
            )
        )
    if not ok:
        return None
    return m.Story(
        id=f.stem,
        title=data["title"],
        date=data["date"],
        summary=data["summary"],
        articles=tuple(data["articles"]),
        claims=tuple(claims),
        tags=tuple(data.get("tags", ())),
    )


def piece_of_source(source: Source) -> Piece:
    """The piece of a file's text: parsed, validated, its references listed (not checked)."""
    assert source.text is not None, source  # a source without text is looked up, never computed
    problems: list[Problem] = []
    parsed = parse_file(source.path, source.kind, source.text, problems)
    if parsed is None:
        return Piece(source.path, source.kind, tuple(problems), present=False)
    piece = piece_of_file(parsed)
    return replace(piece, problems=(*problems, *piece.problems))


_PIECES: BuildMemo[Source, Piece] = BuildMemo(piece_of_source, persist="piece")
"""Pieces of files by path, kind and bytes, from this process and (persisted) earlier ones."""


def pieces(raw: RawDigest) -> tuple[list[Piece], list[Problem]]:
    """The piece of every article, annotation and story file of `raw`, and any problems reading them again.

    A file the stat index knew unchanged is read only if its piece is not in
    the cache after all (deleted or damaged since).
    """
    _PIECES.start()
    found: list[Piece] = []
    problems: list[Problem] = []
    for source in raw.sources:
        piece: Piece | None = None
        if source.text is None:
            known, piece = _PIECES.known(source)
            if not known:
                again = read_source(raw.root, source.path, source.kind, problems)
                piece = None if again is None else _PIECES.get(again)
        else:
            piece = _PIECES.get(source)
        if piece is not None:
            name_parts(piece, source)
            found.append(piece)
    found += [piece_of_file(f) for f in raw.files if f.kind in PIECE_KINDS]
    return found, problems


def name_parts(piece: Piece, source: Source) -> None:
    """Let the persistent cache name the piece's model objects by the file's hash in other keys.

    They are wholly determined by the file's path, kind and bytes (and the code
    version, which names the cache's folder), so keys holding them are hashed
    without pickling them. Only objects that reach keys as themselves: a note
    or claim also comes back, equal but not the same object, from the cache of
    anchored articles, and must hash alike both ways (else the key misses).
    """
    identity = hashlib.sha256(f"{source.path}\0{source.kind}\0{source.digest}".encode()).digest()
    if piece.article is not None:
        identify(piece.article, identity + b"article")
    if piece.notes:
        identify(piece.notes, identity + b"notes")
    if piece.story is not None:
        identify(piece.story, identity + b"story")
