"""Index-like pages are split so that none grows with the handbook; links stay relative ``.md`` links."""

import math
import re
from pathlib import Path

from generator import paths
from generator.build import build_pages
from generator.pagination import Listing, window
from tests.conftest import ROOT
from tests.unit.test_synthetic import _synthetic


def test_a_listing_splits_in_order_with_the_first_page_at_its_own_path():
    listing = Listing("things/index.md", "thing-list/{n}.md", 2)
    pages = listing.split(["a", "b", "c", "d", "e"])
    assert [(p.path, p.number, p.items) for p in pages] == [
        ("things/index.md", 1, ("a", "b")), ("thing-list/2.md", 2, ("c", "d")), ("thing-list/3.md", 3, ("e",))]
    assert [p.path for p in listing.split([])] == ["things/index.md"]


def test_mistakes_of_a_large_handbook_are_split_and_linked_to_the_right_page(tmp_path: Path):
    count = paths.MISTAKE_LIST.size + 3
    project = _synthetic().make_handbook(ROOT, tmp_path / "handbook", count)
    pages = build_pages(project)
    assert "mistakes.md" in pages and "mistakes/2.md" in pages and "mistakes/3.md" not in pages
    first, second = pages["mistakes.md"], pages["mistakes/2.md"]
    assert 'title: "Common mistakes, page 2 of 2"' in second   # front matter values are quoted YAML strings
    assert "](mistakes/2.md)" in first and "](../mistakes.md)" in second
    # The last drills by name are on page 2; their variant pages link there, by a relative .md path.
    last = min(re.findall(r"\{: #(drill-\d+)--mistake-1 \}", second))
    assert f"{{: #{last}--mistake-1 }}" not in first
    assert f"](../../mistakes/2.md#{last}--mistake-1)" in pages[f"drills/{last}/variant-1.md"]
    assert f"](../../mistakes/2.md#{last}--mistake-1)" in pages[f"drills/{last}/index.md"]
    # Drill list: one page up to its size, with every drill.
    assert "drill-list/2.md" not in pages
    assert pages["drills/index.md"].count('<li class="dh-tile">') == count


def test_the_handbook_has_as_many_list_pages_as_its_drills_need(handbook):
    pages = build_pages(ROOT)
    for listing in (paths.DRILL_LIST, paths.MISTAKE_LIST):
        count = math.ceil(len(handbook.drills) / listing.size)
        assert listing.path(count) in pages and listing.path(count + 1) not in pages
        assert ("dh-pager" in pages[listing.first]) == (count > 1)


def test_the_pager_window_keeps_the_ends_and_the_neighbours():
    pages = Listing("a.md", "a/{n}.md", 1).split(list(range(9)))
    shown = window(pages, pages[4])
    assert [(s.after_gap, s.page.number) for s in shown] == [(False, 1), (True, 3), (False, 4), (False, 5), (False, 6),
                                                            (False, 7), (True, 9)]
    assert [s.page.number for s in window(pages[:1], pages[0])] == [1]


def test_the_pager_shows_the_ends_and_the_pages_near_the_current_one(tmp_path: Path):
    count = paths.MISTAKE_LIST.size * 7 + 1   # eight pages of mistakes
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
