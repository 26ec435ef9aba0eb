"""The configured summariser reaches every path that frames: `briefing-bot frame` and `/addfeed`.

`SUMMARISER=llm briefing-bot frame FILE` asks the model (the fake on 127.0.0.1), keeps only what the story
supports, caches the answer in `--db` when given, and prints a valid frame even when the model fails or hangs.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import cli
from bot.commands import Chat, Request, Sender, Services, dispatch, parse_command
from briefings.framing import frame_text
from briefings.framing.llm import MODE_MEMORY
from briefings.framing.model import StanceFrame
from briefings.render.doc import doc_text
from briefings.schedule import parse_schedule
from tests.fakes.feed_server import LOCAL, FeedServer, Route
from tests.fakes.openai_api import HANG, Answer, FakeOpenAI, error, frame_answer

DATA = Path(__file__).parent / "data"
STORY = (DATA / "llm" / "harbour-bridge.txt").read_text()
GOOD: dict[str, Any] = json.loads((DATA / "llm" / "harbour-bridge.frame.json").read_text())
SCHEMA = json.loads((Path(__file__).parents[1] / "briefings" / "framing" / "llm" / "prompts"
                     / "stance-frame.schema.json").read_text())


@pytest.fixture(autouse=True)
def forget_modes() -> Iterator[None]:
    MODE_MEMORY.clear()  # which output mode an endpoint takes is remembered per process
    yield
    MODE_MEMORY.clear()


def with_inventions() -> dict[str, Any]:
    """The good answer plus a person and a quote the story never mentions."""
    frame = copy.deepcopy(GOOD)
    frame["figures"].append({"name": "Ivan Inventedov", "role": "minister", "side": "bridge",
                             "stance": "He backs the bridge.", "quotes": ["a bridge for everyone"], "evidence": []})
    frame["quotes"].append({"text": "a bridge for everyone", "speaker": "Ivan Inventedov"})
    return frame


def frame_cli(api: FakeOpenAI, story: Path, *extra: str, timeout: str = "5") -> tuple[int, str, str]:
    env = {"SUMMARISER": "llm", "LLM_BASE_URL": api.base_url, "LLM_MODEL": "fake-model",
           "LLM_TIMEOUT_SECONDS": timeout}
    result = CliRunner().invoke(cli, ["frame", str(story), "--json", *extra], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(STORY)
    return path


def test_frame_asks_the_model_and_drops_what_it_invented(story: Path) -> None:
    with FakeOpenAI() as api:
        api.always(frame_answer(with_inventions()))
        code, out, _ = frame_cli(api, story)
        assert code == 0 and len(api.seen) == 1 and api.seen[0].body["model"] == "fake-model"
    frame = json.loads(out)
    jsonschema.validate(frame, SCHEMA)
    assert frame["question"] == GOOD["question"]  # the model's, not the extractive one
    assert "Ivan Inventedov" not in {f["name"] for f in frame["figures"]}
    assert "a bridge for everyone" not in out
    assert not (story.parent / "data").exists()  # no --db: nothing stored, BRIEFING_DB untouched


def test_frame_caches_the_answer_in_the_db_it_is_given(story: Path, db_path: Path) -> None:
    with FakeOpenAI() as api:
        api.always(frame_answer(GOOD))
        first = frame_cli(api, story, "--db", str(db_path))
        second = frame_cli(api, story, "--db", str(db_path))
        assert len(api.seen) == 1  # the second run read the cache
    assert first[0] == second[0] == 0 and json.loads(first[1]) == json.loads(second[1])
    assert Database(db_path).execute("SELECT status FROM llm_frames").fetchall() == [("ok",)]


@pytest.mark.parametrize("answer", [error(500, "upstream down"), HANG], ids=["error", "hang"])
def test_frame_falls_back_to_the_offline_frame(story: Path, answer: Answer) -> None:
    with FakeOpenAI() as api:
        api.always(answer)
        code, out, err = frame_cli(api, story, timeout="0.3")
    assert code == 0
    frame = json.loads(out)
    jsonschema.validate(frame, SCHEMA)
    assert StanceFrame.model_validate(frame) == frame_text(STORY, title=None)
    assert "fell back to the extractive frame" in err and "Traceback" not in err


def test_addfeed_frames_new_stories_with_the_configured_framer(fresh_db: Database) -> None:
    asked: list[str | None] = []

    def framer(text: str, title: str | None) -> StanceFrame:
        asked.append(title)
        return frame_text(text, title=title)

    services = Services(db=fresh_db, schedule=parse_schedule("mon 08:00"), timezone=ZoneInfo("Europe/Minsk"),
                        clock=lambda: datetime(2026, 11, 25, tzinfo=UTC), framer=framer,
                        framer_backend="llm:fake-model", outbound=LOCAL)
    with FeedServer() as server:
        url = server.add("/feed.xml", Route(body=(DATA / "feeds" / "atom.xml").read_bytes()))
        name, args = parse_command(f"/addfeed {url}", bot_username="briefbot") or ("", [])
        reply = dispatch(Request(chat=Chat(platform="telegram", id="1"), sender=Sender(id="1", is_admin=True),
                                 name=name, args=args, services=services))
    assert "Added" in doc_text(reply.doc) and asked
    backends = {row[0] for row in fresh_db.execute("SELECT backend FROM frames").fetchall()}
    assert backends == {"llm:fake-model"}
