"""``mkdocs serve`` with a broken drill: the server keeps answering, every page shows the located
problems at its top, and the pages come back by themselves once the file is fixed."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.bench.serve_reload import fetch, free_port
from tests.conftest import copy_handbook

TIMEOUT = 180.0


def _wait(url: str, ready, deadline: float) -> str:
    """The page at ``url`` once ``ready(page)`` holds; fails at ``deadline``."""
    page = None
    while time.perf_counter() < deadline:
        page = fetch(url)
        if page is not None and ready(page):
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url} never became ready; last answer: {(page or '')[:500]}")


def test_a_broken_drill_shows_on_every_page_while_serving_and_goes_when_fixed(tmp_path, handbook):
    project = copy_handbook(tmp_path / "handbook")
    drill = next(d for d in handbook.drills if "\nlevel: " in (project / "drills" / f"{d.id}.yaml").read_text(encoding="utf-8"))
    path = project / "drills" / f"{drill.id}.yaml"
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("level: ")) + 1
    broken = original.replace(lines[number - 1], "level: expert\n", 1)
    located = f"drills/{drill.id}.yaml:{number}:1"

    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.perf_counter() + TIMEOUT
        page = _wait(f"{root}drills/{drill.id}/", lambda p: "</html>" in p, deadline)
        assert "dh-serve-problems" not in page

        path.write_text(broken, encoding="utf-8")
        deadline = time.perf_counter() + TIMEOUT
        for url in (root, f"{root}drills/{drill.id}/", f"{root}footwear/"):
            page = _wait(url, lambda p: "dh-serve-problems" in p, deadline)
            assert located in page and "level" in page and "expert" in page, url
            assert page.index("dh-serve-problems") < page.index('class="md-header'), url   # at the top
            assert drill.name in page   # the last pages that built are still served

        path.write_text(original, encoding="utf-8")
        deadline = time.perf_counter() + TIMEOUT
        page = _wait(f"{root}drills/{drill.id}/", lambda p: "</html>" in p and "dh-serve-problems" not in p, deadline)
        assert drill.name in page
        assert "dh-serve-problems" not in (fetch(root) or "dh-serve-problems")
    finally:
        server.terminate()
        server.wait(timeout=30)
