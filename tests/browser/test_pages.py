"""Every kind of page opens cleanly and passes axe-core, in both palettes, and can be
used with the keyboard alone."""

import pytest

from .conftest import axe_violations
from .pages import PAGES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_loads_without_errors_or_outside_requests(page, site_url, path):
    response = page.goto(site_url + path, wait_until="networkidle")
    assert response.ok
    assert page.locator("article h1").count() == 1
    assert page.problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_accessibility_violations(new_page, site_url, axe_source, path, scheme):
    page = new_page(color_scheme=scheme)
    page.goto(site_url + path, wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    assert axe_violations(page, axe_source) == []


def tab_to(page, predicate: str, limit: int = 60, key: str = "Tab") -> dict:
    """Press ``key`` until the focused element matches ``predicate`` (JS, given ``el``);
    what was focused then, with the outline it shows."""
    for _ in range(limit):
        page.keyboard.press(key)
        found = page.evaluate(
            f"() => {{ const el = document.activeElement; if (!({predicate})) return null;"
            " const s = getComputedStyle(el);"
            " return {tag: el.tagName, outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }")
        if found:
            return found
    raise AssertionError(f"{key} never reached an element where {predicate}")


def test_search_is_reachable_and_usable_with_the_keyboard(page, site_url):
    page.goto(site_url)
    focused = tab_to(page, "el.matches('input.md-search__input')")
    assert focused["outline"] != "none" and focused["width"] > 0
    page.keyboard.type("heel flicks")
    page.wait_for_selector(".md-search-result__list > li")
    # Material moves through its results with the arrow keys.
    focused = tab_to(page, "el.matches('.md-search-result__link')", limit=3, key="ArrowDown")
    assert focused["outline"] != "none" and focused["width"] > 0
    page.keyboard.press("Enter")
    page.wait_for_url("**/drills/**")
    assert page.problems == []


# What shows the focus: the element itself, or the label of a visually hidden input
# (Material's palette switch and toggles); its outline style and width. Null when nothing
# has the focus, "again" when Tab has come round to an element already seen.
_FOCUS_RING = """() => {
  const el = document.activeElement;
  if (el === document.body) return null;
  if (el.dataset.dhTabbed) return "again";
  el.dataset.dhTabbed = "1";
  const hidden = el.matches('input') && parseFloat(getComputedStyle(el).width) === 0;
  const shown = hidden ? document.querySelector(`label[for="${el.id}"]:not([hidden])`) || el : el;
  const s = getComputedStyle(shown);
  return {what: shown.outerHTML.slice(0, 80), style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
}"""


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_every_control_shows_keyboard_focus(page, site_url, path):
    page.goto(site_url + path)
    seen = []
    for _ in range(150):
        page.keyboard.press("Tab")
        focus = page.evaluate(_FOCUS_RING)
        if focus == "again":
            break
        # Nothing focused: past the last control, or on one that hid itself as the page
        # scrolled (Material's "back to top"); the next Tab goes on from there.
        if focus is not None:
            seen.append(focus)
    assert len(seen) > 10
    assert [f for f in seen if f["style"] == "none" or f["width"] == 0] == []


def test_palette_switch_works_with_the_keyboard(page, site_url):
    page.goto(site_url + PAGES["drill"])
    before = page.locator("body").get_attribute("data-md-color-scheme")
    tab_to(page, "el.matches('.md-option')")
    page.keyboard.press("Enter")
    assert page.locator("body").get_attribute("data-md-color-scheme") != before
