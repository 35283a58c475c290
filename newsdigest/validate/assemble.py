"""Stage 2b: turn validated data into the model and validate cross-references.

Each file's own checks happen in `pieces` (cached by the file's bytes); here
the files meet each other: ids must be unique, and every reference must name
something that exists.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, TypeVar, cast

from .. import model as m
from ..errors import Loc, Problem
from ..load.inputs import InputFile, RawDigest
from ..memo import BuildMemo
from .parts import sources
from .pieces import Piece, Ref, pieces
from .records import suggest
from .scalars import INVALID
from .validated_file import ValidatedFile, raw_ids, start_validation, validate_file

H = TypeVar("H", bound=Hashable)
Placed = tuple[Hashable, tuple[object, ...]]
"""An object and where each of its sources is written (`Source.loc` is left out of its equality)."""


def placed_object(key: Placed) -> Hashable:
    return key[0]


_LAST_BUILD: BuildMemo[Placed, Hashable] = BuildMemo(placed_object)
"""Outlets and glossary terms as the last build made them (they are made anew from their file's data)."""


def as_last_build(value: H, sources: Iterable[m.Source]) -> H:
    """`value`, or the last build's equal object with its `sources` written in the same places: then
    keys holding it compare at once with the last build's keys (memo.py), and the persistent cache
    names it without pickling it again. The places count: the desk's rules flag a source by its line."""
    return cast(H, _LAST_BUILD.get((value, tuple(s.loc for s in sources))))


class Assembler:
    def __init__(self, raw: RawDigest) -> None:
        self.raw = raw
        self.problems: list[Problem] = list(raw.problems)
        by_kind: dict[str, list[InputFile]] = {}
        for f in raw.files:
            by_kind.setdefault(f.kind, []).append(f)
        self.by_kind = by_kind
        found, reading = pieces(raw)
        self.problems += reading
        self.pieces: dict[str, list[Piece]] = {}
        for piece in sorted(found, key=lambda p: p.path):
            self.problems += piece.problems
            self.pieces.setdefault(piece.kind, []).append(piece)
        self.article_ids = {p.stem for p in self.pieces.get("article", []) if p.present}
        self.story_ids = {p.stem for p in self.pieces.get("story", []) if p.present}
        self.outlet_ids = set(raw_ids(by_kind.get("outlets", []), "outlets", "id"))

    def error(self, loc: Loc, message: str, hint: str = "") -> None:
        self.problems.append(Problem(loc, message, hint))

    def checked(self, f: InputFile) -> ValidatedFile:
        result, problems = validate_file(f)
        self.problems.extend(problems)
        return result

    def reference(self, value: str, known: set[str], what: str, loc: Loc, where: str) -> bool:
        if value in known:
            return True
        listed = ", ".join(sorted(known)) or "none yet"
        plural = "stories" if what == "story" else f"{what}s"
        self.error(
            loc,
            f"unknown {what} '{value}'",
            f"{suggest(value, sorted(known))}Known {plural} ({where}): {listed}",
        )
        return False

    def known(self, ref: Ref | None, ids: set[str], what: str, where: str) -> bool:
        return ref is None or self.reference(ref.value, ids, what, ref.loc, where)

    def assemble(self) -> m.Digest:
        outlets = self.outlets()
        glossary = self.glossary()
        stories = {s.id: s for p in self.pieces.get("story", []) if (s := self.story(p))}
        articles = {a.id: a for p in self.pieces.get("article", []) if (a := self.article(p, stories))}
        notes = {}
        for piece in self.pieces.get("annotations", []):
            if (found := self.notes(piece)) is not None:
                notes[piece.stem] = found
        return m.Digest(outlets, articles, notes, stories, glossary)

    def article(self, piece: Piece, stories: dict[str, m.Story]) -> m.Article | None:
        ok = self.known(piece.outlet, self.outlet_ids, "outlet", "annotations/outlets.yml")
        story_ok = self.known(piece.story_ref, self.story_ids, "story", "annotations/stories/")
        article = piece.article
        if article is None:
            return None
        story = stories.get(article.story)
        if story_ok and story is not None and article.id not in story.articles and piece.story_ref:
            self.error(
                piece.story_ref.loc,
                f"article is not listed in the story '{story.id}'",
                f"add '{article.id}' to `articles:` in annotations/stories/{story.id}.yml",
            )
            ok = False
        return article if ok and story_ok else None

    def notes(self, piece: Piece) -> tuple[m.Note, ...] | None:
        where = "articles/; an annotation file is named after its article"
        if not self.reference(piece.stem, self.article_ids, "article", Loc(piece.path), where):
            return None
        self.problems += piece.note_problems
        return piece.notes

    def story(self, piece: Piece) -> m.Story | None:
        ok = all([self.known(ref, self.article_ids, "article", "articles/") for ref in piece.articles])
        return piece.story if ok else None

    def outlets(self) -> dict[str, m.Outlet]:
        out: dict[str, m.Outlet] = {}
        for f in self.by_kind.get("outlets", []):
            checked = self.checked(f)
            data, locs = checked.data, checked.locs
            if data is INVALID:
                continue
            for i, item in enumerate(data["outlets"]):
                if item["id"] in out:
                    self.error(
                        locs[("outlets", i, "id")],
                        f"outlets[{i}]: duplicate outlet id '{item['id']}'",
                        "give each outlet its own id",
                    )
                    continue
                outlet = m.Outlet(
                    id=item["id"],
                    name=item["name"],
                    site=item["site"],
                    type=item["type"],
                    country=item["country"],
                    owner=item["owner"],
                    profile=item["profile"],
                    sources=sources(item, locs, ("outlets", i)),
                    founded=item.get("founded"),
                )
                out[item["id"]] = as_last_build(outlet, outlet.sources)
        return out

    @staticmethod
    def glossary_languages(data: Any) -> set[str]:
        default = data.get("language", "en")
        return {lang for item in data["terms"] for lang in item.get("languages") or [default]}

    def glossary(self) -> tuple[m.Term, ...]:
        terms: list[m.Term] = []
        seen: dict[tuple[str, str], str] = {}
        """(language, name casefolded) -> the term that has the name in that language."""
        for f in self.by_kind.get("glossary", []):
            checked = self.checked(f)
            data, locs = checked.data, checked.locs
            if data is INVALID:
                continue
            default = data.get("language", "en")
            for i, item in enumerate(data["terms"]):
                names = [item["term"], *item.get("aliases", [])]
                languages = tuple(dict.fromkeys(item.get("languages") or [default]))
                keys = {(lang.casefold(), n.casefold()): n for lang in languages for n in names}
                keys[("", item["term"].casefold())] = item["term"]  # a term's own name names one entry
                clash = next((k for k in keys if k in seen), None)
                if clash is not None:
                    where = f" for {clash[0]}" if clash[0] and len(self.glossary_languages(data)) > 1 else ""
                    self.error(
                        locs[("terms", i, "term")],
                        f"terms[{i}]: '{keys[clash]}' is already defined{where}",
                        f"it belongs to the term '{seen[clash]}'; merge the two entries",
                    )
                    continue
                seen.update(dict.fromkeys(keys, item["term"]))
                aliases = tuple(item.get("aliases", ()))
                term = m.Term(
                    item["term"], item["definition"], sources(item, locs, ("terms", i)), aliases, languages
                )
                terms.append(as_last_build(term, term.sources))
        return as_last_build(tuple(terms), (s for t in terms for s in t.sources))


def assemble(raw: RawDigest) -> tuple[m.Digest, list[Problem]]:
    """Build the model from loaded files; return it with every problem found."""
    start_validation()
    _LAST_BUILD.start()
    assembler = Assembler(raw)
    digest = assembler.assemble()

    return digest, assembler.problems
