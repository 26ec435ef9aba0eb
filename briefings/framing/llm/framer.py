"""The LLM backend as a framer: ask (or read the cache), check, merge, and fall back on any failure.

    LLMFramer(text, title)
      -> cache hit?            the stored answer, no request
      -> LLMClient.complete    one chat completion (retries, timeouts, output modes)
      -> read_answer           JSON -> StanceFrame.model_validate
      -> ground                drop invented figures, quotes, evidence, numbers
      -> merge                 fill gaps from the extractive frame of the same text

Any failure on the way (the endpoint, a refusal, a bad answer, even a bug)
is logged with its reason and the story gets its extractive frame: framing
must never hold up a briefing. `prefetch` asks for many stories at once, at
most `max_concurrency` in flight, so a batch takes about as long as its
slowest few stories instead of the sum of all of them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass

from pydantic import SecretStr
from sqlite_utils import Database

from briefings.framing.extractive import frame_text
from briefings.framing.llm.answer import read_answer
from briefings.framing.llm.cache import CacheKey, cached_frame, content_hash, record
from briefings.framing.llm.client import DEFAULT_MAX_CONCURRENCY, DEFAULT_READ_TIMEOUT, LLMClient, Usage
from briefings.framing.llm.errors import LLMBadAnswer, LLMError, LLMRefused
from briefings.framing.llm.grounding import StoryText, ground
from briefings.framing.llm.merge import merge
from briefings.framing.llm.prompt import PROMPT_VERSION
from briefings.framing.model import StanceFrame

logger = logging.getLogger(__name__)

Framer = Callable[[str, str | None], StanceFrame]
EXTRACTIVE = "extractive"


@dataclass(frozen=True)
class Outcome:
    """One request's result: a frame, or why there is none; with what it cost."""

    frame: StanceFrame | None
    reason: str | None = None
    status: str | None = None  # cache status; None when nothing came back to record
    usage: Usage = Usage()
    mode: str | None = None


def _extractive(text: str, title: str | None) -> StanceFrame:
    return frame_text(text, title=title)


