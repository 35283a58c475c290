"""The desk's editorial rules applied to a placed digest: one flag per finding.

Flags are warnings in a preview and in `check`; `check --strict` refuses them.
Which rules run, and with what settings, is the desk's choice (rules.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..anchor import AnchoredDigest
from ..errors import Loc, Problem
from ..model import Source
from ..schema.vocabularies import NOTE_KINDS, NOTE_RATINGS
from .addresses import address_findings, findings_by_address, on_host
from .checkable import Unnoted
from .rules import WHERE, Rules


def plural(count: int) -> str:
    return "" if count == 1 else "s"


def flag(loc: Loc, message: str, hint: str) -> Problem:
    return Problem(loc, message, hint, warning=True)


def rule_flags(anchored: AnchoredDigest, rules: Rules, unnoted: dict[str, list[Unnoted]]) -> list[Problem]:
    """Every finding of every rule in force, article by article, then sources in file order."""
    digest = anchored.digest
    flags: list[Problem] = []
    for article_id, article in sorted(digest.articles.items()):
        notes = [n for n in digest.notes.get(article_id, ()) if not n.draft]
        here = Loc(article.path)
        notes_file = f"annotations/{article_id}.yml"
        if len(notes) < rules.min_notes:
            flags.append(
                flag(
                    here,
                    f"article '{article_id}' has {len(notes)} published note{plural(len(notes))}; "
                    f"the desk's rules ask for at least {rules.min_notes}",
                    f"add notes in {notes_file} (drafts do not count), or lower `min_notes` in {WHERE}",
                )
            )
        kinds = {n.kind for n in notes}
        for kind in rules.required_kinds:
            if kind not in kinds:
                flags.append(
                    flag(
                        here,
                        f"article '{article_id}' has no {NOTE_KINDS[kind].lower()} note; "
                        f"the desk's rules ask every article for: {', '.join(rules.required_kinds)}",
                        f"add a note with `kind: {kind}` in {notes_file}, "
                        f"or change `required_kinds` in {WHERE}",
                    )
                )
        if rules.max_unnoted_checkable is not None:
            count = len(unnoted.get(article.path, []))
            if count > rules.max_unnoted_checkable:
                flags.append(
                    flag(
                        here,
                        f"article '{article_id}' has {count} checkable sentence{plural(count)} "
                        "without a note; "
                        f"the desk's rules allow {rules.max_unnoted_checkable}",
                        "the build report lists them: annotate the ones that need it, "
                        f"or raise `max_unnoted_checkable` in {WHERE}",
                    )
                )
    if rules.same_kinds_in_story:
        flags += story_kind_flags(anchored)
    if rules.rated_fact_checks:
        flags += unrated_flags(anchored)
    # The schema asks every note for a source; this guards notes made any other way.
    for placed_notes in digest.notes.values():
        flags += [
            flag(
                n.quote.loc, f"note '{n.id}' has no source", "add at least one source with a title and a URL"
            )
            for n in placed_notes
            if not n.sources
        ]
    known = findings_by_address(list(digest.notes.values())) if rules.canonical_addresses else {}
    for source, loc in cited(anchored):
        if rules.canonical_addresses:
            found = known[source.url] if source.url in known else address_findings(source.url)
            flags += [flag(loc, f"{f.message}: {source.url}", f.hint) for f in found]
        listed = on_host(source.url, rules.avoid_hosts)
        if listed is not None:
            host, why = listed
            flags.append(
                flag(
                    loc,
                    f"source on a host the desk avoids ({host}{': ' + why if why else ''}): {source.url}",
                    f"cite the original publisher's own page; the list is `avoid_hosts` in {WHERE}",
                )
            )
    return flags


def unrated_flags(anchored: AnchoredDigest) -> list[Problem]:
    """Fact-check notes without a rating, in file order."""
    choices = ", ".join(NOTE_RATINGS)
    return [
        flag(
            note.quote.loc,
            f"fact-check note '{note.id}' has no rating",
            f"add `rating:` with one of: {choices} (docs/methodology.md); "
            f"or turn off `rated_fact_checks` in {WHERE}",
        )
        for _, notes in sorted(anchored.digest.notes.items())
        for note in notes
        if note.kind == "fact-check" and note.rating is None
    ]


def story_kind_flags(anchored: AnchoredDigest) -> list[Problem]:
    """A kind of note used on some articles of a story but not on others."""
    digest = anchored.digest
    flags = []
    for story_id, story in sorted(digest.stories.items()):
        kinds = {
            a: {n.kind for n in digest.notes.get(a, ()) if not n.draft}
            for a in story.articles
            if a in digest.articles
        }
        for article_id, present in kinds.items():
            for kind in NOTE_KINDS:
                if kind in present:
                    continue
                others = [a for a, k in kinds.items() if kind in k]
                if others:
                    flags.append(
                        flag(
                            Loc(digest.articles[article_id].path),
                            f"article '{article_id}' has no {NOTE_KINDS[kind].lower()} note, "
                            f"while other articles of story '{story_id}' have: {', '.join(others)}",
                            f"consider the same kinds for every article of a story: add one in "
                            f"annotations/{article_id}.yml, or turn off `same_kinds_in_story` in {WHERE}",
                        )
                    )
    return flags


def cited(anchored: AnchoredDigest) -> Iterator[tuple[Source, Loc]]:
    """Every source of every note, claim, outlet and glossary term, with where its address is written."""
    digest = anchored.digest
    for _, notes in sorted(digest.notes.items()):
        for note in notes:
            yield from ((s, s.loc or note.quote.loc) for s in note.sources)
    for story_id, story in sorted(digest.stories.items()):
        for claim in story.claims:
            yield from ((s, s.loc or Loc(f"annotations/stories/{story_id}.yml")) for s in claim.sources)
    for outlet in digest.outlets.values():
        yield from ((s, s.loc or Loc("annotations/outlets.yml")) for s in outlet.sources)
    for term in digest.glossary:
        yield from ((s, s.loc or Loc("annotations/glossary.yml")) for s in term.sources)
