"""The whole pipeline in one call: load -> validate -> anchor -> render.

Writing is left to the caller (the CLI writes files, the MkDocs plugin adds
virtual pages), so this module never touches the output.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import memo, memo_store
from .anchor import AnchoredArticle, AnchoredDigest, anchor
from .errors import DigestError, Problem
from .exports import render_exports
from .load.inputs import InputList, load
from .model import Digest
from .progress import Progress
from .render import Pages, render, rendered_article_page
from .render.trust import Desk
from .schema import reference_page
from .site_paths import Linker
from .validate.assemble import assemble
from .validate.checkable import unnoted_checkable
from .validate.report import BuildReport, build_report, report_page
from .validate.review_ledger import Ledger, compare
from .validate.rules import Rules
from .validate.story_gaps import pending_cells, uncovered_conclusions
from .write.review_state import read_review_state

REPORT_PAGE = "report.md"


@dataclass(frozen=True, slots=True)
class Options:
    strict: bool = True
    """Unplaced quotes fail the build; in preview they become warnings."""
    linker: Linker = field(default_factory=Linker)
    site_name: str = "Annotated news digest"
    progress: Progress = field(default_factory=Progress.off)
    """Reports long stages on stderr (see progress.py); silent unless the caller passes one."""
    rules: Rules = field(default_factory=Rules)
    """The desk's editorial rules (mkdocs.yml); their findings are flags of the build report."""
    state_dir: Path | None = None
    """Folder of the last publishing build's review ledger (the docs folder); None: none to compare with."""
    desk: Desk = field(default_factory=Desk)
    """Who says so (the plugin's `desk:` option): the desk's name, About page, error reports."""


@dataclass(slots=True)
class Result:
    pages: Pages
    anchored: AnchoredDigest
    report: BuildReport
    warnings: list[Problem]
    ledger: Ledger
    """The review ledger a publishing build records (write/review_state.py)."""


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one build.

    A build allocates millions of objects (YAML nodes, tokens, pages) that stay
    alive to its end; the collector's repeated passes over them cost time and
    free nothing (reference counting frees the rest). docs/scale.md: how much.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def verify(
    root: Path, strict: bool = False, rules: Rules | None = None, state_dir: Path | None = None
) -> tuple[AnchoredDigest, BuildReport]:
    """Load, validate and anchor (what the `check` command runs); raise with every problem found.

    With `strict`, the report's flags (such as draft notes, pending cells, or
    findings of the desk's `rules`) are errors too.
    """
    with collector_paused(), memo_store.opened(root):
        return _verify(root, strict, rules or Rules(), state_dir)


def _verify(
    root: Path, strict: bool, rules: Rules, state_dir: Path | None
) -> tuple[AnchoredDigest, BuildReport]:
    digest, problems = assemble(load(root, memo_store.stat_index()))
    anchored = anchor(digest)
    problems += anchored.problems
    in_progress, _ = work_in_progress(digest, state_dir)
    report = build_report(anchored, rules, in_progress)
    if strict:
        problems += [replace(p, warning=False) for p in report.flags if p not in anchored.problems]
    if problems:
        raise DigestError(problems)
    return anchored, report


def build(root: Path, options: Options | None = None, inputs: InputList | None = None) -> Result:
    """Pages for the digest in `root`, or DigestError with every problem.

    A strict (publishing) build leaves draft notes out; a preview shows them.
    `inputs`: the input files, if the caller has listed them already.
    """
    with collector_paused(), memo_store.opened(root):
        return _build(root, options or Options(), inputs)


def _build(root: Path, options: Options, inputs: InputList | None) -> Result:
    digest, problems = assemble(load(root, memo_store.stat_index(), inputs))
    each = read_while_parsed(digest, options) if memo.building_once() and not problems else None
    anchored = anchor(digest, options.progress, each)
    if options.strict:  # a publishing build: every cell compared
        problems += [replace(p, warning=False) for p in pending_cells(digest)]
    if problems or (options.strict and anchored.problems):
        raise DigestError(problems + anchored.problems)
    in_progress, ledger = work_in_progress(digest, options.state_dir)
    report = build_report(anchored, options.rules, in_progress)
    published = without_drafts(anchored) if options.strict else anchored
    pages = render(published, options.linker, options.site_name, options.desk)
    pages[REPORT_PAGE] = report_page(report)
    pages[reference_page.PAGE] = reference_page.render()
    pages.update(render_exports(published, options.linker, options.site_name, pages))
    warnings = [replace(p, warning=True) for p in anchored.problems]
    if not options.strict:  # a preview lists the desk's work in progress too
        warnings += in_progress
    return Result(dict(sorted(pages.items())), anchored, report, warnings, ledger)


def work_in_progress(digest: Digest, state_dir: Path | None) -> tuple[list[Problem], Ledger]:
    """Flags for what the comparison and the reviews still lack, and the review ledger to record.

    Pending cells, conclusions that predate an article, and changes made under
    an old `updated` date (compared with the ledger in `state_dir`, if any).
    """
    changed, ledger = compare(digest, read_review_state(state_dir) if state_dir else {})
    return pending_cells(digest) + uncovered_conclusions(digest) + changed, ledger


def read_while_parsed(digest: Digest, options: Options) -> Callable[[AnchoredArticle], None]:
    """For a one-shot build: what later stages read of an article's parsed text, made once it is anchored.

    The report (an article's unnoted sentences) and the article's page read the
    parsed text again after anchoring. Made as each article is anchored, they let
    each parse be freed at once instead of every article's being held until the
    pages are rendered (most of a build's peak memory); the report and render
    stages then find them in their memos. The same values either way.
    """

    def read(placed: AnchoredArticle) -> None:
        unnoted_checkable(placed)
        shown = published_article(placed) if options.strict else placed
        rendered_article_page(shown, digest, options.linker, options.desk)

    return read


def without_drafts(anchored: AnchoredDigest) -> AnchoredDigest:
    """The anchored digest with draft notes and their highlights removed."""
    articles = {article_id: published_article(placed) for article_id, placed in anchored.articles.items()}
    return replace(anchored, articles=articles)


def published_article(placed: AnchoredArticle) -> AnchoredArticle:
    """The article with its draft notes and their highlights removed."""
    drafts = {n.id for n in placed.notes if n.draft}
    if not drafts:
        return placed
    return replace(
        placed,
        notes=tuple(n for n in placed.notes if not n.draft),
        highlights=tuple(h for h in placed.highlights if h.kind == "claim" or h.target not in drafts),
        unplaced=tuple(n for n in placed.unplaced if not n.draft),
    )
