"""The figure registry: one figure per person across spellings, and forgiving lookups."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from briefings import registry


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
        ("Sviatlana Tsikhanouskaya", "Tsikhanouskaya"),
        ("Alexander Lukashenko", "Aliaksandr Lukashenka"),
        ("Pavel Latushka", "Pavel Latushko"),
        ("Siarhei Tsikhanouski", "Sergei Tikhanovsky"),
    ],
    ids=["transliteration", "surname-only", "both-names", "ending", "husband-variant"],
)
def test_spelling_variants_resolve_to_one_figure(fresh_db: Database, first: str, second: str) -> None:
    assert registry.resolve(fresh_db, first) == registry.resolve(fresh_db, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski"),
        ("Donald Trump", "Melania Trump"),
        ("Anna Kowalska", "Piotr Nowak"),
    ],
    ids=["wife-and-husband", "same-surname", "strangers"],
)
def test_different_people_stay_apart(fresh_db: Database, first: str, second: str) -> None:
    assert registry.resolve(fresh_db, first) != registry.resolve(fresh_db, second)


def test_surname_alone_is_not_merged_when_two_people_share_it(fresh_db: Database) -> None:
    donald = registry.resolve(fresh_db, "Donald Trump")
    melania = registry.resolve(fresh_db, "Melania Trump")
    assert registry.resolve(fresh_db, "Trump") not in (donald, melania)


def test_role_and_dates_follow_the_newest_story(fresh_db: Database) -> None:
    old, new = datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)
    figure = registry.resolve(fresh_db, "Pavel Latushka", role="deputy", seen=new)
    registry.resolve(fresh_db, "Pavel Latushko", role="former minister", seen=old)
    row = fresh_db.table("figures").get(figure)
    assert row["role"] == "deputy"
    assert row["first_seen"] == old.isoformat() and row["last_seen"] == new.isoformat()


def test_find_ranks_variants_typos_and_surnames(fresh_db: Database) -> None:
    her = registry.resolve(fresh_db, "Sviatlana Tsikhanouskaya")
    registry.resolve(fresh_db, "Siarhei Tsikhanouski")
    latushka = registry.resolve(fresh_db, "Pavel Latushka")
    assert registry.find(fresh_db, "Tikhanovskaya")[0].figure_id == her
    assert registry.find(fresh_db, "latushko")[0].figure_id == latushka
    assert registry.find(fresh_db, "Latuska")[0].figure_id == latushka
    assert registry.find(fresh_db, "Zzyzx Qwerty") == []
    assert registry.find(fresh_db, "  ") == []


def test_find_sees_figures_added_after_the_index_was_built(fresh_db: Database) -> None:
    registry.resolve(fresh_db, "Pavel Latushka")
    assert registry.find(fresh_db, "Kavaleuski") == []
    added = registry.resolve(fresh_db, "Valery Kavaleuski")
    assert registry.find(fresh_db, "Kovalevsky")[0].figure_id == added


@pytest.mark.parametrize("name", ["Jr.", "King Jr.", "Prime Minister", "de la", "Sr. III", "Mr."])
def test_names_of_only_titles_suffixes_or_particles_never_raise(fresh_db: Database, name: str) -> None:
    from briefings.framing.names import name_key, name_tokens, same_person, surname_key

    assert name_key(name) and name_tokens(name) and surname_key(name)
    assert isinstance(same_person(name, "Martin Luther King Jr."), bool)
    assert registry.resolve(fresh_db, name) == registry.resolve(fresh_db, name)
    assert registry.find(fresh_db, name)


def test_a_title_goes_to_the_role_not_the_name(fresh_db: Database) -> None:
    figure = registry.resolve(fresh_db, "Councilmember Maria Delgado")
    row = fresh_db.table("figures").get(figure)
    assert (row["name"], row["role"]) == ("Maria Delgado", "Councilmember")
    assert registry.resolve(fresh_db, "Maria Delgado", role="council member") == figure
    assert registry.find(fresh_db, "Maria Delgado")[0].score == registry.EXACT_SCORE


def test_an_initial_joins_only_the_one_figure_it_fits(fresh_db: Database) -> None:
    john = registry.resolve(fresh_db, "John Smith")
    assert registry.resolve(fresh_db, "J. Smith") == john
    jane = registry.resolve(fresh_db, "Jane Smith")
    assert jane != john  # not through John's alias `J. Smith`
    assert registry.resolve(fresh_db, "J. Smith") == john  # a known spelling stays his
    assert registry.resolve(fresh_db, "Smith") not in (john, jane)


def test_a_name_without_its_suffix_joins_only_when_unambiguous(fresh_db: Database) -> None:
    junior = registry.resolve(fresh_db, "Martin Luther King Jr.")
    assert registry.resolve(fresh_db, "King Jr.") == junior
    assert registry.resolve(fresh_db, "Martin Luther King") == junior
    senior = registry.resolve(fresh_db, "Martin Luther King Sr.")
    assert senior != junior
    assert [m.figure_id for m in registry.find(fresh_db, "King Jr.")][:1] == [junior]
    assert {m.figure_id for m in registry.find(fresh_db, "Martin Luther King Sr.")[:1]} == {senior}


def test_find_by_surname_title_cyrillic_and_suffix(fresh_db: Database) -> None:
    marchuk = registry.resolve(fresh_db, "Uladzimir Marchuk")
    dabravolski = registry.resolve(fresh_db, "Ihar Dabravolski")
    registry.resolve(fresh_db, "Vasil Dubrouski")
    first = registry.find(fresh_db, "Dabravolski")
    assert [m.figure_id for m in first] == [dabravolski]  # Dubrouski is not even a suggestion then
    assert registry.find(fresh_db, "Dobrovolsky")[0].figure_id == dabravolski
    assert registry.find(fresh_db, "Марчук")[0].figure_id == marchuk
    assert registry.find(fresh_db, "Ambassador Uladzimir Marchuk")[0].score == registry.EXACT_SCORE


def test_a_shared_surname_gives_suggestions_and_a_near_namesake_only_a_suggestion(fresh_db: Database) -> None:
    hall = registry.resolve(fresh_db, "John Hall")
    registry.resolve(fresh_db, "Anna Hall")
    both = registry.find(fresh_db, "Hall")
    assert both[0].score == both[1].score  # the caller must ask which
    near = registry.find(fresh_db, "John Hill")[0]
    assert near.figure_id == hall and near.score < registry.LOOKUP_SCORE


def test_stance_takes_a_surname_only_when_one_figure_holds_it(fresh_db: Database) -> None:
    from briefings.stance import lookup_stance

    john = registry.resolve(fresh_db, "John Smith")
    registry.resolve(fresh_db, "Jane Smith")
    smith = registry.resolve(fresh_db, "Smith")  # a figure of its own: the story did not say which
    assert lookup_stance(fresh_db, "Smith").report is None
    found = lookup_stance(fresh_db, "John Smith").report
    assert found is not None and found.figure_id == john
    assert smith != john
    dabravolski = registry.resolve(fresh_db, "Ihar Dabravolski")
    registry.resolve(fresh_db, "Vasil Dubrouski")
    found = lookup_stance(fresh_db, "Dabravolski").report
    assert found is not None and found.figure_id == dabravolski
    assert lookup_stance(fresh_db, "John Hill").report is None


def test_the_stance_command_finds_names_as_readers_type_them(db_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import cli
    from briefings.framing.model import FigureFrame, StanceFrame
    from briefings.store import open_database
    from briefings.store.statements import save_frame

    db = open_database(db_path)
    db.table("stories").insert({"id": "s1", "title": "Council", "link": "https://example.org/s1"})
    frame = StanceFrame(question="Build it?", figures=[
        FigureFrame(name="Councilmember Maria Delgado", side="for", quotes=["Build it."]),
        FigureFrame(name="Uladzimir Marchuk", side="against", quotes=["Not now."]),
        FigureFrame(name="Ihar Dabravolski", side="against"),
        FigureFrame(name="Vasil Dubrouski", side="for"),
        FigureFrame(name="Martin Luther King Jr.", side="for"),
    ])
    save_frame(db, story_id="s1", frame=frame, published=datetime(2026, 11, 3, tzinfo=UTC))
    runner = CliRunner()
    for query, shown in [("Maria Delgado", "Maria Delgado\n\nCouncilmember"), ("Марчук", "Uladzimir Marchuk"),
                         ("Dabravolski", "Ihar Dabravolski"), ("King Jr.", "Martin Luther King Jr."),
                         ("Martin Luther King", "Martin Luther King Jr.")]:
        result = runner.invoke(cli, ["stance", query, "--db", str(db_path)])
        assert result.exit_code == 0 and shown in result.output, (query, result.output)
    missing = runner.invoke(cli, ["stance", "Maria Delgada", "--db", str(db_path)])
    assert missing.exit_code == 1 and "Maria Delgado" in missing.output


def test_a_lookup_never_reaches_a_figure_through_one_loose_alias(fresh_db: Database) -> None:
    from briefings.stance import lookup_stance

    john = registry.resolve(fresh_db, "John Smith")
    assert registry.resolve(fresh_db, "J. Smith") == john
    assert lookup_stance(fresh_db, "Jane Smith").report is None  # `J. Smith` fits her, `John Smith` does not
    found = lookup_stance(fresh_db, "J. Smith").report
    assert found is not None and found.figure_id == john


def test_a_nickname_the_story_gives_vouches_for_both_given_names(fresh_db: Database) -> None:
    full = registry.resolve(fresh_db, 'Rogelio "Boyet" Dimaculangan')
    assert registry.resolve(fresh_db, "Boyet Dimaculangan") == full
    assert registry.resolve(fresh_db, "Rogelio Dimaculangan") == full  # though Boyet is not Rogelio as a name
    assert registry.resolve(fresh_db, "Ramon Dimaculangan") != full


def test_a_fuller_name_vouches_for_each_given_name_alone_but_an_initial_for_no_one(fresh_db: Database) -> None:
    full = registry.resolve(fresh_db, "Daniel Kipng'eno Rotich")
    assert registry.resolve(fresh_db, "Kipng'eno Rotich") == full
    assert registry.resolve(fresh_db, "Daniel Rotich") == full  # though Daniel is not Kipng'eno
    john = registry.resolve(fresh_db, "John Smith")
    assert registry.resolve(fresh_db, "J. Smith") == john
    assert registry.resolve(fresh_db, "Jane Smith") != john
