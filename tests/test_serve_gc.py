"""Under `mkdocs serve` the collector skips the last pipeline run's objects, and still frees cycles.

Shortcut `gc-freeze` (newsdigest/mkdocs_plugin/serve_gc.py): what a run leaves
alive is frozen until the next run starts, when the garbage left in between
(the reference cycles of MkDocs' pages) is collected.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from newsdigest import shortcuts
from newsdigest.mkdocs_plugin.serve_gc import pipeline_objects_frozen


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def cycle() -> weakref.ref[Node]:
    """A reference cycle nothing else refers to: only the collector frees it."""
    a, b = Node(), Node()
    a.other, b.other = b, a
    return weakref.ref(a)


@pytest.fixture
def clean_collector() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()
    assert gc.isenabled()


@pytest.mark.skipif("gc-freeze" in shortcuts.OFF, reason="NEWSDIGEST_SHORTCUTS turns it off")
def test_a_run_leaves_its_objects_frozen_and_the_next_frees_the_cycles_left_between(
    clean_collector: None,
) -> None:
    with pipeline_objects_frozen(serving=True):
        kept = [Node() for _ in range(1000)]
        assert not gc.isenabled(), "the collector is paused while the pipeline runs"
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
    left = cycle()  # as MkDocs' pages of the last build are once it is over
    with pipeline_objects_frozen(serving=True):
        assert left() is None, "the cycles left between two runs are freed as the next starts"


def test_a_build_freezes_nothing(clean_collector: None) -> None:
    with pipeline_objects_frozen(serving=False):
        Node()
    assert gc.get_freeze_count() == 0
