"""The schema, as forward-only migrations (sqlite-utils `Migrations`).

Never edit a migration that has shipped: add a new one. Each runs in a
transaction together with the record that it ran, so a crash mid-migration
leaves the database at the previous version.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from briefings.store.figure_rekey import rekey_figures

MIGRATIONS = Migrations("briefing-bot")


@MIGRATIONS()
def m001_feeds_and_stories(db: Database) -> None:
    """Feeds with their HTTP cache and health; stories with full-text search."""
    db.table("feeds").create(
        {
            "url": str,
            "title": str,
            "etag": str,
            "last_modified": str,
            "last_success": str,
            "last_error": str,
            "consecutive_failures": int,
            "next_poll": str,
            "paused": int,
            "added_at": str,
        },
        pk="url",
        not_null={"url"},
        defaults={"consecutive_failures": 0, "paused": 0},
    )
    db.table("stories").create(
        {
            "id": str,
            "feed_url": str,
            "guid": str,
            "link": str,
            "title": str,
            "author": str,
            "published": str,
            "summary": str,
            "text": str,
            "content_hash": str,
            "fetched_at": str,
        },
        pk="id",
        not_null={"id"},
    )
    stories = db.table("stories")
    stories.create_index(["guid"])
    stories.create_index(["link"])
    stories.create_index(["content_hash"])
    stories.create_index(["published"])
    stories.enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@MIGRATIONS()
def m002_service_heartbeat(db: Database) -> None:
    """One row per running service, refreshed every minute; `briefing-bot health` reads it."""
    db.table("heartbeat").create({"service": str, "beat_at": str, "pid": int, "host": str}, pk="service")


@MIGRATIONS()
def m003_frames_figures_statements(db: Database) -> None:
    """Each story's frame, the cross-story figure registry, and one statement per figure and story.

    Statements are the history `/stance` reads and the weekly briefing composes
    from; they carry the story's date so a figure's positions sort without a join.
    """
    db.table("frames").create(
        {"story_id": str, "backend": str, "question": str, "frame": str, "framed_at": str},
        pk="story_id",
        foreign_keys=[("story_id", "stories", "id")],
    )
    db.table("figures").create(
        {"id": int, "name": str, "key": str, "role": str, "first_seen": str, "last_seen": str},
        pk="id",
        not_null={"name", "key"},
    )
    db.table("figures").create_index(["key"], unique=True)
    db.table("figure_aliases").create(
        {"key": str, "alias": str, "surname_key": str, "figure_id": int},
        pk="key",
        foreign_keys=[("figure_id", "figures", "id")],
    )
    db.table("figure_aliases").create_index(["surname_key"])
    db.table("figure_aliases").create_index(["figure_id"])
    db.table("statements").create(
        {
            "id": int,
            "figure_id": int,
            "story_id": str,
            "published": str,
            "name": str,
            "role": str,
            "side": str,
            "stance": str,
            "question": str,
            "quotes": str,
            "evidence": str,
        },
        pk="id",
        foreign_keys=[("figure_id", "figures", "id"), ("story_id", "stories", "id")],
    )
    db.table("statements").create_index(["figure_id", "published"])
    db.table("statements").create_index(["story_id", "figure_id"], unique=True)


@MIGRATIONS()
def m004_story_dedupe_keys(db: Database) -> None:
    """Dedupe keys for stories (feed-scoped guid, normalised link) and the feed's last parse warning."""
    stories = db.table("stories")
    stories.add_column("guid_key", str)
    stories.add_column("link_key", str)
    stories.create_index(["guid_key"])
    stories.create_index(["link_key"])
    db.table("feeds").add_column("last_warning", str)


@MIGRATIONS()
def m005_subscriptions_and_follows(db: Database) -> None:
    """Which chats get the briefing (and when, in which zone, on which topics), and whom they follow."""
    db.table("subscriptions").create(
        {
            "platform": str,
            "chat_id": str,
            "kind": str,
            "title": str,
            "weekday": int,
            "hour": int,
            "minute": int,
            "timezone": str,
            "topics": str,
            "active": int,
            "subscribed_at": str,
            "ended_at": str,
            "ended_reason": str,
        },
        pk=("platform", "chat_id"),
        not_null={"platform", "chat_id"},
        defaults={"active": 1, "topics": "[]"},
    )
    db.table("subscriptions").create_index(["active", "platform"])
    db.table("follows").create(
        {"platform": str, "chat_id": str, "figure_id": int, "since": str, "alerted_through": str},
        pk=("platform", "chat_id", "figure_id"),
        foreign_keys=[("figure_id", "figures", "id")],
    )
    db.table("follows").create_index(["figure_id"])