class LLMFramer:
    """A `Framer` backed by an OpenAI-compatible model, cached in `db`, falling back to `fallback`."""

    def __init__(
        self,
        client: LLMClient,
        *,
        db: Database | None = None,
        fallback: Framer = _extractive,
        prompt_version: str = PROMPT_VERSION,
    ) -> None:
        self.client = client
        self.db = db
        self.fallback = fallback
        self.prompt_version = prompt_version
        self._pending: dict[str, Outcome] = {}  # prefetched, not yet taken by __call__

    def __repr__(self) -> str:
        return f"LLMFramer({self.client!r}, prompt_version={self.prompt_version!r})"

    @property
    def backend(self) -> str:
        """The backend name stored with each frame: `llm:<model>`."""
        return f"llm:{self.client.model}"

    def key(self, text: str, title: str | None) -> CacheKey:
        """The cache key of one story for this model and prompt."""
        return CacheKey(content_hash(text, title), self.client.model, self.prompt_version)

    def __call__(self, text: str, title: str | None) -> StanceFrame:
        """Frame one story; the extractive frame when the model gives nothing usable."""
        key = self.key(text, title)
        try:
            answer = self._answer(key, text, title)
        except Exception:  # a bug here must cost one story its LLM frame, not the run
            logger.exception("LLM framing of story %s failed unexpectedly; using the extractive frame", _short(key))
            answer = None
        if answer is None:
            return self.fallback(text, title)
        story = StoryText(text)
        grounded = ground(answer, story)
        if grounded.dropped:
            logger.warning("LLM frame of story %s: dropped %d unsupported item(s): %s",
                           _short(key), len(grounded.dropped), "; ".join(grounded.dropped))
        try:
            partner = self.fallback(text, title)
        except Exception:
            logger.exception("extractive frame of story %s failed; keeping the model's frame alone", _short(key))
            return grounded.frame
        return merge(grounded.frame, partner, story=story)

    def prefetch(self, stories: Sequence[tuple[str, str | None]]) -> None:
        """Ask for every uncached story now, `max_concurrency` at a time; `__call__` then takes the answers.

        Requests run in worker threads; the database is only touched from the
        calling thread (an in-memory SQLite connection belongs to one thread).
        """
        try:
            self._pending.clear()  # answers of an earlier batch that were never taken are in the cache anyway
            todo: dict[str, tuple[CacheKey, str, str | None]] = {}
            for text, title in stories:
                key = self.key(text, title)
                if key.content_hash in todo or key.content_hash in self._pending or self._cached(key):
                    continue
                todo[key.content_hash] = (key, text, title)
            if not todo:
                return
            workers = min(self.client.max_concurrency, len(todo))
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="llm-frame") as pool:
                futures = {pool.submit(self._ask, text, title): key for key, text, title in todo.values()}
                for future in as_completed(futures):
                    key = futures[future]
                    outcome = future.result()
                    self._settle(key, outcome)
                    self._pending[key.content_hash] = outcome
        except Exception:  # prefetching is an optimisation: the stories are still asked one by one
            logger.exception("LLM prefetch failed; framing stories one at a time")

    def _cached(self, key: CacheKey) -> StanceFrame | None:
        return cached_frame(self.db, key) if self.db is not None else None

    def _answer(self, key: CacheKey, text: str, title: str | None) -> StanceFrame | None:
        outcome = self._pending.pop(key.content_hash, None)
        if outcome is None:
            cached = self._cached(key)
            if cached is not None:
                logger.debug("LLM frame of story %s from the cache", _short(key))
                return cached
            outcome = self._ask(text, title)
            self._settle(key, outcome)
        if outcome.frame is None:
            logger.warning("LLM framing of story %s fell back to the extractive frame: %s", _short(key),
                           outcome.reason)
        return outcome.frame

    def _ask(self, text: str, title: str | None) -> Outcome:
        """One request and the reading of its answer; never raises, never touches the database."""
        try:
            completion = self.client.complete(text, title)
        except LLMError as exc:
            return Outcome(None, str(exc))
        except Exception as exc:
            logger.exception("unexpected error asking %s", self.client.endpoint)
            return Outcome(None, f"unexpected {type(exc).__name__}")
        try:
            frame = read_answer(completion)
        except LLMRefused as exc:
            return Outcome(None, str(exc), "refused", completion.usage, completion.mode)
        except LLMBadAnswer as exc:
            return Outcome(None, str(exc), "invalid", completion.usage, completion.mode)
        return Outcome(frame, None, "ok", completion.usage, completion.mode)

    def _settle(self, key: CacheKey, outcome: Outcome) -> None:
        """Log what the answer cost and store it, so the same story is never paid for twice."""
        if outcome.status is None:
            return
        logger.info("LLM %s framed story %s (%s, %s mode): %d prompt + %d completion tokens",
                    self.client.model, _short(key), outcome.status, outcome.mode,
                    outcome.usage.prompt_tokens, outcome.usage.completion_tokens)
        if self.db is None:
            return
        try:
            record(self.db, key, status=outcome.status, frame=outcome.frame, usage=outcome.usage,
                   mode=outcome.mode, error=outcome.reason)
        except Exception:  # a full disk must not cost the story its frame
            logger.exception("could not cache the LLM frame of story %s", _short(key))


def _short(key: CacheKey) -> str:
    return key.content_hash[:12]


def build_framer(
    *,
    summariser: str,
    base_url: str | None = None,
    api_key: SecretStr | str | None = None,
    model: str | None = None,
    db: Database | None = None,
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    read_timeout: float = DEFAULT_READ_TIMEOUT,
) -> tuple[Framer, str]:
    """The framer for `summariser` (`extractive` or `llm`) and the backend name to store with its frames.

    Raises ValueError for an unknown summariser, or `llm` without a base URL and a model.
    """
    if summariser == EXTRACTIVE:
        return _extractive, EXTRACTIVE
    if summariser != "llm":
        raise ValueError(f"unknown summariser {summariser!r}; expected 'extractive' or 'llm'")
    if not base_url or not model:
        missing = " and ".join(n for n, v in (("a base URL", base_url), ("a model", model)) if not v)
        raise ValueError(f"the llm summariser needs {missing}")
    client = LLMClient(base_url=base_url, model=model, api_key=api_key, max_concurrency=max_concurrency,
                       read_timeout=read_timeout)
    framer = LLMFramer(client, db=db)
    return framer, framer.backend
