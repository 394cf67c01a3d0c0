"""Finished HTML that a club writes on several lines in an override, marked with
``{% filter html_block %}``: the hook sets it aside from Markdown and puts it back,
the exported tree holds it inline, and the search index reads it, or leaves it out
when its outer element says ``data-search-exclude``, in the MkDocs build and in the
exported tree built with MkDocs and with Zensical."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.blocks import END, START, marked, unmark
from generator.build import build_pages
from tests.conftest import copy_handbook, mkdocs_build, run_generator, without_language_links

NOTE = """<div class="club-note" id="club-note">
  <p>Riverside note:
     laces double-knotted before every drill.</p>
</div>"""
HIDDEN = """<div class="club-kit" data-search-exclude="">
  <p>Kit cupboard code
     4711.</p>
</div>"""
OVERRIDE_BLOCKS = f"""{{% filter html_block %}}
{NOTE}
{{% endfilter %}}

{{% filter html_block %}}
{HIDDEN}
{{% endfilter %}}

Read [our note](#club-note) before the drills.

"""
SEEN, UNSEEN = "laces double-knotted", "Kit cupboard"


@pytest.fixture(scope="module")
def club(tmp_path_factory) -> Path:
    """The handbook with an override of the footwear page that adds the two blocks."""
    project = copy_handbook(tmp_path_factory.mktemp("club") / "handbook")
    shipped = (project / "templates/pages/footwear.md").read_text(encoding="utf-8")
    assert "## {{ _(\"What to look for\") }}\n" in shipped
    override = project / "templates/overrides/pages/footwear.md"
    override.parent.mkdir(parents=True, exist_ok=True)
    heading = "## {{ _(\"What to look for\") }}\n"
    override.write_text(shipped.replace(heading, OVERRIDE_BLOCKS + heading, 1), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def hooked_site(club, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("hooked")
    result = mkdocs_build(club, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def exported(club, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exported") / "tree"
    result = run_generator("export", str(out), cwd=club)
    assert result.returncode == 0, result.stderr
    return out


def _index_text(entries: list[dict], page: str) -> str:
    return " ".join(e["title"] + " " + e["text"] for e in entries if e["location"].split("#")[0] == page)


def test_the_blocks_are_marked_whole_and_set_aside_by_the_hook(club):
    from generator.mkdocs_hook import _SiteBuild

    page = build_pages(club)["footwear.md"]
    blocks = marked(page)
    assert NOTE in blocks and HIDDEN in blocks
    aside = _SiteBuild({})
    markdown = aside.take(page)
    assert SEEN not in markdown and UNSEEN not in markdown and START not in markdown and END not in markdown
    assert "club-note" in aside.anchors(markdown)
    before_search = aside.restore(markdown, "html")
    assert NOTE in before_search and UNSEEN not in before_search
    assert aside.restore(before_search, "hidden") == unmark(page)


def test_the_mkdocs_build_shows_both_and_indexes_only_the_searchable_one(hooked_site):
    html = (hooked_site / "footwear/index.html").read_text(encoding="utf-8")
    assert NOTE in html and HIDDEN in html
    entries = json.loads((hooked_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert SEEN in _index_text(entries, "footwear/")
    assert not [e["location"] for e in entries if UNSEEN in e["text"]]


def test_the_exported_tree_holds_the_blocks_inline_and_builds_the_same_with_mkdocs(exported, hooked_site, tmp_path):
    markdown = (exported / "docs/footwear.md").read_text(encoding="utf-8")
    assert NOTE in markdown and HIDDEN in markdown
    assert not any(START in p.read_text(encoding="utf-8") for p in (exported / "docs").rglob("*.md"))
    site = tmp_path / "site"
    result = mkdocs_build(exported, site)
    assert result.returncode == 0, result.stderr
    page = "footwear/index.html"
    pages = [without_language_links((s / page).read_text(encoding="utf-8")) for s in (site, hooked_site)]
    assert pages[0] == pages[1]
    entries = [json.loads((s / "search/search_index.json").read_text(encoding="utf-8"))["docs"] for s in (site, hooked_site)]
    assert sorted(map(json.dumps, entries[0])) == sorted(map(json.dumps, entries[1]))


def test_the_exported_tree_builds_with_zensical_and_its_index_leaves_the_excluded_block_out(exported):
    result = subprocess.run([sys.executable, "-m", "zensical", "build", "--clean"], cwd=exported, check=False,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (exported / "site/footwear/index.html").read_text(encoding="utf-8")
    # Zensical keeps the blocks as written, less the attribute it acts on.
    assert NOTE in html and HIDDEN.replace(' data-search-exclude=""', "") in html
    items = json.loads((exported / "site/search.json").read_text(encoding="utf-8"))["items"]
    assert SEEN in _index_text(items, "footwear/")
    assert not [i["location"] for i in items if UNSEEN in i["text"]]
