"""Name keys across transliterations: the ground the cross-story figure registry stands on."""

from __future__ import annotations

import pytest

from briefings.framing import name_key, name_similarity, same_person

SAME = [
    ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya"),
    ("Tsikhanouskaya", "Tsikhanovskaya"),
    ("Alexander Lukashenko", "Aleksandr Lukashenka"),
    ("Pavel Latushka", "Pavel Latushko"),
    ("Siarhei Tsikhanouski", "Sergei Tikhanovsky"),
    ("Valery Kavaleuski", "Valery Kovalevsky"),
    ("Maria Kalesnikava", "Maria Kolesnikova"),
    ("Nicolae Ceaușescu", "Nicolae Ceausescu"),
    ("Dr. Ana María de la Cruz", "Ana Maria De la Cruz"),
    ("J. Smith", "John Smith"),
    ("Latushka", "Pavel Latushka"),
]
DIFFERENT = [
    ("Siarhei Tsikhanouski", "Sviatlana Tsikhanouskaya"),  # husband and wife
    ("Tsikhanouski", "Tsikhanouskaya"),
    ("Carl Hendricks", "Gail Hendricks"),
    ("Donald Trump", "Ivanka Trump"),
    ("Alexander Friedman", "Alexander Lukashenko"),
]


@pytest.mark.parametrize("a,b", SAME, ids=[f"{a}~{b}" for a, b in SAME])
def test_same_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert name_similarity(a, b) >= 85


@pytest.mark.parametrize("a,b", DIFFERENT, ids=[f"{a}~{b}" for a, b in DIFFERENT])
def test_different_people(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_key_ignores_titles_particles_and_possessives() -> None:
    assert name_key("Sen. Elizabeth Warren's") == name_key("Elizabeth Warren")
    assert name_key("Jan van der Berg") == name_key("Jan Berg")


def test_key_of_nothing_is_empty() -> None:
    assert name_key("") == ""
    assert name_similarity("", "Someone") == 0.0


def test_surname_key_is_the_last_word() -> None:
    from briefings.framing.names import surname_key

    assert surname_key("Pavel Latushka") == surname_key("Latushko")
    assert surname_key("") == ""


@pytest.mark.parametrize(
    ("name", "title", "rest"),
    [
        ("Councilmember Maria Delgado", "Councilmember", "Maria Delgado"),
        ("Former Prime Minister Ingrid Halvorsen", "Former Prime Minister", "Ingrid Halvorsen"),
        ("Sen. Elizabeth Warren", "Sen.", "Elizabeth Warren"),
        ("Dean Baker", "", "Dean Baker"),  # a title word that is a given name, before one name word
        ("Dean John Baker", "Dean", "John Baker"),
        ("Prime Minister", "", "Prime Minister"),  # all title: nothing to split off
        ("King Jr.", "", "King Jr."),
        ("Maria Delgado", "", "Maria Delgado"),
    ],
)
def test_split_title(name: str, title: str, rest: str) -> None:
    from briefings.framing.names import split_title

    assert split_title(name) == (title, rest)


def test_identity_key_keeps_the_generational_suffix_and_drops_credentials() -> None:
    from briefings.framing.names import identity_key

    assert identity_key("Martin Luther King Jr.") == identity_key("Martin Luther King, Jr.")
    assert identity_key("Martin Luther King Jr.") != identity_key("Martin Luther King Sr.")
    assert identity_key("Amara Okafor PhD") == identity_key("Amara Okafor")


def test_fold_transliterates_cyrillic() -> None:
    from briefings.framing.folding import fold

    assert fold("Марчук") == "marchuk"
    assert fold("Ціханоўская") == "tsikhanouskaya"
    assert fold("Юлія Щербак") == "yuliya shcherbak"


def test_vowels_are_folded_only_for_slavic_surnames() -> None:
    from briefings.framing.names import surname_key

    assert surname_key("Lukashenka") == surname_key("Lukashenko")
    assert surname_key("Hill") != surname_key("Hall")


def test_a_story_naming_someone_with_a_suffix_frames_without_error() -> None:
    """`King Jr.` once keyed to nothing, and the story's cast indexed the empty key."""
    from briefings.framing import frame_text

    text = ('Martin Luther King Jr. spoke first. "We cannot wait," King Jr. said. '
            'Councilmember Maria Delgado answered: "We can build it."')
    frame_text(text, title="Council debate")
