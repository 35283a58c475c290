"""`NEWSDIGEST_SHORTCUTS=off` really turns every shortcut off, and only the ones it names.

Each shortcut counts itself in `shortcuts.taken` when it is taken, so a real
`mkdocs build` of a small synthetic digest (links, notes, sources: something
for every shortcut) in a new process shows which ones ran: with the switch on
every one of them, with it off none.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdigest import memo_store, shortcuts
from support import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from synth import write_digest

BUILD_AND_COUNT = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
from newsdigest import shortcuts
build(load_config(sys.argv[1], site_dir=sys.argv[2], strict=True))
sys.stdout.write(json.dumps(shortcuts.taken))
"""


def shortcuts_taken(root: Path, switch: str | None) -> dict[str, int]:
    env = {key: value for key, value in os.environ.items() if key != shortcuts.VARIABLE}
    env[memo_store.SWITCH] = "1"  # every stage runs: nothing reused from an earlier build's cache
    if switch is not None:
        env[shortcuts.VARIABLE] = switch
    cmd = [sys.executable, "-c", BUILD_AND_COUNT, str(root / "mkdocs.yml"), str(root / "site")]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    counts: dict[str, int] = json.loads(result.stdout)
    return counts


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("switch") / "digest"
    write_digest(root, 6)
    return root


def test_a_build_takes_every_shortcut_by_default(sample: Path) -> None:
    assert sorted(shortcuts_taken(sample, None)) == sorted(set(shortcuts.NAMES) - set(shortcuts.SERVE_ONLY))


def test_the_switch_turns_every_shortcut_off(sample: Path) -> None:
    assert shortcuts_taken(sample, "off") == {}


def test_the_switch_can_turn_off_some_shortcuts_only(sample: Path) -> None:
    taken = shortcuts_taken(sample, "off:search-view, note-renderer")
    assert sorted(taken) == sorted(
        set(shortcuts.NAMES) - {"search-view", "note-renderer", *shortcuts.SERVE_ONLY}
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "off:serch-view",
            "NEWSDIGEST_SHORTCUTS: unknown shortcut serch-view; known: " + ", ".join(shortcuts.NAMES),
        ),
        (
            "no",
            "NEWSDIGEST_SHORTCUTS='no': use `on`, `off` or `off:NAME,NAME` (names: "
            + ", ".join(shortcuts.NAMES)
            + ")",
        ),
    ],
)
def test_a_mistyped_switch_stops_with_the_names_to_use(value: str, message: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        shortcuts._parse(value)
    assert str(stopped.value) == message


@pytest.mark.parametrize(("value", "off"), [("", set()), ("on", set()), ("off", set(shortcuts.NAMES))])
def test_the_switch_values(value: str, off: set[str]) -> None:
    assert shortcuts._parse(value) == off
