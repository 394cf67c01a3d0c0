"""A club's fork: a new drill, a new name and colours, one reworded template, and a strict
build, all without touching Python, exactly as CONTRIBUTING.md tells a club to do it."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from generator import paths
from tests.conftest import mkdocs_build, run_generator

CLUB = "Riverside Harriers Drills"
CUES_HEADING = "Say it out loud"

FILLED = {
    "Replace: one sentence, at most 200 characters, saying what the drill is.":
        "A sideways running drill that crosses the trailing leg in front of and behind the lead leg.",
    "Replace: a paragraph on what the drill prepares and why it belongs in a warm-up.":
        "It loosens the hips, wakes up the adductors and abductors and trains quick feet for sports that move sideways.",
    "Replace: what this variant is for.": "Learn the crossover rhythm at walking speed.",
    "Replace: the first step.": "Stand side-on to the lane, feet hip-width apart.",
    "Replace: the second step.": "Cross the trailing foot in front, step out, then cross it behind.",
    "Replace: a short cue": "Hips turn, shoulders stay square",
    "Replace: what a coach sees": "Shoulders twist with the hips",
    "Replace: why it matters.": "The drill stops separating the hips from the trunk.",
    "Replace: how to correct it.": "Hold the arms out wide and keep the chest facing forward.",
    # the skeleton's figure is a placeholder too: the drill's own movement replaces it
    "trunk: 5": "trunk: 2",
}


def _built_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _list_pages(drills: int) -> set[str]:
    """The built pages of the drill list and the mistakes for a handbook of ``drills`` drills."""
    return {paths.page_url(listing.path(n), True) + "index.html"
            for listing in (paths.DRILL_LIST, paths.MISTAKE_LIST) for n in range(1, math.ceil(drills / listing.size) + 1)}


def test_a_club_forks_adds_a_drill_renames_recolours_and_rewords(project, built_site, tmp_path, handbook):
    result = run_generator("new", "Skater Hops", cwd=project)
    assert result.returncode == 0, result.stderr
    drill = project / "drills/skater-hops.yaml"
    text = drill.read_text(encoding="utf-8")
    for placeholder, words in FILLED.items():
        assert placeholder in text
        text = text.replace(placeholder, words)
    assert "Replace:" not in text.split("schema: 1", 1)[1]
    drill.write_text(text, encoding="utf-8")
    result = run_generator("check", "drills/skater-hops.yaml", cwd=project)
    assert result.returncode == 0, result.stderr

    config = project / "mkdocs.yml"
    settings = config.read_text(encoding="utf-8")
    assert "site_name: Drill Handbook\n" in settings and "primary: indigo" in settings
    config.write_text(settings.replace("site_name: Drill Handbook\n", f"site_name: {CLUB}\n")
                              .replace("primary: indigo", "primary: deep orange"), encoding="utf-8")

    shipped = (project / "templates/pages/variant.md").read_text(encoding="utf-8")
    assert '\n## {{ _("Cues") }}\n' in shipped
    override = project / "templates/overrides/pages/variant.md"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text(shipped.replace('\n## {{ _("Cues") }}\n', f"\n## {CUES_HEADING}\n"), encoding="utf-8")

    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    variant = (site / "drills/skater-hops/basic/index.html").read_text(encoding="utf-8")
    assert "Hips turn, shoulders stay square" in variant
    assert re.search(rf"<h2[^>]*>{CUES_HEADING}", variant)
    assert not re.search(r"<h2[^>]*>Cues", variant)
    assert '<svg class="dh-strip' in variant
    assert f"<title>Skater Hops: Basic - {CLUB}</title>" in variant
    assert 'data-md-color-primary="deep-orange"' in variant
    assert "Skater Hops" in (site / "drills/index.html").read_text(encoding="utf-8")
    mistakes = [p.read_text(encoding="utf-8") for p in [site / "mistakes/index.html", *site.glob("mistakes/*/index.html")]]
    assert any("Shoulders twist with the hips" in page for page in mistakes)
    assert re.search(rf"<h2[^>]*>{CUES_HEADING}", (site / "drills/butt-kickers/heels-pelvis/index.html").read_text(encoding="utf-8"))
    search = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"].startswith("drills/skater-hops/") for doc in search["docs"])

    # nothing else broke: every page of the handbook is still there, and only Skater Hops's are new (with
    # the list pages one more drill may need)
    count = len(handbook.drills)
    assert _built_pages(site) - _built_pages(built_site) == {
        "drills/skater-hops/index.html", "drills/skater-hops/basic/index.html", "cards/skater-hops/index.html",
        *(_list_pages(count + 1) - _list_pages(count))}
    assert _built_pages(built_site) <= _built_pages(site)
