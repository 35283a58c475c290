"""Stage 2b: a note's or claim's `reviewed` and `updated` dates, and which articles a conclusion covers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ..errors import Loc, Problem
from .records import suggest
from .scalars import KeyPath, path_label


def review_dates(
    item: dict[str, Any], locs: Mapping[KeyPath, Loc], path: KeyPath, problems: list[Problem]
) -> tuple[dt.date | None, dt.date | None]:
    """(reviewed, updated); `updated` defaults to `reviewed`. A date out of order is a problem."""
    reviewed: dt.date | None = item.get("reviewed")
    updated: dt.date | None = item.get("updated")
    label = path_label(path + ("updated",))
    if updated is not None and reviewed is None:
        problems.append(
            Problem(
                locs[path + ("updated",)],
                f"{label}: an updated date needs a reviewed date",
                "add `reviewed:` with the date it was first written and checked, YYYY-MM-DD",
            )
        )
    elif updated is not None and reviewed is not None and updated < reviewed:
        problems.append(
            Problem(
                locs[path + ("updated",)],
                f"{label}: {updated.isoformat()} is before the reviewed date ({reviewed.isoformat()})",
                f"write the date of the last change, on or after {reviewed.isoformat()}, "
                "or correct `reviewed:`",
            )
        )
    return reviewed, updated or reviewed


def covered_articles(
    item: dict[str, Any],
    articles: list[str],
    locs: Mapping[KeyPath, Loc],
    path: KeyPath,
    problems: list[Problem],
) -> tuple[str, ...] | None:
    """The claim's `covers:` list, every id checked against the story's articles; None if not given."""
    if "covers" not in item:
        return None
    ok = True
    for i, article in enumerate(item["covers"]):
        if article not in articles:
            problems.append(
                Problem(
                    locs[path + ("covers", i)],
                    f"{path_label(path + ('covers', i))}: '{article}' is not an article of this story",
                    f"{suggest(article, articles)}The story's articles: {', '.join(articles)}",
                )
            )
            ok = False
    return tuple(dict.fromkeys(item["covers"])) if ok else None
