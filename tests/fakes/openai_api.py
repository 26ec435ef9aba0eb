"""A local fake of an OpenAI-compatible `/chat/completions` endpoint, scriptable per test.

Threaded `http.server` on 127.0.0.1 and a free port. Each request takes the
next scripted `Answer` (or, when the script is empty, asks `respond`, or
repeats `default`): a chat completion with content and usage, a refusal, an
error status with headers (429 + Retry-After), or a hang that never answers
until the server stops. `reject_json_schema=True` plays a server without
structured output: any request whose `response_format` is `json_schema` gets
a 400, as vLLM and older servers answer. Every request is recorded with its
headers and JSON body, so tests check the model, the schema, the
Authorization header and how many calls were made.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any


@dataclass
class Answer:
    """How the server answers one request."""

    status: int = 200
    body: Any = None  # a dict is sent as JSON, bytes as they are
    headers: dict[str, str] = field(default_factory=dict)
    hang: bool = False


def chat(content: str | None, *, prompt_tokens: int = 120, completion_tokens: int = 80,
         refusal: str | None = None, finish_reason: str = "stop") -> Answer:
    """A chat completion whose message carries `content` (and `refusal`), with usage."""
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return Answer(body={
        "id": "chatcmpl-fake", "object": "chat.completion", "model": "fake",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                  "total_tokens": prompt_tokens + completion_tokens},
    })


def frame_answer(frame: dict[str, Any], *, prompt_tokens: int = 120, completion_tokens: int = 80) -> Answer:
    """A chat completion whose content is `frame` as JSON."""
    return chat(json.dumps(frame), prompt_tokens=prompt_tokens, completion_tokens=completion_tokens)


def error(status: int, message: str = "error", **headers: str) -> Answer:
    """An OpenAI-style error body with `status` and extra headers (e.g. `Retry_After="1"`)."""
    return Answer(status=status, body={"error": {"message": message, "type": "fake_error"}},
                  headers={k.replace("_", "-"): v for k, v in headers.items()})


HANG = Answer(hang=True)


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def mode(self) -> str:
        """The response_format type of the request, or `prompt` when it had none."""
        fmt = self.body.get("response_format") or {}
        return str(fmt.get("type", "prompt"))


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        """Stay quiet: pytest output is for failures."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's naming
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw or b"{}")
        except ValueError:
            body = {}
        seen = SeenRequest(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        with self.server.lock:
            self.server.seen.append(seen)
        if not self.path.endswith("/chat/completions"):
            self._send(error(404, "no such route"))
            return
        if self.server.reject_json_schema and seen.mode == "json_schema":
            self._send(error(400, "response_format json_schema is not supported by this server"))
            return
        with self.server.lock:
            answer = self.server.script.popleft() if self.server.script else None
        if answer is None:
            answer = self.server.respond(seen) if self.server.respond else self.server.default
        if answer.hang:
            self.server.release.wait(30)
            return
        self._send(answer)

    def _send(self, answer: Answer) -> None:
        payload = answer.body if isinstance(answer.body, bytes) else json.dumps(answer.body or {}).encode()
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up: expected
            self.wfile.write(payload)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    script: deque[Answer]
    default: Answer
    respond: Callable[[SeenRequest], Answer] | None
    reject_json_schema: bool
    seen: list[SeenRequest]
    lock: threading.Lock
    release: threading.Event

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up mid-response is expected here; keep stderr clean."""


class FakeOpenAI:
    """`with FakeOpenAI() as api: api.script(frame_answer({...})); LLMClient(base_url=api.base_url, ...)`."""

    def __init__(self, *, reject_json_schema: bool = False,
                 respond: Callable[[SeenRequest], Answer] | None = None) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.script = deque()
        self._server.default = error(500, "no answer scripted")
        self._server.respond = respond
        self._server.reject_json_schema = reject_json_schema
        self._server.seen = []
        self._server.lock = threading.Lock()
        self._server.release = threading.Event()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-openai", daemon=True
        )

    @property
    def base_url(self) -> str:
        """What LLM_BASE_URL would be: the server plus `/v1`."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    @property
    def seen(self) -> list[SeenRequest]:
        with self._server.lock:
            return list(self._server.seen)

    def script(self, *answers: Answer) -> None:
        """Answer the next requests with `answers`, in order."""
        with self._server.lock:
            self._server.script.extend(answers)

    def always(self, answer: Answer) -> None:
        """Answer with `answer` whenever the script is empty."""
        self._server.default = answer

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._server.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)
