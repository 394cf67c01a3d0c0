"""The offline copy works from the file system, with no server and no network: pages,
search and the links of its results."""

from pathlib import Path

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

