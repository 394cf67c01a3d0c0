"""The offline copy works from the file system, with no server and no network: pages,
search and the links of its results."""

import io
import math
from pathlib import Path

import pypdf
import pytest

from .conftest import search

pytestmark = pytest.mark.browser


def test_offline_copy_searches_and_follows_a_result(page, offline_site):
    page.context.route("http*://**", lambda route: route.abort())  # no network at the track
    page.goto((offline_site / "index.html").as_uri())
    assert page.locator("article h1").count() == 1
    results = search(page, "heel flicks")
    assert results and results[0].startswith("file://")
    page.locator(".md-search-result__list > li > a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert Path(page.url.split("?")[0].removeprefix("file://")) == offline_site / "drills" / "butt-kickers" / "index.html"
    assert page.locator("article h1").inner_text().startswith("Butt Kickers")
    assert page.problems == []



def test_offline_card_picker_shows_prints_and_changes_the_cards(page, offline_site, handbook):
    """From file:// the picker loads each chosen drill's cards (a script per drill: no fetch),
    shows them, changes with the choice, and prints each sheet's fronts then its backs."""
    page.context.route("http*://**", lambda route: route.abort())
    drill, other = handbook.drills[0], handbook.drills[-1]
    page.goto((offline_site / "cards" / "index.html").as_uri() + f"?drills={drill.id}")
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
    status = page.locator(".dh-picker-status").inner_text()
    assert "could not be loaded" not in status and f"{len(drill.variants)} card" in status
    fronts = page.locator(".dh-deck .dh-card-front")
    assert fronts.count() == len(drill.variants)
    assert page.locator(".dh-deck .dh-card-back").count() == len(drill.variants)
    assert fronts.first.locator(".dh-card-name").inner_text() == drill.variants[0].name
    assert fronts.first.locator("svg.dh-strip").first.is_visible()

    page.get_by_role("checkbox", name=other.name, exact=True).check()
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
    assert fronts.count() == len(drill.variants) + len(other.variants)
    assert page.url.endswith(f"?drills={drill.id},{other.id}")

    printed = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(printed.pages) == 2 * math.ceil((len(drill.variants) + len(other.variants)) / 4)
    first_back = " ".join((printed.pages[1].extract_text() or "").split())
    assert drill.variants[0].steps[0].split()[0] in first_back
    assert page.problems == []
