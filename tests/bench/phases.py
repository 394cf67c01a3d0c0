"""Where one ``mkdocs build`` spends its time, by stage: run in the project folder, prints JSON.

The build runs in this process with timers around MkDocs' own steps (the hook's
work, Markdown, the search index, the page template, writing files), so the
benchmark can say which part of a slow build is the handbook's and which is
MkDocs'. The timers add a little to the total; the stages are what matter.
"""

from __future__ import annotations

import collections
import functools
import json
import sys
import time

import material.plugins.search.plugin as search
from mkdocs import plugins, utils
from mkdocs.__main__ import cli
from mkdocs.commands import build
from mkdocs.structure import pages

spent: collections.Counter = collections.Counter()


def _timed(owner, name: str, stage: str) -> None:
    function = getattr(owner, name)

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] += time.perf_counter() - start

    setattr(owner, name, wrapper)


def _events() -> None:
    run_event = plugins.PluginCollection.run_event

    def timed_event(self, name, *args, **kwargs):
        start = time.perf_counter()
        try:
            return run_event(self, name, *args, **kwargs)
        finally:
            spent[f"event {name}"] += time.perf_counter() - start

    plugins.PluginCollection.run_event = timed_event


def main(site_dir: str) -> int:
    _events()
    _timed(pages.Page, "render", "markdown")
    _timed(build, "_build_page", "page")
    _timed(search.SearchIndex, "add_entry_from_context", "search")
    _timed(utils, "write_file", "write")
    start = time.perf_counter()
    try:
        cli(["build", "--strict", "--quiet", "--site-dir", site_dir])
    except SystemExit as done:
        if done.code:
            return int(done.code)
    total = time.perf_counter() - start
    generator = spent["event pre_build"]
    stages = {
        "generator": generator,
        "markdown": spent["markdown"],
        "search": spent["search"],
        "template": spent["page"] - spent["search"] - spent["write"] - spent["event post_page"],
        "write": spent["write"],
        "hook, other": spent["event files"] + spent["event page_content"] + spent["event post_page"],
    }
    stages["rest of MkDocs"] = total - sum(stages.values())
    json.dump({"total": total, "stages": stages}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
