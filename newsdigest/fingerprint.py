"""Skip a build that would change nothing: inputs, settings and code unchanged.

The fingerprint hashes every input file's bytes, the build options and the
package's own source, so a no-op rebuild costs one read of each input and
each output instead of a full parse, anchor and render.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .load import discover
from .write import read_owned, sha256

FILE = ".digest-fingerprint"
PACKAGE = Path(__file__).parent


def code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".css", ".js") and path.is_file():
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def inputs_fingerprint(root: Path, settings: object) -> str:
    digest = hashlib.sha256(code_hash().encode())
    digest.update(repr(settings).encode())
    for rel, _kind in discover(root):
        digest.update(rel.encode() + b"\0")
        digest.update((root / rel).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def outputs_intact(out_dir: Path) -> int | None:
    """How many generated files there are, if every one still has the bytes written."""
    owned = read_owned(out_dir)
    if not owned:
        return None
    for rel, expected in owned.items():
        path = out_dir / rel
        if expected is None or not path.is_file() or sha256(path.read_bytes()) != expected:
            return None
    return len(owned)


def unchanged_since_last_build(out_dir: Path, fingerprint: str) -> int | None:
    """Number of pages, when the last build had this fingerprint and its output is intact."""
    try:
        recorded = json.loads((out_dir / FILE).read_text(encoding="utf-8")).get("inputs")
    except (OSError, ValueError, AttributeError):
        return None
    return outputs_intact(out_dir) if recorded == fingerprint else None


def record(out_dir: Path, fingerprint: str) -> None:
    (out_dir / FILE).write_text(json.dumps({"inputs": fingerprint}) + "\n", encoding="utf-8")
