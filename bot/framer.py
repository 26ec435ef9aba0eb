"""The settings -> framer glue: which backend frames stories, chosen once at the edge.

`SUMMARISER=extractive` (the default) frames offline; `SUMMARISER=llm` asks the
model at `LLM_BASE_URL` (waiting at most `LLM_TIMEOUT_SECONDS` for an answer)
and falls back to the extractive frame per story. The domain takes plain values
(`build_framer`), so this is the only place that reads the settings for it;
every path that frames (the poller, `ingest`, `frame`, `/addfeed`) comes here.
"""

from __future__ import annotations

from sqlite_utils import Database

from bot.config import Settings
from briefings.framing.llm import Framer, build_framer


def framer_for(settings: Settings, db: Database | None) -> tuple[Framer, str]:
    """The framer the settings ask for, with the backend name to store beside its frames.

    `db` holds the LLM answer cache; None asks the model every time and stores nothing.
    """
    return build_framer(
        summariser=settings.summariser,
        base_url=settings.llm_base_url,
        api_key=settings.llm_api_key,
        model=settings.llm_model,
        db=db,
        read_timeout=settings.llm_timeout_seconds,
    )
