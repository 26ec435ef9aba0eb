"""Commands that change what this chat gets: subscribe, settings, follow."""

from __future__ import annotations

import logging

from bot import messages
from bot.commands.core import Button, Reply, Request, command
from briefings.render.doc import Bold, Bullets, Code, Doc, Paragraph, spans
from briefings.schedule import DAYS, parse_schedule, parse_timezone
from briefings.stance import lookup_stance
from briefings.store import subscriptions as subs

logger = logging.getLogger(__name__)

TIME_CHOICES = ("07:00", "08:00", "09:00", "12:00", "18:00", "20:00")
MAX_TOPICS = 10


def _schedule_text(subscription: subs.Subscription) -> str:
    return f"{DAYS[subscription.weekday].capitalize()} {subscription.hour:02d}:{subscription.minute:02d} " \
           f"({subscription.timezone})"


@command("subscribe", summary="Get the weekly briefing in this chat", who="chat_admin")
def subscribe(request: Request) -> Reply:
    """Subscribe the chat with the default schedule (or its earlier one, when it comes back)."""
    services = request.services
    subscription, created = subs.subscribe(
        services.db, platform=request.chat.platform, chat_id=request.chat.id, kind=request.chat.kind,
        title=request.chat.title, weekday=services.schedule.weekday, hour=services.schedule.hour,
        minute=services.schedule.minute, timezone=services.timezone.key, now=services.clock(),
    )
    if created:
        logger.info("chat %s:%s subscribed", request.chat.platform, request.chat.id)
    lead = "Subscribed." if created else "This chat is already subscribed."
    return Reply(Doc.of(Paragraph(spans(
        lead, " The briefing comes every ", Bold(_schedule_text(subscription)), ". Change it with ",
        Code("/settings"), "; stop with ", Code("/unsubscribe"), "."))))


@command("unsubscribe", summary="Stop the weekly briefing here", who="chat_admin")
def unsubscribe(request: Request) -> Reply:
    """End the subscription; nothing more is sent to this chat."""
    services = request.services
    ended = subs.unsubscribe(services.db, platform=request.chat.platform, chat_id=request.chat.id,
                             reason=f"/unsubscribe by {request.sender.id}", now=services.clock())
    if not ended:
        return Reply(messages.not_subscribed())
    logger.info("chat %s:%s unsubscribed", request.chat.platform, request.chat.id)
    return Reply(Doc.of(Paragraph(spans(
        "Unsubscribed: nothing more will be sent here. ", Code("/subscribe"), " brings it back."))))


def _settings_buttons() -> tuple[tuple[Button, ...], ...]:
    days = tuple(Button(day.capitalize(), f"/settings day {day}") for day in DAYS)
    times = tuple(Button(t, f"/settings time {t}") for t in TIME_CHOICES)
    return days[:4], days[4:], times


def _show_settings(subscription: subs.Subscription, lead: str = "") -> Reply:
    topics = ", ".join(subscription.topics) if subscription.topics else "all debates"
    doc = Doc.of(
        Paragraph(spans(lead + " " if lead else "", "Briefing: ", Bold(_schedule_text(subscription)),
                        ". Topics: ", Bold(topics), ".")),
        Bullets((
            spans(Code("/settings fri 09:00 Europe/Warsaw"), " — day, time and time zone"),
            spans(Code("/settings topics sanctions,prisoners"), " — only debates mentioning these words"),
            spans(Code("/settings topics off"), " — every debate again"),
        )),
    )
    return Reply(doc, buttons=_settings_buttons())


@command("settings", summary="Delivery day, time, time zone and topics for this chat",
         usage="[DAY HH:MM [ZONE] | topics WORDS]", who="subscriber")
