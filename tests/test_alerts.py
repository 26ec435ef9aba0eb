"""Follow alerts: new statements and side changes, batched, at most one a day per chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from briefings import registry
from briefings.alerts import alert_doc, due_alerts, mark_alerted
from briefings.debates import update_debates
from briefings.framing.model import FigureFrame, StanceFrame
from briefings.render.doc import doc_text
from briefings.store.statements import save_frame
from briefings.store.subscriptions import follow, subscribe

T0 = datetime(2026, 11, 20, 9, tzinfo=UTC)


def story(
    db: Database, story_id: str, when: datetime, *figures: FigureFrame, published: datetime | None = None
) -> None:
    """A story framed at `when` (published then too, unless `published` says otherwise)."""
    published = published or when
    db.table("stories").insert({"id": story_id, "title": f"Story {story_id}", "link": f"https://example.org/{story_id}",
                                "published": published.isoformat()})
    save_frame(db, story_id=story_id, frame=StanceFrame(figures=list(figures)), published=published, now=when)
    update_debates(db, now=when)  # what framing does next: sides and moves are debate-level


def test_new_statement_and_side_change_alert_once_a_day(fresh_db: Database) -> None:
    # a move is between weeks: her earlier statement is from the week before
    story(fresh_db, "a", T0, FigureFrame(name="Lena Ostrova", side="pressure", quotes=["Keep the sanctions."]),
          published=T0 - timedelta(days=7))
    subscribe(fresh_db, platform="telegram", chat_id="1", kind="private", title=None, weekday=0, hour=8, minute=0,
              timezone="UTC", now=T0)
    figure = registry.resolve(fresh_db, "Lena Ostrova")
    follow(fresh_db, platform="telegram", chat_id="1", figure_id=figure, now=T0 + timedelta(hours=1))
    assert due_alerts(fresh_db, now=T0 + timedelta(hours=2)) == []  # nothing new since following

    story(fresh_db, "b", T0 + timedelta(hours=3),
          FigureFrame(name="Lena Ostrova", side="engagement", stance="Now backs talks.", quotes=["Talk to them."]))
    [alert] = due_alerts(fresh_db, now=T0 + timedelta(hours=4))
    text = doc_text(alert_doc(alert))
    assert "Lena Ostrova changed side: pressure → engagement." in text and "“Talk to them.”" in text
    mark_alerted(fresh_db, platform="telegram", chat_id="1", through=alert.through)

    story(fresh_db, "c", T0 + timedelta(hours=5), FigureFrame(name="Lena Ostrova", side="engagement",
                                                             quotes=["Still talking."]))
    assert due_alerts(fresh_db, now=T0 + timedelta(hours=6)) == []  # at most one a day
    [later] = due_alerts(fresh_db, now=T0 + timedelta(hours=29))
    assert "Still talking." in doc_text(alert_doc(later)) and "changed side" not in doc_text(alert_doc(later))


def test_unsubscribed_chats_get_no_alerts(fresh_db: Database) -> None:
    from briefings.store.subscriptions import unsubscribe

    subscribe(fresh_db, platform="slack", chat_id="C1", kind="group", title=None, weekday=0, hour=8, minute=0,
              timezone="UTC", now=T0)
    story(fresh_db, "a", T0, FigureFrame(name="Pavo Rinn", side="for"))
    follow(fresh_db, platform="slack", chat_id="C1", figure_id=registry.resolve(fresh_db, "Pavo Rinn"), now=T0)
    story(fresh_db, "b", T0 + timedelta(hours=1), FigureFrame(name="Pavo Rinn", side="for", quotes=["Yes."]))
    unsubscribe(fresh_db, platform="slack", chat_id="C1", reason="test", now=T0)
    assert due_alerts(fresh_db, now=T0 + timedelta(hours=2)) == []
