"""The system's refusals to write (disk full, read-only, no permission) as editor-facing errors."""

from __future__ import annotations

import errno
from pathlib import Path

from ..errors import DigestError, Loc, Problem

SPACE = (errno.ENOSPC, errno.EDQUOT)
PERMISSION = (errno.EROFS, errno.EACCES, errno.EPERM)


def output_error(out_dir: Path, exc: OSError, committed: bool) -> DigestError:
    """The error for `exc`, raised while writing `out_dir`; `committed`: the journal was written.

    Before the commit the old output stands (the staging folder is discarded);
    after it the next build finishes moving the new pages in, once the cause is fixed.
    """
    if exc.errno in SPACE:
        fix = "free some disk space, then build again"
    elif exc.errno in PERMISSION:
        fix = "make the folder writable (or choose another with --out), then build again"
    else:
        fix = "check the folder and its disk, then build again"
    after = (
        "the next build finishes moving the new pages in"
        if committed
        else "the pages already there are unchanged"
    )
    reason = exc.strerror or str(exc)
    problem = Problem(Loc(str(out_dir)), f"cannot write the output folder: {reason}", f"{fix}; {after}")
    return DigestError([problem], nothing_written=not committed)
