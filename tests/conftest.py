"""Shared test helpers: the handbook under test, a scratch copy of it, and site builds.

``REPO`` is this repository (its code, CI files and test data). ``ROOT`` is the
handbook the tests build and check: the repository itself, or the copy that
``HANDBOOK_ROOT`` names (``tests/site/test_other_shapes.py`` points the unit and
site tests at a copy with drills of other shapes). A test derives what it expects
from the handbook at ``ROOT``; tests about the handbook's own content check only
the drills listed in ``tests/shipped.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ROOT = Path(os.environ.get("HANDBOOK_ROOT") or REPO).resolve()
DATA = REPO / "tests" / "data"
PROJECT_PARTS = ("docs", "drills", "generator", "templates")  # and every mkdocs*.yml: one per language and copy


def run_generator(*args: str, cwd: Path = ROOT, **extra_env: str) -> subprocess.CompletedProcess:
    """``python -m generator ARGS`` as a club member runs it, from the handbook's folder (no PDF decks on export)."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "HANDBOOK_PDF": "0", **extra_env}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None,
                 config: str = "mkdocs.yml", strict: bool = True) -> subprocess.CompletedProcess:
    """A ``mkdocs build`` (strict unless told) of ``project`` (with its ``config`` file) into ``site_dir``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
         "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, check=False,
    )


def copy_handbook(dest: Path, source: Path = ROOT) -> Path:
    """Copy the handbook's sources (not its tests, caches or outputs) into ``dest``."""
    dest.mkdir(parents=True)
    for part in [*PROJECT_PARTS, *(p.name for p in sorted(source.glob("mkdocs*.yml")))]:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    return dest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the handbook that a test may change freely."""
    return copy_handbook(tmp_path / "handbook")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The handbook, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline copy of the handbook (``make offline``), built once per test session."""
    site = tmp_path_factory.mktemp("site-offline")
    result = mkdocs_build(ROOT, site, config="mkdocs-offline.yml")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def handbook():
    """The handbook at ``ROOT``, read and checked."""
    from generator.model import read_handbook

    book, problems = read_handbook(ROOT)
    assert [p for p in problems if p.is_error] == []  # advisories (a field not translated yet) are allowed
    return book


def without_language_links(html: str) -> str:
    """A page less its lines that link to other languages, and its blank lines: the hook links
    the same page in each language, an export (no hook) each language's home."""
    return "\n".join(line for line in html.splitlines() if line.strip() and "hreflang=" not in line)
