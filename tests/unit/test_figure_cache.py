"""The figures' cache kept between builds (``.cache/figures/``): a build that reads it writes
the same bytes as one that draws everything, and an edited angle, figure template or drawing
code never serves a stale figure."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cache
from generator.build import Build, Settings
from generator.problems import InvalidHandbook

# Prints a hash of each page of the handbook in the working folder, built with its cache kept.
PAGES_DIGEST = (
    "import hashlib, json; from pathlib import Path; from generator.build import Build, Settings\n"
    "pages = Build(Path('.'), Settings(cache=Path('.cache'))).pages()\n"
    "print(json.dumps({p: hashlib.sha256(c if isinstance(c, bytes) else c.encode()).hexdigest() for p, c in pages.items()}))"
)


def kept(project: Path) -> Settings:
    return Settings(cache=project / ".cache")


def pack_keys(project: Path) -> set[str]:
    files = list((project / ".cache" / cache.FIGURES).glob("*.pickle"))
    assert len(files) == 1
    return set(pickle.loads(files[0].read_bytes()))


FIGURE = re.compile(r"^\s+figure:", re.MULTILINE)
KNEE = re.compile(r"(\bknee: )(-?\d+(?:\.\d+)?)")


def first_figure_file(project: Path) -> Path:
    """The first drill file (by name, translations left out: they hold no angles) with a figure."""
    return next(p for p in sorted((project / "drills").glob("*.yaml")) if "." not in p.stem and FIGURE.search(p.read_text()))


def edit_knee(path: Path) -> None:
    """Bend the first knee of the file's first figure by 7° more (or less, near its limit)."""
    def bent(m: re.Match) -> str:
        angle = float(m.group(2))
        return f"{m.group(1)}{angle + 7 if angle < 150 else angle - 7:g}"
    text = path.read_text()
    start = FIGURE.search(text).start()
    path.write_text(text[:start] + KNEE.sub(bent, text[start:], count=1))


def test_a_build_from_the_cache_writes_the_same_bytes_as_one_without(project):
    plain = Build(project).pages()
    cold = Build(project, kept(project)).pages()
    assert (project / ".cache" / cache.FIGURES).is_dir()
    warm = Build(project, kept(project)).pages()
    assert cold == plain and warm == plain


def test_a_warm_build_draws_nothing_and_reads_every_drawing(project, monkeypatch):
    Build(project, kept(project)).pages()
    before = pack_keys(project)
    drawn = []
    real = cache.Figures.strip
    monkeypatch.setattr(cache.Figures, "strip", lambda self, figure: drawn.append(figure) or real(self, figure))
    Build(project, kept(project)).pages()
    assert drawn == [] and pack_keys(project) == before


def test_an_edited_angle_redraws_its_figures_and_only_them(project):
    Build(project, kept(project)).pages()
    before = pack_keys(project)
    edit_knee(first_figure_file(project))
    warm = Build(project, kept(project)).pages()
    assert warm == Build(project).pages()
    after = pack_keys(project)
    changed = before - after
    assert changed, "the edited figure's drawings were not redrawn"
    assert len(after - before) == len(changed)
    # Bounded: the old drawings of the edited figure are gone, so the pack holds what a cold build would.
    (project / ".cache" / cache.FIGURES / "en.pickle").unlink()
    Build(project, kept(project)).pages()
    assert pack_keys(project) == after


def test_an_edited_figure_template_shows_at_once(project):
    Build(project, kept(project)).pages()
    version = cache.drawing_version(project)
    template = project / "templates" / "figures" / "strip.svg.j2"
    template.write_text(template.read_text().replace('class="dh-ground"', 'class="dh-ground dh-edited"'))
    assert cache.drawing_version(project) != version
    warm = Build(project, kept(project)).pages()
    assert any("dh-ground dh-edited" in str(c) for c in warm.values())
    assert warm == Build(project).pages()


def test_a_club_override_of_a_figure_template_is_a_new_version(project):
    version = cache.drawing_version(project)
    override = project / "templates" / "overrides" / "figures" / "strip.svg.j2"
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text((project / "templates" / "figures" / "strip.svg.j2").read_text())
    assert cache.drawing_version(project) != version


def _built(project: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(project), "HANDBOOK_PDF": "0"}
    out = subprocess.run([sys.executable, "-c", PAGES_DIGEST], cwd=project, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_edited_drawing_code_redraws_every_figure(project):
    """The project's own copy of the drawing code changes (strips get a new width); the build
    that keeps the cache from before must draw with the new code, exactly as a cold build."""
    before = _built(project)
    draw = project / "generator" / "figure" / "draw.py"
    draw.write_text(draw.read_text() + (
        "\n\n_drawn_strip = Figures.strip\n"
        "Figures.strip = lambda self, figure: __import__('dataclasses').replace(_drawn_strip(self, figure), width='1234')\n"
    ))
    warm = _built(project)
    for entry in (project / ".cache").iterdir():
        if entry.name == cache.FIGURES:
            for f in entry.iterdir():
                f.unlink()
    cold = _built(project)
    assert warm == cold and warm != before


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a list"])])
def test_an_unreadable_pack_is_an_empty_one(project, content):
    plain = Build(project).pages()
    pack = project / ".cache" / cache.FIGURES / "en.pickle"
    pack.parent.mkdir(parents=True)
    pack.write_bytes(content)
    assert Build(project, kept(project)).pages() == plain
    assert pack_keys(project)


def test_a_failed_build_leaves_the_pack_as_it_was(project):
    Build(project, kept(project)).pages()
    pack = project / ".cache" / cache.FIGURES / "en.pickle"
    saved = pack.read_bytes()
    edit_knee(first_figure_file(project))
    broken = first_figure_file(project)
    broken.write_text(broken.read_text() + "\nunknown_field: 1\n")
    with pytest.raises(InvalidHandbook):
        Build(project, kept(project)).pages()
    assert pack.read_bytes() == saved


def test_entry_names_tell_their_parts_apart():
    assert cache.digest("ab", "c") != cache.digest("a", "bc")
    assert cache.digest("a") == hashlib.sha256(b"1:a").hexdigest()


def test_each_language_keeps_its_own_pack(project):
    """Languages may build side by side, each in a process of its own: they never write one file."""
    from generator.paths import Site

    for language in ("en", "fr"):
        Build(project, Settings(site=Site(language=language), cache=project / ".cache")).pages()
    packs = {p.name: pickle.loads(p.read_bytes()) for p in (project / ".cache" / cache.FIGURES).iterdir()}
    assert set(packs) == {"en.pickle", "fr.pickle"} and packs["en.pickle"] and packs["fr.pickle"]
