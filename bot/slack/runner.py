"""Running the Slack app in either connection mode, for the service runner.

    start_slack(settings, services, on_broadcast=...) -> SlackRunning(.app, .sender, .mode, .stop())
        auth.test first: a refused SLACK_BOT_TOKEN raises PlatformAuthError (the CLI exits 2);
                        no answer (DNS, refused, timeout, 5xx) raises PlatformUnreachable (the service retries)
        Socket Mode     when SLACK_APP_TOKEN is set: one outgoing WebSocket, no public URL needed
        HTTP mode       otherwise: POST /slack/events on SLACK_PORT, every request's signature checked

HTTP requests pass a `RequestGate` before bolt sees them: a missing or wrong
signature, a timestamp more than five minutes from now, or a signature seen
before (a replay inside the window) is refused with 401 and logged with the
reason. Bolt verifies the signature again; the gate exists so that refusals are
logged at WARNING with a reason and never with the body or the signature.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.commands import Services
from bot.config import Settings, SettingsError
from bot.errors import PlatformAuthError, PlatformUnreachable
from bot.slack.app import build_slack_app, make_client
from bot.slack.sender import SlackSender, error_code

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_REQUEST_AGE = 5 * 60  # seconds; Slack's own advice for refusing replays
NETWORK_ERRORS = (aiohttp.ClientError, OSError, TimeoutError)  # what "Slack did not answer" looks like to aiohttp
AUTH_ERRORS = frozenset({"invalid_auth", "not_authed", "token_revoked", "account_inactive", "token_expired",
                         "not_allowed_token_type"})


class RequestGate:
    """Check Slack's v0 signature on one HTTP request; say why a request is refused, or None to let it in."""

    def __init__(self, signing_secret: str, *, clock: Callable[[], float] = time.time) -> None:
        self._secret = signing_secret.encode()
        self._clock = clock
        self._seen: dict[str, float] = {}  # signature -> when it stops being acceptable anyway

    def refuse(self, body: bytes, timestamp: str | None, signature: str | None) -> str | None:
        """The reason to refuse this request, or None when it is Slack's and fresh."""
        if not timestamp or not signature:
            return "no signature"
        try:
            sent = int(timestamp)
        except ValueError:
            return "malformed timestamp"
        now = self._clock()
        if abs(now - sent) > MAX_REQUEST_AGE:
            return f"timestamp {now - sent:.0f} s off (more than {MAX_REQUEST_AGE} s)"
        base = b"v0:" + timestamp.encode() + b":" + body
        expected = "v0=" + hmac.new(self._secret, base, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return "bad signature"
        self._seen = {sig: until for sig, until in self._seen.items() if until > now}
        if signature in self._seen:
            return "replayed request"
        self._seen[signature] = sent + MAX_REQUEST_AGE
        return None


def slack_web_app(app: AsyncApp, signing_secret: str, *, path: str = EVENTS_PATH) -> web.Application:
    """An aiohttp application that passes gated requests at `path` to the bolt app."""
    gate = RequestGate(signing_secret)

    async def events(request: web.Request) -> web.Response:
        body = await request.read()
        reason = gate.refuse(body, request.headers.get("X-Slack-Request-Timestamp"),
                             request.headers.get("X-Slack-Signature"))
        if reason is not None:
            logger.warning("refused a Slack request from %s: %s", request.remote, reason)
            return web.json_response({"error": "invalid request"}, status=401)
        bolt_request = AsyncBoltRequest(body=body.decode("utf-8", "replace"), query=request.query_string,
                                        headers=dict(request.headers))
        return await to_aiohttp_response(await app.async_dispatch(bolt_request))

    web_app = web.Application(client_max_size=1024 * 1024)
    web_app.router.add_post(path, events)
    return web_app


@dataclass
class SlackRunning:
    """A started Slack adapter: the app, the sender delivery uses, and how to stop it."""

    app: AsyncApp
    sender: SlackSender
    mode: Literal["socket", "http"]
    bot_user_id: str
    url: str | None = None  # HTTP mode: where the events endpoint listens
    _stop: Callable[[], Awaitable[Any]] | None = field(default=None, repr=False)

    async def stop(self) -> None:
        """Close the connection or the web server; safe to call twice."""
        stop, self._stop = self._stop, None
        if stop is not None:
            await stop()
            logger.info("Slack adapter stopped")


def unreachable(client: AsyncWebClient, exc: BaseException) -> PlatformUnreachable:
    """The one line that says Slack did not answer, and why (a SlackApiError's own text spans lines)."""
    reason = f"HTTP {exc.response.status_code}: {error_code(exc)}" if isinstance(exc, SlackApiError) \
        else f"{type(exc).__name__}: {exc}"
    return PlatformUnreachable(f"Slack is unreachable at {client.base_url} ({reason})")


def server_error(exc: SlackApiError) -> bool:
    """Slack answered with a 5xx: down for now, worth trying again."""
    status = getattr(exc.response, "status_code", 0)
    return isinstance(status, int) and status >= 500


async def check_auth(client: AsyncWebClient) -> dict[str, Any]:
    """Call auth.test; PlatformAuthError when Slack refuses the bot token, PlatformUnreachable when it is not there."""
    try:
        response = await client.auth_test()
    except NETWORK_ERRORS as exc:
        raise unreachable(client, exc) from None
    except SlackApiError as exc:
        code = error_code(exc)
        if code in AUTH_ERRORS:
            raise PlatformAuthError(
                f"Slack refused SLACK_BOT_TOKEN ({code}): copy the Bot User OAuth Token (xoxb-...) "
                "from the app's OAuth & Permissions page") from None
        if server_error(exc):
            raise unreachable(client, exc) from None
        raise
    return dict(response.data) if isinstance(response.data, dict) else {}


async def start_slack(settings: Settings, services: Services, *, on_broadcast: Callable[[str], None] | None = None,
                      host: str = "0.0.0.0") -> SlackRunning:  # noqa: S104 - Slack must reach the port
    """Check the token, build the app and connect it: Socket Mode with SLACK_APP_TOKEN, else HTTP on SLACK_PORT."""
    if settings.slack_bot_token is None:
        raise SettingsError("bad setting SLACK_BOT_TOKEN: not set")
    client = make_client(settings)
    app = build_slack_app(settings, services, on_broadcast=on_broadcast, client=client)  # settings errors first
    identity = await check_auth(client)
    sender = SlackSender(make_client(settings, retries=False))
    bot_user_id = str(identity.get("user_id") or "")
    if settings.slack_app_token is not None:
        handler = AsyncSocketModeHandler(app, app_token=settings.slack_app_token.get_secret_value())
        socket: Any = handler.client  # slack-sdk's SocketModeClient is untyped
        try:
            opened = await client.apps_connections_open(app_token=settings.slack_app_token.get_secret_value())
            socket.wss_uri = opened["url"]  # checked here, so connect() won't retry a bad token forever
            await socket.connect()
        except NETWORK_ERRORS as exc:
            await socket.close()
            raise unreachable(client, exc) from None
        except SlackApiError as exc:
            await socket.close()
            code = error_code(exc)
            if code in AUTH_ERRORS:
                raise PlatformAuthError(
                    f"Slack refused SLACK_APP_TOKEN ({code}): create an app-level token (xapp-...) with the "
                    "connections:write scope on the app's Basic Information page") from None
            if server_error(exc):
                raise unreachable(client, exc) from None
            raise
        logger.info("Slack adapter connected in Socket Mode as %s", bot_user_id)
        return SlackRunning(app=app, sender=sender, mode="socket", bot_user_id=bot_user_id,
                            _stop=socket.close)
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    runner = web.AppRunner(slack_web_app(app, secret), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, settings.slack_port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise SettingsError(f"bad setting SLACK_PORT: cannot listen on {settings.slack_port} ({exc.strerror})") \
            from None
    url = f"http://{host}:{settings.slack_port}{EVENTS_PATH}"
    logger.info("Slack adapter listening in HTTP mode on port %d (%s) as %s", settings.slack_port, EVENTS_PATH,
                bot_user_id)
    return SlackRunning(app=app, sender=sender, mode="http", bot_user_id=bot_user_id, url=url, _stop=runner.cleanup)
