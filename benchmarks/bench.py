"""Benchmark: our build against bare MkDocs on the same texts, at several sizes.

    python benchmarks/bench.py                 # N = 100, 1000 (3 runs each)
    python benchmarks/bench.py --sizes 100,1000,10000 --runs 3 --large-runs 1 --serve

Prints two tables: issue 14's targets as ratios, one column each with its
target in the heading, and the figures they come from. Every time is the
median of --runs runs, and every ratio compares with bare MkDocs (or a cold
run) measured in the same run, so ratios are comparable on a noisy machine.
Builds run with Material's search and again with `search: pagefind`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from measure import (
    first_query_downloads,
    generation_time,
    median,
    page_sizes,
    pagefind_payload,
    search_payload,
    serve_reload_latency,
    timed,
    timed_with_log,
)
from synth import write_digest

from newsdigest.mkdocs_plugin import search_backend

MKDOCS = [sys.executable, "-m", "mkdocs", "build"]
"""Not quiet: the log tells whether the digest warned of a large search index."""
PAGES = [sys.executable, str(Path(__file__).parent.parent / "build_digest.py"), "pages", "--root", "."]
BARE_PAGEFIND = [sys.executable, str(Path(__file__).parent / "bare_pagefind.py"), "."]
"""Bare MkDocs without Material's search, then Pagefind over its site: the baseline of `search: pagefind`."""


LARGE = 5000
"""From this size on a build takes minutes; `--large-runs` can ask for fewer runs there."""

CACHE = ".cache"
"""The digest's persistent cache, beside mkdocs.yml (removed before each cold run)."""

COMMON_WORD = "ceasefire"
"""In almost every synthetic article: the worst case for a first Pagefind query."""


def use_search(root: Path, search: str) -> None:
    """Set the digest plugin's `search:` option in the synthetic mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = re.sub(r"  - digest(:\n      search: \w+)?\n", "  - digest\n", config.read_text(encoding="utf-8"))
    text = text.replace("  - digest\n", f"  - digest:\n      search: {search}\n")
    config.write_text(text, encoding="utf-8")


def forget_cache(root: Path) -> None:
    """Make the next run cold: no persistent cache of an earlier process."""
    shutil.rmtree(root / CACHE, ignore_errors=True)


def pagefind_figures(root: Path, runs: int) -> dict[str, float]:
    """Whole builds with `search: pagefind` (indexing included) and a reader's first query."""
    if search_backend.find_pagefind() is None:
        print("Pagefind is not installed: pip install 'newsdigest[pagefind]'", file=sys.stderr)
        return {}
    use_search(root, "pagefind")
    try:
        builds, bases, bare_pagefind, rss = [], [], [], []
        for _ in range(runs):
            forget_cache(root)  # cold, as the builds with Material's search
            seconds, peak = timed(MKDOCS, root)
            builds.append(seconds)
            rss.append(peak)
            bases.append(timed(MKDOCS, root / "plain")[0])
            bare_pagefind.append(timed(BARE_PAGEFIND, root / "plain")[0])
        row = {
            "pagefind_build_s": median(builds),
            "pagefind_plain_s": median(bases),
            "pagefind_bare_pagefind_s": median(bare_pagefind),
            "pagefind_rss_mb": max(rss) / 1024,
            "pagefind_kb": pagefind_payload(root / "site")["total"] / 1024,
        }
        with contextlib.suppress(ImportError):  # Playwright comes with the `test` extra
            row["pagefind_real_kb"] = sum(first_query_downloads(root / "site", COMMON_WORD).values()) / 1024
        return row
    finally:
        use_search(root, "material")


