"""The interface in the page's language: every shipped catalog complete and up to date, numbers
and typography as the language writes them, and the notice of a page not fully translated."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from generator.build import Build, Settings
from generator.i18n import LOCALES, extract, number, translations, typography
from generator.paths import Site
from tests.conftest import ROOT, copy_handbook

CATALOGS = sorted((ROOT / LOCALES).glob("*/LC_MESSAGES/messages.po"))
NARROW = "\u202f"


def _catalog(path):
    with path.open("rb") as f:
        return read_po(f)


def test_french_has_a_catalog():
    assert ROOT / LOCALES / "fr/LC_MESSAGES/messages.po" in CATALOGS


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_every_message_of_a_shipped_catalog_is_translated(path):
    untranslated = [m.id for m in _catalog(path) if m.id and (m.fuzzy or not all(
        m.string if isinstance(m.string, tuple) else [m.string]))]
    assert untranslated == [], f"{path.relative_to(ROOT)}: no translation for {untranslated}"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_every_catalog_holds_every_message_of_the_templates(path):
    have = {m.id for m in _catalog(path) if m.id}
    wanted = {m.id for m in extract(ROOT) if m.id}
    assert wanted <= have, f"run `python -m generator messages`: {sorted(wanted - have, key=str)[:5]} missing"


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_every_catalog_compiles(path):
    language = path.parts[-3]
    catalog = translations(ROOT, language)
    for message in _catalog(path):
        if message.id and isinstance(message.id, str):
            assert catalog.gettext(message.id) == typography(language)(message.string)


def test_numbers_are_written_as_the_language_writes_them():
    assert number("fr")(27.5) == "27,5" and number("en")(27.5) == "27.5"
    assert number("fr")(20.0) == "20" and number("fr")(1234) == "1\u202f234"


def test_french_typography():
    french = typography("fr")
    assert french('Consigne : "talons sous le bassin" ; prêt ? partez !') == (
        f"Consigne{NARROW}: «{NARROW}talons sous le bassin{NARROW}»{NARROW}; prêt{NARROW}? partez{NARROW}!")
    assert french("Voir https://example.org/a?b=1 à 1:30") == "Voir https://example.org/a?b=1 à 1:30"
    assert typography("en")('Cue: "heels up" !') == 'Cue: "heels up" !'


def test_a_french_page_says_in_french_that_part_of_it_is_not_translated(tmp_path, handbook):
    project = copy_handbook(tmp_path / "handbook")
    drill = handbook.drills[0]
    (project / "drills" / f"{drill.id}.fr.yaml").write_text(f"schema: 1\nid: {drill.id}\nname: Nom français\n", encoding="utf-8")
    site = Site(languages=("en", "fr"))
    french = Build(project, Settings(site=site, language="fr")).pages()
    page = french[f"drills/{drill.id}/index.md"]
    assert "Nom français" in page and "Traduction incomplète" in page and f"traduite{NARROW}:" in page
    english = Build(project, Settings(site=site, language="en")).pages()
    assert "dh-untranslated" not in english[f"drills/{drill.id}/index.md"]
