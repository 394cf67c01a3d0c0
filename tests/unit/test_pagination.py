"""Index-like pages are split so that none grows with the handbook; links stay relative ``.md`` links."""

import re
from pathlib import Path

from generator.render import Listing, Paths
from generator.site import build_pages
from tests.conftest import ROOT
from tests.unit.test_synthetic import _synthetic


def test_a_listing_splits_in_order_with_the_first_page_at_its_own_path():
    listing = Listing("things/index.md", "thing-list/{n}.md", 2)
    pages = listing.split(["a", "b", "c", "d", "e"])
    assert [(p.path, p.number, p.items) for p in pages] == [
        ("things/index.md", 1, ("a", "b")), ("thing-list/2.md", 2, ("c", "d")), ("thing-list/3.md", 3, ("e",))]
    assert [p.path for p in listing.split([])] == ["things/index.md"]


def test_mistakes_of_a_large_handbook_are_split_and_linked_to_the_right_page(tmp_path: Path):
    count = Paths.mistake_list.size + 3
    project = _synthetic().make_handbook(ROOT, tmp_path / "handbook", count)
    pages = build_pages(project)
    assert "mistakes.md" in pages and "mistakes/2.md" in pages and "mistakes/3.md" not in pages
    first, second = pages["mistakes.md"], pages["mistakes/2.md"]
    assert "title: Common mistakes, page 2 of 2" in second
    assert "](mistakes/2.md)" in first and "](../mistakes.md)" in second
    # The last drills by name are on page 2; their variant pages link there, by a relative .md path.
    last = sorted(re.findall(r"\{: #(drill-\d+)--mistake-1 \}", second))[0]
    assert f"{{: #{last}--mistake-1 }}" not in first
    assert f"](../../mistakes/2.md#{last}--mistake-1)" in pages[f"drills/{last}/variant-1.md"]
    assert f"](../../mistakes/2.md#{last}--mistake-1)" in pages[f"drills/{last}/index.md"]
    # Drill list: one page up to its size, with every drill.
    assert "drill-list/2.md" not in pages
    assert len(re.findall(r"^## \[", pages["drills/index.md"], re.M)) == count


def test_the_shipped_handbook_has_one_page_of_each_and_no_pager():
    pages = build_pages(ROOT)
    assert not any(p.startswith(("drill-list/", "mistakes/")) for p in pages)
    assert "dh-pager" not in pages["drills/index.md"] and "dh-pager" not in pages["mistakes.md"]


def test_the_pager_shows_the_ends_and_the_pages_near_the_current_one(tmp_path: Path):
    count = Paths.mistake_list.size * 7 + 1   # eight pages of mistakes
    project = _synthetic().make_handbook(ROOT, tmp_path / "handbook", count)
    pages = build_pages(project)
    assert "mistakes/8.md" in pages and "mistakes/9.md" not in pages

    def pager(path: str) -> str:
        return next(line for line in pages[path].splitlines() if " · " in line and "**" in line)

    fifth = pager("mistakes/5.md")
    assert re.findall(r"\[(\d+): ", fifth) == ["1", "3", "4", "6", "7", "8"]
    assert "**5: " in fifth and fifth.count("…") == 1
    first = pager("mistakes.md")
    assert re.findall(r"\[(\d+): ", first) == ["2", "3", "8"]
    assert first.startswith("**1: ") and first.count("…") == 1
