"""Virtual environments for other site engines (ProperDocs, Zensical), built once and reused safely.

The tests run other engines from their own environments so the project's
environment keeps MkDocs as it is. Building one takes a minute, so it is
cached; a cache shared by every clone and every test run must survive two
runs at once and a run killed half-way:

- keyed: each environment lives in `CACHE/<name>.<key>/`, the key hashing the
  requirement set, the Python running the tests, `pyproject.toml` and
  `constraints.txt`, and, when the project is installed into it (editable),
  the resolved path of this checkout, so two clones never test each other's code;
- locked: the slot's `lock` file is held (flock) while the environment is
  checked or built, so a second run waits instead of building beside it;
- verified: `current` is trusted only when its tool runs and, for an editable
  install, its `newsdigest` is this checkout's; anything else is rebuilt;
- atomic: an environment is built in a fresh `env-*` folder and published by
  replacing the `current` symlink in one rename, so an interrupted build
  leaves only a folder that the next build removes.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from support import REPO

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
"""Environment of every subprocess here (Material prints an end-of-life banner without the first)."""


@dataclass(frozen=True)
class ToolSpec:
    """What goes into one cached environment."""

    name: str
    """Folder prefix and the executable to check, e.g. "properdocs" (runs `bin/properdocs --version`)."""
    requirements: tuple[str, ...]
    """Exact requirements, e.g. ("properdocs==1.6.7",)."""
    project: bool = True
    """Install this checkout too (editable), for engines that load the digest plugin."""
    link_only: bool = False
    """Instead of pip, put the checkout on the path with a .pth file (all an editable install of a
    pure-Python project amounts to): seconds instead of a minute, for the tests of this module."""


@dataclass(frozen=True)
class Ready:
    path: Path
    """The environment (bin/, lib/ ...)."""
    built: bool
    """True when this call built it, False when a verified one was reused."""


class Unavailable(Exception):
    """The environment cannot be installed here (no package index, no wheel for this platform)."""


def cache_root(variable: str, default_name: str) -> Path:
    return Path(os.environ.get(variable) or Path.home() / ".cache" / default_name)


def slot_key(spec: ToolSpec, checkout: Path) -> str:
    parts = [repr(spec), sys.version, str(Path(sys.executable).resolve())]
    for name in ("pyproject.toml", "constraints.txt"):
        file = checkout / name
        parts.append(file.read_text("utf-8") if file.is_file() else "")
    if spec.project:
        parts.append(str(checkout.resolve()))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if missing); released even if the process dies."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def problem(env: Path, spec: ToolSpec, checkout: Path) -> str | None:
    """Why `env` cannot be trusted, or None when its tool runs and its project is `checkout`."""
    tool = env / "bin" / spec.name
    if not tool.is_file():
        return f"{tool} is missing"
    try:
        ran = subprocess.run(
            [str(tool), "--version"], capture_output=True, text=True, timeout=120, env=ENV, cwd=env
        )
    except OSError as exc:
        return f"{tool} does not run: {exc}"
    if ran.returncode != 0:
        return f"{tool} --version failed: {ran.stderr[-300:]}"
    if not spec.project:
        return None
    probe = "import pathlib, newsdigest; print(pathlib.Path(newsdigest.__file__).resolve().parent.parent)"
    found = subprocess.run(  # isolated, away from any checkout: only what is installed can answer
        [str(env / "bin" / "python"), "-I", "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
        cwd=env,
    )
    if found.returncode != 0:
        return f"newsdigest does not import: {found.stderr[-300:]}"
    if Path(found.stdout.strip()) != checkout.resolve():
        return f"newsdigest comes from {found.stdout.strip()}, not from {checkout.resolve()}"
    return None


def build(env: Path, spec: ToolSpec, checkout: Path) -> None:
    if spec.link_only:
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True, env=ENV)
        (site_packages,) = env.glob("lib/python*/site-packages")
        (site_packages / "newsdigest-checkout.pth").write_text(f"{checkout.resolve()}\n", encoding="utf-8")
        return
    subprocess.run([sys.executable, "-m", "venv", str(env)], check=True, timeout=300, env=ENV)
    command = [str(env / "bin" / "python"), "-m", "pip", "install", "-q"]
    if (checkout / "constraints.txt").is_file():
        command += ["-c", str(checkout / "constraints.txt")]
    command += list(spec.requirements)
    if spec.project:
        command += ["-e", str(checkout)]
    installed = subprocess.run(command, capture_output=True, text=True, timeout=1200, env=ENV)
    if installed.returncode != 0:
        raise Unavailable(f"pip install {' '.join(spec.requirements)} failed: {installed.stderr[-600:]}")


def ensure(spec: ToolSpec, cache: Path, checkout: Path = REPO) -> Ready:
    """The verified environment for `spec`, reused when sound, else (re)built and published atomically."""
    slot = cache / f"{spec.name}.{slot_key(spec, checkout)}"
    slot.mkdir(parents=True, exist_ok=True)
    current = slot / "current"
    with locked(slot / "lock"):
        if current.is_dir() and problem(current.resolve(), spec, checkout) is None:
            return Ready(current.resolve(), built=False)
        for leftover in slot.glob("env-*"):  # a broken environment, or one an interrupted run left
            shutil.rmtree(leftover, ignore_errors=True)
        fresh = Path(tempfile.mkdtemp(prefix="env-", dir=slot))
        try:
            build(fresh, spec, checkout)
            if (why := problem(fresh, spec, checkout)) is not None:
                raise RuntimeError(f"the freshly built {spec.name} environment is unusable: {why}")
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        link = slot / f"current.{os.getpid()}"
        link.unlink(missing_ok=True)
        link.symlink_to(fresh.name)
        os.replace(link, current)  # readers see the old environment or the new one, never half of one
        if spec.project:  # lets `prune` drop it once the checkout is gone
            (slot / "checkout").write_text(f"{checkout.resolve()}\n", encoding="utf-8")
    prune(cache, keep=slot)
    return Ready(fresh, built=True)


def prune(cache: Path, keep: Path) -> None:
    """Remove, if no one holds them, the environments of checkouts that no longer exist (temporary
    clones) and those `keep` supersedes (same tool and checkout, older requirements)."""
    owner = (keep / "checkout").read_text("utf-8") if (keep / "checkout").is_file() else None
    tool = keep.name.split(".")[0]
    for marker in cache.glob("*/checkout"):
        slot = marker.parent
        checkout = marker.read_text("utf-8")
        superseded = slot != keep and checkout == owner and slot.name.split(".")[0] == tool
        if Path(checkout.strip()).exists() and not superseded:
            continue
        with open(slot / "lock", "a+b") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            shutil.rmtree(slot, ignore_errors=True)
