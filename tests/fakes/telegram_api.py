"""A local fake Telegram Bot API that the real python-telegram-bot talks to.

An aiohttp server on 127.0.0.1 and a free port, answering `{url}/bot{token}/{method}` with
`{"ok": true, "result": ...}` or Telegram's error shapes, so PTB raises its real exceptions
(`BadRequest`, `Forbidden`, `RetryAfter`, `ChatMigrated`, `InvalidToken`, `NetworkError`).

    with FakeTelegram() as tg:                      # server in a background thread
        tg.add_user(7, "Ana")
        tg.add_group(-100123, "Readers", admins=[7], members=[8])
        app = ApplicationBuilder().token(tg.token).base_url(tg.base_url).build()
        ...  # start polling
        tg.send_text(7, 7, "/stance Latushka")     # a user's message, as an update
        [reply] = await tg.wait_for_messages(7, 1)
        tg.press_button(7, 7, reply.message_id, "confirm")

`async with FakeTelegram() as tg:` runs the server on the running loop instead. Both modes
share one state, guarded by a lock; scripting calls may come from any thread.

The parts: `telegram_world` (users, chats, updates, faults, records: the scripting side),
`telegram_methods` (the Bot API methods and Telegram's checks), `telegram_html` (HTML
parse mode), `telegram_limits` (flood limits: measured in `violations`, refused with 429
when `enforce=True`). This module is the server: HTTP, long polling, threads, waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any

import pytest
from aiohttp import web

from tests.fakes.telegram_limits import RateLimits, Violation
from tests.fakes.telegram_methods import BotApi
from tests.fakes.telegram_world import DEFAULT_TOKEN, FAULT_DESCRIPTIONS, ApiError, Call, Chat, Sent

__all__ = ["ApiError", "Chat", "FakeTelegram", "RateLimits", "Sent", "Violation", "fake_telegram"]

# Form fields PTB sends as plain strings; every other field is JSON-encoded (numbers, objects).
STRING_FIELDS = frozenset(
    {"text", "parse_mode", "callback_query_id", "url", "action", "secret_token", "ip_address", "caption"}
    | {"language_code", "inline_message_id", "business_connection_id", "description", "title", "name"}
)


def _decode(key: str, value: str) -> Any:
    """Decode one form field the way PTB encoded it (JSON for everything but plain strings)."""
    if key in STRING_FIELDS or not value:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class FakeTelegram(BotApi):
    """The fake Bot API server: `with` runs it in a background thread, `async with` on the running loop.

    Takes the options of `TelegramWorld` (record, limits, enforce, auto_users, ...), and `port` to listen on a
    port chosen beforehand (a test of a service that starts while Telegram is still down); 0 picks a free one.
    """

    def __init__(self, token: str = DEFAULT_TOKEN, *, port: int = 0, **options: Any) -> None:
        super().__init__(token, **options)
        self.url = ""
        self._port = port
        self._poll_generation = 0
        self._poll_event: asyncio.Event | None = None
        self._watchers: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._stop: asyncio.Event | None = None
        self._closing = False
        self._answering: asyncio.Event | None = None
        self.unanswered = 0  # requests received whose answer has not been written yet
        self._methods: dict[str, tuple[str, Callable[[dict[str, Any]], Any], bool]] = {}
        for attribute in dir(self):
            if attribute.startswith("api"):
                handler = getattr(self, attribute)
                name = attribute[3].lower() + attribute[4:]  # apiSendMessage -> sendMessage
                self._methods[name.lower()] = (name, handler, inspect.iscoroutinefunction(handler))

    # ---- lifecycle ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What to give PTB as `base_url` (`TELEGRAM_API_URL` + "/bot")."""
        return f"{self.url}/bot"

    async def _open(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._poll_event = asyncio.Event()
        self._answering = asyncio.Event()
        self._answering.set()
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self._port))
        await web.SockSite(self._runner, sock).start()
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"

    async def _close(self) -> None:
        self._closing = True
        self._wake_pollers_on_loop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def start(self) -> FakeTelegram:
        """Serve from a background thread with its own event loop; returns once listening."""
        ready = threading.Event()
        failure: list[BaseException] = []

        async def serve() -> None:
            try:
                await self._open()
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                raise
            self._stop = asyncio.Event()
            ready.set()
            await self._stop.wait()
            await self._close()

        self._thread = threading.Thread(target=asyncio.run, args=(serve(),), name="fake-telegram", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            self._thread.join(5)
            raise failure[0]
        return self

    def stop(self) -> None:
        """Stop the background server and wait for its thread."""
        if self._thread is None or self._loop is None or self._stop is None:
            return
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
        self._thread = None

    async def start_async(self) -> FakeTelegram:
        """Serve on the running event loop (no thread)."""
        await self._open()
        return self

    async def stop_async(self) -> None:
        await self._close()

    def __enter__(self) -> FakeTelegram:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def __aenter__(self) -> FakeTelegram:
        return await self.start_async()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop_async()

    # ---- waiting for the bot -----------------------------------------------------------------

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 2.0, what: str = "condition") -> None:
        """Wait (on the caller's loop) until `predicate()` holds after some request; AssertionError on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            watcher = (loop, asyncio.Event())
            self._watchers.append(watcher)
            try:
                if predicate():
                    return
                await asyncio.wait_for(watcher[1].wait(), remaining)
            except TimeoutError:
                continue
            finally:
                self._watchers.remove(watcher)

    async def wait_for_messages(self, chat_id: int, n: int = 1, timeout: float = 2.0) -> list[Sent]:
        """Wait until the bot has sent at least `n` messages to the chat; return them all."""
        try:
            await self.wait_until(lambda: len(self._by_chat.get(chat_id, ())) >= n, timeout)
        except AssertionError:
            got = self.texts_to(chat_id)
            raise AssertionError(
                f"chat {chat_id}: wanted {n} messages within {timeout}s, got {len(got)}: {got}"
            ) from None
        return self.messages_to(chat_id)

    # ---- the HTTP edge -----------------------------------------------------------------------

    def hold_answers(self) -> None:
        """Keep handling requests (a message is delivered when it arrives) but answer none until released.

        What a sender has begun and not yet seen confirmed is then exactly `unanswered`, once it stops
        sending: the honest count of what a crash at that moment may repeat.
        """
        assert self._loop is not None and self._answering is not None
        self._loop.call_soon_threadsafe(self._answering.clear)

    def release_answers(self) -> None:
        """Answer the held requests and every later one."""
        assert self._loop is not None and self._answering is not None
        self._loop.call_soon_threadsafe(self._answering.set)

    async def _handle(self, request: web.Request) -> web.Response:
        self.unanswered += 1
        try:
            response = await self._respond(request)
            if self._answering is not None:
                await self._answering.wait()
            return response
        finally:
            self.unanswered -= 1

    async def _respond(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._answer(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        found = self._methods.get(request.match_info["method"].lower())
        if found is None:
            return self._answer(404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"})
        name, handler, is_async = found
        params = await self._params(request)
        key = name.lower()
        delay = self._delays.get(key)
        if delay:
            await asyncio.sleep(delay)
        status, description = 200, None
        try:
            fault = self._take_fault(key, params) if self._faults else None
            if fault is not None:
                raise ApiError(fault.status, fault.description, fault.parameters)
            if is_async:
                result = await handler(params)
            else:
                with self._lock:
                    result = handler(params)
            body: dict[str, Any] = {"ok": True, "result": result}
        except ApiError as exc:
            status, description = exc.status, exc.description
            body = {"ok": False, "error_code": exc.status, "description": exc.description}
            if exc.parameters:
                body["parameters"] = exc.parameters
        self.call_counts[name] += 1
        if self.record_calls:
            self.calls.append(Call(name, params, status, description, self.clock()))
        if self._watchers:
            self._notify_watchers()
        return self._answer(status, body)

    async def _download(self, request: web.Request) -> web.Response:
        """A file getFile named, as Telegram serves it at `{base_file_url}{token}/{file_path}`."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        path = request.match_info["path"]
        with self._lock:
            content = next((c for p, c in self.files.values() if p == path), None)
        if content is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=content, content_type="application/octet-stream")

    @staticmethod
    def _answer(status: int, body: dict[str, Any]) -> web.Response:
        return web.Response(status=status, body=json.dumps(body).encode(), content_type="application/json")

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = {k: _decode(k, v) for k, v in request.query.items()}
        if request.can_read_body:
            if request.content_type == "application/json":
                body = await request.json()
                if isinstance(body, dict):
                    params.update(body)
            else:
                for k, v in (await request.post()).items():
                    params[k] = _decode(k, v) if isinstance(v, str) else v
        return params

    def _notify_watchers(self) -> None:
        for loop, event in list(self._watchers):
            with contextlib.suppress(RuntimeError):  # that loop is closed; its waiter is gone
                loop.call_soon_threadsafe(event.set)

    def _wake_pollers(self) -> None:
        loop = self._loop
        if loop is None:
            return
        with contextlib.suppress(RuntimeError):  # the server's loop is closed
            loop.call_soon_threadsafe(self._wake_pollers_on_loop)

    def _wake_pollers_on_loop(self) -> None:
        if self._poll_event is not None:
            self._poll_event.set()
            self._poll_event = asyncio.Event()

    async def apiGetUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:  # noqa: N802
        """Long polling: answer at once when updates are queued, else wait up to `timeout`."""
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete "
                "the webhook first",
            )
        offset = int(p.get("offset") or 0)
        limit = min(max(int(p.get("limit") or 100), 1), 100)
        timeout = max(float(p.get("timeout") or 0), 0.0)
        with self._lock:
            allowed = p.get("allowed_updates")
            if allowed is not None:
                self._allowed = frozenset(allowed) if allowed else None
            self._confirm(offset)
            self._poll_generation += 1
            generation = self._poll_generation
        self._wake_pollers_on_loop()  # an older long poll now ends with 409, as in Telegram
        deadline = time.monotonic() + timeout
        while True:
            if generation != self._poll_generation:
                raise ApiError(409, FAULT_DESCRIPTIONS[409])
            with self._lock:
                batch = self._take_updates(limit)
            remaining = deadline - time.monotonic()
            if batch or self._closing or remaining <= 0:
                return batch
            event = self._poll_event
            assert event is not None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    """A running fake Bot API (background thread) with no users yet; stopped after the test."""
    with FakeTelegram() as server:
        yield server
