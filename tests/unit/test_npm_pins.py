"""The npm side: exact pins, and the vendored iframe-worker shim is the pinned package's."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_npm_packages_are_pinned_exactly_and_locked():
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pins = {**manifest["dependencies"], **manifest["devDependencies"]}
    assert {"axe-core", "iframe-worker", "lighthouse", "vnu-jar"} <= pins.keys()
    for name, version in pins.items():
        assert version[0].isdigit(), f"{name}: {version} is a range"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_vendored_shim_is_the_pinned_iframe_worker():
    installed = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not installed.is_file():
        pytest.skip("node_modules/iframe-worker not installed (npm ci)")
    vendored = ROOT / "docs" / "assets" / "vendor" / "iframe-worker" / "shim.js"
    assert vendored.read_bytes() == installed.read_bytes()
