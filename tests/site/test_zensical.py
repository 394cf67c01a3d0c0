"""Engine independence: the exported tree builds with Zensical, which runs no MkDocs hooks,
and stays a tree that MkDocs builds too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.model import read_handbook
from tests.conftest import mkdocs_build, run_generator


@pytest.fixture
def exported(project) -> tuple[Path, Path]:
    """The handbook (one drill renamed, so it has an old address) exported to a folder of its own."""
    drill = project / "drills/butt-kickers.yaml"
    drill.write_text(drill.read_text(encoding="utf-8").replace("id: butt-kickers\n", "id: butt-kickers\nformer_ids: [heel-flicks]\n", 1),
                     encoding="utf-8")
    out = project.parent / "exported"
    result = run_generator("export", str(out), cwd=project)
    assert result.returncode == 0, result.stderr
    return project, out


def test_zensical_builds_every_page_figure_and_the_search_index(exported):
    project, out = exported
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean"], cwd=out,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    site = out / "site"
    handbook, _ = read_handbook(project)
    for drill in handbook.drills:
        assert (site / "drills" / drill.id / "index.html").is_file(), drill.id
        for variant in drill.variants:
            page = (site / "drills" / drill.id / variant.id / "index.html").read_text(encoding="utf-8")
            assert page.count('<svg class="dh-strip') == 1, f"{drill.id}/{variant.id} has no figure"
            assert variant.name.split()[0] in page
    for name in ("mistakes", "footwear", "drills"):
        assert (site / name / "index.html").is_file()
    assert 'url=../butt-kickers/' in (site / "drills/heel-flicks/index.html").read_text(encoding="utf-8")
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    locations = {item["location"] for item in index["items"]}
    for drill in handbook.drills:
        for variant in drill.variants:
            assert f"drills/{drill.id}/{variant.id}/" in locations, f"{drill.id}/{variant.id} is not in the search index"


def test_the_exported_tree_still_builds_with_mkdocs(exported, tmp_path):
    _, out = exported
    result = mkdocs_build(out, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/drills/butt-kickers/heels-pelvis/index.html").is_file()
    assert (tmp_path / "site/drills/heel-flicks/index.html").is_file()
    assert "hooks" not in yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
