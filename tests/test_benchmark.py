"""The benchmark script still runs end to end and prints its table (tiny size, one run)."""

from __future__ import annotations

import os
import subprocess
import sys

from support import REPO


def test_benchmark_prints_one_row_of_figures_per_size() -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, str(REPO / "benchmarks" / "bench.py"), "--sizes", "4,6", "--runs", "1"]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=True).stdout
    lines = [line for line in out.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert header[:3] == ["N", "runs", "generation (s)"]
    rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]
    assert [row[0] for row in rows] == ["4", "6"]
    for row in rows:
        figures = dict(zip(header, row, strict=True))
        assert float(figures["generation (s)"]) > 0
        assert float(figures["MkDocs build, our pages (s)"]) > float(figures["generation (s)"])
        assert float(figures["bare MkDocs, same texts (s)"]) > 0
        assert figures["ours / bare"].endswith("×")
        median_kb, max_kb = (float(x) for x in figures["article page KB (median / max)"].split(" / "))
        assert 0 < median_kb <= max_kb
        assert float(figures["first-search payload KB"]) > 0
        assert float(figures["`pages` no-op (s)"]) > 0
