"""The open data in the built sites: beside the pages, in the offline copy (and so its
zip), never in the search index."""

from __future__ import annotations

import json
import zipfile

import jsonschema

from generator import paths
from tests.conftest import run_generator


def test_the_site_publishes_the_data_and_the_search_leaves_it_out(built_site, handbook):
    opened = json.loads((built_site / paths.DATA).read_text(encoding="utf-8"))
    schema = json.loads((built_site / paths.DATA_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(opened)
    assert [d["id"] for d in opened["drills"]] == [d.id for d in handbook.drills]
    for drill in opened["drills"]:
        for item in [drill, *drill["variants"], *drill["mistakes"]]:
            assert (built_site / item["url"].partition("#")[0] / "index.html").is_file(), item["url"]
    search = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any("handbook.json" in doc["location"] for doc in search["docs"])


def test_the_offline_copy_and_its_zip_hold_the_data(offline_site, tmp_path):
    """The offline copy's addresses are its own (``.html`` files): each names a file it holds."""
    opened = json.loads((offline_site / paths.DATA).read_text(encoding="utf-8"))
    for drill in opened["drills"]:
        for item in [drill, *drill["variants"], *drill["mistakes"]]:
            assert (offline_site / item["url"].partition("#")[0]).is_file(), item["url"]
    archive = tmp_path / "offline.zip"
    result = run_generator("zip", str(offline_site), str(archive))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(archive) as z:
        assert f"drill-handbook/{paths.DATA}" in z.namelist()
        assert f"drill-handbook/{paths.DATA_SCHEMA}" in z.namelist()
