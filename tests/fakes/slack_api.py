"""A local fake Slack: the Web API the real slack-sdk `AsyncWebClient` talks to, and Slack's side of the app.

An aiohttp server on 127.0.0.1 and a free port, on the test's own event loop:

    async with FakeSlack() as slack:
        slack.add_channel("C1", "readers")                     # the bot is a member unless member=False
        client = AsyncWebClient(token=slack.bot_token, base_url=slack.api_url)
        slack.fail_next("chat.postMessage", "ratelimited", status=429, retry_after=7)
        ...
        await slack.wait_for(lambda: slack.posted_in("C1"))

Methods: auth.test, chat.postMessage, chat.update, chat.postEphemeral, views.publish,
conversations.info, users.info, apps.connections.open (Socket Mode, with a WebSocket
at /socket that sends `hello` and takes envelope acks), and response URLs
(`slack.response_url()`, served at /respond/N) as Slack gives them to slash commands and buttons.

Every call is recorded (`calls`); every message and view is checked against Block Kit's
limits and refused with `invalid_blocks` when it breaks one, the breach kept in
`violations` so a test can assert there were none. Faults: `fail_next(method, error)`
(`ratelimited` with 429 and Retry-After, `channel_not_found`, ...), `revoke_token()`
(`invalid_auth` everywhere), channels archived or without the bot.

`SlackRequests` plays Slack calling the app in HTTP mode: form-encoded slash
commands, `block_actions` payloads and Events API callbacks, each signed with the
v0 scheme (HMAC-SHA256 over `v0:{timestamp}:{body}`), or deliberately not.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import itertools
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

DEFAULT_BOT_TOKEN = "xoxb-fake-bot-token-0123456789"
DEFAULT_APP_TOKEN = "xapp-fake-app-token-0123456789"
BOT_USER_ID = "UBOT"
TEAM_ID = "T0FAKE"
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_SECTION_TEXT = 3000
MAX_HEADER_TEXT = 150
MAX_CONTEXT_ELEMENTS = 10
MAX_ACTIONS = 25
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_ACTION_ID = 255
MAX_TEXT = 40_000
BLOCK_TYPES = frozenset({"section", "header", "divider", "context", "actions", "image"})


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def check_blocks(blocks: Any, *, max_blocks: int = MAX_MESSAGE_BLOCKS) -> list[str]:
    """Every way `blocks` breaks Block Kit's limits, as Slack would refuse them."""
    if not isinstance(blocks, list):
        return [f"blocks is {type(blocks).__name__}, not a list"]
    problems: list[str] = []
    if len(blocks) > max_blocks:
        problems.append(f"{len(blocks)} blocks (at most {max_blocks})")
    block_ids: set[str] = set()
    action_ids: set[str] = set()
    for i, block in enumerate(blocks):
        kind = block.get("type") if isinstance(block, dict) else None
        where = f"block {i} ({kind})"
        if kind not in BLOCK_TYPES:
            problems.append(f"{where}: unknown block type")
            continue
        if "block_id" in block:
            if block["block_id"] in block_ids:
                problems.append(f"{where}: duplicate block_id {block['block_id']!r}")
            block_ids.add(block["block_id"])
        if kind == "section":
            text = block.get("text") or {}
            if not text.get("text") and not block.get("fields"):
                problems.append(f"{where}: empty text")
            if len(text.get("text", "")) > MAX_SECTION_TEXT:
                problems.append(f"{where}: text of {len(text['text'])} characters (at most {MAX_SECTION_TEXT})")
        elif kind == "header":
            text = block.get("text") or {}
            if text.get("type") != "plain_text":
                problems.append(f"{where}: header text must be plain_text")
            if not text.get("text") or len(text["text"]) > MAX_HEADER_TEXT:
                problems.append(f"{where}: header of {len(text.get('text', ''))} characters (1..{MAX_HEADER_TEXT})")
        elif kind == "context":
            elements = block.get("elements") or []
            if not elements or len(elements) > MAX_CONTEXT_ELEMENTS:
                problems.append(f"{where}: {len(elements)} elements (1..{MAX_CONTEXT_ELEMENTS})")
            for element in elements:
                if not element.get("text") or len(element["text"]) > MAX_SECTION_TEXT:
                    problems.append(f"{where}: element text of {len(element.get('text', ''))} characters")
        elif kind == "actions":
            elements = block.get("elements") or []
            if not elements or len(elements) > MAX_ACTIONS:
                problems.append(f"{where}: {len(elements)} elements (1..{MAX_ACTIONS})")
            for element in elements:
                problems += [f"{where}: {p}" for p in _check_button(element, action_ids)]
    return problems


