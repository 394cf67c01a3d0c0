"""The command line as a club member meets it: located errors, exit codes, the skeleton, schemas."""

import json

import yaml

from generator.model.rules import PLACEHOLDER
from tests.conftest import ROOT, mkdocs_build, run_generator


def test_check_passes_on_the_shipped_handbook():
    result = run_generator("check")
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def test_checking_a_good_file_while_another_is_broken_reports_nothing_of_the_other(project):
    broken = project / "drills" / "butt-kickers.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("level: beginner", "level: expert"), encoding="utf-8")
    result = run_generator("check", "drills/a-skip.yaml", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1 file checked: no problems.\n" and result.stderr == ""
    result = run_generator("check", cwd=project)
    assert result.returncode == 1 and "drills/butt-kickers.yaml:" in result.stderr
    assert result.stderr.endswith("\n1 problem found.\n")


def test_check_points_at_the_line_of_a_mistake(project):
    path = project / "drills" / "butt-kickers.yaml"
    lines = path.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("level:"))
    lines[number] = "level: expert\n"
    path.write_text("".join(lines))
    result = run_generator("check", "drills/butt-kickers.yaml", cwd=project)
    assert result.returncode == 1
    assert f"drills/butt-kickers.yaml:{number + 1}:1: level: 'expert' is not allowed here" in result.stderr
    assert "Traceback" not in result.stderr


def _fields_named(stderr: str, path: str) -> set[str]:
    """The fields of ``path`` that the check's error lines name."""
    return {line.split(": ")[1] for line in stderr.splitlines() if line.startswith(f"{path}:")}


def _placeholder_fields(text: str) -> set[str]:
    """Every field of a drill file whose text still starts with the skeleton's placeholder."""
    found = set()

    def walk(value, name):
        if isinstance(value, str) and value.startswith(PLACEHOLDER):
            found.add(name)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{name}.{key}" if name else key)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{name}[{i}]")

    walk(yaml.safe_load(text), "")
    return found


def test_new_writes_a_skeleton_that_the_check_refuses_until_written(project):
    result = run_generator("new", "Skater Étude", cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / "drills" / "skater-etude.yaml"
    shown = "drills/skater-etude.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=schema.json")
    assert 'name: "Skater Étude"' in text and PLACEHOLDER in text
    placeholders = _placeholder_fields(text)
    assert {"summary", "variants[0].steps[0]", "mistakes[0].fix"} <= placeholders

    checked = run_generator("check", shown, cwd=project)
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    assert _fields_named(checked.stderr, shown) == placeholders | {"variants[0].figure"}
    assert "placeholder" in checked.stderr
    built = mkdocs_build(project, project / "site-out")
    assert built.returncode != 0 and not (project / "site-out" / "index.html").exists()
    for line in checked.stderr.splitlines()[:-1]:
        assert line in built.stdout + built.stderr, line

    path.write_text(text.replace(PLACEHOLDER + " ", "Filled in: "))
    checked = run_generator("check", shown, cwd=project)
    assert checked.returncode == 1
    assert _fields_named(checked.stderr, shown) == {"variants[0].figure"}
    path.write_text(text.replace(PLACEHOLDER + " ", "Filled in: ").replace("trunk: 5", "trunk: 8"))
    checked = run_generator("check", shown, cwd=project)
    assert checked.returncode == 0, checked.stderr
    again = run_generator("new", "Skater Étude", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_schema_describes_the_format():
    drill = json.loads((ROOT / "drills" / "schema.json").read_text())
    assert drill["additionalProperties"] is False
    assert set(drill["required"]) >= {"schema", "id", "name", "summary", "purpose", "level", "muscles", "dosage", "variants", "mistakes"}
    assert "null" not in json.dumps(drill)
