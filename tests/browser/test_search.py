"""Material's search, typed into as a reader does, finds drills by alias and muscle,
mistakes by their explanation and the footwear guide by its advice."""

from urllib.parse import urlsplit

import pytest

from .conftest import search

pytestmark = pytest.mark.browser

# (query, the page or section expected, among the first N result links)
EXPECTED = [
    ("heel flicks", "/drills/butt-kickers/", 1),
    ("hamstrings", "/drills/butt-kickers/", 5),
    ("legs give up", "/mistakes/#butt-kickers--legs-give-up", 3),
    ("soles", "/footwear/", 3),
]


def target(href: str) -> str:
    """A result link without Material's highlight parameter: path and fragment."""
    parts = urlsplit(href)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


@pytest.mark.parametrize("query, expected, within", EXPECTED, ids=[q for q, _, _ in EXPECTED])
def test_search_ranks_the_right_page_high(page, site_url, query, expected, within):
    page.goto(site_url)
    results = [target(href) for href in search(page, query)]
    assert expected in results[:within], f"{query!r}: {results[:within + 3]}"
    assert page.problems == []


@pytest.mark.parametrize("query, expected, heading", [
    ("heel flicks", "/drills/butt-kickers/", "Butt Kickers"),
    ("legs give up", "/mistakes/#butt-kickers--legs-give-up", "Heels flicked out behind the body"),
])
def test_a_result_opens_its_page_at_its_section(page, site_url, query, expected, heading):
    page.goto(site_url)
    search(page, query)
    path, _, fragment = expected.partition("#")
    link = page.locator(".md-search-result__list > li > a.md-search-result__link").filter(
        has=page.locator(f"h1:text-is('{heading}'), h2:text-is('{heading}')"))
    link.first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == path)
    if fragment:
        assert urlsplit(page.url).fragment == fragment
        assert page.locator(f"[id='{fragment}']").inner_text().startswith(heading)
    else:
        assert page.locator("article h1").inner_text().startswith(heading)
    assert page.problems == []
