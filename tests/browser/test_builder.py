"""The session builder in Chromium: build a session from nothing, reorder it by keyboard and by
pointer, reload its address, print its sheet; an address that names unknown drills or carries
junk or markup shows what it can and says what it left out, and runs nothing."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from tests.browser.test_browse import problems, watch

pytestmark = pytest.mark.browser


def _open(page, url):
    if not getattr(page, "watched", False):
        watch(page)
        page.watched = True
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector(".dh-b-ui:not([hidden])")


def _state(page) -> list:
    return json.loads(page.evaluate("() => new URLSearchParams(location.search).get('s')"))


def test_build_from_nothing_reorder_reload_and_print(page, site_url, handbook):
    first, second = handbook.drills[0], handbook.drills[-1]
    _open(page, site_url + "session-builder/")
    page.select_option("#dh-b-from", "")
    page.click(".dh-b-load")
    page.fill(".dh-b-name", "Tuesday sprints")
    for name, minutes in (("Jog", "5"), ("Drills", "7.5")):
        page.click(".dh-b-add-block")
        page.locator(".dh-b-block-name").last.fill(name)
        page.locator(".dh-b-minutes").last.fill(minutes)
    page.select_option(".dh-b-to", "1")
    for drill in (first, second):
        page.fill(".dh-b-find", drill.name)
        page.locator(f'.dh-b-add[data-drill="{drill.id}"]').click()
    page.locator(".dh-b-dosage").first.fill("2 × 30 m")
    assert page.locator(".dh-b-total").inner_text().endswith("12.5 min")
    state = _state(page)
    assert state[0] == "Tuesday sprints"
    assert [b[0] for b in state[1]] == ["Jog", "Drills"] and state[1][1][1] == 7.5
    assert [d[0] for d in state[1][1][3]] == [first.id, second.id] and state[1][1][3][0][2] == "2 × 30 m"

    # Keyboard: the second drill moves up, the second block moves up; focus follows the moved item.
    page.locator(".dh-b-drill").nth(1).locator(".dh-b-up").focus()
    page.keyboard.press("Enter")
    assert [d[0] for d in _state(page)[1][1][3]] == [second.id, first.id]
    page.locator(".dh-b-block").nth(1).locator(".dh-b-block-head .dh-b-up").focus()
    page.keyboard.press("Enter")
    assert [b[0] for b in _state(page)[1]] == ["Drills", "Jog"]
    assert page.evaluate("() => document.activeElement.classList.contains('dh-b-up')")
    assert [c.inner_text() for c in page.locator(".dh-b-clock").all()] == ["0:00", "7:30"]

    # Pointer: drag the second block back above the first.
    page.locator(".dh-b-block").nth(1).drag_to(page.locator(".dh-b-block").nth(0))
    assert [b[0] for b in _state(page)[1]] == ["Jog", "Drills"]

    # The address alone brings the session back.
    page.reload(wait_until="networkidle")
    page.wait_for_selector(".dh-b-ui:not([hidden])")
    assert page.locator(".dh-b-name").input_value() == "Tuesday sprints"
    assert [n.input_value() for n in page.locator(".dh-b-block-name").all()] == ["Jog", "Drills"]
    assert [n.inner_text() for n in page.locator(".dh-b-drill-name").all()] == [second.name, first.name]
    cards = page.locator(".dh-b-cards").get_attribute("href")
    assert cards.endswith(f"?drills={second.id},{first.id}")

    # Print: the sheet shows the timeline, and nothing else of the page.
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    page.click(".dh-b-print-sheet")
    assert page.evaluate("() => window.__printed") is True
    page.emulate_media(media="print")
    sheet = page.locator(".dh-b-sheet")
    assert sheet.is_visible()
    text = sheet.inner_text()
    assert "Tuesday sprints" in text and "0:00" in text and "5:00" in text and "12.5 min" in text
    assert f"{first.name}: {first.variants[0].name}" in text and "2 × 30 m" in text
    assert page.evaluate("() => getComputedStyle(document.querySelector('.dh-b-add-block')).visibility") == "hidden"
    assert problems(page) == []


def test_starting_from_a_shipped_session_shows_its_blocks(page, site_url, handbook):
    for session in handbook.sessions:
        _open(page, f"{site_url}session-builder/?from={session.id}")
        assert [n.input_value() for n in page.locator(".dh-b-block-name").all()] == [b.name for b in session.blocks]
        assert page.locator(".dh-b-drill").count() == sum(len(b.drills) for b in session.blocks)


def test_unknown_drills_and_junk_in_the_address_are_said_and_left_out(page, site_url, handbook):
    known = handbook.drills[0].id
    state = ["Mixed", [["Drills", 5, "", [[known, "no-such-variant", ""], ["no-such-drill", "", ""]]]]]
    _open(page, f"{site_url}session-builder/?s={quote(json.dumps(state))}")
    assert "no-such-drill" in page.locator(".dh-b-status").inner_text()
    assert [d[0] for d in _state(page)[1][0][3]] == [known]
    assert _state(page)[1][0][3][0][1] == handbook.drills[0].variants[0].id
    for junk in ("%7Bnot-json", quote(json.dumps({"a": 1})), quote(json.dumps([1, 2]))):
        _open(page, f"{site_url}session-builder/?s={junk}")
        assert page.locator(".dh-b-status").inner_text()
        assert page.locator(".dh-b-block").count() == 0
    assert problems(page) == []


def test_markup_in_the_address_is_shown_as_text_and_runs_nothing(page, site_url, handbook):
    payload = "<img src=x onerror=\"window.__pwned='img'\"><script>window.__pwned='s'</script>"
    state = [payload, [[payload, 5, payload, [[handbook.drills[0].id, "", payload]]]]]
    _open(page, f"{site_url}session-builder/?s={quote(json.dumps(state))}")
    assert page.locator(".dh-b-name").input_value() == payload
    page.evaluate("() => { window.print = () => {}; }")
    page.click(".dh-b-print-sheet")
    assert payload in page.locator(".dh-b-sheet").text_content()
    assert page.evaluate("() => Object.keys(window).filter(k => k.includes('pwned'))") == []
    assert page.locator("article img[src='x'], article script:not([src])").count() == 0
