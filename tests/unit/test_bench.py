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
