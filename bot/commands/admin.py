"""Commands for the bot's admins: feeds and their health, and the numbers behind the service."""

from __future__ import annotations

import logging
from typing import Literal

from bot import messages
from bot.commands.core import Button, Reply, Request, command
from bot.commands.reader import chat_zone, latest_briefing
from briefings.compose import latest_week
from briefings.errors import AddressRefused, FeedError
from briefings.feeds import ingest_source
from briefings.framing.llm import usage_totals
from briefings.pipeline import frame_new_stories
from briefings.render.briefing import briefing_doc
from briefings.render.doc import Bold, Bullets, Code, Doc, Heading, Paragraph, Span, spans
from briefings.store import broadcasts, outbox
from briefings.store.subscriptions import subscription_counts

logger = logging.getLogger(__name__)


def _feed_line(row: dict[str, object]) -> tuple[Span, ...]:
    failures = int(str(row.get("consecutive_failures") or 0))
    if row.get("paused"):
        state = "paused"
    elif failures:
        state = f"failing ({failures} in a row): {row.get('last_error')}"
    elif row.get("last_success"):
        state = f"ok, last read {str(row['last_success'])[:16].replace('T', ' ')} UTC"
    else:
        state = "not read yet"
    title = str(row.get("title") or "")
    return spans(Code(str(row["url"])), f" — {title + ', ' if title else ''}{state}")


@command("feeds", summary="The polled feeds and their health", who="admin")
def feeds(request: Request) -> Reply:
    """List every feed with its state in words."""
    rows = list(request.services.db.table("feeds").rows_where(order_by="added_at, url"))
    if not rows:
        return Reply(Doc.of(Paragraph(spans("No feeds yet. Add one with ", Code("/addfeed URL"), "."))))
    return Reply(Doc.of(Heading(f"Feeds ({len(rows)})", level=1), Bullets(tuple(_feed_line(r) for r in rows))))


@command("addfeed", summary="Add a feed (checked by reading it now)", usage="URL", who="admin")
def addfeed(request: Request) -> Reply:
    """Read the feed now; keep it only when it reads, and frame its stories."""
    url = request.text
    if not url.startswith(("http://", "https://")):
        return Reply(Doc.of(Paragraph(spans("Usage: ", Code("/addfeed https://example.org/feed.xml")))))
    try:  # before the feeds table is touched: a refused address must leave no row behind
        request.services.outbound.check_url(url)
    except AddressRefused as exc:
        logger.warning("admin %s: feed %s refused: %s", request.sender.id, url, exc)
        return Reply(Doc.of(Paragraph(spans(
            f"Not added: that address is on a private network ({exc.address}, {exc.reason}); set ",
            Code("ALLOW_PRIVATE_NETWORKS=true"), " to poll intranet feeds."))))
    except FeedError as exc:
        return Reply(Doc.of(Paragraph(spans("Not added: ", Bold(str(exc)), "."))))
    db = request.services.db
    known = db.execute("SELECT 1 FROM feeds WHERE url = ?", [url]).fetchone() is not None
    if known:  # re-adding a paused or failing feed starts it afresh
        db.table("feeds").update(url, {"paused": 0, "consecutive_failures": 0, "notified_state": None})
    result = ingest_source(db, url, now=request.services.clock(), policy=request.services.outbound)
    if not result.ok:
        if not known:
            db.table("feeds").delete_where("url = ?", [url])
        return Reply(Doc.of(Paragraph(spans("Not added: ", Bold(result.error or "unreadable"), "."))))
    framed = frame_new_stories(db, framer=request.services.framer, backend=request.services.framer_backend)
    logger.info("admin %s added feed %s", request.sender.id, url)
    return Reply(Doc.of(Paragraph(spans(
        "Added ", Code(url), f": {result.new} new stories, {framed.statements} statements."))))


@command("removefeed", summary="Stop polling a feed (its stories stay)", usage="URL", who="admin")
def removefeed(request: Request) -> Reply:
    """Remove the feed from polling; stories already stored stay for history."""
    url = request.text
    if not url:
        return Reply(messages.usage("removefeed", "URL", "/removefeed https://example.org/feed.xml"))
    db = request.services.db
    if db.execute("SELECT 1 FROM feeds WHERE url = ?", [url]).fetchone() is None:
        return Reply(Doc.of(Paragraph(spans("No feed ", Code(url), ". See ", Code("/feeds"), "."))))
    db.table("feeds").delete_where("url = ?", [url])
    logger.info("admin %s removed feed %s", request.sender.id, url)
    note = " It is in BRIEFING_FEEDS, so it returns on restart unless removed there too." \
        if url in request.services.feeds else ""
    return Reply(Doc.of(Paragraph(spans("Removed ", Code(url), "; its stories stay." + note))))


