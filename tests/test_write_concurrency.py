"""Two `pages` runs at once: one writer at a time, never a mixed or stuck output.

Real processes on a 200-article digest. A run paused by the writer's hook
(NEWSDIGEST_FAULT=STEP:stop) at each step of its write holds the lock while
a second run starts: the second must say it waits, touch nothing, then
finish after the first. And pairs of runs on two different inputs, started
together into one output folder, many times: the output is always one of
the two complete states, and every later run succeeds.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hostile.synthetic import synthetic_digest
from hostile.tally import tally

from newsdigest.write import faults
from newsdigest.write import transaction as write
from newsdigest.write.lock import LOCK, output_lock
from support import REPO

__all__ = ["tally"]
ARTICLES = 200
TRIALS = 8
NOT_OUTPUT = (".digest-fingerprint", LOCK)
"""The `pages` command's cache key and the lock are not part of the output."""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in NOT_OUTPUT
    }


def visible(state: dict[str, bytes]) -> dict[str, bytes]:
    internal = (write.STAGING + "/", write.JOURNAL)
    return {rel: data for rel, data in state.items() if not rel.startswith(internal)}


def start(root: Path, out: Path, fault: str = "") -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != faults.ENV} | ({faults.ENV: fault} if fault else {})
    command = [sys.executable, str(REPO / "build_digest.py"), "pages", "--root", str(root), "--out", str(out)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate()
    return process.returncode, err


def succeeded(process: subprocess.Popen[str]) -> bool:
    code, err = finish(process)
    assert "Traceback" not in err, err
    return code == 0


def wait_stopped(process: subprocess.Popen[str]) -> None:
    """Block until `process` has stopped itself (SIGSTOP from the hook), or fail if it exited."""
    _, status = os.waitpid(process.pid, os.WUNTRACED)
    assert os.WIFSTOPPED(status), f"the run ended (status {status}) instead of stopping at its step"


@pytest.fixture(scope="module")
def digests(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """(old digest, new digest with every article changed, old output, new output)."""
    base = tmp_path_factory.mktemp("concurrent")
    old_root = synthetic_digest(base / "old", ARTICLES)
    new_root = base / "new"
    shutil.copytree(old_root, new_root)
    for article in (new_root / "articles").glob("extra-*.md"):
        article.write_text(article.read_text(encoding="utf-8").replace("part", "chapter"), encoding="utf-8")
    states = []
    for root in (old_root, new_root):
        assert succeeded(start(root, root / "docs"))
        states.append(snapshot(root / "docs"))
    assert states[0] != states[1]
    return old_root, new_root, states[0], states[1]


@pytest.mark.parametrize("step", faults.STEPS)
def test_second_run_waits_for_the_first(
    step: str,
    digests: tuple[Path, Path, dict[str, bytes], dict[str, bytes]],
    tmp_path: Path,
    tally: Counter[str],
) -> None:
    old_root, new_root, old, _ = digests
    out = tmp_path / "docs"
    shutil.copytree(old_root / "docs", out)
    first = start(new_root, out, f"{step}:stop")
    wait_stopped(first)
    second = start(old_root, out)
    assert second.stderr is not None
    line = second.stderr.readline()  # printed before it blocks on the lock
    assert line.startswith(f"waiting for another build writing to {out} (process {first.pid}, started ")
    assert line.endswith(f" to finish; it holds {out / LOCK}\n")
    during = visible(snapshot(out))
    if step in ("locked", "staging", "staged"):
        assert during == old, f"stopped at {step}: the old output changed"
    else:
        assert (out / write.JOURNAL).exists(), f"stopped at {step}: not committed"
    first.send_signal(signal.SIGCONT)
    assert succeeded(first)
    assert succeeded(second)
    assert snapshot(out) == old, "the run that waited did not write its own complete output last"
    tally["run"] += 2


def announced_wait(process: subprocess.Popen[str]) -> str:
    """The first line `process` prints, once printed: that it waits for the lock."""
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line.startswith("waiting for another build"), line
    return line


def test_runs_started_together(
    digests: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tmp_path: Path, tally: Counter[str]
) -> None:
    """Old and new inputs into one folder at once, TRIALS times: one complete state, then every run works.

    Every other pair starts while the test holds the folder's lock, released
    once both runs say they wait: they then contend for it, whatever the
    machine's pace (left alone, a run may start only after the other ended).
    """
    old_root, new_root, old, new = digests
    out = tmp_path / "docs"
    shutil.copytree(old_root / "docs", out)
    chance = random.Random(12)
    outcomes = Counter[str]()
    for trial in range(TRIALS):
        pair = [old_root, new_root]
        chance.shuffle(pair)
        with contextlib.ExitStack() as held:
            if trial % 2 == 0:
                held.enter_context(output_lock(out))
            runs = [start(root, out) for root in pair]
            announced = [announced_wait(run) if trial % 2 == 0 else "" for run in runs]
        results = [(code, line + err) for line, (code, err) in zip(announced, map(finish, runs), strict=True)]
        for code, err in results:
            assert code == 0 and "Traceback" not in err, f"trial {trial}: {err}"
        state = snapshot(out)
        assert state in (old, new), f"trial {trial}: a mix of the two outputs"
        outcomes["old" if state == old else "new"] += 1
        outcomes["waited"] += sum("waiting for another build" in err for _, err in results)
        tally["run"] += 2
        other, expected = (new_root, new) if state == old else (old_root, old)
        assert succeeded(start(other, out)), f"trial {trial}: the next run failed"  # the manifest matches
        assert snapshot(out) == expected
    assert outcomes["waited"] >= 1, outcomes
