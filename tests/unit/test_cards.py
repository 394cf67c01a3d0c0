"""Drill cards: the PDF decks (size, pages, layout, text, QR codes), the fit check, the cache and the command."""

from __future__ import annotations

import dataclasses
import html
import io
import math
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PIL import Image, ImageChops

from generator import cards
from generator.adapters import decks_wanted, site_config, site_of
from generator.build import Build, Settings
from generator.environment import environment
from generator.figure.draw import SCALE, Figures
from generator.figure.kinematics import HEIGHT
from generator.paths import Site
from generator.text import Text
from tests.conftest import ROOT, mkdocs_build, run_generator

SITE_URL = "https://drills.example.org/handbook/"
MM = 96 / 25.4          # CSS px per millimetre, WeasyPrint's layout unit
PRINTABLE_MM = 6.0      # no card within this distance of a sheet's edge (a printer's unprintable border)


@pytest.fixture(scope="module")
def shipped(handbook):
    """The handbook's cards, with the environment and text filters that check them."""
    text = Text()
    env = environment(ROOT, text)
    return handbook, env, text, cards.make_cards(handbook, Figures(), Site(SITE_URL))


@pytest.fixture(scope="module", params=sorted(cards.PAPERS))
def deck(request, shipped):
    """The whole shipped deck on one paper: its HTML, its PDF and the paper."""
    _, env, _, all_cards = shipped
    paper = cards.PAPERS[request.param]
    html = cards.deck_html(env, all_cards, paper, "test deck")
    return html, cards.render_pdf(html), paper, all_cards


def test_a_deck_has_a_front_and_a_back_page_per_four_cards(deck):
    _, pdf, paper, all_cards = deck
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2 * math.ceil(len(all_cards) / 4)
    expected = {"a4": (595, 842), "letter": (612, 792)}[paper.name]
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == expected


