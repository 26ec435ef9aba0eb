"""Every user-facing sentence the chat side says, in one place, so the copy can be read and tested whole."""

from __future__ import annotations

from briefings.render.doc import Bold, Bullets, Code, Doc, Heading, Link, Paragraph, Span, spans
from briefings.render.words import cut
from briefings.store.search import Mentions

START_PRIVATELY = "Open a private chat with me and press Start first, so I can send you the details."
ECHO_LIMIT = 40  # what a user typed, said back: long enough to recognise, too short to flood a chat

PRODUCT = "briefing-bot"
INTRO = (
    "Once a week I send a stance briefing: the questions the newsletters argued about, "
    "the sides, who stands where in their own words, and who changed position."
)


def unknown_command(name: str) -> Doc:
    return Doc.of(Paragraph(spans("I don't know ", Code(f"/{cut(name, ECHO_LIMIT)}"), ". Send ", Code("/help"),
                                  " for the commands.")))


def bad_story_number(given: str, debates: int | None) -> Doc:
    """`/story N` with an N that names no debate: one line saying which numbers there are."""
    if debates is None:
        return Doc.of(Paragraph(spans(Bold(cut(given, ECHO_LIMIT)), " is not a week like ", Code("2026-W48"), ".")))
    if debates == 0:
        return Doc.of(Paragraph(spans("No debates in the latest briefing, so no ", Code("/story"),
                                      " to show yet.")))
    return Doc.of(Paragraph(spans("No debate ", Bold(cut(given, ECHO_LIMIT)), " in the latest briefing; it has ",
                                  f"{debates}: try ", Code("/story 1"),
                                  "." if debates == 1 else f" to /story {debates}.")))


def plain_text_hint() -> Doc:
    return Doc.of(Paragraph(spans(
        "I answer commands. Try ", Code("/stance NAME"), " for a figure's position, or ", Code("/help"), ".")))


def admin_only(name: str) -> Doc:
    return Doc.of(Paragraph(spans(
        "Sorry, ", Code(f"/{name}"), " is for the bot's admins. Nothing was changed.")))


def group_admin_only(name: str) -> Doc:
    return Doc.of(Paragraph(spans(
        "Only this group's admins can use ", Code(f"/{name}"), " here.")))


def usage(name: str, usage_text: str, example: str) -> Doc:
    return Doc.of(Paragraph(spans("Usage: ", Code(f"/{name} {usage_text}".strip()), ", e.g. ", Code(example))))


def error_reply() -> Doc:
    return Doc.of(Paragraph(spans(
        "Something went wrong on my side; it has been logged. Please try again in a minute.")))


def not_subscribed() -> Doc:
    return Doc.of(Paragraph(spans("This chat is not subscribed. Send ", Code("/subscribe"), " first.")))


def no_figure(query: str, suggestions: list[str], mentions: Mentions | None = None) -> Doc:
    if suggestions:
        doc = Doc.of(Paragraph(spans(
            "No figure clearly matches ", Bold(cut(query, ECHO_LIMIT)), ". Did you mean: ",
            ", ".join(cut(s) for s in suggestions), "?")))
        return doc + mentioned(mentions, lead=()) if mentions and mentions.total else doc
    if mentions and mentions.total:
        return mentioned(mentions, lead=spans("No figure named ", Bold(cut(query, ECHO_LIMIT)), "; "))
    return Doc.of(Paragraph(spans(
        "Nobody called ", Bold(cut(query, ECHO_LIMIT)), " appears in the stories so far. ", Code("/figures"),
        " lists who is tracked.")))


def mentioned(mentions: Mentions, *, lead: tuple[Span, ...]) -> Doc:
    """`N stories mention it:` and the newest of them, linked, with their dates."""
    count = f"{mentions.total} {'story mentions' if mentions.total == 1 else 'stories mention'} it"
    more = mentions.total - len(mentions.stories)
    items = tuple(spans(Link(hit.title, hit.link) if hit.link else hit.title,
                        f" ({hit.published.date().isoformat()})" if hit.published else "")
                  for hit in mentions.stories)
    return Doc.of(Paragraph(lead + spans(count + ":")), Bullets(items)) + (
        Doc.of(Paragraph(spans(f"and {more} more."))) if more > 0 else Doc())


def welcome() -> Doc:
    return Doc.of(Heading(PRODUCT), Paragraph(spans(INTRO)))


def slack_home() -> Doc:
    return Doc.of(
        Heading(PRODUCT),
        Paragraph(spans(INTRO)),
        Paragraph(spans(
            Bold("Get it in a channel: "), "invite me there (", Code("/invite @briefing-bot"), "), then type ",
            Code("/subscribe"), " in that channel. ", Code("/settings"), " changes the day and time; ",
            Code("/help"), " lists every command.")),
    )


def slack_home_truncated() -> Doc:
    return Doc.of(Paragraph(spans("The briefing goes on; ", Code("/latest"), " shows all of it.")))


def slack_cannot_post() -> Doc:
    return Doc.of(Paragraph(spans(
        "I can't post in this conversation, so only you see this. Invite me (", Code("/invite @briefing-bot"),
        ") to get answers and briefings here.")))


def channel_lost(title: str, reason: str) -> Doc:
    """Told to the admin who linked a channel, once, when delivery finds the bot can no longer post there."""
    return Doc.of(Paragraph(spans(
        Bold("Channel unlinked: "), f"I can no longer post in {title} ({reason}), so it gets no more briefings. "
        "Make me an admin who may post messages there again, then ", Code("/channel add"), " it.")))
