"""The built handbook opens in a real browser without errors."""

import pytest

pytestmark = pytest.mark.browser


def test_variant_page_shows_its_figure(page, site_url):
    page.goto(site_url + "drills/butt-kickers/heels-pelvis/")
    assert page.locator("h1").inner_text().startswith("Butt Kickers")
    figure = page.locator("svg[role=img]").first
    assert figure.is_visible()
    assert "Heels to pelvis" in figure.locator("title").text_content()
    assert page.problems == []
