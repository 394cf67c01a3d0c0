"""What every file of the format shares: the strict base model, the kinds of text and
ids, and the fixed vocabularies (muscles, surfaces, levels).

A club writes these files by hand, so unknown keys and nulls are refused, a number
written where text belongs is taken as the text written, and blank text is refused.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from ..load import Number

SCHEMA_VERSION = 1
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CARD_LINE = 60

MUSCLES = (
    "hamstrings", "glutes", "quadriceps", "hip-flexors", "adductors", "abductors",
    "calves", "shins", "feet", "core", "lower-back", "shoulders", "arms",
)
Muscle = Literal[MUSCLES]  # type: ignore[valid-type]
Surface = Literal["track", "grass", "turf", "indoor", "road", "sand"]
Level = Literal["beginner", "intermediate", "advanced"]


def _number_as_text(value):
    """``label: 2`` is the text ``2``, exactly as written."""
    if isinstance(value, Number):
        return value.text
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "is blank; write some text or leave the key out")
    return value


def _web_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise PydanticCustomError(
            "url", "'{url}' is not a web address; write it in full, starting with https://", {"url": value}
        )
    return value


class _NumberAsText:
    """In the editors' JSON Schema, text may be written as a number, as the check reads it."""

    @classmethod
    def __get_pydantic_json_schema__(cls, schema, handler):
        out = handler(schema)
        out["type"] = ["string", "number"]
        return out


class Prose:
    """Marks text a reader sees (inline Markdown): the open data gives its HTML beside it."""


Text = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_not_blank), _NumberAsText, Prose]
CardText = Annotated[Text, StringConstraints(max_length=CARD_LINE)]
Slug = Annotated[str, StringConstraints(pattern=SLUG), BeforeValidator(_number_as_text), _NumberAsText]
Url = Annotated[str, AfterValidator(_web_address)]


def angle(low: int, high: int, description: str, default: float | None = None):
    """A joint angle in degrees, a finite number within the format's range (optional
    when it has a default)."""
    more = {} if default is None else {"default": default}
    return Field(ge=low, le=high, strict=True, allow_inf_nan=False, description=f"{description}, degrees ({low} to {high})", **more)


class Strict(BaseModel):
    """Unknown keys and nulls are mistakes in a hand-written file, so both are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_null(cls, value):
        if value is None:
            raise PydanticCustomError("null", "has no value; write one, or leave the key out")
        return value


class Source(Strict):
    """Where the facts come from: a web page by its address, a book by who, where and when."""

    title: Text
    url: Url | None = Field(None, description="absolute http:// or https:// address")
    author: Text | None = None
    publisher: Text | None = None
    year: int | None = Field(None, ge=1, strict=True, description="year of publication")
    isbn: Text | None = None
