"""Under `mkdocs serve`: the theme's templates compiled once per process, not once per save.

MkDocs makes a new Jinja environment for every build, which compiles each of
Material's templates again (about a fifth of a rebuild at 1,000 articles), and
Material's search plugin makes three more while reading the configuration, each
compiling the theme's translations again.
Jinja's bytecode cache hands a new environment the code compiled from the same
template source (it compares a checksum of the source, so an edited template
is compiled again). Shortcut `template-cache` (newsdigest/shortcuts.py).
"""

from __future__ import annotations

from typing import Any

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


def share_compiled_templates(theme: Any) -> None:
    """Every Jinja environment `theme` makes from now on (a new one each call) uses CACHE.

    For the environments made before the plugin's `on_env` event sees the build's own.
    """
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env: jinja2.Environment = make_env()
        env.bytecode_cache = CACHE
        return env

    theme.get_env = get_env
