"""The stance frame of one story, as pydantic models mirroring the JSON schema.

`shared/specs/stance-frame.schema.json` is the contract: the `frame` command
prints it, and the LLM backend validates a model's answer with these same
classes. The models are frozen (a frame is a value) and reject unknown
fields, so an answer that strays from the schema fails validation instead of
passing through half-read.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Side(_Frozen):
    """One side of the debate: a short label and what it argues."""

    label: str
    summary: str | None = None


class Quote(_Frozen):
    """A direct quotation and its speaker (a figure's name), or None when unknown."""

    text: str
    speaker: str | None = None


class Number(_Frozen):
    """A key figure of the story and the words around it."""

    value: str
    context: str | None = None


class FigureFrame(_Frozen):
    """A person of the story: who they are, where they stand, and what grounds it."""

    name: str
    role: str | None = None
    side: str | None = None
    stance: str | None = None
    quotes: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class StanceFrame(_Frozen):
    """One story condensed into its question, sides, figures, quotes and numbers."""

    title: str | None = None
    question: str | None = None
    sides: list[Side] = Field(default_factory=list)
    figures: list[FigureFrame] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    numbers: list[Number] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """A plain dict that validates against stance-frame.schema.json."""
        return self.model_dump(mode="json")

    def to_json(self, *, indent: int | None = 2) -> str:
        """The frame as JSON text (UTF-8 characters kept, not escaped)."""
        return self.model_dump_json(indent=indent)

    def figure(self, name: str) -> FigureFrame | None:
        """The figure called `name`, if the frame has one."""
        return next((f for f in self.figures if f.name == name), None)
