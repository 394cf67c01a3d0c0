"""Every generated figure: well-formed, accessible SVG within the size budget, and the
seed drill's coaching point visible in its heel paths."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator.blocks import marked
from generator.build import build_pages
from generator.environment import environment
from generator.figure import draw
from generator.figure import kinematics as k
from generator.figure.draw import Figures
from generator.model import MUSCLES
from generator.paths import Paths
from generator.text import Text
from tests.conftest import ROOT
from tests.shipped import DRILLS as SHIPPED

SVG = "{http://www.w3.org/2000/svg}"
BUDGET = 24 * 1024   # bytes of figures on one variant page (pictograms: shaped limbs, shoes, shadows)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return build_pages(ROOT)


def figures(content: str) -> list[str]:
    """The figure blocks of a page, as the templates mark them (``html_block``)."""
    return [block for block in marked(content) if block.startswith('<div class="dh-figure')]


def test_every_figure_is_well_formed_accessible_svg(pages, handbook):
    count = 0
    for path, content in pages.items():
        for block in figures(content):
            root = ET.fromstring(block)      # the whole block, SVG and legend, is well-formed XML
            for svg in root.iter(f"{SVG}svg"):
                count += 1
                assert svg.get("role") == "img", path
                assert re.fullmatch(r"-?\d+ -?\d+ \d+ \d+", svg.get("viewBox")), path
                title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
                assert title is not None and title.text and title.text.strip(), path
                assert desc is not None and desc.text and len(desc.text) > 40, path
                assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
            assert "http://" not in block.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in block
    variants = sum(len(d.variants) for d in handbook.drills)
    assert count >= 2 * variants   # at least the animation and the strip on every variant page


def test_ids_are_unique_on_each_page(pages):
    for path, content in pages.items():
        ids = re.findall(r'\bid="([^"]+)"', "\n".join(figures(content)))
        assert len(ids) == len(set(ids)), path


def test_figures_of_a_shipped_variant_page_stay_within_the_budget(pages, handbook):
    for drill in map(handbook.drill, SHIPPED):
        for variant in drill.variants:
            content = pages[f"drills/{drill.id}/{variant.id}.md"]
            size = sum(len(b.encode()) for b in figures(content))
            assert 0 < size <= BUDGET, f"{drill.id}/{variant.id}: {size} bytes"


def test_variant_pages_show_movement_strip_and_comparison(pages):
    content = pages["drills/butt-kickers/heels-pelvis.md"]
    kinds = [re.search(r'class="dh-figure ([\w-]+)', b).group(1) for b in figures(content)]
    assert kinds == ["dh-anim", "dh-strip-box", "dh-compare"]   # legs-give-up is the only mistake drawn
    strip = ET.fromstring(figures(content)[1])
    assert "6 phases" in strip.find(f".//{SVG}title").text
    assert "Right heel under the pelvis" in strip.find(f".//{SVG}desc").text
    assert len(strip.findall(f".//{SVG}g[@class='dh-pose']")) == 6


def test_comparison_has_two_heel_paths_told_apart_without_colour(pages, handbook):
    mistakes = Paths.of(handbook, Text()).mistake("butt-kickers", "legs-give-up").partition("#")[0]
    for content in (pages["drills/butt-kickers/heels-pelvis.md"], pages[mistakes]):
        block = next(b for b in figures(content) if "dh-compare" in b)
        root = ET.fromstring(block)
        groups = root.findall(f".//{SVG}g")
        tones = [g.get("class") for g in groups if g.find(f"{SVG}polyline[@class='dh-heel']") is not None]
        assert tones == ["dh-pose dh-good", "dh-pose dh-bad"]
        legend = [li for li in root.iter("li")]
        assert len(legend) == 2 and "solid" in "".join(legend[0].itertext()) and "dashed" in "".join(legend[1].itertext())
    css = (ROOT / "docs/assets/handbook.css").read_text()
    assert re.search(r"\.dh-bad \.dh-heel[^{]*\{[^}]*stroke-dasharray", css)


def test_mistakes_pages_compare_every_drawn_mistake(pages, handbook):
    drawn = [(d.id, m.id) for d in handbook.drills for m in d.mistakes if m.figure is not None]
    layout = Paths.of(handbook, Text())
    for drill_id, mistake_id in drawn:
        content = pages[layout.mistake(drill_id, mistake_id).partition("#")[0]]
        assert f'id="compare-{drill_id}--{mistake_id}-title"' in content
        assert f'id="mistake-{drill_id}--{mistake_id}-title"' in content


def test_every_muscle_of_the_vocabulary_is_drawable():
    macro = environment(ROOT).get_template("figures/muscles.svg.j2").module.muscle_map
    block = str(macro(list(MUSCLES), [], "All muscles", "Every muscle of the vocabulary, strongly.", "m", "Front", "Back", "Main", ""))
    root = ET.fromstring(block)
    for muscle in MUSCLES:
        shapes = [e for g in root.iter(f"{SVG}g") if g.get("data-muscle") == muscle for e in g.iter(f"{SVG}path")]
        assert shapes, muscle


def test_drill_page_shows_main_muscles_strong_and_others_light(pages):
    block = next(b for b in figures(pages["drills/butt-kickers/index.md"]) if "dh-muscles" in b)
    root = ET.fromstring(block)
    classes = {g.get("data-muscle"): g.get("class") for g in root.iter(f"{SVG}g") if g.get("data-muscle")}
    assert classes["hamstrings"] == "dh-m dh-m1"
    assert classes["calves"] == "dh-m dh-m2"
    assert classes["quadriceps"] == "dh-m"                          # drawn, so the body reads, but not shaded
    assert set(classes) == set(MUSCLES)


def _peak(figure):
    """The time and the placed pose where the near heel is highest."""
    times = [n / 72 for n in range(72)]
    t = max(times, key=lambda t: k.place(k.frame_at(figure, t), 0, 0).near.heel[1])
    return k.place(k.frame_at(figure, t), 0, 0)


def test_heels_pelvis_heel_rises_under_the_pelvis(handbook):
    figure = next(v for v in handbook.drill("butt-kickers").variants if v.id == "heels-pelvis").figure
    pose = _peak(figure)
    assert pose.near.heel[1] > pose.far.knee[1]                    # above the standing leg's knee
    assert abs(pose.near.heel[0] - pose.hip[0]) <= 0.15            # within 15 cm of the hip


def test_legs_give_up_heel_swings_out_behind(handbook):
    drill = handbook.drill("butt-kickers")
    faulty = drill.mistake("legs-give-up").figure
    correct = next(v for v in drill.variants if v.id == "heels-pelvis").figure
    pose = _peak(faulty)
    assert pose.hip[0] - pose.near.heel[0] >= 0.3                  # well behind the hip at its highest
    assert min(x for x, _ in k.heel_path(faulty)) < min(x for x, _ in k.heel_path(correct)) - 0.1
    drawings = Figures()
    assert drawings.behind(faulty) > drawings.behind(correct)


def _luminance(hex_colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_figure_colours_meet_wcag_aa_for_graphics_in_both_palettes():
    css = (ROOT / "docs/assets/handbook.css").read_text()
    light = dict(re.findall(r"--dh-(good|bad|muscle): (#[0-9a-f]{6})", css.split("[data-md-color-scheme=\"slate\"]")[0]))
    dark = dict(re.findall(r"--dh-(good|bad|muscle): (#[0-9a-f]{6})", css.split("[data-md-color-scheme=\"slate\"] .dh-figure")[1].split("}")[0]))
    assert set(light) == set(dark) == {"good", "bad", "muscle"}
    # Material's page colours: white, and slate's hsl(225, 15%, 14%).
    for name, colour in light.items():
        assert _contrast(colour, "#ffffff") >= 3, name
        assert _contrast(dark[name], "#1e2129") >= 3, name


def _rules(css: str) -> dict[str, str]:
    """Each rule's declarations by its selector, as written."""
    return {sel.strip(): body for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", css)}


def test_cards_print_the_figures_in_colours_that_stand_out_on_white():
    css = (ROOT / "templates/cards/figure.css").read_text()
    short = re.findall(r"(?:stroke|fill): #([0-9a-f]{3});", css)
    colours = set(re.findall(r"(?:stroke|fill): (#[0-9a-f]{6})", css)) | {"#" + "".join(c * 2 for c in h) for h in short}
    assert len(colours) >= 3                                          # ink, far tone, heel path
    for colour in colours:
        assert _contrast(colour, "#ffffff") >= 3, colour


def test_cards_and_site_draw_the_limbs_alike():
    """The same stroke widths on the site and on the cards: one look everywhere."""
    site = _rules((ROOT / "docs/assets/handbook.css").read_text())
    card = _rules((ROOT / "templates/cards/figure.css").read_text())
    for part in ("dh-trunk", "dh-th", "dh-leg", "dh-arm", "dh-shoe"):
        width = re.search(r"stroke-width: ([\d.]+)", site[f".dh-figure .{part}"]).group(1)
        assert re.search(r"stroke-width: ([\d.]+)", card[f".{part}"]).group(1) == width, part


CARD_MM = 89      # the width of a card's front inside its margins


def test_card_strips_draw_a_body_at_least_25_mm_tall_across_the_card(handbook):
    """Printed at its own width, every card strip draws a standing body at least 25 mm tall,
    fits across the card, and rows of about 30 mm (less for a crouched figure) each hold bodies."""
    drawings = Figures()
    for drill in handbook.drills:
        for variant in drill.variants:
            strip = drawings.card_strip(variant.figure)
            _, _, width, height = map(float, strip.view_box.split())
            mm = float(strip.width.removesuffix("mm")) / width              # millimetres per unit of the drawing
            assert k.HEIGHT * draw.SCALE * mm >= 25, variant.id
            assert width * mm <= CARD_MM, variant.id
            rows = len(strip.grounds)
            assert 20 <= height * mm / rows <= 38, (variant.id, height * mm / rows)
            assert {p.y for p in strip.poses} == {y for _, _, y in strip.grounds}
