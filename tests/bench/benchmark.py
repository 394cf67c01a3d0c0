"""``make bench``: how the build grows with the handbook, measured and written to ``tests/bench/REPORT.md``.

For synthetic handbooks of 10, 100 and 1000 drills (3 variants and 3 mistakes
each, all with figures; see ``synthetic.py``) it times, as medians of at least
three runs: the generator alone (load, validate, render), the full ``mkdocs
build`` with the hook, and the same pages built from ``python -m generator
export`` (MkDocs without the generator), so the generator's share of the build
is a ratio of two times taken in one run. It also sizes the built site, takes
each build's peak memory from the kernel (``wait4``), times the shipped
handbook, card decks when the handbook has them, and the ``mkdocs serve``
reload (``serve_reload.py``). Every build runs with ``HANDBOOK_PDF=0`` unless
it measures the decks.

Wall times depend on what else the machine runs; the CPU time (user + system)
of the same processes is printed next to them, with the load average.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import serve_reload
import synthetic

SIZES = (10, 100, 1000)
REFERENCE = 100
OUTPUT = HERE / "REPORT.md"   # a report for contributors, kept in the repository, not in the site
# The generator as the hook runs it: one build, with the collector paused (the adapters' policy).
GENERATOR_ONLY = (
    "import time; from pathlib import Path; from generator.adapters import objects_kept; from generator.build import Build\n"
    "w, c = time.perf_counter(), time.process_time()\n"
    "with objects_kept(): Build(Path('.')).pages()\n"
    "print(time.perf_counter() - w, time.process_time() - c)"
)


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float


def environment(project: Path, **extra: str) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0", "PYTHONPATH": str(project), **extra}


def timed(cmd: list[str], cwd: Path, env: dict) -> Run:
    """Run ``cmd``; its wall time, CPU time and peak resident memory (of that process alone)."""
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
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)], project, environment(project, **extra))


def generator_only(project: Path) -> Run:
    out = subprocess.run([sys.executable, "-c", GENERATOR_ONLY], cwd=project, env=environment(project),
                         capture_output=True, text=True, check=True)
    wall, cpu = map(float, out.stdout.split())
    return Run(wall, cpu, 0.0)


def median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


@dataclass
class SiteSize:
    pages: int
    total: int
    average_page: float
    largest_page: int
    largest_path: str
    search_index: int

    @classmethod
    def of(cls, site: Path) -> SiteSize:
        pages = {p: p.stat().st_size for p in site.rglob("*.html")}
        largest = max(pages, key=pages.get)
        return cls(
            pages=len(pages),
            total=sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            average_page=sum(pages.values()) / len(pages),
            largest_page=pages[largest],
            largest_path=largest.relative_to(site).as_posix(),
            search_index=(site / "search" / "search_index.json").stat().st_size,
        )


@dataclass
class Result:
    drills: int
    generator: list[Run]
    build: list[Run]
    export_build: list[Run]
    size: SiteSize
    stages: dict | None = None

    def per_page(self) -> float:
        """CPU seconds per page: on a busy machine the wall time says more about the neighbours."""
        return median(self.build, "cpu") / self.size.pages

    def share(self) -> float:
        """The generator's share of the build: what the hooked build costs over the exported one (CPU time)."""
        full, plain = median(self.build, "cpu"), median(self.export_build, "cpu")
        return max(0.0, (full - plain) / full)

    def direct_share(self) -> float:
        """The generator's own CPU time over the build's: the same question, asked directly."""
        return median(self.generator, "cpu") / median(self.build, "cpu")


