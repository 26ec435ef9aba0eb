"""An aiohttp networking backend for python-telegram-bot, for sending broadcasts at a high rate.

PTB's default backend is httpx, whose connection pool (httpcore) scans every
connection on every request: with the dozens of connections a raised
TELEGRAM_RATE_PER_SECOND needs, the scan costs more than the request (measured
here: 196 requests/s on one connection, 29/s on 64). aiohttp's pool does not,
and aiohttp is already installed for Slack. PTB supports swapping the backend
through `telegram.request.BaseRequest`; this class only moves bytes and maps
errors to PTB's, so everything else (parsing, exceptions, retries) stays PTB's.
"""

from __future__ import annotations

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

DEFAULT_TIMEOUT = 10.0


class AiohttpRequest(BaseRequest):
    """PTB requests over one aiohttp session with a pool of `connections` keep-alive connections."""

    def __init__(self, *, connections: int = 64, timeout: float = DEFAULT_TIMEOUT) -> None:
        self._connections = connections
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        if request_data is not None and request_data.contains_files:
            raise NetworkError("AiohttpRequest sends text messages only; files go through PTB's default backend")
        read = self._timeout if isinstance(read_timeout, DefaultValue) or read_timeout is None else read_timeout
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=self._timeout, sock_read=read)
        data = request_data.json_parameters if request_data else None
        try:
            async with self._session.request(method, url, data=data, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{exc.__class__.__name__}: {exc}") from exc
