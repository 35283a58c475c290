"""Skip a build that would change nothing: inputs, settings, code and libraries unchanged.

The fingerprint hashes every input file's bytes, the build options, the
package's own source, the Python version and the installed version of every
library the package needs (directly or not), so a no-op rebuild costs one read
of each input and each output instead of a full parse, anchor and render, and
upgrading markdown-it-py (say) rebuilds the pages it renders.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
from importlib import metadata
from pathlib import Path

from ..write.transaction import JOURNAL, read_owned
from ..write.written import OutputFiles, WrittenIndex
from .inputs import InputList, input_list
from .reading import read_bounded
from .stat_index import StatIndex, status

FILE = ".digest-fingerprint"
PACKAGE = Path(__file__).parents[1]
"""The `newsdigest` package folder: every stage's code, not only this one's."""
DISTRIBUTION = "newsdigest"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def code_files() -> list[Path]:
    """The package's source and assets, in a stable order."""
    return sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".css", ".js") and p.is_file())


@functools.cache
def code_hash() -> str:
    digest = hashlib.sha256()
    for path in code_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def runtime_versions() -> dict[str, str]:
    """Python's version and each installed library the package runs on (not extras), by name."""
    versions = {"python": sys.version}
    pending = [DISTRIBUTION]
    while pending:
        name = pending.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
            continue
        versions[name] = dist.version
        for requirement in dist.requires or ():
            if re.search(r"\bextra\s*==", requirement):
                continue
            found = _NAME.match(requirement)
            dependency = found.group(0).lower().replace("_", "-") if found else ""
            if dependency and dependency not in versions and dependency not in pending:
                pending.append(dependency)
    versions.pop(DISTRIBUTION, None)  # its own code is hashed file by file above
    return dict(sorted(versions.items()))


def environment_hash() -> str:
    """A hash of everything besides the inputs that a build's output depends on.

    The package's code, Python's version and each library's (reading the
    libraries' metadata takes 0.1-0.25 s: a run computes this once and passes it on).
    """
    versions = json.dumps(runtime_versions(), sort_keys=True)
    return hashlib.sha256(f"{code_hash()}\0{versions}".encode()).hexdigest()


def inputs_fingerprint(
    root: Path,
    settings: object,
    index: StatIndex | None = None,
    environment: str | None = None,
    inputs: InputList | None = None,
) -> str | None:
    """A hash of everything a build reads, or None if any input needs a full build to report it.

    A file the stat `index` knows unchanged is not read: the index has the hash
    of its bytes. `environment` (`environment_hash()`) and `inputs` (the files
    found) are computed here unless the caller has them already.
    """
    inputs = input_list(root) if inputs is None else inputs
    if inputs.problems:
        return None
    digest = hashlib.sha256((environment or environment_hash()).encode())
    digest.update(repr(settings).encode())
    for rel, _kind in inputs.files:
        now = status(root / rel) if index is not None else None
        known = index.unchanged(rel, now) if index is not None and now is not None else None
        if known is None:
            data = read_bounded(root / rel)
            if data is None:  # too large: the build reports it
                return None
            known = hashlib.sha256(data).hexdigest()
        digest.update(f"{rel}\0{known}\0".encode())
    return digest.hexdigest()


def outputs_intact(out_dir: Path, index: WrittenIndex | None = None) -> int | None:
    """How many generated files there are, if every one still has the bytes written.

    A file the `index` knows unchanged is not read (write/written.py).
    """
    owned = read_owned(out_dir)
    if not owned or os.path.lexists(out_dir / JOURNAL):
        return None
    files = OutputFiles(out_dir, index)
    hashes: dict[str, str] = {}
    for rel, expected in owned.items():
        if expected is None or files.digest(rel) != expected:
            return None
        hashes[rel] = expected
    files.save(hashes, [])
    return len(owned)


def unchanged_since_last_build(
    out_dir: Path, fingerprint: str | None, cache_folder: Path | None = None
) -> int | None:
    """Number of files, when the last build had this fingerprint and its output is intact.

    `cache_folder` holds the index of the pages' status (write/written.py).
    """
    if fingerprint is None:
        return None
    try:
        recorded = json.loads((out_dir / FILE).read_text(encoding="utf-8")).get("inputs")
    except (OSError, ValueError, AttributeError):
        return None
    if recorded != fingerprint:
        return None
    return outputs_intact(out_dir, WrittenIndex.of(cache_folder, out_dir))


def record(out_dir: Path, fingerprint: str | None) -> None:
    path = out_dir / FILE
    if fingerprint is None:
        path.unlink(missing_ok=True)
        return
    scratch = path.with_suffix(".tmp")
    scratch.write_text(json.dumps({"inputs": fingerprint}) + "\n", encoding="utf-8")
    os.replace(scratch, path)
