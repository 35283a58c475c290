"""Under `mkdocs serve`: the garbage collector leaves the last pipeline run's objects alone.

The pipeline runs with the cyclic collector paused (pipeline.collector_paused)
and leaves about a million objects alive at 1,000 articles. Once the collector
is back on, its first pass examines every one of them (a tenth of a second),
and a full pass, every few saves, all objects of the process (over a second).
They hold no reference cycles. So under serve they are frozen (`gc.freeze`)
as the run ends. As the next run starts, a collection over the rest (a few
hundred thousand objects: milliseconds) frees the reference cycles the last
build's MkDocs pages left, then they are unfrozen, so the collector sees them
again: resident memory stays flat from save to save.
Shortcut `gc-freeze` (newsdigest/shortcuts.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from .. import shortcuts


@contextmanager
def pipeline_objects_frozen(serving: bool) -> Iterator[None]:
    """Around one pipeline run: what is alive at its end is frozen until the next run starts."""
    if not serving or not gc.isenabled() or not shortcuts.take("gc-freeze"):
        yield
        return
    gc.collect()  # what the last build left, the frozen objects aside: the previous MkDocs run's pages
    gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
