"""The engines' cached environments heal when broken and never mix two runs or two clones.

Each test uses its own cache folder and a quick environment (a venv whose
path names this checkout, `bin/python` as the tool), so what is exercised is
the caching, not pip; tests/test_engines.py builds real ones.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cached_venv import ENV, ToolSpec, ensure, locked, problem, slot_key
from support import REPO, TESTS

QUICK = ToolSpec(name="python", requirements=(), project=True, link_only=True)


def clone(dest: Path) -> Path:
    """A second checkout of this project (its tracked files; enough for an editable install)."""
    shutil.copytree(
        REPO,
        dest,
        ignore=shutil.ignore_patterns(".venv", ".git", "site", "test-artifacts", "__pycache__", "*.egg-info"),
    )
    return dest


def newsdigest_of(env: Path) -> Path:
    probe = "import pathlib, newsdigest; print(pathlib.Path(newsdigest.__file__).resolve().parent.parent)"
    found = subprocess.run(
        [str(env / "bin" / "python"), "-I", "-c", probe], capture_output=True, text=True, env=ENV, cwd=env
    )
    return Path(found.stdout.strip())


ENSURE_IN_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from cached_venv import ToolSpec, ensure
ready = ensure(ToolSpec(name="python", requirements=(), project=True, link_only=True),
               Path(sys.argv[2]), Path(sys.argv[3]))
print(json.dumps({"path": str(ready.path), "built": ready.built}))
"""


def start_ensure(cache: Path, checkout: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", ENSURE_IN_CHILD, str(TESTS), str(cache), str(checkout)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def finish(child: subprocess.Popen[str]) -> dict[str, object]:
    out, err = child.communicate(timeout=600)
    assert child.returncode == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def test_a_sound_environment_is_reused(tmp_path: Path) -> None:
    first = ensure(QUICK, tmp_path)
    again = ensure(QUICK, tmp_path)
    assert first.built and not again.built
    assert again.path == first.path
    assert newsdigest_of(again.path) == REPO.resolve()


def test_missing_tool_is_rebuilt(tmp_path: Path) -> None:
    """The old cache trusted its `ready` marker even when bin/properdocs was gone."""
    broken = ensure(QUICK, tmp_path).path
    (broken / "bin" / "python").unlink()
    healed = ensure(QUICK, tmp_path)
    assert healed.built
    assert problem(healed.path, QUICK, REPO) is None
    assert not broken.exists(), "the broken environment is removed"


def test_half_made_environment_from_an_interrupted_run_is_replaced(tmp_path: Path) -> None:
    slot = tmp_path / f"python.{slot_key(QUICK, REPO)}"
    half_made = slot / "env-interrupted"
    (half_made / "bin").mkdir(parents=True)
    (slot / "current").symlink_to(half_made.name)
    healed = ensure(QUICK, tmp_path)
    assert healed.built and healed.path != half_made
    assert not half_made.exists()
    assert (slot / "current").resolve() == healed.path
    assert sorted(p.name for p in slot.iterdir() if p.name.startswith("env-")) == [healed.path.name]


def test_an_environment_holding_another_checkout_is_not_trusted(tmp_path: Path) -> None:
    """Editable installs point at one checkout: an environment made from another is rebuilt."""
    other = clone(tmp_path / "other-clone")
    theirs = ensure(QUICK, tmp_path / "cache", other).path
    assert newsdigest_of(theirs) == other.resolve()
    ours = ensure(QUICK, tmp_path / "cache").path
    assert ours != theirs
    slot = ours.parent
    (slot / "current").unlink()
    (slot / "current").symlink_to(theirs)  # as if the cache had been filled from the other clone
    assert (
        problem(theirs, QUICK, REPO) == f"newsdigest comes from {other.resolve()}, not from {REPO.resolve()}"
    )
    healed = ensure(QUICK, tmp_path / "cache")
    assert healed.built and newsdigest_of(healed.path) == REPO.resolve()


def waiting_on(lock: Path) -> int:
    """How many processes are blocked on `lock` (Linux lists them in /proc/locks with "->")."""
    inode = f":{lock.stat().st_ino} "
    return sum("->" in line and inode in line for line in Path("/proc/locks").read_text().splitlines())


def test_two_runs_of_one_checkout_at_once_build_once(tmp_path: Path) -> None:
    """Both runs are let go only once both wait on the lock, so they really race for it."""
    slot = tmp_path / f"python.{slot_key(QUICK, REPO)}"
    slot.mkdir()
    with locked(slot / "lock"):
        runs = [start_ensure(tmp_path, REPO) for _ in range(2)]
        while waiting_on(slot / "lock") < 2:
            assert all(run.poll() is None for run in runs), "a run went past the lock"
            time.sleep(0.05)
    results = [finish(run) for run in runs]
    assert sorted(bool(r["built"]) for r in results) == [False, True], "the second run waits and reuses"
    assert results[0]["path"] == results[1]["path"]


def test_two_clones_at_once_get_their_own_environments(tmp_path: Path) -> None:
    other = clone(tmp_path / "other-clone")
    cache = tmp_path / "cache"
    runs = [start_ensure(cache, REPO), start_ensure(cache, other)]
    ours, theirs = (Path(str(finish(run)["path"])) for run in runs)
    assert ours.parent != theirs.parent
    assert newsdigest_of(ours) == REPO.resolve()
    assert newsdigest_of(theirs) == other.resolve()


def test_environments_of_deleted_checkouts_are_pruned(tmp_path: Path) -> None:
    other = clone(tmp_path / "gone-clone")
    cache = tmp_path / "cache"
    theirs = ensure(QUICK, cache, other).path
    shutil.rmtree(other)
    ours = ensure(QUICK, cache).path
    assert not theirs.parent.exists()
    assert ours.exists()


def test_keys_differ_by_checkout_and_requirements(tmp_path: Path) -> None:
    other = clone(tmp_path / "other-clone")
    assert slot_key(QUICK, REPO) != slot_key(QUICK, other)
    pinned = ToolSpec(name="python", requirements=("properdocs==1.6.7",), project=True, link_only=True)
    assert slot_key(QUICK, REPO) != slot_key(pinned, REPO)
    unbound = ToolSpec(name="zensical", requirements=("zensical==0.0.73",), project=False)
    assert slot_key(unbound, REPO) == slot_key(unbound, other), "an environment without the project is shared"


def test_an_environment_for_older_requirements_of_this_checkout_is_pruned(tmp_path: Path) -> None:
    older = ensure(
        ToolSpec(name="python", requirements=("an-older-set==1.0",), link_only=True), tmp_path
    ).path
    newer = ensure(QUICK, tmp_path).path
    assert newer.exists() and not older.parent.exists()
