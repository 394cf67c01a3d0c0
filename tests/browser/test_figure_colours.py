"""Every part of a figure that carries meaning stands out from the page by at least 3:1 (WCAG 1.4.11),
in the light and the dark palette and for every primary colour a club can choose: the colours are
read as Chromium computes them from the handbook's CSS."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

VARIANT = "drills/butt-kickers/heels-pelvis/"
DRILL = "drills/butt-kickers/"

# (what, selector, property): the parts a reader tells apart.
PARTS = [
    ("near limbs", ".dh-strip .dh-near .dh-leg", "stroke"),
    ("far limbs", ".dh-strip .dh-far .dh-leg", "stroke"),
    ("near shoe", ".dh-strip .dh-near .dh-shoe", "fill"),
    ("far shoe", ".dh-strip .dh-far .dh-shoe", "fill"),
    ("trunk", ".dh-strip .dh-trunk", "stroke"),
    ("head", ".dh-strip .dh-head", "fill"),
    ("ground", ".dh-strip .dh-ground", "stroke"),
    ("heel path", ".dh-strip use", "stroke"),
    ("mistake's heel path", ".dh-comparison .dh-bad .dh-heel", "stroke"),
    ("animated body", ".dh-animation .dh-near .dh-leg", "stroke"),
]
MUSCLE_PARTS = [
    ("main muscle", ".dh-m1 path", "fill"),
    ("other muscle's edge", ".dh-m2 path", "stroke"),
    ("body outline", ".dh-outline", "stroke"),
]

# Each colour as Chromium paints it (a canvas resolves any CSS colour to sRGB bytes), with the page's.
COLOURS = """parts => {
  const ctx = Object.assign(document.createElement("canvas"), {width: 1, height: 1}).getContext("2d", {willReadFrequently: true});
  const rgb = colour => { ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = "#000"; ctx.fillStyle = colour; ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data]; };
  const out = {page: rgb(getComputedStyle(document.body).backgroundColor)};
  for (const [what, selector, property] of parts) {
    const el = document.querySelector(selector);
    out[what] = el ? rgb(getComputedStyle(el)[property]) : null;
  }
  return out;
}"""


def _luminance(rgb) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _over(colour, page):
    """``colour`` (RGBA bytes) laid on the opaque ``page``."""
    a = colour[3] / 255
    return [c * a + p * (1 - a) for c, p in zip(colour[:3], page[:3])]


def contrast(a, b) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _primaries(built_site) -> list[str]:
    """Every primary colour Material offers, read from its palette style sheet in the built site."""
    css = "".join(p.read_text() for p in (built_site / "assets" / "stylesheets").glob("palette.*.css"))
    return sorted(set(re.findall(r"\[data-md-color-primary=([a-z-]+)\]\{--md-primary-fg-color:", css)))


def _low(pg, parts) -> list[str]:
    colours = pg.evaluate(COLOURS, parts)
    page = colours.pop("page")
    missing = [what for what, c in colours.items() if c is None]
    assert missing == [], missing
    return [f"{what} {contrast(_over(c, page), page):.2f}" for what, c in colours.items() if contrast(_over(c, page), page) < 3]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figure_parts_stand_out_for_every_club_colour(new_page, site_url, built_site, scheme):
    primaries = _primaries(built_site)
    assert "indigo" in primaries and len(primaries) >= 10
    pg = new_page(color_scheme=scheme, reduced_motion="reduce")
    pg.goto(site_url + VARIANT)
    assert pg.evaluate("() => document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    low = []
    for primary in primaries:
        pg.evaluate("p => document.body.setAttribute('data-md-color-primary', p)", primary)
        low += [f"{primary}: {part}" for part in _low(pg, PARTS)]
    pg.goto(site_url + DRILL)
    low += [f"muscles: {part}" for part in _low(pg, MUSCLE_PARTS)]
    assert low == []


def test_the_figures_take_the_clubs_colour(new_page, site_url):
    """Two primary colours give two inks, and the far limbs are a lighter tone of the near ones."""
    pg = new_page(reduced_motion="reduce")
    pg.goto(site_url + VARIANT)
    inks = {}
    for primary in ("indigo", "green"):
        pg.evaluate("p => document.body.setAttribute('data-md-color-primary', p)", primary)
        inks[primary] = pg.evaluate(COLOURS, PARTS[:2])
    assert inks["indigo"]["near limbs"] != inks["green"]["near limbs"]
    for ink in inks.values():
        assert _luminance(ink["far limbs"]) > _luminance(ink["near limbs"])
