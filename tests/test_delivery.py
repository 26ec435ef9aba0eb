"""The delivery engine against a recording sender: exactly once, resumable, limits, faults."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlite_utils import Database

from bot.delivery import SENT, DeliveryEngine, Pacer, SendResult, filter_topics
from briefings.compose import Briefing, Debate, IsoWeek
from briefings.render.doc import Doc, Paragraph, doc_text, spans
from briefings.store import broadcasts, open_database, outbox
from briefings.store.subscriptions import get_subscription, subscribe

NOW = datetime(2026, 11, 23, 8, tzinfo=UTC)
KEY = "weekly:2026-W48"


class RecordingSender:
    """Sends nothing; records (chat, message) and answers from a script of faults."""

    platform = "telegram"

    def __init__(self, parts: int = 1) -> None:
        self.parts = parts
        self.sent: list[tuple[str, Any]] = []
        self.faults: dict[str, list[SendResult]] = {}

    def render(self, doc: Doc) -> Sequence[Any]:
        return [f"{doc_text(doc)} [part {i + 1}/{self.parts}]" for i in range(self.parts)]

    async def send(self, chat_id: str, message: Any) -> SendResult:
        await asyncio.sleep(0)
        script = self.faults.get(chat_id)
        if script:
            return script.pop(0)
        self.sent.append((chat_id, message))
        return SENT


def compose(key: str, tz: ZoneInfo, topics: tuple[str, ...]) -> Doc:
    return Doc.of(Paragraph(spans(f"briefing {key} in {tz.key}")))


def subscribe_chats(db: Database, count: int, kind: str = "private") -> list[str]:
    ids = [str(1000 + i) for i in range(count)]
    for chat in ids:
        subscribe(db, platform="telegram", chat_id=chat, kind=kind, title=None, weekday=0, hour=8, minute=0,
                  timezone="Europe/Minsk", now=NOW)
    return ids


def engine(db: Database, sender: RecordingSender, *, rate: float = 10_000, worker: str | None = None,
           reports: list[Any] | None = None, per_chat: float = 0.01) -> DeliveryEngine:
    async def on_report(key: str, platform: str, chat: str, counts: dict[str, int]) -> None:
        if reports is not None:
            reports.append((key, platform, chat, counts))

    extra = {"worker": worker} if worker else {}
    pacers = {"telegram": Pacer(rate, per_chat_interval=per_chat)}
    return DeliveryEngine(db=db, senders={"telegram": sender}, pacers=pacers, compose=compose,
                          default_timezone=ZoneInfo("UTC"), clock=lambda: NOW, on_report=on_report, **extra)


async def test_every_chat_gets_every_part_once(fresh_db: Database) -> None:
    chats = subscribe_chats(fresh_db, 20)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", report_to=("telegram", "admin"), now=NOW)
    sender = RecordingSender(parts=3)
    reports: list[Any] = []
    counts = await engine(fresh_db, sender, reports=reports).run()
    assert counts["sent"] == 20 and counts["queued"] == counts["sending"] == 0
    per_chat = Counter(chat for chat, _ in sender.sent)
    assert set(per_chat) == set(chats) and set(per_chat.values()) == {3}
    first = [m for c, m in sender.sent if c == chats[0]]
    assert [m[-9:] for m in first] == ["part 1/3]", "part 2/3]", "part 3/3]"]  # in order
    assert reports == [(KEY, "telegram", "admin", counts)]
    assert await engine(fresh_db, sender).run() == counts  # nothing left: a second run sends nothing
    assert len(sender.sent) == 60


class LedgerWatchingSender(RecordingSender):
    """Before each send, reads what the ledger says is delivered and how many rows are claimed."""

    def __init__(self, db: Database, parts: int) -> None:
        super().__init__(parts)
        self.db = db
        self.unrecorded: list[int] = []  # confirmed parts the ledger did not show at the next send
        self.claimed: list[int] = []

    async def send(self, chat_id: str, message: Any) -> SendResult:
        recorded = sum(self.parts if state == "sent" else parts for state, parts in self.db.execute(
            "SELECT state, parts_sent FROM outbox").fetchall())
        self.unrecorded.append(len(self.sent) - recorded)
        self.claimed.append(outbox.counts(self.db)["sending"])
        return await super().send(chat_id, message)


async def test_each_part_is_recorded_before_anything_else_is_sent(fresh_db: Database) -> None:
    subscribe_chats(fresh_db, 100)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    sender = LedgerWatchingSender(fresh_db, parts=3)
    delivery = engine(fresh_db, sender)
    delivery.concurrency = {"telegram": 20}
    assert (await delivery.run())["sent"] == 100
    assert len(sender.sent) == 300
    assert set(sender.unrecorded) == {0}  # a crash at any send would repeat nothing already confirmed
    assert max(sender.claimed) <= 20  # rows are claimed as slots free up, not a batch ahead


async def test_a_row_resumes_after_the_parts_already_sent(fresh_db: Database) -> None:
    [chat] = subscribe_chats(fresh_db, 1)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    [row] = outbox.claim(fresh_db, worker="host:999999:dead", now=NOW, limit=10)
    outbox.part_sent(fresh_db, row.id, 2)  # the crashed process got two of three parts out
    outbox.release(fresh_db, worker="host:999999:dead")
    sender = RecordingSender(parts=3)
    await engine(fresh_db, sender).run()
    assert [m[-9:] for _, m in sender.sent] == ["part 3/3]"]


async def test_rows_of_a_dead_process_on_this_host_are_requeued(fresh_db: Database) -> None:
    import socket

    subscribe_chats(fresh_db, 3)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    outbox.claim(fresh_db, worker=f"{socket.gethostname()}:999999:gone", now=NOW, limit=2)
    sender = RecordingSender()
    counts = await engine(fresh_db, sender).run()
    assert counts["sent"] == 3 and len(sender.sent) == 3


async def test_blocked_chat_is_unsubscribed_and_skipped(fresh_db: Database) -> None:
    chats = subscribe_chats(fresh_db, 3)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    sender = RecordingSender()
    sender.faults[chats[1]] = [SendResult(gone="Forbidden: bot was blocked by the user")]
    counts = await engine(fresh_db, sender).run()
    assert counts["sent"] == 2 and counts["skipped"] == 1
    subscription = get_subscription(fresh_db, "telegram", chats[1])
    assert subscription is not None and not subscription.active


async def test_short_retry_after_is_waited_out_long_one_requeues(fresh_db: Database) -> None:
    chats = subscribe_chats(fresh_db, 2)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    sender = RecordingSender()
    sender.faults[chats[0]] = [SendResult(retry_after=0.01), SendResult(retry_after=0.01)]
    sender.faults[chats[1]] = [SendResult(retry_after=3600)]
    counts = await engine(fresh_db, sender).run()
    assert counts["sent"] == 1 and counts["queued"] == 1
    assert [c for c, _ in sender.sent] == [chats[0]]


async def test_transient_errors_retry_with_backoff_then_fail(fresh_db: Database) -> None:
    [chat] = subscribe_chats(fresh_db, 1)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    sender = RecordingSender()
    sender.faults[chat] = [SendResult(error="500 Internal Server Error")] * 10
    clock = [NOW]
    eng = engine(fresh_db, sender)
    eng.clock = lambda: clock[0]
    for attempt in range(5):
        await eng.run()
        row = fresh_db.execute("SELECT state, next_attempt_at, attempts FROM outbox").fetchone()
        if attempt < 4:
            assert row[0] == "queued" and datetime.fromisoformat(row[1]) > clock[0]
            clock[0] = datetime.fromisoformat(row[1])
    assert row[0] == "failed" and row[2] == 5


async def test_permanent_error_fails_at_once(fresh_db: Database) -> None:
    [chat] = subscribe_chats(fresh_db, 1)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    sender = RecordingSender()
    sender.faults[chat] = [SendResult(error="Bad Request: can't parse entities", permanent=True)]
    assert (await engine(fresh_db, sender).run())["failed"] == 1


async def test_unsubscribed_after_queueing_is_skipped(fresh_db: Database) -> None:
    from briefings.store.subscriptions import unsubscribe

    chats = subscribe_chats(fresh_db, 2)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    unsubscribe(fresh_db, platform="telegram", chat_id=chats[0], reason="test", now=NOW)
    sender = RecordingSender()
    counts = await engine(fresh_db, sender).run()
    assert counts["skipped"] == 1 and [c for c, _ in sender.sent] == [chats[1]]


async def test_two_engines_on_one_database_never_send_a_row_twice(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    setup = open_database(path)
    subscribe_chats(setup, 200)
    broadcasts.start_broadcast(setup, key=KEY, kind="manual", now=NOW)
    first, second = RecordingSender(), RecordingSender()
    await asyncio.gather(
        engine(open_database(path), first, worker="a:1:x").run(),
        engine(open_database(path), second, worker="b:2:y").run(),
    )
    sent = [c for c, _ in first.sent + second.sent]
    assert len(sent) == 200 and len(set(sent)) == 200
    assert outbox.counts(setup)["sent"] == 200


async def test_stop_returns_unsent_rows_to_the_queue(fresh_db: Database) -> None:
    subscribe_chats(fresh_db, 50)
    broadcasts.start_broadcast(fresh_db, key=KEY, kind="manual", now=NOW)
    stop = asyncio.Event()
    sender = RecordingSender()
    eng = engine(fresh_db, sender, rate=200)
    task = asyncio.create_task(eng.run(stop=stop))
    while len(sender.sent) < 5:
        await asyncio.sleep(0.005)
    stop.set()
    counts = await task
    assert counts["sending"] == 0 and counts["sent"] + counts["queued"] == 50
    assert counts["sent"] == len(sender.sent) < 50


async def test_pacer_spaces_the_overall_rate_one_chat_and_one_group() -> None:
    loop = asyncio.get_running_loop()
    pacer = Pacer(100, per_chat_interval=0.05, per_group_interval=0.2)
    start = loop.time()
    for i in range(20):
        await pacer.wait(f"chat{i}", is_group=False)
    assert loop.time() - start >= (20 - 3) / 100  # 20 chats at 100/s overall, after a burst of 3
    start = loop.time()
    for _ in range(3):
        await pacer.wait("same", is_group=False)
    assert loop.time() - start >= 2 * 0.05 * 0.95
    start = loop.time()
    for _ in range(3):
        await pacer.wait("group", is_group=True)
    assert loop.time() - start >= 2 * 0.2 * 0.95


async def test_a_chat_keeps_its_interval_when_the_overall_rate_holds_a_message_back() -> None:
    loop = asyncio.get_running_loop()
    pacer = Pacer(50, per_chat_interval=0.1)
    sent: list[float] = []

    async def one(n: int) -> None:
        await pacer.wait(n, is_group=False)

    async def last_in_line() -> None:  # its first message waits behind the others' for the overall rate
        for _ in range(3):
            await pacer.wait("last", is_group=False)
            sent.append(loop.time())

    await asyncio.gather(*(one(n) for n in range(9)), last_in_line())
    assert min(later - earlier for earlier, later in itertools.pairwise(sent)) >= 0.1


def test_topics_keep_only_matching_debates() -> None:
    from briefings.compose import Source

    source = Source(title="Sanctions vote", link=None, published=None)
    debates = [Debate(question="Should sanctions stay?", stories=1, sides=[], sources=[source]),
               Debate(question="Should the bridge carry trams?", stories=1, sides=[], sources=[])]
    briefing = Briefing(week=IsoWeek(2026, 48), title="t", debates=debates)
    assert [d.question for d in filter_topics(briefing, ("sanction",)).debates] == ["Should sanctions stay?"]
    assert filter_topics(briefing, ()).debates == debates


@pytest.fixture
def fresh_db() -> Database:
    return open_database(memory=True)