def _words(pdf: bytes, tmp_path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Each page's words with their boxes in millimetres from the top left, read by pdftotext."""
    source = tmp_path / "words.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-bbox", str(source), "-"], capture_output=True, text=True, check=True).stdout
    found = re.compile(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')
    return [[(*(float(v) * 25.4 / 72 for v in m.groups()[:4]), html.unescape(m.group(5))) for m in found.finditer(page)]
            for page in out.split("<page ")[1:]]


def _text_in(words, x: float, y: float, paper) -> str:
    """The words whose top left corner lies in the card at (x, y), in reading order."""
    return " ".join(w[4] for w in words if x <= w[0] < x + paper.card_width and y <= w[1] < y + paper.card_height)


def test_each_back_lands_behind_its_front_when_the_sheet_turns_on_its_long_edge(deck, tmp_path):
    """Front pages are odd, back pages even; turned over on the long (left-right) edge, a card's
    back is the mirror of its front's place: same height on the sheet, the other column."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not found (apt-get install -y poppler-utils)")
    _, pdf, paper, all_cards = deck
    pages = _words(pdf, tmp_path)
    for i, card in enumerate(all_cards):
        front, back = pages[2 * (i // 4)], pages[2 * (i // 4) + 1]
        x, y = paper.slots("front")[i % 4]
        mirrored = (round(paper.width - x - paper.card_width, 2), y)
        assert paper.slots("back")[i % 4] == mirrored
        first_step = _opening(card)
        assert card.variant.cues[0].split()[0] in _text_in(front, x, y, paper)
        assert first_step in _text_in(back, *mirrored, paper), card.anchor
        # Where another card of the sheet opens with the same words, its slot may show them too.
        if [_opening(c) for c in all_cards[i - i % 4:i - i % 4 + 4]].count(first_step) == 1 and (x, y) != mirrored:
            assert first_step not in _text_in(back, x, y, paper)
            assert first_step not in _text_in(front, *mirrored, paper)


def _opening(card) -> str:
    """The first words of a card's first step, which its back shows."""
    return " ".join(card.variant.steps[0].split()[:3])


def _sizes(pdf: bytes) -> list[tuple[int, float, str]]:
    """(page, font size in points, text) of every run of text in the PDF, as the page draws it."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    out = []
    for n, page in enumerate(reader.pages):
        def visit(text, cm, tm, font, size, n=n):
            if text.strip():
                out.append((n, size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]), " ".join(text.split())))
        page.extract_text(visitor_text=visit)
    return out


def test_text_on_the_cards_is_large_enough_to_read_on_the_track(deck):
    """At least 95 % of the characters at 8.5 pt or more (the QR code's caption may be smaller);
    every cue at 12 pt or more. The phase numbers of the figures are drawn at the figure's
    scale (22 units of a 220-unit-high strip that is 31 mm tall: 8.8 pt)."""
    _, pdf, _, all_cards = deck
    runs = [(page, size, text) for page, size, text in _sizes(pdf) if not text.isdigit()]
    chars = sum(len(text) for _, _, text in runs)
    small = sum(len(text) for _, size, text in runs if size < 8.5 - 0.01 and text != "Scan for the page")
    assert small <= 0.05 * chars, [r for r in runs if r[1] < 8.5][:10]
    assert not [r for r in runs if r[1] < 5.5]
    cue_sizes = {text.lstrip("› "): size for _, size, text in runs if text.startswith("›")}
    for card in all_cards:
        for cue in card.variant.cues:
            starts = [size for text, size in cue_sizes.items() if cue.startswith(text) or text.startswith(cue[:20])]
            assert starts and min(starts) >= 12 - 0.01, (card.anchor, cue)


def test_every_variant_name_is_in_the_text(deck):
    _, pdf, _, all_cards = deck
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    words = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    for card in all_cards:
        assert card.variant.name in words, card.variant.id


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def _classes(box) -> set[str]:
    element = getattr(box, "element", None)
    if element is None or box.element_tag in ("svg",) or not isinstance(element.get("class"), str):
        return set()
    return set(element.get("class").split())


def test_cards_lie_inside_the_printable_area_and_their_text_inside_the_card(deck):
    """Laid out by WeasyPrint: four cards a sheet at most, each whole on one sheet,
    away from the sheet's edges, with nothing running past the card's bottom edge."""
    from weasyprint import HTML

    html, _, paper, all_cards = deck
    document = HTML(string=html).render()
    seen = []
    for number, page in enumerate(document.pages):
        width, height = page.width, page.height
        assert (round(width / MM, 1), round(height / MM, 1)) == (round(paper.width, 1), round(paper.height, 1))
        on_page = [b for b in _boxes(page._page_box) if "dh-card" in _classes(b) and b.element_tag == "article"]
        assert 1 <= len(on_page) <= 4
        side = "front" if number % 2 == 0 else "back"
        assert {side} == {"front" if "dh-card-front" in _classes(b) else "back" for b in on_page}
        for card in on_page:
            x, y, w, h = card.border_box_x(), card.border_box_y(), card.border_width(), card.border_height()
            assert (round(w / MM, 1), round(h / MM, 1)) == (round(paper.card_width, 1), round(paper.card_height, 1))
            edge = PRINTABLE_MM * MM
            assert x >= edge and y >= edge and x + w <= width - edge and y + h <= height - edge
            lowest = max(b.position_y + b.margin_height() for b in _boxes(card) if b is not card and hasattr(b, "margin_height"))
            assert lowest <= y + h - 1.5 * MM, f"{card.element.get('id')} runs {(lowest - y - h) / MM:.1f} mm past its edge"
            seen.append(card.element.get("id"))
    fronts = [f"card-{c.drill.id}--{c.variant.id}" for c in all_cards]
    assert [i for i in seen if not i.endswith("-back")] == fronts
    assert [i[:-len("-back")] for i in seen if i.endswith("-back")] == fronts


def test_the_figures_are_large_enough_to_read_on_the_track(deck):
    """Each figure row is at least 30 mm tall, and the figure in it at least 25 mm: the body's
    standing height is its share of the strip's drawing box, at the row's printed height."""
    from weasyprint import HTML

    html_text, _, paper, all_cards = deck
    document = HTML(string=html_text).render()
    rows = [b for page in document.pages for b in _boxes(page._page_box)
            if (b.element_tag or "").endswith("svg") and "dh-strip" in (b.element.get("class") or "").split()]
    assert len(rows) == sum(len(c.rows) for c in all_cards)
    drawn = [row for card in all_cards for row in card.rows]
    for box, row in zip(rows, drawn):
        height_mm = box.height / MM
        assert height_mm >= 30, (row.strip.view_box, height_mm)
        units = float(row.strip.view_box.split()[3])
        assert HEIGHT * SCALE / units * height_mm >= 25, (row.strip.view_box, HEIGHT * SCALE / units * height_mm)
        assert box.width / MM <= paper.card_width - 7


def _page_png(pdf: bytes, tmp_path: Path, page: int) -> Image.Image:
    source = tmp_path / "deck.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "300", "-f", str(page), "-l", str(page), "-singlefile", str(source), str(tmp_path / "page")], check=True)
    return Image.open(tmp_path / "page.png")


def test_qr_codes_open_each_variant_page(deck, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not found (apt-get install -y poppler-utils)")
    _, pdf, _, all_cards = deck
    found = {r.text for r in zxingcpp.read_barcodes(_page_png(pdf, tmp_path, 1)) if r.format == zxingcpp.BarcodeFormat.QRCode}
    expected = {f"{SITE_URL}drills/{c.drill.id}/{c.variant.id}/" for c in all_cards[:4]}
    assert found == expected
    assert not zxingcpp.read_barcodes(_page_png(pdf, tmp_path, 2)), "the backs carry no QR code"


def _ink(image: Image.Image, colour: tuple[int, int, int], tolerance: int = 40) -> int:
    """Pixels whose every channel is within ``tolerance`` of ``colour``."""
    rgb = image.convert("RGB")
    channels = ImageChops.difference(rgb, Image.new("RGB", rgb.size, colour)).split()
    near = [c.point(lambda v: 255 if v <= tolerance else 0) for c in channels]
    return ImageChops.multiply(ImageChops.multiply(near[0], near[1]), near[2]).histogram()[255]


def test_the_heel_path_is_printed_on_the_cards(shipped, tmp_path):
    """The strip draws each pose's heel path with ``<use>``: the deck's styles must reach it in the PDF."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not found (apt-get install -y poppler-utils)")
    _, env, _, all_cards = shipped
    html = cards.deck_html(env, all_cards[:1], cards.PAPERS["a4"], "one card")
    assert "<use " in html
    blue = (0x15, 0x65, 0xC0)
    with_paths = _ink(_page_png(cards.render_pdf(html), tmp_path, 1), blue)
    without = _ink(_page_png(cards.render_pdf(re.sub(r"<use [^>]*/>", "", html)), tmp_path, 1), blue)
    assert with_paths > 2 * without + 500, (with_paths, without)


def test_a_deck_is_the_same_bytes_every_time(shipped):
    _, env, _, all_cards = shipped
    html = cards.deck_html(env, all_cards[:1], cards.PAPERS["a4"], "one card")
    assert cards.render_pdf(html) == cards.render_pdf(html)


def test_without_an_address_the_card_prints_the_page_path(handbook):
    build = Build(ROOT)
    pages = build.pages()
    drill = handbook.drills[0]
    script = pages[f"cards/js/{drill.id}.js"]
    assert f"/drills/{drill.id}/{drill.variants[0].id}/" in script and "dh-qr-code" not in script
    assert [(p.path, p.field, p.severity) for p in build.reported] == [("mkdocs.yml", "site_url", "note")]
    assert "QR code" in build.reported[0].message and "SITE_URL" in build.reported[0].message
    assert "No QR codes on these cards" in pages["cards/index.md"] and "SITE_URL=" in pages["cards/index.md"]


def test_card_pages_link_the_decks_only_when_they_are_built(handbook):
    build = Build(ROOT, Settings(site=Site(SITE_URL)))
    pages = build.pages()
    assert build.reported == []
    assert "No QR codes" not in pages["cards/index.md"]
    assert not any(p.endswith(".pdf") for p in pages)
    assert "not built" in pages["cards/index.md"]
    for drill in handbook.drills:
        assert "dh-qr-code" in pages[f"cards/js/{drill.id}.js"]
        assert f"[Print the cards](../../cards/index.md?drills={drill.id})" in pages[f"drills/{drill.id}/index.md"]


def test_each_drill_s_cards_are_a_script_and_its_former_card_page_a_redirect(handbook):
    """A script per drill (loadable from file://), holding each card's front and back; the old
    card page's address is a small HTML file to copy, not a page to render."""
    import json

    pages = Build(ROOT, Settings(site=Site(SITE_URL))).pages()
    assert not [p for p in pages if re.fullmatch(r"cards/[^/]+/index\.md", p)]
    for drill in handbook.drills:
        script = pages[f"cards/js/{drill.id}.js"]
        start = script.index("] = [")
        data = json.loads(script[start + 4:].strip().rstrip(";"))
        assert [len(pair) for pair in data] == [2] * len(drill.variants)
        for (front, back), variant in zip(data, drill.variants):
            assert 'class="dh-card dh-card-front"' in front and f"card-{drill.id}--{variant.id}" in front
            assert 'class="dh-card dh-card-back"' in back
        stub = pages[f"cards/{drill.id}/index.html"]
        assert 'http-equiv="refresh" content="0; url=../?drills=' + drill.id + '"' in stub
    offline = Build(ROOT, Settings(site=Site(SITE_URL, directory_urls=False))).pages()
    assert 'url=../index.html?drills=' in offline[f"cards/{handbook.drills[0].id}/index.html"]


@pytest.mark.parametrize(("environ", "serving", "wanted"), [
    ({}, False, True), ({}, True, False), ({"HANDBOOK_PDF": "0"}, False, False), ({"HANDBOOK_PDF": "1"}, True, True),
])
def test_when_decks_are_rendered(environ, serving, wanted):
    assert decks_wanted(environ, serving) is wanted


def _lengthen_a_step(project: Path) -> int:
    """Make a step of Butt Kickers' first variant far too long; return its line number."""
    path = project / "drills" / "butt-kickers.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- Start jogging forward slowly"))
    lines[at] = lines[at].rstrip("\n") + " Keep the trunk tall and the gaze ahead," * 12 + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    steps_line = next(i for i in range(at, -1, -1) if lines[i].strip() == "steps:")
    return steps_line + 1


