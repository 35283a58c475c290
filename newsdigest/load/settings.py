"""Stage 1: the digest plugin's settings, read from the digest's mkdocs.yml.

`check` and `pages` run without MkDocs, yet must obey the same settings as
`mkdocs build` (the desk's editorial rules). This reads mkdocs.yml as plain
YAML: MkDocs' own tags (`!ENV`, `!!python/name:`) are kept out of the way,
since only the `digest` entry under `plugins:` matters here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DigestError, Loc, Problem

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "digest"


@dataclass(frozen=True, slots=True)
class PluginSettings:
    """The `digest` plugin's options, and where they were written."""

    options: dict[str, Any] = field(default_factory=dict)
    path: str = CONFIG_FILE
    text: str = ""
    """The configuration file's text, to point at the line of an option."""


class _Lenient(yaml.SafeLoader):
    """A safe loader that reads any tag it does not know as plain data."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)  # type: ignore[arg-type]


_Lenient.add_multi_constructor("!", _untagged)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def plugin_options(config: Any) -> dict[str, Any] | None:
    """The `digest` entry's options in a `plugins:` list or mapping (None if it is not listed)."""
    plugins = config.get("plugins") if isinstance(config, dict) else None
    entries = plugins.items() if isinstance(plugins, dict) else (plugins or [])
    for entry in entries:
        if isinstance(entry, dict):
            entry = next(iter(entry.items()), (None, None))
        name, options = entry if isinstance(entry, tuple) else (entry, None)
        if name == PLUGIN:
            return options if isinstance(options, dict) else {}
    return None


def read_plugin_settings(root: Path) -> PluginSettings:
    """The digest plugin's options in `root`'s mkdocs.yml (none if there is no such file)."""
    config_file = root / CONFIG_FILE
    if not config_file.is_file():
        return PluginSettings()
    text = config_file.read_text(encoding="utf-8")
    try:
        config = yaml.load(text, Loader=_Lenient)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = Loc(CONFIG_FILE, mark.line + 1, mark.column + 1) if mark else Loc(CONFIG_FILE)
        raise DigestError(
            [Problem(loc, f"cannot read the site settings: {getattr(exc, 'problem', exc)}", "fix the YAML")]
        ) from None
    return PluginSettings(plugin_options(config) or {}, CONFIG_FILE, text)