def _check_button(element: dict[str, Any], action_ids: set[str]) -> list[str]:
    problems = []
    if element.get("type") != "button":
        return [f"element type {element.get('type')!r} is not a button"]
    text = element.get("text") or {}
    if text.get("type") != "plain_text" or not text.get("text") or len(text["text"]) > MAX_BUTTON_TEXT:
        problems.append(f"button text {text.get('text')!r} (plain_text, 1..{MAX_BUTTON_TEXT} characters)")
    if len(element.get("value", "")) > MAX_BUTTON_VALUE:
        problems.append(f"button value of {len(element['value'])} characters (at most {MAX_BUTTON_VALUE})")
    action_id = element.get("action_id", "")
    if not action_id or len(action_id) > MAX_ACTION_ID or action_id in action_ids:
        problems.append(f"action_id {action_id!r} missing, too long or not unique")
    action_ids.add(action_id)
    return problems


def check_message(text: Any, blocks: Any) -> list[str]:
    """How a message (text fallback plus blocks) breaks Slack's rules; we insist on a fallback text."""
    problems = []
    if not isinstance(text, str) or not text.strip():
        problems.append("no text fallback")
    elif len(text) > MAX_TEXT:
        problems.append(f"text of {len(text)} characters (at most {MAX_TEXT})")
    if blocks is not None:
        problems += check_blocks(blocks)
    return problems


def _texts(blocks: list[dict[str, Any]]) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block.get("text"), dict):
            out.append(block["text"].get("text", ""))
        for element in block.get("elements") or []:
            if isinstance(element.get("text"), dict):
                out.append(element["text"].get("text", ""))
            elif isinstance(element.get("text"), str):
                out.append(element["text"])
    return out


@dataclass
class Posted:
    """A message as the fake received it: posted, updated, ephemeral, or sent to a response URL."""

    method: str  # chat.postMessage | chat.update | chat.postEphemeral | response_url
    channel: str | None
    ts: str | None
    text: str
    blocks: list[dict[str, Any]]
    user: str | None = None  # chat.postEphemeral's target
    options: dict[str, Any] = field(default_factory=dict)  # response_type, replace_original, ...

    @property
    def shown(self) -> str:
        """Everything a reader sees: the blocks' texts (or the fallback when there are none)."""
        return "\n".join(_texts(self.blocks)) if self.blocks else self.text

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [e for b in self.blocks if b.get("type") == "actions" for e in b.get("elements", [])]


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None


@dataclass
class Channel:
    id: str
    name: str
    private: bool = False
    member: bool = True
    archived: bool = False

    @property
    def is_im(self) -> bool:
        return self.id.startswith("D")


@dataclass
class Fault:
    error: str
    status: int = 200
    retry_after: int | None = None
    times: int = 1


