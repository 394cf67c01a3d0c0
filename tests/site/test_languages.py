"""The site in two languages: the default at the root, French under /fr/ with the same paths,
each page linked to itself in the other language, each language with its own search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.adapters import site_config, site_of
from tests.conftest import ROOT, copy_handbook, run_generator

TRANSLATED = "Exercice traduit pour le test"


@pytest.fixture(scope="module")
def handbook_copy(tmp_path_factory, handbook) -> tuple[Path, str]:
    """A copy of the handbook in which the first drill's French name is known to the test."""
    project = copy_handbook(tmp_path_factory.mktemp("languages") / "handbook")
    drill = handbook.drills[0]
    path = project / "drills" / f"{drill.id}.fr.yaml"
    text = path.read_text(encoding="utf-8") if path.exists() else f"schema: 1\nid: {drill.id}\n"
    text = re.sub(r"(?m)^name: .*\n", "", text).replace(f"id: {drill.id}\n", f"id: {drill.id}\nname: {TRANSLATED}\n", 1)
    path.write_text(text, encoding="utf-8")
    return project, drill.id


@pytest.fixture(scope="module")
def two_languages(handbook_copy) -> Path:
    project, _ = handbook_copy
    result = run_generator("site", "--dir", "built", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "built"


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("fr/")}


def test_the_languages_are_configured():
    site = site_of(site_config(ROOT))
    assert site.language == site.languages[0] and "fr" in site.translations


def test_french_has_every_page_at_the_same_path(two_languages):
    english = _pages(two_languages)
    french = _pages(two_languages / "fr")
    assert english == french and "drills/index.html" in french


def test_french_pages_say_their_language_and_link_to_themselves_in_english(two_languages, handbook_copy):
    _, drill_id = handbook_copy
    page = (two_languages / "fr" / "drills" / drill_id / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page and TRANSLATED in page
    assert f'<link rel="alternate alternate" href="../../../drills/{drill_id}/" hreflang="en">' in page
    assert re.search(rf'href="../../../drills/{drill_id}/" hreflang="en" class="md-select__link"', page)
    english = (two_languages / "drills" / drill_id / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and TRANSLATED not in english
    assert re.search(rf'href="../../fr/drills/{drill_id}/" hreflang="fr" class="md-select__link"', english)


def test_each_language_has_its_own_search_index(two_languages, handbook_copy):
    _, drill_id = handbook_copy
    french = json.loads((two_languages / "fr/search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((two_languages / "search/search_index.json").read_text(encoding="utf-8"))
    assert french["config"]["lang"] == ["fr"] and english["config"]["lang"] == ["en"]
    assert any(TRANSLATED in d["title"] for d in french["docs"] if d["location"].startswith(f"drills/{drill_id}/"))
    assert not any(TRANSLATED in d["title"] for d in english["docs"])


def test_a_broken_translation_leaves_the_last_site_whole(two_languages, handbook_copy):
    project, drill_id = handbook_copy
    before = sorted(p.relative_to(two_languages) for p in two_languages.rglob("*"))
    path = project / "drills" / f"{drill_id}.fr.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "level: advanced\n", encoding="utf-8")
    try:
        result = run_generator("site", "--dir", "built", cwd=project)
    finally:
        path.write_text(good, encoding="utf-8")
    assert result.returncode == 1
    assert f"drills/{drill_id}.fr.yaml:" in result.stderr and "level: not translatable" in result.stderr
    assert sorted(p.relative_to(two_languages) for p in two_languages.rglob("*")) == before
