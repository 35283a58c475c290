"""Stage 5: write generated pages into the docs folder, safely.

Only files this generator created (listed in its manifest) are ever
replaced or removed, and a file is rewritten only when its bytes change,
so `mkdocs serve` sees no change when there is none.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DigestError, Loc, Problem

MANIFEST = ".digest-manifest.json"


@dataclass(slots=True)
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def read_manifest(out_dir: Path) -> set[str]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {p for p in data.get("generated", []) if isinstance(p, str)} if isinstance(data, dict) else set()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".digest-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_targets(pages: dict[str, str], out_dir: Path, owned: set[str]) -> None:
    """Refuse to overwrite hand-written files or to write outside `out_dir`."""
    problems = []
    root = out_dir.resolve()
    for rel in pages:
        target = (out_dir / rel).resolve()
        if root not in target.parents:
            problems.append(
                Problem(
                    Loc(rel),
                    "page would be written outside the output folder",
                    "this is a bug or a hostile file name; nothing was written",
                )
            )
        elif target.exists() and rel not in owned:
            problems.append(
                Problem(
                    Loc(f"{out_dir.name}/{rel}"),
                    "a hand-written file is in the way of a generated page",
                    "rename or move the hand-written file; the digest never overwrites it",
                )
            )
    if problems:
        raise DigestError(problems)


def write_pages(pages: dict[str, str], out_dir: Path) -> WriteReport:
    """Write changed pages, remove pages no longer generated, update the manifest."""
    owned = read_manifest(out_dir)
    check_targets(pages, out_dir, owned)
    report = WriteReport()
    for rel, text in sorted(pages.items()):
        path = out_dir / rel
        data = text.encode("utf-8")
        if path.is_file() and path.read_bytes() == data:
            report.unchanged.append(rel)
            continue
        _atomic_write(path, data)
        report.written.append(rel)
    for rel in sorted(owned - pages.keys()):
        path = out_dir / rel
        if path.is_file() and (out_dir.resolve() in path.resolve().parents):
            path.unlink()
            report.removed.append(rel)
    manifest = json.dumps({"generated": sorted(pages)}, indent=1).encode("utf-8") + b"\n"
    if (out_dir / MANIFEST).is_file() and (out_dir / MANIFEST).read_bytes() == manifest:
        return report
    _atomic_write(out_dir / MANIFEST, manifest)
    return report
