"""The optional LLM backend: stance frames from any OpenAI-compatible model, never a dependency.

`build_framer(summariser=..., base_url=..., api_key=..., model=..., db=...)`
returns the framer the pipeline calls and the backend name stored with its
frames. The model's answer is validated as a `StanceFrame`, cut to what the
story supports (`grounding`), merged with the extractive frame (`merge`),
and cached per (content hash, model, prompt version) (`cache`); any failure
gives the extractive frame instead (`errors`).
"""

from __future__ import annotations

from briefings.framing.llm.cache import ModelUsage, usage_totals
from briefings.framing.llm.client import MODE_MEMORY, LLMClient, ModeMemory
from briefings.framing.llm.errors import LLMBadAnswer, LLMError, LLMRefused, LLMUnavailable
from briefings.framing.llm.framer import Framer, LLMFramer, build_framer
from briefings.framing.llm.prompt import PROMPT_VERSION

__all__ = [
    "MODE_MEMORY",
    "PROMPT_VERSION",
    "Framer",
    "LLMBadAnswer",
    "LLMClient",
    "LLMError",
    "LLMFramer",
    "LLMRefused",
    "LLMUnavailable",
    "ModeMemory",
    "ModelUsage",
    "build_framer",
    "usage_totals",
]
