"""Rendering: every page from templates, escaped, linked relatively, the same every time."""

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_pages
from generator.environment import environment
from generator.paths import Site
from generator.progression import progression_steps
from tests.conftest import REPO, ROOT


@pytest.fixture(scope="module")
def pages():
    return build_pages(ROOT)


def test_every_page_kind_is_rendered(pages, handbook):
    assert {"drills/index.md", "mistakes.md", "footwear.md", "cards/index.md"} <= set(pages)
    for drill in handbook.drills:
        assert f"drills/{drill.id}/index.md" in pages and f"cards/js/{drill.id}.js" in pages
        for variant in drill.variants:
            assert f"drills/{drill.id}/{variant.id}.md" in pages


# Every page's bytes, hashed in a fresh process: dictionaries and sets must not leak their order.
_DIGEST = """import hashlib, sys
from pathlib import Path
from generator.build import build_pages
pages = build_pages(Path(sys.argv[1]))
for path in sorted(pages):
    content = pages[path]
    print(path, hashlib.sha256(content if isinstance(content, bytes) else content.encode()).hexdigest())
"""


def test_rendering_is_the_same_whatever_the_hash_seed(pages):
    runs = [subprocess.run([sys.executable, "-c", _DIGEST, str(ROOT)], cwd=REPO, capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1]
    here = "".join(f"{path} {hashlib.sha256(pages[path].encode()).hexdigest()}\n" for path in sorted(pages))
    assert runs[0] == here


def test_pages_link_to_each_other_by_relative_md_paths(pages):
    variant = pages["drills/butt-kickers/heels-pelvis.md"]
    assert "](index.md)" in variant
    assert "](../../mistakes.md#butt-kickers--legs-give-up)" in variant
    assert "](dynamic.md)" in variant
    drill = pages["drills/butt-kickers/index.md"]
    assert "](heels-pelvis.md)" in drill and "](../../footwear.md#light)" in drill
    assert "](../fast-leg/index.md)" in drill


def test_front_matter_carries_title_and_tags(pages):
    head = pages["drills/butt-kickers/index.md"].split("---")[1]
    assert 'title: "Butt Kickers"' in head
    assert '"hamstrings"' in head and '"beginner"' in head and '"football"' in head


def test_mistakes_are_anchored_by_drill_and_mistake(pages):
    assert "{: #butt-kickers--legs-give-up }" in pages["mistakes.md"]


def _edit(project: Path, old: str, new: str) -> None:
    path = project / "drills" / "butt-kickers.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_text_from_drills_is_escaped_not_interpreted(project):
    _edit(project, "name: Butt Kickers", 'name: "Butt <b>Kickers</b> *x* {: #y }"')
    path = project / "drills" / "butt-kickers.yaml"
    payload = "summary: <script>alert(1)</script> *em* [bad](javascript:alert(1)) [ok](https://example.org)\n"
    path.write_text(re.sub(r"summary: >-\n(  .*\n)+", payload, path.read_text(), count=1))
    pages = build_pages(project)
    drill = pages["drills/butt-kickers/index.md"]
    assert "<script>" not in drill and "&lt;script&gt;alert(1)&lt;/script&gt;" in drill
    assert "<em>em</em>" in drill
    assert 'href="javascript' not in drill and '<a href="https://example.org">ok</a>' in drill
    assert r"# Butt &lt;b&gt;Kickers&lt;/b&gt; x \{: \#y \}" in drill
    assert 'title: "Butt &lt;b&gt;Kickers&lt;/b&gt; x {: #y }"' in drill


def test_a_club_override_takes_precedence(project):
    shipped = (project / "templates" / "pages" / "variant.md").read_text()
    override = project / "templates" / "overrides" / "pages" / "variant.md"
    override.parent.mkdir(parents=True)
    override.write_text(shipped.replace('## {{ _("Cues") }}', "## Words to shout"))
    variant = build_pages(project)["drills/butt-kickers/heels-pelvis.md"]
    assert "## Words to shout" in variant and "## Cues" not in variant


def _drill(drill_id, progressions=(), regressions=()):
    from types import SimpleNamespace
    return SimpleNamespace(id=drill_id, name=drill_id.title(), progressions=list(progressions), regressions=list(regressions))


def test_progression_steps_follow_the_longest_chain_and_survive_loops():
    drills = [
        _drill("ankling", ["a-skip"]), _drill("a-skip", ["b-skip", "bounding"], ["high-knees"]),
        _drill("b-skip", ["bounding"]), _drill("bounding"), _drill("high-knees", ["a-skip"], ["a-skip"]),
        _drill("loner"),
    ]
    steps = [[d.id for d in s] for s in progression_steps(drills)]
    step = {drill_id: i for i, s in enumerate(steps) for drill_id in s}
    assert sorted(step) == ["a-skip", "ankling", "b-skip", "bounding", "high-knees"]
    assert sum(len(s) for s in steps) == 5
    assert step["ankling"] == 0 and step["a-skip"] == 1 and step["b-skip"] == 2
    assert step["bounding"] == 3, "bounding comes after b-skip, the longest chain before it"


@pytest.mark.parametrize("directory_urls, page, target, expected", [
    (True, "cards/index.md", "cards/butt-kickers/index.md", "butt-kickers/"),
    (False, "cards/index.md", "cards/butt-kickers/index.md", "butt-kickers/index.html"),
    (True, "drills/a/v.md", "mistakes.md#a--m", "../../../mistakes/#a--m"),
    (False, "drills/a/v.md", "mistakes.md#a--m", "../../mistakes.html#a--m"),
    (True, "drills/a/index.md", "index.md", "../../"),
    (True, "cards/index.md", "cards/drill-cards-a4.pdf", "drill-cards-a4.pdf"),
])
def test_raw_html_links_follow_the_url_style(directory_urls, page, target, expected):
    template = environment(ROOT, site=Site(directory_urls=directory_urls)).from_string("{{ href(target) }}")
    assert template.render(page_path=page, target=target) == expected
