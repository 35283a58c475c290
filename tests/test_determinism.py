"""Two builds of the same input are byte-identical, whatever the order files
are listed or created in, the locale, the time zone or the hash seed.

The generated pages are compared in-process with the directory listing
reversed and shuffled; the `pages` command and the real `mkdocs build` are
compared as subprocesses under different TZ, LANG/LC_ALL and
PYTHONHASHSEED, on copies whose files were created in opposite orders.

MkDocs itself dates two files, from the UTC build day, never the local
time: `sitemap.xml` (`<lastmod>`) and the gzip header of `sitemap.xml.gz`.
Builds on different UTC days differ in those two files only, unless
SOURCE_DATE_EPOCH is set, which MkDocs honours.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import random
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile.harness import MINI
from hostile.synthetic import synthetic_digest

from newsdigest import pipeline
from support import REPO

VARIANTS = {
    "utc-c": {"TZ": "UTC", "LC_ALL": "C", "LANG": "C", "PYTHONHASHSEED": "0"},
    "kiritimati-de": {
        "TZ": "Pacific/Kiritimati",
        "LANG": "de_DE.UTF-8",
        "LC_ALL": "",
        "PYTHONHASHSEED": "4242",
    },
}
"""UTC vs UTC+14 (the calendar day differs most of the time), C vs German locale (if installed), two hash seeds."""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def copy_in_order(src: Path, dest: Path, reverse: bool) -> Path:
    """Copy the digest file by file, in sorted or reverse-sorted order (directory order follows on many file systems)."""
    files = sorted(p for p in src.rglob("*") if p.is_file() and "site" not in p.relative_to(src).parts)
    for path in reversed(files) if reverse else files:
        target = dest / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return dest


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_digest(tmp_path_factory.mktemp("big") / "d", 40)


def listing(order: str) -> Iterator[None]:
    """Patch `Path.iterdir` and `os.listdir` (all the build uses) to return entries reversed or shuffled."""
    original_iterdir, original_listdir = Path.iterdir, os.listdir
    rng = random.Random(7)

    def reorder(items: list[object]) -> list[object]:
        if order == "reversed":
            return sorted(items, key=str, reverse=True)
        rng.shuffle(items)
        return items

    Path.iterdir = lambda self: iter(reorder(list(original_iterdir(self))))  # type: ignore[method-assign,assignment,return-value]
    os.listdir = lambda path=".": reorder(original_listdir(path))  # type: ignore[assignment,arg-type]
    try:
        yield
    finally:
        Path.iterdir, os.listdir = original_iterdir, original_listdir  # type: ignore[method-assign]


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_listing_order_does_not_matter(big: Path, order: str) -> None:
    expected = pipeline.build(big).pages
    for _ in listing(order):
        assert pipeline.build(big).pages == expected


def test_creation_order_does_not_matter(big: Path, tmp_path: Path) -> None:
    forward = pipeline.build(copy_in_order(big, tmp_path / "forward", False)).pages
    backward = pipeline.build(copy_in_order(big, tmp_path / "backward", True)).pages
    assert forward == backward


def run(args: list[str], cwd: Path, variant: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "LC_ALL", "LANG", "TZ")}
    env.update({k: v for k, v in VARIANTS[variant].items() if v})
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Mini written by `pages` then built by `mkdocs build --strict`, once per variant."""
    out = {}
    for i, variant in enumerate(VARIANTS):
        root = copy_in_order(MINI, tmp_path_factory.mktemp(variant) / "mini", reverse=bool(i))
        run([sys.executable, str(REPO / "build_digest.py"), "pages", "--root", str(root)], root, variant)
        run([sys.executable, "-m", "mkdocs", "build", "--strict"], root, variant)
        out[variant] = root
    return out


def test_pages_command_output_is_identical(builds: dict[str, Path]) -> None:
    first, second = (snapshot(root / "docs") for root in builds.values())
    assert first.keys() == second.keys()
    assert [rel for rel in first if first[rel] != second[rel]] == []


def test_mkdocs_site_is_identical(builds: dict[str, Path]) -> None:
    started = dt.datetime.now(dt.UTC).date()
    first, second = (snapshot(root / "site") for root in builds.values())
    if dt.datetime.now(dt.UTC).date() != started:  # pragma: no cover - a build ran across midnight UTC
        pytest.skip("the UTC day changed between the two builds; sitemap dates differ legitimately")
    assert first.keys() == second.keys()
    assert [rel for rel in first if first[rel] != second[rel]] == []
    assert "search/search_index.json" in first and "sitemap.xml.gz" in first


def test_sitemap_is_dated_by_the_utc_day(builds: dict[str, Path]) -> None:
    """What MkDocs puts in the gzip header: midnight UTC of the build day, never a local time."""
    data = (next(iter(builds.values())) / "site" / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", data[4:8])
    day = dt.datetime.fromtimestamp(mtime, dt.UTC)
    assert (day.hour, day.minute, day.second) == (0, 0, 0)
    assert abs((dt.datetime.now(dt.UTC).date() - day.date()).days) <= 1
    assert gzip.decompress(data).startswith(b"<?xml")
