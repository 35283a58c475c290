"""`pages`: validate, anchor and write the generated Markdown pages."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .. import memo, memo_store, pipeline
from ..assets import published_assets
from ..load.fingerprint import inputs_fingerprint, record, unchanged_since_last_build
from ..load.inputs import input_list
from ..plural import counted
from ..progress import Progress
from ..write.lock import LOCK
from ..write.review_state import read_review_state, write_review_state
from ..write.transaction import recover, write_pages, writing
from ..write.written import WrittenIndex
from .common import counts, require_digest, site_config, summary_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, help="folder for the pages (default: ROOT/docs)")
    parser.add_argument(
        "--preview",
        action="store_true",
        help="build even if some quotes cannot be placed (they are listed on the page)",
    )


def run(args: argparse.Namespace) -> int:
    out_dir: Path = args.out or args.root / "docs"
    require_digest(args.root)
    # the build's objects stay alive until its pages are written: the collector would pass over them in vain
    with writing(out_dir, waiting=lambda holder: announce_wait(out_dir, holder)), pipeline.collector_paused():
        return build_and_write(args, out_dir)


def announce_wait(out_dir: Path, holder: str) -> None:
    who = f" ({holder})" if holder else ""
    print(
        f"waiting for another build writing to {out_dir}{who} to finish; it holds {out_dir / LOCK}",
        file=sys.stderr,
        flush=True,
    )


def cache_folder(root: Path) -> Path | None:
    """Where the index of the pages' status is kept (write/written.py): the cache's, unless it is off."""
    return memo_store.cache_base(root) if memo_store.enabled() else None


def build_and_write(args: argparse.Namespace, out_dir: Path) -> int:
    """The whole run, under the output folder's lock: a second `pages` waits for the first."""
    started = time.monotonic()
    root: Path = args.root
    recover(out_dir)  # finish or discard a write that was interrupted
    config = root / "mkdocs.yml"
    settings = (args.preview, config.read_bytes() if config.is_file() else b"", read_review_state(out_dir))
    inputs = input_list(root)  # listed once: the fingerprint and the build see the same files
    index = memo_store.stat_index_of(root)
    fingerprint = inputs_fingerprint(root, settings, index, memo_store.environment(), inputs)
    cache = cache_folder(root)
    if not args.preview and (pages := unchanged_since_last_build(out_dir, fingerprint, cache)) is not None:
        print(
            f"nothing changed since the last build: {counted(pages, 'file')} up to date "
            f"({time.monotonic() - started:.2f} s)"
        )
        return 0
    from ..mkdocs_plugin.options import build_options  # imports MkDocs: not needed for a no-op run

    progress = Progress.for_stream(sys.stderr)
    options = build_options(site_config(root), preview=args.preview, progress=progress, state_dir=out_dir)
    with memo.one_shot():  # this process builds once
        result = pipeline.build(root, options, inputs)
    progress.clear()
    for warning in result.warnings:
        print(warning.format(), file=sys.stderr)
    pages_and_assets = {**result.pages, **published_assets()}  # assets: for any engine
    written = write_pages(pages_and_assets, out_dir, WrittenIndex.of(cache, out_dir))
    if options.strict:  # a publishing build: the next one compares with it
        write_review_state(out_dir, result.ledger)
    record(out_dir, fingerprint)
    print(
        f"{counted(len(written.written), 'file', 'written')}, "
        f"{len(written.unchanged)} unchanged, "
        f"{len(written.removed)} removed: {summary_line(counts(result.anchored))} "
        f"({time.monotonic() - started:.2f} s)"
    )
    return 0
