"""Drill cards: the PDF decks (size, pages, layout, text, QR codes), the fit check, the cache and the command."""

from __future__ import annotations

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
from generator.adapters import decks_wanted
from generator.build import Build, Settings
from generator.environment import environment
from generator.figure.draw import Figures
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


def test_page_size_and_count(deck):
    _, pdf, paper, all_cards = deck
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == math.ceil(len(all_cards) / 4)
    expected = {"a4": (595, 842), "letter": (612, 792)}[paper.name]
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == expected


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
    for page in document.pages:
        width, height = page.width, page.height
        assert (round(width / MM, 1), round(height / MM, 1)) == (round(paper.width, 1), round(paper.height, 1))
        on_page = [b for b in _boxes(page._page_box) if "dh-card" in _classes(b) and b.element_tag == "article"]
        assert 1 <= len(on_page) <= 4
        for card in on_page:
            x, y, w, h = card.border_box_x(), card.border_box_y(), card.border_width(), card.border_height()
            assert (round(w / MM, 1), round(h / MM, 1)) == (round(paper.card_width, 1), round(paper.card_height, 1))
            edge = PRINTABLE_MM * MM
            assert x >= edge and y >= edge and x + w <= width - edge and y + h <= height - edge
            lowest = max(b.position_y + b.margin_height() for b in _boxes(card) if b is not card and hasattr(b, "margin_height"))
            assert lowest <= y + h - 1.5 * MM, f"{card.element.get('id')} runs {(lowest - y - h) / MM:.1f} mm past its edge"
            seen.append(card.element.get("id"))
    assert seen == [f"card-{c.drill.id}--{c.variant.id}" for c in all_cards]


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
    page = pages[f"cards/{drill.id}/index.md"]
    assert f"/drills/{drill.id}/{drill.variants[0].id}/" in page and "dh-qr-code" not in page
    assert [(p.path, p.field, p.severity) for p in build.reported] == [("mkdocs.yml", "site_url", "note")]
    assert "QR code" in build.reported[0].message


def test_card_pages_link_the_decks_only_when_they_are_built(handbook):
    build = Build(ROOT, Settings(site=Site(SITE_URL)))
    pages = build.pages()
    assert build.reported == []
    assert not any(p.endswith(".pdf") for p in pages)
    assert "not built" in pages["cards/index.md"]
    for drill in handbook.drills:
        assert "not built" in pages[f"cards/{drill.id}/index.md"] and "dh-qr-code" in pages[f"cards/{drill.id}/index.md"]
        assert f"[Print the cards](../../cards/{drill.id}/index.md)" in pages[f"drills/{drill.id}/index.md"]


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
        f"drills/butt-kickers.yaml:{line}:5: variants[0].steps: the card of variant 'heels-pelvis'")
    for args in ((), ("drills/butt-kickers.yaml",)):
        checked = run_generator("check", *args, cwd=project)
        assert checked.returncode == 1 and checked.stderr == f"{problem}\n1 problem found.\n"
    built = mkdocs_build(project, tmp_path / "site")
    assert built.returncode != 0 and str(problem) in built.stdout + built.stderr
    assert not (tmp_path / "site" / "index.html").exists()


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
    assert len(reader.pages) == math.ceil(sum(len(d.variants) for d in chosen) / 4)
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
    mkdocs_hook.on_startup(command="serve", dirty=False)
    mkdocs_hook.on_pre_build(_Config(site_url=SITE_URL, use_directory_urls=True))
    pages = mkdocs_hook._current.pages
    mkdocs_hook.on_post_build(None)
    assert "cards/index.md" in pages
    assert not [p for p in pages if p.endswith(".pdf")]
    assert mkdocs_hook._current is None
