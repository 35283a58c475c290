"""Build a digest in a new Python process: nothing reused from this one's memos, another hash seed.

Two builds in one process can compare the very objects the build memo
returned, which proves nothing; builds in separate processes (with different
PYTHONHASHSEED, so set and dict-of-set orders differ) must still agree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, sys
from pathlib import Path
from newsdigest import pipeline
from newsdigest.exports import render_exports
from newsdigest.site_paths import Linker

root, what, site_url = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
if what == "pages":
    out = pipeline.build(root).pages
else:
    anchored = pipeline.without_drafts(pipeline.build(root).anchored)
    out = render_exports(anchored, Linker(True, site_url), "Digest")
sys.stdout.write(json.dumps(out))
"""


def build_elsewhere(root: Path, what: str, hash_seed: str, site_url: str = "") -> dict[str, str]:
    """`pipeline.build(root).pages` ("pages") or the sample's exports ("exports"), from a new process."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(root), what, site_url],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    built: dict[str, str] = json.loads(result.stdout)
    return built
