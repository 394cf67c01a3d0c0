"""How long ``mkdocs serve`` takes to show an edited drill: from saving the file to the page serving the new text.

It starts ``mkdocs serve`` on a free port of 127.0.0.1 in a copy of the handbook,
then, several times, renames the first drill (its ``name:`` line) and reads the
drill's page every 50 ms until the new name is there. Run it alone with
``python tests/bench/serve_reload.py`` (it copies the handbook to a temporary folder).
"""

from __future__ import annotations

import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

POLL = 0.05
TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, deadline: float) -> bool:
    while time.perf_counter() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(POLL)
    return False


def measure(project: Path, edits: int = 3) -> list[float]:
    """Seconds from each save of a drill file to its page showing the change."""
    drill = min((project / "drills").glob("*.yaml"))
    original = drill.read_text(encoding="utf-8")
    name = yaml.safe_load(original)["name"]
    port = free_port()
    url = f"http://127.0.0.1:{port}/drills/{drill.stem}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0", "PYTHONPATH": str(project)}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        if not wait_for(url, "</html>", time.perf_counter() + TIMEOUT):
            raise RuntimeError(f"mkdocs serve did not answer on {url}")
        for i in range(edits):
            marker = f"Zq{i}x{port}"
            edited = re.sub(r"^name: .*$", f"name: {json.dumps(f'{name} {marker}')}", original, count=1, flags=re.MULTILINE)
            time.sleep(1.0)   # let the server settle after the previous build
            start = time.perf_counter()
            drill.write_text(edited, encoding="utf-8")
            if not wait_for(url, marker, start + TIMEOUT):
                raise RuntimeError(f"{url} did not show the edit within {TIMEOUT:.0f} s")
            times.append(time.perf_counter() - start)
    finally:
        server.terminate()
        server.wait(timeout=30)
        drill.write_text(original, encoding="utf-8")
    return times


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import synthetic

    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory(prefix="handbook-serve-") as tmp:
        project = synthetic.copy_project(root, Path(tmp) / "handbook", synthetic.PROJECT_PARTS + ("drills",))
        times = measure(project, 5)
    print(f"page updated after {statistics.median(times):.2f} s (median of {len(times)} edits; "
          f"each: {', '.join(f'{t:.2f}' for t in times)} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
