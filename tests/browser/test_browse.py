"""Browsing by picture in Chromium: the drill filters of /drills/ show exactly the drills that
match (derived from the handbook), keep the choice in the address, count what they show,
clear, and search the whole handbook; without JavaScript the full list shows."""

from __future__ import annotations

import pytest

from generator.browse import Facets

pytestmark = pytest.mark.browser


def problems(page) -> list[str]:
    """``page.problems`` without the 404 of ``sitemap.xml``, which Material's language switch asks
    for and a build without ``site_url`` lacks; any other failed response is kept, with its address.
    Call ``watch(page)`` before the page is opened."""
    return [p for p in page.problems if "status of 404" not in p]


def watch(page) -> None:
    page.on("response", lambda r: r.status >= 400 and "sitemap.xml" not in r.url and page.problems.append(f"{r.status} {r.url}"))


def _expected(handbook, chosen: dict[str, list[str]]) -> set[str]:
    def ok(d) -> bool:
        tests = {
            "level": lambda vs: d.level in vs,
            "muscle": lambda vs: any(m in vs for m in (*d.muscles.primary, *d.muscles.secondary)),
            "sport": lambda vs: any(s in vs for s in d.sports),
            "surface": lambda vs: any(s in vs for s in d.surfaces),
            "equipment": lambda vs: not d.equipment,
        }
        return all(tests[name](values) for name, values in chosen.items())
    return {d.id for d in handbook.drills if ok(d)}


def _shown(page) -> set[str]:
    hrefs = page.locator(".dh-tiles:not([hidden]) .dh-tile a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    return {h.rstrip("/").split("/")[-1] for h in hrefs}


def _cases(handbook):
    f = Facets.of(handbook)
    for name, values in (("level", f.levels), ("muscle", f.muscles), ("sport", f.sports), ("surface", f.surfaces)):
        for v in values:
            yield {name: [v]}
    yield {"equipment": ["none"]}
    if len(f.levels) > 1 and f.muscles:
        yield {"level": f.levels[:2], "muscle": [f.muscles[-1]]}


def test_each_filter_shows_exactly_the_matching_drills(page, site_url, handbook):
    watch(page)
    for chosen in _cases(handbook):
        query = "&".join(f"{k}={','.join(v)}" for k, v in chosen.items())
        page.goto(f"{site_url}drills/?{query}", wait_until="networkidle")
        page.wait_for_selector(".dh-tiles-found:not([hidden]), .dh-filter-count:text-matches('\\\\d|No')")
        expected = _expected(handbook, chosen)
        assert _shown(page) == expected, chosen
        status = page.locator(".dh-filter-count").inner_text()
        assert (str(len(expected)) in status) if len(expected) > 1 else status, chosen
        for name, values in chosen.items():
            for v in values:
                assert page.locator(f'input[name="{name}"][value="{v}"]').is_checked()
    assert problems(page) == []


def test_ticking_boxes_keeps_the_filters_in_the_address_and_clear_shows_all(page, site_url, handbook):
    f = Facets.of(handbook)
    page.goto(site_url + "drills/", wait_until="networkidle")
    assert _shown(page) == {d.id for d in handbook.drills} or len(handbook.drills) > 100
    page.locator("details.dh-filter-box > summary").click()
    page.locator(f'input[name="level"][value="{f.levels[0]}"]').check()
    page.locator(f'input[name="muscle"][value="{f.muscles[0]}"]').check()
    page.wait_for_function("() => location.search.includes('muscle=')")
    assert f"level={f.levels[0]}" in page.url and f"muscle={f.muscles[0]}" in page.url
    assert _shown(page) == _expected(handbook, {"level": [f.levels[0]], "muscle": [f.muscles[0]]})
    page.reload(wait_until="networkidle")
    assert _shown(page) == _expected(handbook, {"level": [f.levels[0]], "muscle": [f.muscles[0]]})
    page.locator(".dh-filter-clear").click()
    page.wait_for_function("() => !location.search.includes('level=')")
    assert page.locator(".dh-tiles-found").is_hidden()
    assert str(len(handbook.drills)) in page.locator(".dh-filter-count").inner_text()


def test_without_javascript_the_full_list_shows_and_the_filters_do_not(new_page, site_url, handbook):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "drills/?level=advanced")
    assert page.locator("form.dh-filters").is_hidden()
    shown = _shown(page)
    assert shown == {d.id for d in handbook.drills} or len(shown) == 100


def test_filters_work_from_the_files_without_a_server(page, built_site, handbook):
    f = Facets.of(handbook)
    page.goto((built_site / "drills" / "index.html").as_uri() + f"?level={f.levels[-1]}", wait_until="load")
    page.wait_for_selector(".dh-tiles-found:not([hidden])")
    assert _shown(page) == _expected(handbook, {"level": [f.levels[-1]]})


def test_tiles_are_two_to_a_row_on_a_phone(new_page, site_url):
    page = new_page(viewport={"width": 390, "height": 800})
    page.goto(site_url + "drills/", wait_until="networkidle")
    tops = page.locator(".dh-tiles:not([hidden]) > .dh-tile").evaluate_all("ts => ts.slice(0, 4).map(t => Math.round(t.getBoundingClientRect().top))")
    assert tops[0] == tops[1] and tops[2] == tops[3] and tops[2] > tops[1]


def test_the_home_page_shows_drills_as_tiles_linking_to_them(page, site_url, handbook):
    page.goto(site_url, wait_until="networkidle")
    hrefs = page.locator(".dh-home-tiles .dh-tile a").evaluate_all("as => as.map(a => a.href)")
    assert 0 < len(hrefs) <= len(handbook.drills)
    ids = {d.id for d in handbook.drills}
    assert all(h.rstrip("/").split("/")[-1] in ids for h in hrefs)
    page.locator(".dh-home-tiles a").last.click()
    page.wait_for_url("**/drills/")