def measure_size(n: int, runs: int, workdir: Path, serve: bool, pagefind: bool) -> dict[str, float]:
    root = workdir / f"digest-{n}"
    write_digest(root, n)
    gen = []
    for _ in range(runs):
        forget_cache(root)
        gen.append(generation_time(root))
    ours, base, rss, warned = [], [], [], False
    for _ in range(runs):
        forget_cache(root)
        seconds, peak, log = timed_with_log(MKDOCS, root)
        ours.append(seconds)
        rss.append(peak)
        warned = warned or "search_index_warning" in log
        base.append(timed(MKDOCS, root / "plain")[0])
    sizes = page_sizes(root / "site")
    row: dict[str, float] = {
        "n": n,
        "runs": runs,
        "generation_s": median(gen),
        "mkdocs_ours_s": median(ours),
        "mkdocs_step_s": median(ours) - median(gen),
        "mkdocs_plain_s": median(base),
        "peak_rss_mb": max(rss) / 1024,
        "page_kb_median": sizes[len(sizes) // 2] / 1024,
        "page_kb_max": sizes[-1] / 1024,
        "search_kb": search_payload(root / "site") / 1024,
        "index_warned": warned,
    }
    if pagefind:
        row.update(pagefind_figures(root, runs))
    # the generation step from the command line: cold, no-op, and after editing one annotation file
    cold = []
    for _ in range(runs):
        forget_cache(root)
        shutil.rmtree(root / "docs", ignore_errors=True)  # its fingerprint would say nothing changed
        (root / "docs").mkdir()
        cold.append(timed(PAGES, root)[0])
    noop = [timed(PAGES, root)[0] for _ in range(runs)]
    edit = root / "annotations" / "article-00000.yml"
    edits = []
    for i in range(runs):
        text = re.sub(r"Note 0( \(edit \d+\))? on", f"Note 0 (edit {i}) on", edit.read_text(encoding="utf-8"))
        edit.write_text(text, encoding="utf-8")
        edits.append(timed(PAGES, root)[0])
    row.update(pages_cold_s=median(cold), pages_noop_s=median(noop), pages_one_edit_s=median(edits))
    if serve:
        row["serve_reload_s"] = median(serve_reload_latency(root, edit, runs))
    return row


def _ratio(r: dict[str, float], top: str, bottom: str, style: str = "{:.2f}×") -> str:
    return style.format(r[top] / r[bottom]) if top in r and bottom in r else "–"


RATIOS = (
    ("N", lambda r: f"{int(r['n']):,}"),
    ("runs", lambda r: f"{int(r['runs'])}"),
    ("serve reload / bare build (≤ 10%)", lambda r: _ratio(r, "serve_reload_s", "mkdocs_plain_s", "{:.1%}")),
    ("`pages` one edit / cold (≤ 25%)", lambda r: _ratio(r, "pages_one_edit_s", "pages_cold_s", "{:.1%}")),
    ("whole / bare, Material search (≤ 1.5×)", lambda r: _ratio(r, "mkdocs_ours_s", "mkdocs_plain_s")),
    (
        "whole with Pagefind / bare with Material search",
        lambda r: _ratio(r, "pagefind_build_s", "pagefind_plain_s"),
    ),
    (
        "whole / bare, both with Pagefind (≤ 1.5×)",
        lambda r: _ratio(r, "pagefind_build_s", "pagefind_bare_pagefind_s"),
    ),
    ("generation / MkDocs step (≤ 25%)", lambda r: _ratio(r, "generation_s", "mkdocs_step_s", "{:.1%}")),
    (
        "peak memory MB, Material / Pagefind (≤ 1,536 at 10,000)",
        lambda r: (
            f"{r['peak_rss_mb']:,.0f} / "
            + (f"{r['pagefind_rss_mb']:,.0f}" if "pagefind_rss_mb" in r else "–")
        ),
    ),
    ("first search KB, Material / Pagefind (≤ 300)", lambda r: first_search(r)),
    ("index-size warning", lambda r: "yes" if r["index_warned"] else "no"),
)
"""Issue 14's targets, one column each (the target in the heading). Peak memory is the largest
process of a build: with Pagefind, Pagefind's indexer (a process of its own) when it is larger."""


def first_search(r: dict[str, float]) -> str:
    pagefind = r.get("pagefind_real_kb", r.get("pagefind_kb"))
    return (
        f"{r['search_kb']:,.0f} / {pagefind:,.0f}" if pagefind is not None else f"{r['search_kb']:,.0f} / –"
    )


FIGURES = (
    ("N", lambda r: f"{int(r['n']):,}"),
    ("generation (s)", lambda r: f"{r['generation_s']:.2f}"),
    ("MkDocs build, our pages (s)", lambda r: f"{r['mkdocs_ours_s']:.2f}"),
    ("bare MkDocs, same texts (s)", lambda r: f"{r['mkdocs_plain_s']:.2f}"),
    ("build with Pagefind (s)", lambda r: f"{r['pagefind_build_s']:.2f}" if "pagefind_build_s" in r else "–"),
    (
        "bare MkDocs + Pagefind (s)",
        lambda r: f"{r['pagefind_bare_pagefind_s']:.2f}" if "pagefind_bare_pagefind_s" in r else "–",
    ),
    ("article page KB (median / max)", lambda r: f"{r['page_kb_median']:.1f} / {r['page_kb_max']:.1f}"),
    ("Pagefind first-query bound KB", lambda r: f"{r['pagefind_kb']:.0f}" if "pagefind_kb" in r else "–"),
    ("`pages` cold (s)", lambda r: f"{r['pages_cold_s']:.2f}"),
    ("`pages` no-op (s)", lambda r: f"{r['pages_noop_s']:.2f}"),
    ("`pages` after one edit (s)", lambda r: f"{r['pages_one_edit_s']:.2f}"),
    ("serve save-to-reload (s)", lambda r: f"{r['serve_reload_s']:.2f}" if "serve_reload_s" in r else "–"),
)
"""The figures the ratios come from (medians, seconds unless said)."""


def machine() -> str:
    """What the figures were measured on, printed with them (ratios still depend on the machine)."""
    from importlib.metadata import version

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores, {memory:.0f} GiB, Python {sys.version.split()[0]}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}"
    )


