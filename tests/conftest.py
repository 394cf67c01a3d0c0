"""Shared test helpers: the project root, a scratch copy of the handbook, and site builds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "mkdocs-offline.yml", "docs", "drills", "generator", "templates")


def run_generator(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``python -m generator ARGS`` as a club member runs it, from the handbook's folder (no PDF decks on export)."""
    env = {**os.environ, "PYTHONPATH": str(cwd), "HANDBOOK_PDF": "0"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True)


def mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None,
                 config: str = "mkdocs.yml", strict: bool = True) -> subprocess.CompletedProcess:
    """A ``mkdocs build`` (strict unless told) of ``project`` (with its ``config`` file) into ``site_dir``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF": "0", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
         "--config-file", config, "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True,
    )


def copy_handbook(dest: Path) -> Path:
    """Copy the handbook's sources (not its tests or outputs) into ``dest``."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
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
    """The shipped handbook, built once per test session."""
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
