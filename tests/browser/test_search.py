"""Material's search, typed into as a reader does, finds drills by alias and muscle,
mistakes by their explanation and the footwear guide by its advice."""

from urllib.parse import urlsplit

import pytest

from generator.model import read_handbook
from generator.paths import Paths, page_url
from generator.text import Text
from tests.conftest import ROOT
from tests.shipped import DRILLS as SHIPPED

from .conftest import search

pytestmark = pytest.mark.browser

def _mistake(drill_id: str, mistake_id: str) -> str:
    """A mistake's address (the mistakes are split into pages as the handbook grows)."""
    handbook, _ = read_handbook(ROOT)
    docs_path, _, anchor = Paths.of(handbook, Text()).mistake(drill_id, mistake_id).partition("#")
    return f"/{page_url(docs_path, True)}#{anchor}"


LEGS_GIVE_UP = _mistake("butt-kickers", "legs-give-up")
# (query, the page or section expected, among the first N result links); about the shipped drills
EXPECTED = [
    ("heel flicks", "/drills/butt-kickers/", 1),
    ("hamstrings", "/drills/butt-kickers/", 5),
    ("legs give up", LEGS_GIVE_UP, 3),
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
    ("legs give up", LEGS_GIVE_UP, "Legs trailing behind the body"),
])
def test_a_result_opens_its_page_at_its_section(page, site_url, query, expected, heading):
    page.goto(site_url)
    search(page, query)
    path, _, fragment = expected.partition("#")
    # By accessible name: Material marks the query's words inside the heading (<mark>Legs</mark> ...).
    link = page.locator(".md-search-result__list > li > a.md-search-result__link").filter(
        has=page.get_by_role("heading", name=heading, exact=True))
    link.first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == path)
    if fragment:
        assert urlsplit(page.url).fragment == fragment
        assert page.locator(f"[id='{fragment}']").inner_text().startswith(heading)
    else:
        assert page.locator("article h1").inner_text().startswith(heading)
    assert page.problems == []


def _names_and_aliases():
    handbook, _ = read_handbook(ROOT)
    return [(drill.id, query, 3 if query == drill.name else None)
            for drill in map(handbook.drill, SHIPPED) for query in (drill.name, *drill.aliases)]


@pytest.mark.parametrize("drill_id, query, within", _names_and_aliases())
def test_every_shipped_drill_is_found_by_its_name_and_each_alias(page, site_url, drill_id, query, within):
    """A name ranks its drill near the top; an alias finds it (short aliases such as
    "Mach B" share words with other drills, so only finding it is asked)."""
    page.goto(site_url)
    results = [target(href) for href in search(page, query)]
    assert f"/drills/{drill_id}/" in results[:within], f"{query!r}: {results}"
