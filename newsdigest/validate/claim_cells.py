"""A claim's cells: what each article of the story says about it (stage 2b, beside assemble.py)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import model as m
from ..errors import Loc, Problem
from .parts import quote_at
from .records import suggest
from .scalars import KeyPath, path_label


def claim_statements(
    claim: dict[str, Any],
    articles: list[str],
    locs: Mapping[KeyPath, Loc],
    path: KeyPath,
    problems: list[Problem],
) -> tuple[m.Statement, ...] | None:
    """One cell per article of the story, in the story's order; None (with problems) if any is wrong.

    A cell not written yet is pending (not yet compared): the build report flags
    it and a publishing build refuses it (story_gaps.py).
    """

    def error(loc: Loc, message: str, hint: str) -> None:
        problems.append(Problem(loc, message, hint))

    given: dict[str, Any] = claim["statements"]
    here = path + ("statements",)
    ok = True
    for key in given:
        if key not in articles:
            error(
                locs[here + (key, "")],
                f"{path_label(here)}: '{key}' is not an article of this story",
                f"{suggest(key, articles)}The story's articles: {', '.join(articles)}",
            )
            ok = False
    out = []
    for article in articles:
        entry = given.get(article)
        label = path_label(here + (article,))
        if entry is None:  # not yet compared: a flag in the build report, refused when publishing
            out.append(m.Statement(article, None, pending=True, loc=locs[here]))
        elif ("quote" in entry) == bool(entry.get("not_mentioned")):
            error(
                locs[here + (article,)],
                f"{label}: give either `quote:` or `not_mentioned: true`",
                "a comparison cell is the article's words, or an explicit 'not mentioned'",
            )
            ok = False
        elif "quote" in entry:
            quote = quote_at(entry, locs, here + (article,), label)
            out.append(m.Statement(article, quote, assessment=entry.get("assessment")))
        elif "assessment" in entry:
            error(
                locs[here + (article, "assessment")],
                f"{label}: `assessment` needs a `quote:`",
                "an assessment compares the article's words with the record; "
                "remove it from a `not_mentioned` cell",
            )
            ok = False
        elif "prefix" in entry or "suffix" in entry:
            error(
                locs[here + (article,)],
                f"{label}: `prefix`/`suffix` need a `quote:`",
                "remove them, or add the quote",
            )
            ok = False
        else:
            out.append(m.Statement(article, None))
    return tuple(out) if ok else None