def test_text_too_long_for_a_card_is_the_same_error_in_check_and_build(project, tmp_path):
    line = _lengthen_a_step(project)
    build = Build(project, Settings(site=Site(SITE_URL)))
    build.pages()
    [problem] = build.reported
    assert problem.is_error and str(problem).startswith(
        f"drills/butt-kickers.yaml:{line}:5: variants[0].steps: the back of the card of variant 'heels-pelvis'")
    for args in ((), ("drills/butt-kickers.yaml",)):
        checked = run_generator("check", *args, cwd=project)
        assert checked.returncode == 1 and checked.stderr == f"{problem}\n1 problem found.\n"
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode != 0 and str(problem) in built.stdout + built.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_each_side_of_a_card_is_checked_on_its_own(project, handbook):
    """The cues are on the front, the steps on the back: five long cues on a card whose figure
    takes two rows are reported on the front alone, at the cues."""
    figures = Figures()
    drill, index = next((d, i) for d in handbook.drills for i, v in enumerate(d.variants)
                        if len(cards.figure_rows(figures.strip(v.figure))) > 1)
    path = project / "drills" / f"{drill.id}.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.strip() == "cues:"]
    at = starts[index]
    indent = lines[at + 1][: len(lines[at + 1]) - len(lines[at + 1].lstrip())]
    end = at + 1
    while lines[end].startswith(indent + "- "):
        end += 1
    lines[at + 1:end] = [f"{indent}- Keep the trunk tall and the eyes on the finish line {n}\n" for n in range(5)]
    path.write_text("".join(lines), encoding="utf-8")
    checked = run_generator("check", f"drills/{drill.id}.yaml", cwd=project)
    assert checked.returncode == 1
    [problem, count] = checked.stderr.splitlines()
    assert problem.startswith(f"drills/{drill.id}.yaml:{at + 1}:5: variants[{index}].cues: the front of the card of variant")
    assert count == "1 problem found."


