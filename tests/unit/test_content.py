"""The handbook's own drills meet its editorial standard: real sources, a complete
description, a place on the path from easier to harder drills, and the other
names readers search for. A club's added drills are not held to this list."""

from __future__ import annotations

import pytest

from generator.model import read_handbook
from tests.conftest import ROOT
from tests.shipped import DRILLS as SHIPPED

# Other names readers type into the search box, by drill (and mistake), that must stay.
DRILL_ALIASES = {
    "butt-kickers": ["Heel flicks", "Talons-fesses"],
    "pogo-jumps": ["Ankle hops"],
    "power-skip": ["Skips for height"],
    "strides": ["Build-up runs"],
    "fast-leg": ["Single-leg cycling"],
}
MISTAKE_ALIASES = {
    ("butt-kickers", "legs-give-up"): ["Legs give up"],
}


@pytest.fixture(scope="module")
def drills():
    handbook, problems = read_handbook(ROOT)
    assert problems == []
    return {d.id: d for d in handbook.drills}


def test_every_shipped_drill_is_in_the_handbook(drills):
    missing = [d for d in SHIPPED if d not in drills]
    assert not missing, f"shipped drills with no file in drills/: {missing}"


@pytest.mark.parametrize("drill_id", SHIPPED)
def test_a_shipped_drill_has_two_sources_each_findable(drill_id, drills):
    """A web page is found by its address; a book by its publisher and year."""
    sources = drills[drill_id].sources
    assert len(sources) >= 2, f"{drill_id}: {len(sources)} source(s)"
    unfindable = [s.title for s in sources if not (s.url or (s.publisher and s.year))]
    assert not unfindable, f"{drill_id}: no address, or no publisher and year, for {unfindable}"


@pytest.mark.parametrize("drill_id", SHIPPED)
def test_a_shipped_drill_is_complete(drill_id, drills):
    """Two variants at least, three mistakes of which one is drawn, and a place among the
    easier and harder drills, every link of which is one the handbook has."""
    drill = drills[drill_id]
    assert len(drill.variants) >= 2, f"{drill_id}: {len(drill.variants)} variant(s)"
    assert len(drill.mistakes) >= 3, f"{drill_id}: {len(drill.mistakes)} mistake(s)"
    assert any(m.figure for m in drill.mistakes), f"{drill_id}: no mistake has a figure"
    assert drill.progressions or drill.regressions, f"{drill_id}: linked to no easier or harder drill"


def test_the_path_from_easier_to_harder_reads_both_ways(drills):
    """If a shipped drill names a harder one, that drill names it back as easier, and the
    other way round, so the path can be followed from either end."""
    one_way = []
    for drill_id in SHIPPED:
        drill = drills[drill_id]
        one_way += [(drill_id, "harder", other) for other in drill.progressions
                    if other in SHIPPED and drill_id not in drills[other].regressions]
        one_way += [(drill_id, "easier", other) for other in drill.regressions
                    if other in SHIPPED and drill_id not in drills[other].progressions]
    assert not one_way, f"links not returned by the other drill: {one_way}"


def test_no_shipped_drill_is_its_own_ancestor(drills):
    """Following "harder" from any shipped drill never comes back to it."""
    def harder(drill_id, seen):
        for other in drills[drill_id].progressions:
            assert other not in seen, f"the path loops: {' -> '.join([*seen, other])}"
            harder(other, [*seen, other])

    for drill_id in SHIPPED:
        harder(drill_id, [drill_id])


@pytest.mark.parametrize("drill_id, names", sorted(DRILL_ALIASES.items()))
def test_searched_drill_names_are_kept(drill_id, names, drills):
    missing = [n for n in names if n not in drills[drill_id].aliases]
    assert not missing, f"{drill_id}: aliases {missing} are gone"


@pytest.mark.parametrize("where, names", sorted(MISTAKE_ALIASES.items()))
def test_searched_mistake_names_are_kept(where, names, drills):
    drill_id, mistake_id = where
    mistake = drills[drill_id].mistake(mistake_id)
    missing = [n for n in names if n not in mistake.aliases]
    assert not missing, f"{drill_id}, {mistake_id}: aliases {missing} are gone"
