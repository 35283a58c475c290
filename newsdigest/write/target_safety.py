"""Where a write may go: only to a safe path inside the output folder, never over a file of the editor's.

The manifest records the hash of every page the generator wrote; a page whose
bytes no longer match was edited by hand and is left alone and reported.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ..errors import DigestError, Loc, Problem

EDITED_HINT = "move your changes to a hand-written page, then delete this file; the build will recreate it"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_safe_rel(rel: object) -> bool:
    """A relative POSIX path with no `..`, empty or hidden part, and no control character."""
    if not isinstance(rel, str) or not rel or "\\" in rel or any(ord(c) < 0x20 or c == "\x7f" for c in rel):
        return False
    return all(part and not part.startswith(".") for part in rel.split("/"))


def read_regular(path: Path) -> bytes | None:
    """The bytes of a regular file (links not followed), or None."""
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


def inside(root: Path, path: Path) -> bool:
    return root in path.resolve().parents


def target_problem(out_dir: Path, rel: str, owned: dict[str, str | None], data: bytes | None) -> str | None:
    """Why the page `rel` must not be written (data) or removed (None), if it must not."""
    path = out_dir / rel
    if not is_safe_rel(rel) or not inside(out_dir.resolve(), path):
        return "outside"
    parent = out_dir
    for part in rel.split("/")[:-1]:
        parent = parent / part
        if parent.is_symlink() or (parent.exists() and not parent.is_dir()):
            return "in the way"
    if not os.path.lexists(path):
        return None
    if rel not in owned or path.is_symlink() or not path.is_file():
        return "in the way"
    current = read_regular(path)
    recorded = owned[rel]
    if recorded is not None and current is not None and sha256(current) != recorded and current != data:
        return "edited"
    return None


MESSAGES = {
    "outside": (
        "page would be written outside the output folder",
        "this is a bug or a hostile file name; nothing was written",
    ),
    "in the way": (
        "a hand-written file is in the way of a generated page",
        "rename or move the hand-written file; the digest never overwrites it",
    ),
    "edited": ("this generated page was changed by hand since the digest wrote it", EDITED_HINT),
}


def refuse_unsafe_targets(pages: dict[str, bytes], out_dir: Path, owned: dict[str, str | None]) -> None:
    """Refuse to overwrite hand-written or hand-edited files, or to write outside `out_dir`."""
    problems = []
    changes: list[tuple[str, bytes | None]] = [*pages.items(), *((r, None) for r in owned if r not in pages)]
    for rel, data in sorted(changes, key=lambda c: c[0]):
        why = target_problem(out_dir, rel, owned, data)
        if why is not None:
            message, hint = MESSAGES[why]
            shown = rel if why == "outside" else f"{out_dir.name}/{rel}"
            problems.append(Problem(Loc(shown), message, hint))
    if problems:
        raise DigestError(problems)
