"""A session from a stranger cannot run code: ``tests/data/injection/session.yaml`` holds HTML,
script, link, Markdown and Jinja payloads in every text field. Built into the handbook, its page,
the list of sessions and the builder started from it show them as text and run none."""

from __future__ import annotations

import shutil

import pytest

from tests.browser.conftest import serve
from tests.browser.test_browse import problems, watch
from tests.conftest import DATA, copy_handbook, mkdocs_build

pytestmark = pytest.mark.browser

PAGES = ["sessions/payload-session/", "sessions/", "session-builder/?from=payload-session"]


@pytest.fixture(scope="module")
def payload_url(tmp_path_factory):
    work = tmp_path_factory.mktemp("session-injection")
    project = copy_handbook(work / "handbook")
    shutil.copy(DATA / "injection" / "session.yaml", project / "drills" / "sessions" / "payload-session.yaml")
    site = work / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("path", PAGES)
def test_session_payloads_are_shown_as_text_and_run_nothing(page, payload_url, path):
    page.on("dialog", lambda d: (page.problems.append(f"dialog: {d.message}"), d.dismiss()))
    watch(page)
    page.goto(payload_url + path, wait_until="networkidle")
    found = page.evaluate("""() => {
      const article = document.querySelector('article');
      const bad = [];
      for (const el of article.querySelectorAll('*')) for (const a of el.attributes) if (a.name.startsWith('on')) bad.push(el.tagName + ' ' + a.name);
      for (const el of article.querySelectorAll('script, iframe, details, object, embed')) bad.push(el.tagName);
      for (const el of article.querySelectorAll('img')) if (!/\\.svg$/.test(el.getAttribute('src') || '') && el.getAttribute('src')) bad.push('img ' + el.getAttribute('src'));
      const links = [...article.querySelectorAll('a[href]')].filter(a => !['http:', 'https:'].includes(a.protocol)).map(a => a.getAttribute('href'));
      return {pwned: Object.keys(window).filter(k => k.includes('pwned')), bad, links,
              text: article.innerText + [...article.querySelectorAll('input, textarea')].map(e => e.value).join(' ')};
    }""")
    assert found["pwned"] == [] and found["bad"] == [] and found["links"] == []
    assert "<script>window.__pwned=" in found["text"] or "</title><script>" in found["text"]
    assert problems(page) == [], page.problems
