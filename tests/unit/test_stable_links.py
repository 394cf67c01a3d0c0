"""A renamed drill or variant keeps its old addresses, in both URL styles, and old ids are checked."""

from __future__ import annotations

import re

import pytest

from generator.build import Build, Settings
from generator.model import read_handbook
from generator.paths import Site, page_url


def _rename(project, text_before: str, text_after: str, path: str = "drills/butt-kickers.yaml") -> None:
    file = project / path
    content = file.read_text(encoding="utf-8")
    assert text_before in content
    file.write_text(content.replace(text_before, text_after, 1), encoding="utf-8")


def _handbook(project):
    handbook, problems = read_handbook(project)
    assert problems == []
    return handbook


def _pages(project, directory_urls: bool = True) -> dict:
    return Build(project, Settings(site=Site(directory_urls=directory_urls))).pages()


@pytest.fixture
def renamed(project):
    """Butt kickers was once ``heel-flicks``, and its first variant ``heels-up``."""
    _rename(project, "id: butt-kickers\n", "id: butt-kickers\nformer_ids: [heel-flicks]\n")
    _rename(project, "  - id: heels-pelvis\n", "  - id: heels-pelvis\n    former_ids: [heels-up]\n")
    return project


def _refresh_target(page: str) -> str:
    return re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', page).group(1)


@pytest.mark.parametrize(
    "directory_urls, expected",
    [
        (True, {
            "drills/heel-flicks/index.html": "../butt-kickers/",
            "drills/butt-kickers/heels-up/index.html": "../heels-pelvis/",
            "drills/heel-flicks/heels-up/index.html": "../../butt-kickers/heels-pelvis/",
            "drills/heel-flicks/dynamic/index.html": "../../butt-kickers/dynamic/",
        }),
        (False, {
            "drills/heel-flicks/index.html": "../butt-kickers/index.html",
            "drills/butt-kickers/heels-up.html": "heels-pelvis.html",
            "drills/heel-flicks/heels-up.html": "../butt-kickers/heels-pelvis.html",
            "drills/heel-flicks/dynamic.html": "../butt-kickers/dynamic.html",
        }),
    ],
    ids=["directory-urls", "html-urls"],
)
def test_every_old_address_sends_readers_to_the_new_page(renamed, directory_urls, expected):
    handbook = _handbook(renamed)
    pages = _pages(renamed, directory_urls)
    for path, target in expected.items():
        assert _refresh_target(pages[path]) == target, path
        assert f'href="{target}"' in pages[path]
    redirects = {p for p in pages if p.endswith(".html") and p.startswith(("drills/heel-flicks/", "drills/butt-kickers/"))}
    variants = len(handbook.drill("butt-kickers").variants)
    # the drill page, each variant under the old drill id, and the renamed variant under both drill ids
    assert len(redirects) == 1 + variants + 2


def test_only_former_addresses_get_a_redirect_page(renamed):
    handbook = _handbook(renamed)
    old_drills = {old for d in handbook.drills for old in d.former_ids}
    old_variants = {(d.id, old) for d in handbook.drills for v in d.variants for old in v.former_ids}
    # the warm-up page of earlier editions leads to the general session (tests/unit/test_sessions.py)
    redirects = [p for p in _pages(renamed) if p.endswith(".html") and p != "warm-up/index.html"]
    assert "drills/heel-flicks/index.html" in redirects
    # the per-drill card pages of earlier editions lead to the cards page, one per drill
    card_pages = {p for p in redirects if p.startswith("cards/")}
    assert card_pages == {f"cards/{d.id}/index.html" for d in handbook.drills}
    for page in set(redirects) - card_pages:
        drill_id, _, rest = page.removeprefix("drills/").partition("/")
        assert drill_id in old_drills or (drill_id, rest.removesuffix("/index.html")) in old_variants, page


def test_redirect_wording_comes_from_the_templates(renamed):
    override = renamed / "templates/overrides/pages/redirect.html"
    override.parent.mkdir(parents=True)
    override.write_text('<meta http-equiv="refresh" content="0; url={{ target }}"><p>Déménagé : {{ drill.name | plain }}</p>\n',
                        encoding="utf-8")
    assert "Déménagé : Butt Kickers" in _pages(renamed)["drills/heel-flicks/index.html"]


@pytest.mark.parametrize(
    "docs_path, directory_urls, url",
    [
        ("index.md", True, ""),
        ("drills/index.md", True, "drills/"),
        ("drills/a/b.md", True, "drills/a/b/"),
        ("drills/a/index.md", False, "drills/a/index.html"),
        ("drills/a/b.md", False, "drills/a/b.html"),
    ],
)
def test_page_url_follows_the_site_url_style(docs_path, directory_urls, url):
    assert page_url(docs_path, directory_urls) == url


@pytest.mark.parametrize(
    "before, after, field, message",
    [
        ("id: butt-kickers\n", "id: butt-kickers\nformer_ids: [high-knees]\n", "former_ids[0]",
         "'high-knees' is the id of a drill in the handbook"),
        ("  - id: heels-pelvis\n", "  - id: heels-pelvis\n    former_ids: [dynamic]\n", "variants[0].former_ids[0]",
         "'dynamic' is the id of variants[2]"),
        ("  - id: heels-pelvis\n", "  - id: heels-pelvis\n    former_ids: [heels-pelvis]\n", "variants[0].former_ids[0]",
         "'heels-pelvis' is the id of variants[0]"),
    ],
    ids=["drill-id-in-use", "variant-id-in-use", "own-id"],
)
def test_a_former_id_that_is_still_in_use_is_a_located_problem(project, before, after, field, message):
    _rename(project, before, after)
    _, problems = read_handbook(project)
    assert [(p.path, p.field) for p in problems] == [("drills/butt-kickers.yaml", field)]
    assert message in problems[0].message
    assert problems[0].line > 1


def test_two_variants_cannot_share_a_former_id(project):
    _rename(project, "  - id: heels-pelvis\n", "  - id: heels-pelvis\n    former_ids: [old]\n")
    _rename(project, "  - id: dynamic\n", "  - id: dynamic\n    former_ids: [old]\n")
    _, problems = read_handbook(project)
    assert [p.field for p in problems] == ["variants[2].former_ids[0]"]
    assert "already a former id of variants[0]" in problems[0].message


def test_two_drills_cannot_share_a_former_id(project):
    _rename(project, "id: butt-kickers\n", "id: butt-kickers\nformer_ids: [kicks]\n")
    _rename(project, "id: high-knees\n", "id: high-knees\nformer_ids: [kicks]\n", "drills/high-knees.yaml")
    _, problems = read_handbook(project)
    assert [(p.path, p.field) for p in problems] == [("drills/high-knees.yaml", "former_ids[0]")]
    assert "already a former id of the drill 'butt-kickers'" in problems[0].message
