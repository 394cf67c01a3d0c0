"""The template reference in docs/club.md names every shipped template, so it cannot fall behind."""

from __future__ import annotations

import re

from tests.conftest import ROOT

TEMPLATES = ROOT / "templates"
CLUB = ROOT / "docs" / "club.md"


def shipped_templates() -> list[str]:
    """Every file under ``templates/`` as its path there: the club's ``overrides/`` left out,
    the Material theme's folder as one entry ``theme/``, the catalogs as ``locales/``."""
    entries = set()
    for path in TEMPLATES.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(TEMPLATES)
        top = rel.parts[0]
        if top == "overrides":
            continue
        entries.add(f"{top}/" if top in ("theme", "locales") else rel.as_posix())
    return sorted(entries)


def documented_templates() -> set[str]:
    text = CLUB.read_text(encoding="utf-8")
    return set(re.findall(r"^#### `([^`]+)`\s*$", text, flags=re.MULTILINE))


def test_templates_are_found():
    found = shipped_templates()
    assert "pages/drill.md" in found
    assert "theme/" in found
    assert not any(t.startswith("overrides/") for t in found)


def test_every_template_has_an_entry_in_the_club_guide():
    missing = [t for t in shipped_templates() if t not in documented_templates()]
    assert not missing, f"docs/club.md has no '#### `path`' entry for: {', '.join(missing)}"


def test_every_entry_names_a_shipped_template():
    stale = sorted(documented_templates() - set(shipped_templates()))
    assert not stale, f"docs/club.md describes templates that no longer exist: {', '.join(stale)}"