@MIGRATIONS()
def m006_outbox_broadcasts_confirmations(db: Database) -> None:
    """The delivery ledger: one row per (briefing, chat) with its state, the broadcasts, admin confirmations.

    The ledger, not the scheduler's memory, is the truth: a row is claimed
    before it is sent and marked after, so a crash, a missed tick or a second
    process can neither skip a chat nor send a row twice.
    """
    db.execute(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'queued',
            attempts INTEGER NOT NULL DEFAULT 0,
            parts_sent INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            claimed_by TEXT,
            claimed_at TEXT,
            sent_at TEXT,
            last_error TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (key, platform, chat_id)
        )
        """
    )
    db.execute("CREATE INDEX outbox_due ON outbox (state, next_attempt_at)")
    db.execute("CREATE INDEX outbox_key_state ON outbox (key, state)")
    db.table("broadcasts").create(
        {"key": str, "week": str, "kind": str, "created_at": str, "report_platform": str, "report_chat": str,
         "reported_at": str},
        pk="key",
    )
    db.table("confirmations").create(
        {"token": str, "platform": str, "user_id": str, "chat_id": str, "week": str, "created_at": str,
         "expires_at": str, "state": str},
        pk="token",
    )


@MIGRATIONS()
def m007_llm_frame_cache(db: Database) -> None:
    """The LLM backend's answers by (content hash, model, prompt version), with their token counts.

    A story is paid for once per model and prompt; failed answers are kept too
    (status, error) so the token totals `/stats` shows are complete.
    """
    db.table("llm_frames").create(
        {
            "content_hash": str,
            "model": str,
            "prompt_version": str,
            "status": str,
            "frame": str,
            "error": str,
            "mode": str,
            "prompt_tokens": int,
            "completion_tokens": int,
            "calls": int,
            "first_asked": str,
            "last_asked": str,
        },
        pk=("content_hash", "model", "prompt_version"),
        not_null={"content_hash", "model", "prompt_version", "status"},
        defaults={"prompt_tokens": 0, "completion_tokens": 0, "calls": 0},
    )
    db.table("llm_frames").create_index(["model", "status"])


@MIGRATIONS()
def m008_follow_alerts_and_feed_health_notices(db: Database) -> None:
    """When each chat was last alerted about its follows, and which feed troubles admins were told of."""
    db.table("follows").add_column("last_alert_at", str)
    db.table("feeds").add_column("notified_state", str)


@MIGRATIONS()
def m009_rekey_figures_by_identity_policy(db: Database) -> None:
    """Re-key the figure registry under the identity policy of `framing.names`, splitting wrong merges.

    Keys before this dropped every vowel and capitalised first-word
    particles, so John Hill and John Hall, or Van Jones and Kevin Jones, were
    one figure; titles stayed in names. Statements move to the figure their
    stored name now resolves to, follows stay with the figure of its canonical
    name (see `briefings.store.figure_rekey`).
    """
    rekey_figures(db)


@MIGRATIONS()
def m010_debates(db: Database) -> None:
    """Debates across stories: which story argues which debate, its sides, each statement's side, the moves.

    All of it is derived from stored frames (`briefings.debates`), so it can be
    rebuilt at any time; `debate_state` records the algorithm version that built it.
    """
    db.table("debates").create(
        {"id": str, "question": str, "title": str, "updated_at": str}, pk="id", not_null={"id"},
    )
    db.table("debate_sides").create(
        {"debate_id": str, "side": int, "kind": str, "name": str, "summary": str},
        pk=("debate_id", "side"),
        foreign_keys=[("debate_id", "debates", "id")],
    )
    db.table("debate_stories").create(  # debate_id NULL: a story that argues nothing; framed_at: of the frame placed
        {"story_id": str, "debate_id": str, "framed_at": str}, pk="story_id",
        foreign_keys=[("story_id", "stories", "id"), ("debate_id", "debates", "id")],
    )
    db.table("debate_stories").create_index(["debate_id"])
    db.table("debate_positions").create(
        {"story_id": str, "figure_id": int, "debate_id": str, "side": int, "week": str},
        pk=("story_id", "figure_id"),
    )
    db.table("debate_positions").create_index(["figure_id"])
    db.table("debate_positions").create_index(["debate_id", "week"])
    db.table("debate_moves").create(
        {"id": int, "debate_id": str, "figure_id": int, "before_story": str, "after_story": str,
         "from_side": int, "to_side": int, "week": str, "cue": str},
        pk="id",
    )
    db.table("debate_moves").create_index(["figure_id"])
    db.table("debate_moves").create_index(["debate_id", "week"])
    db.table("debate_state").create({"key": str, "value": str}, pk="key")


@MIGRATIONS()
def m011_linked_channels(db: Database) -> None:
    """Who linked a channel (the admin told when it is lost), and whether they were told.

    A channel is a subscription of kind 'channel', not a table of its own: delivery,
    pacing and the ledger treat it like any group.
    """
    db.table("subscriptions").add_column("linked_by", str)
    db.table("subscriptions").add_column("loss_notified", int)
