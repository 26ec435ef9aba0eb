"""Parsing: every sample format, text and dates, not-a-feed errors, and the XML attacks."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
from pathlib import Path

import feedparser
import pytest

from briefings.errors import FeedError
from briefings.feeds import html_to_text, parse_feed
from briefings.feeds.identity import content_hash, guid_key, link_key, story_id
from briefings.feeds.safety import unsafe_entities

DATA = Path(__file__).parent / "data" / "feeds"
SAMPLES = sorted(p for p in DATA.iterdir() if p.suffix in (".xml", ".json") and ".expect" not in p.name)


def billion_laughs(levels: int = 9, one_line: bool = False) -> bytes:
    """The classic entity bomb: each level repeats the previous one ten times."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE rss [", '<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    lines += [
        "]>",
        f'<rss version="2.0"><channel><title>t</title><item><title>&lol{levels};</title>'
        f"<guid>1</guid><description>&lol{levels};</description></item></channel></rss>",
    ]
    return ("" if one_line else "\n").join(lines).encode()


def xxe(secret: Path, *, one_line: bool = False, parameter: bool = False) -> bytes:
    """A feed that asks the parser to paste a local file into an entry."""
    subset = (
        f'<!ENTITY % p SYSTEM "file://{secret}">\n%p;' if parameter else f'<!ENTITY xxe SYSTEM "file://{secret}">'
    )
    sep = "" if one_line else "\n"
    return sep.join(
        [
            '<?xml version="1.0"?>',
            f"<!DOCTYPE rss [{sep}{subset}{sep}]>",
            '<rss version="2.0"><channel><title>t</title><item><title>a &xxe;</title><guid>x1</guid>'
            "<description>before &xxe; after</description></item></channel></rss>",
        ]
    ).encode()


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_feeds_parse_as_expected(path: Path) -> None:
    expected = json.loads(path.with_name(path.stem + ".expect.json").read_text())
    parsed = parse_feed(path.read_bytes(), url="https://example.org/feed")
    assert len(parsed.entries) == expected["entries"]
    assert parsed.title == expected["title"]
    assert bool(parsed.warning) == expected.get("warning", False)
    first = parsed.entries[0]
    for field, value in expected["first"].items():
        assert getattr(first, field) == value, field
    assert parsed.entries[-1].published == expected["last_published"]
    for entry in parsed.entries:
        assert "<" not in entry.title and "<p>" not in entry.summary + entry.content
        assert entry.published is None or entry.published.endswith("+00:00")


def test_content_is_clean_text_without_scripts() -> None:
    entry = parse_feed((DATA / "rss2.xml").read_bytes()).entries[0]
    assert entry.content == (
        "Councillor Mira Olsen said the old bridge must close for repairs this summer.\n\n"
        "Councillor Tomas Vale disagreed: \u201cClosing it cuts the market in half,\u201d he said."
    )
    assert entry.summary == "Two councillors disagree on repairs."
    assert "track()" not in entry.content


def test_relative_atom_links_resolve_against_the_feed_address() -> None:
    parsed = parse_feed((DATA / "atom.xml").read_bytes(), url="https://harbour.example/feed.atom")
    assert parsed.entries[0].link == "https://harbour.example/notes/7"


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("plain words", "plain words"),
        ("<p>One</p><p>Two &amp; three</p>", "One\n\nTwo & three"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<style>p{}</style><script>x()</script><p>kept</p><!-- gone -->", "kept"),
        ("<ul><li>first</li><li>second</li></ul>", "first\n\nsecond"),
        ("word<b>bold</b> &nbsp; <i>it</i>", "wordbold it"),
        ("<table><tr><td>a</td><td>b</td></tr></table>", "a b"),
        ("  lots \n\n\n\n of   space ", "lots\n\nof space"),
        ("", ""),
        (None, ""),
    ],
)
def test_html_to_text(markup: str | None, text: str) -> None:
    assert html_to_text(markup) == text


