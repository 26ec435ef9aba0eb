"""The `briefing-bot` command line: a thin Click layer over the domain.

Each command builds what it needs (settings, database), calls one domain
function and formats the result. Errors a user can cause end in one line on
stderr and a non-zero exit, never a traceback: bad settings exit 2, a command
that could not do all it was asked exits 1.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlite_utils import Database

from bot.commands import Services
from bot.config import Settings, SettingsError, check_database_path, load_settings
from bot.logs import configure_logging
from briefings.compose.model import IsoWeek
from briefings.errors import BriefingsError, StorageError
from briefings.render.doc import Doc
from briefings.store import open_database

logger = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> None:
    """End the command with one line on stderr."""
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


def load(db: Path | None = None, *, check_db: bool = True) -> Settings:
    """Settings from the environment and `.env`, with `--db` applied; exit 2 on a bad value.

    `check_db=False` is for a command that will not open the database.
    """
    try:
        settings = load_settings(**({"briefing_db": db} if db else {}))
        if check_db:
            check_database_path(settings.briefing_db)
    except SettingsError as exc:
        fail(str(exc), 2)
        raise  # unreachable: fail() exits
    secrets = [
        s.get_secret_value()
        for s in (settings.telegram_bot_token, settings.telegram_webhook_secret, settings.slack_bot_token,
                  settings.slack_app_token, settings.slack_signing_secret, settings.llm_api_key)
        if s is not None
    ]
    configure_logging(settings.log_level, secrets=secrets)
    return settings


def db_option(func: F) -> F:
    """Add `--db PATH` to a command (default: the BRIEFING_DB setting)."""
    return click.option(
        "--db", "db", type=click.Path(dir_okay=False, path_type=Path), default=None,
        help="SQLite database file (default: the BRIEFING_DB setting).",
    )(func)


def domain_errors(func: F) -> F:
    """Turn a domain error into one line and exit 1 instead of a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorageError as exc:
            fail(str(exc), 2)
        except BriefingsError as exc:
            fail(str(exc), 1)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing-bot")
def cli() -> None:
    """Weekly stance briefings from newsletter feeds, in Telegram and Slack."""


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--no-full-text", is_flag=True, help="Keep feed teasers; do not fetch full articles.")
@db_option
@domain_errors
def ingest(sources: tuple[str, ...], no_full_text: bool, db: Path | None) -> None:
    """Fetch and store feeds now: URLs or file paths, or the configured feeds.

    Prints one line per source (new stories, unchanged, or the error), then
    frames the new stories and records each figure's statement. Exits 1 if
    any source failed; the others are stored all the same.

    Example: briefing-bot ingest https://example.org/feed.xml ./saved-feed.xml
    """
    from bot.framer import framer_for
    from briefings.feeds import ingest_sources
    from briefings.pipeline import frame_new_stories

    settings = load(db)
    database = open_database(settings.briefing_db)
    chosen = list(sources) or list(settings.briefing_feeds)
    failed = 0
    results = ingest_sources(
        database, chosen, full_text=not no_full_text, poll_minutes=settings.briefing_poll_minutes,
        policy=settings.outbound_policy,
    )
    for result in results:
        click.echo(result.describe())
        failed += not result.ok
    framer, backend = framer_for(settings, database)
    click.echo(frame_new_stories(database, framer=framer, backend=backend).describe())
    if failed:
        sys.exit(1)


@cli.command()
@db_option
@domain_errors
def health(db: Path | None) -> None:
    """Exit 0 when the running service's heartbeat is fresh, 1 with the reason otherwise.

    The Docker HEALTHCHECK runs this; the service beats once a minute.

    Example: briefing-bot health --db /data/briefings.db
    """
    from briefings.store import heartbeat

    settings = load(db)
    if not settings.briefing_db.exists():
        fail(f"no database at {str(settings.briefing_db)!r}: the service has not started", 1)
    status = heartbeat.check(open_database(settings.briefing_db), now=datetime.now(UTC))
    click.echo(status.reason, err=not status.ok)
    sys.exit(0 if status.ok else 1)


