"""Measuring helpers: timed subprocesses with peak memory, and serve reload latency."""

from __future__ import annotations

import json
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
    "dt = time.perf_counter() - t; "
    "print(r.returncode, dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
    "sys.stderr.write(r.stderr[-2000:] if r.returncode else '')"
)


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one run of `cmd`."""
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True, env=env
    )
    code, seconds, rss = out.stdout.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return float(seconds), int(rss)


def generation_time(root: Path) -> float:
    """Our pipeline alone (load to render), timed inside a fresh interpreter."""
    code = (
        "import sys, time; from pathlib import Path; from newsdigest import pipeline; "
        "t = time.perf_counter(); pipeline.build(Path(sys.argv[1])); print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def median(values: list[float]) -> float:
    return statistics.median(values)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_reload_latency(root: Path, edit: Path, runs: int, dirty: bool = True) -> list[float]:
    """Seconds from saving `edit` to the livereload signal, under `mkdocs serve`."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-a",
        f"127.0.0.1:{port}",
        *(["--dirty"] if dirty else []),
    ]
    server = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = wait_for_page(f"http://127.0.0.1:{port}/", timeout=1800)
        latencies = []
        for i in range(runs):
            epoch = int(re.search(r"livereload\((\d+),", page).group(1))  # type: ignore[union-attr]
            text = edit.read_text(encoding="utf-8")
            marker = f"\n# benchmark edit {i}\n"
            start = time.perf_counter()
            edit.write_text(text + marker, encoding="utf-8")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/livereload/{epoch}/1", timeout=600) as r:
                new_epoch = int(r.read())
            latencies.append(time.perf_counter() - start)
            assert new_epoch > epoch
            page = wait_for_page(f"http://127.0.0.1:{port}/", timeout=600)
        return latencies
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for_page(url: str, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=600) as r:
                return str(r.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def search_payload(site: Path) -> int:
    """Bytes a reader downloads for a first query with Material's built-in search."""
    index = site / "search" / "search_index.json"
    return index.stat().st_size if index.is_file() else 0


def page_sizes(site: Path) -> list[int]:
    return sorted(p.stat().st_size for p in (site / "articles").glob("*/index.html"))


def dump(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