def test_json_feed_version_1() -> None:
    data = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": "Old style",
            "author": {"name": "Desk"},
            "items": [
                {"id": 7, "summary": "short", "content_text": "long text", "date_published": "2024-01-02"}
            ],
        }
    ).encode()
    parsed = parse_feed(data)
    entry = parsed.entries[0]
    assert (parsed.version, entry.guid, entry.author, entry.content, entry.summary) == (
        "json1",
        "7",
        "Desk",
        "long text",
        "short",
    )
    assert entry.published == "2024-01-02T00:00:00+00:00"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "empty body"),
        (b"  \n\t ", "empty body"),
        ((DATA / "page.html").read_bytes(), "not a feed: looks like an HTML page"),
        (bytes(range(256)) * 40, "not a feed: binary data"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x03" * 500, "not a feed: binary data"),
        (b'{"name": "not a feed"}', "not a feed: JSON, but not a JSON Feed"),
        (b"{broken json", "not a feed: broken JSON"),
        (b"<?xml version='1.0'?><config><a>1</a></config>", "not a feed: no RSS, Atom"),
        (b"<rss version='2.0'><channel><title>cut off", "not a feed: broken XML"),
    ],
    ids=["empty", "blank", "html", "binary", "png", "json", "bad-json", "other-xml", "truncated"],
)
def test_not_a_feed_errors_say_what_it_is(data: bytes, error: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse_feed(data)
    assert str(caught.value).startswith(error)
    assert "\n" not in str(caught.value)


def test_a_feed_with_no_items_is_fine() -> None:
    parsed = parse_feed(b"<rss version='2.0'><channel><title>Quiet</title></channel></rss>")
    assert parsed.entries == () and parsed.title == "Quiet" and parsed.warning is None


@pytest.mark.parametrize("one_line", [False, True], ids=["multi-line", "one-line"])
def test_billion_laughs_is_refused_before_expansion(one_line: bool) -> None:
    bomb = billion_laughs(one_line=one_line)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(FeedError, match="unsafe XML refused: .*nested entity"):
            parse_feed(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 2  # generous; unguarded, the one-line bomb costs seconds
    assert peak < 2_000_000


def test_feedparser_alone_never_expands_the_multi_line_bomb() -> None:
    """What feedparser does without our guard: it strips nested declarations (so no 'lol' text)."""
    result = feedparser.parse(io.BytesIO(billion_laughs(levels=3)))
    assert "lollol" not in repr(result)


@pytest.mark.parametrize(
    ("one_line", "parameter"),
    [(False, False), (True, False), (False, True)],
    ids=["general", "one-line", "param"],
)
def test_xxe_is_refused_and_never_reads_the_file(tmp_path: Path, one_line: bool, parameter: bool) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD-4711")
    with pytest.raises(FeedError, match="unsafe XML refused: .*(external|parameter) entity") as caught:
        parse_feed(xxe(secret, one_line=one_line, parameter=parameter))
    assert "TOP-SECRET" not in str(caught.value)


@pytest.mark.parametrize(
    ("one_line", "parameter"),
    [(False, False), (True, False), (False, True)],
    ids=["general", "one-line", "param"],
)
def test_feedparser_alone_does_not_read_external_entities(
    tmp_path: Path, one_line: bool, parameter: bool
) -> None:
    """Defence in depth: even past our guard, feedparser + expat never load the file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD-4711")
    result = feedparser.parse(io.BytesIO(xxe(secret, one_line=one_line, parameter=parameter)))
    assert "TOP-SECRET" not in repr(result)


def test_safe_internal_entities_are_allowed() -> None:
    doc = (
        b'<!DOCTYPE rss [\n  <!ENTITY id "tag:example.com,">\n  <!ENTITY copy "&#169;">\n]>\n'
        b"<rss version='2.0'><channel><item><guid isPermaLink='false'>&id;2006:/a</guid></item>"
        b"</channel></rss>"
    )
    assert unsafe_entities(doc) is None
    assert parse_feed(doc).entries[0].guid == "tag:example.com,2006:/a"


def test_entity_check_reads_utf16_and_unknown_prologs() -> None:
    doc = xxe(Path("/etc/hostname")).decode()
    assert unsafe_entities(doc.encode("utf-16")) is not None
    broken = doc.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="x-no-such"?>')
    assert unsafe_entities(broken.encode()) is not None


def test_link_keys_ignore_noise_but_not_the_article() -> None:
    same = {
        link_key("https://www.site.example/a/b/?utm_source=rss&utm_medium=x#top"),
        link_key("http://site.example:80/a//b"),
        link_key("HTTPS://Site.Example/a/b/"),
    }
    assert same == {"site.example/a/b"}
    assert link_key("https://site.example/a/b?id=2") != link_key("https://site.example/a/b?id=3")
    assert link_key("https://site.example:8443/a") == "site.example:8443/a"
    assert link_key("") is None and link_key("not a url") == "not a url"


def test_bare_guids_are_scoped_by_feed_but_uri_guids_are_global() -> None:
    assert guid_key("12", "feed-a") != guid_key("12", "feed-b")
    assert guid_key("https://s.example/?p=12", "feed-a") == guid_key("https://s.example/?p=12", "feed-b")
    assert guid_key("tag:s.example,2024:12", "a") == "tag:s.example,2024:12"
    assert guid_key("  ", "a") is None


def test_story_ids_are_stable_and_short_texts_are_not_hash_keys() -> None:
    digest, long_enough = content_hash("Title", "word " * 30)
    assert long_enough and content_hash("title", "WORD  " * 30)[0] == digest
    assert not content_hash("Untitled", "")[1]
    assert story_id("g", None, digest) == story_id("g", "other", "other") != story_id(None, "g", digest)
