"""The build report: what the digest holds, and what an editor should look at.

Printed by `check` and published as a page. Flags are problems that do not
stop a preview: notes without a source, draft notes, unplaced quotes, pending
cells, conclusions older than an article, changes without a new `updated` date.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..anchor import AnchoredDigest
from ..errors import Problem, sort_problems
from ..memo import BuildMemo
from ..plural import counted, noun_for
from ..render.common import esc, page
from ..schema.vocabularies import NOTE_KINDS
from .checkable import Unnoted, start_build, unnoted_checkable
from .editorial import rule_flags
from .rules import Rules


@dataclass(slots=True)
class BuildReport:
    notes_per_article: dict[str, Counter[str]] = field(default_factory=dict)
    """Article path -> note kind -> count."""
    claims_per_story: dict[str, int] = field(default_factory=dict)
    unnoted: dict[str, list[Unnoted]] = field(default_factory=dict)
    """Article path -> checkable sentences without a note (see coverage.py)."""
    flags: list[Problem] = field(default_factory=list)

    @property
    def notes(self) -> int:
        return sum(sum(c.values()) for c in self.notes_per_article.values())


def build_report(
    anchored: AnchoredDigest, rules: Rules | None = None, in_progress: Sequence[Problem] = ()
) -> BuildReport:
    """Counts and flags; `in_progress` adds the story and review flags (pipeline.work_in_progress)."""
    digest = anchored.digest
    report = BuildReport()
    start_build()
    for article_id, article in sorted(digest.articles.items()):
        notes = digest.notes.get(article_id, ())
        report.notes_per_article[article.path] = Counter(n.kind for n in notes)
        if article_id in anchored.articles:
            report.unnoted[article.path] = unnoted_checkable(anchored.articles[article_id])
        for note in notes:
            if note.draft:
                report.flags.append(
                    Problem(
                        note.quote.loc,
                        f"note '{note.id}' is a draft",
                        "remove `status: draft` when it is ready to publish",
                        warning=True,
                    )
                )
    for story_id, story in sorted(digest.stories.items()):
        report.claims_per_story[f"annotations/stories/{story_id}.yml"] = len(story.claims)
    report.flags += rule_flags(anchored, rules or Rules(), report.unnoted)
    report.flags += [replace(p, warning=True) for p in anchored.problems]
    report.flags += in_progress
    report.flags = sort_problems(report.flags)  # the order `check --strict` prints them in
    return report


def kinds_line(counts: Counter[str]) -> str:
    return ", ".join(f"{NOTE_KINDS[k].lower()} {counts[k]}" for k in NOTE_KINDS if counts[k]) or "no notes"


def report_text(report: BuildReport) -> str:
    lines = ["Notes per article:"]
    width = max((len(p) for p in report.notes_per_article), default=0)
    for path, counts in report.notes_per_article.items():
        total = sum(counts.values())
        lines.append(f"  {path:<{width}}  {total:>3} {noun_for(total, 'note'):<5} ({kinds_line(counts)})")
    lines.append("Claims per story:")
    for path, count in report.claims_per_story.items():
        lines.append(f"  {path}  {counted(count, 'claim')}")
    lines.append("Checkable sentences without a note (a figure or a quotation; listed on the report page):")
    for path, unnoted in report.unnoted.items():
        lines.append(f"  {path:<{width}}  {len(unnoted):>3}")
    lines.append(f"Flags: {len(report.flags) or 'none'}")
    lines += [flag.format() for flag in report.flags]
    return "\n".join(lines)


ReportKey = tuple[
    tuple[tuple[str, tuple[tuple[str, int], ...]], ...],
    tuple[tuple[str, int], ...],
    tuple[tuple[str, tuple[Unnoted, ...]], ...],
    tuple[Problem, ...],
]
"""What the report page shows: notes per article by kind, claims per story, unnoted sentences per
article and the flags (the report's fields, frozen)."""


def report_page(report: BuildReport) -> str:
    """The report as a page; made again only when what it shows changed (an edit to one note seldom does)."""
    _REPORT_PAGES.start()
    key: ReportKey = (
        tuple((path, tuple(counts.items())) for path, counts in report.notes_per_article.items()),
        tuple(report.claims_per_story.items()),
        tuple((path, tuple(unnoted)) for path, unnoted in report.unnoted.items()),
        tuple(report.flags),
    )
    return _REPORT_PAGES.get(key)


def page_of_report(key: ReportKey) -> str:
    notes, claims, unnoted, flags = key
    return render_report_page(
        BuildReport(
            {path: Counter(dict(counts)) for path, counts in notes},
            dict(claims),
            {path: list(found) for path, found in unnoted},
            list(flags),
        )
    )


def render_report_page(report: BuildReport) -> str:
    rows = "".join(
        f"<tr><td><code>{esc(path)}</code></td><td>{sum(c.values())}</td><td>{esc(kinds_line(c))}</td></tr>"
        for path, c in report.notes_per_article.items()
    )
    stories = "".join(
        f"<tr><td><code>{esc(p)}</code></td><td>{n}</td></tr>" for p, n in report.claims_per_story.items()
    )
    flags = "".join(f"<li><code>{esc(str(f.loc))}</code>: {esc(f.message)}</li>" for f in report.flags)
    body = (
        f"<p>{counted(report.notes, 'note')} on {counted(len(report.notes_per_article), 'article')}; "
        f"{counted(sum(report.claims_per_story.values()), 'claim')} in "
        f"{counted(len(report.claims_per_story), 'story')}; {counted(len(report.flags), 'flag')}.</p>"
        '<h2 id="notes">Notes per article</h2>'
        "<table><thead><tr><th>Article</th><th>Notes</th><th>By kind</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        '<h2 id="claims">Claims per story</h2>'
        f"<table><thead><tr><th>Story</th><th>Claims</th></tr></thead><tbody>{stories}</tbody></table>"
        + unnoted_section(report)
        + '<h2 id="flags">Flags</h2>'
        + (
            f"<ul>{flags}</ul>"
            if flags
            else "<p>None: every note has a source, none is a draft, every quote is placed, "
            "every cell is compared and every conclusion is up to date.</p>"
        )
    )
    return page("Build report", "Counts of notes and claims, and anything an editor should check.", body)


_REPORT_PAGES: BuildMemo[ReportKey, str] = BuildMemo(page_of_report)
"""The last build's report page: the same counts, sentences and flags give the same page."""


def unnoted_section(report: BuildReport) -> str:
    """Per article, the sentences with a figure or a quotation that no note or claim touches."""
    items = []
    for path, unnoted in report.unnoted.items():
        listed = "".join(f"<li><code>{esc(path)}:{u.line}</code> {esc(u.excerpt)}</li>" for u in unnoted)
        items.append(
            f"<details><summary><code>{esc(path)}</code>: {len(unnoted)}</summary><ul>{listed}</ul></details>"
            if unnoted
            else f"<p><code>{esc(path)}</code>: 0</p>"
        )
    return (
        '<h2 id="coverage">Checkable sentences without a note</h2>'
        "<p>Sentences that state a figure or quote someone and that no note or claim touches: "
        "a rough signal of what is not yet checked, not a verdict.</p>" + "".join(items)
    )
