"""Stage 2c: what a story's comparison still lacks.

A cell not written yet is pending (not yet compared): a warning while the
desk works, refused by a publishing build. A conclusion written before an
article joined the story does not cover that article until an editor has
read it again: flagged in the build report.
"""

from __future__ import annotations

import datetime as dt

from ..errors import Loc, Problem
from ..model import Article, Claim, Digest, Story


def pending_cells(digest: Digest) -> list[Problem]:
    """One warning per cell not written yet, at the claim's `statements:`."""
    flags = []
    for story in sorted(digest.stories.values(), key=lambda s: s.id):
        for i, claim in enumerate(story.claims):
            for statement in claim.statements:
                if not statement.pending:
                    continue
                flags.append(
                    Problem(
                        statement.loc or Loc(_story_path(story)),
                        f"claims[{i}].statements: '{statement.article}' is not yet compared (pending)",
                        f"add `{statement.article}:` with the article's words as `quote:`, or "
                        "`not_mentioned: true` once you have checked that it says nothing on this claim",
                        warning=True,
                    )
                )
    return flags


def covers(claim: Claim, article: Article) -> tuple[bool, str]:
    """Whether the claim's conclusion takes the article into account, and what says so."""
    if claim.covers is not None:
        return article.id in claim.covers, "not listed in `covers:`"
    if claim.updated is None or article.retrieved is None:
        return True, ""
    return article.retrieved <= claim.updated, (
        f"conclusion dated {_day(claim.updated)}, article retrieved {_day(article.retrieved)}"
    )


def uncovered_conclusions(digest: Digest) -> list[Problem]:
    """A flag per (claim, article) whose compared cell the conclusion predates."""
    flags = []
    for story in sorted(digest.stories.values(), key=lambda s: s.id):
        for i, claim in enumerate(story.claims):
            for statement in claim.statements:
                article = digest.articles.get(statement.article)
                if statement.pending or article is None:
                    continue
                covered, why = covers(claim, article)
                if covered:
                    continue
                flags.append(
                    Problem(
                        claim.loc or Loc(_story_path(story)),
                        f"claims[{i}].conclusion: does not cover '{article.id}', "
                        "which joined the story after it was written",
                        f"read the conclusion again with {article.id}'s cell in mind (if you change it, "
                        f"set `updated:`), then write `covers: [{', '.join(_compared(claim))}]`",
                        (why,),
                        warning=True,
                    )
                )
    return flags


def _compared(claim: Claim) -> list[str]:
    """The articles a reviewed conclusion covers: every one with a written cell."""
    return [s.article for s in claim.statements if not s.pending]


def _story_path(story: Story) -> str:
    return f"annotations/stories/{story.id}.yml"


def _day(day: dt.date) -> str:
    return day.isoformat()
