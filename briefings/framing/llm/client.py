"""One chat completion from an OpenAI-compatible endpoint, with retries and a fallback of output modes.

`POST {base_url}/chat/completions` through httpx, no SDK: OpenAI, Ollama,
vLLM and the llama.cpp server all speak this much. The client asks for
schema-constrained output first (`response_format: json_schema`); a server
that rejects it with 400/422 is asked again in JSON mode, then with plain
instructions, and the mode that worked is remembered per endpoint and model
for the life of the process, so the probing costs one rejected request once.

Failures are bounded so framing never holds up delivery: connect and read
timeouts, at most `max_retries` retries with exponential back-off for
timeouts, transport errors and 5xx, a 429 waits its Retry-After (up to
`max_retry_after`, beyond which waiting would block the run and the caller
falls back instead), and any other 4xx fails at once. A semaphore bounds the
requests in flight, whatever number of threads frame at once.

The API key is only ever put in the Authorization header: it is kept as a
`SecretStr`, left out of reprs, and scrubbed from every error message (a
server may echo it back in a 401 body).
"""

from __future__ import annotations

import email.utils
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from pydantic import SecretStr

from briefings.framing.llm.errors import LLMBadAnswer, LLMUnavailable
from briefings.framing.llm.prompt import MODES, Mode, messages, response_format

logger = logging.getLogger(__name__)

DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_READ_TIMEOUT = 90.0  # a local model on a CPU writes a frame in about a minute
DEFAULT_MAX_RETRIES = 2
DEFAULT_BACKOFF = 1.0
DEFAULT_MAX_RETRY_AFTER = 30.0
DEFAULT_MAX_CONCURRENCY = 4
DEFAULT_MAX_TOKENS = 2048
SCHEMA_REJECTED = frozenset({400, 422})  # how servers say "I do not support this response_format"
EXCERPT_CHARS = 200


