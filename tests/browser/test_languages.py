"""The handbook in each of its languages, in a real browser: French search with French
stemming, a language switch that stays on the page (served and from ``file://``), no
console error and no accessibility violation on the French pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, run_generator

from .conftest import axe_violations, search, serve
from .pages import PAGES

pytestmark = pytest.mark.browser
FRENCH = "fr"


def _build(tmp_path_factory, *options: str) -> Path:
    site = tmp_path_factory.mktemp("languages") / "site"
    result = run_generator("site", "--dir", str(site), *options, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> Path:
    """``python -m generator site``: every language, as ``make site`` builds them."""
    return _build(tmp_path_factory)


@pytest.fixture(scope="module")
def offline_sites(tmp_path_factory) -> Path:
    return _build(tmp_path_factory, "--offline")


@pytest.fixture(scope="module")
def url(sites):
    with serve(sites) as base:
        yield base


def _path(href: str) -> str:
    parts = urlsplit(href)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


# French words a French reader types, and the shipped drill they must find (among the first N).
FRENCH_SEARCHES = [
    ("ischio", "/fr/drills/butt-kickers/", 5),
    ("talons", "/fr/drills/butt-kickers/", 5),
    ("foulées bondissantes", "/fr/drills/bounding/", 3),
]


@pytest.mark.parametrize("query, expected, within", FRENCH_SEARCHES, ids=[q for q, _, _ in FRENCH_SEARCHES])
def test_french_search_finds_french_words(page, url, query, expected, within):
    page.goto(url + f"{FRENCH}/")
    results = [_path(href) for href in search(page, query)]
    assert any(r.startswith(expected) for r in results[:within]), f"{query!r}: {results[:within + 3]}"
    assert all(r.startswith(f"/{FRENCH}/") for r in results), results
    assert page.problems == []


def test_english_search_stays_in_english(page, url):
    page.goto(url)
    results = [_path(href) for href in search(page, "hamstrings")]
    assert results and not any(r.startswith(f"/{FRENCH}/") for r in results)


def _switch(page, language: str) -> None:
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f".md-select__link[hreflang='{language}']").click()
    page.wait_for_load_state("networkidle")  # the search's files load after the page: leaving first would abort them


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_the_switch_goes_to_the_same_page_in_the_other_language(page, url, path):
    page.goto(url + path, wait_until="networkidle")
    here = urlsplit(page.url).path  # after any redirect (a drill's cards open on the cards page)
    _switch(page, FRENCH)
    assert urlsplit(page.url).path == f"/{FRENCH}{here}"
    assert page.locator("html").get_attribute("lang") == FRENCH
    _switch(page, "en")
    assert urlsplit(page.url).path == here
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.problems == []


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_french_pages_load_cleanly_and_pass_axe(new_page, url, axe_source, path):
    page = new_page()
    response = page.goto(url + f"{FRENCH}/{path}", wait_until="networkidle")
    assert response.ok and page.locator("article h1").count() == 1
    assert page.locator("html").get_attribute("lang") == FRENCH
    assert axe_violations(page, axe_source) == []
    assert page.problems == []


def test_offline_copy_switches_language_from_the_file_system(page, offline_sites):
    page.context.route("http*://**", lambda route: route.abort())  # no network at the track
    page.goto((offline_sites / "drills" / "butt-kickers" / "index.html").as_uri())
    _switch(page, FRENCH)
    assert Path(urlsplit(page.url).path) == offline_sites / FRENCH / "drills" / "butt-kickers" / "index.html"
    results = search(page, "ischio")
    assert results and all(r.startswith((offline_sites / FRENCH).as_uri()) for r in results)
    page.keyboard.press("Escape")  # close the search
    _switch(page, "en")
    assert Path(urlsplit(page.url).path) == offline_sites / "drills" / "butt-kickers" / "index.html"
    assert page.problems == []
