"""Model pieces read the same way from every kind of file: a quote (where it is written) and sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import model as m
from ..errors import Loc
from .scalars import KeyPath


def quote_at(item: dict[str, Any], locs: Mapping[KeyPath, Loc], path: KeyPath, label: str) -> m.Quote:
    return m.Quote(item["quote"], item.get("prefix"), item.get("suffix"), locs[path + ("quote",)], label)


def sources(
    item: dict[str, Any], locs: Mapping[KeyPath, Loc] | None = None, path: KeyPath = ()
) -> tuple[m.Source, ...]:
    def loc(j: int) -> Loc | None:
        return locs.get(path + ("sources", j, "url")) if locs is not None else None

    return tuple(
        m.Source(
            s["title"],
            s["url"],
            publisher=s.get("publisher"),
            date=s.get("date"),
            via=s.get("via"),
            archive_url=s.get("archive_url"),
            loc=loc(j),
        )
        for j, s in enumerate(item.get("sources", ()))
    )
