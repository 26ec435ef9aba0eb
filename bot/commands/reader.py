"""Commands any reader can use: help, the latest briefing, a figure's stance, who is tracked."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot import messages
from bot.commands.core import Reply, Request, command, commands
from briefings.compose import Briefing, compose_briefing, latest_week
from briefings.render.briefing import briefing_doc
from briefings.render.doc import Bold, Bullets, Code, Context, Doc, Heading, Paragraph, spans
from briefings.render.stance import stance_doc
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


def latest_briefing(request: Request) -> Briefing:
    """The newest week's briefing, in this chat's time zone when it set one."""
    services = request.services
    subscription = get_subscription(services.db, request.chat.platform, request.chat.id)
    tz = ZoneInfo(subscription.timezone) if subscription is not None else services.timezone
    week = latest_week(services.db, tz=tz, now=services.clock())
    return compose_briefing(services.db, week=week, tz=tz)


@command("latest", summary="The latest briefing, now")
def latest(request: Request) -> Reply:
    """Compose and show the newest week's briefing."""
    return Reply(briefing_doc(latest_briefing(request)))


@command("stance", summary="A figure's stance, with quotes, sources and how it changed", usage="NAME")
def stance(request: Request) -> Reply:
    """Look the figure up (any spelling) and show their positions, newest first."""
    if not request.text:
        return Reply(messages.usage("stance", "NAME", "/stance Latushka"))
    found = lookup_stance(request.services.db, request.text)
    if found.report is None:
        return Reply(messages.no_figure(request.text, [m.name for m in found.suggestions], found.mentions))
    return Reply(stance_doc(found.report))


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
        doc += Doc.of(Heading(debate.question, level=2))
        doc += Doc.of(Bullets(tuple(
            spans(Bold(side.label), ": ", ", ".join(f.name for f in side.figures)) for side in debate.sides
        )))
    doc += Doc.of(Context(spans(
        f"{tracked} figures tracked in all. Ask ", Code("/stance NAME"), " for anyone's positions.")))
    return Reply(doc)
