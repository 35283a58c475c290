"""A test hook: stop, die or fail at a named step of a write, every time.

Inert unless the environment variable `NEWSDIGEST_FAULT` is set to
`STEP:ACTION` (several joined by commas). Tests use it to interrupt a
real `pages` process at an exact point instead of guessing a moment:

- `stop`: the process stops itself (SIGSTOP); the test sees it stopped
  (`waitpid` with `WUNTRACED`), does its work, and resumes it with SIGCONT;
- `kill`: the process kills itself (SIGKILL), as a power cut or `kill -9` would;
- an errno name such as `ENOSPC` or `EROFS`: that OSError is raised, as if
  the disk had refused the next write (full, or read-only).
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path

ENV = "NEWSDIGEST_FAULT"
STEPS = (
    "locked",  # the output folder's lock is taken, nothing read or written yet
    "staging",  # half the changed pages are in the staging folder
    "staged",  # every changed page is staged; the journal is not written
    "committed",  # the journal is written; no page moved yet
    "half-applied",  # half the staged pages are moved into place
    "applied",  # pages moved and removed; the manifest is not replaced yet
)


def reached(step: str, folder: Path) -> None:
    """Act on `step` if the environment asks to (see the module's docstring)."""
    spec = os.environ.get(ENV)
    if not spec:
        return
    for item in spec.split(","):
        name, _, action = item.partition(":")
        if name != step:
            continue
        if action == "stop":
            os.kill(os.getpid(), signal.SIGSTOP)
        elif action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        else:
            code = getattr(errno, action)
            raise OSError(code, os.strerror(code), str(folder))
