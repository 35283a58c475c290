"""Save-to-reload under `mkdocs serve --dirty` against a bare-MkDocs build, timed in turn in one run.

    python benchmarks/reload.py /tmp/digest-1000 --runs 5

The digest is a synthetic one (synth.write_digest). Each run times the bare
build of the plain twin, then one save of an annotation file under a running
server: a real edit of a note's text (`note`, what an editor does all day) or
a YAML comment (`comment`, output unchanged), as benchmarks/measure.py does.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from measure import free_port, median, timed, wait_for_page

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "-q"]


def edit_note(path: Path, i: int) -> None:
    text = re.sub(r"Note 0( \(edit [^)]*\))? on", f"Note 0 (edit {i}) on", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")


def add_comment(path: Path, i: int) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n# benchmark edit {i}\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--edit", choices=("note", "comment"), default="note")
    args = parser.parse_args()
    root: Path = args.root
    edit = root / "annotations" / "article-00000.yml"
    change = edit_note if args.edit == "note" else add_comment
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/", timeout=1800)
        bare, reload = [], []
        for i in range(args.runs):
            bare.append(timed(MKDOCS, root / "plain")[0])
            epoch = int(re.search(r"livereload\((\d+),", page).group(1))  # type: ignore[union-attr]
            start = time.perf_counter()
            change(edit, i)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/livereload/{epoch}/1", timeout=600) as r:
                int(r.read())
            reload.append(time.perf_counter() - start)
            page = wait_for_page(f"http://127.0.0.1:{port}/", timeout=600)
            print(f"run {i}: bare {bare[-1]:.2f} s, reload {reload[-1]:.2f} s ({reload[-1] / bare[-1]:.1%})")
        b, r = median(bare), median(reload)
        print(f"median: bare {b:.2f} s, reload ({args.edit}) {r:.2f} s, ratio {r / b:.1%}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
