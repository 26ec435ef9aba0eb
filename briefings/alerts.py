"""Follow alerts: a short note to a chat when a figure it follows makes a new statement or changes side.

At most one alert a day per chat, batching every followed figure's news since
the last one, so following ten people never means ten pings. "New" means
framed since the chat was last told, so a late-arriving story still counts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from briefings.framing.folding import fold
from briefings.render.doc import Block, Bold, Context, Doc, Heading, Link, Paragraph, Quote, quoted, spans

ALERT_INTERVAL = timedelta(days=1)
STATEMENTS_PER_FIGURE = 2


@dataclass(frozen=True)
class NewStatement:
    """A followed figure's statement the chat has not been told about."""

    name: str
    side: str | None
    previous_side: str | None
    stance: str | None
    quote: str | None
    title: str | None
    link: str | None


@dataclass(frozen=True)
class FollowAlert:
    """What one chat should hear about, and up to when."""

    platform: str
    chat_id: str
    news: list[NewStatement]
    through: datetime


def due_alerts(db: Database, *, now: datetime, interval: timedelta = ALERT_INTERVAL) -> list[FollowAlert]:
    """Chats last alerted at least `interval` ago whose followed figures have new statements."""
    stamp = now.astimezone(UTC).isoformat()
    rows = db.execute(
        """
        SELECT w.platform, w.chat_id, w.figure_id, w.alerted_through, s.name,
               (SELECT d.name FROM debate_positions p JOIN debate_sides d ON d.debate_id = p.debate_id
                AND d.side = p.side WHERE p.story_id = s.story_id AND p.figure_id = s.figure_id) AS side,
               s.stance, s.quotes, st.title, st.link, f.framed_at,
               (SELECT d.name FROM debate_moves m JOIN debate_sides d ON d.debate_id = m.debate_id
                AND d.side = m.from_side WHERE m.after_story = s.story_id AND m.figure_id = s.figure_id
                LIMIT 1) AS previous_side
        FROM follows w
        JOIN subscriptions sub ON sub.platform = w.platform AND sub.chat_id = w.chat_id AND sub.active = 1
        JOIN statements s ON s.figure_id = w.figure_id
        JOIN frames f ON f.story_id = s.story_id
        LEFT JOIN stories st ON st.id = s.story_id
        WHERE f.framed_at > w.alerted_through AND f.framed_at <= ?
          AND (s.side IS NOT NULL OR s.quotes != '[]')
        ORDER BY w.platform, w.chat_id, s.name, s.published DESC
        """,
        [stamp],
    ).fetchall()
    last_alert = {
        (str(p), str(c)): datetime.fromisoformat(t)
        for p, c, t in db.execute(
            "SELECT platform, chat_id, max(last_alert_at) FROM follows WHERE last_alert_at IS NOT NULL "
            "GROUP BY platform, chat_id").fetchall()
    }
    news: dict[tuple[str, str], list[NewStatement]] = defaultdict(list)
    shown: dict[tuple[str, str, int], int] = defaultdict(int)
    for platform, chat, figure_id, _, name, side, stance, quotes, title, link, _, previous in rows:
        key = (str(platform), str(chat))
        if key in last_alert and now - last_alert[key] < interval:
            continue
        if shown[(*key, figure_id)] >= STATEMENTS_PER_FIGURE:
            continue
        shown[(*key, figure_id)] += 1
        first_quote = next(iter(json.loads(quotes or "[]")), None)
        news[key].append(NewStatement(name=name, side=side, previous_side=previous, stance=stance,
                                      quote=first_quote, title=title, link=link))
    return [FollowAlert(platform=p, chat_id=c, news=items, through=now) for (p, c), items in news.items()]


def mark_alerted(db: Database, *, platform: str, chat_id: str, through: datetime) -> None:
    """The chat has been told everything up to `through`."""
    with db.conn:
        stamp = through.astimezone(UTC).isoformat()
        db.conn.execute("UPDATE follows SET alerted_through = ?, last_alert_at = ? WHERE platform = ? AND chat_id = ?",
                        [stamp, stamp, platform, chat_id])


def moved(statement: NewStatement) -> bool:
    """Whether this statement is one `briefings.debates` recorded as a move (its previous side is set only then)."""
    return bool(statement.side and statement.previous_side and fold(statement.side) != fold(statement.previous_side))


def alert_doc(alert: FollowAlert) -> Doc:
    """The alert as a short document: who said what, who changed side, with sources."""
    blocks: list[Block] = [Heading("News from the figures you follow", level=2)]
    for item in alert.news:
        lead = spans(Bold(item.name))
        if moved(item):
            lead += spans(f" changed side: {item.previous_side} → {item.side}.")
        elif item.side:
            lead += spans(f" ({item.side})")
        if item.stance:
            lead += spans(" ", item.stance)
        blocks.append(Paragraph(lead))
        if item.quote:
            blocks.append(Quote(quoted(item.quote)))
        if item.link:
            blocks.append(Context(spans(Link(item.title or "source", item.link))))
    blocks.append(Context(spans("At most one alert a day. /unfollow NAME stops them.")))
    return Doc(blocks=tuple(blocks))