def load_average() -> str:
    """Other work on the machine (1, 5 and 15 minutes): what makes single figures noisy."""
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def table(rows: list[dict[str, float]], columns: tuple[tuple[str, Any], ...]) -> str:
    lines = ["| " + " | ".join(name for name, _ in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r) for _, cell in columns) + " |" for r in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000", help="comma-separated article counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median is reported)")
    parser.add_argument(
        "--large-runs", type=int, help=f"runs per figure from N = {LARGE:,} on (default: --runs)"
    )
    parser.add_argument("--serve", action="store_true", help="also time save-to-reload under mkdocs serve")
    parser.add_argument("--keep", action="store_true", help="keep the generated digests")
    parser.add_argument(
        "--no-pagefind",
        action="store_true",
        help="skip the builds with `search: pagefind` (by default they are timed too, and a real first "
        f"query for {COMMON_WORD!r} is measured in Chromium when Playwright is installed)",
    )
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    workdir = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    rows = []
    load_at_start = load_average()
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            runs = args.large_runs if args.large_runs and n >= LARGE else args.runs
            rows.append(measure_size(n, runs, workdir, args.serve, not args.no_pagefind))
            print(f"N={n:,} measured in {time.perf_counter() - started:.0f} s", file=sys.stderr)
            # so far, in case a larger size does not finish
            print(table(rows[-1:], RATIOS), table(rows[-1:], FIGURES), sep="\n", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"Machine: {machine()}; load average {load_at_start} at the start, {load_average()} at the end.\n")
    print("Issue 14's targets as ratios (each measured against bare MkDocs in the same run):\n")
    print(table(rows, RATIOS))
    print("\nThe figures behind them (medians, seconds):\n")
    print(table(rows, FIGURES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
