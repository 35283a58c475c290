"""Stage 2c: a conclusion or note that changed while its `updated` date did not.

The last publishing build records, per dated claim and note, a hash of its
substance (a claim's wording, conclusion and rating; a note's kind and body,
white space ignored) with its `updated` date. A build compares the digest
with that record: a different hash under the same date is flagged, and the
record keeps the old hash until the date changes, so the flag stays until an
editor dates the change. Undated items are not tracked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import Loc, Problem
from ..model import Digest

Ledger = dict[str, dict[str, str]]
"""Item key (`claims/<story>/<claim>`, `notes/<article>/<note>`) -> {"hash", "updated"}."""


@dataclass(frozen=True, slots=True)
class Dated:
    key: str
    hash: str
    updated: str
    loc: Loc
    label: str
    """How a message names it, e.g. `claims[2].conclusion` or `notes[4]`."""


def substance(*parts: str) -> str:
    text = "\x00".join(" ".join(part.split()) for part in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dated_items(digest: Digest) -> list[Dated]:
    items = []
    for story_id, story in sorted(digest.stories.items()):
        for i, claim in enumerate(story.claims):
            if claim.updated is not None and claim.loc is not None:
                items.append(
                    Dated(
                        f"claims/{story_id}/{claim.id}",
                        substance(claim.claim, claim.conclusion, claim.rating or ""),
                        claim.updated.isoformat(),
                        claim.loc,
                        f"claims[{i}].conclusion",
                    )
                )
    for article_id, notes in sorted(digest.notes.items()):
        for note in notes:
            if note.updated is not None:
                items.append(
                    Dated(
                        f"notes/{article_id}/{note.id}",
                        substance(note.kind, note.body),
                        note.updated.isoformat(),
                        note.quote.loc,
                        f"{note.quote.label} ('{note.id}')",
                    )
                )
    return items


def compare(digest: Digest, previous: Mapping[str, Mapping[str, str]]) -> tuple[list[Problem], Ledger]:
    """Flags for changes made under an old `updated` date, and the ledger to record."""
    flags: list[Problem] = []
    ledger: Ledger = {}
    for item in dated_items(digest):
        before = previous.get(item.key)
        if before is not None and before.get("updated") == item.updated and before.get("hash") != item.hash:
            flags.append(
                Problem(
                    item.loc,
                    f"{item.label}: changed since a build recorded it with `updated: {item.updated}`",
                    "set `updated:` to the date of this change, YYYY-MM-DD; readers see it, "
                    "and ClaimReview and the annotation export carry it",
                    warning=True,
                )
            )
            ledger[item.key] = {"hash": str(before["hash"]), "updated": item.updated}
        else:
            ledger[item.key] = {"hash": item.hash, "updated": item.updated}
    return flags, ledger
