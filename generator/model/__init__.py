"""The drill format, version 1, as typed pydantic models: one concern per file.

- ``fields.py``: the strict base model, kinds of text and ids, vocabularies;
- ``drill.py``: a drill file (variants, mistakes, figures); ``guide.py``: the footwear guide;
- ``session.py``: a warm-up session (timed blocks naming drills) and its sheet's fit;
- ``wording.py``: pydantic's errors as sentences a club member understands;
- ``rules.py``: the rules that span fields, files and the site's reserved names;
- ``handbook.py``: reading every file into one cross-checked ``Handbook``;
- ``schema.py``: the JSON Schemas for editors, generated from the models.

Translations get files of their own beside these. The names below are
the ones the rest of the generator uses.
"""

from .drill import Dosage, Drill, Figure, Keyframe, Limb, Mistake, Muscles, Variant
from .fields import CARD_LINE, MUSCLES, SCHEMA_VERSION, Source
from .guide import Criterion, FootwearGuide, SurfaceAdvice
from .handbook import Handbook, advisories, build, read_handbook
from .session import Block, Session, SessionDrill
from .wording import validate

__all__ = [
    "CARD_LINE", "MUSCLES", "SCHEMA_VERSION", "Block", "Criterion", "Dosage", "Drill", "Figure", "FootwearGuide",
    "Handbook", "Keyframe", "Limb", "Mistake", "Muscles", "Session", "SessionDrill", "Source", "SurfaceAdvice", "Variant",
    "advisories", "build", "read_handbook", "validate",
]
