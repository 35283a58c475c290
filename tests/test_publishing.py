"""Publishing: the GitHub Actions workflow and the pre-commit hooks run the same checks as CI."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml
from packaging.requirements import Requirement

from support import REPO

WORKFLOW = REPO / ".github" / "workflows" / "publish.yml"
ACTIONS = {
    "actions/checkout": "v7",
    "actions/setup-python": "v7",
    "actions/configure-pages": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
    "actions/cache": "v6",
}
"""GitHub's own actions at their current major versions (checked November 2026: v7, v7, v6, v5, v5, v6)."""


def workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = workflow()["jobs"][job]["steps"]
    return found


def test_workflow_is_valid_yaml_with_triggers_and_jobs() -> None:
    data = workflow()
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers is not None
    assert set(triggers) >= {"push", "pull_request", "workflow_dispatch"}
    assert triggers["push"]["branches"] == ["main"]
    assert set(data["jobs"]) == {"build", "deploy"}
    assert data["jobs"]["deploy"]["needs"] == "build"
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_only_known_actions_at_their_current_major_versions() -> None:
    used = [s["uses"] for job in workflow()["jobs"] for s in steps(job) if "uses" in s]
    assert used
    for ref in used:
        name, _, version = ref.partition("@")
        assert ACTIONS.get(name) == version, f"{ref} is not one of {ACTIONS}"
    assert {u.partition("@")[0] for u in used} == set(ACTIONS)


def test_build_checks_tests_and_builds_before_uploading() -> None:
    commands = [s.get("run", "") for s in steps("build")]
    order = [
        next(i for i, c in enumerate(commands) if needle in c)
        for needle in (
            "pip install -c constraints.txt -e",
            "build_digest.py check --strict",
            "python -m pytest",
            "mkdocs build --strict",
        )
    ]
    assert order == sorted(order)
    upload = next(
        i for i, s in enumerate(steps("build")) if s.get("uses", "").startswith("actions/upload-pages")
    )
    assert upload > order[-1]
    assert steps("build")[upload]["with"]["path"] == "site"


def test_pre_commit_runs_the_digest_check_and_ruff() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    hooks = {h["id"]: h for h in repo["hooks"]}
    assert hooks["digest-check"]["entry"] == "python build_digest.py check --strict"
    assert hooks["ruff"]["entry"].startswith("ruff check")
    assert hooks["json-schemas"]["entry"] == "python -m newsdigest.schema.json_schema --check"
    for hook in hooks.values():
        assert hook["language"] == "system"
        assert {"id", "name", "entry"} <= set(hook)


def pyproject() -> dict[str, Any]:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_workflow_tests_the_oldest_and_the_newest_supported_python() -> None:
    project = pyproject()["project"]
    assert project["requires-python"] == ">=3.11"
    classified = [c.rsplit(" :: ", 1)[1] for c in project["classifiers"] if "Python :: 3." in c]
    newest = max(classified, key=lambda v: tuple(map(int, v.split("."))))
    assert workflow()["jobs"]["build"]["strategy"]["matrix"]["python"] == ["3.11", newest]


def pins() -> dict[str, str]:
    lines = (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines()
    found = {}
    for line in lines:
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            found[re.sub(r"[-_.]+", "-", name).lower()] = version
    return found


def test_dependencies_are_ranges_and_constraints_pin_a_version_inside_each() -> None:
    project = pyproject()["project"]
    declared = [
        *project["dependencies"],
        *(r for extra in project["optional-dependencies"].values() for r in extra),
    ]
    pinned = pins()
    for text in declared:
        requirement = Requirement(text)
        if requirement.name == "newsdigest":  # `test` includes the `html` extra
            continue
        assert not any(s.operator == "==" for s in requirement.specifier), f"{text}: a range, not a pin"
        name = re.sub(r"[-_.]+", "-", requirement.name).lower()
        assert name in pinned, f"{requirement.name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pinned[name]), f"constraints.txt pins {name} outside {text}"


def quickstart() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, re.S)
    commands = [
        [line for line in block.splitlines() if line and not line.startswith("#")] for block in blocks
    ]
    assert [len(c) for c in commands] == [1, 1], "each quickstart step is one command"
    return [c[0] for c in commands]


def test_quickstart_installs_the_pinned_versions_and_ci_runs_the_test_command() -> None:
    serve, test = quickstart()
    assert "pip install -q -c constraints.txt -e . " in serve and "NO_MKDOCS_2_WARNING=1" in serve
    assert 'pip install -q -c constraints.txt -e ".[test]" && bash scripts/install-browser.sh && ' in test
    assert test in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
