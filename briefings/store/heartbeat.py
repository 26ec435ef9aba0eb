"""The running service's heartbeat: how a health check outside the process knows it is alive.

The database is the one thing the service and `briefing-bot health` (the Docker
HEALTHCHECK, run as a separate process) share, so the beat is a row there.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

SERVICE = "briefing-bot"
STALE_AFTER = timedelta(minutes=3)


@dataclass(frozen=True)
class Health:
    """Whether the service is alive, and in words why or why not."""

    ok: bool
    reason: str


def beat(db: Database, *, now: datetime, service: str = SERVICE) -> None:
    """Record that `service` is alive at `now`."""
    db.table("heartbeat").upsert(
        {"service": service, "beat_at": now.astimezone(UTC).isoformat(), "pid": os.getpid(),
         "host": socket.gethostname()},
        pk="service",
    )


def check(db: Database, *, now: datetime, stale_after: timedelta = STALE_AFTER, service: str = SERVICE) -> Health:
    """Tell whether the last beat of `service` is newer than `stale_after`."""
    rows = list(db.table("heartbeat").rows_where("service = ?", [service]))
    if not rows:
        return Health(False, "no heartbeat: the service has never run against this database")
    last = datetime.fromisoformat(rows[0]["beat_at"])
    age = now - last
    seconds = int(age.total_seconds())
    if age > stale_after:
        return Health(False, f"heartbeat is stale: last beat {seconds} s ago (pid {rows[0]['pid']})")
    return Health(True, f"alive: last beat {seconds} s ago (pid {rows[0]['pid']} on {rows[0]['host']})")