@cli.command()
@click.argument("name", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--limit", default=20, show_default=True, help="At most this many stories.")
@db_option
@domain_errors
def stance(name: tuple[str, ...], as_json: bool, limit: int, db: Path | None) -> None:
    """What the stored stories say of one figure: side, role, stance and quotes per story.

    Newest story first, with its date and link, and any move between sides.
    Spelling and transliteration variants find the same figure; exit 1 with
    suggestions when nobody matches.

    Example: briefing-bot stance Tikhanovskaya
    """
    from bot.stance_text import no_figure_line, stance_json, stance_text
    from briefings.stance import lookup_stance

    settings = load(db)
    query = " ".join(name).strip()
    found = lookup_stance(open_database(settings.briefing_db), query, limit=limit)
    if found.report is None:
        fail(no_figure_line(query, found), 1)
    assert found.report is not None
    if as_json:
        click.echo(json.dumps(stance_json(found.report), ensure_ascii=False, indent=2))
    else:
        click.echo(stance_text(found.report, tz=settings.timezone))


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the frame as JSON (stance-frame.schema.json).")
@db_option
@domain_errors
def frame(file: Path, as_json: bool, db: Path | None) -> None:
    """Frame one article: its question, sides, figures with stances, and quotes.

    FILE is plain text, an HTML page, or a saved feed entry (RSS, Atom, JSON
    Feed). Framed by the configured SUMMARISER: with `llm` the model is asked
    (invented people and quotes dropped, the offline frame on any failure or
    timeout), and its answer is cached in `--db` when given; without `--db`
    nothing is stored and BRIEFING_DB is not touched, so trying one article
    never writes into the service's database.

    Example: briefing-bot frame story.txt --json
    """
    from bot.framer import framer_for
    from briefings.framing import load_article

    settings = load(db, check_db=db is not None)
    article = load_article(file)
    framer, _ = framer_for(settings, open_database(db) if db is not None else None)
    result = framer(article.text, article.title)
    if as_json:
        click.echo(result.to_json())
        return
    click.echo(result.title or str(file))
    click.echo(f"Question: {result.question or '(none stated)'}")
    for side in result.sides:
        click.echo(f"Side {side.label}: {side.summary or ''}".rstrip())
    for figure in result.figures:
        click.echo(f"\n{figure.name}" + (f" ({figure.role})" if figure.role else ""))
        click.echo(f"  side: {figure.side or '-'}")
        if figure.stance:
            click.echo(f"  stance: {figure.stance}")
        for quote in figure.quotes:
            click.echo(f"  \u201c{quote}\u201d")


def services_for(settings: Settings, database: Database) -> Services:
    """What chat commands need, from the settings and an open database."""
    return Services(
        db=database, schedule=settings.schedule, timezone=settings.timezone,
        clock=lambda: datetime.now(UTC), feeds=tuple(settings.briefing_feeds), outbound=settings.outbound_policy,
    )


@cli.command()
@click.option("--no-chat", is_flag=True, help="Print the briefing and exit; no console chat.")
@db_option
@domain_errors
def demo(no_chat: bool, db: Path | None) -> None:
    """Show the whole product offline: the sample newsletter framed into this week's briefing, then a chat.

    Loads the sample feed shipped in the package (fictional people) into a
    throw-away database (or `--db`), frames every story, prints the newest
    week's briefing, and opens a console chat where every reader command works.

    Example: briefing-bot demo --no-chat
    """
    import tempfile

    from rich.console import Console

    from bot.commands import Reply, Sender
    from bot.console import admin_greeting, console_greeting, run_console, show
    from briefings.compose import compose_briefing, latest_week
    from briefings.feeds import ingest_sources
    from briefings.pipeline import frame_new_stories
    from briefings.render.briefing import briefing_doc
    from briefings.sample import SAMPLE_FEED

    settings = load(db)
    if settings.log_level == "INFO":
        logging.getLogger().setLevel(logging.WARNING)  # the demo's output is the briefing, not the log
    console = Console()
    with tempfile.TemporaryDirectory(prefix="briefing-demo-") as folder:
        if db is not None:
            console.print(f"Writing the sample newsletter into {db} (its stories and frames stay there).",
                          markup=False, highlight=False)
        database = open_database(db or Path(folder) / "demo.db")
        with console.status("Reading the sample newsletter and framing its stories…"):
            for result in ingest_sources(database, [str(SAMPLE_FEED)], full_text=False):
                if not result.ok:
                    fail(f"sample feed: {result.error}", 1)
            run = frame_new_stories(database)
        console.print(f"[dim]Sample newsletter (fictional people): {run.describe()}.[/dim]")
        now = datetime.now(UTC)
        week = latest_week(database, tz=settings.timezone, now=now)
        show(Reply(briefing_doc(compose_briefing(database, week=week, tz=settings.timezone))), console)
        if no_chat:
            return
        console.rule()
        # Admin only of the throw-away database: in a --db FILE, a confirmed /brief_now would queue real chats.
        greeting = console_greeting(variant_spelling(database))
        run_console(
            services=services_for(settings, database), sender=Sender(id="demo", name="you", is_admin=db is None),
            stdin=sys.stdin, console=console,
            greeting=greeting if db is not None else greeting + admin_greeting(),
        )


def variant_spelling(database: Database) -> str | None:
    """A surname as another story spells it, so the demo can show `/stance` finding it."""
    row = database.execute(
        "SELECT a.alias FROM figure_aliases a JOIN figures f ON f.id = a.figure_id "
        "WHERE a.alias != f.name AND instr(a.alias, ' ') > 0 "
        "ORDER BY (SELECT count(*) FROM statements s WHERE s.figure_id = f.id) DESC LIMIT 1"
    ).fetchone()
    return str(row[0]).split()[-1] if row else None


@cli.command()
@click.option("--week", "week_text", metavar="YYYY-Www", help="ISO week (default: the newest week with stories).")
@click.option("--format", "fmt", type=click.Choice(["text", "telegram", "slack", "markdown"]), default="text",
              show_default=True, help="Render as that platform would receive it.")
@db_option
@domain_errors
def preview(week_text: str | None, fmt: str, db: Path | None) -> None:
    """Compose a week's briefing from stored stories and print it as a platform would receive it.

    `telegram` prints the HTML messages (each within Telegram's 4096-character
    limit), `slack` the Block Kit messages as JSON, `markdown` Markdown.

    Example: briefing-bot preview --week 2026-W48 --format telegram
    """
    from briefings.compose import compose_briefing
    from briefings.render.briefing import briefing_doc

    settings = load(db)
    database = open_database(settings.briefing_db)
    week = chosen_week(database, settings, week_text)
    doc = briefing_doc(compose_briefing(database, week=week, tz=settings.timezone))
    click.echo(render_doc(doc, fmt))


def chosen_week(database: Database, settings: Settings, week_text: str | None) -> IsoWeek:
    """The week `--week` names, or the newest week with stories; exit 2 on a malformed week."""
    from briefings.compose import latest_week, parse_week

    try:
        return parse_week(week_text) if week_text else latest_week(
            database, tz=settings.timezone, now=datetime.now(UTC))
    except ValueError as exc:
        fail(f"--week: {exc}", 2)
        raise


def render_doc(doc: Doc, fmt: str) -> str:
    """A document in one of the preview formats."""
    from briefings.render.markdown import to_markdown
    from briefings.render.slack import to_slack_messages
    from briefings.render.telegram import to_telegram_html
    from briefings.render.terminal import to_plain_text

    if fmt == "telegram":
        chunks = to_telegram_html(doc)
        return "\n\n".join(
            f"--- message {i} of {len(chunks)} ({len(chunk)} characters) ---\n{chunk}"
            for i, chunk in enumerate(chunks, start=1)
        )
    if fmt == "slack":
        return json.dumps([m.as_kwargs() for m in to_slack_messages(doc)],
                          ensure_ascii=False, indent=2)
    if fmt == "markdown":
        return to_markdown(doc)
    return to_plain_text(doc)


@cli.command()
@db_option
@domain_errors
def run(db: Path | None) -> None:
    """Run the service: chat adapters for every platform whose token is set, the feed poller and the schedule.

    Needs TELEGRAM_BOT_TOKEN and/or SLACK_BOT_TOKEN (see .env.example). Stops
    cleanly on SIGTERM or Ctrl-C: deliveries in flight finish, the rest wait in
    the queue for the next start.

    Example: briefing-bot run --db /data/briefings.db
    """
    import asyncio

    from bot.errors import PlatformAuthError
    from bot.service import NoPlatformError, serve

    settings = load(db)
    try:
        asyncio.run(serve(settings))
    except (NoPlatformError, PlatformAuthError, SettingsError) as exc:
        fail(str(exc), 2)


@cli.command()
@click.option("--week", "week_text", metavar="YYYY-Www", help="ISO week (default: the newest week with stories).")
@click.option("--yes", is_flag=True, help="Send without asking for confirmation.")
@db_option
@domain_errors
def broadcast(week_text: str | None, yes: bool, db: Path | None) -> None:
    """Compose a week's briefing and deliver it now to every subscriber, with progress and final counts.

    Goes through the same delivery ledger as the schedule and /brief_now, within
    each platform's rate limits. Interrupted (Ctrl-C, a crash), it resumes where
    it stopped when run again for the same week: nobody gets it twice.

    Example: briefing-bot broadcast --week 2026-W48 --yes
    """
    import asyncio

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from bot.errors import PlatformAuthError, PlatformUnreachable
    from bot.service import NoPlatformError, broadcast_now
    from briefings.store.subscriptions import subscription_counts

    settings = load(db)
    database = open_database(settings.briefing_db)
    week = chosen_week(database, settings, week_text)
    audience = sum(n for kind, n in subscription_counts(database).items() if kind != "ended")
    if not yes:
        click.confirm(f"Send the {week} briefing to {audience} subscribed chats now?", abort=True, err=True)
    columns = (TextColumn("delivering {task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task(str(week), total=None)
        try:
            counts = asyncio.run(broadcast_now(
                settings, key=f"manual:{week}:cli",
                on_total=lambda total: bar.update(task, total=total),
                progress=lambda done: bar.advance(task, done),
            ))
        except (NoPlatformError, PlatformAuthError) as exc:
            fail(str(exc), 2)
            raise
        except PlatformUnreachable as exc:
            fail(str(exc), 1)
            raise
    click.echo(f"{week}: {counts['sent']} delivered, {counts['failed']} failed, {counts['skipped']} skipped"
               + (f", {counts['queued'] + counts['sending']} still queued (run again to resume)"
                  if counts["queued"] + counts["sending"] else ""))
    if counts["failed"]:
        sys.exit(1)


@cli.group()
def feeds() -> None:
    """Move the polled feeds in and out as OPML, the format feed readers export and import."""


@feeds.command("export")
@db_option
@domain_errors
def feeds_export(db: Path | None) -> None:
    """Print every polled web feed (local file paths are left out) as an OPML 2.0 document.

    Example: briefing-bot feeds export > feeds.opml
    """
    from briefings.feeds.opml import write_opml
    from briefings.store.feeds import web_feeds

    settings = load(db)
    database = open_database(settings.briefing_db)
    click.echo(write_opml(web_feeds(database), now=datetime.now(UTC)).decode(), nl=False)


@feeds.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@domain_errors
def feeds_import(file: Path, db: Path | None) -> None:
    """Add the feeds of an OPML file (nested categories too), reading each once before keeping it.

    Prints one line per feed (added, already polled, listed twice, or the
    error), then frames the new stories. A file that is too large, has too
    many outlines or declares entities is refused whole with nothing imported.
    Exits 1 if the file or any feed failed.

    Example: briefing-bot feeds import ~/Downloads/feedly.opml
    """
    from bot.framer import framer_for
    from briefings.feeds.importing import import_feeds
    from briefings.feeds.opml import MAX_OPML_BYTES, check_size, parse_opml
    from briefings.pipeline import frame_new_stories

    settings = load(db)
    try:
        check_size(file.stat().st_size)
        data = file.read_bytes()[:MAX_OPML_BYTES + 1]  # the file may grow between stat and read
    except OSError as exc:
        fail(f"cannot read {str(file)!r}: {exc.strerror or exc}")
    listed = parse_opml(data)
    database = open_database(settings.briefing_db)
    failed = 0
    for result in import_feeds(database, listed, now=datetime.now(UTC), poll_minutes=settings.briefing_poll_minutes,
                               policy=settings.outbound_policy):
        click.echo(result.describe())
        failed += result.failed
    framer, backend = framer_for(settings, database)
    click.echo(frame_new_stories(database, framer=framer, backend=backend).describe())
    if failed:
        sys.exit(1)


def main() -> None:
    """Entry point of the console script and `python -m bot`."""
    cli(prog_name="briefing-bot")


if __name__ == "__main__":
    main()
