"""The real handbook through a strict MkDocs build: pages, their key text, search, export."""

import json

import pytest

from generator.paths import Paths, page_url
from generator.text import Text
from tests.conftest import mkdocs_build, run_generator, without_language_links

PAGES = [
    "index.html", "drills/index.html", "drills/butt-kickers/index.html",
    "drills/butt-kickers/arms-action/index.html", "drills/butt-kickers/dynamic/index.html",
    "drills/butt-kickers/heels-pelvis/index.html", "mistakes/index.html", "footwear/index.html",
    "tags/index.html", "warm-up/index.html",
]


@pytest.mark.parametrize("page", PAGES)
def test_page_is_built(built_site, page):
    assert (built_site / page).is_file()


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def test_drill_page_shows_what_a_coach_needs(built_site):
    html = read(built_site, "drills/butt-kickers/index.html")
    for text in ("Heel flicks", "Talons-fesses", "Hamstrings", "Beginner", "Purpose", "Heels to pelvis",
                 "Legs trailing behind the body", 'href="../fast-leg/"', 'href="../../footwear/#light"'):
        assert text in html, text


def test_variant_page_has_steps_cues_and_figure(built_site, handbook):
    html = read(built_site, "drills/butt-kickers/heels-pelvis/index.html")
    assert '<ol class="dh-steps">' in html and '<ul class="dh-cues">' in html
    assert 'role="img"' in html and "<title" in html
    mistakes = _mistakes_page(handbook, "butt-kickers", "legs-give-up").removesuffix("index.html")
    assert f'href="../../../{mistakes}#butt-kickers--legs-give-up"' in html
    assert 'href="../dynamic/"' in html


def _mistakes_page(handbook, drill_id: str, mistake_id: str) -> str:
    """The built page that holds a mistake (the mistakes are split into pages as the handbook grows)."""
    return page_url(Paths.of(handbook, Text()).mistake(drill_id, mistake_id).partition("#")[0], True) + "index.html"


def test_mistakes_and_footwear_are_anchored(built_site, handbook):
    mistakes = read(built_site, _mistakes_page(handbook, "butt-kickers", "legs-give-up"))
    assert 'id="butt-kickers--legs-give-up"' in mistakes and "Legs give up" in mistakes
    footwear = read(built_site, "footwear/index.html")
    for criterion in ("sport-specific", "light", "flexible", "adequate-sole"):
        assert f'id="{criterion}"' in footwear


def test_tags_index_lists_muscles_sports_and_levels(built_site):
    html = read(built_site, "tags/index.html")
    for tag in ("hamstrings", "football", "beginner"):
        assert tag in html


def test_navigation_does_not_grow_with_the_drills(built_site):
    html = read(built_site, "drills/butt-kickers/heels-pelvis/index.html")
    nav = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "high-knees" not in nav and "a-skip" not in nav


def test_search_index_finds_drills_by_name_alias_muscle_and_mistake(built_site):
    index = json.loads(read(built_site, "search/search_index.json"))
    drill_docs = " ".join(d["text"] + d["title"] for d in index["docs"] if d["location"].startswith("drills/butt-kickers/"))
    for words in ("Butt Kickers", "Heel flicks", "Hamstrings", "Legs trailing behind the body"):
        assert words in drill_docs, words


def test_export_builds_the_same_site_without_the_hook(tmp_path, built_site):
    out = tmp_path / "export"
    result = run_generator("export", str(out))
    assert result.returncode == 0, result.stderr
    assert "hooks:" not in (out / "mkdocs.yml").read_text()
    assert (out / "docs" / "drills" / "butt-kickers" / "heels-pelvis.md").is_file()
    site = tmp_path / "site"
    built = mkdocs_build(out, site)
    assert built.returncode == 0, built.stderr
    hooked = {p.relative_to(built_site) for p in built_site.rglob("*.html")}
    exported = {p.relative_to(site) for p in site.rglob("*.html")}
    assert hooked == exported
    # The hook sets figures and HTML blocks aside from Markdown and puts them back: every
    # page, and the search index, come out exactly as MkDocs makes them from the export
    # (whose index lists the same entries in another order: the files are found in another).
    # Only the language links differ: the hook points them at this page in each language,
    # the export (no hook) at each language's home, where Material's script finds the page.
    for page in sorted(hooked):
        assert without_language_links(read(site, page)) == without_language_links(read(built_site, page)), page
    assert 'hreflang="fr"' in read(site, "index.html") and 'hreflang="fr"' in read(built_site, "index.html")
    entries = [json.loads(read(s, "search/search_index.json"))["docs"] for s in (site, built_site)]
    assert sorted(map(json.dumps, entries[0])) == sorted(map(json.dumps, entries[1]))


def test_a_broken_drill_stops_the_build_with_located_errors(project, tmp_path):
    path = project / "drills" / "butt-kickers.yaml"
    path.write_text(path.read_text().replace("level: beginner", "level: expert"))
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "drills/butt-kickers.yaml:" in output and "level: 'expert' is not allowed here" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_drills_index_shows_the_progression_path(built_site):
    html = read(built_site, "drills/index.html")
    path = html.split('id="progression-path"', 1)[1].split("</ol>", 1)[0]
    order = [path.index(f'href="{d}/"') for d in ("ankling", "a-skip", "b-skip", "bounding")]
    assert order == sorted(order), "easier drills come first"