@dataclass(frozen=True)
class Usage:
    """The tokens one answer cost, as the endpoint reported them (0 when it did not)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass(frozen=True)
class Completion:
    """What the model answered, before it is read as a frame."""

    content: str | None
    refusal: str | None
    finish_reason: str | None
    usage: Usage
    mode: Mode


class ModeMemory:
    """Which output mode worked for each (endpoint, model), shared by every client of the process."""

    def __init__(self) -> None:
        self._modes: dict[tuple[str, str], Mode] = {}
        self._lock = threading.Lock()

    def get(self, base_url: str, model: str) -> Mode | None:
        with self._lock:
            return self._modes.get((base_url, model))

    def remember(self, base_url: str, model: str, mode: Mode) -> None:
        with self._lock:
            if self._modes.get((base_url, model)) != mode:
                logger.info("LLM endpoint %s (%s) answers in %s mode", public_url(base_url), model, mode)
            self._modes[(base_url, model)] = mode

    def clear(self) -> None:
        with self._lock:
            self._modes.clear()


MODE_MEMORY = ModeMemory()


def public_url(url: str) -> str:
    """`url` without user info, query or fragment: what may appear in a log line or an error."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class LLMClient:
    """Ask one model at one OpenAI-compatible endpoint for stance frames."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: SecretStr | str | None = None,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff: float = DEFAULT_BACKOFF,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        modes: ModeMemory = MODE_MEMORY,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self._api_key = api_key if isinstance(api_key, SecretStr) or api_key is None else SecretStr(api_key)
        self.timeout = httpx.Timeout(read_timeout, connect=connect_timeout)
        self.max_retries = max(0, max_retries)
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.max_concurrency = max(1, max_concurrency)
        self.max_tokens = max_tokens
        self.modes = modes
        self._sleep = sleep
        self._slots = threading.BoundedSemaphore(self.max_concurrency)

    def __repr__(self) -> str:
        return f"LLMClient(base_url={public_url(self.base_url)!r}, model={self.model!r})"

    @property
    def endpoint(self) -> str:
        """The chat completions URL as it may be shown: no credentials."""
        return public_url(self.base_url) + "/chat/completions"

    def complete(self, text: str, title: str | None) -> Completion:
        """Ask for the frame of one story; raise LLMUnavailable when no answer came."""
        known = self.modes.get(self.base_url, self.model)
        tried = (known,) if known else MODES
        for mode in tried:
            response = self._post(self._payload(text, title, mode))
            if response.status_code in SCHEMA_REJECTED and known is None and mode != tried[-1]:
                logger.info("%s rejected %s output (HTTP %d: %s); trying the next mode",
                            self.endpoint, mode, response.status_code, self._excerpt(response))
                continue
            if response.is_error:
                raise LLMUnavailable(
                    f"{self.endpoint}: HTTP {response.status_code} in {mode} mode: {self._excerpt(response)}")
            self.modes.remember(self.base_url, self.model, mode)
            return self._completion(response, mode)
        raise AssertionError("unreachable: the last mode either returns or raises")  # pragma: no cover

    def _payload(self, text: str, title: str | None, mode: Mode) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "model": self.model,
            "messages": messages(text, title, mode),
            "temperature": 0,
            "max_tokens": self.max_tokens,
        }
        fmt = response_format(mode)
        if fmt is not None:
            payload["response_format"] = fmt
        return payload

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self._api_key is not None:
            headers["Authorization"] = f"Bearer {self._api_key.get_secret_value()}"
        return headers

    def _post(self, payload: dict[str, Any]) -> httpx.Response:
        """POST with retries; a response that should not be retried is returned as it is."""
        url = self.base_url + "/chat/completions"
        for attempt in range(self.max_retries + 1):
            last = attempt == self.max_retries
            try:
                with self._slots, httpx.Client(timeout=self.timeout) as http:
                    # A client per request: nothing to close later, and httpx clients are cheap
                    # next to the seconds a model takes to write a frame.
                    response = http.post(url, json=payload, headers=self._headers())
            except httpx.TimeoutException as exc:
                reason = f"timed out ({type(exc).__name__})"
            except httpx.TransportError as exc:
                reason = f"cannot connect ({type(exc).__name__}: {self._scrub(str(exc))})"
            else:
                if response.status_code == 429:
                    wait = retry_after_seconds(response.headers.get("Retry-After"))
                    if wait is not None and wait > self.max_retry_after:
                        raise LLMUnavailable(
                            f"{self.endpoint}: rate limited for {wait:.0f}s, longer than the "
                            f"{self.max_retry_after:.0f}s framing may wait")
                    reason, delay = "rate limited (HTTP 429)", wait
                elif response.status_code >= 500:
                    reason, delay = f"HTTP {response.status_code}", None
                else:
                    return response
                if last:
                    raise LLMUnavailable(f"{self.endpoint}: {reason} after {attempt + 1} attempts")
                self._wait(reason, attempt, delay)
                continue
            if last:
                raise LLMUnavailable(f"{self.endpoint}: {reason} after {attempt + 1} attempts")
            self._wait(reason, attempt, None)
        raise AssertionError("unreachable: the last attempt either returns or raises")  # pragma: no cover

    def _wait(self, reason: str, attempt: int, delay: float | None) -> None:
        seconds = delay if delay is not None else self.backoff * (2**attempt)
        logger.warning("%s: %s; retry %d of %d in %.1fs", self.endpoint, reason, attempt + 1, self.max_retries,
                       seconds)
        self._sleep(seconds)

    def _completion(self, response: httpx.Response, mode: Mode) -> Completion:
        try:
            body = response.json()
            choice = body["choices"][0]
            message = choice.get("message") or {}
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise LLMBadAnswer(f"{self.endpoint}: the response is not a chat completion") from None
        usage = body.get("usage") if isinstance(body, dict) else None
        usage = usage if isinstance(usage, dict) else {}
        return Completion(
            content=_text(message.get("content")),
            refusal=_text(message.get("refusal")),
            finish_reason=_text(choice.get("finish_reason")),
            usage=Usage(_count(usage.get("prompt_tokens")), _count(usage.get("completion_tokens"))),
            mode=mode,
        )

    def _scrub(self, text: str) -> str:
        if self._api_key is not None:
            secret = self._api_key.get_secret_value()
            if secret:
                text = text.replace(secret, "[redacted]")
        return text

    def _excerpt(self, response: httpx.Response) -> str:
        text = " ".join(response.text.split())
        return self._scrub(text)[:EXCERPT_CHARS] or "(empty body)"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _count(value: object) -> int:
    return value if isinstance(value, int) and value >= 0 else 0
