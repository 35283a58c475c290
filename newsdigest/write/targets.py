"""Where the write stage may write: inside the output folder, never over a hand-written or hand-edited file.

Each page is looked at once, without following links; each folder once for
all its pages. A page the generator wrote is known edited when the hash of
its bytes (written.py: from its status, or read) is neither the one the
manifest records nor the one about to be written.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import DigestError, Loc, Problem
from .written import OutputFiles

EDITED_HINT = "move your changes to a hand-written page, then delete this file; the build will recreate it"


def is_safe_rel(rel: object) -> bool:
    """A relative POSIX path with no `..`, empty or hidden part, and no control character."""
    if not isinstance(rel, str) or not rel or "\\" in rel or any(ord(c) < 0x20 or c == "\x7f" for c in rel):
        return False
    return all(part and not part.startswith(".") for part in rel.split("/"))


def inside(root: Path, path: Path) -> bool:
    return root in path.resolve().parents


def target_problem(
    out_dir: Path, rel: str, owned: dict[str, str | None], new: str | None, files: OutputFiles, seen: Folders
) -> str | None:
    """Why the page `rel` must not be written or removed, if it must not.

    `new`: the hash of the page's new bytes (None: it is to be removed). One
    look at the page itself (links not followed); its folder is looked at
    once for all the pages in it (`seen`).
    """
    if not is_safe_rel(rel):
        return "outside"
    path = out_dir / rel
    try:
        found: os.stat_result | None = os.lstat(path)
    except OSError:
        found = None
    folder = seen.problem(rel.rpartition("/")[0])
    if found is not None and stat.S_ISLNK(found.st_mode):
        if not inside(seen.root, path):  # where the link leads
            return "outside"
    elif folder == "outside":
        return "outside"
    if folder is not None:
        return "in the way"
    if found is None:
        return None
    if rel not in owned or not stat.S_ISREG(found.st_mode):
        return "in the way"
    current = files.digest(rel, found)
    recorded = owned[rel]
    if recorded is not None and current is not None and current != recorded and current != new:
        return "edited"
    return None


class Folders:
    """Why pages in a folder of the output cannot be written, if they cannot: each folder looked at once."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.root = out_dir.resolve()
        self._seen: dict[str, str | None] = {}

    def problem(self, folder: str) -> str | None:
        """What stops pages in `folder`: "outside" (links lead out), "in the way" (a link, a file) or None."""
        if folder not in self._seen:
            self._seen[folder] = self._problem(folder)
        return self._seen[folder]

    def _problem(self, folder: str) -> str | None:
        resolved = (self.out_dir / folder).resolve()
        if resolved != self.root and self.root not in resolved.parents:
            return "outside"
        parent = self.out_dir
        for part in folder.split("/") if folder else ():
            parent = parent / part
            if parent.is_symlink() or (parent.exists() and not parent.is_dir()):
                return "in the way"
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


def refuse_unsafe_targets(
    pages: dict[str, str], out_dir: Path, owned: dict[str, str | None], files: OutputFiles
) -> None:
    """Refuse to overwrite hand-written or hand-edited files, or to write outside `out_dir`.

    `pages`: the hash of each page's new bytes.
    """
    problems = []
    changes: list[tuple[str, str | None]] = [*pages.items(), *((r, None) for r in owned if r not in pages)]
    seen = Folders(out_dir)
    for rel, new in sorted(changes, key=lambda c: c[0]):
        why = target_problem(out_dir, rel, owned, new, files, seen)
        if why is not None:
            message, hint = MESSAGES[why]
            shown = rel if why == "outside" else f"{out_dir.name}/{rel}"
            problems.append(Problem(Loc(shown), message, hint))
    if problems:
        raise DigestError(problems)