def test_every_card_fits(shipped):
    handbook, env, text, all_cards = shipped
    assert cards.fit_problems(handbook, all_cards, env, text) == []


def test_a_deck_is_rendered_once_then_read_from_the_cache(project, monkeypatch, handbook):
    rendered = []
    real = cards.render_pdf
    monkeypatch.setattr(cards, "render_pdf", lambda html: rendered.append(html) or real(html))
    settings = Settings(cache=project / ".cache")
    drill = handbook.drills[0].id
    first = Build(project, settings).deck("a4", [drill])
    second = Build(project, settings).deck("a4", [drill])
    assert first == second and len(rendered) == 1
    assert len(list((project / ".cache" / "cards").glob("*.pdf"))) == 1
    css = project / "templates" / "cards" / "cards.css"
    css.write_text(css.read_text() + "\n.dh-card-name { letter-spacing: .01em; }\n")
    Build(project, settings).deck("a4", [drill])
    assert len(rendered) == 2


def test_the_command_writes_a_deck_of_the_chosen_drills(project, tmp_path, handbook):
    out = tmp_path / "tonight.pdf"
    chosen = [handbook.drill("a-skip"), handbook.drill("butt-kickers")]
    result = run_generator("cards", "--paper", "letter", "--drill", "a-skip", "--drill", "butt-kickers", "--out", str(out),
                           cwd=project)
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) == 2 * math.ceil(sum(len(d.variants) for d in chosen) / 4)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = " ".join(reader.pages[0].extract_text().split())
    assert text.index(chosen[0].variants[0].name) < text.index(chosen[1].variants[0].name)
    assert list((project / ".cache" / "cards").glob("*.pdf"))


