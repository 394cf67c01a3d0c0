"""Adapter: the whole site in every language, one MkDocs build per language, run side by side.

The default language's build (``mkdocs.yml``) makes the site's root; each other
language's (``mkdocs.<lang>.yml``) goes under ``<lang>/``. The offline copy does the
same from ``mkdocs-offline.yml`` and ``mkdocs-offline.<lang>.yml``. Every build
writes into a folder of its own beside the destination, in its own process (the
builds share nothing), and the destination is replaced only when all succeeded: a
broken drill or translation leaves the last good site whole.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .adapters import site_config, site_of


def config_files(root: Path, offline: bool = False) -> dict[str, str]:
    """The configuration file of each language's build, the default language first."""
    site = site_of(site_config(root))
    base = "mkdocs-offline" if offline else "mkdocs"
    out = {site.language: f"{base}.yml"}
    for language in site.translations:
        out[language] = f"{base}.{language}.yml"
    missing = [name for name in out.values() if not (root / name).is_file()]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    return out


def build_all(root: Path, dest: Path, offline: bool = False, jobs: int | None = None, strict: bool = True) -> int:
    """Build every language into ``dest`` (the default at its root, the others in ``<lang>/``)."""
    try:
        configs = config_files(root, offline)
    except FileNotFoundError as err:
        print(f"{err}: missing; each language in extra.languages of mkdocs.yml needs its configuration file "
              "(see docs/club.md)", file=sys.stderr)
        return 1
    dest = (root / dest).resolve()
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        outputs = {language: staging / language for language in configs}
        with ThreadPoolExecutor(jobs or min(len(configs), os.cpu_count() or 1)) as pool:
            runs = {language: pool.submit(_mkdocs, root, config, outputs[language], strict)
                    for language, config in configs.items()}
            results = {language: run.result() for language, run in runs.items()}
        failed = [language for language, result in results.items() if result.returncode != 0]
        for language in failed:  # MkDocs says why it stopped on standard output, and warns on standard error
            sys.stderr.write(results[language].stderr + results[language].stdout)
        if failed:
            print(f"{', '.join(configs[lang] for lang in failed)}: the build failed; {dest} was left as it was.", file=sys.stderr)
            return 1
        default, *others = configs
        site = outputs[default]
        for language in others:
            shutil.rmtree(site / language, ignore_errors=True)
            outputs[language].rename(site / language)
        old = dest.with_name(f".{dest.name}-old-{os.getpid()}") if dest.exists() else None
        if old:
            dest.rename(old)
        site.rename(dest)
        if old:
            shutil.rmtree(old)
        print(f"built {dest} in {', '.join(configs)}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _mkdocs(root: Path, config: str, site_dir: Path, strict: bool) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
                           "--config-file", config, "--site-dir", str(site_dir)],
                          cwd=root, capture_output=True, text=True, check=False)
