"""Pages for contributors stay out of the readers' way: the benchmark report lives in the
repository, the club guide and the format sit under "For clubs" and rank low in search, and
the README says how to look at a built site and why cards may lack QR codes."""

from __future__ import annotations

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from tests.conftest import REPO, ROOT


def _front_matter(path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n", 2)[1])


def test_the_benchmark_report_is_kept_in_the_repository_not_in_the_site():
    from tests.bench import benchmark

    assert benchmark.OUTPUT == REPO / "tests" / "bench" / "REPORT.md"
    assert benchmark.OUTPUT.is_file()
    assert not (REPO / "docs" / "benchmarks.md").exists()


@pytest.mark.parametrize(("config", "docs", "clubs"), [("mkdocs.yml", "docs", "For clubs"),
                                                       ("mkdocs.fr.yml", "docs/fr", "Pour les clubs")])
def test_club_pages_sit_under_for_clubs_and_rank_low_in_search(config, docs, clubs):
    path = ROOT / config
    if not path.exists():
        pytest.skip(f"{config}: no such language")
    nav = yaml.load(path.read_text(encoding="utf-8"), Loader=get_yaml_loader())["nav"]
    sections = {next(iter(item)): next(iter(item.values())) for item in nav}
    pages = [next(iter(p.values())) for p in sections[clubs]]
    assert {"club.md", "format.md"} <= set(pages)
    assert not [p for p in pages if "bench" in p]
    for page in ("club.md", "format.md"):
        assert _front_matter(ROOT / docs / page)["search"]["boost"] < 1, page


def test_the_readme_says_how_to_look_at_a_built_site_and_how_cards_get_qr_codes():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "python -m http.server -d site" in readme
    cards = readme.split("## Printable cards", 1)[1].split("\n## ", 1)[0]
    first = cards.strip().split("\n\n", 1)[0]
    assert "QR" in first and "SITE_URL" in first and "site_url" in first
