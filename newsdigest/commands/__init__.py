"""One module per command of `build_digest.py`.

Each module defines NAME, HELP, DESCRIPTION, `add_arguments(parser)` and
`run(args) -> int`; user mistakes are raised as DigestError and printed by
the CLI, so commands never print tracebacks or exit on their own.
"""

from __future__ import annotations

from types import ModuleType

from . import check, import_article, new_article, pages

COMMANDS: list[ModuleType] = [pages, check, new_article, import_article]
