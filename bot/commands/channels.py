"""`/channel`: link a channel (where nobody can send `/subscribe`) to the weekly briefing, list, unlink.

A linked channel is an ordinary subscription of kind 'channel' with the linking
admin remembered; delivery, pacing (a channel counts as a group) and the ledger
need nothing else. The platform checks at link time that the bot is an admin
allowed to post; Slack channels subscribe themselves with `/briefing subscribe`.
"""

from __future__ import annotations

import logging

from bot.commands.core import ChannelRefused, Reply, Request, command
from briefings.render.doc import Bold, Bullets, Code, Doc, Paragraph, Span, spans
from briefings.store import channels as store
from briefings.store import subscriptions as subs

logger = logging.getLogger(__name__)

USAGE = "add @name | list | remove @name"


def _say(*parts: str | Span) -> Reply:
    return Reply(Doc.of(Paragraph(spans(*parts))))


@command("channel", summary="Link a channel to the weekly briefing, list or unlink them", usage=USAGE, who="admin")
def channel(request: Request) -> Reply:
    """Dispatch `/channel add|list|remove`."""
    action, ref = (request.args[0].lower() if request.args else "list"), " ".join(request.args[1:]).strip()
    if action == "list":
        return _list(request)
    if action in ("add", "remove") and ref:
        return _add(request, ref) if action == "add" else _remove(request, ref)
    return _say("Usage: ", Code(f"/channel {USAGE}"), ", or forward me a post from the channel to link it.")


def _add(request: Request, ref: str) -> Reply:
    if request.channels is None:
        return _say("Here a channel subscribes itself: send ", Code("/briefing subscribe"), " in it.")
    try:
        found = request.channels.look_up(ref)
    except ChannelRefused as exc:
        logger.info("admin %s could not link %s: %s", request.sender.id, ref, exc)
        return _say("Not linked: ", Bold(str(exc)), ".")
    services = request.services
    name = f"@{found.username}" if found.username else (found.title or found.id)
    subscription, created = subs.subscribe(
        services.db, platform=request.chat.platform, chat_id=found.id, kind=store.CHANNEL, title=name,
        weekday=services.schedule.weekday, hour=services.schedule.hour, minute=services.schedule.minute,
        timezone=services.timezone.key, now=services.clock(), linked_by=request.sender.id,
    )
    if not created:
        return _say(Bold(name), " is already linked.")
    logger.info("admin %s linked channel %s:%s", request.sender.id, request.chat.platform, found.id)
    return _say("Linked ", Bold(name), f": it gets the weekly briefing ({subscription.timezone}) and ",
                Code("/brief_now"), " sends. ", Code(f"/channel remove {name}"), " unlinks it.")


def _matches(subscription: subs.Subscription, ref: str) -> bool:
    """By id, or by the name it was linked under (`@name`, or the title of a channel without one)."""
    return ref.lower() in (subscription.chat_id.lower(), (subscription.title or "").lower())


def _list(request: Request) -> Reply:
    linked = store.linked_channels(request.services.db, platform=request.chat.platform)
    if not linked:
        return _say("No channels linked. Add me to a channel as an admin who may post, then ",
                    Code("/channel add @name"), " or forward me one of its posts.")
    lines = tuple(spans(Bold(s.title or s.chat_id), f" ({s.chat_id}), linked by {s.linked_by or 'its members'}")
                  for s in linked)
    return Reply(Doc.of(Paragraph(spans(f"Linked channels ({len(linked)}):")), Bullets(lines)))


def _remove(request: Request, ref: str) -> Reply:
    db = request.services.db
    # Matched in the store, not asked of the platform: a channel that took the bot's rights away must still go.
    target = next((s for s in store.linked_channels(db, platform=request.chat.platform) if _matches(s, ref)), None)
    if target is None:
        return _say("No linked channel ", Code(ref), ". See ", Code("/channel list"), ".")
    store.unlink_channel(db, platform=target.platform, chat_id=target.chat_id, by=request.sender.id,
                         now=request.services.clock())
    logger.info("admin %s unlinked channel %s:%s", request.sender.id, target.platform, target.chat_id)
    return _say("Unlinked ", Bold(target.title or target.chat_id), ": nothing more is sent there.")
