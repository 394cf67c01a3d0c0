"""Warm-up sessions: their model, checks, schema and skeleton; their pages, derived from the handbook."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from generator import paths
from generator.build import Settings, build_pages
from generator.cards import PAPERS
from generator.environment import environment
from generator.figure.draw import Figures
from generator.load import SESSIONS, read
from generator.model import Session, read_handbook
from generator.paths import Site
from generator.sessions import sheet_html
from tests.conftest import DATA, ROOT, run_generator

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


# ---- the pages ----

@pytest.fixture(scope="module")
def pages():
    return build_pages(ROOT, Settings())


def _clock(minutes: float) -> str:
    seconds = round(minutes * 60)
    return f"{seconds // 60}:{seconds % 60:02d}"


def _length(minutes: float) -> str:
    return f"{minutes:g} min"


def test_the_list_shows_every_session_with_its_length(handbook, pages):
    listing = pages[paths.SESSIONS]
    for session in handbook.sessions:
        assert f'href="../{session.id}/"' in listing or f'href="{session.id}/"' in listing
        assert _length(session.minutes) in listing


def test_a_session_page_is_a_timeline_with_its_clock_total_and_links_to_variants(handbook, pages):
    for session in handbook.sessions:
        page = pages[paths.session(session.id)]
        clocks = [_clock(start) for start in session.clock()]
        positions = [page.index(f'<span class="dh-clock">{c}</span>') for c in clocks]
        assert positions == sorted(positions), session.id
        assert f"Total: <strong>{_length(session.minutes)}</strong>" in page
        for item in (d for b in session.blocks for d in b.drills):
            drill = handbook.drill(item.drill)
            variant = item.variant or drill.variants[0].id
            assert f'href="../../drills/{drill.id}/{variant}/"' in page
            assert f'src="../../figures/{drill.id}--{variant}.svg"' in page
            assert paths.thumb(drill.id, variant) in pages


def test_a_session_shows_its_own_dosage_when_it_gives_one(handbook, pages):
    env = environment(ROOT)
    dosage = env.get_template("partials/macros.j2").module.dosage
    for session in handbook.sessions:
        page = pages[paths.session(session.id)]
        for item in (d for b in session.blocks for d in b.drills if d.dosage):
            assert f'<p class="dh-step-dosage">{dosage(item.dosage)}</p>' in page


def test_drill_pages_list_the_sessions_that_use_them(handbook, pages):
    for drill in handbook.drills:
        using = [s for s in handbook.sessions if any(d.drill == drill.id for b in s.blocks for d in b.drills)]
        page = pages[paths.drill(drill.id)]
        assert ("In warm-up sessions" in page) == bool(using)
        for session in using:
            assert f"(../../sessions/{session.id}.md)" in page


def test_the_old_warm_up_address_leads_to_the_general_session(handbook, pages):
    if not any(s.id == "general" for s in handbook.sessions):
        pytest.skip("this handbook has no general session")
    assert 'url=../sessions/general/"' in pages["warm-up/index.html"]


def test_a_length_with_a_decimal_is_shown_as_written(project):
    path = project / "drills" / "sessions" / "half.yaml"
    path.write_text("schema: 1\nid: half\nname: Half\nsummary: S.\nblocks:\n  - name: Jog\n    minutes: 2.5\n    what: Jog.\n"
                    "  - name: Walk\n    minutes: 25\n    what: Walk.\n")
    page = build_pages(project, Settings())[paths.session("half")]
    assert "27.5 min" in page and '<span class="dh-clock">2:30</span>' in page


def test_payloads_in_every_text_field_of_a_session_are_shown_as_text(project):
    shutil.copy(DATA / "injection" / "session.yaml", project / "drills" / "sessions" / "payload-session.yaml")
    built = build_pages(project, Settings())
    page = built[paths.session("payload-session")]
    for raw in ("<script>window", "<img src=x", "<svg onload", "<iframe", "<details open", 'href="javascript'):
        assert raw not in page
    assert "&lt;script&gt;window.__pwned=" in page and "&lt;details open ontoggle" in page
    assert "looplooploop" not in page and "{{ 7*7 }}" in page
    html = sheet_html(environment(project), read_handbook(project)[0], read_handbook(project)[0].session("payload-session"),
                      PAPERS["a4"], Site(), Figures())
    assert "<script>window" not in html and "<img src=x" not in html and "&lt;script&gt;window.__pwned=" in html
