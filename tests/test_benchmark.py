"""The benchmark script still runs end to end and prints every ratio of issue 14 (tiny sizes, one run)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from support import REPO

RATIO_COLUMNS = [
    "N",
    "runs",
    "serve reload / bare build (≤ 10%)",
    "`pages` one edit / cold (≤ 25%)",
    "whole / bare, Material search (≤ 1.5×)",
    "whole with Pagefind / bare with Material search",
    "whole / bare, both with Pagefind (≤ 1.5×)",
    "generation / MkDocs step (≤ 25%)",
    "peak memory MB, Material / Pagefind (≤ 1,536 at 10,000)",
    "first search KB, Material / Pagefind (≤ 300)",
    "index-size warning",
]


def tables(out: str) -> list[list[dict[str, str]]]:
    """Each Markdown table printed, as rows of {heading: cell}."""
    found = []
    for block in re.findall(r"(?:^\|.*\|\n?)+", out, re.M):
        lines = block.strip().splitlines()
        header = [cell.strip() for cell in lines[0].strip("|").split("|")]
        rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
        found.append([dict(zip(header, row, strict=True)) for row in rows])
    return found


def test_benchmark_prints_every_ratio_for_every_size() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, str(REPO / "benchmarks" / "bench.py"), "--sizes", "4,6", "--runs", "1", "--serve"]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900, check=True).stdout
    ratios, figures = tables(out)
    assert [list(row) for row in ratios] == [RATIO_COLUMNS, RATIO_COLUMNS]
    assert [row["N"] for row in ratios] == ["4", "6"]
    for row in ratios:
        for name in RATIO_COLUMNS[2:8]:
            assert re.fullmatch(r"[0-9.,]+(%|×)", row[name]), (name, row[name])
        peaks = row["peak memory MB, Material / Pagefind (≤ 1,536 at 10,000)"].split(" / ")
        assert all(int(peak.replace(",", "")) > 0 for peak in peaks)
        material, pagefind = row["first search KB, Material / Pagefind (≤ 300)"].split(" / ")
        assert int(material) > 0 and int(pagefind) > 0
        assert row["index-size warning"] == "no"  # a handful of articles is far below the limit
    for row in figures:
        assert float(row["generation (s)"]) > 0
        assert float(row["MkDocs build, our pages (s)"]) > float(row["generation (s)"])
        assert float(row["bare MkDocs, same texts (s)"]) > 0
        assert float(row["bare MkDocs + Pagefind (s)"]) > 0
        median_kb, max_kb = (float(x) for x in row["article page KB (median / max)"].split(" / "))
        assert 0 < median_kb <= max_kb
        assert float(row["`pages` cold (s)"]) > 0
        assert float(row["serve save-to-reload (s)"]) > 0
