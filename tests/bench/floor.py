"""The floor: what MkDocs alone costs for a site of as many pages as the handbook writes.

The floor project is the handbook's own ``mkdocs.yml`` less its hook (same theme,
features, plugins, Markdown extensions, CSS and scripts), a navigation of one page,
and as many pages as the handbook writes, each a heading and 1.5 KB of text. The
handbook's time over the floor's, both measured in one run, says how much the
handbook adds to MkDocs on any machine.

Also here: which files of a built site count as pages (``site_pages``), and the
targets the benchmark checks its numbers against (``Target``); all pure but the
functions that write or read folders.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

PAGE_TEXT = 1536          # bytes of text on each floor page, under its heading
WORDS = ["stride", "heel", "knee", "hip", "ankle", "arm", "rhythm", "contact", "ground", "push", "lift", "fold", "swing", "drive", "balance", "posture", "trunk", "shoulder", "elbow", "foot", "toes", "spring", "bounce", "step", "pace", "tempo", "lane", "track", "grass", "cone", "marker", "line", "quick", "soft", "tall", "relaxed", "forward", "upright", "light", "short", "long", "fast", "slow", "steady", "smooth", "elastic", "compact", "athlete", "coach", "sprinter"]
REDIRECT = '<meta http-equiv="refresh"'


def page_markdown(number: int, size: int = PAGE_TEXT) -> str:
    """Floor page ``number``: a heading, then ``size`` bytes of text in paragraphs of about 300 bytes,
    the same every time."""
    rng = random.Random(f"floor-{number}")
    paragraphs, paragraph, length = [], [], 0
    while length < size:
        word = rng.choice(WORDS)
        paragraph.append(word)
        length += len(word) + 1
        if len(" ".join(paragraph)) >= 300:
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    text = "\n\n".join(p[0].upper() + p[1:] + "." for p in paragraphs)
    return f"# Page {number}\n\n{text[:size].rstrip()}\n"


def floor_config(config: dict, home: str = "index.md") -> dict:
    """The handbook's settings without its hook, its watched folders or its navigation: one page, ``home``."""
    out = {key: value for key, value in config.items() if key not in ("hooks", "watch", "nav")}
    out["nav"] = [home]
    return out


def floor_pages(count: int) -> dict[str, str]:
    """``count`` pages, ``{docs path: Markdown}``: the home page and ``count - 1`` others."""
    pages = {"index.md": page_markdown(0)}
    pages.update((f"pages/page-{n:05d}.md", page_markdown(n)) for n in range(1, count))
    return pages


def site_pages(site: Path) -> dict[Path, int]:
    """The pages a built site holds, with their sizes: every ``.html`` file but ``404.html`` and redirect stubs."""
    out = {}
    for path in site.rglob("*.html"):
        if path.relative_to(site).as_posix() == "404.html":
            continue
        size = path.stat().st_size
        if size < 8192 and REDIRECT in path.read_text(encoding="utf-8", errors="replace"):
            continue
        out[path] = size
    return out


def make_floor(project: Path, built_site: Path, dest: Path, pages: int) -> Path:
    """The floor project in ``dest`` for ``project`` (a handbook) whose site was built into ``built_site``:
    the CSS and scripts the settings name are taken from that site, as the handbook serves them."""
    from mkdocs.utils.yaml import get_yaml_loader

    with open(project / "mkdocs.yml", encoding="utf-8") as f:
        config = yaml.load(f, Loader=get_yaml_loader())
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / config.get("docs_dir", "docs")
    for path, text in floor_pages(pages).items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    for asset in [*config.get("extra_css", []), *config.get("extra_javascript", [])]:
        name = asset if isinstance(asset, str) else asset["path"]
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built_site / name, docs / name)
    theme = config.get("theme") or {}
    if isinstance(theme, dict) and theme.get("custom_dir"):
        shutil.copytree(project / theme["custom_dir"], dest / theme["custom_dir"])
    vendor = project / config.get("docs_dir", "docs") / "assets"
    if vendor.is_dir():
        shutil.copytree(vendor, docs / "assets", dirs_exist_ok=True)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(floor_config(config), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dest


@dataclass(frozen=True)
class Target:
    """One line of the issue's targets: what, the measured value as shown, the limit, and whether it is met."""

    what: str
    measured: str
    met: bool


def at_most(what: str, value: float, limit: float, shown: str) -> Target:
    return Target(what, shown, value <= limit)


def ratio(what: str, value: float, floor: float, limit: float, cpu: tuple[float, float] | None = None) -> Target:
    """``value`` over the floor's time, met when at most ``limit``; the same ratio in CPU time
    (``cpu``: the build's and the floor's), which neighbours disturb less, is shown beside it."""
    times = value / floor
    shown = f"{value:.1f} s = {times:.2f} × the floor ({floor:.1f} s)"
    if cpu:
        shown += f"; in CPU time {cpu[0] / cpu[1]:.2f} ×"
    return Target(what, shown, times <= limit)
