"""Why the LLM backend gave no frame; each one ends in the extractive fallback.

    FramingError                  (briefings.errors)
     └── LLMError                 the model gave no usable frame
          ├── LLMUnavailable      connect/read timeout, 5xx or 429 after retries, another 4xx
          ├── LLMRefused          `message.refusal`, a content filter, or empty content
          └── LLMBadAnswer        not JSON, or JSON that is not a StanceFrame

Messages name the endpoint (without credentials) and the status or reason,
never the API key and never the request headers, so an error can be logged or
shown as it is.
"""

from __future__ import annotations

from briefings.errors import FramingError


class LLMError(FramingError):
    """The model gave no usable frame."""


class LLMUnavailable(LLMError):
    """The endpoint could not be reached or kept failing."""


class LLMRefused(LLMError):
    """The model declined to answer, or answered nothing."""


class LLMBadAnswer(LLMError):
    """The answer is not JSON, or not a stance frame."""
