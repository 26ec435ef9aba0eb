"""Logging set-up for the service and the CLI, with secrets scrubbed from every record.

Tokens end up in places nobody plans for: the Bot API puts the token in every
URL, and an exception from an HTTP client repeats the URL. So instead of hoping
no code path logs one, a filter on the root handler replaces each known secret
value wherever it appears.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

REDACTED = "[redacted]"
NOISY_LOGGERS = ("httpx", "httpcore", "apscheduler", "telegram.ext.Updater", "slack_bolt", "slack_sdk", "trafilatura")


class SecretFilter(logging.Filter):
    """Replace every occurrence of a secret in a record's message and arguments."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = self.scrub(message), None
        if record.exc_text:
            record.exc_text = self.scrub(record.exc_text)
        return True


def configure_logging(level: str = "INFO", *, secrets: Iterable[str] = ()) -> None:
    """Log to stderr at `level`; quiet the chatty libraries; scrub `secrets` from every line."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SecretFilter(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
