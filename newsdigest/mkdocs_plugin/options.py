"""Build options from mkdocs.yml: one factory for `mkdocs build`/`serve` and the command line.

Both read the same settings (`site_url`, `use_directory_urls`, `site_name`)
and the `digest` plugin's own options, so `build_digest.py pages` and
`mkdocs build` write the same bytes for the same digest.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig

from ..pipeline import Options
from ..progress import Progress
from ..render.trust import Desk, report_address_problem
from ..site_paths import Linker
from ..validate.rules import Rules, parse_rules
from . import search_backend

PLUGIN_NAME = "digest"


class ReportAddress(opt.Type[str]):
    """A `mailto:` or `https` address for error reports (render/trust.py says what is refused)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        address = super().run_validation(value)
        problem = report_address_problem(address)
        if problem:
            raise ValidationError(f"{address!r} {problem}")
        return address


class DeskConfig(Config):
    """The `desk:` option: who writes the notes, and how readers reach them."""

    name = opt.Type(str, default="")
    """The desk's name, shown as "Notes by ..." in each article's header card."""
    about = opt.Optional(opt.Type(str))
    """A hand-written page in docs/ (e.g. `about.md`): people, funding, contact."""
    methodology = opt.Type(str, default="")
    """The page that explains the rating scale; each rating links to its `#rating-<value>` there."""
    report_errors = opt.Optional(ReportAddress())
    """Where readers report errors: a `mailto:` address or an `https` issue address."""


class DigestConfig(Config):
    """The `digest` plugin's options in mkdocs.yml."""

    root = opt.Optional(opt.Dir(exists=True))
    """The digest folder (with articles/ and annotations/); default: beside mkdocs.yml."""
    preview = opt.Optional(opt.Type(bool))
    """Build pages even when quotes cannot be placed; default: only under `mkdocs serve`."""
    search = opt.Choice(search_backend.BACKENDS, default=search_backend.DEFAULT)
    """Search back end: `material` (one index every reader downloads; fine for small digests) or
    `pagefind` (an index in small chunks, built after MkDocs; for large digests)."""
    search_index_warning = opt.Type(int, default=search_backend.INDEX_WARNING_KB)
    """With `search: material`: warn when search_index.json, which every reader downloads before
    a first result, exceeds this many kilobytes (0: never warn)."""
    rules = opt.Type(dict, default={})
    """The desk's editorial rules, checked by `check` and shown as flags in the build report (rules.py)."""
    desk = opt.SubConfig(DeskConfig)
    """Who says so: the desk's name, its About page, the methodology and an error-report address."""


def digest_config(config: MkDocsConfig) -> DigestConfig | None:
    """The `digest` plugin's options, or None when mkdocs.yml does not list the plugin."""
    plugin = config.plugins.get(PLUGIN_NAME)
    found = getattr(plugin, "config", None)
    return found if isinstance(found, DigestConfig) else None


def desk_rules(config: MkDocsConfig) -> Rules:
    """The plugin's `rules:` option, read as `check` reads it (a mistake names its line in mkdocs.yml)."""
    path = Path(config.config_file_path or "mkdocs.yml")
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return parse_rules(getattr(digest_config(config), "rules", None), path.name, text)


def desk_settings(config: MkDocsConfig) -> Desk:
    """The plugin's `desk:` option as the renderer takes it."""
    desk = getattr(digest_config(config), "desk", None)
    if not isinstance(desk, DeskConfig):
        return Desk()
    return Desk(
        name=desk.name,
        about=desk.about,
        methodology=desk.methodology or None,
        report_errors=desk.report_errors,
    )


def build_options(
    config: MkDocsConfig | None,
    *,
    serving: bool = False,
    preview: bool = False,
    progress: Progress | None = None,
    state_dir: Path | None = None,
) -> Options:
    """The pipeline's options for the site configured by `config` (None: no mkdocs.yml).

    A preview build (unplaced quotes become warnings, drafts are shown) is
    asked for by `preview` (the command line's `--preview`) or by the
    plugin's `preview:` option, which defaults to on under `mkdocs serve` only.
    `state_dir` holds the last publishing build's review ledger: the docs
    folder unless given. Raises DigestError for a mistake in the plugin's rules.
    """
    progress = progress or Progress.off()
    if config is None:
        return Options(strict=not preview, progress=progress, state_dir=state_dir)
    configured = getattr(digest_config(config), "preview", None)
    preview = preview or (configured if configured is not None else serving)
    return Options(
        strict=not preview,
        linker=Linker(bool(config.use_directory_urls), config.site_url or ""),
        site_name=str(config.site_name),
        progress=progress,
        rules=desk_rules(config),
        desk=desk_settings(config),
        state_dir=state_dir or Path(config.docs_dir),
    )
