"""The /cards/ page in Chromium: choosing drills, printing them four to an A4 sheet, and the deck links."""

from __future__ import annotations

import io
import math

import pypdf
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import serve
from tests.conftest import copy_handbook, mkdocs_build

pytestmark = pytest.mark.browser

SITE_URL = "https://drills.example.org/handbook/"
A4_PX = (210 * 96 / 25.4, 297 * 96 / 25.4)


@pytest.fixture(scope="module")
def cards_site(tmp_path_factory):
    """The handbook built with its PDF decks, in a copy (whose .cache/ takes the decks)."""
    work = tmp_path_factory.mktemp("cards-site")
    project = copy_handbook(work / "handbook")
    site = work / "site"
    result = mkdocs_build(project, site, {"HANDBOOK_PDF": "1", "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield site, url


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")


def test_printing_cards_gives_the_decks_a4_pages_with_no_card_split(page, cards_site, handbook):
    site, url = cards_site
    _open(page, url + "cards/")
    count = page.locator(".dh-deck .dh-card-front").count()
    deck = pypdf.PdfReader(site / "cards" / "drill-cards-a4.pdf")
    assert count == sum(len(d.variants) for d in handbook.drills) and len(deck.pages) == 2 * math.ceil(count / 4)

    printed = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(printed.pages) == len(deck.pages)
    first, second = handbook.drills[0].variants[0], handbook.drills[0].variants[0].steps[0]
    assert first.name in " ".join((printed.pages[0].extract_text() or "").split())     # the fronts print
    assert second.split()[0] in (printed.pages[1].extract_text() or "")                # and their backs
    for p in printed.pages:
        assert (round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (595, 842)

    page.emulate_media(media="print")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.dh-deck .dh-card')].map(c => {
        const r = c.getBoundingClientRect();
        return {id: c.id, top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right,
                overflow: c.scrollHeight - c.clientHeight};
    })""")
    width, height = A4_PX
    for box in boxes:
        sheet = int(box["top"] // height)
        assert int((box["bottom"] - 0.5) // height) == sheet, f"{box['id']} crosses a page boundary"
        assert box["left"] >= 0 and box["right"] <= width, box["id"]
        assert box["overflow"] <= 0, f"{box['id']} text runs past the card"
    assert {int(b["top"] // height) for b in boxes} == set(range(len(deck.pages)))
    # fronts on the odd pages, backs on the even ones, each back mirrored behind its front
    where = {b["id"]: b for b in boxes}
    for front in (b for b in boxes if not b["id"].endswith("-back")):
        back = where[front["id"] + "-back"]
        assert int(front["top"] // height) % 2 == 0 and int(back["top"] // height) == int(front["top"] // height) + 1
        assert abs(back["top"] - height - front["top"]) < 1 and abs(back["left"] - (width - front["right"])) < 1
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".dh-picker"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.problems == []


def test_the_choice_of_drills_is_kept_in_the_address(page, cards_site, handbook):
    _, url = cards_site
    a_skip = len(handbook.drill("a-skip").variants)
    _open(page, url + "cards/?drills=a-skip,butt-kickers")
    assert page.locator(".dh-deck .dh-card-front").count() == a_skip + len(handbook.drill("butt-kickers").variants)
    def box(name):
        return page.get_by_role("checkbox", name=name, exact=True)

    assert box("A-Skip").is_checked() and box("Butt Kickers").is_checked()
    assert not box("High Knees").is_checked()

    box("Butt Kickers").focus()
    page.keyboard.press("Space")
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
    assert page.url.endswith("/cards/?drills=a-skip")
    assert page.locator(".dh-deck .dh-card-front").count() == a_skip
    sheets = math.ceil(a_skip / 4)
    assert f"{a_skip} card{'s' if a_skip != 1 else ''} on {sheets} A4 sheet{'s' if sheets > 1 else ''}" in page.locator(".dh-picker-status").inner_text()

    page.get_by_role("button", name="Select none").click()
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
    assert page.url.endswith("/cards/?drills=")
    assert page.locator(".dh-deck .dh-card-front").count() == 0
    page.get_by_role("button", name="Select all").click()
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
    assert page.url.endswith("/cards/")
    assert page.get_by_role("button", name="Print the selected cards").is_visible()
    assert page.problems == []


def test_every_deck_and_drill_cards_link_works(page, cards_site, handbook):
    _, url = cards_site
    _open(page, url + "cards/")
    hrefs = page.eval_on_selector_all(".md-content a[href]", "as => as.map(a => a.href)")
    pdfs = [h for h in hrefs if h.endswith(".pdf")]
    assert len(pdfs) == 2 + 2 * len(handbook.drills)
    for href in pdfs:
        response = page.request.get(href)
        assert response.ok, href
    drill = handbook.drills[-1]
    page.get_by_role("link", name=f"{len(drill.variants)} card", exact=False).last.click()
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
    assert page.url.endswith(f"/cards/?drills={drill.id}")
    expect(page.locator(".dh-deck .dh-card-front")).to_have_count(len(drill.variants))
    page.goto(url + "drills/butt-kickers/dynamic/")
    page.get_by_role("link", name="Print the cards").click()
    page.wait_for_url("**/cards/?drills=butt-kickers")
    page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
    expect(page.locator(".dh-deck .dh-card-front")).to_have_count(len(handbook.drill("butt-kickers").variants))
    assert page.problems == []
