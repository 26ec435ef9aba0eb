"""The LLM backend against a local fake OpenAI-compatible server: answers, failures, retries, modes, cache."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from briefings.framing.extractive import frame_text
from briefings.framing.llm import MODE_MEMORY, PROMPT_VERSION, LLMClient, LLMFramer, ModeMemory, usage_totals
from briefings.framing.llm.prompt import frame_schema
from briefings.pipeline import frame_new_stories
from tests.fakes.openai_api import HANG, Answer, FakeOpenAI, SeenRequest, chat, error, frame_answer

DATA = Path(__file__).parent / "data" / "llm"
STORY = (DATA / "harbour-bridge.txt").read_text()
TITLE = "Harbour town split over a new bridge"
GOOD: dict[str, Any] = json.loads((DATA / "harbour-bridge.frame.json").read_text())
KEY = "sk-test-0123456789abcdef"


@pytest.fixture(autouse=True)
def forget_modes() -> Iterator[None]:
    """Ports are reused between tests, so the process-wide mode memory must not carry over."""
    MODE_MEMORY.clear()
    yield
    MODE_MEMORY.clear()


@pytest.fixture
def api() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


class Sleeps(list[float]):
    """Records the back-off delays instead of waiting them."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make_framer(api: FakeOpenAI, db: Database | None = None, *, sleeps: Sleeps | None = None,
                model: str = "fake-model", **options: Any) -> LLMFramer:
    client = LLMClient(base_url=api.base_url, model=model, api_key=KEY, modes=ModeMemory(),
                       sleep=sleeps if sleeps is not None else Sleeps(), backoff=0.01, **options)
    return LLMFramer(client, db=db)


def test_good_answer_is_checked_merged_and_the_request_is_right(api: FakeOpenAI, fresh_db: Database) -> None:
    api.script(frame_answer(GOOD, prompt_tokens=321, completion_tokens=123))
    frame = make_framer(api, fresh_db)(STORY, TITLE)
    assert frame.question == GOOD["question"]
    assert [s.label for s in frame.sides] == ["bridge", "ferry"]
    assert {f.name for f in frame.figures} == {"Marta Velnik", "Tomas Orrin", "Ilse Brandt"}
    assert {q.speaker for q in frame.quotes} == {"Marta Velnik", "Tomas Orrin"}
    [seen] = api.seen
    assert seen.path == "/v1/chat/completions"
    assert seen.headers["authorization"] == f"Bearer {KEY}"
    assert seen.body["model"] == "fake-model" and seen.body["temperature"] == 0
    assert seen.body["response_format"]["type"] == "json_schema"
    assert seen.body["response_format"]["json_schema"]["schema"] == frame_schema()
    assert set(frame_schema()["required"]) == {"question", "sides", "figures", "quotes"}
    system, user = seen.body["messages"]
    assert system["role"] == "system" and "Never add a person" in system["content"]
    assert "{schema}" not in system["content"]  # the constraint travels in response_format, not the prompt
    assert TITLE in user["content"] and "cannot wait another decade" in user["content"]
    [usage] = usage_totals(fresh_db)
    assert (usage.model, usage.framed, usage.prompt_tokens, usage.completion_tokens) == ("fake-model", 1, 321, 123)


def test_the_cache_means_a_story_is_paid_for_once(api: FakeOpenAI, fresh_db: Database) -> None:
    api.script(frame_answer(GOOD), frame_answer(GOOD))
    first = make_framer(api, fresh_db)(STORY, TITLE)
    again = make_framer(api, fresh_db)(STORY + "\n", TITLE)  # another process, the story re-wrapped
    assert again == first and len(api.seen) == 1
    make_framer(api, fresh_db, model="other-model")(STORY, TITLE)
    assert len(api.seen) == 2  # the key holds the model
    row = fresh_db.execute("SELECT prompt_version, status, calls FROM llm_frames WHERE model = 'fake-model'").fetchone()
    assert row == (PROMPT_VERSION, "ok", 1)
    assert PROMPT_VERSION.startswith("frame-v1+")


def test_invented_quote_and_figure_are_dropped_and_logged(api: FakeOpenAI, caplog: pytest.LogCaptureFixture) -> None:
    invented = dict(GOOD)
    invented["figures"] = [*GOOD["figures"], {"name": "Anna Kessler", "side": "ferry", "quotes": ["We will sue"]}]
    invented["quotes"] = [*GOOD["quotes"], {"text": "Traffic will double by 2030", "speaker": "Marta Velnik"}]
    api.script(frame_answer(invented))
    with caplog.at_level(logging.WARNING, logger="briefings.framing.llm"):
        frame = make_framer(api)(STORY, TITLE)
    assert frame.figure("Anna Kessler") is None
    assert all("Traffic" not in q.text for q in frame.quotes)
    assert "Anna Kessler" in caplog.text and "Traffic will double" in caplog.text


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (chat("Sure! The frame is: question = bridge?"), "not a JSON object"),
        (chat(json.dumps({"question": "Bridge?", "sides": [], "figures": "everyone", "quotes": []})), "figures"),
        (chat(None, refusal="I can't help with that."), "refused"),
        (chat(""), "answered nothing"),
        (Answer(body=b"<html>gateway</html>"), "not a chat completion"),
    ],
    ids=["invalid-json", "schema-mismatch", "refusal", "empty", "not-a-completion"],
)
def test_unusable_answers_fall_back_to_the_extractive_frame(
    api: FakeOpenAI, fresh_db: Database, caplog: pytest.LogCaptureFixture, answer: Answer, reason: str
) -> None:
    api.script(answer)
    with caplog.at_level(logging.WARNING):
        frame = make_framer(api, fresh_db)(STORY, TITLE)
    assert frame == frame_text(STORY, title=TITLE)
    assert "fell back" in caplog.text and reason in caplog.text
    assert fresh_db.execute("SELECT count(*) FROM llm_frames WHERE status = 'ok'").fetchone()[0] == 0


