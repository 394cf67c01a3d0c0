"""The movement animation runs, stops for readers who prefer reduced motion, and pauses from the keyboard."""

import pytest

pytestmark = pytest.mark.browser

VARIANT = "drills/butt-kickers/heels-pelvis/"
STATES = "() => document.querySelector('.dh-anim').getAnimations({subtree: true}).map(a => a.playState)"
ROOT_TRANSFORM = "() => getComputedStyle(document.querySelector('.dh-anim svg > g.dh-a:last-of-type')).transform"


def test_animation_runs_and_moves_the_figure(page, site_url):
    page.goto(site_url + VARIANT)
    states = page.evaluate(STATES)
    assert len(states) >= 8 and set(states) == {"running"}
    first = page.evaluate(ROOT_TRANSFORM)
    page.wait_for_function(f"t => ({ROOT_TRANSFORM})() !== t", arg=first)
    assert page.locator(".dh-anim svg").is_visible()
    assert page.problems == []


def test_reduced_motion_stops_the_animation_and_shows_the_strip(page, site_url):
    page.emulate_media(reduced_motion="reduce")
    page.goto(site_url + VARIANT)
    assert not page.locator(".dh-anim").is_visible()
    assert "running" not in page.evaluate("() => document.getAnimations().map(a => a.playState)")
    assert page.locator(".dh-strip").is_visible()
    assert page.locator(".dh-phases li").count() == 6


def test_pause_control_works_from_the_keyboard(page, site_url):
    page.goto(site_url + VARIANT)
    button = page.locator(".dh-play")
    assert button.is_visible() and button.inner_text() == "Pause"
    for _ in range(80):                      # reach the button with Tab, as a keyboard user does
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('dh-play')"):
            break
    else:
        pytest.fail("the pause button is not reachable with Tab")
    page.keyboard.press("Enter")
    assert set(page.evaluate(STATES)) == {"paused"}
    assert button.inner_text() == "Play"
    page.keyboard.press("Space")
    assert set(page.evaluate(STATES)) == {"running"}
    assert button.inner_text() == "Pause"
    assert page.problems == []
