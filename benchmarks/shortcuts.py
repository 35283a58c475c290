"""What each shortcut saves: the build timed with that shortcut alone switched off.

    python benchmarks/shortcuts.py --size 1000 --runs 3

Shortcuts of the digest step are timed on the generation alone (a fresh
process per run, `pipeline.build`); those of the MkDocs step on a whole
`mkdocs build`. Each figure is the median time with `NEWSDIGEST_SHORTCUTS=off:NAME`
minus the median with every shortcut on, measured in the same run
(newsdigest/shortcuts.py). The whitespace squeeze, which changes the output
on purpose and so is not a shortcut, is reported from one profiled build:
its time and the bytes it saves per article page, raw and gzip-compressed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from measure import generation_time, timed
from synth import write_digest

from newsdigest.shortcuts import NAMES, VARIABLE

MKDOCS_STEP = ("ready-html", "search-view")
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "-q"]


def with_switch(value: str) -> dict[str, str]:
    return {**os.environ, VARIABLE: value}


def generation(root: Path, value: str) -> float:
    os.environ[VARIABLE] = value  # generation_time's process inherits it
    try:
        return generation_time(root)
    finally:
        del os.environ[VARIABLE]


def squeeze_figures(root: Path) -> dict[str, float]:
    """One build in this process, with the squeeze wrapped to time it and weigh what it drops."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from newsdigest.mkdocs_plugin import plugin

    seconds, pages, raw, packed = 0.0, 0, 0, 0
    original = plugin.squeeze_whitespace

    def weighed(html: str) -> str:
        nonlocal seconds, pages, raw, packed
        started = time.perf_counter()
        out = original(html)
        seconds += time.perf_counter() - started
        if 'class="dn-page"' in html and "dn-article" in html:
            pages += 1
            raw += len(html.encode()) - len(out.encode())
            packed += len(gzip.compress(html.encode())) - len(gzip.compress(out.encode()))
        return out

    plugin.squeeze_whitespace = weighed  # a measuring wrapper, in this script only
    try:
        build(load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site-squeeze")))
    finally:
        plugin.squeeze_whitespace = original
    return {
        "seconds": seconds,
        "raw_kb": raw / max(pages, 1) / 1024,
        "gzip_kb": packed / max(pages, 1) / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    root = Path(tempfile.mkdtemp(prefix="digest-shortcuts-")) / "digest"
    write_digest(root, args.size)
    variants = ["on", "off", *(f"off:{name}" for name in NAMES if name not in MKDOCS_STEP)]
    gen: dict[str, list[float]] = {v: [] for v in variants}
    for _ in range(args.runs):  # interleaved, so a busy moment weighs on every variant alike
        for value in variants:
            gen[value].append(generation(root, value))
    builds: dict[str, list[float]] = {v: [] for v in ["on", *(f"off:{name}" for name in MKDOCS_STEP)]}
    for _ in range(args.runs):
        for value in builds:
            builds[value].append(timed(MKDOCS, root, env=with_switch(value))[0])
    squeeze = squeeze_figures(root)
    median = statistics.median
    print(f"N = {args.size:,}, medians of {args.runs} runs; generation {median(gen['on']):.2f} s with every ")
    print(f"shortcut, {median(gen['off']):.2f} s with none; whole build {median(builds['on']):.2f} s\n")
    print("| shortcut | step | time without it − time with it (s) | share of the step |")
    print("|---|---|---|---|")
    for name in NAMES:
        if name in MKDOCS_STEP:
            step, base, without = "MkDocs build", median(builds["on"]), median(builds[f"off:{name}"])
        else:
            step, base, without = "generation", median(gen["on"]), median(gen[f"off:{name}"])
        print(f"| `{name}` | {step} | {without - base:+.2f} | {(without - base) / base:+.1%} |")
    print(
        f"| whitespace squeeze (not a shortcut) | MkDocs build | {squeeze['seconds']:.2f} spent | "
        f"saves {squeeze['raw_kb']:.1f} KB per article page, {squeeze['gzip_kb']:.2f} KB compressed |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
