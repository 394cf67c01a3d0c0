"""A broken drill, template or page never leaves a half-built site or export behind.

The previous ``site/`` (a copy of the shipped handbook's build) and a previous export
must stay byte-identical when a build or an export meets a problem, and the problem
must be reported located, without a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.write import write_tree
from tests.conftest import DATA, mkdocs_build, run_generator

BAD_DRILL = DATA / "bad" / "nan.yaml"
BAD_DRILL_PROBLEM = "drills/nan.yaml:29:11: variants[0].figure.keyframes[1].trunk: must be a finite number"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (folders included, so new empty ones show)."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else b"<dir>") for p in sorted(folder.rglob("*"))}


@pytest.fixture
def previous_site(built_site, tmp_path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    return site


@pytest.fixture
def previous_export(tmp_path) -> Path:
    out = tmp_path / "export"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "index.md").write_text("# The last good export\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text("site_name: Last good\n", encoding="utf-8")
    return out


def assert_fails_cleanly(result, *located: str) -> None:
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "Traceback" not in out, out
    for words in located:
        assert words in out, out


def test_invalid_drill_stops_the_build_before_site_is_cleaned(project, previous_site):
    shutil.copy(BAD_DRILL, project / "drills" / "nan.yaml")
    before = snapshot(previous_site)
    assert len(before) > 20
    result = mkdocs_build(project, previous_site)
    assert_fails_cleanly(result, BAD_DRILL_PROBLEM, "the site was not built")
    assert snapshot(previous_site) == before


def test_failing_export_leaves_the_previous_export_untouched(project, previous_export):
    shutil.copy(BAD_DRILL, project / "drills" / "nan.yaml")
    before = snapshot(previous_export)
    result = run_generator("export", str(previous_export), cwd=project)
    assert_fails_cleanly(result, BAD_DRILL_PROBLEM)
    assert result.returncode == 1
    assert snapshot(previous_export) == before
    assert sorted(p.name for p in previous_export.parent.iterdir()) == ["export", "handbook"]


def test_export_replaces_the_previous_export_whole(project, previous_export):
    result = run_generator("export", str(previous_export), cwd=project)
    assert result.returncode == 0, result.stderr
    assert "Last good" not in (previous_export / "mkdocs.yml").read_text(encoding="utf-8")
    assert (previous_export / "docs/drills/butt-kickers/index.md").is_file()
    assert sorted(p.name for p in previous_export.parent.iterdir()) == ["export", "handbook"]


def test_write_that_fails_midway_leaves_the_destination_untouched(previous_export):
    before = snapshot(previous_export)
    with pytest.raises(TypeError):
        write_tree({"docs/a.md": "written first", "docs/b.md": object()}, previous_export)
    assert snapshot(previous_export) == before
    assert [p.name for p in previous_export.parent.iterdir()] == ["export"]


# A club's broken override: (path under templates/overrides, content, line the error must name, words).
# Content is a whole new template, or (shipped text, replacement) for the shipped one,
# whose error is on the line of the replaced text.
BROKEN_TEMPLATES = {
    "syntax-error": ("pages/variant.md", "---\ntitle: x\n---\n\n# {{ drill.name | md }\n", 5, "template syntax error"),
    "unclosed-block": ("pages/footwear.md", "# Footwear\n\n{% for c in guide.criteria %}\n{{ c.name }}\n", 4, "template syntax error"),
    "undefined-variable": ("pages/drill.md", ("# {{ drill.name | md }}", "# {{ drill_title }}"), None, "'drill_title' is undefined"),
    "undefined-attribute": ("partials/macros.j2", ("d.distance_m is not none", "d.distance_km"), None, "has no attribute 'distance_km'"),
}


def _write_override(project: Path, case: str) -> tuple[str, str]:
    """Write the broken override; return the location its error must name, and the words."""
    rel, content, line, words = BROKEN_TEMPLATES[case]
    if isinstance(content, tuple):
        shipped = (project / "templates" / rel).read_text(encoding="utf-8")
        old, new = content
        assert old in shipped
        line = shipped[: shipped.index(old)].count("\n") + 1
        content = shipped.replace(old, new, 1)
    target = project / "templates" / "overrides" / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return f"templates/overrides/{rel}:{line}:1: (template): ", words


@pytest.mark.parametrize("case", BROKEN_TEMPLATES)
def test_broken_template_is_named_with_its_line(project, previous_site, previous_export, case):
    located, words = _write_override(project, case)
    site_before, export_before = snapshot(previous_site), snapshot(previous_export)

    result = run_generator("export", str(previous_export), cwd=project)
    assert_fails_cleanly(result, located, words)
    assert result.returncode == 1
    assert snapshot(previous_export) == export_before

    result = mkdocs_build(project, previous_site)
    assert_fails_cleanly(result, located, words, "the site was not built")
    assert snapshot(previous_site) == site_before


def test_broken_skeleton_template_stops_new(project):
    target = project / "templates" / "overrides" / "new-drill.yaml"
    target.write_text("schema: 1\nid: {{ id }}\nname: {{ drill_name }}\n", encoding="utf-8")
    result = run_generator("new", "Skater Hops", cwd=project)
    assert_fails_cleanly(result, "templates/overrides/new-drill.yaml:3:1: (template): ", "'drill_name' is undefined")
    assert not (project / "drills" / "skater-hops.yaml").exists()


def test_hand_written_page_on_a_generated_path_stops_the_build_first(project, previous_site):
    (project / "docs" / "mistakes.md").write_text("# My own mistakes page\n", encoding="utf-8")
    before = snapshot(previous_site)
    result = mkdocs_build(project, previous_site)
    assert_fails_cleanly(result, "docs/mistakes.md: this hand-written page has the path of a generated page")
    assert snapshot(previous_site) == before
