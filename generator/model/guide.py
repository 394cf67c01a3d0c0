"""The footwear guide (``drills/guides/footwear.yaml``): criteria, advice by surface, what to avoid."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field

from .fields import Slug, Strict, Surface, Text


class Criterion(Strict):
    id: Slug
    name: Text
    why: Text
    check: Text = Field(description="how to check it in the shop or at home")


class SurfaceAdvice(Strict):
    surface: Surface
    advice: Text


class FootwearGuide(Strict):
    """``drills/guides/footwear.yaml``."""

    model_config = ConfigDict(title="Footwear guide")

    schema_version: Literal[1] = Field(alias="schema", description="version of the drill format")
    title: Text
    intro: Text | None = None
    criteria: list[Criterion] = Field(min_length=1)
    surfaces: list[SurfaceAdvice] = Field(default_factory=list)
    avoid: list[Text] = Field(default_factory=list)
