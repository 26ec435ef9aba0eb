"""The versioned prompt and the schema it asks for, read from package data.

The instructions live in `prompts/frame-v1.md` so they can be reviewed and
diffed as text; `PROMPT_VERSION` is the file's name plus a hash of it and of
the schema, so any edit to either changes the version and with it the cache
key: a reworded prompt is asked again instead of serving answers to the old one.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import files
from typing import Any, Literal

PROMPT_NAME = "frame-v1"
SCHEMA_NAME = "stance-frame.schema.json"
JSON_ONLY_MARKER = "<!-- json-only"
MAX_STORY_CHARS = 24_000  # about 6k tokens: a long feature still fits a small local model's context

Mode = Literal["json_schema", "json_object", "prompt"]
MODES: tuple[Mode, ...] = ("json_schema", "json_object", "prompt")


def _read(name: str) -> str:
    return (files("briefings.framing.llm") / "prompts" / name).read_text(encoding="utf-8")


@cache
def _texts() -> tuple[str, str]:
    return _read(f"{PROMPT_NAME}.md"), _read(SCHEMA_NAME)


@cache
def frame_schema() -> dict[str, Any]:
    """The stance-frame JSON Schema as sent in `response_format` (its `$schema` key left out)."""
    schema: dict[str, Any] = json.loads(_texts()[1])
    schema.pop("$schema", None)  # some servers reject meta keywords they do not know
    return schema


def prompt_version() -> str:
    """`frame-v1+<hash>`: the prompt file's name and a hash of the prompt and the schema."""
    prompt, schema = _texts()
    digest = hashlib.sha256(prompt.encode() + b"\0" + schema.encode()).hexdigest()[:10]
    return f"{PROMPT_NAME}+{digest}"


PROMPT_VERSION = prompt_version()


def system_prompt(mode: Mode) -> str:
    """The instructions, with the schema spelled out when the server cannot be given it as a constraint."""
    prompt = _texts()[0]
    head, _, tail = prompt.partition(JSON_ONLY_MARKER)
    if mode == "json_schema" or not tail:
        return head.strip()
    appendix = tail.split("-->", 1)[-1].strip()
    return head.strip() + "\n\n" + appendix.replace("{schema}", json.dumps(frame_schema(), indent=1))


def story_message(text: str, title: str | None) -> str:
    """The user message: the headline, then the story (cut at MAX_STORY_CHARS)."""
    body = text if len(text) <= MAX_STORY_CHARS else text[:MAX_STORY_CHARS] + "\n[…]"
    return (f"Headline: {title}\n\n" if title else "") + f"Story:\n{body}"


def messages(text: str, title: str | None, mode: Mode) -> list[dict[str, str]]:
    """The chat messages that ask for one story's frame."""
    return [
        {"role": "system", "content": system_prompt(mode)},
        {"role": "user", "content": story_message(text, title)},
    ]


def response_format(mode: Mode) -> dict[str, Any] | None:
    """The `response_format` of a request in `mode` (None: plain instructions only)."""
    if mode == "json_schema":
        return {"type": "json_schema",
                "json_schema": {"name": "stance_frame", "schema": frame_schema(), "strict": False}}
    if mode == "json_object":
        return {"type": "json_object"}
    return None
