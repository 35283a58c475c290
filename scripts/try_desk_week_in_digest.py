"""Add the desk's week (tests/fixtures/desk_week) to a copy of a digest and run the publishing checks there.

Proves that content never breaks the tool: six more articles, outlets and a
story join the digest (the live one at the repository's root by default) in a
temporary copy, never in the digest itself, and `build_digest.py check --strict`
and `mkdocs build --strict` must pass there. Exit status 0 when both pass.

    .venv/bin/python scripts/try_desk_week_in_digest.py [DIGEST]
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from desk_week import add_content  # noqa: E402  (the fixture's own helper, beside the tests)


def copy_content(digest: Path, dest: Path) -> Path:
    dest.mkdir()
    for name in ("articles", "annotations", "docs"):
        shutil.copytree(digest / name, dest / name)
    shutil.copy(digest / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def run(command: list[str], cwd: Path) -> int:
    print("$", " ".join(command), flush=True)
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    )
    output = (result.stdout + result.stderr).strip().splitlines()
    print("\n".join(output[-4:] if result.returncode == 0 else output))
    print(f"exit status {result.returncode}\n", flush=True)
    return result.returncode


def main(argv: list[str]) -> int:
    digest = Path(argv[0]).resolve() if argv else REPO
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_content(digest, Path(tmp) / "digest")
        add_content(root)
        checked = run(
            [sys.executable, str(REPO / "build_digest.py"), "check", "--strict", "--root", str(root)], root
        )
        built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], root)
    return 1 if checked or built else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
