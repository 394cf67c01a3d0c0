"""A club whose language is French: French becomes the default language, at the site's
root, and English a translation under /en/, by configuration alone (the steps of the
club guide, docs/club.md)."""

from __future__ import annotations

import re

from tests.conftest import run_generator

ENGLISH_NAME = "An English name for the test"


def test_a_fork_makes_french_its_default_language_and_english_a_translation(project, handbook):
    drill = handbook.drills[0]
    for old in (project / "drills").rglob("*.fr.yaml"):
        old.unlink()  # in such a fork the drill files themselves are written in French
    (project / "drills" / f"{drill.id}.en.yaml").write_text(
        f"schema: 1\nid: {drill.id}\nname: {ENGLISH_NAME}\n", encoding="utf-8")
    for name in ("mkdocs.fr.yml", "mkdocs-offline.fr.yml"):
        (project / name).unlink()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  language: en\n" in text and "languages: [en, fr]" in text
    config.write_text(text.replace("  language: en\n", "  language: fr\n").replace("languages: [en, fr]", "languages: [fr, en]")
                      .replace("  search:\n", "  search:\n    lang: fr\n", 1), encoding="utf-8")
    (project / "mkdocs.en.yml").write_text(
        "INHERIT: mkdocs.yml\ndocs_dir: docs/en\nsite_dir: site/en\ntheme:\n  language: en\nplugins:\n  search:\n    lang: en\n",
        encoding="utf-8")
    docs = project / "docs"
    (docs / "en").mkdir()
    for page in (docs / "fr").glob("*.md"):  # the hand-written pages in French to docs/, in English to docs/en/
        (docs / page.name).rename(docs / "en" / page.name)
        page.rename(docs / page.name)
    (docs / "fr").rmdir()

    result = run_generator("site", "--dir", "built", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "built"
    root = (site / "drills" / drill.id / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "drills" / drill.id / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in root and '<html lang="en"' in english
    assert ENGLISH_NAME in english and ENGLISH_NAME not in root
    assert re.search(rf'href="../../en/drills/{drill.id}/" hreflang="en" class="md-select__link"', root)
    assert re.search(rf'href="../../../drills/{drill.id}/" hreflang="fr" class="md-select__link"', english)
    assert "Traduction incomplète" not in root and "Not fully translated yet" in english
    assert '"lang":["fr"]' in (site / "search/search_index.json").read_text(encoding="utf-8").replace(" ", "")
    check = run_generator("check", cwd=project)
    assert check.returncode == 0, check.stderr
    assert f"drills/{drill.id}.en.yaml:2:1: purpose: note: not translated yet" in check.stderr
