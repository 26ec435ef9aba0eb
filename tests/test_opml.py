"""OPML in and out: nested readers' files, duplicates, the per-feed check, and hostile files refused whole."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

from bot.cli import cli
from briefings.errors import OpmlError
from briefings.feeds.importing import import_feeds
from briefings.feeds.opml import MAX_OUTLINES, OpmlFeed, parse_opml, write_opml
from briefings.store import open_database
from briefings.store.feeds import list_feeds
from tests.fakes.feed_server import LOCAL, FeedServer, Route, local_rss

DATA = Path(__file__).parent / "data"
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


@pytest.fixture
def feeds_server() -> Iterator[FeedServer]:
    with FeedServer() as server:
        server.add("/atom.xml", Route(body=local_rss(server.base, title="Atom news")))
        server.add("/rss2.xml", Route(body=local_rss(server.base, title="RSS weekly")))
        yield server  # /gone.xml is a 404


def nested(server: FeedServer) -> bytes:
    return (DATA / "opml" / "nested.opml").read_text().replace("{base}", server.base).encode()


def test_nested_outlines_keep_their_categories_and_skip_web_pages() -> None:
    feeds = parse_opml((DATA / "opml" / "nested.opml").read_bytes())
    assert [(f.url, f.title, f.category) for f in feeds] == [
        ("{base}/atom.xml", "Atom news", ("Belarus",)),
        ("{base}/rss2.xml", "RSS weekly", ("Belarus", "Analysis")),
        ("{base}/atom.xml", "Atom again", ("Belarus", "Analysis")),
        ("{base}/gone.xml", "Gone", ()),
        ("file:///etc/passwd", "Local file", ()),
    ]


def test_written_opml_reads_back_the_same_feeds() -> None:
    rows = [{"url": "https://a.example/feed", "title": "A & B <news>"}, {"url": "https://b.example/rss"}]
    document = write_opml(rows, now=NOW)
    assert document.startswith(b"<?xml") and b'version="2.0"' in document
    assert parse_opml(document) == [OpmlFeed("https://a.example/feed", "A & B <news>"),
                                    OpmlFeed("https://b.example/rss", "https://b.example/rss")]


def test_import_checks_each_feed_once_and_skips_duplicates(fresh_db: Database, feeds_server: FeedServer) -> None:
    lines = [r.describe() for r in import_feeds(fresh_db, parse_opml(nested(feeds_server)), now=NOW, policy=LOCAL)]
    base = feeds_server.base
    assert lines[0].startswith(f"{base}/atom.xml: added, ") and lines[1].startswith(f"{base}/rss2.xml: added, ")
    assert lines[2:] == [
        f"{base}/atom.xml: listed twice, skipped",
        f"{base}/gone.xml: failed: HTTP 404 Not Found",
        "file:///etc/passwd: failed: not a web address (only http and https feeds are imported)",
    ]
    assert {row["url"] for row in list_feeds(fresh_db)} == {f"{base}/atom.xml", f"{base}/rss2.xml"}
    assert sum(seen.path == "/atom.xml" for seen in feeds_server.seen) == 1  # read once, as /addfeed does
    again = [r.describe() for r in import_feeds(fresh_db, parse_opml(nested(feeds_server)), now=NOW, policy=LOCAL)]
    assert again[0] == f"{base}/atom.xml: already polled, skipped"


def hostile_files(tmp_path: Path) -> dict[str, bytes]:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN")
    outline = b'<outline xmlUrl="https://x.example/f"/>'
    return {
        "50,000 outlines": b'<opml version="2.0"><body>' + outline * 50_000 + b"</body></opml>",
        "entity bomb": (b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa">'
                        + b"".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'.encode()
                                   for p, c in zip("abcdefgh", "bcdefghi", strict=True))
                        + b']><opml version="2.0"><body><outline text="&i;" xmlUrl="https://x.example/f"/>'
                        + b"</body></opml>"),
        "XXE": (f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY leak SYSTEM "file://{secret}">]>'
                '<opml version="2.0"><body><outline text="&leak;" xmlUrl="https://x.example/f"/></body></opml>'
                ).encode(),
        "over 10 MB": b'<opml version="2.0"><body>' + b"<!-- padding -->" * (11 * 1024 * 1024 // 16) + outline
                      + b"</body></opml>",
        "not OPML": b'<rss version="2.0"><channel><title>a feed, not a list</title></channel></rss>',
    }


HOSTILE = ["50,000 outlines", "entity bomb", "XXE", "over 10 MB", "not OPML"]
REASONS = {"50,000 outlines": f"more than {MAX_OUTLINES:,} outlines", "entity bomb": "nested entity",
           "XXE": "external entity", "over 10 MB": "over the 2 MB limit", "not OPML": "not an OPML file"}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_opml_is_one_line_and_nothing_is_imported(kind: str, tmp_path: Path, db_path: Path) -> None:
    data = hostile_files(tmp_path)[kind]
    with pytest.raises(OpmlError) as refused:
        parse_opml(data)
    assert REASONS[kind] in str(refused.value) and "\n" not in str(refused.value)
    assert "TOP-SECRET" not in str(refused.value)
    path = tmp_path / "hostile.opml"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["feeds", "import", "--db", str(db_path), str(path)], catch_exceptions=False)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and REASONS[kind] in result.stderr and "Traceback" not in result.output
    assert list_feeds(open_database(db_path)) == []


def test_cli_import_reports_each_feed_exits_1_on_failures_and_export_round_trips(
        feeds_server: FeedServer, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALLOW_PRIVATE_NETWORKS", "true")  # the feeds are served from 127.0.0.1
    listed = tmp_path / "reader.opml"
    listed.write_bytes(nested(feeds_server))
    runner = CliRunner()
    imported = runner.invoke(cli, ["feeds", "import", "--db", str(db_path), str(listed)], catch_exceptions=False)
    assert imported.exit_code == 1  # gone.xml and the file: address failed; the others are kept
    lines = imported.stdout.splitlines()
    assert len([line for line in lines if "added" in line]) == 2 and f"{feeds_server.base}/gone.xml: failed" in lines[3]
    exported = runner.invoke(cli, ["feeds", "export", "--db", str(db_path)], catch_exceptions=False)
    assert exported.exit_code == 0
    assert {f.url for f in parse_opml(exported.stdout.encode())} == {
        f"{feeds_server.base}/atom.xml", f"{feeds_server.base}/rss2.xml"}
    round_trip = tmp_path / "feeds.opml"
    round_trip.write_text(exported.stdout)
    again = runner.invoke(cli, ["feeds", "import", "--db", str(db_path), str(round_trip)], catch_exceptions=False)
    assert again.exit_code == 0 and all("already polled" in line for line in again.stdout.splitlines()[:2])