def stages(project: Path, site: Path) -> dict:
    """One more build of ``project``, timed stage by stage (``phases.py``)."""
    out = subprocess.run([sys.executable, str(HERE / "phases.py"), str(site)], cwd=project, env=environment(project),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def measure(drills: int, runs: int, work: Path, staged: bool = False) -> Result:
    project = synthetic.make_handbook(ROOT, work / f"handbook-{drills}", drills)
    exported = work / f"export-{drills}"
    subprocess.run([sys.executable, "-m", "generator", "export", str(exported)], cwd=project,
                   env=environment(project), check=True, capture_output=True)
    generator, build, export_build = [], [], []
    for i in range(runs):
        generator.append(generator_only(project))
        build.append(mkdocs_build(project, work / f"site-{drills}"))
        export_build.append(mkdocs_build(exported, work / f"site-export-{drills}"))
        print(f"  {drills} drills, run {i + 1}/{runs}: build {build[-1].wall:.1f} s, export build {export_build[-1].wall:.1f} s",
              file=sys.stderr)
    result = Result(drills, generator, build, export_build, SiteSize.of(work / f"site-{drills}"))
    if staged:
        result.stages = stages(project, work / f"site-{drills}")
    return result


def shipped(runs: int, work: Path) -> dict:
    """The shipped handbook: build time, and card decks from cold and cached when it has them."""
    project = synthetic.copy_project(ROOT, work / "shipped", synthetic.PROJECT_PARTS + ("drills",))
    builds = [mkdocs_build(project, work / "site-shipped") for _ in range(runs)]
    out = {"build": builds}
    if (ROOT / "generator" / "cards.py").exists():
        sys.path.insert(0, str(ROOT))
        from generator.model import read_handbook

        handbook, _ = read_handbook(project)
        cold = [mkdocs_build(synthetic.copy_project(ROOT, work / f"cold-{i}", synthetic.PROJECT_PARTS + ("drills",)),
                             work / f"site-cold-{i}", HANDBOOK_PDF="1") for i in range(runs)]
        warm = [mkdocs_build(work / "cold-0", work / "site-cold-0", HANDBOOK_PDF="1") for _ in range(runs)]
        out.update(cold=cold, warm=warm, cards=sum(len(d.variants) for d in handbook.drills))
    return out


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
    return f"{n / 1024 / 1024:,.1f} MB"


def report(results: list[Result], ship: dict, serve: list[float], runs: int, load: tuple, started: str, elapsed: float) -> str:
    ref = next((r for r in results if r.drills == REFERENCE), results[0])
    lines = [
        "# Benchmarks",
        "",
        "How the build grows with the handbook. `make bench` measures it and rewrites this report (kept in the repository, not in the site).",
        "",
        f"- Date: {started} (the whole run took {elapsed / 60:.1f} min)",
        f"- Machine: {machine()}",
        f"- Load average (1 min) at the start and the end: {load[0]:.1f} and {load[1]:.1f}. Other programs share the",
        "  machine; CPU time (user + system of the build process) is given next to wall time because it depends less on them.",
        f"- Medians of {runs} runs. Synthetic handbooks: each drill has 3 variants and 3 mistakes, each with a figure.",
        "  Every build is `mkdocs build --strict` with `HANDBOOK_PDF=0`.",
        "",
        "| drills | generator (CPU) | `mkdocs build` (CPU) | export build (CPU) | generator share (by export, direct) | pages | site | average page | largest page | search index | peak memory | per page vs 100 |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        s = r.size
        lines.append(
            f"| {r.drills} | {median(r.generator, 'wall'):.1f} s ({median(r.generator, 'cpu'):.1f} s) "
            f"| {median(r.build, 'wall'):.1f} s ({median(r.build, 'cpu'):.1f} s) "
            f"| {median(r.export_build, 'wall'):.1f} s ({median(r.export_build, 'cpu'):.1f} s) | {r.share():.0%}, {r.direct_share():.0%} | {s.pages} | {mb(s.total)} | {kb(s.average_page)} "
            f"| {kb(s.largest_page)} (`{s.largest_path}`) | {mb(s.search_index)} | {max(x.rss_mb for x in r.build):,.0f} MB "
            f"| {r.per_page() / ref.per_page():.2f} × |"
        )
    lines += [
        "",
        "- *generator*: one `Build`'s pages alone (load, validate, render), in its own process, without imports.",
        "- *export build*: `mkdocs build` of `python -m generator export`'s tree: the same pages, no hook. The generator's",
        "  share is given two ways: (build − export build) / build, and directly as generator / build. They differ",
        "  because the hook sets the finished HTML blocks (figures among them) aside while MkDocs parses Markdown (and",
        "  those the search leaves out while it builds the index), which the exported tree cannot do: the hooked build does less",
        "  MkDocs work than the export build, so the first figure says little; the target is checked on the second.",
        "- The build is one process on one core, so on an idle machine its wall time is close to its CPU time; the share and",
        "  the growth per page are computed from CPU time.",
        "- *per page vs 100*: build time per page relative to the 100-drill handbook; 1.00 × is linear growth.",
    ]
    big = max(results, key=lambda r: r.drills)
    if big.stages:
        lines += stage_lines(big)
    lines += [
        "",
        "## The shipped handbook",
        "",
        (f"- `mkdocs build`: {median(ship['build'], 'wall'):.1f} s (CPU {median(ship['build'], 'cpu'):.1f} s), peak memory "
         f"{max(x.rss_mb for x in ship['build']):,.0f} MB."),
    ]
    if "cards" in ship:
        extra = median(ship["cold"], "wall") - median(ship["build"], "wall")
        lines += [
            (f"- With card decks (`HANDBOOK_PDF=1`), from cold: {median(ship['cold'], 'wall'):.1f} s; with the decks cached: "
             f"{median(ship['warm'], 'wall'):.1f} s; deck rendering {extra / (4 * ship['cards']) * 1000:.0f} ms per card "
             f"rendered ({ship['cards']} cards, each in four decks: A4 and Letter, of all drills and of its own drill)."),
        ]
    else:
        lines.append("- Card decks: this handbook has none yet, so they were not measured.")
    if serve:
        lines.append(
            f"- `mkdocs serve`: after one drill file is saved, its page serves the new text after {statistics.median(serve):.2f} s "
            f"(median of {len(serve)} edits, slowest {max(serve):.2f} s). Measured by `tests/bench/serve_reload.py`: it "
            "starts `mkdocs serve` on a free port, renames the first drill, and reads the page every 50 ms until the new "
            "text is there."
        )
    lines += ["", "## Targets", "", "| target | measured | met |", "| --- | --- | :---: |"]
    lines += [f"| {t.what} | {t.measured} | {'yes' if t.met else '**no**'} |" for t in targets(results, ship, serve)]
    return "\n".join(lines) + "\n"


@dataclass
class Target:
    what: str
    measured: str
    met: bool


def targets(results: list[Result], ship: dict, serve: list[float]) -> list[Target]:
    """The issue's targets against this run's numbers."""
    big = max(results, key=lambda r: r.drills)
    ref = next((r for r in results if r.drills == REFERENCE), results[0])
    build, memory = median(big.build, "wall"), max(x.rss_mb for x in big.build)
    growth = big.per_page() / ref.per_page()
    out = [
        Target(f"{big.drills} drills: `mkdocs build` ≤ 40 s", f"{build:.1f} s ({big.size.pages} pages)", build <= 40),
        Target(f"{big.drills} drills: average page ≤ 50 KB", kb(big.size.average_page), big.size.average_page <= 50 * 1024),
        Target(f"{big.drills} drills: search index ≤ 8 MB", mb(big.size.search_index), big.size.search_index <= 8 * 1024 * 1024),
        Target(f"{big.drills} drills: largest page ≤ 500 KB", kb(big.size.largest_page), big.size.largest_page <= 500 * 1024),
        Target(f"{big.drills} drills: time per page ≤ 1.3 × that at {ref.drills}", f"{growth:.2f} ×", growth <= 1.3),
        Target(f"{big.drills} drills: the generator's share ≤ 10 % (its own CPU time over the build's)",
               f"{big.direct_share():.0%} (by the export build: {big.share():.0%})", big.direct_share() <= 0.10),
        Target(f"{big.drills} drills: peak memory ≤ 1 GB", f"{memory:,.0f} MB", memory <= 1024),
        Target("shipped handbook: `mkdocs build` ≤ 3 s", f"{median(ship['build'], 'wall'):.1f} s", median(ship["build"], "wall") <= 3),
    ]
    if "cards" in ship:
        per_card = (median(ship["cold"], "wall") - median(ship["build"], "wall")) / (4 * ship["cards"])
        out += [
            Target("card decks: ≤ 100 ms per card rendered", f"{per_card * 1000:.0f} ms", per_card <= 0.1),
            Target("shipped handbook with decks, from cold: ≤ 15 s", f"{median(ship['cold'], 'wall'):.1f} s", median(ship["cold"], "wall") <= 15),
            Target("shipped handbook with the decks cached: ≤ 4 s", f"{median(ship['warm'], 'wall'):.1f} s", median(ship["warm"], "wall") <= 4),
        ]
    if serve:
        out.append(Target("`mkdocs serve`: an edited drill shows in ≤ 2 s", f"{statistics.median(serve):.2f} s", statistics.median(serve) <= 2))
    return out


def stage_lines(result: Result) -> list[str]:
    total = result.stages["total"]
    names = {
        "generator": "the generator (the hook's `on_pre_build`: load, validate, figures, pages)",
        "markdown": "Markdown (MkDocs' `Page.render`)",
        "search": "the search index (Material's parser, every page)",
        "template": "the theme's page template",
        "write": "writing the files",
        "hook, other": "the hook's other events (setting HTML aside and putting it back)",
        "rest of MkDocs": "the rest of MkDocs (start, files, navigation, link checks)",
    }
    lines = [
        "",
        f"## Where the time goes ({result.drills} drills)",
        "",
        f"One more build, timed stage by stage by `tests/bench/phases.py` ({total:.1f} s with its timers):",
        "",
        "| stage | time | share |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {names.get(key, key)} | {seconds:.1f} s | {seconds / total:.0%} |" for key, seconds in result.stages["stages"].items()]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="handbook sizes in drills")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (at least 3)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the Markdown page to write")
    args = parser.parse_args(argv)
    if args.runs < 3:
        parser.error("--runs must be at least 3: the table gives medians")
    started = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    t0, load0 = time.perf_counter(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as tmp:
        work = Path(tmp)
        results = []
        for drills in args.sizes:
            print(f"{drills} drills", file=sys.stderr)
            results.append(measure(drills, args.runs, work, staged=drills == max(args.sizes)))
        print("shipped handbook", file=sys.stderr)
        ship = shipped(args.runs, work)
        serve = serve_reload.measure(synthetic.copy_project(ROOT, work / "serve", synthetic.PROJECT_PARTS + ("drills",)), args.runs)
    text = report(results, ship, serve, args.runs, (load0, os.getloadavg()[0]), started, time.perf_counter() - t0)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    missed = [t for t in targets(results, ship, serve) if not t.met]
    for t in missed:
        print(f"target missed: {t.what}: {t.measured}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
