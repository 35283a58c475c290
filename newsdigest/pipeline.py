"""The whole pipeline in one call: load -> validate -> anchor -> render.

Writing is left to the caller (the CLI writes files, the MkDocs plugin adds
virtual pages), so this module never touches the output.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .anchor import AnchoredDigest, anchor
from .assemble import assemble
from .errors import DigestError, Problem
from .load import load
from .render import Pages, render
from .render.urls import Linker


@dataclass(frozen=True, slots=True)
class Options:
    strict: bool = True
    """Unplaced quotes fail the build; in preview they become warnings."""
    linker: Linker = field(default_factory=Linker)
    site_name: str = "Annotated news digest"


@dataclass(slots=True)
class Result:
    pages: Pages
    anchored: AnchoredDigest
    warnings: list[Problem]


def check(root: Path) -> AnchoredDigest:
    """Load, validate and anchor; raise with every problem found."""
    digest, problems = assemble(load(root))
    anchored = anchor(digest)
    problems += anchored.problems
    if problems:
        raise DigestError(problems)
    return anchored


def build(root: Path, options: Options = Options()) -> Result:
    """Pages for the digest in `root`, or DigestError with every problem."""
    digest, problems = assemble(load(root))
    anchored = anchor(digest)
    if problems or (options.strict and anchored.problems):
        raise DigestError(problems + anchored.problems)
    warnings = [replace(p, warning=True) for p in anchored.problems]
    return Result(render(anchored, options.linker, options.site_name), anchored, warnings)
