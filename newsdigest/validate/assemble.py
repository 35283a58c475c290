"""Stage 2b: turn validated data into the model and validate cross-references.

Per-file schema checks happen in `validate`; here the files meet each other:
ids must be unique, and every reference must name something that exists.
"""

from __future__ import annotations

import re
from typing import Any

from .. import model as m
from ..errors import Loc, Problem
from ..limits import MAX_ID_CHARS
from ..load.inputs import InputFile, RawDigest
from ..schema.fields import ID_PATTERN
from . import safety
from .claim_cells import claim_statements
from .parts import quote_at, sources
from .records import INVALID, suggest
from .review_dates import covered_articles, review_dates
from .text_at import text_at
from .validated_file import ValidatedFile, raw_ids, start_validation, validate_file

_ID = re.compile(ID_PATTERN)


class Assembler:
    def __init__(self, raw: RawDigest) -> None:
        self.raw = raw
        self.problems: list[Problem] = list(raw.problems)
        by_kind: dict[str, list[InputFile]] = {}
        for f in raw.files:
            by_kind.setdefault(f.kind, []).append(f)
        self.by_kind = by_kind
        self.article_ids = {f.stem for f in by_kind.get("article", [])}
        self.story_ids = {f.stem for f in by_kind.get("story", [])}
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

    def file_id(self, f: InputFile, what: str) -> bool:
        if len(f.stem) > MAX_ID_CHARS:
            message, hint = safety.id_too_long(f.stem)
            self.error(Loc(f.path), f"file name: {message}", f"rename the file; {hint}")
            return False
        if _ID.fullmatch(f.stem):
            return True
        self.error(
            Loc(f.path),
            f"file name '{f.stem}' is not a valid {what} id",
            "rename the file with lowercase letters, digits and hyphens",
        )
        return False

    def assemble(self) -> m.Digest:
        outlets = self.outlets()
        glossary = self.glossary()
        stories = {s.id: s for f in self.by_kind.get("story", []) if (s := self.story(f))}
        articles = {a.id: a for f in self.by_kind.get("article", []) if (a := self.article(f, stories))}
        notes = {}
        for f in self.by_kind.get("annotations", []):
            if (found := self.notes(f)) is not None:
                notes[f.stem] = found
        return m.Digest(outlets, articles, notes, stories, glossary)

    def article(self, f: InputFile, stories: dict[str, m.Story]) -> m.Article | None:
        checked = self.checked(f)
        data, fields, locs = checked.data, checked.fields, checked.locs
        named = self.file_id(f, "article")
        ok = "outlet" not in fields or self.reference(
            fields["outlet"], self.outlet_ids, "outlet", locs[("outlet",)], "annotations/outlets.yml"
        )
        story_ok = "story" not in fields or self.reference(
            fields["story"], self.story_ids, "story", locs[("story",)], "annotations/stories/"
        )
        if not named or data is INVALID:
            return None
        story = stories.get(data["story"])
        if story_ok and story is not None and f.stem not in story.articles:
            self.error(
                locs[("story",)],
                f"article is not listed in the story '{story.id}'",
                f"add '{f.stem}' to `articles:` in annotations/stories/{story.id}.yml",
            )
            ok = False
        if not (ok and story_ok):
            return None
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

    def notes(self, f: InputFile) -> tuple[m.Note, ...] | None:
        checked = self.checked(f)
        locs = checked.locs
        known = self.reference(
            f.stem,
            self.article_ids,
            "article",
            Loc(f.path),
            "articles/; an annotation file is named after its article",
        )
        if not known:
            return None
        notes = []
        ids: dict[str, int] = {}
        for i, item in checked.items("notes"):
            if item["id"] in ids:
                self.error(
                    locs[("notes", i, "id")],
                    f"notes[{i}]: duplicate note id '{item['id']}'",
                    f"notes[{ids[item['id']]}] already uses it; give each note its own id",
                )
                continue
            ids[item["id"]] = i
            if "rating" in item and item["kind"] != "fact-check":
                self.error(
                    locs[("notes", i, "rating")],
                    f"notes[{i}]: `rating` is for fact-check notes, and this one is `kind: {item['kind']}`",
                    "remove `rating:`, or make the note `kind: fact-check` if it tests a statement",
                )
                continue
            quote = quote_at(item, locs, ("notes", i), f"notes[{i}]")
            reviewed, updated = review_dates(item, locs, ("notes", i), self.problems)
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

    def story(self, f: InputFile) -> m.Story | None:
        checked = self.checked(f)
        data, locs = checked.data, checked.locs
        if not self.file_id(f, "story") or data is INVALID:
            return None
        ok = all(
            [
                self.reference(a, self.article_ids, "article", locs[("articles", i)], "articles/")
                for i, a in enumerate(data["articles"])
            ]
        )
        claims = []
        ids: set[str] = set()
        for i, item in enumerate(data["claims"]):
            if item["id"] in ids:
                self.error(
                    locs[("claims", i, "id")],
                    f"claims[{i}]: duplicate claim id '{item['id']}'",
                    "give each claim its own id",
                )
                ok = False
            ids.add(item["id"])
            statements = claim_statements(item, data["articles"], locs, ("claims", i), self.problems)
            reviewed, updated = review_dates(item, locs, ("claims", i), self.problems)
            covers = covered_articles(item, data["articles"], locs, ("claims", i), self.problems)
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
                out[item["id"]] = m.Outlet(
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
                terms.append(
                    m.Term(
                        item["term"],
                        item["definition"],
                        sources(item, locs, ("terms", i)),
                        aliases,
                        languages,
                    )
                )
        return tuple(terms)


def assemble(raw: RawDigest) -> tuple[m.Digest, list[Problem]]:
    """Build the model from loaded files; return it with every problem found."""
    start_validation()
    assembler = Assembler(raw)
    digest = assembler.assemble()

    return digest, assembler.problems
