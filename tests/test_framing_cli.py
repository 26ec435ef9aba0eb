"""`briefing-bot frame FILE [--json]`: formats, schema, and files that are no article."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from bot.cli import cli
from briefings.errors import FramingError
from briefings.framing import frame_text, load_article

STORY = (
    "Valley council torn over whether to close the night bus\n\n"
    'Councillor Ruth Ambrose wants the route cut. "It carries nine people a night," Ambrose said.\n\n'
    'But Theo Marsh, who drives the route, disagrees. "Those nine people have no other way home," he said.\n'
)


@pytest.fixture(scope="module")
def schema(shared: Path) -> dict[str, object]:
    return json.loads((shared / "specs" / "stance-frame.schema.json").read_text())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["frame", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_output_validates_against_the_schema(tmp_path: Path, schema: dict[str, object]) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    code, out, _ = run(str(path), "--json")
    assert code == 0
    frame = json.loads(out)
    jsonschema.validate(frame, schema)
    assert {q["speaker"] for q in frame["quotes"]} == {"Ruth Ambrose", "Theo Marsh"}


def test_seed_frame_validates(shared: Path, schema: dict[str, object]) -> None:
    article = shared / "corpora" / "seed" / "belarus-engagement-debate.txt"
    code, out, _ = run(str(article), "--json")
    assert code == 0
    jsonschema.validate(json.loads(out), schema)


def test_text_output_names_question_sides_and_figures(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    code, out, _ = run(str(path))
    assert code == 0
    assert "Question: Whether to close the night bus?" in out
    assert "Ruth Ambrose" in out and "Theo Marsh" in out
    assert "side:" in out


def test_needs_no_database(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    code, _, _ = run(str(path), "--json")
    assert code == 0
    assert not (tmp_path / "data").exists()  # BRIEFING_DB is neither checked nor created without --db


def test_a_bad_setting_is_one_line_as_for_every_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`frame` reads the settings now (SUMMARISER picks the framer), so it refuses a broken one like the rest."""
    monkeypatch.setenv("BRIEFING_SCHEDULE", "not a schedule")
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    code, out, err = run(str(path), "--json")
    assert code == 2 and out == "" and err.strip().count("\n") == 0 and "BRIEFING_SCHEDULE" in err


@pytest.mark.parametrize(
    "name,content",
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n  "),
        ("binary.bin", bytes(range(256)) * 40),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ],
    ids=["empty", "blank", "binary", "png"],
)
def test_unreadable_files_end_in_one_line(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    code, _, err = run(str(path), "--json")
    assert code == 1
    assert err.startswith("error: ") and err.count("\n") == 1


BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "ha">\n'
    + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">\n' for n in range(9))
    + ']>\n<rss version="2.0"><channel><item><title>&j;</title><description>&j;</description></item></channel></rss>'
)


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("bomb.xml", BOMB, "nested entity 'b' (an entity-expansion bomb)"),
        ("xxe.xml", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    "<rss><channel><item><title>&x;</title></item></channel></rss>", "external entity 'x'"),
        ("bomb.html", BOMB.replace("<rss", "<html><body><rss"), "an entity-expansion bomb"),
    ],
    ids=["bomb", "xxe", "bomb-in-html"],
)
def test_unsafe_xml_is_refused_in_one_line_before_any_parser(tmp_path: Path, name: str, content: str,
                                                              reason: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    code, out, err = run(str(path))
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {path}: unsafe XML refused: the file declares ") and reason in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_missing_file_ends_in_one_line(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "nope.txt"))
    assert code == 1
    assert "nope.txt" in err and err.count("\n") == 1


def test_html_page(tmp_path: Path) -> None:
    body = "".join(f"<p>{para}</p>" for para in STORY.split("\n\n")[1:])
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Night bus row</title><script>var x = 1;</script></head>"
                    f"<body><article>{body}</article></body></html>")
    article = load_article(page)
    assert article.title == "Night bus row"
    assert "var x" not in article.text
    assert {q.speaker for q in frame_text(article.text).quotes} == {"Ruth Ambrose", "Theo Marsh"}


def test_saved_rss_entry(tmp_path: Path) -> None:
    body = STORY.split("\n\n", 1)[1].replace("&", "&amp;").replace("<", "&lt;")
    feed = tmp_path / "entry.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Valley News</title><item>'
        "<title>Night bus row</title><link>https://example.org/bus</link>"
        f"<description>{body}</description></item></channel></rss>"
    )
    article = load_article(feed)
    assert article.title == "Night bus row"
    assert article.link == "https://example.org/bus"
    assert "Ruth Ambrose" in article.text


def test_saved_json_feed_entry(tmp_path: Path) -> None:
    feed = tmp_path / "entry.json"
    feed.write_text(json.dumps({
        "version": "https://jsonfeed.org/version/1.1",
        "items": [{"id": "1", "title": "Night bus row", "content_text": STORY}],
    }))
    article = load_article(feed)
    assert article.title == "Night bus row"
    assert article.text == STORY


def test_article_in_another_language_gives_a_valid_frame(schema: dict[str, object]) -> None:
    text = "Бюджэт горада абмяркоўваюць дэпутаты. «Грошай няма», — сказаў мэр на сесіі ў панядзелак."
    frame = frame_text(text)
    jsonschema.validate(frame.to_json_dict(), schema)


def test_story_without_quotes_gives_a_valid_frame(schema: dict[str, object]) -> None:
    frame = frame_text("The library will open an hour later on Saturdays from next month.")
    jsonschema.validate(frame.to_json_dict(), schema)
    assert frame.quotes == []


@pytest.mark.slow
def test_very_large_article_finishes(tmp_path: Path) -> None:
    paragraph = STORY.split("\n\n", 1)[1]
    big = tmp_path / "big.txt"
    big.write_text("Headline\n\n" + (paragraph + "\n") * (5_000_000 // len(paragraph)))
    assert big.stat().st_size >= 4_900_000
    frame = frame_text(load_article(big).text)
    assert len(frame.quotes) > 1000


def test_unbalanced_quote_marks_do_not_swallow_the_story() -> None:
    frame = frame_text('He said "this never closes.\n\nNext paragraph, Dana Lee said, is plain text.')
    assert all("Next paragraph" not in q.text for q in frame.quotes)


def test_framing_error_is_a_domain_error(tmp_path: Path) -> None:
    from briefings.errors import BriefingsError

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(FramingError) as caught:
        load_article(empty)
    assert isinstance(caught.value, BriefingsError)
