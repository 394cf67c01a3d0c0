"""The benchmark's synthetic handbook is a valid handbook, the same every time."""

import importlib.util
from pathlib import Path

from generator.model import read_handbook
from tests.conftest import REPO, ROOT


def _synthetic():
    spec = importlib.util.spec_from_file_location("synthetic", REPO / "tests" / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_drills_pass_every_check(tmp_path: Path):
    synthetic = _synthetic()
    project = synthetic.make_handbook(ROOT, tmp_path / "handbook", 12)
    handbook, problems = read_handbook(project)
    assert problems == []
    assert [d.id for d in handbook.drills] == [synthetic.drill_id(i) for i in range(12)]
    for drill in handbook.drills:
        assert len(drill.variants) == synthetic.VARIANTS and len(drill.mistakes) == synthetic.MISTAKES
        assert all(m.figure is not None for m in drill.mistakes)
        assert all(len(v.figure.keyframes) == synthetic.KEYFRAMES for v in drill.variants)
    assert handbook.drill("drill-0000").progressions == ["drill-0001"]
    assert handbook.drill("drill-0011").regressions == ["drill-0010"]


def test_synthetic_drills_are_the_same_every_time(tmp_path: Path):
    synthetic = _synthetic()
    synthetic.write_drills(tmp_path / "a", 5)
    synthetic.write_drills(tmp_path / "b", 5)
    for path in sorted((tmp_path / "a" / "drills").glob("*.yaml")):
        assert path.read_bytes() == (tmp_path / "b" / "drills" / path.name).read_bytes()
