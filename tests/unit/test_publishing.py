"""The files a fork publishes with: GitHub workflows, issue forms and the pre-commit hook."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, ROOT

WORKFLOWS = REPO / ".github/workflows"
FORMS = REPO / ".github/ISSUE_TEMPLATE"


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def _uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def _step(job: dict, action: str) -> dict:
    return next(step for step in job["steps"] if step.get("uses", "").startswith(action + "@"))


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_pull_requests_check_the_drills_with_annotations_and_run_the_tests():
    flow = _load(WORKFLOWS / "check.yml")
    assert "pull_request" in flow["on"]
    drills, tests = flow["jobs"]["drills"], flow["jobs"]["tests"]
    assert _uses(drills) == ["actions/checkout", "actions/setup-python"]
    assert "python -m pip install -r requirements.txt" in _runs(drills)
    assert "python -m generator check --format github" in _runs(drills)
    assert _uses(tests) == ["actions/checkout", "actions/setup-python"]
    run_tests = next(step for step in tests["steps"] if "run" in step and ".ci/run" in step["run"])
    assert run_tests["env"]["CHROME_PATH"] == "/usr/bin/google-chrome"
    assert "make test" in (REPO / ".ci/run").read_text(encoding="utf-8")


def test_main_is_built_and_deployed_with_the_official_pages_actions():
    flow = _load(WORKFLOWS / "publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert _uses(build) == ["actions/checkout", "actions/setup-python", "actions/configure-pages", "actions/cache",
                            "actions/upload-pages-artifact"]
    kept = _step(build, "actions/cache")     # the figures and decks of the last build, named by what made them
    assert kept["with"]["path"] == ".cache" and kept["with"]["restore-keys"]
    pages_id = _step(build, "actions/configure-pages")["id"]
    site_step = next(step for step in build["steps"] if "mkdocs build" in step.get("run", ""))
    assert "--strict" in site_step["run"]
    assert site_step["env"]["SITE_URL"].startswith(f"${{{{ steps.{pages_id}.outputs.base_url }}}}")
    site_dir = re.search(r"--site-dir (\S+)", site_step["run"]).group(1)
    assert _step(build, "actions/upload-pages-artifact")["with"]["path"] == site_dir
    assert deploy["needs"] == "build"
    assert _uses(deploy) == ["actions/deploy-pages"]
    deploy_id = _step(deploy, "actions/deploy-pages")["id"]
    assert deploy["environment"] == {"name": "github-pages", "url": f"${{{{ steps.{deploy_id}.outputs.page_url }}}}"}


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_major_version(path):
    for job in _load(path)["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"]), step["uses"]


FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


@pytest.mark.parametrize("name", ["propose-a-drill.yml", "correct-a-drill.yml"])
def test_issue_forms_are_well_formed_and_ask_for_the_licence(name):
    form = _load(FORMS / name)
    assert form["name"] and form["description"]
    ids = [element["id"] for element in form["body"] if element["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    for element in form["body"]:
        assert element["type"] in FORM_TYPES
        if element["type"] != "markdown":
            assert element["attributes"]["label"]
        if element["type"] == "dropdown":
            assert element["attributes"]["options"]
    assert any(element.get("validations", {}).get("required") for element in form["body"])
    licence = next(element for element in form["body"] if element.get("id") == "licence")
    assert all(option["required"] for option in licence["attributes"]["options"])
    assert "CC BY-SA 4.0" in licence["attributes"]["options"][0]["label"]


def _hook(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    hooks = data if isinstance(data, list) else [h for repo in data["repos"] for h in repo["hooks"]]
    return next(h for h in hooks if h["id"] == "check-drills")


def test_the_pre_commit_hook_is_the_same_for_this_repository_and_for_others():
    shared = _hook(REPO / ".pre-commit-hooks.yaml")
    shared.pop("description")
    assert shared == _hook(REPO / ".pre-commit-config.yaml")


@pytest.mark.parametrize(
    "path, checked",
    [
        ("drills/skater-hops.yaml", True),
        ("drills/guides/footwear.yaml", True),
        ("drills/schema.json", False),
        ("docs/index.md", False),
        ("templates/new-drill.yaml", False),
        (".github/workflows/check.yml", False),
    ],
)
def test_the_pre_commit_hook_runs_on_drill_files_only(path, checked):
    assert bool(re.search(_hook(REPO / ".pre-commit-config.yaml")["files"], path)) is checked


def test_the_pre_commit_hook_reports_a_bad_drill_as_pre_commit_calls_it(tmp_path):
    bad = tmp_path / "butt-kickers.yaml"
    bad.write_text((ROOT / "drills/butt-kickers.yaml").read_text(encoding="utf-8").replace("level: ", "levle: ", 1), encoding="utf-8")
    entry = shlex.split(_hook(REPO / ".pre-commit-config.yaml")["entry"])
    python = REPO / entry[0]
    command = [str(python) if python.exists() else sys.executable, *entry[1:], str(bad)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert re.search(rf"^{re.escape(str(bad))}:\d+:1: levle: unknown key 'levle'; did you mean 'level', which is required\?$", result.stderr, re.MULTILINE)
