"""``make bench``: the build measured against MkDocs' own floor, cold and warm; the report goes to ``tests/bench/REPORT.md``.

In one run, on synthetic handbooks (``synthetic.py``: 3 variants and 3 mistakes per
drill, each with a figure) it measures:

- 250 drills, cold (no ``.cache/``, no site) and warm (one drill's name edited, the
  same build with ``.cache/`` kept), each against the floor (``floor.py``): MkDocs
  alone building as many pages as the handbook writes, with the handbook's settings
  less its hook;
- 1000 drills, cold, with its floor: time, peak memory, page and search index sizes;
- ``mkdocs serve`` at 100 drills: from saving a drill to its page serving the edit
  (``serve_reload.py``);
- where the time goes, stage by stage (``phases.py``), for the handbook and its floor;
- the shipped handbook, with its card decks from cold and cached.

Each time is the fastest of 3 runs; the runs of a handbook and of its floor take
turns, so that a busy neighbour slows both. Every build is ``mkdocs build --strict``
with ``HANDBOOK_PDF=0`` unless it measures the decks. It exits 1 when a target is missed.

``BENCH_SIZES=ratio,big,serve`` (drills) and ``BENCH_RUNS`` change the sizes and runs
for development, ``BENCH_RUNS_BIG`` the runs at the big size alone (on a busy machine); ``BENCH_QUICK=1`` is ``BENCH_SIZES=20,60,20 BENCH_RUNS=1``. A run at
other than the issue's sizes prints its report and leaves ``REPORT.md`` alone.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import floor as floors
import serve_reload
import synthetic
from floor import Target, at_most, ratio

SIZES = (250, 1000, 100)     # drills: the ratios to the floor, the big handbook, mkdocs serve
QUICK = (20, 60, 20)
RUNS = 3
OUTPUT = HERE / "REPORT.md"
NOTES = "<!-- The notes below are written by hand; make bench keeps them. -->"
MB = 1024 * 1024


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


def environment(project: Path, **extra: str) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0", "PYTHONPATH": str(project), **extra}


def timed(cmd: list[str], cwd: Path, env: dict) -> Run:
    """Run ``cmd``; its wall time, CPU time and peak resident memory (of the process, or of its
    largest child when it has some)."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{err.read().decode(errors='replace')[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def mkdocs_build(project: Path, site: Path, **extra: str) -> Run:
    """``mkdocs build --strict --quiet``: quiet, the links of the hand-written pages to the shipped drills,
    which a synthetic handbook lacks, stay warnings (as in ``phases.py``)."""
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)], project,
                 environment(project, **extra))


def cold(project: Path, site: Path, **extra: str) -> Run:
    """A build with no ``.cache/`` and no site."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    return mkdocs_build(project, site, **extra)


def edit_one_drill(project: Path, marker: str) -> None:
    """Rename the first drill: one drill's text edited, as a club member saves it."""
    drill = min((project / "drills").glob("*.yaml"))
    text = drill.read_text(encoding="utf-8")
    drill.write_text(re.sub(r"^(name: .*?)(?: Zq\w+)?$", rf"\1 Zq{marker}", text, count=1, flags=re.MULTILINE),
                     encoding="utf-8")


def fastest(runs: list[Run]) -> Run:
    return min(runs, key=lambda r: r.wall)


@dataclass
class SiteSize:
    pages: int
    average_page: float
    largest_page: int
    largest_path: str
    search_index: int
    data: int = 0        # the open data, data/handbook.json, as served and gzipped (none on the floor)
    data_gzip: int = 0

    @classmethod
    def of(cls, site: Path) -> SiteSize:
        pages = floors.site_pages(site)
        largest = max(pages, key=pages.get)
        opened = site / "data" / "handbook.json"
        data = opened.read_bytes() if opened.is_file() else b""
        return cls(len(pages), sum(pages.values()) / len(pages), pages[largest], largest.relative_to(site).as_posix(),
                   (site / "search" / "search_index.json").stat().st_size, len(data),
                   len(gzip.compress(data, compresslevel=6, mtime=0)) if data else 0)


@dataclass
class Sized:
    """One handbook size: its cold (and warm) builds and its floor's, taken in turn."""

    drills: int
    cold: list[Run] = field(default_factory=list)
    warm: list[Run] = field(default_factory=list)
    floor: list[Run] = field(default_factory=list)
    size: SiteSize | None = None
    floor_size: SiteSize | None = None
    stages: dict | None = None
    floor_stages: dict | None = None


