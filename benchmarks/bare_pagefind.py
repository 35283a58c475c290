"""Bare MkDocs with Pagefind: the plain twin built without Material's search, then indexed by Pagefind.

    python benchmarks/bare_pagefind.py PLAIN_FOLDER

The baseline of the digest's `search: pagefind` builds (benchmarks/bench.py):
the same texts, the same search engine run the same way (one indexer run over
the built site, with the digest's own command line), and nothing of the digest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsdigest.mkdocs_plugin import search_backend

CONFIG = "mkdocs-pagefind.yml"
"""The plain twin's configuration without the search plugin (Pagefind indexes the site instead)."""


def write_config(plain: Path) -> Path:
    """The twin's mkdocs.yml with `plugins:` emptied, beside it."""
    text = (
        (plain / "mkdocs.yml").read_text(encoding="utf-8").replace("plugins:\n  - search\n", "plugins: []\n")
    )
    config = plain / CONFIG
    config.write_text(text, encoding="utf-8")
    return config


def main(plain: Path) -> int:
    executable = search_backend.find_pagefind()
    if executable is None:
        raise SystemExit("Pagefind is not installed: pip install 'newsdigest[pagefind]'")
    config = write_config(plain)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=plain, check=True)
    command = search_backend.pagefind_command(executable, plain / "site", "en", keep_index_url=False)
    subprocess.run(command, cwd=plain, check=True, stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))
