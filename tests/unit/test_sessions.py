"""Warm-up sessions: their model, checks, schema and skeleton; their pages, derived from the handbook."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.load import SESSIONS, read
from generator.model import Session, read_handbook
from tests.conftest import ROOT, run_generator

SESSION_FILES = sorted(p for p in (ROOT / SESSIONS).glob("*.yaml") if "." not in p.stem)


@pytest.fixture(scope="module")
def handbook():
    handbook, problems = read_handbook(ROOT)
    assert problems == []
    return handbook


def test_every_session_file_is_read_as_a_session_and_never_as_a_drill(handbook):
    assert {s.id for s in handbook.sessions} == {p.stem for p in SESSION_FILES}
    assert {d.id for d in handbook.drills} <= {p.stem for p in (ROOT / "drills").glob("*.yaml")}


def test_length_is_the_sum_of_the_blocks_and_the_clock_runs_from_zero(handbook):
    for session in handbook.sessions:
        assert session.minutes == pytest.approx(sum(b.minutes for b in session.blocks))
        clock = session.clock()
        assert clock[0] == 0
        assert all(b - a == pytest.approx(blk.minutes) for a, b, blk in zip(clock, clock[1:], session.blocks))


def test_decimal_minutes_and_a_default_variant_are_read():
    session = Session.model_validate({
        "schema": 1, "id": "x", "name": "X", "summary": "S.",
        "blocks": [{"name": "Jog", "minutes": 2.5, "what": "Jog."}, {"name": "Drills", "minutes": 5, "drills": [{"drill": "a"}]}],
    })
    assert session.minutes == 7.5 and session.blocks[1].drills[0].variant is None


@pytest.mark.parametrize("path", SESSION_FILES, ids=lambda p: p.name)
def test_every_session_is_valid_against_its_schema(path):
    schema = json.loads((ROOT / SESSIONS / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    doc = read(path)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(doc.data)) == []


def test_the_session_schema_refuses_unknown_keys_and_needs_blocks():
    schema = json.loads((ROOT / SESSIONS / "schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) >= {"schema", "id", "name", "summary", "blocks"}
    assert "null" not in json.dumps(schema)


def test_new_session_writes_a_skeleton_that_checks_once_filled(project):
    result = run_generator("new", "--session", "Évening Sprints", cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / "drills" / "sessions" / "evening-sprints.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=schema.json")
    assert 'name: "Évening Sprints"' in text and "Replace:" in text
    path.write_text(text.replace("Replace: ", "Filled in: "))
    checked = run_generator("check", "drills/sessions/evening-sprints.yaml", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert not (project / "drills" / "evening-sprints.yaml").exists()
    again = run_generator("new", "--session", "Evening sprints", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr


def test_a_broken_session_stops_the_check_with_a_located_error(project):
    path = project / "drills" / "sessions" / "broken.yaml"
    path.write_text("schema: 1\nid: broken\nname: B\nsummary: S.\nblocks:\n  - name: Jog\n    minutes: 0\n    what: Jog.\n")
    result = run_generator("check", cwd=project)
    assert result.returncode == 1
    assert "drills/sessions/broken.yaml:7:5: blocks[0].minutes:" in result.stderr and "Traceback" not in result.stderr