def stages(project: Path, site: Path) -> dict:
    """One more cold build of ``project``, timed stage by stage (``phases.py``)."""
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    out = subprocess.run([sys.executable, str(HERE / "phases.py"), str(site)], cwd=project, env=environment(project),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure(drills: int, runs: int, work: Path, warm: bool, staged: bool) -> Sized:
    """``runs`` cold builds (and warm ones) of a ``drills``-drill handbook, each followed by a build of the floor."""
    project = synthetic.make_handbook(ROOT, work / f"handbook-{drills}", drills)
    site, floor_site = work / f"site-{drills}", work / f"floor-site-{drills}"
    out = Sized(drills)
    floor = None
    for i in range(runs):
        out.cold.append(cold(project, site))
        if floor is None:
            out.size = SiteSize.of(site)
            floor = floors.make_floor(project, site, work / f"floor-{drills}", out.size.pages)
        out.floor.append(cold(floor, floor_site))
        if warm:
            edit_one_drill(project, f"{i}")
            out.warm.append(mkdocs_build(project, site))
        print(f"  {drills} drills, run {i + 1}/{runs}: cold {out.cold[-1].wall:.1f} s, floor {out.floor[-1].wall:.1f} s"
              + (f", warm {out.warm[-1].wall:.1f} s" if warm else ""), file=sys.stderr)
    out.floor_size = SiteSize.of(floor_site)
    if staged:
        out.stages = stages(project, site)
        out.floor_stages = stages(floor, floor_site)
        print(f"  stages: {json.dumps(out.stages)}\n  floor stages: {json.dumps(out.floor_stages)}", file=sys.stderr)
    return out


def shipped(runs: int, work: Path) -> dict:
    """The shipped handbook: build time, and card decks from cold and cached (one run each)."""
    parts = synthetic.PROJECT_PARTS + ("drills",)
    project = synthetic.copy_project(ROOT, work / "shipped", parts)
    builds = [cold(project, work / "site-shipped") for _ in range(runs)]
    decks = [cold(project, work / "site-shipped", HANDBOOK_PDF="1")]      # once: WeasyPrint is slow, and not the question here
    cached = [mkdocs_build(project, work / "site-shipped", HANDBOOK_PDF="1")]
    sys.path.insert(0, str(ROOT))
    from generator.model import read_handbook

    handbook, _ = read_handbook(project)
    return {"build": builds, "cold": decks, "warm": cached, "cards": sum(len(d.variants) for d in handbook.drills)}


def serve(drills: int, runs: int, work: Path) -> list[float]:
    """``mkdocs serve`` of a synthetic handbook, not strict: its hand-written pages link to the shipped
    drills, which it lacks, and a strict server would refuse to build."""
    project = synthetic.make_handbook(ROOT, work / f"serve-{drills}", drills)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^strict: true$", "strict: false", config.read_text(encoding="utf-8"), flags=re.MULTILINE),
                      encoding="utf-8")
    try:
        return serve_reload.measure(project, runs)
    except RuntimeError as err:       # too slow to show the edit at all: the target is missed, the run goes on
        print(f"  mkdocs serve: {err}", file=sys.stderr)
        return [float("inf")]


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    from importlib.metadata import version

    return (f"{model}, {os.cpu_count()} cores, {memory / 1024:.0f} GB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}")


def kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB"


def mb(n: float) -> str:
    return f"{n / MB:,.1f} MB"


@dataclass
class Measured:
    small: Sized
    big: Sized
    serve_drills: int
    serve: list[float]
    ship: dict


def targets(m: Measured) -> list[Target]:
    """The issue's targets against this run's numbers."""
    small, big = m.small, m.big
    floor = fastest(small.floor).wall
    memory = max(r.rss_mb for r in big.cold)
    size = big.size
    ship = m.ship
    per_card = (fastest(ship["cold"]).wall - fastest(ship["build"]).wall) / (4 * ship["cards"])
    return [
        ratio(f"{small.drills} drills, one language, cold build ≤ 2.0 × the floor", fastest(small.cold).wall, floor, 2.0,
              (fastest(small.cold).cpu, fastest(small.floor).cpu)),
        ratio(f"{small.drills} drills, one language, after editing one drill (caches kept) ≤ 1.5 × the floor",
              fastest(small.warm).wall, floor, 1.5, (fastest(small.warm).cpu, fastest(small.floor).cpu)),
        at_most(f"{big.drills} drills, one language, cold ≤ 40 s", fastest(big.cold).wall, 40,
                f"{fastest(big.cold).wall:.1f} s ({size.pages} pages; floor {fastest(big.floor).wall:.1f} s)"),
        at_most(f"`mkdocs serve`, {m.serve_drills} drills: an edited drill shows ≤ 4 s", min(m.serve), 4,
                f"{min(m.serve):.2f} s (slowest of {len(m.serve)}: {max(m.serve):.2f} s)"),
        at_most(f"peak memory, {big.drills} drills, any process ≤ 1 GB", memory, 1024, f"{memory:,.0f} MB"),
        at_most(f"{big.drills} drills: average page ≤ 50 KB", size.average_page, 50 * 1024, kb(size.average_page)),
        at_most(f"{big.drills} drills: largest page ≤ 500 KB", size.largest_page, 500 * 1024,
                f"{kb(size.largest_page)} (`{size.largest_path}`)"),
        at_most(f"{big.drills} drills: search index ≤ 8 MB", size.search_index, 8 * MB, mb(size.search_index)),
        at_most(f"{big.drills} drills: open data `handbook.json` ≤ 40 MB", size.data, 40 * MB, mb(size.data)),
        at_most(f"{big.drills} drills: `handbook.json` gzipped (level 6, as web servers send it) ≤ 6 MB", size.data_gzip, 6 * MB,
                mb(size.data_gzip)),
        at_most("shipped handbook: `mkdocs build` ≤ 3 s", fastest(ship["build"]).wall, 3, f"{fastest(ship['build']).wall:.1f} s"),
        at_most("card decks: ≤ 100 ms per card rendered", per_card, 0.1, f"{per_card * 1000:.0f} ms"),
        at_most("shipped handbook with decks, from cold: ≤ 15 s", fastest(ship["cold"]).wall, 15, f"{fastest(ship['cold']).wall:.1f} s"),
        at_most("shipped handbook with the decks cached: ≤ 4 s", fastest(ship["warm"]).wall, 4, f"{fastest(ship['warm']).wall:.1f} s"),
    ]


