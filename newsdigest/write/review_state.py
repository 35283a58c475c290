"""The review ledger of the last publishing build, kept beside the manifest.

`pages` and `mkdocs build` read and write the same file in the docs folder,
so either one sees what the other recorded; `check` and previews only read
it. See validate/review_ledger.py for what it holds and why.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..validate.review_ledger import Ledger

FILE = ".digest-reviews.json"
VERSION = 1


def read_review_state(folder: Path) -> Ledger:
    """The recorded ledger; empty when there is none or it cannot be read (nothing to compare with)."""
    try:
        data = json.loads((folder / FILE).read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    items = data.get("items") if isinstance(data, dict) and data.get("version") == VERSION else None
    if not isinstance(items, dict):
        return {}
    return {
        key: {"hash": entry["hash"], "updated": entry["updated"]}
        for key, entry in items.items()
        if isinstance(key, str)
        and isinstance(entry, dict)
        and isinstance(entry.get("hash"), str)
        and isinstance(entry.get("updated"), str)
    }


def encode(ledger: Ledger) -> bytes:
    return json.dumps({"items": ledger, "version": VERSION}, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def write_review_state(folder: Path, ledger: Ledger) -> bool:
    """Record the ledger if it differs from the file's; True when the file changed.

    A digest with nothing dated has no ledger: no file is left behind.
    """
    path = folder / FILE
    if not ledger:
        existed = path.is_file()
        path.unlink(missing_ok=True)
        return existed
    data = encode(ledger)
    try:
        if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
            return False
    except OSError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / f"{FILE}.tmp"
    scratch.write_bytes(data)
    os.replace(scratch, path)
    return True
