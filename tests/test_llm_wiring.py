"""The LLM backend at the edges: settings, the `ingest` command, `/stats`, and the API key kept secret."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from pydantic import SecretStr
from sqlite_utils import Database

from bot.cli import cli
from bot.commands import Chat, Request, Sender, Services, dispatch
from bot.config import SettingsError, load_settings
from bot.framer import framer_for
from briefings.framing.extractive import frame_text
from briefings.framing.llm import MODE_MEMORY, LLMClient, LLMFramer, LLMUnavailable, ModeMemory, build_framer
from briefings.framing.llm.cache import CacheKey, record
from briefings.framing.llm.client import Usage
from briefings.render.doc import doc_text
from briefings.schedule import parse_schedule
from tests.fakes.openai_api import HANG, Answer, FakeOpenAI, SeenRequest, chat, error, frame_answer

DATA = Path(__file__).parent / "data" / "llm"
STORY = (DATA / "harbour-bridge.txt").read_text()
TITLE = "Harbour town split over a new bridge"
GOOD: dict[str, Any] = json.loads((DATA / "harbour-bridge.frame.json").read_text())
KEY = "sk-live-SECRET-9f8e7d6c5b4a"


@pytest.fixture(autouse=True)
def forget_modes() -> Iterator[None]:
    MODE_MEMORY.clear()
    yield
    MODE_MEMORY.clear()


def test_shipped_schema_is_the_shared_contract(shared: Path) -> None:
    shipped = Path(__file__).resolve().parents[1] / "briefings" / "framing" / "llm" / "prompts"
    assert json.loads((shipped / "stance-frame.schema.json").read_text()) == json.loads(
        (shared / "specs" / "stance-frame.schema.json").read_text())


def test_build_framer_picks_the_backend(fresh_db: Database) -> None:
    framer, backend = build_framer(summariser="extractive")
    assert backend == "extractive" and framer(STORY, TITLE) == frame_text(STORY, title=TITLE)
    framer, backend = build_framer(summariser="llm", base_url="http://127.0.0.1:9/v1", api_key=SecretStr(KEY),
                                   model="llama3.1:8b", db=fresh_db)
    assert backend == "llm:llama3.1:8b" and isinstance(framer, LLMFramer)
    with pytest.raises(ValueError, match="a model"):
        build_framer(summariser="llm", base_url="http://127.0.0.1:9/v1")
    with pytest.raises(ValueError, match="unknown summariser"):
        build_framer(summariser="gpt")


def test_framer_for_reads_the_settings(fresh_db: Database) -> None:
    settings = load_settings(None, summariser="llm", llm_base_url="http://localhost:11434/v1", llm_model="qwen2.5")
    framer, backend = framer_for(settings, fresh_db)
    assert backend == "llm:qwen2.5" and isinstance(framer, LLMFramer) and framer.db is fresh_db
    assert framer_for(load_settings(None), fresh_db)[1] == "extractive"


@pytest.mark.parametrize(("env", "missing"), [
    ({"SUMMARISER": "llm"}, "LLM_BASE_URL and LLM_MODEL"),
    ({"SUMMARISER": "llm", "LLM_BASE_URL": "http://localhost:11434/v1"}, "LLM_MODEL"),
    ({"SUMMARISER": "llm", "LLM_MODEL": "gpt-4o-mini", "LLM_API_KEY": KEY}, "LLM_BASE_URL"),
], ids=["both", "model", "base-url"])
def test_llm_without_endpoint_is_a_one_line_settings_error(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], missing: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(None)
    message = str(caught.value)
    assert f"SUMMARISER=llm needs {missing}" in message and "\n" not in message and KEY not in message
    result = CliRunner().invoke(cli, ["health"], env=env)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert missing in result.output and "Traceback" not in result.output


def rss(*stories: tuple[str, str]) -> str:
    items = "".join(
        f"<item><title>{escape(title)}</title><guid>urn:story:{i}</guid>"
        f"<pubDate>Tue, 24 Nov 2026 0{i}:00:00 GMT</pubDate>"
        f"<content:encoded>{escape(text)}</content:encoded></item>"
        for i, (title, text) in enumerate(stories)
    )
    return ('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>Harbour news</title><link>https://example.org/</link>{items}</channel></rss>")


def test_cli_ingest_frames_stories_through_the_configured_model(tmp_path: Path, db_path: Path) -> None:
    ferry = "Ferry fares rise\n\nThe ferry operator said fares would rise in spring. Nobody else commented."

    def respond(seen: SeenRequest) -> Answer:
        return frame_answer(GOOD) if "Harbour town" in seen.body["messages"][1]["content"] else chat("no idea")

    feed = tmp_path / "harbour.xml"
    feed.write_text(rss((TITLE, STORY), ("Ferry fares rise", ferry)))
    with FakeOpenAI(respond=respond) as api:
        env = {"SUMMARISER": "llm", "LLM_BASE_URL": api.base_url, "LLM_MODEL": "fake-model", "LLM_API_KEY": KEY}
        args = ["ingest", "--db", str(db_path), "--no-full-text", str(feed)]
        result = CliRunner().invoke(cli, args, env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "framed 2 stories" in result.output and KEY not in result.output
        assert len(api.seen) == 2
        assert {s.body["model"] for s in api.seen} == {"fake-model"}
        assert all(s.headers["authorization"] == f"Bearer {KEY}" for s in api.seen)
    db = Database(db_path)
    questions = {r[0] for r in db.execute("SELECT question FROM frames WHERE backend = 'llm:fake-model'").fetchall()}
    assert GOOD["question"] in questions and len(questions) == 2  # the second fell back to extractive
    statuses = dict(db.execute("SELECT status, count(*) FROM llm_frames GROUP BY status").fetchall())
    assert statuses == {"ok": 1, "invalid": 1}


def admin_stats(db: Database) -> str:
    services = Services(db=db, schedule=parse_schedule("mon 08:00"), timezone=ZoneInfo("Europe/Minsk"),
                        clock=lambda: datetime(2026, 11, 25, tzinfo=UTC))
    request = Request(chat=Chat(platform="telegram", id="1"), sender=Sender(id="1", is_admin=True),
                      name="stats", args=[], services=services)
    return doc_text(dispatch(request).doc)


def test_stats_shows_llm_totals_only_once_there_are_any(fresh_db: Database) -> None:
    assert "LLM" not in admin_stats(fresh_db)
    record(fresh_db, CacheKey("a" * 64, "gpt-4o-mini", "frame-v1+x"), status="ok", usage=Usage(1200, 300),
           mode="json_schema")
    record(fresh_db, CacheKey("b" * 64, "gpt-4o-mini", "frame-v1+x"), status="refused", usage=Usage(900, 4),
           mode="json_schema")
    stats = admin_stats(fresh_db)
    assert "LLM: gpt-4o-mini: 1 story (1 failed), 2,100 prompt + 304 completion tokens" in stats


@pytest.mark.parametrize(
    "answers",
    [
        [error(401, f"Incorrect API key provided: {KEY}. You can find your key at ...")],
        [error(500, f"upstream failed for key {KEY}")] * 3,
        [HANG, HANG],
        [frame_answer(GOOD)],
        [chat(f"not json, but here is your key {KEY}")],
    ],
    ids=["401-echoing-the-key", "500", "timeout", "success", "bad-answer"],
)
def test_the_api_key_never_reaches_logs_errors_or_reprs(
    caplog: pytest.LogCaptureFixture, answers: list[Answer]
) -> None:
    with FakeOpenAI() as api, caplog.at_level(logging.DEBUG):
        api.script(*answers)
        client = LLMClient(base_url=api.base_url, model="fake-model", api_key=KEY, read_timeout=0.2,
                           max_retries=len(answers) - 1, backoff=0.0, modes=ModeMemory())
        framer = LLMFramer(client)
        framer(STORY, TITLE)
        assert api.seen and api.seen[0].headers["authorization"] == f"Bearer {KEY}"  # it was sent, though
        api.script(*answers)
        try:
            client.complete(STORY, TITLE)
            raised = ""
        except LLMUnavailable as exc:
            raised = f"{exc} {exc!r}"
    assert KEY not in caplog.text and KEY not in raised
    assert KEY not in repr(client) and KEY not in repr(framer) and KEY not in str(vars(client))


def test_credentials_in_the_base_url_are_not_shown() -> None:
    client = LLMClient(base_url=f"https://user:{KEY}@llm.example/v1?key={KEY}", model="m")
    assert KEY not in client.endpoint and KEY not in repr(client)
