"""Under `mkdocs serve`: the theme's templates compiled once per process, not once per save.

MkDocs makes a new Jinja environment for every build, which compiles each of
Material's templates again (about a fifth of a rebuild at 1,000 articles).
Jinja's bytecode cache hands a new environment the code compiled from the same
template source (it compares a checksum of the source, so an edited template
is compiled again). Shortcut `template-cache` (newsdigest/shortcuts.py).
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in this process, by template and source checksum."""

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, bytes]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self.code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.bytecode_from_string(found[1])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())


CACHE = MemoryBytecodeCache()
