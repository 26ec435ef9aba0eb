"""`/export` and `/import`: the polled feeds as an OPML file, out to a feed reader and in from one.

The same domain calls as `briefing-bot feeds export|import`: a hostile or
oversized file is refused in one line with nothing imported; otherwise every
feed is checked by reading it once and gets one line of the summary.
"""

from __future__ import annotations

import logging

from bot.commands.core import Attachment, Reply, Request, command
from briefings.errors import OpmlError
from briefings.feeds.importing import import_feeds
from briefings.feeds.opml import check_size, parse_opml, write_opml
from briefings.pipeline import frame_new_stories
from briefings.render.doc import Bold, Bullets, Code, Doc, Paragraph, spans
from briefings.store.feeds import web_feeds

logger = logging.getLogger(__name__)

OPML_MIME = "text/x-opml"


@command("export", summary="The polled feeds as an OPML file, for a feed reader", who="admin")
def export(request: Request) -> Reply:
    """Send every web feed in the table as OPML 2.0 (a local file path means nothing to a feed reader)."""
    feeds = web_feeds(request.services.db)
    content = write_opml(feeds, now=request.services.clock())
    return Reply(Doc.of(Paragraph(spans(f"{len(feeds)} {'feed' if len(feeds) == 1 else 'feeds'} as OPML; ",
                                        "send it back with the caption ", Code("/import"), " to add them."))),
                 attachment=Attachment("feeds.opml", content, size=len(content), mime=OPML_MIME))


@command("import", summary="Add the feeds of an OPML file sent with this caption (each read once)", who="admin")
def import_(request: Request) -> Reply:
    """Import the attached OPML file: refuse it whole or report one line per feed."""
    attachment = request.attachment
    if attachment is None:
        return Reply(Doc.of(Paragraph(spans(
            "Send me an OPML file (a feed reader's export) with the caption ", Code("/import"),
            " in Telegram; elsewhere the shell's ", Code("briefing-bot feeds import FILE"), " does the same."))))
    try:
        check_size(attachment.size)  # the adapter does not download a file over the limit
        feeds = parse_opml(attachment.content)
    except OpmlError as exc:
        logger.warning("admin %s: %s: %s", request.sender.id, attachment.filename, exc)
        return Reply(Doc.of(Paragraph(spans(f"{attachment.filename}: ", Bold(str(exc)), "; nothing was imported."))))
    services = request.services
    results = list(import_feeds(services.db, feeds, now=services.clock(), policy=services.outbound))
    framed = frame_new_stories(services.db, framer=services.framer, backend=services.framer_backend)
    added, failed = sum(r.outcome == "added" for r in results), sum(r.failed for r in results)
    logger.info("admin %s imported %s: %d added, %d failed", request.sender.id, attachment.filename, added, failed)
    head = Paragraph(spans(Bold(f"Imported {attachment.filename}: "),
                           f"{added} added, {failed} failed, {len(results) - added - failed} skipped; "
                           f"{framed.statements} statements."))
    lines = tuple(spans(r.describe()) for r in results)
    return Reply(Doc.of(head, Bullets(lines)) if lines else Doc.of(head))
