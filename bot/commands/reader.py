"""Commands any reader can use: help, the latest briefing, a figure's stance, who is tracked."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot import messages
from bot.commands.core import Reply, Request, command, commands
from briefings.compose import Briefing, IsoWeek, compose_briefing, latest_week, parse_week
from briefings.compose.topics import filter_topics
from briefings.render.briefing import briefing_doc
from briefings.render.detail import detail_doc
from briefings.render.doc import Bold, Bullets, Code, Context, Doc, Heading, Paragraph, spans
from briefings.render.stance import stance_doc
from briefings.render.words import cut, headline
from briefings.stance import lookup_stance
from briefings.store.subscriptions import get_subscription

WHO_LABEL = {"anyone": "", "chat_admin": "", "subscriber": " (subscribers)", "admin": " (admins)"}


@command("help", summary="What I do and my commands", aliases=("start",))
def help_(request: Request) -> Reply:
    """List the commands this sender can use, with a line each."""
    items = tuple(
        spans(Code(f"/{c.name}" + (f" {c.usage}" if c.usage else "")), f" — {c.summary}{WHO_LABEL[c.who]}")
        for c in commands()
        if c.who != "admin" or request.sender.is_admin
    )
    return Reply(messages.welcome() + Doc.of(Heading("Commands", level=2), Bullets(items)))


def chat_zone(request: Request) -> ZoneInfo:
    """The chat's own time zone (its `/settings`), else the service's default."""
    subscription = get_subscription(request.services.db, request.chat.platform, request.chat.id)
    if subscription is None or not subscription.timezone:
        return request.services.timezone
    return ZoneInfo(subscription.timezone)


def latest_briefing(request: Request, week: IsoWeek | None = None) -> Briefing:
    """The week's briefing (the newest by default) as this chat gets it: in its time zone, its topics only."""
    services = request.services
    subscription = get_subscription(services.db, request.chat.platform, request.chat.id)
    tz = ZoneInfo(subscription.timezone) if subscription is not None and subscription.timezone else services.timezone
    topics = tuple(subscription.topics) if subscription is not None else ()
    week = week or latest_week(services.db, tz=tz, now=services.clock())
    return filter_topics(compose_briefing(services.db, week=week, tz=tz), topics)


@command("latest", summary="The latest briefing, now")
def latest(request: Request) -> Reply:
    """Compose and show the newest week's digest, with a "More" button per debate."""
    return Reply(briefing_doc(latest_briefing(request)))


@command("story", summary="One debate of the latest briefing in full: every figure, quote and source",
         usage="N")
def story(request: Request) -> Reply:
    """Debate N of the latest digest (buttons send `/story WEEK N` for the week they were sent with)."""
    args = request.args
    week: IsoWeek | None = None
    if len(args) == 2:
        try:
            week = parse_week(args[0])
        except ValueError:
            return Reply(messages.bad_story_number(args[0], None))
        args = args[1:]
    if len(args) != 1:
        return Reply(messages.usage("story", "N", "/story 1"))
    briefing = latest_briefing(request, week)
    if not args[0].isdigit() or not 1 <= int(args[0]) <= len(briefing.debates):
        return Reply(messages.bad_story_number(args[0], len(briefing.debates)))
    return Reply(detail_doc(briefing, int(args[0])), personal=True)


@command("stance", summary="A figure's stance, with quotes, sources and how it changed", usage="NAME")
def stance(request: Request) -> Reply:
    """Look the figure up (any spelling) and show their positions, newest first."""
    if not request.text:
        return Reply(messages.usage("stance", "NAME", "/stance Latushka"))
    found = lookup_stance(request.services.db, request.text)
    if found.report is None:
        return Reply(messages.no_figure(request.text, [m.name for m in found.suggestions], found.mentions))
    return Reply(stance_doc(found.report, tz=chat_zone(request)))


@command("figures", summary="Who the briefings track, by side")
def figures(request: Request) -> Reply:
    """The figures of the latest briefing's debates, side by side, and how many are tracked in all."""
    db = request.services.db
    briefing = latest_briefing(request)
    tracked = int(db.execute("SELECT count(DISTINCT figure_id) FROM statements WHERE side IS NOT NULL").fetchone()[0])
    doc = Doc.of(Heading(f"Who stands where ({briefing.week})", level=1))
    if briefing.quiet:
        doc += Doc.of(Paragraph(spans("No debate in the latest stories yet.")))
    for debate in briefing.debates:
        doc += Doc.of(Heading(headline(debate), level=2))
        doc += Doc.of(Bullets(tuple(
            spans(Bold(cut(side.label)), ": ", ", ".join(cut(f.name) for f in side.figures)) for side in debate.sides
        )))
    doc += Doc.of(Context(spans(
        f"{tracked} figures tracked in all. Ask ", Code("/stance NAME"), " for anyone's positions.")))
    return Reply(doc)
