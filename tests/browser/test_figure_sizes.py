"""On a 390 px phone every drawn body is at least 90 px tall: the strips scroll sideways rather
than shrink, and the animation and the comparisons keep their figures readable."""

from __future__ import annotations

import pytest

from generator import paths
from generator.paths import Paths, page_url
from generator.text import Text

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
TALL = 90   # px, the smallest drawn body a runner reads at a glance

# Each drawn body's height on screen: the union of its limbs, trunk and head (its shadow, heel path
# and number left out), for every pose of every strip and comparison, and the animated body.
HEIGHTS = """() => {
  const parts = ".dh-near, .dh-far, .dh-trunk, .dh-head";
  const tall = el => {
    const rs = [...el.querySelectorAll(parts)].map(p => p.getBoundingClientRect()).filter(r => r.height > 0);
    return rs.length ? Math.max(...rs.map(r => r.bottom)) - Math.min(...rs.map(r => r.top)) : null;
  };
  const out = [];
  document.querySelectorAll(".dh-strip .dh-pose, .dh-comparison .dh-pose").forEach(g => out.push([g.closest("svg").getAttribute("class"), tall(g)]));
  document.querySelectorAll(".dh-animation").forEach(svg => out.push(["dh-animation", tall(svg)]));
  return out;
}"""


def _pages(handbook) -> list[str]:
    """Every variant page and every page of the mistakes, as addresses under the site root."""
    layout = Paths.of(handbook, Text())
    docs = [paths.variant(d.id, v.id) for d in handbook.drills for v in d.variants]
    docs += [page.path for page in layout.mistake_pages()]
    return [page_url(p, True) for p in docs]


def test_every_figure_is_tall_enough_on_a_phone(new_page, site_url, handbook):
    page = new_page(viewport=PHONE)
    short, kinds = [], set()
    for url in _pages(handbook):
        page.goto(site_url + url)
        for kind, height in page.evaluate(HEIGHTS):
            kinds.add(kind)
            if height is None or height < TALL:
                short.append((url, kind, height))
    assert {"dh-strip dh-good", "dh-comparison", "dh-animation"} <= kinds
    assert short == []


def test_a_strip_scrolls_on_a_phone_and_fits_on_a_desktop(new_page, site_url, handbook):
    widest = max(((d, v) for d in handbook.drills for v in d.variants), key=lambda dv: len(dv[1].figure.keyframes))
    url = site_url + page_url(paths.variant(widest[0].id, widest[1].id), True)
    overflow = "() => { const s = document.querySelector('.dh-scroll'); return s.scrollWidth - s.clientWidth; }"
    phone = new_page(viewport=PHONE)
    phone.goto(url)
    assert phone.evaluate(overflow) > 0                           # the frames run on sideways
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]   # the page itself does not
    desk = new_page(viewport={"width": 1280, "height": 900})
    desk.goto(url)
    assert desk.evaluate(overflow) <= 0