def test_the_command_refuses_an_unknown_drill(tmp_path, handbook):
    out = tmp_path / "x.pdf"
    result = run_generator("cards", "--drill", "a-skip", "--drill", "carioka", "--out", str(out))
    assert result.returncode == 1
    known = ", ".join(d.id for d in handbook.drills)
    assert f"--drill: no drill has the id 'carioka'; the drills are: {known}" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


class _Config(dict):
    config_file_path = str(ROOT / "mkdocs.yml")
    docs_dir = str(ROOT / "docs")


def test_mkdocs_serve_leaves_the_decks_out(monkeypatch):
    from generator import mkdocs_hook

    monkeypatch.delenv("HANDBOOK_PDF", raising=False)
    monkeypatch.setattr(mkdocs_hook, "_serving", False)
    config = _Config(site_url=SITE_URL, use_directory_urls=True)
    # what on_config reads from the whole configuration: the site's languages, and its address
    monkeypatch.setattr(mkdocs_hook, "_site", dataclasses.replace(site_of(site_config(ROOT)), url=SITE_URL))
    mkdocs_hook.on_startup(command="serve", dirty=False)
    mkdocs_hook.on_pre_build(config)
    pages = mkdocs_hook._current.pages
    mkdocs_hook.on_post_build(None)
    assert "cards/index.md" in pages
    assert not [p for p in pages if p.endswith(".pdf")]
    assert mkdocs_hook._current is None
