"""make audit: Lighthouse scores and Nu HTML Checker errors for the built handbook.

Not part of make test: Lighthouse takes minutes. The site is built afresh into a
temporary folder and served on 127.0.0.1, gzipped as static hosts do. Lighthouse (npm, pinned) audits each
page of ``AUDITED`` on desktop once and on mobile three times (the median
performance counts); the Nu HTML Checker (npm vnu-jar, on Java) reads every page.
Exit status 1 when a page scores under its bar or Nu reports an error.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import chrome_path, serve
from tests.browser.pages import AUDITED, PAGES
from tests.conftest import mkdocs_build

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
# The bars: every category at 100 but performance, which must reach 95 on mobile.
BARS = {"accessibility": 100, "best-practices": 100}
MOBILE_PERFORMANCE = 95
MOBILE_RUNS = 3


def lighthouse(url: str, form: str) -> dict:
    """One Lighthouse run: {category: score 0-100}, and the audits that lost points."""
    preset = ["--preset=desktop"] if form == "desktop" else []
    result = subprocess.run(
        [str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet", *preset,
         "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=--headless=new --no-sandbox"],
        env={**os.environ, "CHROME_PATH": chrome_path() or "/usr/bin/chromium"},
        capture_output=True, text=True, check=True,
    )
    report = json.loads(result.stdout)
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    lost = sorted({
        ref["id"]
        for c in CATEGORIES
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1
        and report["audits"][ref["id"]]["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
    })
    return {"scores": scores, "lost": lost}


def audit_page(name: str, url: str) -> list[str]:
    """Print a page's scores; the bars it misses."""
    failures = []
    for form, runs in (("desktop", 1), ("mobile", MOBILE_RUNS)):
        results = [lighthouse(url, form) for _ in range(runs)]
        scores = dict(results[0]["scores"])
        scores["performance"] = statistics.median(r["scores"]["performance"] for r in results)
        note = f" (median of {runs}: {[r['scores']['performance'] for r in results]})" if runs > 1 else ""
        print(f"{name:10} {form:8} " + "  ".join(f"{c} {scores[c]:g}" for c in CATEGORIES) + note)
        lost = sorted({a for r in results for a in r["lost"]})
        if lost:
            print(f"{'':19} lost points on: {', '.join(lost)}")
        for category, bar in BARS.items():
            if min(r["scores"][category] for r in results) < bar:
                failures.append(f"{name} {form}: {category} under {bar}")
        if form == "mobile" and scores["performance"] < MOBILE_PERFORMANCE:
            failures.append(f"{name} mobile: performance {scores['performance']:g} under {MOBILE_PERFORMANCE}")
    return failures


# Markup of Material's own base.html that the Nu checker rejects, and why it stays:
# autocomplete="off" on the drawer and search toggles keeps Firefox from restoring them
# open on going back; overriding Material's whole base.html for it would be worse.
MATERIAL_MARKUP = [
    re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__\1" autocomplete="off">'),
]
_NU_LINE = re.compile(r'^"file:(?P<path>[^"]+)":(?P<line>\d+)\.\d+-\d+\.\d+: error: (?P<message>.*)$')


def nu_check(site: Path) -> list[str]:
    """The Nu HTML Checker over every page: errors in our markup, one line each, and a
    count of those in Material's own markup (``MATERIAL_MARKUP``)."""
    pages = sorted(str(p) for p in site.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "gnu", *pages],
                            capture_output=True, text=True, check=False)
    ours, material = [], Counter()
    for line in (result.stderr + result.stdout).splitlines():
        match = _NU_LINE.match(line)
        if not match:
            if line.strip():
                ours.append(line)
            continue
        path = Path(match["path"])
        source = path.read_text(encoding="utf-8").splitlines()[int(match["line"]) - 1].strip()
        if any(pattern.fullmatch(source) for pattern in MATERIAL_MARKUP):
            material[match["message"]] += 1
        else:
            ours.append(f"{path.relative_to(site)}:{match['line']}: {match['message']}\n    {source[:160]}")
    print(f"Nu HTML Checker: {len(pages)} pages, {len(ours)} errors in the handbook's markup")
    for line in ours:
        print("  " + line)
    for message, count in material.items():
        print(f"  (Material's own markup, left as it is: {count} × {message})")
    return [f"Nu HTML Checker: {len(ours)} errors"] if ours else []


def main() -> int:
    for tool in (LIGHTHOUSE, VNU):
        if not tool.is_file():
            print(f"{tool.relative_to(ROOT)} not found: run npm ci (make audit does)", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="handbook-audit-") as tmp:
        site = Path(tmp) / "site"
        built = mkdocs_build(ROOT, site)
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 1
        failures = nu_check(site)
        with serve(site, compress=True) as base:  # as any static host serves it
            for name in AUDITED:
                failures += audit_page(name, base + PAGES[name])
    for failure in failures:
        print("FAILED: " + failure)
    print("audit: " + ("clean" if not failures else f"{len(failures)} bars missed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
