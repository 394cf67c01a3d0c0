"""The benchmark's pure parts: the floor's pages and settings, what counts as a page, and the targets."""

import importlib.util
import sys

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from tests.conftest import REPO, ROOT

BENCH = REPO / "tests" / "bench"


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module    # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


floor = _module("floor")


def test_a_floor_page_is_a_heading_and_its_share_of_text():
    page = floor.page_markdown(7)
    heading, body = page.split("\n\n", 1)
    assert heading == "# Page 7"
    assert abs(len(body.strip().encode()) - floor.PAGE_TEXT) <= 2
    assert page == floor.page_markdown(7) and page != floor.page_markdown(8)


def test_the_floor_has_as_many_pages_as_asked_and_one_in_its_navigation():
    pages = floor.floor_pages(25)
    assert len(pages) == 25 and "index.md" in pages
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml.load(f, Loader=get_yaml_loader())
    settings = floor.floor_config(config)
    assert settings["nav"] == ["index.md"]
    assert "hooks" not in settings and "watch" not in settings
    for key in ("theme", "plugins", "markdown_extensions", "extra_css", "extra_javascript"):
        assert settings.get(key) == config.get(key)


def test_pages_are_html_files_but_404_and_redirect_stubs(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<html><body>page</body></html>")
    (tmp_path / "404.html").write_text("<html>not found</html>")
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "index.html").write_text('<html><head><meta http-equiv="refresh" content="0; url=../a/"></head></html>')
    (tmp_path / "styles.css").write_text("a {}")
    assert [p.relative_to(tmp_path).as_posix() for p in floor.site_pages(tmp_path)] == ["a/index.html"]


def test_targets_are_met_at_their_limit_and_missed_beyond():
    assert floor.at_most("x", 40.0, 40, "40 s").met
    assert not floor.at_most("x", 40.1, 40, "40.1 s").met
    assert floor.ratio("r", 20.0, 10.0, 2.0).met
    missed = floor.ratio("r", 15.1, 10.0, 1.5, cpu=(14.0, 10.0))
    assert not missed.met and "1.51 ×" in missed.measured and "1.40 ×" in missed.measured


def test_the_bench_sizes_follow_the_environment(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    benchmark = _module("benchmark")
    assert benchmark.sizes({}) == (benchmark.SIZES, benchmark.RUNS)
    assert benchmark.sizes({"BENCH_QUICK": "1"}) == (benchmark.QUICK, 1)
    assert benchmark.sizes({"BENCH_SIZES": "50, 200, 20", "BENCH_RUNS": "2"}) == ((50, 200, 20), 2)


def test_a_new_report_keeps_the_notes_written_by_hand(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(BENCH))
    benchmark = _module("benchmark")
    report = tmp_path / "REPORT.md"
    assert benchmark.with_notes("# New\n", report) == "# New\n"
    report.write_text(f"# Old\n\n{benchmark.NOTES}\n\nWhy the warm build is slow.\n")
    assert benchmark.with_notes("# New\n", report) == f"# New\n\n{benchmark.NOTES}\n\nWhy the warm build is slow.\n"


def test_the_report_shows_each_target_with_the_floor_and_its_ratios(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    benchmark = _module("benchmark")
    run = benchmark.Run
    size = benchmark.SiteSize(100, 40_000, 300_000, "mistakes/index.html", 2_000_000, 5_000_000, 900_000)
    small = benchmark.Sized(250, cold=[run(20, 19, 300), run(18, 17, 300)], warm=[run(14, 13, 290)] * 2,
                            floor=[run(10, 9, 60), run(9, 8.5, 60)], size=size, floor_size=size)
    big = benchmark.Sized(1000, cold=[run(45, 44, 900)], floor=[run(30, 29, 80)], size=size, floor_size=size)
    ship = {"build": [run(2, 2, 50)], "cold": [run(8, 8, 90)], "warm": [run(2.5, 2.4, 60)], "cards": 10}
    measured = benchmark.Measured(small, big, 100, [3.0, 5.0], ship)
    met = {t.what: t.met for t in benchmark.targets(measured)}
    assert met["250 drills, one language, cold build ≤ 2.0 × the floor"]            # 18 s over 9 s
    assert not met["250 drills, one language, after editing one drill (caches kept) ≤ 1.5 × the floor"]  # 14 over 9
    assert not met["1000 drills, one language, cold ≤ 40 s"]
    assert met["`mkdocs serve`, 100 drills: an edited drill shows ≤ 4 s"]
    text = benchmark.report(measured, (2, 1), (1.0, 2.0), "today", 60)
    assert "18.0 s = 2.00 × the floor (9.0 s)" in text and "| **no** |" in text