def test_a_refusal_still_counts_its_tokens(api: FakeOpenAI, fresh_db: Database) -> None:
    api.script(chat(None, refusal="No.", prompt_tokens=50, completion_tokens=2))
    make_framer(api, fresh_db)(STORY, TITLE)
    [usage] = usage_totals(fresh_db)
    assert (usage.framed, usage.failed, usage.prompt_tokens, usage.completion_tokens) == (0, 1, 50, 2)
    assert "1 failed" in usage.describe()


def test_429_waits_its_retry_after_then_succeeds(api: FakeOpenAI) -> None:
    api.script(error(429, "slow down", Retry_After="1"), frame_answer(GOOD))
    sleeps = Sleeps()
    frame = make_framer(api, sleeps=sleeps)(STORY, TITLE)
    assert frame.question == GOOD["question"]
    assert sleeps == [1.0] and len(api.seen) == 2


def test_a_retry_after_beyond_the_limit_falls_back_at_once(api: FakeOpenAI) -> None:
    api.script(error(429, "quota", Retry_After="3600"))
    sleeps = Sleeps()
    frame = make_framer(api, sleeps=sleeps)(STORY, TITLE)
    assert frame == frame_text(STORY, title=TITLE) and sleeps == [] and len(api.seen) == 1


def test_500_is_retried_twice_with_back_off_then_falls_back(api: FakeOpenAI, caplog: pytest.LogCaptureFixture) -> None:
    api.always(error(500, "boom"))
    sleeps = Sleeps()
    with caplog.at_level(logging.WARNING):
        frame = make_framer(api, sleeps=sleeps)(STORY, TITLE)
    assert frame == frame_text(STORY, title=TITLE)
    assert len(api.seen) == 3 and sleeps == [0.01, 0.02]
    assert "HTTP 500 after 3 attempts" in caplog.text


def test_other_4xx_are_not_retried(api: FakeOpenAI) -> None:
    api.always(error(404, "model 'fake-model' not found"))
    frame = make_framer(api)(STORY, TITLE)
    assert frame == frame_text(STORY, title=TITLE) and len(api.seen) == 1


def test_a_hanging_server_times_out_and_falls_back(api: FakeOpenAI, caplog: pytest.LogCaptureFixture) -> None:
    api.always(HANG)
    with caplog.at_level(logging.WARNING):
        frame = make_framer(api, read_timeout=0.2, max_retries=1)(STORY, TITLE)
    assert frame == frame_text(STORY, title=TITLE)
    assert len(api.seen) == 2 and "timed out" in caplog.text


def test_a_server_refused_at_connect_falls_back() -> None:
    with FakeOpenAI() as gone:
        base_url = gone.base_url
    client = LLMClient(base_url=base_url, model="m", connect_timeout=0.5, max_retries=0, modes=ModeMemory())
    assert LLMFramer(client)(STORY, TITLE) == frame_text(STORY, title=TITLE)


def test_json_schema_rejected_falls_back_to_json_mode_and_remembers_it() -> None:
    with FakeOpenAI(reject_json_schema=True) as api:
        api.always(frame_answer(GOOD))
        framer = make_framer(api)
        first = framer(STORY, TITLE)
        framer("Another story. Marta Velnik said the vote was \"long overdue\".", "Vote")
    assert first.question == GOOD["question"]
    assert [s.mode for s in api.seen] == ["json_schema", "json_object", "json_object"]
    assert "JSON Schema" in api.seen[1].body["messages"][0]["content"]  # spelled out when not enforced


def test_plain_prompt_mode_reads_a_fenced_answer() -> None:
    def respond(seen: SeenRequest) -> Answer:
        if seen.mode != "prompt":
            return error(400, f"unsupported response_format {seen.mode}")
        return chat("```json\n" + json.dumps(GOOD) + "\n```")

    with FakeOpenAI(respond=respond) as api:
        frame = make_framer(api)(STORY, TITLE)
    assert frame.question == GOOD["question"]
    assert [s.mode for s in api.seen] == ["json_schema", "json_object", "prompt"]
    assert "response_format" not in api.seen[-1].body


def test_batch_framing_is_concurrent_but_bounded(fresh_db: Database) -> None:
    lock = threading.Lock()
    in_flight = peak = 0

    def respond(seen: SeenRequest) -> Answer:
        nonlocal in_flight, peak
        with lock:
            in_flight += 1
            peak = max(peak, in_flight)
        time.sleep(0.15)
        with lock:
            in_flight -= 1
        return frame_answer(GOOD)

    for i in range(6):
        fresh_db.table("stories").insert({"id": f"s{i}", "title": f"{TITLE} ({i})", "text": STORY,
                                          "published": f"2026-11-2{i}T08:00:00+00:00"})
    with FakeOpenAI(respond=respond) as api:
        framer = make_framer(api, fresh_db, max_concurrency=2)
        run = frame_new_stories(fresh_db, framer=framer, backend=framer.backend)
    assert run.framed == 6 and run.failed == 0
    assert len(api.seen) == 6 and peak == 2
    backends = {r[0] for r in fresh_db.execute("SELECT backend FROM frames").fetchall()}
    assert backends == {"llm:fake-model"}
