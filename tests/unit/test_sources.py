"""The Sources page: every source of the handbook once, with the drills that cite it."""

from __future__ import annotations

import html

import pytest

from generator import paths
from generator.build import Build, Settings
from generator.model import Source
from generator.sources import cited_sources
from generator.text import Text
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def cited(handbook):
    return cited_sources(handbook.drills, Text().plain)


def test_each_source_is_listed_once(cited):
    urls = [c.source.url for c in cited if c.source.url]
    books = [(c.source.title.casefold(), (c.source.publisher or "").casefold()) for c in cited]
    assert len(urls) == len(set(urls))
    assert len(books) == len(set(books))


def test_every_citation_leads_to_its_source_and_back(handbook, cited):
    for drill in handbook.drills:
        for s in drill.sources:
            same = [c for c in cited if (s.url and c.source.url == s.url)
                    or (c.source.title == s.title and c.source.publisher == s.publisher)]
            assert len(same) == 1, f"{drill.id}: {s.title} is listed {len(same)} times"
            assert drill in same[0].drills


def test_a_source_cited_twice_is_merged_and_completed():
    """The same address under two titles, and a book cited with and without its year."""
    web = [Source(title="A page", url="https://example.org/a"), Source(title="The page", url="https://example.org/a")]
    book = [Source(title="A book", publisher="P"), Source(title="A book", publisher="P", year=2000)]

    class Cites:
        def __init__(self, name, sources):
            self.id, self.name, self.sources = name, name, sources

    one, two = Cites("one", [web[0], book[0]]), Cites("two", [web[1], book[1]])
    out = cited_sources([one, two], Text().plain)
    assert len(out) == 2
    merged_book = next(c for c in out if c.source.title == "A book")
    assert merged_book.source.year == 2000 and merged_book.drills == (one, two)


def test_the_page_links_every_citing_drill(handbook):
    page = Build(ROOT, Settings()).pages()[paths.SOURCES]
    for drill in handbook.drills:
        if drill.sources:
            assert f'href="{paths.relative_url(paths.SOURCES, paths.drill(drill.id), True)}"' in page, drill.id


def test_the_page_shows_what_is_known_of_each_source(cited):
    """Author, publisher, year and ISBN, whenever a citation gives them."""
    page = Build(ROOT, Settings()).pages()[paths.SOURCES]
    for c in cited:
        s = c.source
        for value in (s.author, s.publisher, s.year, s.isbn):
            if value is not None:
                assert html.escape(str(value), quote=False) in page, f"{s.title}: {value}"