@command("stats", summary="Subscribers, stories, figures, feed errors", who="admin")
def stats(request: Request) -> Reply:
    """The service's numbers at a glance."""
    db = request.services.db

    def count(sql: str) -> int:
        return int(db.execute(sql).fetchone()[0])

    subscribers = subscription_counts(db)
    active = {k: v for k, v in subscribers.items() if k != "ended"}
    lines: list[tuple[Span, ...]] = [
        spans(Bold("Subscribers: "), ", ".join(f"{n} on {p}" for p, n in active.items()) or "none",
              f" ({subscribers['ended']} left)"),
        spans(Bold("Stories: "), f"{count('SELECT count(*) FROM stories')} stored, "
              f"{count('SELECT count(*) FROM frames')} framed"),
        spans(Bold("Figures: "), f"{count('SELECT count(*) FROM figures')} with "
              f"{count('SELECT count(*) FROM statements')} statements"),
        spans(Bold("Feeds: "), f"{count('SELECT count(*) FROM feeds')}, "
              f"{count('SELECT count(*) FROM feeds WHERE consecutive_failures > 0')} failing"),
    ]
    sent = outbox.counts(db)
    lines.append(spans(Bold("Deliveries: "), ", ".join(f"{n} {state}" for state, n in sent.items())))
    lines += [spans(Bold("LLM: "), usage.describe()) for usage in usage_totals(db)]  # only once the LLM ran
    return Reply(Doc.of(Heading("Stats", level=1), Bullets(tuple(lines))))


CONFIRM_MINUTES = int(broadcasts.CONFIRM_TTL.total_seconds() // 60)


@command("brief_now", summary="Preview the briefing, then send it to every subscriber on confirm",
         usage="", who="admin")
def brief_now(request: Request) -> Reply:
    """Show the admin a preview with Confirm and Cancel; the buttons come back as `/brief_now confirm TOKEN`."""
    if len(request.args) == 2 and request.args[0] in ("confirm", "cancel"):
        return _settle(request, action=request.args[0], token=request.args[1])
    if request.args:  # a stray word must not queue a confirmation the admin did not ask for
        return Reply(Doc.of(Paragraph(spans(
            Code("/brief_now"), " takes no arguments: send it alone for a preview with Confirm and Cancel."))))
    services = request.services
    now = services.clock()
    week = latest_week(services.db, tz=services.timezone, now=now)
    audience = sum(v for k, v in subscription_counts(services.db).items() if k != "ended")
    token = broadcasts.create_confirmation(
        services.db, platform=request.chat.platform, user_id=request.sender.id, chat_id=request.chat.id,
        week=str(week), now=now,
    )
    # The week is the broadcast's, one for every chat; each chat gets it in its own zone and topics, as this one
    # will, so the preview is composed exactly as delivery composes it for this chat.
    preview = briefing_doc(latest_briefing(request, week))
    head = Doc.of(Paragraph(spans(
        Bold("Preview."), f" This is the briefing for {week} as this chat gets it ({chat_zone(request).key}). "
        f"Confirm within {CONFIRM_MINUTES} minutes to send it to "
        f"{audience} subscribed {'chat' if audience == 1 else 'chats'} now, each in its own time zone; the scheduled "
        "weekly briefing still goes out as usual.")))
    buttons = ((Button("Confirm and send", f"/brief_now confirm {token}"),
                Button("Cancel", f"/brief_now cancel {token}")),)
    return Reply(head + preview, buttons=buttons)


SETTLE_TEXT = {
    "unknown": "That confirmation doesn't exist. Send /brief_now again.",
    "not_yours": "Only the admin who asked for this preview can confirm it.",
    "used": "Already handled: nothing more was sent.",
    "expired": f"This preview expired after {CONFIRM_MINUTES} minutes. Send /brief_now again.",
}


def _settle(request: Request, *, action: str, token: str) -> Reply:
    services = request.services
    now = services.clock()
    state: Literal["confirmed", "cancelled"] = "confirmed" if action == "confirm" else "cancelled"
    outcome, week = broadcasts.settle_confirmation(
        services.db, token=token, platform=request.chat.platform, user_id=request.sender.id, now=now, state=state,
    )
    if outcome != "ok" or week is None:
        logger.info("brief_now %s by %s: %s", action, request.sender.id, outcome)
        return Reply(Doc.of(Paragraph(spans(SETTLE_TEXT[outcome]))))
    if state == "cancelled":
        return Reply(Doc.of(Paragraph(spans("Cancelled: nothing was sent."))), replace=True)
    key = broadcasts.manual_key(week, token)
    added = broadcasts.start_broadcast(
        services.db, key=key, kind="manual", report_to=(request.chat.platform, request.chat.id), now=now,
    )
    logger.info("admin %s confirmed broadcast %s: %d chats queued", request.sender.id, key, added)
    return Reply(Doc.of(Paragraph(spans(
        f"Sending {week} to {added} {'chat' if added == 1 else 'chats'}. I'll report the counts here when done."))),
        broadcast=key, replace=True)
