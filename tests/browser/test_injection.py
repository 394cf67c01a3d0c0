"""A drill from a stranger cannot run code in the handbook.

``tests/data/injection/payloads.yaml`` is a valid drill whose every text field holds
HTML, script, event-handler, ``javascript:``/``data:`` link, Markdown image, SVG,
Jinja and Markdown-extension payloads. The handbook is built with it, and every page
that shows it is checked: in the files (front matter, ``<title>``, description,
search index) and in Chromium (no dialog, no global set, text shown as written,
links only to http, https or the site itself).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.browser.conftest import serve
from tests.conftest import ROOT, copy_handbook, mkdocs_build

PAYLOAD_DRILL = ROOT / "tests/data/injection/payloads.yaml"

# Every page that shows some of the drill's text.
PAGES = [
    "drills/payloads/",
    "drills/payloads/all-payloads/",
    "drills/payloads/second/",
    "drills/",
    "mistakes/",
    "footwear/",
    "tags/",
]

# Text that each page must show exactly as written in the drill.
LITERAL = {
    "drills/payloads/": [
        "<script>window.__pwned='script'</script> {{ 7*7 }} {{ config }}",
        "<img src=x onerror=\"window.__pwned='img'\">",
        "<svg onload=\"window.__pwned='svg'\"><circle/></svg>",
        "[a js link](javascript:window.__pwned='js')",
        "[a data link](data:text/html;base64,",
        "{% for x in range(3) %}loop{% endfor %} {# hidden #} {% raw %}",
        "{: onclick=\"window.__pwned='attr'\" }",
        "--8<-- \"mkdocs.yml\"",
        "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
        "<a href=\"javascript:window.__pwned='a'\">a raw link</a>",
        "</title><script>window.__pwned='title'</script>",
    ],
    "drills/payloads/all-payloads/": [
        "</title><script>window.__pwned='title'</script>",
        "<details open ontoggle=\"window.__pwned='details'\">x</details>",
        "<style>body{display:none}</style>",
        "!!! danger \"Admonition\"",
        "<script>alert(1)</script>",
        "{{ 7*7 }}{% raw %}",
    ],
    "drills/payloads/second/": ["<script>window.__pwned='script'</script>"],
    "drills/": ["</title><script>window.__pwned='title'</script> {{ 7*7 }}"],   # a tile shows the name
    "mistakes/": ["--8<-- \"mkdocs.yml\"", "{: onclick=\"window.__pwned='attr'\" }"],
    "footwear/": ["</title><script>window.__pwned='title'</script>"],
    "tags/": ["</title><script>window.__pwned='title'</script>"],
}
NEVER_SHOWN = ["looplooploop", "49", "site_name:", "<class 'str'>"]


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("injection")
    project = copy_handbook(work / "handbook")
    shutil.copy(PAYLOAD_DRILL, project / "drills" / "payloads.yaml")
    site = work / "site"
    # The payloads make the drill's cards too long to print: that warning, and no other, is expected.
    result = mkdocs_build(project, site, strict=False)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings and all("too long to print" in line for line in warnings), warnings
    return site


def test_payloads_sit_in_every_kind_of_text_field():
    text = PAYLOAD_DRILL.read_text(encoding="utf-8")
    for needle in ("<script>", "onerror=", "<svg onload", "](javascript:", "](data:", "![an image]", "{{ 7*7 }}",
                   "{% for", "</title>", "{: onclick", "--8<--", "<iframe", "ontoggle="):
        assert needle in text


def _front_matter_and_title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1)


def test_titles_and_descriptions_come_from_the_drill_escaped(payload_site):
    html = (payload_site / "drills/payloads/index.html").read_text(encoding="utf-8")
    title = _front_matter_and_title(html)
    assert title.startswith("&lt;/title&gt;&lt;script&gt;window.__pwned=&#39;title&#39;&lt;/script&gt;")
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert description.startswith("&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;")
    # The front matter was read (not rendered as Markdown, which would turn its text into links).
    assert "title: " not in html and 'href="javascript' not in html.lower()


def test_search_index_holds_the_text_escaped(payload_site):
    index = json.loads((payload_site / "search/search_index.json").read_text(encoding="utf-8"))
    docs = [d for d in index["docs"] if d["location"].startswith("drills/payloads/")]
    assert docs
    for doc in docs:
        for key in ("title", "text"):
            assert not re.search(r"<(script|img|svg|iframe|details|style|a\s)", doc[key], re.IGNORECASE), doc[key][:200]
    assert any("&lt;/title&gt;&lt;script&gt;" in d["title"] for d in docs)


PROBE = """() => {
  const article = document.querySelector('article');
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(`${el.tagName} ${a.name}`);
    }
  }
  // The templates' own: a drill's small drawing in a tile or a session step, the filters' box.
  const own = ':is(.dh-tile-figure, .dh-step-figure) > img, details.dh-filter-box';
  for (const el of article.querySelectorAll('script, iframe, img, details, object, embed')) if (!el.matches(own)) bad.push(el.tagName);
  // The figures carry their own animation styles; any other style element came from data.
  for (const el of article.querySelectorAll('style')) if (!el.closest('svg[role=img]')) bad.push('style');
  for (const el of article.querySelectorAll('svg')) if (el.getAttribute('role') !== 'img') bad.push('svg');
  const links = [...document.querySelectorAll('a[href]')].map(a => [a.getAttribute('href'), a.protocol, a.host]);
  return {
    pwned: Object.keys(window).filter(k => k.includes('pwned')),
    bad,
    badLinks: links.filter(([href, protocol]) => !['http:', 'https:'].includes(protocol)),
    text: article.innerText,
    title: document.title,
    description: document.querySelector('meta[name=description]').content,
  };
}"""


@pytest.fixture(scope="module")
def payload_url(payload_site):
    with serve(payload_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_no_payload_runs_and_text_shows_as_written(page, payload_url, path):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(payload_url + path)
    page.wait_for_load_state("networkidle")
    found = page.evaluate(PROBE)
    assert dialogs == []
    assert found["pwned"] == []
    assert found["bad"] == []
    assert found["badLinks"] == []
    text = found["text"]
    for literal in LITERAL[path]:
        assert literal in text, f"{literal!r} is not shown as written on {path}"
    for never in NEVER_SHOWN:
        assert never not in text


@pytest.mark.browser
def test_title_and_description_show_as_written(page, payload_url):
    page.goto(payload_url + "drills/payloads/")
    found = page.evaluate(PROBE)
    assert found["title"].startswith("</title><script>window.__pwned='title'</script>")
    assert found["description"].startswith("<script>window.__pwned='script'</script>")


@pytest.mark.browser
def test_search_results_show_payloads_as_text(page, payload_url):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(payload_url + "drills/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("config", delay=30)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    shown = page.locator(".md-search-result").inner_text()
    assert "<script>" in shown or "</title>" in shown
    assert page.evaluate("() => Object.keys(window).filter(k => k.includes('pwned'))") == []
    assert page.locator(".md-search-result script, .md-search-result img, .md-search-result iframe").count() == 0
    assert dialogs == []
