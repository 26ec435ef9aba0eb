"""Shared fixtures: databases, the shared corpora beside the checkout, a clean environment."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlite_utils import Database

from briefings.store import open_database

# CI runs the same property-test examples every time (a red run must be reproducible, not a dice roll);
# locally, examples vary from run to run and keep finding new cases. `HYPOTHESIS_PROFILE=ci` picks CI's.
settings.register_profile("ci", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SETTING_PREFIXES = ("BRIEFING_", "TELEGRAM_", "SLACK_", "LLM_", "SUMMARISER", "LOG_LEVEL", "ALLOW_PRIVATE_NETWORKS")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Run every test with no operator settings and in an empty folder (so no stray `.env` is read)."""
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # PTB's durations as timedelta, without its deprecation warning
    for name in list(os.environ):
        if name.startswith(SETTING_PREFIXES):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture
def fresh_db() -> Database:
    """An empty, migrated in-memory database."""
    return open_database(memory=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file path inside the test's own folder."""
    return tmp_path / "data" / "briefings.db"


def require_shared(path: Path = SHARED, *, ci: str | None = None) -> Path:
    """`path` if it is there; else skip the test locally, and fail it in CI, where a missing corpus is a broken run.

    Without this a CI job that lost its `../shared` checkout passed green with every corpus and quality test
    skipped. `ci` is the CI variable's value (default: read from the environment).
    """
    if path.is_dir():
        return path
    ci = os.environ.get("CI") if ci is None else ci
    message = f"{path} is not beside the checkout (the corpora and the frame scorer)"
    if ci:
        pytest.fail(f"{message}; CI is set, so a missing corpus fails the run", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The `shared/` folder that CI places beside the checkout; every test that reads it goes through here."""
    return require_shared()
