"""Each rule has one implementation: ids from text, tag anchors, JSON in HTML, field patterns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jinja2.utils import htmlsafe_json_dumps
from material.plugins.tags.config import TagsConfig

from newsdigest.render.common import json_for_html, json_ld
from newsdigest.schema import json_schema
from newsdigest.schema.fields import ID_PATTERN
from newsdigest.slugs import make_id, tag_slug
from support import run_cli

HOSTILE = ["</script><script>alert(1)</script>", "<!-- x", 'O\'Brien & "Co"', "Élysée\u2028—\U0001f600"]


@pytest.mark.parametrize("text", HOSTILE)
def test_json_for_html_writes_what_jinjas_tojson_writes(text: str) -> None:
    """The search back end finds Material's config script by rewriting it exactly as Jinja wrote it."""
    assert json_for_html({"search": text}) == str(htmlsafe_json_dumps({"search": text}))
    assert json.loads(json_for_html(text, ensure_ascii=False)) == text


def test_json_ld_cannot_end_its_script() -> None:
    block = json_ld({"headline": HOSTILE[0] + HOSTILE[1]})
    assert block.count("</script>") == 1 and "<!--" not in block
    body = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == {"headline": HOSTILE[0] + HOSTILE[1]}


@pytest.mark.parametrize("tag", ["Gaza war", "Côte d'Ivoire", "Q&amp;A", "  Covid-19 ", "Éire"])
def test_tag_slug_is_the_one_materials_tags_plugin_uses(tag: str) -> None:
    config = TagsConfig()
    config.load_dict({})
    assert not config.validate()[0]
    assert tag_slug(tag) == config.tags_slugify(tag, config.tags_slugify_separator)


@pytest.mark.parametrize(
    ("text", "made"),
    [("Côte d'Ivoire", "cote-divoire"), ("  --  ", ""), ("Macron’s “plan” — 2023", "macrons-plan-2023")],
)
def test_make_id_gives_a_valid_id_or_nothing(text: str, made: str) -> None:
    assert make_id(text) == made
    assert made == "" or re.fullmatch(ID_PATTERN, made)


def test_a_wrong_id_gets_a_suggestion_made_the_same_way(mini: Path) -> None:
    notes = mini / "annotations" / "weekly-view.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("id: vanity", "id: Côte d'Ivoire"), "utf-8")
    result = run_cli("check", "--root", str(mini))
    assert result.returncode == 1
    assert result.stderr == (
        "annotations/weekly-view.yml:2:9: notes[0].id: 'Côte d'Ivoire' is not a valid id\n"
        "  hint: use lowercase letters, digits and single hyphens, e.g. 'cote-divoire'\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


def test_the_json_schema_uses_the_validators_patterns() -> None:
    from newsdigest.validate import scalars as validator

    scalars = json_schema.SCALARS
    assert scalars["id"]["pattern"] == validator._ID.pattern
    assert scalars["date"]["pattern"] == validator._DATE.pattern
    assert scalars["lang"]["pattern"] == validator._LANG.pattern
