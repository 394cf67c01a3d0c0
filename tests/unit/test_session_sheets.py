"""A session's printed sheet: one page of A4 or Letter, with every drill's name, and a
fit check that refuses a session before its sheet would run onto a second page."""

from __future__ import annotations

import io

import pypdf
import pytest

from generator import paths
from generator.build import Build, Settings
from generator.cards import PAPERS, Decks, render_pdf
from generator.environment import environment
from generator.figure.draw import Figures
from generator.model import Session, read_handbook
from generator.model.rules import session_rules
from generator.paths import Paths, Site
from generator.sessions import session_pages, sheet_html, timeline
from generator.text import Text
from tests.conftest import ROOT

MM = 72 / 25.4


@pytest.fixture(scope="module")
def handbook():
    handbook, problems = read_handbook(ROOT)
    assert problems == []
    return handbook


@pytest.fixture(scope="module")
def sheets():
    """The sheets as a build with decks on makes them (the card decks left out: they take long)."""
    handbook, _ = read_handbook(ROOT)
    site = Site(url="https://club.example/")
    built = session_pages(handbook, environment(ROOT, site=site), Paths.of(handbook, Text()), Figures(), site, Decks(True), Text())
    return {k: v for k, v in built.items() if k.startswith("sessions/") and k.endswith(".pdf")}


def _text(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.mark.parametrize("paper", sorted(PAPERS))
def test_every_session_has_a_one_page_sheet_of_its_paper_with_its_drills(handbook, sheets, paper):
    for session in handbook.sessions:
        reader = pypdf.PdfReader(io.BytesIO(sheets[paths.session_sheet(session.id, paper)]))
        assert len(reader.pages) == 1, session.id
        box = reader.pages[0].mediabox
        assert float(box.width) == pytest.approx(PAPERS[paper].width * MM, abs=1)
        assert float(box.height) == pytest.approx(PAPERS[paper].height * MM, abs=1)
        text = _text(reader)
        for timed in timeline(session, handbook):
            for step in timed.steps:
                assert " ".join(f"{step.drill.name}: {step.variant.name}".split()) in text, (session.id, step.drill.id)
        assert "?drills=" in text


def test_a_sheet_the_check_lets_through_prints_on_one_page(handbook):
    """Grow a session block by block until the check refuses it: the last one it accepts still fits."""
    drill = handbook.drills[0]
    blocks: list[dict] = []
    accepted = None
    for i in range(60):
        blocks.append({"name": f"Block {i}", "minutes": 2, "what": "Jog easily and keep warm between the runs of the drill.",
                       "drills": [{"drill": drill.id}]})
        session = Session.model_validate({"schema": 1, "id": "grow", "name": "Growing", "summary": "A long one.", "blocks": blocks})
        if list(session_rules(session, "grow", {d.id: d for d in handbook.drills})):
            break
        accepted = session
    assert accepted is not None and len(accepted.blocks) < 60
    env = environment(ROOT)
    for paper in PAPERS.values():
        pdf = render_pdf(sheet_html(env, handbook, accepted, paper, Site(), Figures()))
        assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1, paper.name


def test_sheets_are_not_built_without_decks(handbook):
    built = Build(ROOT, Settings(decks=False)).pages()
    assert not [k for k in built if k.startswith("sessions/") and k.endswith(".pdf")]
    page = built[paths.session(handbook.sessions[0].id)]
    assert "-a4.pdf" not in page
