"""A warm-up session (``drills/sessions/<id>.yaml``): timed blocks, some naming drills.

Its texts (``name``, ``summary``, ``notes``, each block's ``name`` and ``what``) are plain
text fields, so a translation (``<id>.<lang>.yaml``) can replace them one by one.
"""

from __future__ import annotations

import textwrap
from typing import Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .drill import Dosage
from .fields import Level, Slug, Source, Strict, Text

Occasion = Literal["training", "race", "match"]


class SessionDrill(Strict):
    """A drill done in a block: one of its variants, with the session's own dosage if it has one."""

    drill: Slug = Field(description="the id of a drill of the handbook")
    variant: Slug | None = Field(None, description="a variant id of that drill; default: its first variant")
    dosage: Dosage | None = Field(None, description="replaces the variant's dosage whole")


class Block(Strict):
    """One timed part of the session."""

    name: Text
    minutes: float = Field(gt=0, le=600, strict=True, allow_inf_nan=False, description="> 0, decimals allowed")
    what: Text | None = Field(None, description="what to do, as text")
    drills: list[SessionDrill] = Field(default_factory=list, description="drills done in this block, in order")

    @model_validator(mode="after")
    def _not_empty(self):
        if self.what is None and not self.drills:
            raise PydanticCustomError("empty_block", "is empty; a block needs 'what', 'drills' or both")
        return self


class Session(Strict):
    """One file in ``drills/sessions/``: a warm-up, block by block."""

    model_config = ConfigDict(title="Warm-up session")

    schema_version: Literal[1] = Field(alias="schema", description="version of the drill format")
    id: Slug = Field(description="equal to the file name")
    name: Text
    summary: Text = Field(max_length=200, description="one sentence, at most 200 characters")
    occasion: Occasion | None = None
    sports: list[Slug] = Field(default_factory=list)
    level: Level | None = None
    notes: Text | None = Field(None, description="a paragraph")
    sources: list[Source] = Field(default_factory=list)
    blocks: list[Block] = Field(min_length=1, description="at least one, in order")

    @property
    def minutes(self) -> float:
        """The session's length: the sum of its blocks' minutes."""
        return sum(b.minutes for b in self.blocks)

    def clock(self) -> list[float]:
        """The minute each block starts at."""
        out, at = [], 0.0
        for b in self.blocks:
            out.append(at)
            at += b.minutes
        return out


# ---- does the printed sheet fit one page? ----
# An estimate in millimetres, measured on the sheet's styles (templates/sessions/sheet.css):
# characters on a line and millimetres per line for each kind of text, at the narrower
# page (A4, 180 mm of text) and the shorter one (Letter, 259 mm of room).

SHEET_ROOM_MM = 252.0
SHEET_HEAD_MM = 22.0      # title, length, summary's first line, the deck's address
BLOCK_HEAD_MM = 7.5       # a block's clock, name and minutes
DRILL_ROW_MM = 12.0      # a drill's row: its small figure sets the least height
TEXT = (105, 4.3)         # a block's text, the summary and the notes: characters a line, mm a line
CUES = (70, 4.0)          # a drill's name, dosage and cues, beside its figure


def _lines(words: str, chars: int) -> int:
    return len(textwrap.wrap(words, width=chars, break_long_words=True)) or 1


def sheet_heights(session: Session, cues: dict[tuple[str, str | None], list[str]]) -> dict[tuple, float]:
    """Millimetres each field of the session takes on its sheet, by its location in the file.

    ``cues`` gives each (drill, variant) the cues the sheet prints for it."""
    heights: dict[tuple, float] = {("summary",): _lines(session.summary, TEXT[0]) * TEXT[1]}
    if session.notes:
        heights[("notes",)] = _lines(session.notes, TEXT[0]) * TEXT[1] + 2
    for i, block in enumerate(session.blocks):
        heights[("blocks", i, "name")] = BLOCK_HEAD_MM
        if block.what:
            heights[("blocks", i, "what")] = _lines(block.what, TEXT[0]) * TEXT[1]
        if block.drills:
            rows = 0.0
            for d in block.drills:
                text = " · ".join(cues.get((d.drill, d.variant), []))
                rows += max(DRILL_ROW_MM, 4.5 + _lines(text, CUES[0]) * CUES[1]) + 1.0
            heights[("blocks", i, "drills")] = rows
    return heights


def sheet_overflow(heights: dict[tuple, float]) -> float:
    """How far the sheet would run past its page (negative: room left)."""
    return SHEET_HEAD_MM + sum(heights.values()) - SHEET_ROOM_MM
