"""Save-to-reload under `mkdocs serve --dirty` against a bare-MkDocs build, timed in turn in one run.

    python benchmarks/reload.py /tmp/digest-1000 --runs 5 [--baseline OTHER_CHECKOUT]

The digest is a synthetic one (synth.write_digest). Each run times the bare
build of the plain twin, then one save of an annotation file under a running
server: a real edit of a note's text (`note`, what an editor does all day) or
a YAML comment (`comment`, output unchanged), as benchmarks/measure.py does.
With --baseline, a second server runs another checkout of the package (put
first on its PYTHONPATH) on a copy of the digest, and each run times a save
under both.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from measure import median, start_serving, timed, wait_for_page

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "-q"]


def edit_note(path: Path, i: int) -> None:
    text = re.sub(r"Note 0( \(edit [^)]*\))? on", f"Note 0 (edit {i}) on", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def add_comment(path: Path, i: int) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n# benchmark edit {i}\n", encoding="utf-8")


class Served:
    """`mkdocs serve --dirty` on one digest; `save` times one edit to its reload."""

    def __init__(self, root: Path, pythonpath: str | None = None) -> None:
        env = {**os.environ, **({"PYTHONPATH": pythonpath} if pythonpath else {})}
        self.process, self.port = start_serving(root, ("--dirty",), env)
        self.edit = root / "annotations" / "article-00000.yml"
        self.page = ""

    def started(self) -> None:
        self.page = wait_for_page(f"http://127.0.0.1:{self.port}/", timeout=1800)

    def save(self, change: Callable[[Path, int], None], i: int) -> float:
        epoch = int(re.search(r"livereload\((\d+),", self.page).group(1))  # type: ignore[union-attr]
        start = time.perf_counter()
        change(self.edit, i)
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/livereload/{epoch}/1", timeout=600) as r:
            int(r.read())
        seconds = time.perf_counter() - start
        self.started()
        return seconds

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edit", choices=("note", "comment"), default="note")
    parser.add_argument("--baseline", help="another checkout of the repository, served for comparison")
    args = parser.parse_args()
    root: Path = args.root
    change = edit_note if args.edit == "note" else add_comment
    servers = {"this": Served(root)}
    if args.baseline:
        copy = root.with_name(root.name + "-baseline")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".cache", "plain", "site"))
        servers["baseline"] = Served(copy, args.baseline)
    try:
        for server in servers.values():
            server.started()
        bare: list[float] = []
        reload: dict[str, list[float]] = {name: [] for name in servers}
        for i in range(args.runs):
            bare.append(timed(MKDOCS, root / "plain")[0])
            line = f"run {i}: bare {bare[-1]:.2f} s"
            for name, server in servers.items():
                reload[name].append(server.save(change, i))
                line += f", {name} {reload[name][-1]:.2f} s ({reload[name][-1] / bare[-1]:.1%})"
            print(line, flush=True)
        b = median(bare)
        for name, seconds in reload.items():
            r = median(seconds)
            print(f"median: bare {b:.2f} s, reload ({args.edit}, {name}) {r:.2f} s, ratio {r / b:.1%}")
    finally:
        for server in servers.values():
            server.stop()


if __name__ == "__main__":
    main()
