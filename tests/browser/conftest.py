"""Browser fixtures: the system Chromium through Playwright, and a local server for a built site.

Chromium is never downloaded: it is Debian's (``/usr/bin/chromium``) or the one
named by ``CHROME_PATH``. When it is missing, browser tests skip with one line on
a developer's machine and fail under ``CI=true``.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The rules the handbook must pass: WCAG 2.0, 2.1 and 2.2, levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def chrome_path() -> str | None:
    path = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    return path if shutil.which(path) or Path(path).is_file() else None


def _missing(message: str):
    """Skip on a developer's machine; fail on CI, where nothing may be left out."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def require_chrome() -> str:
    path = chrome_path()
    if path is None:
        _missing("Chromium not found (apt-get install -y chromium, or set CHROME_PATH): browser tests not run")
    return path


@contextlib.contextmanager
def serve(directory: Path, compress: bool = False):
    """Serve ``directory`` on 127.0.0.1 on a free port; yields the base URL. With
    ``compress``, text is sent gzipped as any static host does (for Lighthouse)."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _GzipHandler(_QuietHandler):
    TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".map")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not (path.suffix in self.TEXT and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="session")
def browser():
    executable = require_chrome()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


def _leaves_machine(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in ("file", "data", "blob", "about") and parts.hostname != "127.0.0.1"


@pytest.fixture
def new_page(browser):
    """Open fresh pages (``new_page(color_scheme="dark")``) that record in ``page.problems`` their
    console errors, failed requests and any request that leaves this machine."""
    contexts = []

    def open_page(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        pg = context.new_page()
        pg.problems = []
        pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
        pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
        pg.on("requestfailed", lambda r: pg.problems.append(f"failed: {r.url} ({r.failure})"))
        pg.on("request", lambda r: _leaves_machine(r.url) and pg.problems.append(f"left the machine: {r.url}"))
        return pg

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    """A fresh page in the light palette; see ``new_page``."""
    return new_page()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core, as pinned in package-lock.json and installed by ``npm ci`` (``make test`` runs it)."""
    if not AXE.is_file():
        _missing(f"{AXE.relative_to(ROOT)} not found (run npm ci, or make test): accessibility tests not run")
    return AXE.read_text(encoding="utf-8")


def axe_violations(pg, source: str) -> list[str]:
    """axe-core's violations of ``AXE_TAGS`` on the page, one readable line each."""
    pg.add_script_tag(content=source)
    result = pg.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


def search(pg, query: str) -> list[str]:
    """Type ``query`` into Material's search box; the result links (pages and their best
    section, as listed before any "more on this page") in the order shown."""
    box = pg.locator("input.md-search__input")
    box.click()
    # Material says "Initializing search" ("Initialisation de la recherche") until its index is loaded.
    pg.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('Initiali')")
    box.press_sequentially(query)
    pg.wait_for_selector(".md-search-result__list > li")
    pg.evaluate(_SETTLED, ".md-search-result")
    items = pg.locator(".md-search-result__list > li")
    shown = 0
    while items.count() > shown:   # Material shows ten results, then more as the list is scrolled
        shown = items.count()
        items.nth(shown - 1).scroll_into_view_if_needed()
        pg.evaluate(_SETTLED, ".md-search-result")
    return pg.locator(".md-search-result__list > li > a.md-search-result__link").evaluate_all("as => as.map(a => a.href)")


# Results follow each key press; the last ones are shown once the list stops changing.
_SETTLED = """selector => new Promise(resolve => {
  const target = document.querySelector(selector);
  let timer;
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 600); });
  function done() { observer.disconnect(); resolve(); }
  observer.observe(target, {subtree: true, childList: true, characterData: true});
  timer = setTimeout(done, 600);
})"""


@pytest.fixture(scope="session")
def handbook():
    """The handbook the site is built from, so that tests derive what they expect from it."""
    from generator.model import read_handbook

    handbook, problems = read_handbook(ROOT)
    assert problems == []
    return handbook