def _runs(runs: list[Run]) -> str:
    return ", ".join(f"{r.wall:.1f} ({r.cpu:.1f})" for r in runs)


STAGE_NAMES = {
    "generator": "the generator (the hook's `on_pre_build`: load, validate, figures, pages)",
    "markdown": "Markdown (MkDocs' `Page.render`)",
    "search": "the search index (Material's parser, every page)",
    "template": "the theme's page template",
    "write": "writing the files",
    "hook, other": "the hook's other events (setting HTML aside and putting it back)",
    "rest of MkDocs": "the rest of MkDocs (start, files, navigation, link checks)",
}


def stage_lines(sized: Sized) -> list[str]:
    if not sized.stages:
        return []
    ours, floor = sized.stages, sized.floor_stages
    lines = [
        "",
        f"## Where the time goes ({sized.drills} drills, cold)",
        "",
        f"One more cold build of each, timed stage by stage by `tests/bench/phases.py` (the handbook {ours['total']:.1f} s,",
        f"its floor {floor['total']:.1f} s, with the timers):",
        "",
        "| stage | handbook | floor | handbook − floor |",
        "| --- | ---: | ---: | ---: |",
    ]
    for key, seconds in ours["stages"].items():
        base = floor["stages"].get(key, 0.0)
        lines.append(f"| {STAGE_NAMES.get(key, key)} | {seconds:.1f} s | {base:.1f} s | {seconds - base:+.1f} s |")
    return lines


