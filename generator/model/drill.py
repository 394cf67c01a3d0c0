"""A drill file (``drills/<id>.yaml``): the drill, its variants, its mistakes and their figures."""

from __future__ import annotations

import itertools
from typing import Literal

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .fields import CARD_LINE, CardText, Level, Muscle, Slug, Source, Strict, Surface, Text, angle


class Limb(Strict):
    """The joint angles of one side of the body."""

    hip: float = angle(-60, 130, "hip flexion, + thigh ahead of the trunk")
    knee: float = angle(0, 165, "knee flexion, 0 = straight")
    ankle: float = angle(-60, 40, "+ toes up, - toes pointed")
    shoulder: float = angle(-90, 180, "+ arm ahead of the trunk")
    elbow: float = angle(0, 165, "elbow flexion, 0 = straight")
    hip_out: float = angle(-45, 60, "optional: thigh out to its own side, - across the body", 0)
    hip_turn: float = angle(-60, 60, "optional: thigh turned about its length, + knee turned out (a bent knee then brings the foot in)", 0)
    shoulder_out: float = angle(-45, 180, "optional: arm raised out to its own side, - across the chest", 0)


Contact = Literal["near", "far", "both", "none"]


class Keyframe(Strict):
    """One pose of the movement cycle."""

    label: Text = Field(description="what happens in this pose")
    at: float | None = Field(None, ge=0, lt=1, strict=True, allow_inf_nan=False, description="time in the cycle, 0 <= at < 1; default evenly spaced")
    lift: float = Field(0, ge=0, le=1, strict=True, allow_inf_nan=False, description="metres the lowest point is above the ground (flight)")
    contact: Contact | None = Field(None, description="the foot on the ground: near, far, both, or none (flight, with lift > 0)")
    trunk: float = angle(-30, 60, "trunk lean from vertical, + forward")
    trunk_side: float = angle(-30, 30, "optional: trunk lean sideways, + towards the near side", 0)
    pelvis_turn: float = angle(-90, 90, "optional: pelvis turned about the vertical, + near hip forward", 0)
    shoulder_turn: float = angle(-90, 90, "optional: shoulders turned about the vertical, + near shoulder forward", 0)
    near: Limb = Field(description="leg and arm nearer to the viewer")
    far: Limb = Field(description="leg and arm further from the viewer")


class Figure(Strict):
    """One movement cycle of the stick figure, seen from the side or from the front."""

    view: Literal["side", "front"] = Field("side", description="side (default): faces and travels right; front: faces the viewer and travels right")
    travel: float = Field(0, ge=0, le=3, strict=True, allow_inf_nan=False, description="metres moved forward per cycle; 0 = on the spot")
    keyframes: list[Keyframe] = Field(min_length=2, max_length=8, description="2 to 8 poses in order; the cycle loops back to the first")

    def times(self) -> list[float]:
        """Each keyframe's time in the cycle: given ``at`` values kept, missing ones
        spread evenly between their neighbours (evenly over the cycle when none is given)."""
        n = len(self.keyframes)
        known = {i: k.at for i, k in enumerate(self.keyframes) if k.at is not None}
        known.setdefault(0, 0.0)
        anchors = sorted(known.items()) + [(n, 1.0)]
        out = [0.0] * n
        for (i0, t0), (i1, t1) in itertools.pairwise(anchors):
            for i in range(i0, i1):
                out[i] = t0 + (t1 - t0) * (i - i0) / (i1 - i0)
        return out


class Dosage(Strict):
    """How much to do: at least one of distance, repetitions or duration."""

    distance_m: float | None = Field(None, gt=0, strict=True, allow_inf_nan=False, description="metres")
    sets: int | None = Field(None, ge=1, strict=True)
    reps: int | None = Field(None, ge=1, strict=True)
    duration_s: float | None = Field(None, gt=0, strict=True, allow_inf_nan=False, description="seconds")
    rest: Text | None = None

    @model_validator(mode="after")
    def _some_amount(self):
        if self.distance_m is None and self.reps is None and self.duration_s is None:
            raise PydanticCustomError("dosage", "needs at least one of distance_m, reps or duration_s")
        return self


class Muscles(Strict):
    primary: list[Muscle] = Field(min_length=1, description="the muscles the drill works most")
    secondary: list[Muscle] = Field(default_factory=list)


class Variant(Strict):
    id: Slug
    name: Text
    former_ids: list[Slug] = Field(default_factory=list, description="old ids, so old links and printed QR codes still work")
    label: Text | None = Field(None, description="short badge")
    intent: Text = Field(description="what this variant is for")
    steps: list[Text] = Field(min_length=2, description="at least 2, in order")
    cues: list[CardText] = Field(min_length=1, max_length=5, description=f"1 to 5, each at most {CARD_LINE} characters")
    dosage: Dosage | None = Field(None, description="replaces the drill's dosage whole")
    mistakes: list[Slug] = Field(default_factory=list, description="ids from the drill's mistakes")
    easier: Text | None = Field(None, description="one-line regression")
    harder: Text | None = Field(None, description="one-line progression")
    figure: Figure


class Mistake(Strict):
    id: Slug
    name: Text = Field(description="what a coach sees")
    aliases: list[Text] = Field(default_factory=list, description="other names of the fault; searchable")
    why: Text = Field(description="why it matters")
    fix: Text = Field(description="how to correct it")
    cue: CardText | None = Field(None, description=f"at most {CARD_LINE} characters")
    seen_in: list[Slug] = Field(default_factory=list, description="sports where it is common")
    figure: Figure | None = Field(None, description="the faulty movement")


class Drill(Strict):
    """One file in ``drills/``: a drill with its variants and common mistakes."""

    model_config = ConfigDict(title="Drill")

    schema_version: Literal[1] = Field(alias="schema", description="version of the drill format")
    id: Slug = Field(description="equal to the file name")
    name: Text
    aliases: list[Text] = Field(default_factory=list, description="other names; searchable")
    former_ids: list[Slug] = Field(default_factory=list, description="old ids, so old links and printed QR codes still work")
    summary: Text = Field(max_length=200, description="one sentence, at most 200 characters")
    purpose: Text = Field(description="a paragraph")
    level: Level
    muscles: Muscles
    sports: list[Slug] = Field(default_factory=list)
    equipment: list[Text] = Field(default_factory=list)
    surfaces: list[Surface] = Field(default_factory=list)
    dosage: Dosage
    when: Text | None = Field(None, description="when in the warm-up")
    safety: list[Text] = Field(default_factory=list)
    footwear: list[Slug] = Field(default_factory=list, description="ids from the footwear guide")
    progressions: list[Slug] = Field(default_factory=list, description="ids of harder drills")
    regressions: list[Slug] = Field(default_factory=list, description="ids of easier drills")
    sources: list[Source] = Field(default_factory=list)
    variants: list[Variant] = Field(min_length=1)
    mistakes: list[Mistake] = Field(min_length=1)

    def mistake(self, mistake_id: str) -> Mistake:
        return next(m for m in self.mistakes if m.id == mistake_id)
