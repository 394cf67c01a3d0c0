"""A renamed drill's old address, as printed on an old QR code, still opens its page in a browser."""

from __future__ import annotations

import pytest

from tests.conftest import mkdocs_build

from .conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture
def renamed_site(project, tmp_path):
    """The handbook with Butt Kickers renamed from ``heel-flicks`` and its first variant from ``heels-up``."""
    drill = project / "drills/butt-kickers.yaml"
    text = drill.read_text(encoding="utf-8")
    text = text.replace("id: butt-kickers\n", "id: butt-kickers\nformer_ids: [heel-flicks]\n", 1)
    text = text.replace("  - id: heels-pelvis\n", "  - id: heels-pelvis\n    former_ids: [heels-up]\n", 1)
    drill.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


OLD_TO_NEW = {
    "drills/heel-flicks/": "drills/butt-kickers/",
    "drills/heel-flicks/heels-up/": "drills/butt-kickers/heels-pelvis/",
    "drills/butt-kickers/heels-up/": "drills/butt-kickers/heels-pelvis/",
    "drills/heel-flicks/dynamic/": "drills/butt-kickers/dynamic/",
}


def test_every_old_address_opens_the_renamed_page(page, renamed_site):
    for old, new in OLD_TO_NEW.items():
        page.goto(renamed_site + old)
        page.wait_for_url(renamed_site + new)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").inner_text().startswith("Butt Kickers"), old
    assert page.problems == []


def test_a_drill_s_former_card_page_opens_its_cards_on_the_cards_page(page, project, tmp_path, handbook):
    """Each drill's cards had a page (``/cards/<id>/``); the address now opens the cards page with
    that drill chosen, through a small redirect file that MkDocs copies as it is."""
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        for drill in handbook.drills:
            stub = site / "cards" / drill.id / "index.html"
            assert stub.stat().st_size < 1024 and "<article" not in stub.read_text(encoding="utf-8")
            page.goto(f"{url}cards/{drill.id}/")
            page.wait_for_url(f"{url}cards/?drills={drill.id}")
            page.wait_for_selector(".dh-deck[data-ready=true]", state="attached")
            assert page.locator(".dh-deck .dh-card-front").count() == len(drill.variants), drill.id
            assert page.get_by_role("checkbox", name=drill.name, exact=True).is_checked()
    assert page.problems == []
