"""Benchmark: our build against bare MkDocs on the same texts, at several sizes.

    python benchmarks/bench.py                 # N = 100, 1000 (3 runs each)
    python benchmarks/bench.py --sizes 100,1000,10000 --runs 3 --large-runs 2 --serve
    python benchmarks/bench.py --sizes 1000 --runs 1 --search pagefind   # the scalable search back end

Prints one table; every time is the median of --runs runs, measured in the
same run as its baseline so ratios are comparable on a noisy machine.
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

sys.path.insert(0, str(Path(__file__).parent))

from measure import (
    COLD,
    first_query_downloads,
    generation_time,
    median,
    page_sizes,
    pagefind_payload,
    search_payload,
    serve_reload_latency,
    timed,
)
from synth import write_digest

from newsdigest.mkdocs_plugin import search_backend

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "-q"]
PAGES = [sys.executable, str(Path(__file__).parent.parent / "build_digest.py"), "pages", "--root", "."]


LARGE = 5000
"""From this size on a build takes minutes; `--large-runs` can ask for fewer runs there."""

COMMON_WORD = "ceasefire"
"""In almost every synthetic article: the worst case for a first Pagefind query."""


def use_search(root: Path, search: str) -> None:
    """Set the digest plugin's `search:` option in the synthetic mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  - digest\n", f"  - digest:\n      search: {search}\n")
    config.write_text(text, encoding="utf-8")


def search_figures(site: Path, search: str) -> dict[str, float]:
    """First-search payload; with Pagefind also its indexing time and a real query in Chromium."""
    if search == "material":
        return {"search_kb": search_payload(site) / 1024}
    executable = search_backend.find_pagefind()
    assert executable is not None, "pip install 'newsdigest[pagefind]'"
    row = {
        "search_kb": pagefind_payload(site)["total"] / 1024,
        "index_s": search_backend.run_pagefind(executable, site, "en", keep_index_url=False).seconds,
    }
    with contextlib.suppress(ImportError):  # Playwright comes with the `test` extra
        row["search_real_kb"] = sum(first_query_downloads(site, COMMON_WORD).values()) / 1024
    return row


def measure_size(n: int, runs: int, workdir: Path, serve: bool, search: str = "material") -> dict[str, float]:
    root = workdir / f"digest-{n}"
    write_digest(root, n)
    use_search(root, search)
    gen = [generation_time(root) for _ in range(runs)]
    ours, base, rss = [], [], []
    for _ in range(runs):
        seconds, peak = timed(MKDOCS, root, COLD)  # cold: the `pages` runs below use the cache
        ours.append(seconds)
        rss.append(peak)
        base.append(timed(MKDOCS, root / "plain")[0])
    sizes = page_sizes(root / "site")
    # no-op and one-edit rebuilds of the generation step (CLI: writes only what changed)
    timed(PAGES, root)
    noop = [timed(PAGES, root)[0] for _ in range(runs)]
    edit = root / "annotations" / "article-00000.yml"
    edits = []
    for i in range(runs):
        text = re.sub(r"Note 0( \(edit \d+\))? on", f"Note 0 (edit {i}) on", edit.read_text(encoding="utf-8"))
        edit.write_text(text, encoding="utf-8")
        edits.append(timed(PAGES, root)[0])
    row = {
        "n": n,
        "runs": runs,
        "generation_s": median(gen),
        "mkdocs_ours_s": median(ours),
        "mkdocs_step_s": median(ours) - median(gen),
        "mkdocs_plain_s": median(base),
        "peak_rss_mb": max(rss) / 1024,
        "page_kb_median": sizes[len(sizes) // 2] / 1024,
        "page_kb_max": sizes[-1] / 1024,
        **search_figures(root / "site", search),
        "pages_noop_s": median(noop),
        "pages_one_edit_s": median(edits),
    }
    if serve:
        row["serve_reload_s"] = median(serve_reload_latency(root, edit, runs))
    return row


COLUMNS = (
    ("N", lambda r: f"{int(r['n']):,}"),
    ("runs", lambda r: f"{int(r['runs'])}"),
    ("generation (s)", lambda r: f"{r['generation_s']:.2f}"),
    ("MkDocs build, our pages (s)", lambda r: f"{r['mkdocs_ours_s']:.2f}"),
    ("bare MkDocs, same texts (s)", lambda r: f"{r['mkdocs_plain_s']:.2f}"),
    ("generation / MkDocs step", lambda r: f"{r['generation_s'] / r['mkdocs_step_s']:.1%}"),
    ("ours / bare", lambda r: f"{r['mkdocs_ours_s'] / r['mkdocs_plain_s']:.2f}×"),
    ("peak RSS (MB)", lambda r: f"{r['peak_rss_mb']:.0f}"),
    ("article page KB (median / max)", lambda r: f"{r['page_kb_median']:.1f} / {r['page_kb_max']:.1f}"),
    ("first-search payload KB", lambda r: f"{r['search_kb']:.0f}"),
    ("measured first query KB", lambda r: f"{r['search_real_kb']:.0f}" if "search_real_kb" in r else "–"),
    ("Pagefind indexing (s)", lambda r: f"{r['index_s']:.1f}" if "index_s" in r else "–"),
    ("`pages` no-op (s)", lambda r: f"{r['pages_noop_s']:.2f}"),
    ("`pages` after one edit (s)", lambda r: f"{r['pages_one_edit_s']:.2f}"),
    ("serve save-to-reload (s)", lambda r: f"{r['serve_reload_s']:.2f}" if "serve_reload_s" in r else "–"),
)


def table(rows: list[dict[str, float]]) -> str:
    lines = ["| " + " | ".join(name for name, _ in COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell(r) for _, cell in COLUMNS) + " |" for r in rows]
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
        "--search",
        choices=search_backend.BACKENDS,
        default=search_backend.DEFAULT,
        help="search back end of the digest plugin; with pagefind the payload is an upper bound "
        f"(a real first query for {COMMON_WORD!r} is measured too when Playwright is installed)",
    )
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    workdir = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    rows = []
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            started = time.perf_counter()
            runs = args.large_runs if args.large_runs and n >= LARGE else args.runs
            rows.append(measure_size(n, runs, workdir, args.serve and n == 1000, args.search))
            print(f"N={n:,} measured in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