class FakeSlack:
    """The fake Web API server and its world: channels, users, the bot's messages, views, faults."""

    def __init__(self, *, bot_token: str = DEFAULT_BOT_TOKEN, app_token: str = DEFAULT_APP_TOKEN) -> None:
        self.bot_token, self.app_token = bot_token, app_token
        self.channels: dict[str, Channel] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self.calls: list[Call] = []
        self.posted: list[Posted] = []
        self.messages: dict[tuple[str, str], Posted] = {}  # (channel, ts) -> the message as it is now
        self.views: list[tuple[str, dict[str, Any]]] = []
        self.violations: list[str] = []
        self.faults: dict[str, list[Fault]] = {}
        self.revoked = False
        self.acks: dict[str, dict[str, Any]] = {}
        self._sockets: list[web.WebSocketResponse] = []
        self._ts = itertools.count(1)
        self._responses = itertools.count(1)
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- life cycle ---------------------------------------------------------------------------------------------

    async def start(self) -> FakeSlack:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/respond/{id}", self._respond)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        for ws in self._sockets:
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeSlack:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    # -- scripting ----------------------------------------------------------------------------------------------

    def add_channel(self, channel_id: str, name: str, *, private: bool = False, member: bool = True) -> Channel:
        self.channels[channel_id] = Channel(channel_id, name, private=private, member=member)
        return self.channels[channel_id]

    def add_user(self, user_id: str, name: str, *, is_admin: bool = False) -> None:
        self.users[user_id] = {"id": user_id, "name": name, "is_admin": is_admin, "deleted": False}

    def archive(self, channel_id: str) -> None:
        self.channels[channel_id].archived = True

    def revoke_token(self) -> None:
        """Every call now fails with invalid_auth, as after the app was uninstalled."""
        self.revoked = True

    def fail_next(self, method: str, error: str, *, status: int = 200, retry_after: int | None = None,
                  times: int = 1) -> None:
        """The next `times` calls of `method` fail with `error` (and `status`, and a Retry-After header)."""
        self.faults.setdefault(method, []).append(Fault(error, status, retry_after, times))

    def response_url(self) -> str:
        return f"{self.url}/respond/{next(self._responses)}"

    def posted_in(self, channel: str, method: str | None = None) -> list[Posted]:
        return [p for p in self.posted if p.channel == channel and (method is None or p.method == method)]

    def calls_of(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(self, predicate: Callable[[], Any], timeout: float = 10.0) -> Any:
        """Wait until `predicate()` is truthy (re-checked on every call the fake answers); return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out; calls so far: {[c.method for c in self.calls]}")
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(remaining, 0.1))

    # -- Socket Mode --------------------------------------------------------------------------------------------

    async def send_envelope(self, kind: str, payload: dict[str, Any]) -> str:
        """Push a Socket Mode envelope (`slash_commands`, `interactive`, `events_api`) to the connected app."""
        await self.wait_for(lambda: self._sockets)
        envelope_id = f"env-{next(self._ts)}"
        await self._sockets[-1].send_json({"envelope_id": envelope_id, "type": kind, "payload": payload,
                                           "accepts_response_payload": kind != "events_api"})
        return envelope_id

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1,
                            "connection_info": {"app_id": "A0FAKE"}, "debug_info": {"host": "fake"}})
        self._touch()
        async for message in ws:
            if message.type == aiohttp.WSMsgType.TEXT:
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self.acks[data["envelope_id"]] = data
                    self._touch()
        return ws

    # -- the API ------------------------------------------------------------------------------------------------

    def _touch(self) -> None:
        self._changed.set()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            params.update(dict(await request.post()))
        for key in ("blocks", "view"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        return params

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await self._params(request)
        auth = request.headers.get("Authorization", "")
        token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else params.pop("token", None)
        self.calls.append(Call(method, {k: v for k, v in params.items() if k != "token"}, token))
        try:
            expected = self.app_token if method == "apps.connections.open" else self.bot_token
            if self.revoked or token != expected:
                return self._error("invalid_auth")
            queued = self.faults.get(method)
            if queued:
                fault = queued[0]
                fault.times -= 1
                if fault.times <= 0:
                    queued.pop(0)
                headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else {}
                return self._error(fault.error, status=fault.status, headers=headers)
            handler = getattr(self, "_" + method.replace(".", "_"), None)
            if handler is None:
                return self._error("unknown_method", status=404)
            return web.json_response({"ok": True, **handler(params)})
        except ApiError as exc:
            return self._error(exc.error, extra=exc.extra)
        finally:
            self._touch()

    @staticmethod
    def _error(error: str, *, status: int = 200, headers: dict[str, str] | None = None,
               extra: dict[str, Any] | None = None) -> web.Response:
        return web.json_response({"ok": False, "error": error, **(extra or {})}, status=status, headers=headers)

    def _postable(self, channel_id: str) -> Channel:
        channel = self.channels.get(channel_id)
        if channel is None:
            raise ApiError("channel_not_found")
        if channel.archived:
            raise ApiError("is_archived")
        if not channel.member and not channel.is_im:
            raise ApiError("not_in_channel")
        return channel

    def _validate(self, method: str, text: Any, blocks: Any) -> None:
        problems = check_message(text, blocks)
        if problems:
            self.violations += [f"{method}: {p}" for p in problems]
            raise ApiError("invalid_blocks", errors=problems)

    def _auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": "https://fake.slack.test/", "team": "Fake Team", "user": "briefing-bot",
                "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": "B0FAKE", "is_enterprise_install": False}

    def _apps_connections_open(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": f"ws://127.0.0.1:{self.port}/socket"}

    def _chat_postMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._postable(str(params.get("channel")))
        self._validate("chat.postMessage", params.get("text"), params.get("blocks"))
        ts = f"{1_700_000_000 + next(self._ts)}.000100"
        posted = Posted("chat.postMessage", channel.id, ts, params.get("text", ""), params.get("blocks") or [],
                        options={"thread_ts": params["thread_ts"]} if params.get("thread_ts") else {})
        if params.get("thread_ts") and (channel.id, str(params["thread_ts"])) not in self.messages:
            raise ApiError("thread_not_found")
        self.posted.append(posted)
        self.messages[(channel.id, ts)] = posted
        return {"channel": channel.id, "ts": ts, "message": {"text": posted.text, "blocks": posted.blocks}}

    def _chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._postable(str(params.get("channel")))
        ts = str(params.get("ts"))
        if (channel.id, ts) not in self.messages:
            raise ApiError("message_not_found")
        self._validate("chat.update", params.get("text"), params.get("blocks"))
        posted = Posted("chat.update", channel.id, ts, params.get("text", ""), params.get("blocks") or [])
        self.posted.append(posted)
        self.messages[(channel.id, ts)] = posted
        return {"channel": channel.id, "ts": ts, "text": posted.text}

    def _chat_postEphemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._postable(str(params.get("channel")))
        self._validate("chat.postEphemeral", params.get("text"), params.get("blocks"))
        self.posted.append(Posted("chat.postEphemeral", channel.id, None, params.get("text", ""),
                                  params.get("blocks") or [], user=params.get("user")))
        return {"message_ts": f"{1_700_000_000 + next(self._ts)}.000200"}

    def _views_publish(self, params: dict[str, Any]) -> dict[str, Any]:
        view = params.get("view") or {}
        problems = [] if view.get("type") == "home" else ["view type is not home"]
        problems += check_blocks(view.get("blocks"), max_blocks=MAX_VIEW_BLOCKS)
        if problems:
            self.violations += [f"views.publish: {p}" for p in problems]
            raise ApiError("invalid_arguments", errors=problems)
        self.views.append((str(params.get("user_id")), view))
        return {"view": {"id": "V0FAKE", **view}}

    def _conversations_info(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self.channels.get(str(params.get("channel")))
        if channel is None:
            raise ApiError("channel_not_found")
        return {"channel": {"id": channel.id, "name": channel.name, "is_private": channel.private,
                            "is_im": channel.is_im, "is_archived": channel.archived, "is_member": channel.member}}

    def _users_info(self, params: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(str(params.get("user")))
        if user is None:
            raise ApiError("user_not_found")
        return {"user": user}

    async def _respond(self, request: web.Request) -> web.Response:
        data = await request.json()
        try:
            self._validate("response_url", data.get("text"), data.get("blocks"))
        except ApiError as exc:
            return web.json_response({"ok": False, "error": exc.error}, status=400)
        finally:
            self._touch()
        options = {k: v for k, v in data.items() if k not in ("text", "blocks")}
        self.posted.append(Posted("response_url", request.match_info["id"], None, data.get("text", ""),
                                  data.get("blocks") or [], options=options))
        self._touch()
        return web.json_response({"ok": True})


class ApiError(Exception):
    """A Web API method's refusal, answered as `{"ok": false, "error": ...}`."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error, self.extra = error, extra


def sign(secret: str, timestamp: str, body: str) -> str:
    """Slack's v0 request signature."""
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class SlackRequests:
    """Slack calling the app's HTTP endpoint: signed slash commands, button presses and events."""

    url: str  # the app's events URL
    secret: str
    team_id: str = TEAM_ID

    async def post(self, body: str, content_type: str, *, timestamp: int | None = None,
                   secret: str | None = None, signature: str | None = None) -> tuple[int, str]:
        """POST `body` signed (with `secret`, at `timestamp`), or with the given `signature`; return (status, body)."""
        stamp = str(int(time.time()) if timestamp is None else timestamp)
        headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp,
                   "X-Slack-Signature": signature or sign(secret or self.secret, stamp, body)}
        async with aiohttp.ClientSession() as session, session.post(self.url, data=body.encode(),
                                                                    headers=headers) as response:
            return response.status, await response.text()

    def command_body(self, text: str, *, user: str, channel: str, response_url: str,
                     channel_name: str = "readers") -> str:
        return urlencode({
            "token": "deprecated-verification-token", "team_id": self.team_id, "team_domain": "fake",
            "channel_id": channel, "channel_name": channel_name, "user_id": user, "user_name": user.lower(),
            "command": "/briefing", "text": text, "api_app_id": "A0FAKE", "is_enterprise_install": "false",
            "response_url": response_url, "trigger_id": f"trigger-{time.monotonic_ns()}",
        })

    async def command(self, text: str, *, user: str, channel: str, response_url: str,
                      channel_name: str = "readers") -> tuple[int, str]:
        """Send `/briefing TEXT` as typed by `user` in `channel`."""
        body = self.command_body(text, user=user, channel=channel, response_url=response_url,
                                 channel_name=channel_name)
        return await self.post(body, "application/x-www-form-urlencoded")

    async def press(self, button: dict[str, Any], *, user: str, channel: str, message_ts: str, response_url: str,
                    ephemeral: bool = False) -> tuple[int, str]:
        """Press `button` (an element of a posted actions block) on the message at `message_ts`."""
        payload = {
            "type": "block_actions", "team": {"id": self.team_id, "domain": "fake"},
            "user": {"id": user, "username": user.lower(), "team_id": self.team_id}, "api_app_id": "A0FAKE",
            "token": "deprecated-verification-token", "trigger_id": f"trigger-{time.monotonic_ns()}",
            "container": {"type": "message", "message_ts": message_ts, "channel_id": channel,
                          "is_ephemeral": ephemeral},
            "channel": {"id": channel, "name": "readers"}, "response_url": response_url,
            "actions": [{"type": "button", "action_id": button["action_id"], "block_id": "b",
                         "text": button["text"], "value": button["value"], "action_ts": str(time.time())}],
        }
        return await self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    async def event(self, event: dict[str, Any], *, timestamp: int | None = None) -> tuple[int, str]:
        """Deliver an Events API callback carrying `event`."""
        body = json.dumps({"token": "deprecated-verification-token", "team_id": self.team_id,
                           "api_app_id": "A0FAKE", "type": "event_callback", "event": event,
                           "event_id": f"Ev{time.monotonic_ns()}", "event_time": int(time.time()),
                           "authorizations": [{"team_id": self.team_id, "user_id": BOT_USER_ID, "is_bot": True}]})
        return await self.post(body, "application/json", timestamp=timestamp)