def settings(request: Request) -> Reply:
    """Show or change when this chat gets its briefing, and which debates it keeps."""
    db, chat = request.services.db, request.chat
    subscription = subs.get_subscription(db, chat.platform, chat.id)
    assert subscription is not None  # dispatch lets only subscribed chats through
    args = request.args
    if not args:
        return _show_settings(subscription)
    head = args[0].lower()
    if head == "topics":
        words = " ".join(args[1:])
        topics = [] if words.strip().lower() in ("", "off", "all", "none") else [
            w.strip().lower() for w in words.split(",") if w.strip()
        ]
        if len(topics) > MAX_TOPICS:
            return Reply(Doc.of(Paragraph(spans(f"At most {MAX_TOPICS} topic words, please."))))
        subs.update_topics(db, platform=chat.platform, chat_id=chat.id, topics=topics)
    else:
        weekday, hour, minute, zone = subscription.weekday, subscription.hour, subscription.minute, \
            subscription.timezone
        try:
            if head == "day" and len(args) == 2:
                weekday = parse_schedule(f"{args[1]} {hour}:{minute:02d}").weekday
            elif head == "time" and len(args) == 2:
                parsed = parse_schedule(f"{DAYS[weekday]} {args[1]}")
                hour, minute = parsed.hour, parsed.minute
            elif head in ("zone", "tz", "timezone") and len(args) == 2:
                zone = parse_timezone(args[1]).key
            else:
                parsed = parse_schedule(" ".join(args[:2]))
                weekday, hour, minute = parsed.weekday, parsed.hour, parsed.minute
                if len(args) > 2:
                    zone = parse_timezone(args[2]).key
                if len(args) > 3:
                    raise ValueError("too many words; expected DAY HH:MM [ZONE]")
        except ValueError as exc:
            return Reply(Doc.of(Paragraph(spans(
                f"That didn't work: {exc}. ", "Example: ", Code("/settings fri 09:00 Europe/Warsaw")))))
        subs.update_schedule(db, platform=chat.platform, chat_id=chat.id, weekday=weekday, hour=hour,
                             minute=minute, timezone=zone)
    updated = subs.get_subscription(db, chat.platform, chat.id)
    assert updated is not None
    return _show_settings(updated, lead="Saved.")


def _one_figure(request: Request, name: str) -> tuple[int, str] | Reply:
    """The figure the arguments clearly name, or the reply explaining why there is none."""
    if not request.text:
        return Reply(messages.usage(name, "NAME", f"/{name} Latushka"))
    found = lookup_stance(request.services.db, request.text, limit=1)
    if found.report is None:
        return Reply(messages.no_figure(request.text, [m.name for m in found.suggestions]))
    return found.report.figure_id, found.report.name


@command("follow", summary="An alert (at most daily) when this figure speaks or changes side", usage="NAME",
         who="subscriber")
def follow(request: Request) -> Reply:
    """Follow a figure from this chat."""
    chosen = _one_figure(request, "follow")
    if isinstance(chosen, Reply):
        return chosen
    figure_id, name = chosen
    added = subs.follow(request.services.db, platform=request.chat.platform, chat_id=request.chat.id,
                        figure_id=figure_id, now=request.services.clock())
    lead = "Following " if added else "Already following "
    return Reply(Doc.of(Paragraph(spans(
        lead, Bold(name), ". You'll get one short alert a day at most, when they make a new statement or change "
        "side. ", Code(f"/unfollow {name}"), " stops it."))))


@command("unfollow", summary="Stop alerts about a figure", usage="NAME", who="subscriber")
def unfollow(request: Request) -> Reply:
    """Stop following a figure from this chat."""
    chosen = _one_figure(request, "unfollow")
    if isinstance(chosen, Reply):
        return chosen
    figure_id, name = chosen
    removed = subs.unfollow(request.services.db, platform=request.chat.platform, chat_id=request.chat.id,
                            figure_id=figure_id)
    lead = "No more alerts about " if removed else "This chat wasn't following "
    return Reply(Doc.of(Paragraph(spans(lead, Bold(name), "."))))

