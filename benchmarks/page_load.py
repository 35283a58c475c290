"""Benchmark: how long a reader's browser works on a page with many notes.

    python benchmarks/page_load.py                     # 1,000 notes, 3 loads
    python benchmarks/page_load.py --notes 100,1000,3000 --runs 5

Builds a digest with one crowded article (benchmarks/crowded.py) with the
project's mkdocs.yml, serves it, and loads the article in headless Chromium
(/usr/bin/chromium). digest.js is timed by wrapping the served file in two
`performance` marks, so any version of the script is measured the same way.
Prints the median of --runs loads: digest.js's own run, and when the page's
DOMContentLoaded handlers (Material mounting its components) and `load` end.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from crowded import ARTICLE, write_crowded_digest

CHROMIUM = "/usr/bin/chromium"
TIMED_SCRIPT = "assets/digest/digest.js"
FIGURES = ("digest.js (ms)", "DOMContentLoaded end (ms)", "load end (ms)")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def build(notes: int, workdir: Path) -> Path:
    root = write_crowded_digest(workdir / f"crowded-{notes}", notes)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True)
    return root / "site"


def timed_script(route: Any) -> None:
    """digest.js between two marks: its run, from first to last statement."""
    body = route.fetch().text()
    wrapped = f'performance.mark("dn-start");\n{body}\nperformance.measure("dn-run", "dn-start");\n'
    route.fulfill(body=wrapped, content_type="application/javascript")


def load_once(browser: Any, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route(f"**/{TIMED_SCRIPT}", timed_script)
    page.goto(url, timeout=120_000)
    page.wait_for_load_state("load")
    times = page.evaluate(
        """() => {
          const nav = performance.getEntriesByType("navigation")[0];
          const run = performance.getEntriesByName("dn-run")[0];
          return [run ? run.duration : -1, nav.domContentLoadedEventEnd, nav.loadEventEnd];
        }"""
    )
    panels = page.locator(".dn-pop").count()
    context.close()
    return {**dict(zip(FIGURES, times, strict=True)), "panels": panels}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--notes", default="1000", help="comma-separated note counts (one page each)")
    parser.add_argument("--runs", type=int, default=3, help="page loads per size (median is reported)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        for notes in (int(n) for n in args.notes.split(",")):
            site = build(notes, Path(tmp))
            handler = functools.partial(Quiet, directory=str(site))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_address[1]}/articles/{ARTICLE}/"
            loads = [load_once(browser, url) for _ in range(args.runs)]
            server.shutdown()
            server.server_close()
            rows.append((notes, loads))
        browser.close()
    print("| notes | panels | " + " | ".join(FIGURES) + " |")
    print("|---|---|" + "---|" * len(FIGURES))
    for notes, loads in rows:
        medians = [statistics.median(load[f] for load in loads) for f in FIGURES]
        print(f"| {notes} | {loads[0]['panels']} | " + " | ".join(f"{m:,.0f}" for m in medians) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
