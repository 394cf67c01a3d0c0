"""The suite holds for a club's handbook, not only for the one it ships with.

A copy of the handbook gets the drills of ``tests/data/shapes/``: valid drills of
other shapes than the shipped ones (six variants, eight keyframes with their own
times, a figure always in the air, mistakes without a figure, no sources, text
beyond ASCII, a former id, a drill with no optional field, enough drills to split
the mistakes into pages). The unit and site tests then run against that copy, as
they run against this repository (``HANDBOOK_ROOT``), and must all pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator import paths
from tests.conftest import DATA, REPO, ROOT, copy_handbook

SHAPES = DATA / "shapes"
HERE = Path(__file__).relative_to(REPO)


def test_the_unit_and_site_tests_pass_on_a_handbook_with_drills_of_other_shapes(tmp_path):
    project = copy_handbook(tmp_path / "handbook")
    added = sorted(SHAPES.glob("*.yaml"))
    for drill in added:
        assert not (project / "drills" / drill.name).exists(), drill.name
        shutil.copy(drill, project / "drills" / drill.name)
    drills = len(list((ROOT / "drills").glob("*.yaml"))) + len(added)
    assert drills > paths.MISTAKE_LIST.size, "the copy has more than one page of mistakes"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/unit", "tests/site", f"--ignore={HERE}", "-p", "no:cacheprovider",
         "-p", "no:xdist", "-q", "--basetemp", str(tmp_path / "runs")],
        cwd=REPO, env={**os.environ, "HANDBOOK_ROOT": str(project)}, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout
