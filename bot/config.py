"""Settings, read once at the edge from the environment or a `.env` file.

Every setting of specs/INTERFACE.md lives here with its default. A bad value
stops start-up with one line naming the setting (`SettingsError`), never a
traceback: `load_settings` turns pydantic's report into that line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

if TYPE_CHECKING:
    from briefings.feeds.outbound import OutboundPolicy
from briefings.schedule import WeeklySchedule, parse_schedule, parse_timezone

DEFAULT_FEEDS = (
    "https://belsat.eu/en/feed/",
    "https://belarusdigest.com/feed/",
)


class SettingsError(Exception):
    """A setting has a value the service cannot run with."""


def _split_csv(value: Any) -> Any:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


CsvList = Annotated[list[str], NoDecode]
IdList = Annotated[list[int], NoDecode]


class Settings(BaseSettings):
    """Everything the operator can set; see `.env.example` for each one explained."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True)

    briefing_db: Path = Path("./data/briefings.db")
    briefing_feeds: CsvList = Field(default_factory=lambda: list(DEFAULT_FEEDS))
    briefing_poll_minutes: int = Field(60, ge=1, le=7 * 24 * 60)
    briefing_schedule: str = "mon 08:00"
    briefing_timezone: str = "Europe/Minsk"
    allow_private_networks: bool = False

    telegram_bot_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org"
    telegram_admin_ids: IdList = Field(default_factory=list)
    telegram_rate_per_second: float = Field(30.0, gt=0, le=10_000)
    telegram_webhook_url: str | None = None
    telegram_webhook_port: int = Field(8443, ge=1, le=65535)
    telegram_webhook_secret: SecretStr | None = None

    slack_bot_token: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    slack_port: int = Field(3000, ge=1, le=65535)
    slack_admin_ids: CsvList = Field(default_factory=list)
    # Slack allows chat.postMessage about once a second per channel (the pacer's per-chat rule) under a
    # workspace-wide limit it does not publish; 20/s overall stays well clear of it for a broadcast.
    slack_rate_per_second: float = Field(20.0, gt=0, le=10_000)

    summariser: Literal["extractive", "llm"] = "extractive"
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    llm_timeout_seconds: float = Field(90.0, gt=0, le=3600)

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @field_validator("briefing_feeds", "slack_admin_ids", mode="before")
    @classmethod
    def _csv(cls, value: Any) -> Any:
        return _split_csv(value)

    @field_validator("telegram_admin_ids", mode="before")
    @classmethod
    def _ids(cls, value: Any) -> Any:
        items = _split_csv(value)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, str) and not re.fullmatch(r"-?\d+", item):
                    raise ValueError(f"{item!r} is not a numeric Telegram user id")
        return items

    @field_validator("briefing_schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        return str(parse_schedule(value))

    @field_validator("briefing_timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return parse_timezone(value).key

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @field_validator("telegram_webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError(f"{value!r} is not the public https:// URL Telegram should post updates to")
        return value

    @field_validator("telegram_bot_token", "telegram_webhook_url", "telegram_webhook_secret", "slack_bot_token",
                     "slack_app_token", "slack_signing_secret", "llm_api_key", "llm_base_url", "llm_model",
                     mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _llm_needs_endpoint(self) -> Settings:
        if self.summariser == "llm":
            missing = [name for name, value in (("LLM_BASE_URL", self.llm_base_url), ("LLM_MODEL", self.llm_model))
                       if not value]
            if missing:
                raise ValueError(f"SUMMARISER=llm needs {' and '.join(missing)} (or set SUMMARISER=extractive)")
        return self

    @property
    def schedule(self) -> WeeklySchedule:
        return parse_schedule(self.briefing_schedule)

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.briefing_timezone)

    @property
    def outbound_policy(self) -> OutboundPolicy:
        """Where feed and article fetches may connect, as the plain value the domain takes."""
        from briefings.feeds.outbound import OutboundPolicy  # here, so `health` need not load httpx

        return OutboundPolicy(allow_private=self.allow_private_networks)


def load_settings(env_file: str | Path | None = ".env", **overrides: Any) -> Settings:
    """Build the settings once; raise SettingsError with one line naming the bad setting."""
    try:
        return Settings(_env_file=env_file, **overrides)  # type: ignore[call-arg]
    except ValidationError as exc:
        error = exc.errors()[0]
        name = str(error["loc"][0]).upper() if error["loc"] else "settings"
        message = str(error["msg"]).removeprefix("Value error, ")
        if not error["loc"]:  # a check across settings (a model validator): its message names them
            raise SettingsError(f"bad settings: {message}") from None
        given = error.get("input")
        shown = "" if "token" in name.lower() or "key" in name.lower() or "secret" in name.lower() else given
        suffix = f" (got {shown!r})" if shown not in ("", None) and repr(shown) not in message else ""
        raise SettingsError(f"bad setting {name}: {message}{suffix}") from None


def check_database_path(path: Path) -> None:
    """Raise SettingsError when BRIEFING_DB cannot be created or written."""
    target = path.expanduser()
    if target.exists() and target.is_dir():
        raise SettingsError(f"bad setting BRIEFING_DB: {str(target)!r} is a folder, not a database file")
    parent = target.parent
    probe = parent
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK) or (
        target.exists() and not os.access(target, os.R_OK | os.W_OK)
    ):
        raise SettingsError(
            f"bad setting BRIEFING_DB: cannot write {str(target)!r} (check the folder and its permissions)"
        )
