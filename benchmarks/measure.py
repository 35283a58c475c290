"""Measuring helpers: timed subprocesses with peak memory, and serve reload latency."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True); "
    "dt = time.perf_counter() - t; "
    "print(r.returncode, dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
    "sys.stderr.write(r.stderr)"
)


# Every timed process runs as Python does by default, keeping compiled modules: a variable some
# environments set would make each one compile the package again and count that as the build's.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

COLD = {**os.environ, "NEWSDIGEST_NO_CACHE": "1"}
"""A cold build: the digest's persistent cache (newsdigest/memo_store.py) neither read nor written."""


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time (s) and peak memory (KiB) of one run of `cmd`."""
    seconds, rss, _ = timed_with_log(cmd, cwd, env)
    return seconds, rss


def timed_with_log(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Wall time (s), peak memory (KiB) and what `cmd` wrote to stderr, for one run."""
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True, env=env
    )
    code, seconds, rss = out.stdout.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{out.stderr[-2000:]}")
    return float(seconds), int(rss), out.stderr


def generation_time(root: Path) -> float:
    """Our pipeline alone (load to render), timed inside a fresh interpreter."""
    code = (
        "import sys, time; from pathlib import Path; from newsdigest import pipeline; "
        "t = time.perf_counter(); pipeline.build(Path(sys.argv[1])); print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=True, env=COLD
    )
    return float(out.stdout.strip())


def median(values: list[float]) -> float:
    return statistics.median(values)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


PORT_TAKEN = "Address already in use"
"""What `mkdocs serve` exits with when its port was taken after free_port() chose it."""


def start_serving(
    root: Path, options: tuple[str, ...] = (), env: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], int]:
    """`mkdocs serve` in `root` and its port, once it serves.

    The port is free when chosen, but the server binds it only after its first
    build; another process (another checkout's tests) may take it meanwhile.
    The server then exits saying so, and a page read from the port would be
    that process's: so this waits for the server's own "Serving on", and
    starts it again on another port if the chosen one was taken.
    """
    for _ in range(5):
        port = free_port()
        handle, log = tempfile.mkstemp(prefix="mkdocs-serve-", suffix=".log")
        try:
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *options],
                cwd=root,
                stdout=handle,
                stderr=subprocess.STDOUT,
                env=env,
            )
            while "Serving on" not in (text := Path(log).read_text(encoding="utf-8", errors="replace")):
                if server.poll() is not None:
                    break
                time.sleep(0.2)
            else:
                return server, port
        finally:
            os.close(handle)
            os.unlink(log)
        if PORT_TAKEN not in text:
            raise RuntimeError(f"mkdocs serve stopped before serving:\n{text[-3000:]}")
    raise RuntimeError("every port chosen for mkdocs serve was taken before it could bind it")


def serve_reload_latency(root: Path, edit: Path, runs: int, dirty: bool = True) -> list[float]:
    """Seconds from saving `edit` to the livereload signal, under `mkdocs serve`."""
    server, port = start_serving(root, ("--dirty",) if dirty else ())
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


def pagefind_payload(site: Path, pages: int = 10) -> dict[str, int]:
    """Upper bound of the bytes a first one-word query downloads with `search: pagefind`.

    Pagefind's JS and its language's WASM, the entry and meta files, the largest
    index chunk (a one-word query loads one), and the `pages` largest page
    fragments (the worker fetches at most 10 per query). Material's config-only
    search_index.json and our worker are loaded with the page, before any query.
    """
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    language = max(entry["languages"].values(), key=lambda lang: lang["page_count"])
    fragments = sorted((p.stat().st_size for p in (bundle / "fragment").iterdir()), reverse=True)
    parts = {
        "pagefind.js": (bundle / "pagefind.js").stat().st_size,
        "wasm": (bundle / f"wasm.{language['wasm'] or 'unknown'}.pagefind").stat().st_size,
        "entry": (bundle / "pagefind-entry.json").stat().st_size,
        "meta": (bundle / f"pagefind.{language['hash']}.pf_meta").stat().st_size,
        "index_chunk": max(p.stat().st_size for p in (bundle / "index").iterdir()),
        "fragments": sum(fragments[:pages]),
    }
    parts["total"] = sum(parts.values())
    return parts


def first_query_downloads(site: Path, query: str) -> dict[str, int]:
    """Bytes per URL path a real first query downloads, in headless Chromium (needs Playwright).

    Counted from focusing the search box to the results being shown, typing as a
    reader does (120 ms per key); the page and its theme are loaded before.
    """
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            tab = browser.new_page()
            tab.set_default_timeout(120_000)
            tab.goto(base)
            tab.wait_for_load_state("networkidle")
            responses: list[Any] = []
            tab.on("response", lambda response: responses.append(response))
            tab.locator(".md-search__input").focus()
            tab.keyboard.type(query, delay=120)
            tab.locator(".md-search-result__item").first.wait_for(state="attached")
            tab.wait_for_load_state("networkidle")
            sizes = {r.url.removeprefix(base).split("?")[0]: len(r.body()) for r in responses}
            browser.close()
            return sizes
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def page_sizes(site: Path) -> list[int]:
    return sorted(p.stat().st_size for p in (site / "articles").glob("*/index.html"))


def dump(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
