"""``check --format github`` turns each located problem into an annotation on the pull request."""

from __future__ import annotations

from generator.problems import Problem
from tests.conftest import run_generator


def test_each_problem_becomes_an_annotation_at_its_file_line_and_column(project):
    drill = project / "drills/butt-kickers.yaml"
    drill.write_text(drill.read_text(encoding="utf-8").replace("    cues:\n", "    queus:\n", 1), encoding="utf-8")
    line = next(i for i, text in enumerate(drill.read_text(encoding="utf-8").splitlines(), 1) if "queus:" in text)

    result = run_generator("check", "--format", "github", cwd=project)

    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert f"::error file=drills/butt-kickers.yaml,line={line},col=5,title=variants[0].queus::unknown key 'queus'; did you mean 'cues', which is required?" in annotations
    assert all(a.startswith("::error file=drills/butt-kickers.yaml,") for a in annotations)
    assert f"drills/butt-kickers.yaml:{line}:5: variants[0].queus: unknown key 'queus'" in result.stderr


def test_a_clean_handbook_prints_no_annotation(project):
    result = run_generator("check", "--format", "github", cwd=project)
    assert result.returncode == 0
    assert "::error" not in result.stdout


def test_annotation_text_is_escaped_so_it_cannot_end_early():
    problem = Problem("drills/a,b.yaml", 3, 7, "name", "50% of it\nis wrong: fix it")
    assert problem.github() == "::error file=drills/a%2Cb.yaml,line=3,col=7,title=name::50%25 of it%0Ais wrong: fix it"