def report(m: Measured, runs: tuple[int, int], load: tuple, started: str, elapsed: float) -> str:
    small, big = m.small, m.big
    lines = [
        "# Benchmark report",
        "",
        "The handbook's build measured against MkDocs' own floor. `make bench` (`tests/bench/benchmark.py`) measures it",
        "and rewrites this file.",
        "",
        f"- Date: {started} (the whole run took {elapsed / 60:.1f} min)",
        f"- Machine: {machine()}",
        f"- Load average (1 min) at the start and the end: {load[0]:.1f} and {load[1]:.1f}. Others share the machine,",
        "  so wall times are noisy; the ratios compare runs taken in turn, in this run.",
        f"- Each time is the fastest of {runs[0]} runs ({runs[1]} at {big.drills} drills). Synthetic handbooks: each drill has 3 variants and 3 mistakes, each",
        "  with a figure. Every build is `mkdocs build --strict` with `HANDBOOK_PDF=0` (decks off).",
        "- *Floor*: MkDocs building with the handbook's `mkdocs.yml` less its hook (same theme, features, plugins,",
        "  Markdown extensions, CSS and scripts), a navigation of one page, and as many pages as the handbook writes,",
        "  each a heading and 1.5 KB of text (`tests/bench/floor.py`).",
        "- *Page*: an `.html` file the build writes, except `404.html` and redirect stubs. *Cold*: no `.cache/` and no",
        "  site. *Warm*: one drill's name edited, then the same build with `.cache/` kept.",
        "",
        "## Targets",
        "",
        "| what | measured (wall time) | target met |",
        "| --- | --- | :---: |",
    ]
    lines += [f"| {t.what} | {t.measured} | {'yes' if t.met else '**no**'} |" for t in targets(m)]
    lines += [
        "",
        "## Every run",
        "",
        "| handbook | pages | cold runs, wall (CPU) | warm runs | floor runs | peak memory (cold) | average page | largest page | search index |",
        "| ---: | ---: | --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for s in (small, big):
        lines.append(
            f"| {s.drills} drills | {s.size.pages} (floor {s.floor_size.pages}) | {_runs(s.cold)} s | {_runs(s.warm) + ' s' if s.warm else '–'} "
            f"| {_runs(s.floor)} s | {max(r.rss_mb for r in s.cold):,.0f} MB | {kb(s.size.average_page)} "
            f"| {kb(s.size.largest_page)} | {mb(s.size.search_index)} |"
        )
    lines.append(f"| floor of {big.drills} drills | {big.floor_size.pages} | – | – | – | {max(r.rss_mb for r in big.floor):,.0f} MB "
                 f"| {kb(big.floor_size.average_page)} | {kb(big.floor_size.largest_page)} | {mb(big.floor_size.search_index)} |")
    lines += [
        "",
        (f"- `mkdocs serve` at {m.serve_drills} drills, from saving a drill to its page serving the edit: "
        f"{', '.join(f'{t:.2f}' for t in m.serve)} s (`tests/bench/serve_reload.py`)."),
        (f"- {small.drills} drills: the build over the floor is {fastest(small.cold).wall / fastest(small.floor).wall:.2f} × cold, "
        f"{fastest(small.warm).wall / fastest(small.floor).wall:.2f} × warm; {big.drills} drills: "
        f"{fastest(big.cold).wall / fastest(big.floor).wall:.2f} × cold."),
    ]
    for s in (small, big):
        lines += stage_lines(s)
    ship = m.ship
    lines += [
        "",
        "## The shipped handbook",
        "",
        f"- `mkdocs build`, cold: {fastest(ship['build']).wall:.1f} s, peak memory {max(r.rss_mb for r in ship['build']):,.0f} MB.",
        (f"- With card decks (`HANDBOOK_PDF=1`), cold: {fastest(ship['cold']).wall:.1f} s; with the decks cached: "
        f"{fastest(ship['warm']).wall:.1f} s ({ship['cards']} cards, each in four decks: A4 and Letter, of all drills and of its own)."),
    ]
    return "\n".join(lines) + "\n"


def with_notes(text: str, report_file: Path) -> str:
    """The new report, followed by the hand-written notes of the one it replaces."""
    old = report_file.read_text(encoding="utf-8") if report_file.is_file() else ""
    return text + "\n" + NOTES + old.partition(NOTES)[2] if NOTES in old else text


def sizes(environ: dict) -> tuple[tuple[int, int, int], int]:
    """The handbook sizes (ratio, big, serve) and runs: the issue's, or the development ones the environment asks for."""
    runs = int(environ.get("BENCH_RUNS") or RUNS)
    if environ.get("BENCH_QUICK", "") not in ("", "0"):
        return QUICK, int(environ.get("BENCH_RUNS") or 1)
    chosen = environ.get("BENCH_SIZES", "").strip()
    if not chosen:
        return SIZES, runs
    values = tuple(int(v) for v in chosen.replace(" ", "").split(","))
    if len(values) != 3:
        raise SystemExit("BENCH_SIZES takes three numbers of drills: ratio,big,serve (such as 250,1000,100)")
    return values, runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the report to write (full runs only)")
    args = parser.parse_args(argv)
    (small_drills, big_drills, serve_drills), runs = sizes(dict(os.environ))
    big_runs = int(os.environ.get("BENCH_RUNS_BIG") or runs)
    full = (small_drills, big_drills, serve_drills) == SIZES and runs >= RUNS
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    t0, load0 = time.perf_counter(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        work = Path(tmp)
        print(f"{small_drills} drills, cold and warm, with the floor", file=sys.stderr)
        small = measure(small_drills, runs, work, warm=True, staged=True)
        print(f"{big_drills} drills, cold, with the floor", file=sys.stderr)
        big = measure(big_drills, big_runs, work, warm=False, staged=False)
        print(f"mkdocs serve, {serve_drills} drills", file=sys.stderr)
        served = serve(serve_drills, max(runs, 3), work)
        print(f"  edits shown after {', '.join(f'{t:.2f}' for t in served)} s", file=sys.stderr)
        print("shipped handbook", file=sys.stderr)
        ship = shipped(runs, work)
    measured = Measured(small, big, serve_drills, served, ship)
    text = report(measured, (runs, big_runs), (load0, os.getloadavg()[0]), started, time.perf_counter() - t0)
    if full:
        args.output.write_text(with_notes(text, args.output), encoding="utf-8")
    print(text)
    missed = [t for t in targets(measured) if not t.met]
    for t in missed:
        print(f"target missed: {t.what}: {t.measured}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
